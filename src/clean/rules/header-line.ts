/**
 * Rule: a scraper's header line or prefix at the very start, `date 2023-10-20` / `Published: October 20, 2023`,
 * often followed on the same line by the first paragraph or a breadcrumb. It sets `meta.published`
 * (source `header-line`) and is removed; the rest of the line stays.
 */
import { normaliseDate } from "../date.js";
import { removePrefix } from "../lines.js";
import type { CleanState } from "../types.js";

/** Keywords that introduce a header date. */
const HEADER_KEYWORD = String.raw`(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated)`;
/** Date forms accepted in a header: ISO (with optional time and zone) or a written month-name date. */
const HEADER_DATE = String.raw`(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?` +
  String.raw`|(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}))`;
const HEADER = new RegExp(String.raw`^${HEADER_KEYWORD}\s*[:\-–—]?\s*${HEADER_DATE}(?=\s|$|[|,;])[|,;]?`, "i");

/** Applies the rule to the first line. */
export function headerLineRule(state: CleanState): void {
  const first = state.lines[0];
  if (!first) return;
  const m = HEADER.exec(first.text);
  if (!m) return;
  const date = normaliseDate(m[1]);
  if (!date) return;
  if (!state.meta.published) {
    state.meta.published = date;
    (state.meta.sources ??= {}).published = "header-line";
  }
  removePrefix(state, 0, m[0].length, "header-line", `Header line giving the publication date (${date}), not article text.`);
}
