/**
 * Document-level features for a second-stage tagger (Krishnan & Manning 2006 style two-stage).
 *
 * The first-stage tagger reads one sentence at a time. The second stage is the same kind of tagger
 * with the same local features plus these, computed from the first stage's output over the whole
 * document:
 * - token majority (`dtm=`): the first-stage type (or O) most often given to the other capitalised
 *   occurrences of the same word (case-insensitive); `dtmu=` when they all agree (two or more);
 * - entity majority (`dem=`): for a token inside a first-stage entity, the type most often given
 *   to the same entity string elsewhere in the document;
 * - super-entity majority (`dsm=`): the type of longer first-stage entities elsewhere that contain
 *   the word, and whether it was their first, middle or last word ("Zhai" inside "Zhai Jun");
 * - lower case elsewhere (`dlc`): a capitalised word that also occurs in lower case (not sentence
 *   initially) in ordinary sentences of the document, split by sentence-initial position.
 * In headline and capitals lines the features carry the line's case mode as a prefix.
 * scripts/train-ner.ts --stage2 trains the second stage on first-stage outputs produced by
 * jack-knifing, so the document evidence it learns from is as noisy as at run time.
 */
import type { CaseMode } from "./casing.js";
import type { FeatToken } from "./features.js";
import { lookupForm } from "./gazetteer.js";

/** One sentence with the first stage's tags and its case mode. */
export interface Stage1Sentence {
  tokens: readonly FeatToken[];
  tags: readonly string[];
  mode: CaseMode;
}

/** Counts of document evidence are capped at this many in feature values (more says nothing new). */
const MAX_COUNT_FEATURE = 3;

const typeOf = (tag: string): string => (tag === "O" ? "O" : tag.slice(2));
const startsUpper = (w: string): boolean => /^\p{Lu}/u.test(w);
const isLowerWord = (w: string): boolean => /^\p{Ll}+$/u.test(w);

/** Most frequent key of a count map, leaving out one vote for `minus` (the token's own). */
function majority(m: Map<string, number> | undefined, minus?: string): { type: string; n: number; unanimous: boolean } | undefined {
  if (!m) return undefined;
  let best = "";
  let bestN = 0;
  let total = 0;
  for (const [k, v0] of m) {
    const v = k === minus ? v0 - 1 : v0;
    if (v <= 0) continue;
    total += v;
    if (v > bestN) {
      best = k;
      bestN = v;
    }
  }
  return bestN > 0 ? { type: best, n: Math.min(bestN, MAX_COUNT_FEATURE), unanimous: bestN === total } : undefined;
}

function bump(m: Map<string, Map<string, number>>, key: string, type: string): void {
  let v = m.get(key);
  if (!v) m.set(key, (v = new Map()));
  v.set(type, (v.get(type) ?? 0) + 1);
}

/** First-stage entity spans of a sentence: [start, end, type]. */
function spansOf(tags: readonly string[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] === "O") continue;
    const type = typeOf(tags[i]);
    let j = i + 1;
    while (j < tags.length && tags[j] === `I-${type}`) j++;
    out.push([i, j, type]);
    i = j - 1;
  }
  return out;
}

/** The document features of every token of a document (one list per sentence, per token). */
export function documentFeatures(doc: readonly Stage1Sentence[]): string[][][] {
  const tokenTypes = new Map<string, Map<string, number>>();
  const entityTypes = new Map<string, Map<string, number>>();
  const superTypes = new Map<string, Map<string, number>>();
  const lowerSeen = new Set<string>();
  const entityKey: (string | undefined)[][] = [];
  const place: (string | undefined)[][] = [];
  for (const s of doc) {
    const keys: (string | undefined)[] = new Array(s.tokens.length).fill(undefined);
    const where: (string | undefined)[] = new Array(s.tokens.length).fill(undefined);
    s.tokens.forEach((t, i) => {
      const w = t.text;
      if (startsUpper(w)) bump(tokenTypes, lookupForm(w), typeOf(s.tags[i]));
      else if (s.mode === "normal" && i > 0 && isLowerWord(w)) lowerSeen.add(w);
    });
    for (const [a, b, type] of spansOf(s.tags)) {
      const key = s.tokens.slice(a, b).map((t) => lookupForm(t.text)).join(" ");
      for (let i = a; i < b; i++) keys[i] = key;
      bump(entityTypes, key, type);
      if (b - a >= 2) {
        for (let i = a; i < b; i++) {
          where[i] = `${type}|${i === a ? "first" : i === b - 1 ? "last" : "mid"}`;
          bump(superTypes, lookupForm(s.tokens[i].text), where[i] as string);
        }
      }
    }
    entityKey.push(keys);
    place.push(where);
  }

  return doc.map((s, si) => {
    const pre = s.mode === "normal" ? "" : `${s.mode}|`;
    return s.tokens.map((t, i) => {
      const f: string[] = [];
      const w = t.text;
      if (startsUpper(w)) {
        const form = lookupForm(w);
        const tm = majority(tokenTypes.get(form), typeOf(s.tags[i]));
        if (tm) {
          f.push(`${pre}dtm=${tm.type}`, `${pre}dtmn=${tm.type}|${tm.n}`);
          if (tm.unanimous && tm.n >= 2) f.push(`${pre}dtmu=${tm.type}`);
        }
        const sm = majority(superTypes.get(form), place[si][i]);
        if (sm) f.push(`${pre}dsm=${sm.type}`);
        if (lowerSeen.has(w.toLowerCase())) f.push(`${pre}dlc|init=${i === 0 ? 1 : 0}`);
      }
      const key = entityKey[si][i];
      if (key !== undefined) {
        const em = majority(entityTypes.get(key), typeOf(s.tags[i]));
        if (em) f.push(`${pre}dem=${em.type}`);
      }
      return f;
    });
  });
}
