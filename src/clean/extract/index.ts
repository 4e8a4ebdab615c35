/**
 * The own single-pass extractor: parse (parse.ts), find the article (content.ts), render it with a
 * map to raw offsets (render.ts). `extractMain` runs the strict attempt and, when it finds too
 * little, a recall escalation with the class/id patterns and the in-article cleaning switched off.
 */
import type { ContentOptions, Ctx } from "./content.js";
import { findContent } from "./content.js";
import { listingItems } from "./listing.js";
import type { HDocument } from "./parse.js";
import { renderElements, type Rendered } from "./render.js";
import { textWeight } from "./weight.js";

export { parseDocument } from "./parse.js";
export type { HDocument } from "./parse.js";
export { queryDoc } from "./query.js";
export { composeOffsets } from "./offsets.js";
export { textWeight } from "./weight.js";

/** Below this text weight (characters; ideographs count more, weight.ts) the strict attempt's result is too short and the recall escalation runs. */
export const MIN_MAIN_CHARS = 250;

const STRICT: ContentOptions = { classPatterns: true, conditional: true };
const RELAXED: ContentOptions = { classPatterns: false, conditional: false };

/** One attempt's rendered text, with the teaser headline count when the content reads as a listing page (listing.ts), else 0. */
export interface Attempt extends Rendered {
  listing: number;
}

/** One extraction attempt. */
export function extractWith(doc: HDocument, opts: ContentOptions): Attempt {
  const ctx: Ctx = { doc, text: new Map(), info: new Map(), opts };
  const roots = findContent(ctx);
  const rendered = renderElements(ctx, roots);
  return { ...rendered, listing: listingItems(ctx, roots) };
}

/** The main extractor's result and whether the recall escalation was used. */
export interface MainResult extends Attempt {
  escalated: boolean;
}

/**
 * Extracts the article body of a parsed page.
 *
 * @example extractMain(parseDocument(html)).text
 */
export function extractMain(doc: HDocument): MainResult {
  const strict = extractWith(doc, STRICT);
  const strictWeight = textWeight(strict.text);
  if (strictWeight >= MIN_MAIN_CHARS) return { ...strict, escalated: false };
  const relaxed = extractWith(doc, RELAXED);
  return textWeight(relaxed.text) > strictWeight ? { ...relaxed, escalated: true } : { ...strict, escalated: false };
}
