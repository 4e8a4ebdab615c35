/**
 * Rule: mid-text section headings (`Suffering Palestine`): a short title-case line between
 * paragraphs. They stay in the text as their own line; the rule only marks them so a
 * `clean/heading` info diagnostic can point at them.
 */
import { words } from "../lines.js";
import type { CleanState } from "../types.js";

/** A heading has at most this many words. */
const HEADING_MAX_WORDS = 12;
/** Share of its longer words (see below) that must be capitalised. */
const HEADING_MIN_CAPITALISED = 0.6;
/** Words shorter than this are ignored by the capitalisation test ("in", "of", "the"). */
const HEADING_SHORT_WORD = 4;
/** A heading is followed by a paragraph at least this many words long. */
const FOLLOWING_PARAGRAPH_MIN_WORDS = 12;

/** True when a line reads as a title-case heading. */
export function isHeadingLine(line: string): boolean {
  const ws = words(line);
  if (ws.length === 0 || ws.length > HEADING_MAX_WORDS) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(line) || /[.,;:!?]["'”’]?$/.test(line)) return false;
  const long = ws.filter((w) => w.length >= HEADING_SHORT_WORD);
  const caps = long.filter((w) => /^[\p{Lu}\p{N}]/u.test(w));
  return long.length === 0 || caps.length / long.length >= HEADING_MIN_CAPITALISED;
}

/** Applies the rule to every line that has a paragraph after it. */
export function headingRule(state: CleanState): void {
  const lines = state.lines;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (isHeadingLine(lines[i].text) && words(lines[i + 1].text).length >= FOLLOWING_PARAGRAPH_MIN_WORDS) lines[i].heading = true;
  }
}
