/**
 * Relative dating of events: "a day after X", "two days before X", "hours after X" date one act
 * from the other, and "the next day" / "two days later" with nothing to count from date nothing.
 *
 * In "Egypt called for a ceasefire on Tuesday, two days after Israel attacked Gaza" Tuesday dates
 * the appeal; the attack is two days earlier. When neither side has a calendar date, both events
 * are left undated: their `time` points at the relative phrase with the unknown value
 * UNKNOWN_DATE, and they carry no `date` (the publication date would be wrong for at least one).
 */
import type { EventMention, Timex, Token } from "../../model.js";
import { normOf } from "./triggers.js";

/** TIMEX3's value for a date that is not known. */
export const UNKNOWN_DATE = "XXXX-XX-XX";
/** Characters allowed between a duration and its "after"/"before" ("a day after", "two days, after"). */
const MAX_DURATION_GAP_CHARS = 2;
/** Duration units we can count in days; hours count as the same day ("hours after the attack"). */
const DAYS_PER_UNIT: Readonly<Record<string, number>> = { D: 1, W: 7, H: 0 };
/** Longest duration (in days) used to date one event from another; longer ones are too vague to count. */
const MAX_OFFSET_DAYS = 62;
/** Punctuation that ends the "after/before ..." clause. */
const CLAUSE_END = new Set([",", ";", ":", "—", "–", "(", ")"]);
/**
 * Sequence phrases that count from an event told before ("the next day", "two days later"): resolved
 * against the publication date (anchor "published") they say nothing about the calendar.
 */
const SEQUENCE_PHRASE = /^(the\s+)?(next|following|previous|preceding)\s+(day|morning|afternoon|evening|night)$|\b(later|earlier|afterwards?)$|^the\s+(day|night)\s+(before|after)$/i;

/** A relative phrase "<duration> after|before" and the clause it introduces (token range, end exclusive). */
interface Relation {
  duration: Timex;
  /** +1: the main clause comes after the dependent one ("a day after"); -1: before it. */
  sign: 1 | -1;
  offsetDays: number | undefined;
  clauseFrom: number;
  clauseTo: number;
}

/**
 * Re-dates the events of one sentence (tokens [from, to)) by the relative phrases in it, in place.
 * `timexes` are the document's; `published` is the reference date timexes were resolved against.
 */
export function anchorRelativeDates(text: string, tokens: readonly Token[], from: number, to: number, timexes: readonly Timex[], events: EventMention[]): void {
  if (events.length === 0) return;
  const sentStart = tokens[from].start;
  const sentEnd = tokens[to - 1].end;
  const inSentence = timexes.filter((x) => x.start >= sentStart && x.end <= sentEnd);
  for (const x of inSentence) {
    if (x.type !== "DATE" || x.anchor !== "published" || !SEQUENCE_PHRASE.test(text.slice(x.start, x.end).trim())) continue;
    // "two days later" counted from the publication date: no one knows which day it is
    for (const ev of events) if (ev.time?.timexStart === x.start) undate(ev, x);
  }
  for (const rel of relations(text, tokens, from, to, inSentence)) applyRelation(rel, tokens, inSentence, events);
}

/** The "<duration> after|before" phrases of the sentence with the clause each introduces. */
function relations(text: string, tokens: readonly Token[], from: number, to: number, timexes: readonly Timex[]): Relation[] {
  const out: Relation[] = [];
  for (const x of timexes) {
    if (x.type !== "DURATION") continue;
    let k = from;
    while (k < to && tokens[k].start < x.end) k++;
    if (k >= to || tokens[k].start - x.end > MAX_DURATION_GAP_CHARS) continue;
    const word = normOf(tokens[k]);
    if (word !== "after" && word !== "before") continue;
    let end = k + 1;
    while (end < to && !(tokens[end].pos === "PUNCT" && CLAUSE_END.has(tokens[end].text))) end++;
    out.push({ duration: x, sign: word === "after" ? 1 : -1, offsetDays: offsetDays(x.value), clauseFrom: k + 1, clauseTo: end });
  }
  return out;
}

/** Days in a duration value ("P2D" -> 2, "P1W" -> 7, "PT5H" -> 0); undefined for units not counted in days or too long. */
export function offsetDays(value: string): number | undefined {
  const m = /^PT?(\d+)([DWH])$/.exec(value);
  if (!m) return undefined;
  const days = Number(m[1]) * DAYS_PER_UNIT[m[2]];
  return days <= MAX_OFFSET_DAYS ? days : undefined;
}

function applyRelation(rel: Relation, tokens: readonly Token[], timexes: readonly Timex[], events: EventMention[]): void {
  const clauseStart = tokens[rel.clauseFrom]?.start ?? rel.duration.end;
  const clauseEnd = tokens[rel.clauseTo - 1]?.end ?? clauseStart;
  const inClause = (start: number) => start >= clauseStart && start < clauseEnd;
  const sub = events.filter((e) => inClause(e.trigger.start));
  const main = events.filter((e) => !inClause(e.trigger.start));
  // a date of the other clause does not date this one ("A day after Israel attacked Gaza, Egypt called ... on Tuesday")
  for (const e of sub) if (e.time && !inClause(e.time.timexStart)) clearTime(e);
  for (const e of main) if (e.time && (inClause(e.time.timexStart) || e.time.timexStart === rel.duration.start)) clearTime(e);
  const subDate = firstDate(sub) ?? clauseDate(timexes, clauseStart, clauseEnd);
  const mainDate = firstDate(main);
  for (const e of main) {
    if (e.date) continue;
    const d = subDate && rel.offsetDays !== undefined ? shiftDate(subDate, rel.sign * rel.offsetDays) : undefined;
    if (d) setDate(e, rel.duration, d);
    else undate(e, rel.duration);
  }
  for (const e of sub) {
    if (e.date) continue;
    const d = mainDate && rel.offsetDays !== undefined ? shiftDate(mainDate, -rel.sign * rel.offsetDays) : undefined;
    if (d) setDate(e, rel.duration, d);
    else undate(e, rel.duration);
  }
}

/** The first full calendar date among the events. */
function firstDate(events: readonly EventMention[]): string | undefined {
  return events.find((e) => e.date && /^\d{4}-\d{2}-\d{2}$/.test(e.date))?.date;
}

/** A full calendar date named inside the clause ("after Israel attacked Gaza on Monday"). */
function clauseDate(timexes: readonly Timex[], start: number, end: number): string | undefined {
  const x = timexes.find((t) => t.type === "DATE" && t.start >= start && t.end <= end && /^\d{4}-\d{2}-\d{2}$/.test(t.value.slice(0, 10)) && t.value.length >= 10);
  return x?.value.slice(0, 10);
}

/** Adds `days` to a YYYY-MM-DD date (UTC calendar arithmetic). */
export function shiftDate(date: string, days: number): string | undefined {
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) return undefined;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

function clearTime(e: EventMention): void {
  delete e.time;
  delete e.date;
}

function setDate(e: EventMention, phrase: Timex, date: string): void {
  e.time = { timexStart: phrase.start, timexEnd: phrase.end, value: date };
  e.date = date;
}

/** Marks an event as dated by a relative phrase whose day is unknown. */
function undate(e: EventMention, phrase: Timex): void {
  e.time = { timexStart: phrase.start, timexEnd: phrase.end, value: UNKNOWN_DATE };
  delete e.date;
}
