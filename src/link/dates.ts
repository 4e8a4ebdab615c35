/**
 * Explicit calendar dates in text ("September 18, 2013", "18 Sep 2013", "2013-09-18", URL paths
 * like "/2013/09/18/"), as day numbers and as coarse features (year, year-month) for clustering.
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_RE = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const YEAR_RE = "((?:19|20)\\d\\d)";
/** Earliest and latest plausible years for a news date (guards against "1400 people" style numbers). */
const MIN_YEAR = 1950;
const MAX_YEAR = 2100;

const PATTERNS: { re: RegExp; y: number; m: number; d: number }[] = [
  { re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR_RE}\\b`, "gi"), y: 3, m: 1, d: 2 },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\s+${YEAR_RE}\\b`, "gi"), y: 3, m: 2, d: 1 },
  { re: new RegExp(`\\b${YEAR_RE}\\s*[-/]\\s*(\\d{1,2})\\s*[-/]\\s*(\\d{1,2})\\b`, "g"), y: 1, m: 2, d: 3 },
];

/** A date found in text: year, month (1-12), day (1-31) and its day number since 1970-01-01. */
export interface FoundDate {
  year: number;
  month: number;
  day: number;
  dayNumber: number;
  index: number;
}

function monthNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  return MONTHS.indexOf(s.slice(0, 3).toLowerCase()) + 1;
}

/** All explicit full dates in `text`, in order of appearance (invalid calendar dates dropped). */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const year = Number(m[p.y]);
      const month = monthNumber(m[p.m]);
      const day = Number(m[p.d]);
      if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31) continue;
      const t = Date.UTC(year, month - 1, day);
      if (new Date(t).getUTCDate() !== day) continue;
      out.push({ year, month, day, dayNumber: Math.round(t / 86_400_000), index: m.index ?? 0 });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD...` string, or undefined. */
export function dayNumber(iso?: string): number | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? undefined : Math.round(t / 86_400_000);
}

/** Coarse date features for term vectors: "~YYYY" and "~YYYY-MM" of every explicit date. */
export function dateFeatures(text: string): string[] {
  const out: string[] = [];
  for (const d of findDates(text)) out.push(`~${d.year}`, `~${d.year}-${String(d.month).padStart(2, "0")}`);
  return out;
}
