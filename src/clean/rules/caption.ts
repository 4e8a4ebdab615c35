/**
 * Rule: image captions, alt text and photo credits standing on their own line: a lower-case slug with
 * no punctuation (`china and russia collaborate in palestine`, an image's alt text or file name) or a
 * credit line (`Representative photo`, `Photo: Reuters`, `File photo`, `(AP Photo/Jane Doe)`, `Image: ...`).
 */
import { removeLine, words } from "../lines.js";
import type { CleanState } from "../types.js";

/** A slug has between these many words. */
const SLUG_MIN_WORDS = 2;
const SLUG_MAX_WORDS = 16;
/** Credit lines are short. */
const CREDIT_MAX_CHARS = 160;

/** Lower-case words joined by spaces, hyphens or underscores, no punctuation at all. */
const SLUG = /^[\p{Ll}\p{N}]+(?:[ _\-]+[\p{Ll}\p{N}]+)+$/u;
const IMAGE_WORD = String.raw`(?:photo(?:graph)?s?|images?|pictures?|pics?|picture|illustration|graphic|video)`;
const CREDIT_PATTERNS: RegExp[] = [
  // "Representative photo", "File image", "Stock photo (Getty Images)"
  new RegExp(String.raw`^(?:representative|representational|file|stock|archive|illustrative|illustration|symbolic|agency)\s+${IMAGE_WORD}\b`, "i"),
  // "Photo: Reuters", "Image credit - AFP", "Photo by Jane Doe", "Photo courtesy of ..."
  new RegExp(String.raw`^${IMAGE_WORD}(?:\s+(?:credits?|source|courtesy))?\s*(?:[:|–—\-]|by\b|courtesy\b|credit\b)`, "i"),
  // "Credit: Reuters", "Source: AFP/Getty"
  /^(?:credits?|image source|photo source)\s*:/i,
  // "(AP Photo/Jane Doe)", "(Reuters Photo)", "[Photo: Xinhua]"
  new RegExp(String.raw`^[(\[][^()\[\]]{0,40}\b${IMAGE_WORD}\b[^()\[\]]{0,80}[)\]]$`, "i"),
];

/** True for a lower-case slug line (caption or alt text). */
export function isSlugLine(line: string): boolean {
  const n = words(line).length;
  return SLUG.test(line) && /\p{L}/u.test(line) && n >= SLUG_MIN_WORDS && n <= SLUG_MAX_WORDS;
}

/** True for a photo credit / image label line. */
export function isCreditLine(line: string): boolean {
  return line.length <= CREDIT_MAX_CHARS && CREDIT_PATTERNS.some((re) => re.test(line));
}

/** Applies the rule to every line. */
export function captionRule(state: CleanState): void {
  for (let i = state.lines.length - 1; i >= 0; i--) {
    const t = state.lines[i].text;
    if (isSlugLine(t)) removeLine(state, i, "caption", "Lower-case slug line with no punctuation: an image caption or alt text, not article text.");
    else if (isCreditLine(t)) removeLine(state, i, "caption", "Photo caption or credit line, not article text.");
  }
}
