/**
 * Participants that are a bare nationality adjective ("Egyptian" in "Egyptian demonstrators
 * raged ..., calling on", "the American" in "the American called for"): the adjective names no
 * one. When a noun follows, the participant is the whole description ("Egyptian demonstrators",
 * or the country for a group noun: "Egyptian military officials" -> Egypt); "the Chinese" (a
 * collective adjective used as a noun for the people or the state) stands for the country;
 * otherwise ("the American": one unnamed person) the participant is dropped.
 */
import type { EventArg } from "../../model.js";
import { describe } from "./args.js";
import { countryOfDemonym } from "./demonyms.js";
import { entityArg, entityNamed, spanArg, type DocView } from "./view.js";

/** Nationality adjectives that name the whole people or state after "the" ("the Chinese", "the British"); "the American" is one person. */
const COLLECTIVE = /(ese|ish|ch|sh|ss)$/i;
/** Most words (nouns and lower-case adjectives) after a nationality adjective taken as its noun phrase ("Egyptian military officials"). */
const MAX_HEAD_WORDS = 3;

/** Replaces bare nationality adjectives among `args` by what they stand for (see the file comment); drops the rest. */
export function resolveNationals(view: DocView, args: EventArg[]): EventArg[] {
  const out: EventArg[] = [];
  for (const a of args) {
    const country = isAdjective(view, a) ? countryOfDemonym(a.text.trim()) : undefined;
    if (!country) {
      out.push(a);
      continue;
    }
    const r = tokenSpan(view, a);
    if (!r) continue;
    const head = headNoun(view, r[1]);
    if (head >= 0) {
      out.push(describe(view, r[0], head));
      continue;
    }
    const prev = r[0] > 0 ? view.tokens[r[0] - 1].norm : "";
    if (prev === "the" && COLLECTIVE.test(a.text.trim())) {
      const linked = entityNamed(view, country);
      out.push(spanArg(view, r[0] - 1, r[1], country, linked ? entityArg(view, linked).entityId : undefined));
    }
  }
  return out;
}

/**
 * Whether the argument is a nationality adjective rather than a country's short name: a capitalised
 * word ("Egyptian", not "U.S." or "UK") that is not tagged as a place, organisation or person.
 */
function isAdjective(view: DocView, a: EventArg): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(a.text.trim())) return false;
  const e = a.entityId ? view.byId.get(a.entityId) : undefined;
  return !e || e.type === "MISC";
}

/** The tokens [first, last] covering the argument's span. */
function tokenSpan(view: DocView, a: EventArg): [number, number] | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < view.tokens.length; i++) {
    const t = view.tokens[i];
    if (t.start >= a.end) break;
    if (t.end <= a.start) continue;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? undefined : [first, last];
}

/** The last common noun of the phrase right after token `last` (adjectives may come between), or -1. */
function headNoun(view: DocView, last: number): number {
  let head = -1;
  for (let k = last + 1; k < Math.min(view.tokens.length, last + 1 + MAX_HEAD_WORDS); k++) {
    const t = view.tokens[k];
    if (view.entityAt.has(k) && !countryOfDemonym(t.text)) break;
    if (t.pos === "NOUN" && /^[a-z]/.test(t.text)) head = k;
    else if (!(t.pos === "ADJ" && /^[a-z]/.test(t.text))) break;
  }
  return head;
}
