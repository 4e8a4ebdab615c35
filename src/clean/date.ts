/**
 * Publication dates to ISO 8601: `YYYY-MM-DD`, or a full date-time with its offset when the
 * input states both a time and a zone. A time without a zone keeps only the date (the day
 * is what the pipeline anchors on, and a guessed zone would be invented data). Written dates in
 * other languages and local numeric forms ("23. Oktober 2025", "23/10/2025", "2025年10月23日") are
 * read by html-date.ts `parseLocalDate` when the English readers find nothing.
 */
import * as chrono from "chrono-node";
import { parseLocalDate } from "./html-date.js";

/** Years outside this range are treated as parse errors (typos, epoch zero). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Longest input read as a local written date ("Donnerstag, 23. Oktober 2025, 14:05 Uhr MESZ" fits). */
const LOCAL_DATE_MAX_LEN = 60;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/** RFC 822/2822 dates as in RSS `pubDate`: "Thu, 19 Oct 2023 08:00:00 GMT". */
const RFC822 = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(GMT|UT|UTC|Z|[+-]\d{4}|[ECMP][SD]T)?$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** North American zone names RFC 822 allows, as offsets in hours. */
const RFC822_ZONES: Record<string, number> = { EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7 };

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

function validDate(y: number, mo: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

function build(y: number, mo: number, d: number, time?: { h: number; mi: number; s: number; offsetMin?: number }): string | undefined {
  if (!validDate(y, mo, d)) return undefined;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (!time || time.offsetMin === undefined || time.h > 23 || time.mi > 59 || time.s > 59) return date;
  return `${date}T${pad(time.h)}:${pad(time.mi)}:${pad(time.s)}${offsetText(time.offsetMin)}`;
}

function parseIsoOffset(z: string | undefined): number | undefined {
  if (!z) return undefined;
  if (z.toUpperCase() === "Z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (!m) return undefined;
  const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -v : v;
}

/** A local written date (html-date.ts), only when the input is a short date string, not a sentence that holds one. */
function localDate(s: string): string | undefined {
  return s.length <= LOCAL_DATE_MAX_LEN ? parseLocalDate(s) : undefined;
}

/**
 * Normalises a date string to `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS±HH:MM`; undefined when it is not a
 * complete, valid calendar date.
 *
 * @example normaliseDate("Thu, 19 Oct 2023 08:00:00 GMT") === "2023-10-19T08:00:00+00:00"
 * @example normaliseDate("October 20, 2023") === "2023-10-20"
 * @example normaliseDate("23 de octubre de 2025") === "2025-10-23"
 */
export function normaliseDate(input: string): string | undefined {
  const s = input.trim();
  if (s === "") return undefined;
  const iso = ISO.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, z] = iso;
    const time = h === undefined ? undefined : { h: Number(h), mi: Number(mi), s: Number(sec ?? 0), offsetMin: parseIsoOffset(z) };
    return build(Number(y), Number(mo), Number(d), time);
  }
  const rfc = RFC822.exec(s);
  if (rfc) {
    const [, d, mon, y, h, mi, sec, z] = rfc;
    const mo = MONTHS.indexOf(mon.toLowerCase()) + 1;
    let offsetMin: number | undefined;
    if (z) offsetMin = /^(GMT|UTC?|Z)$/i.test(z) ? 0 : z.toUpperCase() in RFC822_ZONES ? RFC822_ZONES[z.toUpperCase()] * 60 : parseIsoOffset(z);
    return build(Number(y), mo, Number(d), { h: Number(h), mi: Number(mi), s: Number(sec ?? 0), offsetMin });
  }
  // Other written forms ("October 20, 2023", "20 Oct 2023 10:00 +0200"): chrono, strict mode, certain parts only.
  const r = chrono.strict.parse(s)[0];
  if (!r) return localDate(s);
  const c = r.start;
  if (!c.isCertain("year") || !c.isCertain("month") || !c.isCertain("day")) return localDate(s);
  const y = c.get("year") ?? 0;
  const mo = c.get("month") ?? 0;
  const d = c.get("day") ?? 0;
  if (c.isCertain("hour") && c.isCertain("timezoneOffset")) {
    return build(y, mo, d, { h: c.get("hour") ?? 0, mi: c.get("minute") ?? 0, s: c.get("second") ?? 0, offsetMin: c.get("timezoneOffset") ?? undefined });
  }
  return build(y, mo, d);
}
