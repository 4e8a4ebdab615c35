/**
 * Builds one story report from its articles, their annotations and the relations between
 * them. Pure: plain data in, plain data out (the CLI, server and tests share it).
 */
import type { ArticleRelation } from "../model.js";
import type { Story, StoryArticle } from "./types.js";
import type { StoryInput } from "./input.js";
import { sourceGroups } from "./sources.js";
import { mergeEntities } from "./entities.js";
import { mergeEvents } from "./events.js";
import { mergeQuotes } from "./quotes.js";
import { factsOf, groupClaims, sentenceUnits } from "./facts.js";
import { summarize, timelineOf } from "./summary.js";
import { chooseHeadline } from "./headline.js";
import { VERSION } from "../version.js";

export interface BuildOptions {
  /** Timestamp written into the report (fixed in tests for stable output). */
  generatedAt?: string;
}

export function buildStory(id: string, items: StoryInput[], allRelations: ArticleRelation[], opts: BuildOptions = {}): Story {
  if (items.length === 0) throw new Error(`buildStory: story ${id} has no articles`);
  const ids = new Set(items.map((i) => i.article.id));
  const relations = allRelations.filter((r) => ids.has(r.from) && ids.has(r.to));
  const sorted = [...items].sort(
    (a, b) => (a.article.meta.published ?? "9999").localeCompare(b.article.meta.published ?? "9999") || a.article.id.localeCompare(b.article.id),
  );
  const groups = sourceGroups(sorted, relations);
  const index = mergeEntities(sorted);
  const events = mergeEvents(sorted, index, groups);
  const quotes = mergeQuotes(sorted, index, groups);
  const claims = groupClaims(sentenceUnits(sorted), groups);
  const facts = factsOf(claims, groups);
  const summary = summarize(claims, groups);
  const timeline = timelineOf(events);
  const dates = sorted.map((i) => i.article.meta.published?.slice(0, 10)).filter((d): d is string => !!d).sort();

  const articles: StoryArticle[] = sorted.map(({ article }) => ({
    id: article.id,
    title: article.meta.title,
    outlet: article.meta.outlet,
    published: article.meta.published,
    impliedDate: article.meta.published ? undefined : article.meta.impliedDate,
    url: article.meta.url,
    path: article.source.path,
    rewriteOf: relations.filter((r) => r.kind === "rewrite" && r.from === article.id).map((r) => r.to),
    duplicateOf: relations.filter((r) => r.kind === "duplicate" && r.from === article.id).map((r) => r.to),
    sourceGroup: groups.groupOf.get(article.id) ?? article.id,
    diagnostics: article.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message })),
  }));

  return {
    id,
    headline: chooseHeadline(sorted, groups),
    period: { from: dates[0], to: dates[dates.length - 1] },
    articles,
    relations,
    entities: index.entities,
    events,
    quotes,
    facts,
    summary,
    timeline,
    independentSources: groups.count(ids),
    generatedAt: opts.generatedAt ?? new Date().toISOString(),
    version: VERSION,
  };
}
