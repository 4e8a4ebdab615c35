/**
 * Offset maps for extracted HTML text. Semantics: every segment covers characters that are
 * identical in the cleaned text and in the raw HTML, i.e.
 * `text.slice(cleanStart, cleanStart + length) === raw.slice(rawStart, rawStart + length)`.
 * Characters that differ (a decoded `&amp;`, a space standing for a newline, generated paragraph
 * breaks) are in no segment; the segments around them locate the evidence in the page.
 */
import type { OffsetSegment } from "../../model.js";

/**
 * Composes `outer` (cleaned text -> intermediate text, identical characters) with `map`
 * (intermediate character -> raw offset, or -1 where the character is not in the raw input).
 *
 * @example composeOffsets([{cleanStart: 0, rawStart: 2, length: 2}], [-1, -1, 7, 8]) // [{cleanStart: 0, rawStart: 7, length: 2}]
 */
export function composeOffsets(outer: OffsetSegment[], map: number[]): OffsetSegment[] {
  const out: OffsetSegment[] = [];
  let cur: OffsetSegment | undefined;
  for (const seg of outer) {
    for (let k = 0; k < seg.length; k++) {
      const raw = map[seg.rawStart + k];
      if (raw === undefined || raw < 0) {
        cur = undefined;
        continue;
      }
      const clean = seg.cleanStart + k;
      if (cur && cur.cleanStart + cur.length === clean && cur.rawStart + cur.length === raw) cur.length++;
      else {
        cur = { cleanStart: clean, rawStart: raw, length: 1 };
        out.push(cur);
      }
    }
  }
  return out;
}
