/**
 * Small helpers shared by the roles, coreference and quotes stages: token look-ups by offset and exact text spans.
 * Pure functions over a {@link Doc}; no I/O.
 */
import type { Doc, Entity, TextSpan, Token, Sentence } from "../../model.js";
import { tokenize } from "../tokenize.js";

/** Returns the doc's tokens and sentences, tokenizing the text first if an earlier stage has not. */
export function ensureTokens(doc: Doc): { tokens: Token[]; sentences: Sentence[] } {
  if (!doc.tokens || !doc.sentences) {
    const t = tokenize(doc.text);
    doc.tokens = t.tokens;
    doc.sentences = t.sentences;
  }
  return { tokens: doc.tokens, sentences: doc.sentences };
}

/** A {@link TextSpan} over `text` at [start, end). */
export function spanOf(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

/** Index of the first token that starts at or after `offset` (tokens.length if none). Binary search. */
export function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last token that ends at or before `offset` (-1 if none). */
export function tokenEndingBy(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** True when the token's text starts with an upper-case letter. */
export function isCapitalized(tok: Token): boolean {
  const c = tok.text.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** The entity (of the given types) whose span contains the offset range [start, end), if any. */
export function entityCovering(entities: readonly Entity[], start: number, end: number, types?: readonly string[]): Entity | undefined {
  return entities.find((e) => e.start <= start && end <= e.end && (!types || types.includes(e.type)));
}

/** Possessive markers as wink-nlp tokenizes them ("'s", "’s", "'"). */
export function isPossessiveMarker(tok: Token): boolean {
  return /^['’]s?$/.test(tok.text) && tok.pos === "PART";
}
