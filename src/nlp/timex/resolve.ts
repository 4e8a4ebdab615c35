/**
 * Turning under-specified dates ("Thursday", "Oct. 7", "last week", "a week later") into
 * TIMEX3 values against a reference date, and the candidate type the recognisers share.
 */
import type { Timex, TimexType } from "../../model.js";
import {
  addDays, addMonths, compareYmd, fmtMonth, fmtYear, fmtYmd, isoWeek, isoWeekday, quarterOf, weekdayOnOrAfter, weekdayOnOrBefore,
  type Ymd,
} from "./calendar.js";
import type { Tense } from "./tense.js";

/** What a candidate is resolved against. */
export interface ResolveCtx {
  /** The reference date (publication date, or one inferred from the text). */
  anchor?: Ymd;
  anchorKind: "published" | "inferred" | "none";
  /** Tense of the clause around the expression. */
  tense: Tense;
  /** The last day the text named before this expression (for "a week later", "the next day"). */
  prev?: Ymd;
}

/** A resolved value and how it was obtained. */
export interface Resolved {
  value: string;
  anchor?: Timex["anchor"];
  anchorDate?: string;
  /** The single day this expression names, if it names one (feeds {@link ResolveCtx.prev}). */
  day?: Ymd;
}

/** A recognised expression before resolution. */
export interface Candidate {
  start: number;
  end: number;
  type: TimexType;
  /** Which recogniser found it (for debugging and tie-breaks). */
  rule: string;
  /** The day it names when it needs no reference date ("October 11, 2023"): used to infer an anchor. */
  absoluteDay?: Ymd;
  resolve(ctx: ResolveCtx): Resolved;
}

/** A value that needs no reference date. */
export const absolute = (value: string, day?: Ymd): Resolved => ({ value, anchor: "absolute", day });

/** A value computed from the reference date; X placeholders when there is none. */
export function fromAnchor(ctx: ResolveCtx, unknown: string, compute: (anchor: Ymd) => string | { value: string; day?: Ymd }): Resolved {
  if (!ctx.anchor) return { value: unknown, anchor: "none" };
  const r = compute(ctx.anchor);
  const { value, day } = typeof r === "string" ? { value: r, day: undefined } : r;
  return { value, day, anchor: ctx.anchorKind === "none" ? "none" : ctx.anchorKind, anchorDate: fmtYmd(ctx.anchor) };
}

/** A value computed from the last day named in the text, or from the reference date when there is none. */
export function fromPrevious(ctx: ResolveCtx, unknown: string, compute: (base: Ymd) => string | { value: string; day?: Ymd }): Resolved {
  if (!ctx.prev) return fromAnchor(ctx, unknown, compute);
  const r = compute(ctx.prev);
  const { value, day } = typeof r === "string" ? { value: r, day: undefined } : r;
  return { value, day, anchor: "inferred", anchorDate: fmtYmd(ctx.prev) };
}

/**
 * Year of a month (and optional day) given without a year. Past tense: the latest such date on or
 * before the anchor; future: the first on or after; unknown: the nearest (ties go to the past).
 */
export function yearFor(anchor: Ymd, month: number, day: number | undefined, tense: Tense): number {
  const probe = (y: number): Ymd => ({ y, m: month, d: day ?? 1 });
  const same = probe(anchor.y);
  const cmp = day === undefined ? (month - anchor.m) : compareYmd(same, anchor);
  if (tense === "past") return cmp <= 0 ? anchor.y : anchor.y - 1;
  if (tense === "future") return cmp >= 0 ? anchor.y : anchor.y + 1;
  // Nearest in months; a tie goes to the past (news mostly reports what happened).
  const here = anchor.y * 12 + anchor.m - 1;
  const dist = (y: number): number => Math.abs(y * 12 + month - 1 - here);
  const before = cmp <= 0 ? anchor.y : anchor.y - 1;
  const after = cmp >= 0 ? anchor.y : anchor.y + 1;
  return dist(after) < dist(before) ? after : before;
}

/**
 * The day a weekday name points to. `mod` is a preceding "last"/"next"/"this"/"past"/"coming".
 * Without a modifier, news reports the past: the most recent such day on or before the anchor,
 * unless the clause is in the future tense (then the next one on or after it).
 */
export function weekdayFor(anchor: Ymd, wd: number, mod: string | undefined, tense: Tense): Ymd {
  switch (mod?.toLowerCase()) {
    case "last":
    case "past":
      return weekdayOnOrBefore(anchor, wd, true);
    case "next":
    case "coming":
      return weekdayOnOrAfter(anchor, wd, true);
    case "this":
      // The same ISO week as the anchor.
      return addDays(anchor, wd - isoWeekday(anchor));
    default:
      return tense === "future" ? weekdayOnOrAfter(anchor, wd) : weekdayOnOrBefore(anchor, wd);
  }
}

/** Calendar units a reference date can be shifted by and written at that unit's granularity. */
export type ShiftUnit = "day" | "week" | "weekend" | "month" | "quarter" | "half" | "year" | "decade" | "century";

/**
 * The TIMEX3 value of the `unit` that lies `n` units from `base`, at that unit's granularity:
 * (2023-10-20, week, -1) -> 2023-W41; (month, 0) -> 2023-10; (year, +1) -> 2024; (day, -7) -> 2023-10-13.
 */
export function shifted(base: Ymd, unit: ShiftUnit, n: number): { value: string; day?: Ymd } {
  switch (unit) {
    case "day": {
      const d = addDays(base, n);
      return { value: fmtYmd(d), day: d };
    }
    case "week":
      return { value: isoWeek(addDays(base, 7 * n)) };
    case "weekend":
      return { value: `${isoWeek(addDays(base, 7 * n))}-WE` };
    case "month": {
      const d = addMonths(base, n);
      return { value: fmtMonth(d.y, d.m) };
    }
    case "quarter": {
      const d = addMonths(base, 3 * n);
      return { value: `${fmtYear(d.y)}-Q${quarterOf(d.m)}` };
    }
    case "half": {
      const d = addMonths(base, 6 * n);
      return { value: `${fmtYear(d.y)}-H${d.m <= 6 ? 1 : 2}` };
    }
    case "year":
      return { value: fmtYear(base.y + n) };
    case "decade":
      return { value: fmtYear(base.y + 10 * n).slice(0, 3) };
    case "century":
      return { value: fmtYear(base.y + 100 * n).slice(0, 2) };
  }
}

/** X-placeholder value of a unit ("XXXX-WXX" for a week). */
export function unknownOf(unit: ShiftUnit): string {
  switch (unit) {
    case "day": return "XXXX-XX-XX";
    case "week": return "XXXX-WXX";
    case "weekend": return "XXXX-WXX-WE";
    case "month": return "XXXX-XX";
    case "quarter": return "XXXX-QX";
    case "half": return "XXXX-HX";
    case "year": return "XXXX";
    case "decade": return "XXX";
    case "century": return "XX";
  }
}
