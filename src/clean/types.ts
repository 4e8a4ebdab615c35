/**
 * Types of the clean stage: a cleaned text, its metadata, the map back to the raw input, and
 * one diagnostic per removal.
 */
import type { ArticleMeta, Diagnostic, OffsetSegment } from "../model.js";

/** Metadata given with the input; explicit values win over values the cleaner guesses. */
export interface CleanHints {
  title?: string;
  published?: string;
  outlet?: string;
  author?: string;
  url?: string;
  /** What to record in `meta.sources` for hinted values (e.g. "input:jsonl"). Default "input". */
  source?: string;
}

export interface CleanResult {
  text: string;
  meta: ArticleMeta;
  /** Cleaned text -> raw input, as segments of identical characters (empty when the text is generated, e.g. from HTML). */
  offsets: OffsetSegment[];
  diagnostics: Diagnostic[];
}

/**
 * One line of the raw input being cleaned: the kept part `[start, end)` in raw offsets
 * (surrounding whitespace trimmed). A removed line is dropped from the list; a removed
 * prefix moves `start`.
 */
export interface Line {
  start: number;
  end: number;
  /** Raw text of [start, end). */
  text: string;
  /** Set by the heading rule: a short title-case line between paragraphs. */
  heading?: boolean;
}

/** The working state the plain-text rules read and change, one after the other. */
export interface CleanState {
  raw: string;
  /** Non-blank lines in order (blank lines are re-derived from the raw text between kept lines). */
  lines: Line[];
  meta: ArticleMeta;
  diagnostics: Diagnostic[];
  /** Title candidate from a breadcrumb's last crumb. */
  crumbTitle?: string;
  /** Title given by the input (hints), used to drop a repeated title line. */
  hintTitle?: string;
}
