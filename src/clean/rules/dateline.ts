/**
 * Rule: a dateline opening the body (`BEIJING (Reuters) :`, `BEIJING (Reuters) -`,
 * `WASHINGTON, Oct 19 (AP) —`, `GAZA CITY —`). It is KEPT in the text and recorded as
 * `meta.dateline` with its place (title-cased) and agency; the agency becomes the outlet when
 * the input names none.
 */

/** Only the first body lines are searched for a dateline. */
export const DATELINE_SCAN_LINES = 2;
/** An all-capitals place needs at least this many letters without an agency (so "US -" is not a dateline). */
const CAPS_PLACE_MIN_LETTERS = 3;

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const CAPS_PLACE = String.raw`[A-Z][A-Z.'’\-]+(?:[ /][A-Z][A-Z.'’\-]+){0,3}`;
const TITLE_PLACE = String.raw`[A-Z][a-z.'’\-]+(?:[ /][A-Z][a-z.'’\-]+){0,2}`;
const DATE_PART = String.raw`(?:,\s*${MONTH}\s+\d{1,2}(?:,\s*\d{4})?)?`;
const AGENCY = String.raw`\(([A-Z][\w&.'’ \-]{0,40})\)`;
const SEPARATOR = String.raw`\s*(?::|-{1,2}|–|—)(?=\s)`;

/** Capitals place, optional date, optional agency, then a colon or dash. */
const CAPS_DATELINE = new RegExp(String.raw`^(${CAPS_PLACE})${DATE_PART}(?:\s*${AGENCY})?${SEPARATOR}`);
/** Title-case place: only with an agency ("Beijing (Reuters) -"). */
const TITLE_DATELINE = new RegExp(String.raw`^(${TITLE_PLACE})${DATE_PART}\s*${AGENCY}${SEPARATOR}`);

export interface DatelineMatch {
  /** Length of the dateline from the start of the line, through its colon or dash. */
  length: number;
  place: string;
  agency?: string;
}

/** "GAZA CITY" -> "Gaza City", "NEW YORK/LONDON" -> "New York/London"; title-case input is kept. */
export function titleCasePlace(place: string): string {
  if (place !== place.toUpperCase()) return place;
  return place.toLowerCase().replace(/(^|[\s/\-'’.])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** Matches a dateline at the start of a line. */
export function matchDateline(line: string): DatelineMatch | undefined {
  const caps = CAPS_DATELINE.exec(line);
  if (caps) {
    const letters = caps[1].replace(/[^A-Z]/g, "").length;
    if (caps[2] || letters >= CAPS_PLACE_MIN_LETTERS) {
      return { length: caps[0].length, place: titleCasePlace(caps[1]), ...(caps[2] ? { agency: caps[2].trim() } : {}) };
    }
  }
  const title = TITLE_DATELINE.exec(line);
  if (title) return { length: title[0].length, place: title[1], agency: title[2].trim() };
  return undefined;
}

/** True when a line starts with a dateline. */
export function isDatelineStart(line: string): boolean {
  return matchDateline(line) !== undefined;
}
