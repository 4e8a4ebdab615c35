/**
 * A small sentence splitter for when no tokenizer output is at hand: it only needs to be good
 * enough to bound tense cues and chrono calls. Line breaks always end a sentence; a full stop ends
 * one unless it closes a common abbreviation ("Oct.", "Mr.", "p.m.", "U.S.") or a number follows.
 */
import type { Span } from "../../model.js";

/** Abbreviations whose full stop does not end a sentence (lower case, without the dot). */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr", "no", "vs",
  "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "a.m", "p.m", "u.s", "u.n", "u.k", "e.g", "i.e", "etc", "approx", "est", "dept", "mt", "ft",
]);

/** Sentence spans of `text` (whitespace-trimmed, never empty). */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  let start = 0;
  const re = /\n+|[.!?]+["'\u201d\u2019)]*(?=\s+["'\u201c\u2018(]?[A-Z])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0][0] !== "\n") {
      const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1].toLowerCase() ?? "";
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) continue;
    }
    const end = m.index + m[0].length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return out;
}
