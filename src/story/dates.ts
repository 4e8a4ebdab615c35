/**
 * Which days matter in a set of articles: the date-wise method of Gholipour Ghalandari &
 * Ifrim (2020) in its simplest form. A day is important when many articles refer to it
 * (timexes resolved to that exact day, counted once per article) and, more weakly, when many
 * articles were published on or just after it. Each day gets the sentence that refers to it
 * best: from an article that mentions it early, close to the article's lead.
 */
import type { Evidence } from "../model.js";
import { evidenceOf, sentenceAt, type StoryInput } from "./input.js";
import { contentTerms } from "./terms.js";

/** Weight of one article referring to a day in its text... */
const MENTION_WEIGHT = 1;
/** ...and of one article published that day (a report of the day's events). */
const PUBLICATION_WEIGHT = 0.5;
/** Sentences longer than this are poor one-line summaries. */
const MAX_SENTENCE_CHARS = 350;
/** Candidate sentences for a day are ranked by how many of the day's frequent terms they hold. */
const DAY_TERMS = 20;

export interface RankedDay {
  date: string;
  score: number;
  /** Sentences that refer to the day, best first. */
  evidence: Evidence[];
}

const DAY = /^\d{4}-\d\d-\d\d$/;

export function rankDays(items: StoryInput[]): RankedDay[] {
  const score = new Map<string, number>();
  const cands = new Map<string, { ev: Evidence; position: number; articleId: string }[]>();
  for (const { article, ann } of items) {
    const seen = new Set<string>();
    for (const t of ann.timexes) {
      if (t.type !== "DATE" || !DAY.test(t.value)) continue;
      const s = sentenceAt(ann, t.start);
      if (!s) continue;
      const list = cands.get(t.value) ?? [];
      list.push({ ev: evidenceOf(article, s), position: ann.sentences.indexOf(s as (typeof ann.sentences)[number]), articleId: article.id });
      cands.set(t.value, list);
      if (seen.has(t.value)) continue;
      seen.add(t.value);
      score.set(t.value, (score.get(t.value) ?? 0) + MENTION_WEIGHT);
    }
    const pub = article.meta.published?.slice(0, 10);
    if (pub && DAY.test(pub)) score.set(pub, (score.get(pub) ?? 0) + PUBLICATION_WEIGHT);
  }
  const days: RankedDay[] = [];
  for (const [date, s] of score) {
    const list = (cands.get(date) ?? []).filter((c) => c.ev.text.length <= MAX_SENTENCE_CHARS);
    const tf = new Map<string, number>();
    for (const c of list) for (const t of new Set(contentTerms(c.ev.text))) tf.set(t, (tf.get(t) ?? 0) + 1);
    const top = new Set([...tf.entries()].sort((a, b) => b[1] - a[1]).slice(0, DAY_TERMS).map(([t]) => t));
    const rank = (c: { ev: Evidence; position: number }) =>
      contentTerms(c.ev.text).filter((t) => top.has(t)).length / Math.sqrt(1 + c.ev.text.length / 100) - c.position * 0.05;
    list.sort((a, b) => rank(b) - rank(a));
    days.push({ date, score: s, evidence: list.map((c) => c.ev) });
  }
  return days.sort((a, b) => b.score - a.score || a.date.localeCompare(b.date));
}
