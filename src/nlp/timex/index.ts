/**
 * Temporal expressions (TIMEX3, TimeML/TempEval-3 conventions) in news text.
 *
 * Two recognisers feed one list of candidates: chrono-node for explicit dates, month names,
 * weekdays and clock times ({@link chronoCandidates}) and pattern rules for everything chrono does
 * not know as TIMEX3 does: durations, sets, years, decades, "last week", "a week ago", references
 * to the present/past/future ({@link ruleCandidates}). Overlaps go to the longer candidate; then
 * every candidate is resolved in text order against the reference date (the publication date,
 * else a date inferred from the article itself) and the last day the text named ("a week later").
 */
import type { Span, Timex } from "../../model.js";
import { requireYmd, type Ymd } from "./calendar.js";
import { chronoCandidates } from "./chronoPass.js";
import type { Candidate, ResolveCtx } from "./resolve.js";
import { ruleCandidates } from "./rules.js";
import { splitSentences } from "./sentences.js";
import { tenseAt } from "./tense.js";

export { isoWeek, resolveRelativeDate, parseYmd, type DateRange, type Ymd } from "./calendar.js";
export { NewsWeekdayRefiner } from "./chronoPass.js";
export { splitSentences } from "./sentences.js";

export interface FindTimexOptions {
  /** Publication date (YYYY-MM-DD, or an ISO date-time whose date part is used): the anchor for relative expressions. */
  published?: string;
  /** Sentence spans of `text` (e.g. from the tokenizer); a simple splitter is used when absent. */
  sentences?: Span[];
}

/** Modifiers TimeML keeps inside a date's extent ("early December", "the end of 2012", "mid-March"). */
const LEADING_MODIFIER = /(?:\b(?:early|late|mid|earlier|later)(?:\s+|-)|\bmid-|\bthe\s+(?:end|beginning|start|middle|rest|remainder)\s+of\s+(?:the\s+)?)$/i;
/** How far back a leading modifier is looked for (characters). */
const MODIFIER_LOOKBACK = 40;

/**
 * Finds the temporal expressions of `text` with TIMEX3 type and value.
 *
 * Relative expressions are resolved against `opts.published` (anchor "published"); without it, against
 * the first full calendar date the text itself gives (anchor "inferred"); with neither, they keep X
 * placeholders (`XXXX-10-07`, `XXXX-WXX-4`; anchor "none"). Every result's `text` equals
 * `text.slice(start, end)`; results are sorted by start and never overlap.
 *
 * @example findTimexes("He met them on Thursday in Doha.", { published: "2023-10-20" })
 *   // [{ start: 15, end: 23, text: "Thursday", type: "DATE", value: "2023-10-19", anchor: "published", ... }]
 * @throws ParallaxError E_TIMEX_DATE when `published` is not a calendar date.
 */
export function findTimexes(text: string, opts: FindTimexOptions = {}): Timex[] {
  let anchor: Ymd | undefined = opts.published ? requireYmd(opts.published, "Publication date") : undefined;
  let anchorKind: ResolveCtx["anchorKind"] = anchor ? "published" : "none";
  const sentences = opts.sentences && opts.sentences.length > 0 ? opts.sentences : splitSentences(text);

  let fromChrono = chronoCandidates(text, sentences, anchor);
  if (!anchor) {
    const inferred = inferAnchor(fromChrono);
    if (inferred) {
      anchor = inferred;
      anchorKind = "inferred";
      fromChrono = chronoCandidates(text, sentences, anchor);
    }
  }
  // Rules first: on equal extent their TIMEX3-specific reading wins.
  const chosen = pickNonOverlapping([...ruleCandidates(text), ...fromChrono]);
  extendModifiers(text, chosen);

  const out: Timex[] = [];
  let prev: Ymd | undefined;
  let si = 0;
  for (const c of chosen) {
    while (si < sentences.length - 1 && sentences[si].end <= c.start) si++;
    const s = sentences[si] && sentences[si].start <= c.start ? sentences[si] : { start: 0, end: text.length };
    const sentence = text.slice(s.start, s.end);
    const tense = tenseAt(sentence, c.start - s.start, c.end - s.start);
    const r = c.resolve({ anchor, anchorKind, tense, prev });
    if (r.day) prev = r.day;
    const t: Timex = { start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.type, value: r.value };
    if (r.anchor) t.anchor = r.anchor;
    if (r.anchorDate) t.anchorDate = r.anchorDate;
    out.push(t);
  }
  return out;
}

/**
 * The reference date an article gives itself when it has no publication date: its first complete
 * calendar date (a dateline or the first dated sentence usually comes first).
 */
export function inferAnchor(candidates: Candidate[]): Ymd | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) if (c.absoluteDay && (!best || c.start < best.start)) best = c;
  return best?.absoluteDay;
}

/** Longest candidates first; on equal length the earlier one, then the one listed first. Returned in text order. */
function pickNonOverlapping(cands: Candidate[]): Candidate[] {
  const order = cands.map((c, i) => ({ c, i }));
  order.sort((a, b) => (b.c.end - b.c.start) - (a.c.end - a.c.start) || a.c.start - b.c.start || a.i - b.i);
  const taken: Candidate[] = [];
  for (const { c } of order) {
    if (taken.some((t) => t.start < c.end && c.start < t.end)) continue;
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Pulls "early", "late", "mid-", "the end of" into the extent of the date right after them. */
function extendModifiers(text: string, chosen: Candidate[]): void {
  for (let i = 0; i < chosen.length; i++) {
    const c = chosen[i];
    if (c.type !== "DATE" && c.type !== "TIME") continue;
    const from = Math.max(0, c.start - MODIFIER_LOOKBACK, i > 0 ? chosen[i - 1].end : 0);
    const m = LEADING_MODIFIER.exec(text.slice(from, c.start));
    if (m) c.start -= m[0].length;
  }
}
