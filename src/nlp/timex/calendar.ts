/**
 * Calendar arithmetic for TIMEX3 values: plain year/month/day records, ISO weeks,
 * quarters and seasons. All arithmetic is done in UTC so that no local time zone
 * or daylight-saving shift can move a date.
 */
import { ParallaxError } from "../../errors.js";

/** A calendar day (month 1-12, day 1-31). */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const MS_PER_DAY = 86_400_000;
/** ISO weekday numbers: Monday = 1 ... Sunday = 7. */
const ISO_SUNDAY = 7;
/** Days in a week. */
const WEEK_DAYS = 7;
/** First month of each meteorological season, as TIMEX3 names them (WI starts in December). */
export const SEASON_START_MONTH: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** Parses `YYYY-MM-DD` (a longer ISO date-time is cut to its date); undefined when malformed. */
export function parseYmd(s: string | undefined): Ymd | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (!m) return undefined;
  const ymd = { y: +m[1], m: +m[2], d: +m[3] };
  if (ymd.m < 1 || ymd.m > 12 || ymd.d < 1 || ymd.d > daysInMonth(ymd.y, ymd.m)) return undefined;
  return ymd;
}

/** Like {@link parseYmd} but throws a ParallaxError for a malformed date (for caller-supplied options). */
export function requireYmd(s: string, what: string): Ymd {
  const ymd = parseYmd(s);
  if (!ymd) throw new ParallaxError("E_TIMEX_DATE", `${what} "${s}" is not a calendar date.`, "Pass the date as YYYY-MM-DD, e.g. 2023-10-20.");
  return ymd;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** `YYYY` */
export const fmtYear = (y: number): string => pad(y, 4);
/** `YYYY-MM` */
export const fmtMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;
/** `YYYY-MM-DD` */
export const fmtYmd = (d: Ymd): string => `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const toUtc = (d: Ymd): number => Date.UTC(d.y, d.m - 1, d.d);
const fromUtc = (t: number): Ymd => {
  const x = new Date(t);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
};

export function addDays(d: Ymd, n: number): Ymd {
  return fromUtc(toUtc(d) + n * MS_PER_DAY);
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: Ymd, n: number): Ymd {
  const idx = d.y * 12 + (d.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = idx - y * 12 + 1;
  return { y, m, d: Math.min(d.d, daysInMonth(y, m)) };
}

/** Signed number of days from `a` to `b`. */
export function diffDays(a: Ymd, b: Ymd): number {
  return Math.round((toUtc(b) - toUtc(a)) / MS_PER_DAY);
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return toUtc(a) - toUtc(b);
}

/** ISO weekday: Monday = 1 ... Sunday = 7. */
export function isoWeekday(d: Ymd): number {
  const w = new Date(toUtc(d)).getUTCDay();
  return w === 0 ? ISO_SUNDAY : w;
}

/**
 * ISO 8601 week of a date, as TIMEX3 writes it (`2023-W42`). The ISO year can differ
 * from the calendar year near New Year (2021-01-01 is in 2020-W53).
 */
export function isoWeek(date: Ymd | string): string {
  const d = typeof date === "string" ? requireYmd(date, "Date") : date;
  const { year, week } = isoWeekParts(d);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** ISO week-numbering year and week number of a date. */
export function isoWeekParts(d: Ymd): { year: number; week: number } {
  // The Thursday of the same ISO week decides the ISO year.
  const thursday = addDays(d, 4 - isoWeekday(d));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const week = Math.floor(diffDays(jan1, thursday) / WEEK_DAYS) + 1;
  return { year: thursday.y, week };
}

/** The most recent day with ISO weekday `wd` on or before `d` (strictly before when `strict`). */
export function weekdayOnOrBefore(d: Ymd, wd: number, strict = false): Ymd {
  let back = (isoWeekday(d) - wd + WEEK_DAYS) % WEEK_DAYS;
  if (strict && back === 0) back = WEEK_DAYS;
  return addDays(d, -back);
}

/** The next day with ISO weekday `wd` on or after `d` (strictly after when `strict`). */
export function weekdayOnOrAfter(d: Ymd, wd: number, strict = false): Ymd {
  let fwd = (wd - isoWeekday(d) + WEEK_DAYS) % WEEK_DAYS;
  if (strict && fwd === 0) fwd = WEEK_DAYS;
  return addDays(d, fwd);
}

/** Calendar quarter (1-4) of a month. */
export const quarterOf = (m: number): number => Math.floor((m - 1) / 3) + 1;

/** Season code (SP, SU, FA, WI) holding a month; December to February is WI. */
export function seasonOf(m: number): string {
  if (m >= 3 && m <= 5) return "SP";
  if (m >= 6 && m <= 8) return "SU";
  if (m >= 9 && m <= 11) return "FA";
  return "WI";
}

/** The calendar range [start, end] (inclusive days) a TIMEX3 DATE value covers. */
export interface DateRange {
  start: string;
  end: string;
  granularity: "day" | "week" | "month" | "quarter" | "season" | "year" | "decade" | "century";
}

/**
 * Turns a resolved TIMEX3 DATE/TIME value into the calendar days it covers, so that events can be
 * dated and compared: `2023-10-19` -> that day, `2023-W42` -> Monday..Sunday, `2023-10` -> the month,
 * `2023-Q3`, `2023-SU`, `2023`, `199` (the 1990s), `19` (the 20th century). Values with X
 * placeholders, REFs and durations give undefined.
 */
export function resolveRelativeDate(value: string): DateRange | undefined {
  const v = value.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(v))) {
    const day = parseYmd(`${m[1]}-${m[2]}-${m[3]}`);
    return day ? { start: fmtYmd(day), end: fmtYmd(day), granularity: "day" } : undefined;
  }
  if ((m = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(v))) {
    // Week 1 holds January 4th.
    const monday = addDays(weekdayOnOrBefore({ y: +m[1], m: 1, d: 4 }, 1), (+m[2] - 1) * WEEK_DAYS);
    const weekend = v.endsWith("-WE");
    return { start: fmtYmd(weekend ? addDays(monday, 5) : monday), end: fmtYmd(addDays(monday, 6)), granularity: "week" };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) {
    const y = +m[1], mo = +m[2];
    if (mo < 1 || mo > 12) return undefined;
    return { start: fmtYmd({ y, m: mo, d: 1 }), end: fmtYmd({ y, m: mo, d: daysInMonth(y, mo) }), granularity: "month" };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) {
    const y = +m[1], first = (+m[2] - 1) * 3 + 1;
    return { start: fmtYmd({ y, m: first, d: 1 }), end: fmtYmd({ y, m: first + 2, d: daysInMonth(y, first + 2) }), granularity: "quarter" };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v))) {
    const start = { y: +m[1], m: SEASON_START_MONTH[m[2]], d: 1 };
    const last = addMonths(start, 2);
    return { start: fmtYmd(start), end: fmtYmd({ ...last, d: daysInMonth(last.y, last.m) }), granularity: "season" };
  }
  if ((m = /^(\d{4})$/.exec(v))) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, granularity: "year" };
  if ((m = /^(\d{3})$/.exec(v))) return { start: `${m[1]}0-01-01`, end: `${m[1]}9-12-31`, granularity: "decade" };
  if ((m = /^(\d{2})$/.exec(v))) return { start: `${m[1]}00-01-01`, end: `${m[1]}99-12-31`, granularity: "century" };
  return undefined;
}
