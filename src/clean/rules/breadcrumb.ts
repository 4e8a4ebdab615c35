/**
 * Rule: a navigation breadcrumb near the top (`Home » Title`, `Home > World > Asia`, `News / Politics /`).
 * Removed; its last crumb becomes a title candidate when it is long enough to be a headline.
 */
import { removeLine, words } from "../lines.js";
import type { CleanState } from "../types.js";

/** Only the first lines are searched for a breadcrumb. */
const BREADCRUMB_SCAN_LINES = 3;
/** A crumb other than the last is a section name: at most this many words. */
const CRUMB_MAX_WORDS = 4;
/** The last crumb is taken as a title candidate when it has at least this many words. */
const CRUMB_TITLE_MIN_WORDS = 3;
/** First crumbs that name a site's root. */
const ROOT_CRUMB = /^(?:home|homepage|home page|news|main|start|front page|index|startseite|accueil|inicio)$/i;
/** Arrow-like separators that only breadcrumbs use. */
const STRONG_SEPARATOR = /\s*[»›→]\s*/;
/** `>` and `/` with spaces around (or a trailing `/`): breadcrumbs only after a root crumb. */
const WEAK_SEPARATOR = /\s+[>/](?=\s|$)/;

/** Crumbs of a line, or undefined when it is not a breadcrumb. */
export function parseBreadcrumb(line: string): string[] | undefined {
  // French quotes « » use the same glyph as a breadcrumb arrow.
  const strong = /[»›→]/.test(line) && !/[«‹]/.test(line);
  const crumbs = line.split(strong ? STRONG_SEPARATOR : WEAK_SEPARATOR).map((c) => c.trim()).filter((c) => c !== "");
  if (crumbs.length < 2) return undefined;
  if (!strong && !ROOT_CRUMB.test(crumbs[0])) return undefined;
  if (!crumbs.slice(0, -1).every((c) => words(c).length <= CRUMB_MAX_WORDS && !/[.!?]$/.test(c))) return undefined;
  return crumbs;
}

/** Applies the rule to the first lines. */
export function breadcrumbRule(state: CleanState): void {
  const n = Math.min(BREADCRUMB_SCAN_LINES, state.lines.length);
  for (let i = 0; i < n; i++) {
    const crumbs = parseBreadcrumb(state.lines[i].text);
    if (!crumbs) continue;
    const last = crumbs[crumbs.length - 1];
    if (words(last).length >= CRUMB_TITLE_MIN_WORDS) state.crumbTitle = last;
    removeLine(state, i, "breadcrumb", "Navigation breadcrumb, not article text.");
    return;
  }
}
