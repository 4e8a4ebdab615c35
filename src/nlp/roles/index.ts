/**
 * Person roles from the article's own wording.
 *
 * Three patterns, tried in this order for each PERSON name mention:
 * 1. a title right before the name: "Chinese special envoy Zhai Jun", "U.S. Secretary of State Antony Blinken",
 *    "the special envoy for the Chinese government on the Middle East issue Zhai Jun";
 * 2. a title set off by commas before the name: "China's Foreign Minister, Wang Yi, said";
 * 3. an appositive after the name: "Mikhail Bogdanov, Russia's Deputy FM and Special Presidential Representative
 *    for the Middle East and Africa, ...".
 * A role must hold a role noun from the lexicon, never holds (part of) another person's name, and keeps the exact
 * text it covers (abbreviations such as "FM" stay as written; see {@link expandRoleAbbreviations} for display).
 */
import type { Doc, Entity, TextSpan, Token } from "../../model.js";
import { ensureTokens, isCapitalized, isPossessiveMarker, spanOf, tokenAtOrAfter } from "./doc-utils.js";
import { HONORIFICS, ROLE_ABBREVIATIONS, ROLE_LEADING_DROP, ROLE_MODIFIERS, ROLE_NOUNS, TITLE_CONNECTORS } from "./lexicon.js";

/** Longest title before a name, in tokens ("the special envoy for the Chinese government on the Middle East issue" is 11). */
const MAX_TITLE_TOKENS = 14;
/** Longest appositive after a name, in tokens. */
const MAX_APPOSITIVE_TOKENS = 20;
/** Tokens that close an appositive. */
const APPOSITIVE_END = new Set([",", ";", ".", "(", ")", "—", "–", "--", ":", "\"", "“", "”"]);
/** Parts of speech that may never appear inside a title or appositive role. */
const NON_TITLE_POS = new Set(["VERB", "AUX", "PRON", "SCONJ", "CCONJ", "NUM", "INTJ", "SYM"]);

/**
 * Sets `entity.role` on each PERSON name mention that the article gives a title or role, in place.
 * Needs `doc.entities`; tokenizes the text if `doc.tokens` is missing. Leaves existing roles alone.
 */
export function attachRoles(doc: Doc): void {
  const entities = doc.entities ?? [];
  if (!entities.length) return;
  const { tokens } = ensureTokens(doc);
  const persons = entities.filter((e) => e.type === "PERSON" && (e.mention ?? "name") === "name");
  for (const ent of persons) {
    if (ent.role) continue;
    const role = titleBefore(doc.text, tokens, ent, persons) ?? commaTitleBefore(doc.text, tokens, ent, persons) ?? appositiveAfter(doc.text, tokens, ent, persons);
    if (role) ent.role = role;
  }
}

/** "FM" -> "Foreign Minister" etc., for display; the role span itself is never changed. */
export function expandRoleAbbreviations(role: string): string {
  return role.replace(/\b([A-Za-z]{2,4})\b\.?/g, (m, w: string) => ROLE_ABBREVIATIONS[w.toLowerCase()] && w === w.toUpperCase() ? ROLE_ABBREVIATIONS[w.toLowerCase()] : m);
}

/** True when token i lies inside a PERSON mention other than `self`. */
function inOtherPerson(tok: Token, persons: readonly Entity[], self: Entity): boolean {
  return persons.some((p) => p !== self && p.start < tok.end && tok.start < p.end);
}

/** Can this token be part of a title ("Minister", "of", "Qatar", "'s", "government")? */
function titleToken(tok: Token): boolean {
  const n = tok.norm;
  if (ROLE_NOUNS.has(n) || ROLE_MODIFIERS.has(n) || TITLE_CONNECTORS.has(n) || ROLE_ABBREVIATIONS[n.replace(/\.$/, "")]) return true;
  if (isPossessiveMarker(tok)) return true;
  if (NON_TITLE_POS.has(tok.pos) || tok.pos === "PUNCT" || tok.pos === "ADP" || tok.pos === "DET") return false;
  return tok.pos === "PROPN" || tok.pos === "NOUN" || tok.pos === "ADJ" || isCapitalized(tok);
}

/** True when the tokens [a, b) hold a singular role noun (or a role abbreviation such as "FM", "Gen."). */
function hasRoleNoun(tokens: readonly Token[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const n = tokens[i].norm.replace(/\.$/, "");
    if (ROLE_NOUNS.has(n) || (ROLE_ABBREVIATIONS[n] && tokens[i].text.charAt(0) !== n.charAt(0))) return true;
  }
  return false;
}

/** Drops determiners, connectors and possessive pronouns from the left of [a, b); returns the new a. */
function trimLeft(tokens: readonly Token[], a: number, b: number): number {
  while (a < b && (ROLE_LEADING_DROP.has(tokens[a].norm) || isPossessiveMarker(tokens[a]))) a++;
  return a;
}

/** Drops connectors and possessive markers from the right of [a, b); returns the new b. */
function trimRight(tokens: readonly Token[], a: number, b: number): number {
  while (b > a && (TITLE_CONNECTORS.has(tokens[b - 1].norm) || isPossessiveMarker(tokens[b - 1]))) b--;
  return b;
}

/** Walks left from token `end - 1` over title tokens in the same sentence; returns the first token of the run. */
function walkTitleLeft(tokens: readonly Token[], end: number, self: Entity, persons: readonly Entity[]): number {
  let j = end - 1;
  const sentence = tokens[end - 1]?.sentence;
  while (j >= 0 && end - j <= MAX_TITLE_TOKENS) {
    const tok = tokens[j];
    if (tok.sentence !== sentence || inOtherPerson(tok, persons, self) || !titleToken(tok)) break;
    if (HONORIFICS[tok.norm] !== undefined) break;
    j--;
  }
  return j + 1;
}

/** Pattern 1: "Chinese special envoy Zhai Jun". */
function titleBefore(text: string, tokens: readonly Token[], ent: Entity, persons: readonly Entity[]): TextSpan | undefined {
  const first = tokenAtOrAfter(tokens, ent.start);
  if (first <= 0 || first >= tokens.length) return undefined;
  let end = first;
  // "Mr." / "Dr." right before the name is an honorific, not a role: look past it only for a title before it.
  if (HONORIFICS[tokens[end - 1].norm] !== undefined) end--;
  if (end <= 0 || !titleToken(tokens[end - 1]) || TITLE_CONNECTORS.has(tokens[end - 1].norm)) return undefined;
  let a = walkTitleLeft(tokens, end, ent, persons);
  a = trimLeft(tokens, a, end);
  const b = trimRight(tokens, a, end);
  if (a >= b || !hasRoleNoun(tokens, a, b)) return undefined;
  return spanOf(text, tokens[a].start, tokens[b - 1].end);
}

/** Pattern 2: "China's Foreign Minister, Wang Yi, said". The name must be closed by a comma. */
function commaTitleBefore(text: string, tokens: readonly Token[], ent: Entity, persons: readonly Entity[]): TextSpan | undefined {
  const first = tokenAtOrAfter(tokens, ent.start);
  const after = tokenAtOrAfter(tokens, ent.end);
  if (first < 2 || tokens[first - 1].text !== "," || tokens[after]?.text !== ",") return undefined;
  const end = first - 1;
  const last = tokens[end - 1];
  if (!ROLE_NOUNS.has(last.norm) && !ROLE_ABBREVIATIONS[last.norm] && !/^[A-Z]/.test(last.text)) return undefined;
  let a = walkTitleLeft(tokens, end, ent, persons);
  a = trimLeft(tokens, a, end);
  const b = trimRight(tokens, a, end);
  if (a >= b || !hasRoleNoun(tokens, a, b)) return undefined;
  // The title must open its clause: sentence start, or after a comma / preposition.
  const before = tokens[a - 1];
  if (before && before.sentence === last.sentence && !(before.text === "," || before.pos === "ADP" || ROLE_LEADING_DROP.has(before.norm))) return undefined;
  return spanOf(text, tokens[a].start, tokens[b - 1].end);
}

/** Pattern 3: "Mikhail Bogdanov, Russia's Deputy FM and Special Presidential Representative ..., said". */
function appositiveAfter(text: string, tokens: readonly Token[], ent: Entity, persons: readonly Entity[]): TextSpan | undefined {
  const comma = tokenAtOrAfter(tokens, ent.end);
  if (tokens[comma]?.text !== "," || tokens[comma].start !== ent.end) return undefined;
  const sentence = tokens[comma].sentence;
  let j = comma + 1;
  while (j < tokens.length && tokens[j].sentence === sentence && !APPOSITIVE_END.has(tokens[j].text) && j - comma <= MAX_APPOSITIVE_TOKENS) {
    const tok = tokens[j];
    if (inOtherPerson(tok, persons, ent)) return undefined;
    // An appositive is a noun phrase: no verbs, no clauses ("who", "which").
    if ((NON_TITLE_POS.has(tok.pos) && !(tok.norm === "and" && j > comma + 1)) || /^(who|which|that|whose)$/.test(tok.norm)) {
      if (tok.pos === "PRON" && /^(his|her|their|its)$/.test(tok.norm)) {
        j++;
        continue;
      }
      return undefined;
    }
    j++;
  }
  if (j - comma > MAX_APPOSITIVE_TOKENS) return undefined;
  let a = trimLeft(tokens, comma + 1, j);
  const b = trimRight(tokens, a, j);
  if (tokens[a]?.norm === "and") a++;
  if (a >= b || !hasRoleNoun(tokens, a, b)) return undefined;
  return spanOf(text, tokens[a].start, tokens[b - 1].end);
}
