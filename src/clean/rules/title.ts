/**
 * Rule: the title. A first line that is short, has no final sentence punctuation and looks like a
 * headline becomes `meta.title` (source `first-line`) and is removed; a breadcrumb's last crumb or the
 * input's own title decides when the first line repeats it. A title repeated on the next line is
 * removed once more as a duplicate.
 */
import { isDatelineStart } from "./dateline.js";
import { normalise, removeLine, words } from "../lines.js";
import type { CleanState } from "../types.js";

/** A headline has between these many words, and at most this many characters. */
export const TITLE_MIN_WORDS = 2;
export const TITLE_MAX_WORDS = 25;
export const TITLE_MAX_CHARS = 200;
/** Final punctuation that marks a sentence, not a headline ("?" and "!" occur in headlines). */
const SENTENCE_END = /[.,;:…]["'”’)\]]*$/;
/** Two sentences on one line ("Ends here. Starts here"): not a headline. */
const INNER_SENTENCE_BREAK = /[.!?]["'”’]?\s+["'“‘]?\p{Lu}/u;
/** A next line starting in lower case continues the first line (hard-wrapped text): no headline then. */
const CONTINUATION_START = /^\p{Ll}/u;
/** A headline starts with a capital, a digit or an opening quote. */
const HEADLINE_START = /^["'“‘(\[]?[\p{Lu}\p{N}]/u;

/** True when a line looks like a headline (see the module doc). */
export function looksLikeHeadline(line: string): boolean {
  const n = words(line).length;
  return (
    n >= TITLE_MIN_WORDS && n <= TITLE_MAX_WORDS && line.length <= TITLE_MAX_CHARS &&
    HEADLINE_START.test(line) && !SENTENCE_END.test(line) && !INNER_SENTENCE_BREAK.test(line) &&
    !isDatelineStart(line)
  );
}

function setTitle(state: CleanState, title: string, source: string): void {
  if (state.meta.title) return;
  state.meta.title = title;
  (state.meta.sources ??= {}).title = source;
}

/** Removes line 0 when it repeats `title`; true when it did. */
function dropRepeat(state: CleanState, title: string, why: string): boolean {
  const first = state.lines[0];
  if (!first || state.lines.length < 2 || normalise(first.text) !== normalise(title)) return false;
  removeLine(state, 0, "duplicate-title", why);
  return true;
}

/** Applies the rule to the first lines. */
export function titleRule(state: CleanState): void {
  if (state.lines.length < 2) return; // a lone line is the article, not its title
  let title: string | undefined;
  if (state.hintTitle && dropRepeat(state, state.hintTitle, "Repeats the title given with the input.")) {
    title = state.hintTitle;
  } else if (state.crumbTitle && dropRepeat(state, state.crumbTitle, "Repeats the breadcrumb's last crumb (the page title).")) {
    title = state.crumbTitle;
    setTitle(state, title, "breadcrumb");
  } else if (!state.hintTitle && looksLikeHeadline(state.lines[0].text) && !CONTINUATION_START.test(state.lines[1].text)) {
    title = state.lines[0].text;
    setTitle(state, title, "first-line");
    removeLine(state, 0, "title", "First line is the headline; kept as meta.title.");
  } else if (state.crumbTitle) {
    setTitle(state, state.crumbTitle, "breadcrumb");
  }
  if (title) dropRepeat(state, title, "The title repeated on the next line.");
}
