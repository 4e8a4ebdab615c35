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

/** Classifies the casing of one sentence's words. */
export function sentenceCaseMode(words: readonly string[], gaz: Gazetteer): CaseMode {
  let content = 0;
  let upper = 0;
  let lower = 0;
  let capCommon = 0;
  let seenFirst = false;
  // Lower-case content words beyond this many rule out both title case and capitals (early exit).
  const maxLower = Math.max(MAX_LOWER_SHARE_TITLE, 1 - MIN_UPPER_SHARE) * words.length;
  for (const w of words) {
    if (!hasLetter(w)) continue;
    const first = !seenFirst;
    seenFirst = true;
    if (FUNCTION_WORDS.has(lookupForm(w))) continue;
    content++;
    if (w.length >= 2 && isUpperWord(w)) upper++;
    if (!isCapitalised(w)) {
      if (++lower > maxLower) return "normal";
    } else if (!first && !isUpperWord(w) && isCommonNonName(w, gaz)) capCommon++;
  }
  if (content < MIN_CONTENT_WORDS) return "normal";
  if (upper >= MIN_UPPER_SHARE * content) return "upper";
  if (lower <= MAX_LOWER_SHARE_TITLE * content && capCommon >= MIN_CAPITALISED_COMMON) return "title";
  return "normal";
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
