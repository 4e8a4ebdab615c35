/**
 * Rule: comment forms, share buttons, newsletter boxes and related-links lists after the article
 * (`Leave a Reply`, `Your email address will not be published`, `Share this:`, `Related posts`...).
 * From the first such marker line of the trailing debris block to the end, everything is removed.
 */
import { noteRemoval, words } from "../lines.js";
import type { CleanState } from "../types.js";

/** A marker line is short: at most this many words. */
const MARKER_MAX_WORDS = 16;
/** Other lines inside the debris block ("Name *", "Email", "Facebook", "Like this:") have at most this many words. */
const DEBRIS_LINE_MAX_WORDS = 6;
/** The debris block is searched among the last lines only. */
const TRAILING_SCAN_LINES = 40;

/** Lines that start a block of page furniture after the article. */
const MARKERS: RegExp[] = [
  /^(?:leave|post|add|write|submit)\s+an?\s+(?:reply|comment|response)\b/i,
  /^(?:\d+\s+)?(?:comments?|responses?|replies)\s*(?:\(\d+\)|:)?$/i,
  /^(?:no|view|show|load)\s+(?:comments?|responses?)\b/i,
  /^your email address will not be published/i,
  /^(?:required fields are marked|cancel reply|you must be logged in to post)/i,
  /^(?:share|tweet|email|print)\s+(?:this|the)\s+(?:article|story|post|page)?\s*:?/i,
  /^share(?:\s+this)?\s*:?$/i,
  /^share\s+(?:on|via|to)\s+\w+/i,
  /^click to (?:share|email|print)\b/i,
  /^like this\s*:?$/i,
  /^(?:related|similar|recommended|popular|latest|more)\s+(?:posts?|articles?|stories|news|reads?|reading)\b/i,
  /^(?:related|read more|see also|also read|you (?:may|might) also like|more from\b.*|recommended for you)\s*:?$/i,
  /^(?:subscribe|sign up|signup)\b.{0,40}\b(?:newsletter|updates|alerts)\b/i,
  /^follow us on\b/i,
  /^(?:tags?|filed under|categories|posted in)\s*:/i,
  /^(?:previous|next)\s+(?:post|article|story)\b/i,
  /^(?:about the author|advertisement|sponsored content)$/i,
  /^(?:©|\(c\)|copyright\b).{0,120}$/i,
];

/** True for a line that starts page furniture after the article. */
export function isDebrisMarker(line: string): boolean {
  return words(line).length <= MARKER_MAX_WORDS && MARKERS.some((re) => re.test(line));
}

/** Applies the rule to the end of the text. */
export function trailingDebrisRule(state: CleanState): void {
  const lines = state.lines;
  const floor = Math.max(1, lines.length - TRAILING_SCAN_LINES); // never remove the whole article
  let cut = -1;
  for (let i = lines.length - 1; i >= floor; i--) {
    const t = lines[i].text;
    if (isDebrisMarker(t)) cut = i;
    else if (words(t).length > DEBRIS_LINE_MAX_WORDS) break;
  }
  if (cut < 0) return;
  noteRemoval(state, "trailing-debris", lines[cut].start, lines[lines.length - 1].end,
    "Comment form, share or related-links block after the article, not article text.");
  lines.splice(cut);
}
