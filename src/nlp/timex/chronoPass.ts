/**
 * Calendar dates, weekdays and clock times through chrono-node, turned into TIMEX3 candidates.
 *
 * chrono is configured with only the parsers for explicit dates, month names, weekdays and clock
 * times (the relative-unit parsers are replaced by our own rules, which know TIMEX3 granularity),
 * without its date-range merging (TimeML annotates each end of a range) and with
 * {@link NewsWeekdayRefiner}, which makes a bare weekday point backwards as news reports do.
 * Only sentences that contain a trigger word are handed to chrono: it is by far the slowest part.
 */
import * as chrono from "chrono-node";
import type { Span } from "../../model.js";
import { fmtMonth, fmtYmd, type Ymd } from "./calendar.js";
import { PART_OF_DAY } from "./lexicon.js";
import { absolute, fromAnchor, weekdayFor, yearFor, type Candidate } from "./resolve.js";
import { tenseAt } from "./tense.js";

/** chrono parsers kept (by class name): explicit dates, month names, weekdays, clock times. */
const KEPT_PARSERS = new Set([
  "ENYearMonthDayParser", "ISOFormatParser", "SlashDateFormatParser", "ENMonthNameLittleEndianParser",
  "ENMonthNameMiddleEndianParser", "ENMonthNameParser", "ENWeekdayParser", "ENTimeExpressionParser", "ENYearMonthNameParser",
]);
/** chrono refiners dropped: range merging (TimeML annotates each end) and forward-dating. */
const DROPPED_REFINERS = new Set(["ENMergeDateRangeRefiner", "ForwardDateRefiner"]);

/**
 * Cheap test for sentences chrono may find something in: a capitalised month or weekday name (news
 * capitalises them; lower-case "may" and "march" are mostly verbs), a clock time or a numeric date.
 */
export const CHRONO_TRIGGER = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)(?:[A-Z]*)\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun|MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)(?:day|DAY)\b|\d:\d\d|\d\s*[ap]\.?m\b|\b\d{1,4}[\/.-]\d{1,2}[\/.-]\d{1,4}\b/;
/** Words before a chrono match that TimeML leaves outside the extent. */
const LEADING_FUNCTION_WORDS = /^(?:(?:on|at|in|by|from|since|until|till|of|the|during)\s+)+/i;
/** A part of the day right after a date ("Friday afternoon"). */
const FOLLOWING_PART = /^\s+(morning|afternoon|evening|night)\b/i;
/** A month name spelt out in full. */
const FULL_MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i;
/** A year after a month name ("January of 2011"). */
const OF_YEAR = /^\s+of\s+((?:1[6-9]|20)\d\d)\b/;
/** A modifier word right before a weekday. */
const WEEKDAY_MOD = /^(last|past|next|this|coming)\s+/i;
/** Reference time of day handed to chrono (noon UTC keeps the date stable in any zone). */
const NOON_UTC = 12;
/** Reference date used when there is no anchor (its implied values are never used). */
const NO_ANCHOR_REFERENCE: Ymd = { y: 2000, m: 1, d: 1 };

const ymdOfInstant = (d: Date): Ymd => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() });

/**
 * chrono refiner: a weekday without a date ("on Thursday", "Monday") means, in news, the most
 * recent such day on or before the reference date; in a future-tense clause, the next one on or after
 * it; "last"/"next"/"this" are honoured. Overrides chrono's own guess (it may pick the coming one).
 */
export class NewsWeekdayRefiner implements chrono.Refiner {
  refine(context: { text: string; reference: { instant: Date } }, results: chrono.ParsingResult[]): chrono.ParsingResult[] {
    const ref = ymdOfInstant(context.reference.instant);
    for (const r of results) {
      const c = r.start;
      if (!c.isCertain("weekday") || c.isCertain("day")) continue;
      const mod = WEEKDAY_MOD.exec(r.text.replace(LEADING_FUNCTION_WORDS, ""))?.[1];
      const tense = tenseAt(context.text, r.index, r.index + r.text.length);
      const wd = c.get("weekday")!;
      const day = weekdayFor(ref, wd === 0 ? 7 : wd, mod, tense);
      c.imply("year", day.y);
      c.imply("month", day.m);
      c.imply("day", day.d);
    }
    return results;
  }
}

let parser: chrono.Chrono | undefined;
/** The shared chrono instance (built on first use). */
function newsChrono(): chrono.Chrono {
  if (parser) return parser;
  const cfg = chrono.en.configuration.createCasualConfiguration(false);
  cfg.parsers = cfg.parsers.filter((p) => KEPT_PARSERS.has(p.constructor.name));
  cfg.refiners = cfg.refiners.filter((r) => !DROPPED_REFINERS.has(r.constructor.name));
  cfg.refiners.push(new NewsWeekdayRefiner() as unknown as chrono.Refiner);
  parser = new chrono.Chrono(cfg);
  return parser;
}

const two = (n: number): string => String(n).padStart(2, "0");

/**
 * Candidates from chrono over the sentences of `text` that contain a trigger word.
 * `anchor` is the reference date (undefined: relative parts become X placeholders).
 */
export function chronoCandidates(text: string, sentences: Span[], anchor: Ymd | undefined): Candidate[] {
  const out: Candidate[] = [];
  const ref = anchor ?? NO_ANCHOR_REFERENCE;
  const instant = new Date(Date.UTC(ref.y, ref.m - 1, ref.d, NOON_UTC));
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    if (!CHRONO_TRIGGER.test(sentence)) continue;
    for (const r of newsChrono().parse(sentence, { instant, timezone: 0 })) {
      const c = toCandidate(r, sentence, s.start);
      if (c) out.push(c);
    }
  }
  return out;
}

function toCandidate(r: chrono.ParsedResult, sentence: string, base: number): Candidate | undefined {
  const c = r.start;
  const known = (k: chrono.Component): boolean => c.isCertain(k);
  // Extent: drop leading prepositions and trailing punctuation (keep the dot of "p.m.").
  let t = r.text;
  let start = r.index;
  const lead = LEADING_FUNCTION_WORDS.exec(t);
  if (lead) {
    start += lead[0].length;
    t = t.slice(lead[0].length);
  }
  t = t.replace(/[\s,;:]+$/, "");
  // "8:30 p.m. ET)": a closing bracket whose opener lies outside the match.
  if (/[)\]]$/.test(t) && !/[(\[]/.test(t)) t = t.slice(0, -1).trimEnd();
  if (/\.$/.test(t) && !/[ap]\.m\.$/i.test(t)) t = t.slice(0, -1);
  if (!t) return undefined;
  let end = start + t.length;

  const hasHour = known("hour");
  if (hasHour) {
    // A clock time needs a colon or am/pm; hh:mm:ss without am/pm is a race time, not a clock time.
    if (!/\d:\d\d|\d\s*[ap]\.?m\b|noon|midnight|o'clock/i.test(t)) return undefined;
    if (known("second") && !known("meridiem")) return undefined;
  }
  if (!hasHour && !known("month") && !known("weekday")) return undefined;
  // A weekday needs its full name: "sat", "wed" and "sun" are words too.
  if (known("weekday") && !known("day") && !/day\b/i.test(t)) return undefined;

  let part: string | undefined;
  const after = FOLLOWING_PART.exec(sentence.slice(end));
  if (after && !hasHour) {
    part = PART_OF_DAY[after[1].toLowerCase()];
    end += after[0].length;
  }
  const tense = tenseAt(sentence, start, end);
  const time = hasHour ? `T${two(c.get("hour")!)}:${two(c.get("minute") ?? 0)}` : part ? `T${part}` : "";
  const type = time ? "TIME" : "DATE";
  const abs = { start: base + start, end: base + end, type, rule: "chrono" } as const;

  if (known("month") && known("day") && known("year")) {
    const day = { y: c.get("year")!, m: c.get("month")!, d: c.get("day")! };
    return { ...abs, absoluteDay: day, resolve: () => absolute(fmtYmd(day) + time, day) };
  }
  if (known("month") && known("year")) {
    const value = fmtMonth(c.get("year")!, c.get("month")!);
    return { ...abs, resolve: () => absolute(value) };
  }
  // A month alone must be spelt out: "Jun" in "Zhai Jun", "Mar" or "Dec" in names are no dates.
  if (known("month") && !known("day") && !known("year") && !FULL_MONTH.test(t.replace(/^(?:last|next|this)\s+/i, ""))) return undefined;
  if (known("month") && !known("day")) {
    // "January of 2011": chrono leaves the year out.
    const ofYear = OF_YEAR.exec(sentence.slice(end));
    if (ofYear) {
      const value = fmtMonth(+ofYear[1], c.get("month")!);
      return { ...abs, end: abs.end + ofYear[0].length, resolve: () => absolute(value) };
    }
  }
  if (known("month")) {
    const m = c.get("month")!;
    const d = known("day") ? c.get("day")! : undefined;
    return {
      ...abs,
      resolve: (ctx) => fromAnchor(ctx, d ? `XXXX-${two(m)}-${two(d)}${time}` : `XXXX-${two(m)}`, (a) => {
        const y = yearFor(a, m, d, tense);
        if (d === undefined) return fmtMonth(y, m);
        const day = { y, m, d };
        return { value: fmtYmd(day) + time, day };
      }),
    };
  }
  if (known("weekday")) {
    // The NewsWeekdayRefiner has put the resolved day into the implied values.
    const wd = c.get("weekday")!;
    const day = { y: c.get("year")!, m: c.get("month")!, d: c.get("day")! };
    return {
      ...abs,
      resolve: (ctx) => fromAnchor(ctx, `XXXX-WXX-${wd === 0 ? 7 : wd}${time}`, () => ({ value: fmtYmd(day) + time, day })),
    };
  }
  // A clock time alone: on the reference day.
  return { ...abs, resolve: (ctx) => fromAnchor(ctx, `XXXX-XX-XX${time}`, (a) => fmtYmd(a) + time) };
}
