/**
 * The link job: duplicates and rewrites between stored articles, stories by clustering,
 * and each story's report, written back to the store as a whole.
 */
import { createHash } from "node:crypto";
import type { Annotations, Article, ArticleRelation } from "../model.js";
import type { Store } from "../store/store.js";
import type { LinkDoc } from "../link/types.js";
import { findDuplicates, findRewrites } from "../link/rewrite.js";
import { clusterDocs } from "../link/cluster.js";
import { buildStory } from "../story/build.js";
import type { Story } from "../story/types.js";
import type { StoryInput } from "../story/input.js";
import { ANNOTATOR_VERSION, annotate } from "../nlp/annotate.js";
import { contentTerms, jaccard } from "../story/terms.js";

/** Articles loaded from the store per query. */
const LOAD_CHUNK = 500;
/**
 * An undated article borrows the publication date of the most similar dated article of its
 * story when their content terms overlap at least this much (Jaccard).
 */
const MIN_IMPLIED_DATE_SIMILARITY = 0.1;

export interface LinkStats {
  articles: number;
  relations: number;
  stories: number;
  seconds: number;
}

export interface LinkOptions {
  generatedAt?: string;
}

/** Loads every stored article with its annotations (annotating any that lack current ones). */
export function loadAll(store: Store): StoryInput[] {
  const ids = store.listArticleIds();
  const out: StoryInput[] = [];
  for (let i = 0; i < ids.length; i += LOAD_CHUNK) out.push(...loadItems(store, ids.slice(i, i + LOAD_CHUNK)));
  return out;
}

/** The given stored articles (in the given order, missing ones skipped) with their annotations. */
function loadItems(store: Store, ids: string[]): StoryInput[] {
  return store.getArticles(ids).map((article) => ({ article, ann: annotationsOf(store, article) }));
}

/**
 * Every stored article as a {@link LinkDoc}, in store order. Only what linking reads is kept (the
 * rest of the annotations is dropped chunk by chunk), so the whole archive need not sit in memory.
 */
function loadLinkDocs(store: Store): LinkDoc[] {
  const ids = store.listArticleIds();
  const out: LinkDoc[] = [];
  for (let i = 0; i < ids.length; i += LOAD_CHUNK) for (const item of loadItems(store, ids.slice(i, i + LOAD_CHUNK))) out.push(toLinkDoc(item));
  return out;
}

function annotationsOf(store: Store, article: Article): Annotations {
  const stored = store.getAnnotations(article.id);
  if (stored && stored.annotatorVersion === ANNOTATOR_VERSION) return { ...stored, tokens: stored.tokens ?? [] };
  const ann = annotate({ id: article.id, text: article.text, published: article.meta.published?.slice(0, 10), title: article.meta.title, diagnostics: [] });
  store.putAnnotations(article.id, ann, ANNOTATOR_VERSION);
  return ann;
}

export function toLinkDoc({ article, ann }: StoryInput): LinkDoc {
  return {
    id: article.id,
    text: article.text,
    title: article.meta.title,
    published: article.meta.published,
    outlet: article.meta.outlet,
    dateline: article.meta.dateline ? { agency: article.meta.dateline.agency } : undefined,
    sentences: ann.sentences,
    entities: ann.entities.filter((e) => (e.mention ?? "name") === "name").map((e) => ({ text: e.text, type: e.type, canonical: e.canonical })),
  };
}

/** Recomputes relations and stories over the whole store. */
export function relinkStore(store: Store, opts: LinkOptions = {}): LinkStats {
  const started = performance.now();
  const docs = loadLinkDocs(store);
  const relations: ArticleRelation[] = [...findDuplicates(docs), ...findRewrites(docs)];
  const storyOf = clusterDocs(docs, "story");
  const byCluster = new Map<string, string[]>();
  for (const { id } of docs) {
    const c = storyOf.get(id) ?? id;
    const list = byCluster.get(c);
    if (list) list.push(id);
    else byCluster.set(c, [id]);
  }
  const articles = docs.length;
  docs.length = 0; // each story loads its own articles and annotations again, one story at a time
  const stories: Story[] = [];
  for (const ids of byCluster.values()) {
    const members = loadItems(store, ids);
    implyDates(store, members);
    stories.push(buildStory(storyId(members), members, relations, { generatedAt: opts.generatedAt }));
  }
  stories.sort((a, b) => b.independentSources - a.independentSources || b.articles.length - a.articles.length || a.id.localeCompare(b.id));
  store.transaction(() => {
    store.putRelations(relations, { replaceAll: true });
    store.replaceStories(stories.map((s) => ({ id: s.id, headline: s.headline.text, articleIds: s.articles.map((a) => a.id), json: s })));
  });
  return { articles, relations: relations.length, stories: stories.length, seconds: (performance.now() - started) / 1000 };
}

/**
 * Gives an undated article whose text holds no full date of its own a reference date for its
 * relative expressions ("on Thursday"): the publication date of the most similar dated article
 * of the same story. The article's timexes are re-resolved against it (anchor "inferred"), and
 * `meta.impliedDate` says where the date came from. Idempotent.
 */
function implyDates(store: Store, members: StoryInput[]): void {
  const dated = members.filter((m) => m.article.meta.published);
  if (!dated.length || dated.length === members.length) return;
  const terms = new Map(members.map((m) => [m.article.id, new Set(contentTerms(m.article.text))]));
  for (const m of members) {
    const { article } = m;
    if (article.meta.published) continue;
    if (m.ann.timexes.some((t) => t.anchor === "inferred")) continue; // dates itself, or already done
    if (!m.ann.timexes.some((t) => t.anchor === "none")) continue; // nothing relative to resolve
    let best: StoryInput | undefined;
    let bestSim = MIN_IMPLIED_DATE_SIMILARITY;
    for (const d of dated) {
      const sim = jaccard(terms.get(article.id)!, terms.get(d.article.id)!);
      if (sim >= bestSim) [best, bestSim] = [d, sim];
    }
    if (!best) continue;
    const date = best.article.meta.published!.slice(0, 10);
    article.meta.impliedDate = {
      date,
      basis: `publication date of the most similar dated article of the story (${best.article.id}, similarity ${bestSim.toFixed(2)})`,
      fromArticle: best.article.id,
    };
    const ann = annotate({ id: article.id, text: article.text, published: date, title: article.meta.title, diagnostics: [] });
    for (const t of ann.timexes) if (t.anchor === "published") t.anchor = "inferred";
    m.ann = ann;
    store.putArticle(article);
    store.putAnnotations(article.id, ann, ANNOTATOR_VERSION);
  }
}

/** A story id that stays the same while its earliest article does. */
function storyId(members: StoryInput[]): string {
  const first = [...members].sort(
    (a, b) => (a.article.meta.published ?? "9999").localeCompare(b.article.meta.published ?? "9999") || a.article.id.localeCompare(b.article.id),
  )[0];
  return `s${createHash("sha256").update(first.article.id).digest("hex").slice(0, 8)}`;
}
