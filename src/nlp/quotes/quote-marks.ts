/**
 * Quoted passages: “curly”, "straight" and ''doubled single'' quotation marks, including quotes that run over several
 * paragraphs (a paragraph that opens a quote without closing it continues in the next one that opens with a mark).
 */
import type { Span } from "../../model.js";

/** A quoted passage: [start, end) includes both marks. */
export type QuoteSpan = Span;

/** Longest quote we accept, in characters (an unclosed mark must not swallow the rest of a long article). */
const MAX_QUOTE_CHARS = 4000;

const OPENERS: Readonly<Record<string, string>> = { "“": "”", "\"": "\"", "''": "''", "«": "»", "„": "“" };

/**
 * Mismatched pairs that careless copy produces ('"more hours”'): a straight mark closed by a curly one and the reverse,
 * accepted only where a closing mark fits (after a letter or punctuation, before a space, punctuation or the end).
 */
const MIXED_CLOSE: Readonly<Record<string, string>> = { "\"": "”", "”": "\"" };

/** Can the mark at j close a quote: a non-space before it, and a space, punctuation or the end after it? */
function closesHere(text: string, j: number): boolean {
  return j > 0 && !/\s/.test(text.charAt(j - 1)) && (j + 1 >= text.length || /[\s.,;:!?)\]—–-]/.test(text.charAt(j + 1)));
}

/** Finds top-level quoted passages in `text`, in order, never overlapping. */
export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const open = markAt(text, i);
    if (!open || !canOpen(text, i, open)) {
      i++;
      continue;
    }
    const close = OPENERS[open];
    const end = findClose(text, i + open.length, close);
    if (end < 0) {
      i += open.length;
      continue;
    }
    out.push({ start: i, end });
    i = end;
  }
  return out;
}

/** The opening mark at i, if any. */
function markAt(text: string, i: number): string | undefined {
  if (text.startsWith("''", i)) return "''";
  const c = text.charAt(i);
  return OPENERS[c] !== undefined && c !== "'" ? c : undefined;
}

/** A straight mark opens only after a space, a line start or an opening bracket; curly ones always open. */
function canOpen(text: string, i: number, mark: string): boolean {
  if (mark === "“" || mark === "«" || mark === "„") return true;
  const before = text.charAt(i - 1);
  return i === 0 || /[\s(\[—–-]/.test(before);
}

/**
 * Index just past the closing mark, or -1. At a paragraph break the quote goes on only when the next paragraph opens
 * with a mark (the newspaper convention for multi-paragraph quotes).
 */
function findClose(text: string, from: number, close: string): number {
  let j = from;
  while (j < text.length && j - from < MAX_QUOTE_CHARS) {
    if (text.startsWith(close, j)) return j + close.length;
    if (MIXED_CLOSE[close] === text.charAt(j) && closesHere(text, j)) return j + 1;
    if (text.charAt(j) === "\n") {
      let k = j;
      while (k < text.length && /\s/.test(text.charAt(k))) k++;
      const next = markAt(text, k);
      if (!next) return -1;
      // The paragraph ended inside the quote: the previous paragraph's text is the end of that part.
      j = k + next.length;
      continue;
    }
    j++;
  }
  return -1;
}
