/**
 * Finds event triggers in a sentence by matching the lexicon (lexicon.ts) against tokens.
 * Patterns may skip a few modifiers between their words ("held lengthy talks"); the longest
 * match at a position wins, and a word matched by one trigger is not reused by another.
 */
import type { Token } from "../../model.js";
import { nounForms, verbForms } from "./inflect.js";
import { RESOLUTION_NOUNS, TRIGGERS, type TriggerEntry } from "./lexicon.js";

/** At most this many modifier tokens may sit between two words of a pattern. */
export const MAX_PATTERN_GAP = 3;
/** POS tags a gap between pattern words may consist of (determiners, modifiers, possessives, noun modifiers). */
const GAP_POS = new Set(["DET", "ADJ", "ADV", "NUM", "PRON", "PART", "NOUN", "PROPN"]);

/** One matched trigger: token indices are global (into doc.tokens). */
export interface TriggerMatch {
  entry: TriggerEntry;
  /** First and one-past-last token of the matched words. */
  start: number;
  end: number;
  /** The inflected (head) word: the verb or noun that carries the event. */
  head: number;
}

interface CompiledEntry {
  entry: TriggerEntry;
  words: ReadonlySet<string>[];
  /** Index of the first inflected word (the head); 0 when none is marked. */
  headWord: number;
}

let compiled: Map<string, CompiledEntry[]> | undefined;

/** Expands the lexicon once into a map from first-word form to entries. */
function lexiconIndex(): Map<string, CompiledEntry[]> {
  if (compiled) return compiled;
  compiled = new Map();
  for (const entry of TRIGGERS) {
    const parts = entry.pattern.split(/\s+/);
    let headWord = -1;
    const words = parts.map((part, i) => {
      const set = new Set<string>();
      for (const alt of part.split("|")) {
        if (alt.endsWith("~")) {
          if (headWord < 0) headWord = i;
          const lemma = alt.slice(0, -1);
          for (const f of entry.pos === "verb" ? verbForms(lemma) : nounForms(lemma)) set.add(f);
        } else set.add(alt);
      }
      return set;
    });
    const c: CompiledEntry = { entry, words, headWord: Math.max(0, headWord) };
    for (const form of words[0]) {
      const list = compiled.get(form) ?? [];
      list.push(c);
      compiled.set(form, list);
    }
  }
  return compiled;
}

/** Lower-cased form with typographic apostrophes made plain. */
export function normOf(t: Token): string {
  return t.norm.replace(/[’‘]/g, "'");
}

/** Determiners and possessives that mark the next word as a noun ("a meeting", "his visit"). */
const NOUN_MARKERS = new Set(["a", "an", "the", "his", "her", "its", "their", "our", "this", "that", "'s"]);

/** Whether the head token's POS fits the entry; `multiword` patterns are trusted more. */
function posFits(entry: TriggerEntry, tokens: readonly Token[], head: number, multiword: boolean): boolean {
  const tok = tokens[head];
  const prev = head > 0 ? normOf(tokens[head - 1]) : "";
  if (entry.pos === "verb") {
    if (NOUN_MARKERS.has(prev) && prev !== "that") return false;
    if (tok.pos === "VERB" || tok.pos === "AUX") return true;
    // past participles are often tagged as adjectives ("was vetoed")
    if (tok.pos === "ADJ" && /ed$/.test(tok.norm)) return true;
    // a following particle makes the phrase unambiguous ("Calls for" in title case)
    return multiword && tok.pos !== "NOUN";
  }
  if (tok.pos === "NOUN" || tok.pos === "PROPN") return true;
  if (NOUN_MARKERS.has(prev) || tokens[head - 1]?.pos === "ADJ") return true;
  return multiword && tok.pos !== "VERB";
}

/** Tries to match one compiled entry at token `i`; returns the end index or -1. */
function matchAt(c: CompiledEntry, tokens: readonly Token[], i: number, end: number): number {
  let j = i + 1;
  for (let w = 1; w < c.words.length; w++) {
    let gap = 0;
    let k = j;
    while (k < end && !c.words[w].has(normOf(tokens[k])) && gap < MAX_PATTERN_GAP && GAP_POS.has(tokens[k].pos)) {
      k++;
      gap++;
    }
    if (k >= end || !c.words[w].has(normOf(tokens[k]))) return -1;
    j = k + 1;
  }
  return j;
}

/**
 * All triggers in the sentence made of tokens [from, to). Overlapping matches are resolved in
 * favour of the longer one, then the one whose POS agrees with the head token.
 */
export function findTriggers(tokens: readonly Token[], from: number, to: number): TriggerMatch[] {
  const index = lexiconIndex();
  const candidates: (TriggerMatch & { score: number })[] = [];
  for (let i = from; i < to; i++) {
    const list = index.get(normOf(tokens[i]));
    if (!list) continue;
    for (const c of list) {
      const end = matchAt(c, tokens, i, to);
      if (end < 0) continue;
      const head = c.headWord === 0 ? i : findWordIndex(c, tokens, i, end);
      const multiword = c.words.length > 1;
      if (!posFits(c.entry, tokens, head, multiword)) continue;
      if (c.entry.next && !(end < to && c.entry.next.includes(normOf(tokens[end])))) continue;
      if (c.entry.needsResolution && !hasResolution(tokens, from, to)) continue;
      const agrees = c.entry.pos === "verb" ? tokens[head].pos === "VERB" || tokens[head].pos === "AUX" : tokens[head].pos === "NOUN" || tokens[head].pos === "PROPN";
      candidates.push({ entry: c.entry, start: i, end, head, score: (end - i) * 2 + (agrees ? 1 : 0) });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.start - b.start);
  const used = new Set<number>();
  const out: TriggerMatch[] = [];
  for (const m of candidates) {
    let free = true;
    for (let t = m.start; t < m.end; t++) if (used.has(t)) free = false;
    if (!free) continue;
    for (let t = m.start; t < m.end; t++) used.add(t);
    out.push({ entry: m.entry, start: m.start, end: m.end, head: m.head });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Token index of the entry's head word inside a match starting at `i`. */
function findWordIndex(c: CompiledEntry, tokens: readonly Token[], i: number, end: number): number {
  for (let t = i; t < end; t++) if (c.words[c.headWord].has(normOf(tokens[t]))) return t;
  return i;
}

/** Whether a resolution-like noun heads a noun phrase in the sentence (not a modifier: "text messaging", "draft resolution" counts by its head). */
function hasResolution(tokens: readonly Token[], from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    if (!RESOLUTION_NOUNS.has(normOf(tokens[t]))) continue;
    const next = t + 1 < to ? tokens[t + 1] : undefined;
    if (next && next.pos === "NOUN" && !RESOLUTION_NOUNS.has(normOf(next))) continue;
    return true;
  }
  return false;
}
