/**
 * Content terms for comparing sentences across articles: lower-cased words, stop words
 * removed, a light suffix-stripping stem so "meets", "meeting" and "met" stay close
 * enough for paraphrase-level comparison. No I/O.
 */
import { WordMemo } from "../link/word-memo.js";

/** English function words that carry no content for sentence comparison. */
const STOP_WORDS = new Set(
  (
    "a an the and or but nor so yet of in on at to for from by with about as into onto over under " +
    "than then that this these those there here it its it's is are was were be been being am do does did " +
    "has have had having will would shall should can could may might must not no also just only very " +
    "he she they we you i his her their our your my him them us me who whom whose which what when where why how " +
    "said says say told according after before while during since until upon within without between among " +
    "all any each every both either neither some such more most other another much many own same " +
    "up down out off again further once s"
  ).split(/\s+/),
);

/** Suffixes stripped (longest first) when the remaining stem keeps at least MIN_STEM letters. */
const SUFFIXES = ["ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s", "ly"];
const MIN_STEM = 3;

/** A crude, fast stem: good enough to match inflections across paraphrases. */
export function stem(word: string): string {
  const cands = SUFFIXES_BY_LAST.get(word.charCodeAt(word.length - 1));
  if (!cands) return word;
  for (const suf of cands) {
    if (word.length - suf.length >= MIN_STEM && word.endsWith(suf)) return word.slice(0, -suf.length);
  }
  return word;
}

/** SUFFIXES by their last letter, in the same order (only those can match a word ending in it). */
const SUFFIXES_BY_LAST = new Map<number, string[]>();
for (const suf of SUFFIXES) {
  const k = suf.charCodeAt(suf.length - 1);
  SUFFIXES_BY_LAST.set(k, [...(SUFFIXES_BY_LAST.get(k) ?? []), suf]);
}

/** Each sentence's content terms per annotation object (its article's text never changes under it). */
const sentenceTermsMemo = new WeakMap<object, string[][]>();

/**
 * The content terms of each of an article's annotated sentences, computed once per article (the
 * story's claims and its headline both read them).
 */
export function sentenceTerms(text: string, ann: { sentences: readonly { start: number; end: number }[] }): string[][] {
  let out = sentenceTermsMemo.get(ann);
  if (!out) {
    out = ann.sentences.map((s) => contentTerms(text.slice(s.start, s.end)));
    sentenceTermsMemo.set(ann, out);
  }
  return out;
}

/** Distinct word forms whose term {@link contentTerms} keeps at hand. */
const TERM_MEMO_WORDS = 100_000;
/** Lower-cased word token -> its content term ("" for none), read in place from the text. */
const termMemo = new WordMemo<string>(TERM_MEMO_WORDS, false);

function termOrEmpty(token: string): string {
  return termOf(token) ?? "";
}

/** The content terms of a text (stems of non-stop words; numbers kept as written without separators). */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  // words as /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu matches them, scanned by hand (faster than the regex)
  const n = lower.length;
  let i = 0;
  while (i < n) {
    let c = codeAt(lower, i);
    if (!isWordStart(c)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i += c > 0xffff ? 2 : 1;
    while (i < n) {
      c = codeAt(lower, i);
      if (!isWordStart(c) && !isInner(c)) break;
      i += c > 0xffff ? 2 : 1;
    }
    const w = termMemo.get(lower, start, i, termOrEmpty)!;
    if (w !== "") out.push(w);
  }
  return out;
}

/** The code point at `i` (charCodeAt outside surrogate pairs, which is most text: cheaper than codePointAt). */
function codeAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? s.codePointAt(i)! : c;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Non-ASCII code point -> whether it is a letter or number (memoised). */
const wordStartCache = new Map<number, boolean>();

/** True for a code point WORD may start with: a letter or number. */
function isWordStart(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  let v = wordStartCache.get(c);
  if (v === undefined) {
    v = LETTER_OR_NUMBER.test(String.fromCodePoint(c));
    wordStartCache.set(c, v);
  }
  return v;
}

/** True for the punctuation WORD allows inside a word: apostrophes, dots, hyphens. */
function isInner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2d;
}

/** The content term of one lower-cased word token, or undefined for a stop word or nothing left. */
function termOf(token: string): string | undefined {
  // strip a possessive ('s / ’s), then trailing dots, apostrophes and hyphens
  let end = token.length;
  if (end >= 2 && token.charCodeAt(end - 1) === 0x73 && isApostrophe(token.charCodeAt(end - 2))) end -= 2;
  while (end > 0 && isTrailing(token.charCodeAt(end - 1))) end--;
  let w = end === token.length ? token : token.slice(0, end);
  if (!w) return undefined;
  const numeric = isDigit(w.charCodeAt(0));
  if (numeric && isNumberLike(w) && w.includes(",")) w = w.replace(/,/g, "");
  if (STOP_WORDS.has(w)) return undefined;
  return numeric ? w : stem(w);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

function isTrailing(c: number): boolean {
  return c === 0x2e || c === 0x2d || isApostrophe(c);
}

/** True for digits with optional commas and dots (the first already known to be a digit). */
function isNumberLike(w: string): boolean {
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!isDigit(c) && c !== 0x2c && c !== 0x2e) return false;
  }
  return true;
}

/** Jaccard similarity of two term sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (big.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Share of the smaller set's terms found in the larger (a paraphrase that cuts words still scores high). */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (big.has(t)) inter++;
  return inter / small.size;
}

/** Memo of {@link nameKey} (pure; names recur across articles and stages), cleared whole at this size. */
const NAME_MEMO_MAX = 100_000;
const nameMemo = new Map<string, string>();

/** Normalises a name for matching across articles: case, diacritics, punctuation, leading "the". */
export function nameKey(name: string): string {
  let k = nameMemo.get(name);
  if (k === undefined) {
    k = computeNameKey(name);
    if (nameMemo.size >= NAME_MEMO_MAX) nameMemo.clear();
    nameMemo.set(name, k);
  }
  return k;
}

function computeNameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s$/u, "")
    .replace(/^the\s+/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
