/**
 * Event dates an article states: the calendar days its lead (title and first words) names, explicit
 * ("October 11, 2023") or relative ("on Thursday", "yesterday") resolved against the publication date
 * (src/nlp/timex). The lead reports the news, so its dates are the best evidence of when the article's
 * event happened; the publication date is not (a trial is reported years after the crime).
 */
import { findTimexes } from "../nlp/timex/index.js";
import { wordsEnd } from "./text.js";

/** Only the first this many words of the text are read for event dates (the lead; flat cost per article). */
export const EVENT_DATE_WORDS = 60;
/** At most this many distinct event days are kept per article. */
export const MAX_EVENT_DAYS = 4;
/**
 * Two articles are reports of different events when every day one's lead names lies more than this
 * many days from every day the other's names (a call on the 11th, meetings on the 19th). A lead that
 * also cites the other's date (a sentencing report recalling the day of the killing) is no conflict.
 */
export const EVENT_DATE_GAP_DAYS = 3;

/**
 * ...and at most this many days: reports further apart are often a later stage of one event (the
 * repair weeks after a cable cut, the trial of a killing) that need not cite the first date, so
 * content decides (tuned on ECB+ odd topics 1-35; 7-30 days all work on the sample).
 */
export const EVENT_DATE_MAX_GAP_DAYS = 14;
/**
 * Cheap pre-check: a lead none of whose words could start a day-precision date (weekday, today,
 * yesterday, tonight, a month name, an ISO date) is not handed to the timex tagger (speed only).
 */
const MAY_NAME_DAY = /\b(?:mon|tue|wed|thu|fri|sat|sun|today|yesterday|tonight|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d{1,2}-\d{1,2}/i;
const DAY_VALUE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Day numbers (days since 1970-01-01, ascending, distinct) of the calendar days the lead of an
 * article names. `published` (YYYY-MM-DD) anchors relative expressions; without it only explicit
 * dates count (an unresolved "Thursday" names no day).
 */
export function leadEventDays(title: string | undefined, text: string, published?: string): number[] {
  const lead = text.slice(0, wordsEnd(text, EVENT_DATE_WORDS));
  const days = new Set<number>();
  for (const part of title && !text.startsWith(title) ? [title, lead] : [lead]) {
    if (!MAY_NAME_DAY.test(part)) continue;
    let found;
    try {
      found = findTimexes(part, { published });
    } catch {
      found = findTimexes(part);
    }
    for (const t of found) {
      const m = t.type === "DATE" ? DAY_VALUE.exec(t.value) : null;
      if (!m) continue;
      const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      if (!Number.isNaN(ms)) days.add(Math.round(ms / 86_400_000));
    }
  }
  return [...days].sort((a, b) => a - b).slice(0, MAX_EVENT_DAYS);
}

/**
 * True when two sets of event days (ascending) rule out one event: both are non-empty, no day of one
 * lies within {@link EVENT_DATE_GAP_DAYS} of a day of the other, and all lie within
 * {@link EVENT_DATE_MAX_GAP_DAYS} of each other.
 */
export function eventDaysConflict(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a?.length || !b?.length) return false;
  if (a[0] - b[b.length - 1] > EVENT_DATE_MAX_GAP_DAYS || b[0] - a[a.length - 1] > EVENT_DATE_MAX_GAP_DAYS) return false;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (Math.abs(a[i] - b[j]) <= EVENT_DATE_GAP_DAYS) return false;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return true;
}
