/**
 * Pattern rules for the temporal expressions chrono-node does not cover: years, decades,
 * centuries, durations, sets, "last week", "a week ago", "yesterday", PRESENT_REF/PAST_REF/FUTURE_REF,
 * seasons and quarters. Each rule is one regular expression run over the whole text and a builder
 * that turns a match into {@link Candidate}s (extent per TimeML/TempEval-3: "Thursday", not
 * "on Thursday"; "a week ago" whole; "the past three years" whole).
 */
import type { TimexType } from "../../model.js";
import { fmtYear, SEASON_START_MONTH, seasonOf, weekdayOnOrAfter, weekdayOnOrBefore, quarterOf, isoWeek, type Ymd } from "./calendar.js";
import {
  CAL_UNIT, MONTH, NUM, ORDINAL, PART, PART_OF_DAY, SEASON, SEASONS, UNIT, UNIT_PLURAL, WEEKDAY,
  durationValue, monthNumber, ordinalNumber, parseCount, unitInfo, weekdayNumber, type UnitInfo,
} from "./lexicon.js";
import {
  absolute, fromAnchor, fromPrevious, shifted, unknownOf, type Candidate, type ResolveCtx, type Resolved, type ShiftUnit,
} from "./resolve.js";

type Build = (m: RegExpExecArray, text: string) => Candidate | Candidate[] | null | undefined;
interface Rule {
  name: string;
  re: RegExp;
  build: Build;
  /**
   * A cheap global regex for a word every match contains. When given, the rule's (slow, alternation-led)
   * regex only runs on windows of text around the needle's hits.
   */
  needle?: RegExp;
}

/** Characters of context a needle window takes before and after the needle hit. */
const WINDOW_BEFORE = 80;
const WINDOW_AFTER = 40;
/** Hits of a unit word (needle of the number-led rules). */
const UNIT_NEEDLE = new RegExp(`\\b${UNIT}\\b`, "gi");

/** Years accepted as calendar years (four digits in this range). */
const YEAR = "(?:1[6-9]\\d\\d|20\\d\\d)";
/** Words right before a four-digit number that make it a count, not a year ("some 2000 troops"). */
const COUNT_BEFORE = /\b(?:about|some|nearly|almost|over|than|around|approximately|roughly|least|only|just|top|number|no\.|page|pp?\.|route|flight|room|model|rs\.?|usd|eur|gbp|up\s+to)\s*$/i;
/** Words right after a four-digit number that make it a count ("2000 people", "1500 km"). */
const COUNT_AFTER = /^\s*(?:%|percent|per\s?cent|people|persons|troops|soldiers|police|officers|men|women|children|kids|dollars|euros|pounds|yuan|rupees|miles|km|kilomet(?:er|re)s|met(?:er|re)s|m\b|feet|ft\b|tons|tonnes|units|cases|deaths|votes|points|members|employees|workers|jobs|students|residents|refugees|civilians|homes|houses|cars|vehicles|acres|hectares|calories|barrels|shares|words|pages|sq\b|square|kg\b|lbs?\b|mph\b|rpm\b|hours|minutes|years|days|times|:\d)/i;
/** Modifiers kept inside a duration's extent ("more than a decade", "almost seven years"). */
const DURATION_MODS = "(?:almost|nearly|more\\s+than|less\\s+than|fewer\\s+than|at\\s+least|at\\s+most|up\\s+to|a\\s+mere|just\\s+under|well\\s+over)";
/** Words before a count that make it an age. */
const AGE_BEFORE = /\b(?:aged?|ages|age\s+of)\s*$/i;
/** Words after a count that make it an age. */
const AGE_AFTER = /^\s*(?:and|or)\s+(?:older|younger|over|under)\b|^\s+of\s+age\b/i;
/** Positions words that are part of a "the past/next N units" duration. */
const SPAN_WORDS = "(?:past|last|next|coming|following|previous|first|final|initial|remaining)";

const cand = (start: number, end: number, type: TimexType, rule: string, resolve: (ctx: ResolveCtx) => Resolved, absoluteDay?: Ymd): Candidate =>
  ({ start, end, type, rule, resolve, absoluteDay });

/** Start/end of capture group `g` (needs the `d` flag). */
const span = (m: RegExpExecArray, g: number): [number, number] => m.indices![g]!;

/** Duration candidate for `count` units. */
const duration = (start: number, end: number, count: number | "X", info: UnitInfo, rule: string): Candidate => {
  const value = durationValue(count, info);
  return cand(start, end, "DURATION", rule, () => ({ value }));
};

/** Shift unit for a unit word used as a calendar period. */
function shiftUnitOf(word: string): ShiftUnit | undefined {
  const w = word.toLowerCase().replace(/^fiscal\s+/, "").replace(/s$/, "");
  if (w === "centurie" || w === "century") return "century";
  return (["day", "week", "weekend", "month", "quarter", "year", "decade"] as const).find((u) => u === w);
}

/** Relative-date candidate: `n` units from the reference date. */
const relative = (start: number, end: number, unit: ShiftUnit, n: number, rule: string, type: TimexType = "DATE"): Candidate =>
  cand(start, end, type, rule, (ctx) => fromAnchor(ctx, unknownOf(unit), (a) => shifted(a, unit, n)));

const isLowerStart = (s: string): boolean => s[0] === s[0].toLowerCase();

const RULES: Rule[] = [
  // --- years, decades, centuries --------------------------------------------------------------
  {
    name: "year",
    re: new RegExp(`(?<![\\w$€£#.,/:'’]|\\b\\d\\d?-)(${YEAR})(?![\\w%]|[.,]\\d|:\\d|-\\d\\d?-|/)`, "dg"),
    build(m, text) {
      const [s, e] = span(m, 1);
      if (COUNT_BEFORE.test(text.slice(Math.max(0, s - 20), s))) return null;
      if (COUNT_AFTER.test(text.slice(e, e + 20))) return null;
      const y = m[1];
      return cand(s, e, "DATE", "year", () => absolute(y));
    },
  },
  {
    // "1957-58", "2009-10": the second year of a range is written with two digits.
    name: "year-range-tail",
    re: new RegExp(`(?<![\\w$€£#.,/:-])(${YEAR})[-–](\\d\\d)(?![\\w%-]|[.,]\\d)`, "dg"),
    build(m) {
      const [s, e] = span(m, 2);
      const first = +m[1];
      const tail = +m[2];
      let y = Math.floor(first / 100) * 100 + tail;
      if (y <= first) y += 100;
      if (y - first > 20) return null;
      return cand(s, e, "DATE", "year-range-tail", () => absolute(fmtYear(y)));
    },
  },
  {
    name: "decade",
    re: /(?<![\w'’])(1\d|20)(\d)0['’]?s\b/dg,
    build(m) {
      const value = `${m[1]}${m[2]}`;
      return cand(m.index, m.index + m[0].length, "DATE", "decade", () => absolute(value));
    },
  },
  {
    name: "decade-short",
    re: /(?<![\w])['’]([2-9])0s\b/dg,
    build(m) {
      const value = `19${m[1]}`;
      return cand(m.index, m.index + m[0].length, "DATE", "decade", () => absolute(value));
    },
  },
  {
    name: "century",
    re: new RegExp(`\\b(${ORDINAL})[\\s-]+centur(?:y|ies)\\b`, "dgi"),
    build(m) {
      const n = ordinalNumber(m[1]);
      if (!n || n > 30) return null;
      const value = String(n - 1).padStart(2, "0");
      return cand(m.index, m.index + m[0].length, "DATE", "century", () => absolute(value));
    },
  },

  // --- references to the present, past and future ---------------------------------------------
  {
    name: "present-ref",
    re: /\b(?:right\s+now|now|currently|nowadays|presently|at\s+present|these\s+days|at\s+the\s+moment|the\s+present\s+day)\b(?!-)/dgi,
    build: (m) => cand(m.index, m.index + m[0].length, "DATE", "present-ref", () => ({ value: "PRESENT_REF" })),
  },
  {
    name: "past-ref",
    re: /\b(?:recently|lately|formerly|at\s+the\s+time|at\s+that\s+time|recent\s+days)\b/dgi,
    build: (m) => cand(m.index, m.index + m[0].length, "DATE", "past-ref", () => ({ value: "PAST_REF" })),
  },
  {
    // "in the past" (but not "the past three years", a duration).
    name: "the-past",
    re: new RegExp(`\\bthe\\s+(?:distant\\s+|recent\\s+)?past\\b(?!\\s+(?:${NUM}\\s+)?${UNIT})`, "dgi"),
    build: (m) => cand(m.index, m.index + m[0].length, "DATE", "past-ref", () => ({ value: "PAST_REF" })),
  },
  {
    name: "future-ref",
    re: /\bthe\s+(?:near\s+|distant\s+|foreseeable\s+)?future\b/dgi,
    build: (m) => cand(m.index, m.index + m[0].length, "DATE", "future-ref", () => ({ value: "FUTURE_REF" })),
  },

  // --- deictic days ----------------------------------------------------------------------------
  {
    name: "deictic-day",
    re: new RegExp(`\\b(today|tonight|yesterday|tomorrow|last\\s+night|this\\s+(?=${PART}))(?:\\s*(${PART}))?\\b`, "dgi"),
    build(m) {
      const word = m[1].toLowerCase().replace(/\s+/g, " ").trim();
      let shift = 0;
      let part = m[2] ? PART_OF_DAY[m[2].toLowerCase()] : undefined;
      if (word === "yesterday") shift = -1;
      else if (word === "tomorrow") shift = 1;
      else if (word === "last night") { shift = -1; part = "NI"; }
      else if (word === "tonight") part = "NI";
      else if (word === "this" && !part) return null;
      const type: TimexType = part ? "TIME" : "DATE";
      return cand(m.index, m.index + m[0].length, type, "deictic-day", (ctx) =>
        fromAnchor(ctx, part ? `XXXX-XX-XXT${part}` : "XXXX-XX-XX", (a) => {
          const r = shifted(a, "day", shift);
          return part ? { value: `${r.value}T${part}` } : r;
        }));
    },
  },

  // --- "last week", "this year", "next month", "the last week" ---------------------------------
  {
    name: "this-last-next",
    re: new RegExp(`\\b(?:the\\s+(?=last|next|coming))?(this|last|next|coming)\\s+(fiscal\\s+year|${CAL_UNIT})\\b(?!\\s+(?:or|and)\\s+(?:two|so))`, "dgi"),
    build(m) {
      const unit = shiftUnitOf(m[2]);
      if (!unit) return null;
      const dir = m[1].toLowerCase();
      const n = dir === "this" ? 0 : dir === "last" ? -1 : 1;
      const [s, e] = [m.index, m.index + m[0].length];
      // "the last decade", "the next decade": TempEval annotates a duration.
      if ((unit === "decade" || unit === "century") && dir !== "this") {
        const info = unitInfo(m[2])!;
        return duration(s, e, 1, info, "this-last-next");
      }
      if (unit === "day") return null; // "the next day" is handled against the previous date
      return relative(s, e, unit, n, "this-last-next");
    },
  },
  {
    // "the end of the year", "the rest of the month": the current period, or the last one when a
    // past-tense clause speaks of its end (an end that has not come yet cannot be reported).
    name: "part-of-period",
    re: /\bthe\s+(end|beginning|start|middle|rest|remainder)\s+of\s+(?:the\s+)?(year|month|week)\b/dgi,
    build(m) {
      const unit = m[2].toLowerCase() as ShiftUnit;
      const isEnd = m[1].toLowerCase() === "end";
      return cand(m.index, m.index + m[0].length, "DATE", "part-of-period", (ctx) =>
        fromAnchor(ctx, unknownOf(unit), (a) => shifted(a, unit, isEnd && ctx.tense === "past" ? -1 : 0)));
    },
  },
  {
    // "the following decade", "the past century": durations in TempEval.
    name: "following-decade",
    re: /\bthe\s+(?:following|past|previous|preceding)\s+(decade|century)\b/dgi,
    build: (m) => duration(m.index, m.index + m[0].length, 1, unitInfo(m[1])!, "following-decade"),
  },
  {
    // "the following day", "the next morning", "the previous week": relative to the last date named.
    name: "following-unit",
    re: /\bthe\s+(following|next|previous|preceding|same)\s+(day|morning|evening|night|week|month|year)\b/dgi,
    build(m) {
      const dir = m[1].toLowerCase();
      const n = dir === "following" || dir === "next" ? 1 : dir === "same" ? 0 : -1;
      const w = m[2].toLowerCase();
      const part = PART_OF_DAY[w];
      const unit: ShiftUnit = part ? "day" : (w as ShiftUnit);
      return cand(m.index, m.index + m[0].length, part ? "TIME" : "DATE", "following-unit", (ctx) =>
        fromPrevious(ctx, part ? `XXXX-XX-XXT${part}` : unknownOf(unit), (b) => {
          const r = shifted(b, unit, n);
          return part ? { value: `${r.value}T${part}` } : r;
        }));
    },
  },
  {
    name: "the-weekend",
    re: /\b(?:the|this|last|next)\s+weekend\b/dgi,
    build(m) {
      const w = m[0].toLowerCase().split(/\s+/)[0];
      return cand(m.index, m.index + m[0].length, "DATE", "weekend", (ctx) =>
        fromAnchor(ctx, "XXXX-WXX-WE", (a) => {
          const n = w === "last" ? -1 : w === "next" ? 1 : 0;
          if (w === "the") {
            const sat = ctx.tense === "future" ? weekdayOnOrAfter(a, 6) : weekdayOnOrBefore(a, 6);
            return `${isoWeek(sat)}-WE`;
          }
          return shifted(a, "weekend", n).value;
        }));
    },
  },
  {
    // "last May", "this summer", "next spring"
    name: "this-last-next-named",
    re: new RegExp(`\\b(this|last|next|past)\\s+(${MONTH}|${SEASON})(?!\\w)`, "dgi"),
    build(m) {
      const dir = m[1].toLowerCase();
      const name = m[2].toLowerCase();
      const season = SEASONS[name];
      const month = season ? undefined : monthNumber(name);
      if (!season && !month) return null;
      if (!season && /^may$/i.test(name) && dir === "this") return null;
      return cand(m.index, m.index + m[0].length, "DATE", "this-last-next-named", (ctx) =>
        fromAnchor(ctx, season ? `XXXX-${season}` : `XXXX-${String(month).padStart(2, "0")}`, (a) => {
          const startMonth = season ? SEASON_START_MONTH[season] : month!;
          const inIt = season ? seasonOf(a.m) === season : a.m === month;
          let y = a.y;
          if (dir === "last" || dir === "past") y = startMonth < a.m && !inIt ? a.y : a.y - 1;
          else if (dir === "next") y = startMonth > a.m && !inIt ? a.y : a.y + 1;
          else if (season === "WI" && a.m <= 2) y = a.y - 1; // "this winter" in January began last December
          return season ? `${fmtYear(y)}-${season}` : `${fmtYear(y)}-${String(month).padStart(2, "0")}`;
        }));
    },
  },
  {
    // "summer of 2012", "the spring 2013"
    name: "season-year",
    re: new RegExp(`\\b(${SEASON})\\s+(?:of\\s+)?(${YEAR})\\b`, "dgi"),
    build(m) {
      const value = `${m[2]}-${SEASONS[m[1].toLowerCase()]}`;
      return cand(m.index, m.index + m[0].length, "DATE", "season-year", () => absolute(value));
    },
  },
  {
    // "the third quarter", "the first quarter of 2013", "Q3 2012", "the second half of this year"
    name: "quarter",
    needle: /\b(?:quarter|half|[QH][1-4])\b/gi,
    re: new RegExp(`\\b(?:the\\s+)?(first|second|third|fourth|final|1st|2nd|3rd|4th)\\s+(quarter|half)(?:\\s+(?:of\\s+)?(${YEAR}|this\\s+year|last\\s+year|next\\s+year))?\\b|\\b([QH])([1-4])(?:\\s+(${YEAR}))?\\b`, "dg"),
    build(m) {
      let q: number;
      let kind: "Q" | "H";
      let yearText: string | undefined;
      if (m[4]) {
        kind = m[4] as "Q" | "H";
        q = +m[5];
        yearText = m[6];
      } else {
        kind = m[2].toLowerCase() === "half" ? "H" : "Q";
        q = m[1].toLowerCase() === "final" ? (kind === "H" ? 2 : 4) : ordinalNumber(m[1])!;
        yearText = m[3];
      }
      if (kind === "H" && q > 2) return null;
      if (kind === "H" && !yearText) return null; // "the second half" of a match is no date
      return cand(m.index, m.index + m[0].length, "DATE", "quarter", (ctx) => {
        const label = `${kind}${q}`;
        if (yearText && /^\d{4}$/.test(yearText)) return absolute(`${yearText}-${label}`);
        return fromAnchor(ctx, `XXXX-${label}`, (a) => {
          let y = a.y;
          if (yearText) y += /last/i.test(yearText) ? -1 : /next/i.test(yearText) ? 1 : 0;
          else {
            const current = kind === "Q" ? quarterOf(a.m) : a.m <= 6 ? 1 : 2;
            if (q > current && ctx.tense === "past") y -= 1;
          }
          return `${fmtYear(y)}-${label}`;
        });
      });
    },
  },

  // --- "a week ago", "two years later" --------------------------------------------------------
  {
    name: "ago",
    needle: UNIT_NEEDLE,
    re: new RegExp(`\\b(?:(${NUM})\\s+)?(${UNIT})\\s+ago\\b`, "dgi"),
    build(m) {
      const info = unitInfo(m[2]);
      if (!info) return null;
      const count = m[1] ? parseCount(m[1]) : "X";
      if (count === undefined) return null;
      const [s, e] = [m.index, m.index + m[0].length];
      if (count === "X") return cand(s, e, "DATE", "ago", () => ({ value: "PAST_REF" }));
      return cand(s, e, "DATE", "ago", (ctx) => fromAnchor(ctx, unknownOfInfo(info), (a) => shiftBy(a, info, -count)));
    },
  },
  {
    name: "later",
    needle: UNIT_NEEDLE,
    re: new RegExp(`\\b(${NUM})\\s+(${UNIT})\\s+(later|earlier)\\b(?!\\s+than)`, "dgi"),
    build(m) {
      const info = unitInfo(m[2]);
      const count = parseCount(m[1]);
      if (!info || count === undefined || count === "X") return null;
      const sign = m[3].toLowerCase() === "later" ? 1 : -1;
      return cand(m.index, m.index + m[0].length, "DATE", "later", (ctx) =>
        fromPrevious(ctx, unknownOfInfo(info), (b) => shiftBy(b, info, sign * count)));
    },
  },

  // --- durations -------------------------------------------------------------------------------
  {
    // "two years", "more than a decade", "the past three years", "a six-month", "24 hours"
    name: "duration",
    needle: UNIT_NEEDLE,
    re: new RegExp(`(?:\\b(${DURATION_MODS})\\s+)?(?:\\b(the)\\s+(?:(${SPAN_WORDS})\\s+)?)?\\b(${NUM})[\\s-]+(${UNIT})\\b(?![-\\s]+old\\b|-long\\b)`, "dgi"),
    build(m, text) {
      const info = unitInfo(m[5]);
      const count = parseCount(m[4]);
      if (!info || count === undefined) return null;
      const numWord = m[4].toLowerCase();
      const isArticle = numWord === "a" || numWord === "an";
      // "a second term", "a quarter of the vote": ordinal/fraction readings.
      if (info.unit === "second" && (isArticle || /^(?:one|some|few|a few)$/.test(numWord))) return null;
      if (info.unit === "quarter" && !/s$/i.test(m[5])) return null;
      // "the 90 years" keeps its article; "the six-month truce" does not (the article is the noun's).
      let start = m.index;
      const hyphenated = /-/.test(text.slice(span(m, 4)[1], span(m, 5)[0]));
      if (m[2] && !m[3] && (isArticle || hyphenated || m[1])) start = span(m, 4)[0];
      const end = m.index + m[0].length;
      // An age ("aged 89 years", "ages 6 months and older"): not a duration.
      if (AGE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || AGE_AFTER.test(text.slice(end, end + 16))) return null;
      // "five years' probation": the possessive apostrophe belongs to the expression.
      const apostrophe = /s$/i.test(m[5]) && /^['’](?!\w)/.test(text.slice(end, end + 2)) ? 1 : 0;
      return duration(start, end + apostrophe, count, info, "duration");
    },
  },
  {
    // "between 12 and 18 months", "two or three years": the first number borrows the unit.
    name: "duration-range-head",
    needle: UNIT_NEEDLE,
    re: new RegExp(`\\b(\\d+(?:\\.\\d+)?|${NUM})\\s*(?:and|or|to|-|–)\\s*(?:${NUM})[\\s-]+(${UNIT})\\b`, "dgi"),
    build(m) {
      const info = unitInfo(m[2]);
      const count = parseCount(m[1]);
      if (!info || count === undefined || count === "X") return null;
      if (/^an?$/i.test(m[1])) return null;
      const [s, e] = span(m, 1);
      return duration(s, e, count, info, "duration-range-head");
    },
  },
  {
    // "for years", "take weeks", "minutes before", "recent weeks", "the coming months"
    name: "vague-duration",
    re: new RegExp(`\\b(?:(?:for|within|take|takes|took|taking|lasted|lasting|spent|spend|spends)\\s+(${UNIT_PLURAL})|(${UNIT_PLURAL})(?=\\s+(?:before|after|earlier|later)\\b)|(?:in\\s+)?(${UNIT_PLURAL})(?=\\s+(?:of|on\\s+end)\\b)|(recent\\s+${UNIT_PLURAL}|the\\s+(?:coming|next|past|last|previous|following|recent)\\s+${UNIT_PLURAL}))\\b`, "dgi"),
    build(m) {
      const g = m[1] ? 1 : m[2] ? 2 : m[3] ? 3 : 4;
      if (g === 3) return null; // "years of war" is too often no duration
      if (g === 4 && /^recent\s+days$/i.test(m[4])) return null; // PAST_REF, see past-ref
      const [s, e] = span(m, g);
      const word = m[g].split(/\s+/).pop()!;
      const info = unitInfo(word);
      if (!info) return null;
      return duration(s, e, "X", info, "vague-duration");
    },
  },

  // --- sets --------------------------------------------------------------------------------------
  {
    name: "set-every",
    re: new RegExp(`\\b(?:every|each)\\s+(?:(other)\\s+)?(?:(${NUM})\\s+)?(${UNIT}|${WEEKDAY}|${PART}|weekend)\\b`, "dgi"),
    build(m) {
      const [s, e] = [m.index, m.index + m[0].length];
      const word = m[3].toLowerCase();
      const wd = weekdayNumber(word);
      if (wd) return cand(s, e, "SET", "set", () => ({ value: `XXXX-WXX-${wd}` }));
      const part = PART_OF_DAY[word];
      if (part) return cand(s, e, "SET", "set", () => ({ value: `XXXX-XX-XXT${part}` }));
      if (word === "weekend") return cand(s, e, "SET", "set", () => ({ value: "XXXX-WXX-WE" }));
      const info = unitInfo(word);
      if (!info) return null;
      let count = m[2] ? parseCount(m[2]) : 1;
      if (count === undefined || count === "X") count = 1;
      if (m[1]) count *= 2;
      const value = durationValue(count, info);
      return cand(s, e, "SET", "set", () => ({ value }));
    },
  },
  {
    name: "set-times",
    needle: /\b(?:once|twice|thrice|times)\b/gi,
    re: new RegExp(`\\b(?:once|twice|thrice|(?:${NUM})\\s+times)\\s+(?:a|an|per|every|each)\\s+(${UNIT})\\b`, "dgi"),
    build(m) {
      const info = unitInfo(m[1]);
      if (!info) return null;
      const value = durationValue(1, info);
      return cand(m.index, m.index + m[0].length, "SET", "set", () => ({ value }));
    },
  },
  {
    name: "set-adverb",
    re: /\b(daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|biweekly|fortnightly|biannually)\b/dg,
    build(m) {
      const values: Record<string, string> = {
        daily: "P1D", weekly: "P1W", monthly: "P1M", yearly: "P1Y", annually: "P1Y", hourly: "PT1H",
        nightly: "XXXX-XX-XXTNI", quarterly: "P3M", biweekly: "P2W", fortnightly: "P2W", biannually: "P6M",
      };
      const value = values[m[1]];
      if (!isLowerStart(m[1])) return null;
      return cand(m.index, m.index + m[0].length, "SET", "set", () => ({ value }));
    },
  },
];

/** Shifts a date by `n` of a duration unit; the value keeps that unit's granularity. */
function shiftBy(base: Ymd, info: UnitInfo, n: number): { value: string; day?: Ymd } {
  switch (info.unit) {
    case "second":
    case "minute":
    case "hour":
      return shifted(base, "day", 0);
    case "day":
      return shifted(base, "day", n);
    case "week":
      return shifted(base, "day", 7 * n);
    case "fortnight":
      return shifted(base, "day", 14 * n);
    case "month":
      return shifted(base, "month", n);
    case "quarter":
      return shifted(base, "quarter", n);
    case "year":
      return shifted(base, "year", n);
    case "decade":
      return shifted(base, "year", 10 * n);
    case "century":
      return shifted(base, "year", 100 * n);
  }
}

function unknownOfInfo(info: UnitInfo): string {
  if (info.unit === "month") return "XXXX-XX";
  if (info.unit === "year" || info.unit === "decade" || info.unit === "century") return "XXXX";
  if (info.unit === "quarter") return "XXXX-QX";
  return "XXXX-XX-XX";
}

/** Runs every pattern rule over `text` and returns their (possibly overlapping) candidates. */
export function ruleCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const windowsOf = new Map<RegExp, [number, number][]>();
  for (const rule of RULES) {
    let windows: [number, number][] = [[0, text.length]];
    if (rule.needle) {
      windows = windowsOf.get(rule.needle) ?? needleWindows(text, rule.needle);
      windowsOf.set(rule.needle, windows);
    }
    for (const [from, to] of windows) {
      const slice = from === 0 && to === text.length ? text : text.slice(from, to);
      rule.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rule.re.exec(slice))) {
        if (m[0].length === 0) {
          rule.re.lastIndex++;
          continue;
        }
        if (from > 0) shiftMatch(m, from);
        const built = rule.build(m, text);
        if (!built) continue;
        for (const c of Array.isArray(built) ? built : [built]) if (c.end > c.start) out.push(c);
      }
    }
  }
  return out;
}

/** Merged [from, to) windows around the needle's hits, widened to word boundaries. */
function needleWindows(text: string, needle: RegExp): [number, number][] {
  const wins: [number, number][] = [];
  needle.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = needle.exec(text))) {
    let from = Math.max(0, m.index - WINDOW_BEFORE);
    while (from > 0 && /\S/.test(text[from - 1])) from--;
    let to = Math.min(text.length, m.index + m[0].length + WINDOW_AFTER);
    while (to < text.length && /\S/.test(text[to])) to++;
    const last = wins[wins.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else wins.push([from, to]);
  }
  return wins;
}

/** Moves a match found in a slice to the offsets of the whole text. */
function shiftMatch(m: RegExpExecArray, by: number): void {
  m.index += by;
  if (m.indices) for (const pair of m.indices) if (pair) { pair[0] += by; pair[1] += by; }
}
