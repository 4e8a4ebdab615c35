/**
 * Bounded story reports. A story that runs for months can gather thousands of articles; rebuilding
 * its whole report whenever one article joins would make each new article cost as much as the story
 * is large. A report therefore reads at most {@link STORY_REPORT_WINDOW} of its articles: the new
 * ones and the latest others. What the report built earlier from articles that are no longer read
 * is not thrown away: its timeline entries are carried forward, frozen as they
 * were reported, so the timeline still runs from the story's first day. The report says so in
 * `coverage` (how many articles the story has, how many were read, what was carried).
 */
import type { Story, StoryArticle, TimelineEntry } from "./types.js";

/**
 * Articles a story report reads. Above it, the report is built from the newest articles (and any
 * article added in this run) and carries the older timeline forward. 400 articles keep a story's
 * last weeks of coverage for a busy topic while a rebuild stays under a second.
 */
export const STORY_REPORT_WINDOW = 400;

/** A member of a story as the window sees it: its id, its day (days since epoch, if dated), and whether it is new. */
export interface WindowMember {
  id: string;
  day?: number;
  isNew: boolean;
}

/**
 * The ids a report reads: every member when there are at most `size`; otherwise the new members
 * (the latest `size` of them) and then the latest earlier members until `size` are chosen. Undated
 * members count as the oldest. Deterministic (ties by id).
 */
export function reportWindow(members: readonly WindowMember[], size = STORY_REPORT_WINDOW): string[] {
  if (members.length <= size) return members.map((m) => m.id);
  const latestFirst = (a: WindowMember, b: WindowMember) => (b.day ?? -Infinity) - (a.day ?? -Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const news = members.filter((m) => m.isNew).sort(latestFirst).slice(0, size);
  const olds = members.filter((m) => !m.isNew).sort(latestFirst).slice(0, size - news.length);
  return [...news, ...olds].map((m) => m.id);
}

/** What an earlier report of a story leaves to the next one when the next reads only a window. */
export interface CarriedReport {
  /** Timeline entries that rest only on articles outside the window, as they were reported. */
  timeline: TimelineEntry[];
  /** The articles those entries cite (so citations keep their numbers and sources). */
  articles: StoryArticle[];
}

/**
 * What earlier reports of a story (one, or several when stories merged) carry into a report that
 * reads the articles `read`: timeline entries none of whose citations is read now (an entry that
 * rests on a read article is rebuilt from it) and all of whose citations are still `members` of the
 * story, with the cited articles' records.
 */
export function carryForward(earlier: readonly Story[], read: ReadonlySet<string>, members: ReadonlySet<string>): CarriedReport {
  const timeline: TimelineEntry[] = [];
  const articles = new Map<string, StoryArticle>();
  const seen = new Set<string>();
  for (const old of earlier) {
    const known = new Map((old.articles ?? []).map((a) => [a.id, a]));
    for (const e of old.timeline ?? []) {
      if (e.cites.some((id) => read.has(id) || !members.has(id) || !known.has(id))) continue;
      const key = `${e.date}\u0000${e.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      timeline.push(e);
      for (const id of e.cites) {
        const a = known.get(id);
        if (a && !articles.has(id)) articles.set(id, a);
      }
    }
  }
  return { timeline, articles: [...articles.values()] };
}

/**
 * Folds what was carried into a report built from a window: the carried timeline entries join the
 * window's (the window's entry wins on a date both have), the carried articles join the list
 * (earliest first, as the report lists them), the period becomes the whole story's, and
 * `coverage` records it.
 */
export function withCarried(story: Story, carried: CarriedReport, totalArticles: number, period: Story["period"]): Story {
  const read = story.articles.length;
  const dates = new Set(story.timeline.map((e) => e.date));
  const kept = carried.timeline.filter((e) => !dates.has(e.date));
  const timeline = [...kept, ...story.timeline].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const inReport = new Set(story.articles.map((a) => a.id));
  const citedNow = new Set(kept.flatMap((e) => e.cites));
  const extra = carried.articles.filter((a) => !inReport.has(a.id) && citedNow.has(a.id));
  const byDate = (a: StoryArticle, b: StoryArticle) =>
    (a.published ?? "9999").localeCompare(b.published ?? "9999") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const articles = extra.length ? [...extra, ...story.articles].sort(byDate) : story.articles;
  return {
    ...story,
    period: { from: period.from ?? story.period.from, to: period.to ?? story.period.to },
    articles,
    timeline,
    coverage: {
      articles: totalArticles,
      read,
      carriedTimeline: kept.length,
      note:
        `built from the latest ${read} of the story's ${totalArticles} articles; ` +
        `${kept.length} earlier timeline ${kept.length === 1 ? "entry is" : "entries are"} carried from earlier reports`,
    },
  };
}
