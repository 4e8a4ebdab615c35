/**
 * Rule: a navigation menu scraped with the page: a run of very short lines (`Home`, `News`, `Sports`,
 * `Sign In`...) standing before the article. Removed when the run is long enough that it cannot be
 * a list inside the article.
 */
import { noteRemoval, words } from "../lines.js";
import type { CleanState } from "../types.js";

/** A menu entry has at most this many words. */
const MENU_ITEM_MAX_WORDS = 3;
/** A run of at least this many menu-like lines is a menu. */
const MENU_MIN_LINES = 5;
/** The run must start within the first lines. */
const MENU_SCAN_LINES = 5;

/** True for a line that could be a menu entry: a few words, no sentence punctuation or digits-only. */
export function isMenuItem(line: string): boolean {
  const n = words(line).length;
  return n >= 1 && n <= MENU_ITEM_MAX_WORDS && !/[.,;:!?"“”]/.test(line);
}

/** Applies the rule to the top of the text. */
export function menuRule(state: CleanState): void {
  const lines = state.lines;
  for (let s = 0; s < Math.min(MENU_SCAN_LINES, lines.length); s++) {
    let e = s;
    while (e < lines.length && isMenuItem(lines[e].text)) e++;
    if (e - s >= MENU_MIN_LINES && e < lines.length) {
      noteRemoval(state, "menu", lines[s].start, lines[e - 1].end, `Run of ${e - s} very short lines before the article: a navigation menu, not article text.`);
      lines.splice(s, e - s);
      return;
    }
  }
}
