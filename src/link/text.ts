/**
 * Text features shared by duplicate, rewrite and cluster code: normalised words, a light
 * English stemmer, stopwords, capitalised names and numbers. Pure functions, no I/O.
 */
import { WordMemo } from "./word-memo.js";

/** Words shorter than this (letters only) are ignored as content terms. */
const MIN_CONTENT_WORD_LENGTH = 2;
/** Words at most this long are never stemmed (too short to carry a suffix safely). */
const MIN_STEM_LENGTH = 4;

/** English function words and reporting boilerplate that carry no topical content. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all almost also although always am among an and another any anyone anything are " +
    "around as at back be became because become been before being below between both but by can cannot could did do does " +
    "doing done down during each either else enough even ever every few first for from further get gets getting got had has " +
    "have having he her here hers herself him himself his how however i if in into is it its itself just last least less " +
    "like made make many may me might more most much must my myself near neither never new next no nor not now of off " +
    "often on once one only or other others our ours ourselves out over own per perhaps put rather really said same say " +
    "saying says see seen several shall she should since so some still such than that the their theirs them themselves " +
    "then there these they this those though through thus to told too under until up upon us very via was we well were " +
    "what when where whether which while who whom whose why will with within without would yet you your yours yourself " +
    "mr mrs ms dr according added adding asked including told tuesday monday wednesday thursday friday saturday sunday " +
    "year years today yesterday week weeks day days time times people percent news reported report reports http https " +
    "www com html htm org net index article"
  ).split(" "),
);

/** What {@link normalizeText} replaces: typographic quotes and dashes, and whitespace other than one plain space. */
const FOLDED = /[\u2018\u2019\u201a\u201b\u2032\u201c-\u201f\u2033\u2010-\u2015\u2212]|\s\s+|[^\S ]/g;

function fold(m: string): string {
  const c = m.charCodeAt(0);
  if (m.length > 1) return " ";
  if ((c >= 0x2018 && c <= 0x201b) || c === 0x2032) return "'";
  if ((c >= 0x201c && c <= 0x201f) || c === 0x2033) return '"';
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) return "-";
  return " ";
}

/**
 * Lower-cases and folds typographic variants (curly quotes, dashes, NBSP) so copies compare equal;
 * whitespace runs become one space. One pass: a plain single space (most of the matches a `\s+`
 * would make) is left alone.
 */
export function normalizeText(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(FOLDED, fold).trim();
}

/**
 * Calls `visit(start, end, curly)` for each word token of `s` in order: the tokens
 * /[\p{L}\p{N}]+(?:['\u2019.,][\p{L}\p{N}]+)*\/gu matches, scanned by hand (faster than the regex);
 * `curly` when the token holds a curly apostrophe.
 */
function scanWords(s: string, visit: (start: number, end: number, curly: boolean) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = codeAt(s, i);
    if (!isLetterOrNumber(c)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let curly = false;
    for (;;) {
      // letters and numbers...
      while (i < n && isLetterOrNumber((c = codeAt(s, i)))) i += c > 0xffff ? 2 : 1;
      // ...joined by one inner separator followed by more of them
      if (i + 1 < n) {
        const j = s.charCodeAt(i);
        if (isJoiner(j) && isLetterOrNumber(codeAt(s, i + 1))) {
          if (j === 0x2019) curly = true;
          i++;
          continue;
        }
      }
      break;
    }
    visit(start, i, curly);
  }
}

/** Lower-cased word tokens of `s` (letters/digits, keeping inner apostrophes, dots and digit commas). */
export function words(s: string): string[] {
  const out: string[] = [];
  scanWords(s, (start, end, curly) => {
    // lower-cased word by word: a whole-text toLowerCase can change lengths ("\u0130" -> "i\u0307")
    const w = s.slice(start, end).toLowerCase();
    out.push(curly ? w.replace(/\u2019/g, "'") : w);
  });
  return out;
}

/**
 * The word tokens of `s` (as {@link words} finds them) as [start, end) offsets, two per word:
 * for a caller that reads them in place. For a text already lower-cased and folded
 * ({@link normalizeText}), `s.slice(start, end)` is the word {@link words} gives.
 */
export function wordBounds(s: string): Int32Array {
  let out = new Int32Array(64);
  let n = 0;
  scanWords(s, (start, end) => {
    if (n + 2 > out.length) {
      const bigger = new Int32Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[n++] = start;
    out[n++] = end;
  });
  return out.subarray(0, n);
}

/** The number of word tokens of `s` that are numbers (numbers, without building the words). */
export function countNumbers(s: string): number {
  let count = 0;
  scanWords(s, (start, end) => {
    if (!isDigit(s.charCodeAt(start))) return;
    for (let k = start + 1; k < end; k++) {
      const c = s.charCodeAt(k);
      if (!isDigit(c) && c !== 0x2e && c !== 0x2c) return;
    }
    count++;
  });
  return count;
}

/** The code point at `i` (charCodeAt outside surrogate pairs, which is most text: cheaper than codePointAt). */
function codeAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? s.codePointAt(i)! : c;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Non-ASCII code point -> whether it is a letter or number (memoised). */
const letterOrNumberCache = new Map<number, boolean>();

/** True for a code point in \p{L} or \p{N}. */
function isLetterOrNumber(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  let v = letterOrNumberCache.get(c);
  if (v === undefined) {
    v = LETTER_OR_NUMBER.test(String.fromCodePoint(c));
    letterOrNumberCache.set(c, v);
  }
  return v;
}

/** The separators allowed inside a token: apostrophes, dots, commas. */
function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2c;
}

/** True for a token that is a number (digits with optional separators). */
export function isNumber(w: string): boolean {
  if (w.length === 0 || !isDigit(w.charCodeAt(0))) return false;
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!isDigit(c) && c !== 0x2e && c !== 0x2c) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Normalises a number token: "1,400" -> "1400", "7.0" -> "7". */
export function normalizeNumber(w: string): string {
  let n = w.replace(/,(?=\d{3}\b)/g, "");
  if (/^\d+\.\d+$/.test(n)) n = String(Number(n));
  return n;
}

/**
 * A light English stemmer (plural, -ing, -ed, final -e), enough to match "killed"/"kills"/"killing"
 * and "guarantee"/"guaranteed" without a dictionary. Conservative on short words.
 */
export function stem(w: string): string {
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length <= MIN_STEM_LENGTH || hasDigit(w)) return w;
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && w.length > 4) w = undouble(w.slice(0, -2));
  if (w.endsWith("e") && w.length > MIN_STEM_LENGTH) w = w.slice(0, -1);
  return w;
}

/** Drops the last letter of a doubled final consonant ("stopp" -> "stop"), except ll, ss and zz. */
function undouble(w: string): string {
  const n = w.length;
  if (n < 2) return w;
  const c = w.charCodeAt(n - 1);
  if (c !== w.charCodeAt(n - 2) || c < 0x62 || c > 0x7a || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75) return w;
  return c === 0x6c || c === 0x73 || c === 0x7a ? w : w.slice(0, -1);
}

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (isDigit(w.charCodeAt(i))) return true;
  return false;
}

/** Distinct word forms whose content term {@link contentTerms} keeps at hand (a news vocabulary fits many times over). */
const TERM_MEMO_WORDS = 100_000;
/** Word form -> its content term ("" for none), read from the text without building the word (ASCII forms). */
const termMemo = new WordMemo<string>(TERM_MEMO_WORDS, true);
/** The same for forms with other non-ASCII letters (lower-cased as strings: that can change their length). */
const otherTermMemo = new Map<string, string>();

/** The content term of one word from {@link words}: a normalised number, a stem, or "" for a stopword or a too-short word. */
function termOfWord(w: string): string {
  if (isNumber(w)) return normalizeNumber(w);
  const bare = w.endsWith("'s") ? w.slice(0, -2) : w;
  if (bare.length < MIN_CONTENT_WORD_LENGTH || STOPWORDS.has(bare)) return "";
  return stem(bare);
}

/** Content terms: stems of non-stopword words plus normalised numbers, in text order. */
export function contentTerms(s: string): string[] {
  const out: string[] = [];
  scanWords(s, (start, end, curly) => {
    let t = termMemo.get(s, start, end, termOfWord);
    if (t === undefined) {
      const lower = s.slice(start, end).toLowerCase();
      const w = curly ? lower.replace(/\u2019/g, "'") : lower;
      t = otherTermMemo.get(w);
      if (t === undefined) {
        t = termOfWord(w);
        if (otherTermMemo.size < TERM_MEMO_WORDS) otherTermMemo.set(w, t);
      }
    }
    if (t !== "") out.push(t);
  });
  return out;
}

/** Capitalised words that do not start a name on their own (sentence openers, titles, months). */
const NAME_STOP: ReadonlySet<string> = new Set(
  "The A An In On At For By And But Or Of To As It He She They We I His Her Their Its This That These Those There Here When While After Before Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(" "),
);

const NAME_RE = /\p{Lu}[\p{L}'\u2019-]*(?:\s+(?:(?:of|de|la|al|bin|van|von|the)\s+)?\p{Lu}[\p{L}'\u2019-]*)*/gu;
const SPACE_RE = /\s/;
const SPACES_RE = /\s+/;

/**
 * Calls `visit(word)` for each capitalised word sequence of `s` that is one word, and
 * `visit(undefined, parts)` for each of several words (split at whitespace), in text order; a
 * trailing possessive ('s) is cut from each word. A one-word match (most of them) builds no array.
 */
function scanNames(s: string, visit: (word: string | undefined, parts?: string[]) => void): void {
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(s); m !== null; m = NAME_RE.exec(s)) {
    const found = m[0];
    if (!SPACE_RE.test(found)) visit(possessiveCut(found));
    else visit(undefined, found.split(SPACES_RE).map(possessiveCut));
  }
}

/** A name part without a trailing possessive ('s, \u2019s). */
function possessiveCut(p: string): string {
  const n = p.length;
  return n >= 2 && p.charCodeAt(n - 1) === 0x73 && (p.charCodeAt(n - 2) === 0x27 || p.charCodeAt(n - 2) === 0x2019) ? p.slice(0, -2) : p;
}

/** The parts of a name from its first that is not a NAME_STOP word, or undefined when none is left or all are single letters. */
function nameParts(parts: string[]): string[] | undefined {
  let from = 0;
  while (from < parts.length && NAME_STOP.has(parts[from])) from++;
  if (from === parts.length) return undefined;
  let long = false;
  for (let k = from; k < parts.length && !long; k++) long = parts[k].length >= 2;
  if (!long) return undefined;
  return from ? parts.slice(from) : parts;
}

/**
 * Capitalised word sequences ("Mikhail Bogdanov", "Gaza Strip") lower-cased, plus each of their
 * words, as cheap stand-ins for named entities when none are annotated. Leading function words dropped.
 */
export function capitalizedNames(s: string): string[] {
  const out: string[] = [];
  scanNames(s, (word, found) => {
    if (word !== undefined) {
      if (word.length >= 2 && !NAME_STOP.has(word)) out.push(word.toLowerCase());
      return;
    }
    const parts = nameParts(found!);
    if (!parts) return;
    out.push(parts.join(" ").toLowerCase());
    if (parts.length > 1) for (const p of parts) if (p.length > 2 && !STOPWORDS.has(p.toLowerCase())) out.push(p.toLowerCase());
  });
  return out;
}

/** The names of {@link capitalizedNames} that have more than one word (`capitalizedNames(s).filter((n) => n.includes(" "))`). */
export function multiWordNames(s: string): string[] {
  const out: string[] = [];
  scanNames(s, (word, found) => {
    if (word !== undefined) return;
    const parts = nameParts(found!);
    if (parts && parts.length > 1) out.push(parts.join(" ").toLowerCase());
  });
  return out;
}

/**
 * The offset where the first `n` whitespace-separated words of `text` end (the end of the text when
 * it has fewer): where the matches of /\S+/g reach after the n-th, counted without building them.
 */
export function wordsEnd(text: string, n: number): number {
  const len = text.length;
  let count = 0;
  let i = 0;
  while (i < len) {
    while (i < len && isSpace(text.charCodeAt(i))) i++;
    if (i >= len) break;
    while (i < len && !isSpace(text.charCodeAt(i))) i++;
    if (++count >= n) return i;
  }
  return len;
}

/** True for a UTF-16 code unit in JavaScript's \s (white space and line terminators). */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

