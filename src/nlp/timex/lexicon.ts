/**
 * Words of English temporal expressions and the regular-expression pieces built from them:
 * numbers written as words, calendar units, months, weekdays, parts of the day, seasons.
 * Every pattern piece here is a non-capturing group so rules can embed them freely.
 */

/** Cardinal number words up to the tens; compounds ("twenty-four") are built from these. */
const UNITS_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Quantity words that leave the count unknown (TIMEX3 writes X: "several years" = PXY). */
const VAGUE_QUANTITIES = ["several", "a few", "few", "a couple of", "couple of", "some", "many", "dozens of", "hundreds of", "a number of"];
/** Quantity words with a known value. */
const FIXED_QUANTITIES: Record<string, number> = { a: 1, an: 1, "a single": 1, single: 1, "a dozen": 12, dozen: 12, "a half": 0.5, "half a": 0.5, "a hundred": 100, hundred: 100 };

const alt = (words: string[]): string => words.slice().sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, "\\s+")).join("|");

/** A count: digits, number words ("twenty-four"), "a", "several", ... */
export const NUM = `(?:\\d+(?:[.,]\\d+)?|(?:${alt(Object.keys(TENS_WORDS))})(?:-(?:${alt(Object.keys(UNITS_WORDS))}))?|${alt(Object.keys(UNITS_WORDS))}|${alt([...VAGUE_QUANTITIES, ...Object.keys(FIXED_QUANTITIES)])})`;

/** Reads a count written by {@link NUM}; "X" for vague quantities, undefined when unreadable. */
export function parseCount(raw: string): number | "X" | undefined {
  const s = raw.toLowerCase().replace(/\s+/g, " ").trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) return +s;
  if (/^\d{1,3}(?:,\d{3})+$/.test(s)) return +s.replace(/,/g, "");
  if (s in FIXED_QUANTITIES) return FIXED_QUANTITIES[s];
  if (VAGUE_QUANTITIES.includes(s)) return "X";
  if (s in UNITS_WORDS) return UNITS_WORDS[s];
  const [tens, ones] = s.split("-");
  if (tens in TENS_WORDS) return TENS_WORDS[tens] + (ones ? (UNITS_WORDS[ones] ?? NaN) : 0) || undefined;
  return undefined;
}

/** A calendar unit and how TIMEX3 writes a duration of it. */
export interface UnitInfo {
  /** Canonical unit name. */
  unit: "second" | "minute" | "hour" | "day" | "week" | "fortnight" | "month" | "quarter" | "year" | "decade" | "century";
  /** True for units below a day (TIMEX3 puts a T before them: PT3H). */
  clock: boolean;
  /** TIMEX3 duration letter. */
  letter: string;
  /** How many of `letter` one unit makes (a decade is 10 Y). */
  factor: number;
  /** Letter used when the count is unknown (PXDE for "decades"). */
  vagueLetter: string;
}

const UNIT_TABLE: Record<string, UnitInfo> = {
  second: { unit: "second", clock: true, letter: "S", factor: 1, vagueLetter: "S" },
  minute: { unit: "minute", clock: true, letter: "M", factor: 1, vagueLetter: "M" },
  hour: { unit: "hour", clock: true, letter: "H", factor: 1, vagueLetter: "H" },
  day: { unit: "day", clock: false, letter: "D", factor: 1, vagueLetter: "D" },
  week: { unit: "week", clock: false, letter: "W", factor: 1, vagueLetter: "W" },
  fortnight: { unit: "fortnight", clock: false, letter: "W", factor: 2, vagueLetter: "W" },
  month: { unit: "month", clock: false, letter: "M", factor: 1, vagueLetter: "M" },
  quarter: { unit: "quarter", clock: false, letter: "Q", factor: 1, vagueLetter: "Q" },
  year: { unit: "year", clock: false, letter: "Y", factor: 1, vagueLetter: "Y" },
  decade: { unit: "decade", clock: false, letter: "Y", factor: 10, vagueLetter: "DE" },
  century: { unit: "century", clock: false, letter: "Y", factor: 100, vagueLetter: "CE" },
};

/** A unit word, singular or plural ("hrs", "mins" included). */
export const UNIT = "(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|quarters?|years?|yrs?|decades?|century|centuries)";
/** Unit words in the plural only (a bare plural such as "for years" is a vague duration). */
export const UNIT_PLURAL = "(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)";
/** Units a calendar date can be shifted by ("last week", "the following month"). */
export const CAL_UNIT = "(?:day|week|weekend|month|quarter|year|decade|century)";

/** Looks a unit word up. */
export function unitInfo(word: string): UnitInfo | undefined {
  const w = word.toLowerCase();
  if (w === "centuries") return UNIT_TABLE.century;
  if (/^secs?$/.test(w)) return UNIT_TABLE.second;
  if (/^mins?$/.test(w)) return UNIT_TABLE.minute;
  if (/^hrs?$/.test(w)) return UNIT_TABLE.hour;
  if (/^yrs?$/.test(w)) return UNIT_TABLE.year;
  return UNIT_TABLE[w.replace(/s$/, "")];
}

/** TIMEX3 duration value for `count` units: P2Y, PT24H, P10Y (a decade), PXM. */
export function durationValue(count: number | "X", info: UnitInfo): string {
  const t = info.clock ? "T" : "";
  if (count === "X") return `P${t}X${info.vagueLetter}`;
  const n = +(count * info.factor).toFixed(3);
  return `P${t}${n}${info.letter}`;
}

export const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
/** Month name or abbreviation ("Sept.", "Oct"). */
export const MONTH = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?)";

/** Month number (1-12) of a month name or abbreviation. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  const i = MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)));
  return i >= 0 && w.length >= 3 ? i + 1 : undefined;
}

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
export const WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
/** ISO weekday number (Monday = 1) of a weekday name. */
export function weekdayNumber(word: string): number | undefined {
  const i = WEEKDAYS.indexOf(word.toLowerCase());
  return i >= 0 ? i + 1 : undefined;
}

/** Parts of the day and their TIMEX3 codes. */
export const PART_OF_DAY: Record<string, string> = { morning: "MO", afternoon: "AF", evening: "EV", night: "NI", tonight: "NI", overnight: "NI" };
export const PART = "(?:morning|afternoon|evening|night)";

/** Seasons and their TIMEX3 codes. */
export const SEASONS: Record<string, string> = { spring: "SP", summer: "SU", fall: "FA", autumn: "FA", winter: "WI" };
export const SEASON = "(?:spring|summer|fall|autumn|winter)";

/** Ordinals used for quarters, halves and centuries. */
export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, "twenty-first": 21, "twenty-second": 22,
};
/** Reads "3rd", "third", "twenty-first". */
export function ordinalNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  const m = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  return m ? +m[1] : ORDINALS[w];
}
export const ORDINAL = `(?:\\d{1,2}(?:st|nd|rd|th)|${alt(Object.keys(ORDINALS))})`;
