/**
 * Rule: a scraper's header line or prefix at the very start, `date 2023-10-20` / `Published: October 20, 2023`,
 * often followed on the same line by the first paragraph or a breadcrumb. It sets `meta.published`
 * (source `header-line`) and is removed; the rest of the line stays.
 */
import { normaliseDate } from "../date.js";
import { removePrefix } from "../lines.js";
import type { CleanState } from "../types.js";

/**
 * Keywords that introduce a header date, in English and the other languages whose dates
 * {@link normaliseDate} reads (de, fr, es, pt, it, nl, ru, zh, ja).
 */
const HEADER_KEYWORD = String.raw`(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated` +
  String.raw`|datum|ver(?:ö|oe)ffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|publi(?:é|e)(?:\s+le)?|mis\s+(?:à|a)\s+jour\s+le` +
  String.raw`|fecha|publicad[oa](?:\s+(?:el|em))?|actualizad[oa](?:\s+el)?|atualizad[oa](?:\s+em)?|pubblicato(?:\s+il)?|aggiornato(?:\s+il)?` +
  String.raw`|gepubliceerd(?:\s+op)?|дата|опубликовано|обновлено|发布时间|发布日期|日期|公開日|更新日)`;
/**
 * Date forms accepted in a header: ISO (with optional time and zone), a written month-name date
 * (any script: "October 20, 2023", "23. Oktober 2025", "3 mars 2025", "23 октября 2025"), a
 * numeric day-month-year, or a CJK 年月日 date; {@link normaliseDate} decides what it means.
 */
const HEADER_DATE = String.raw`(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?` +
  String.raw`|(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,10}\.?,?\s+(?:de\s+)?\d{4})` +
  String.raw`|(?:\d{1,2}[./]\d{1,2}[./]\d{4})|(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日))`;
const HEADER = new RegExp(String.raw`^${HEADER_KEYWORD}\s*[:：\-–—]?\s*${HEADER_DATE}(?=\s|$|[|,;])[|,;]?`, "iu");

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
