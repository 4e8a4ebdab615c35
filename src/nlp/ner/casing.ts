/**
 * Sentence casing: is a sentence ordinary running text, a title-case headline
 * ("China Calls for Peace Talks") or written in capitals ("RUGBY UNION - JAPAN WIN")?
 *
 * In headline and capitals lines an initial capital is no evidence of a name, so the tagger
 * gets the casing mode as a feature (conjoined with lexical and gazetteer evidence) and the
 * rule layer is stricter with common words there.
 */
import { Gazetteer, lookupForm } from "./gazetteer.js";

/** How a sentence is cased. */
export type CaseMode = "normal" | "title" | "upper";

/** Short words a headline leaves in lower case (they are ignored when counting). */
const FUNCTION_WORDS = new Set([
  "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "with", "by", "from", "as", "into", "onto", "over",
  "per", "via", "vs", "v", "than", "up", "off", "out", "is", "are", "be", "s", "'s",
]);

/** True for a short function word ("in", "a", "the") in any casing: never a name on its own. */
export function isFunctionWord(w: string): boolean {
  return FUNCTION_WORDS.has(lookupForm(w));
}

/** Least number of content words (letters, not function words) a line needs to be judged at all. */
const MIN_CONTENT_WORDS = 3;
/** A title-case line has at most this share of its content words in lower case. */
const MAX_LOWER_SHARE_TITLE = 0.15;
/** A capitals line has at least this share of its content words (2+ letters) in capitals. */
const MIN_UPPER_SHARE = 0.8;
/** Capitalised common words (not at the start, not in a name list) a title-case line must show. */
const MIN_CAPITALISED_COMMON = 2;

const hasLetter = (w: string): boolean => /\p{L}/u.test(w);
const isUpperWord = (w: string): boolean => /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

/** Gazetteer classes that make a capitalised common word plausibly a name after all. */
const NAME_CLASSES = ["first", "sur", "country", "demonym", "city", "region", "orgname"] as const;

/** True when the word is a common lower-case English word and in no name list. */
export function isCommonNonName(word: string, gaz: Gazetteer): boolean {
  const cls = gaz.classesOfForm(lookupForm(word));
  return cls.includes("common") && !NAME_CLASSES.some((c) => cls.includes(c));
}

/** Bit flags of the facts about one word that {@link sentenceCaseMode} uses (see {@link wordCasing}). */
export const CASING_LETTER = 1;
/** The word is a function word a headline leaves in lower case. */
export const CASING_FUNCTION = 2;
/** The word has upper-case and no lower-case letters. */
export const CASING_UPPER = 4;
/** The word starts with an upper-case letter. */
export const CASING_CAPITALISED = 8;
/** The word is a common word in no name list ({@link isCommonNonName}). */
export const CASING_COMMON = 16;
/** The word has at least two characters. */
export const CASING_LONG = 32;

/** The casing facts of one word as {@link CASING_LETTER}-style bit flags (cacheable per word form). */
export function wordCasing(w: string, gaz: Gazetteer): number {
  if (!hasLetter(w)) return 0;
  let f = CASING_LETTER;
  if (FUNCTION_WORDS.has(lookupForm(w))) f |= CASING_FUNCTION;
  if (isUpperWord(w)) f |= CASING_UPPER;
  if (isCapitalised(w)) f |= CASING_CAPITALISED;
  if (w.length >= 2) f |= CASING_LONG;
  if (isCommonNonName(w, gaz)) f |= CASING_COMMON;
  return f;
}

/**
 * Classifies the casing of a sentence from per-word flags: `flagsAt(i)` gives the flags of
 * word i, or only those bits that are asked for (`need`), so callers may compute them lazily.
 */
export function caseModeOf(n: number, flagsAt: (i: number, need: number) => number, isRunningText: () => boolean = () => false): CaseMode {
  let content = 0;
  let upper = 0;
  let lower = 0;
  let capCommon = 0;
  let seenFirst = false;
  // Lower-case content words beyond this many rule out both title case and capitals (early exit).
  const maxLower = Math.max(MAX_LOWER_SHARE_TITLE, 1 - MIN_UPPER_SHARE) * n;
  for (let i = 0; i < n; i++) {
    if (!(flagsAt(i, CASING_LETTER) & CASING_LETTER)) continue;
    const first = !seenFirst;
    seenFirst = true;
    if (flagsAt(i, CASING_FUNCTION) & CASING_FUNCTION) continue;
    content++;
    const f = flagsAt(i, CASING_LONG | CASING_UPPER | CASING_CAPITALISED);
    if ((f & CASING_LONG) && (f & CASING_UPPER)) upper++;
    if (!(f & CASING_CAPITALISED)) {
      if (++lower > maxLower) return "normal";
    } else if (!first && !(f & CASING_UPPER) && flagsAt(i, CASING_COMMON) & CASING_COMMON) capCommon++;
  }
  if (content < MIN_CONTENT_WORDS) return "normal";
  if (upper >= MIN_UPPER_SHARE * content) return "upper";
  if (lower <= MAX_LOWER_SHARE_TITLE * content && capCommon >= MIN_CAPITALISED_COMMON) return isRunningText() ? "normal" : "title";
  return "normal";
}

/** Sentence-final stops, closing quotes and brackets after them aside. */
const STOP = /^[.!?]$/;
const CLOSERS = /^["'”’)\]]+$/;
/** A lower-case word of letters, long enough to be no clitic or unit ("n't", "km"). */
const LOWER_WORD = /^\p{Ll}{3,}$/u;

/**
 * A sentence whose words look like a headline's may still be running text that names many things ("Manchester City
 * beat Napoli 2-1 in the Champions League on Tuesday."): it ends with a full stop and holds a lower-case common word
 * that is no function word and not the tail of a hyphenated compound ("Hamas-led" is written so in headlines too).
 */
export function isRunningText(words: readonly string[], gaz: Gazetteer): boolean {
  let k = words.length - 1;
  while (k >= 0 && CLOSERS.test(words[k])) k--;
  if (k < 0 || !STOP.test(words[k])) return false;
  for (let i = 1; i < k; i++) {
    const w = words[i];
    if (LOWER_WORD.test(w) && words[i - 1] !== "-" && !FUNCTION_WORDS.has(w) && gaz.has(w, "common")) return true;
  }
  return false;
}

/** Classifies the casing of one sentence's words. */
export function sentenceCaseMode(words: readonly string[], gaz: Gazetteer): CaseMode {
  return caseModeOf(words.length, (i, need) => {
    const w = words[i];
    let f = 0;
    if (need & CASING_LETTER && hasLetter(w)) f |= CASING_LETTER;
    if (need & CASING_FUNCTION && FUNCTION_WORDS.has(lookupForm(w))) f |= CASING_FUNCTION;
    if (need & CASING_UPPER && isUpperWord(w)) f |= CASING_UPPER;
    if (need & CASING_CAPITALISED && isCapitalised(w)) f |= CASING_CAPITALISED;
    if (need & CASING_LONG && w.length >= 2) f |= CASING_LONG;
    if (need & CASING_COMMON && isCommonNonName(w, gaz)) f |= CASING_COMMON;
    return f;
  }, () => isRunningText(words, gaz));
}

/** Small words kept in lower case by {@link toTitleCase} (except at the start). */
const TITLE_CASE_KEEP_LOWER = new Set(["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as"]);

/**
 * Headline-style title case of a word list (for training-data augmentation): every word
 * capitalised except short function words after the first.
 */
export function toTitleCase(words: readonly string[]): string[] {
  return words.map((w, i) => (i > 0 && TITLE_CASE_KEEP_LOWER.has(w.toLowerCase()) ? w : w.charAt(0).toUpperCase() + w.slice(1)));
}
