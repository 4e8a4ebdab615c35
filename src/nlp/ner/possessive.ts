/**
 * Possessive "'s" in its many spellings. wink-nlp splits "China‘s" (a left single quote used
 * as an apostrophe, common in scraped news) into "‘" + "s"; the tagger was trained on "'s"
 * tokens, so such pairs are merged into one "'s" feature token before tagging.
 */
import type { FeatToken } from "./features.js";

/** A token with text and character offsets. */
export interface OffsetToken {
  text: string;
  start: number;
  end: number;
  pos?: string;
}

/** Apostrophe look-alikes seen before a split-off "s". */
const APOSTROPHES = new Set(["'", "\u2018", "\u2019", "`", "\u00b4"]);

/** Tokens (1 or 2) that make up a possessive marker starting at `i`, or 0 when there is none. */
export function possessiveLength(tokens: readonly OffsetToken[], i: number, end: number = tokens.length): number {
  if (i >= end) return 0;
  const t = tokens[i];
  if (/^['\u2018\u2019`]s$/i.test(t.text)) return 1;
  if (APOSTROPHES.has(t.text) && i + 1 < end && /^s$/i.test(tokens[i + 1].text) && t.end === tokens[i + 1].start && i > 0 && tokens[i - 1].end === t.start) return 2;
  return 0;
}

/** Tagger input with split possessives merged, and where each merged token came from. */
export interface MergedTokens {
  tokens: FeatToken[];
  /** origin[j] = index (into the input) of the first token of merged token j; origin[length] = input length. */
  origin: number[];
}

/** Merges split possessives ("‘" + "s") into single "'s" tokens and spells "‘s" as "'s"; other tokens pass through. */
export function mergeSplitPossessives(tokens: readonly OffsetToken[]): MergedTokens {
  const out: FeatToken[] = [];
  const origin: number[] = [];
  for (let i = 0; i < tokens.length; ) {
    origin.push(i);
    const len = possessiveLength(tokens, i);
    if (len === 2) {
      out.push({ text: "'s", pos: tokens[i + 1].pos });
      i += 2;
    } else if (len === 1 && /^[\u2018`]s$/i.test(tokens[i].text)) {
      // the tokenizer keeps "‘s" whole (see src/nlp/tokenize.ts forWink): the tagger knows it as "'s"
      out.push({ text: "'s", pos: tokens[i].pos });
      i++;
    } else {
      out.push({ text: tokens[i].text, pos: tokens[i].pos });
      i++;
    }
  }
  origin.push(tokens.length);
  return { tokens: out, origin };
}
