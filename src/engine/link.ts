/**
 * The link job: duplicates and rewrites between stored articles, stories by clustering, and each
 * story's report, written back to the store.
 *
 * Linking is incremental. The clusterer's per-article state (term vector, story, event) and the
 * duplicate index's MinHash signatures are kept in the store, so a run restores them, adds only
 * the articles not linked yet ({@link StoryClusterer.update}: new articles join or start stories,
 * then only the stories they touched are refined), looks for rewrites only among the articles of
 * the touched stories, and rebuilds only those stories' reports. Its cost grows with the new
 * articles and the stories they touch, not with the archive (restoring the state is a fast scan
 * of typed arrays). {@link relinkStore} recomputes everything from scratch with the same step on
 * an empty state: it is the batch method `parallax cluster` measures.
 */
import { createHash } from "node:crypto";
import type { Annotations, Article, ArticleRelation } from "../model.js";
import type { LinkDocRow, Store } from "../store/store.js";
import type { LinkDoc } from "../link/types.js";
import { DuplicateIndex } from "../link/minhash.js";
import { addDuplicates, findRewrites } from "../link/rewrite.js";
import { STORY_HORIZON_DAYS, StoryClusterer, byPublicationOrder, docDay, type PreparedDoc } from "../link/cluster.js";
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
/**
 * Rewrites of a new article are looked for among at most this many earlier articles of its story,
 * those published closest to it (a rewrite follows its source within days), so a long-running
 * story does not make each new article cost more.
 */
export const REWRITE_POOL = 300;
/**
 * Version of the persisted link state: bump when what is persisted changes meaning (the
 * clusterer's terms, the shingles). A store whose state has another version is re-linked in full.
 */
export const LINK_STATE_VERSION = `2/${ANNOTATOR_VERSION}`;
/**
 * The incremental linker restores only the stories whose articles lie within this many days of a
 * new article (or the clusterer's own horizon, if shorter). The clusterer lets time weaken but
 * never veto a story link (STORY_DECAY_FLOOR), so without this bound every run would restore the
 * whole archive. The cost: a follow-up more than a year after its story's last article starts a
 * new story in an incremental run, where `parallax relink` (and `parallax cluster`) would join
 * them. A year keeps what a news archive's stories need at hand.
 */
export const ACTIVE_STORY_DAYS = 365;
/** Meta key of the link state's header. */
const META_KEY = "link.state";

interface LinkMeta {
  version: string;
  /** The clusterer's cluster id counter. */
  counter: number;
  /** Articles with link state (a mismatch means articles were deleted: re-link in full). */
  docs: number;
}

export interface LinkStats {
  /** Articles linked in the store after the run. */
  articles: number;
  /** Articles linked in this run (all of them in a full run). */
  added: number;
  /** Duplicate and rewrite relations found in this run. */
  relations: number;
  /** Stories in the store after the run. */
  stories: number;
  /** Stories written in this run (created, grown or merged). */
  storiesChanged: number;
  /** "full" when everything was recomputed, else "incremental". */
  mode: "full" | "incremental";
  seconds: number;
}

export interface LinkOptions {
  generatedAt?: string;
  /** Recompute everything (as {@link relinkStore}). */
  full?: boolean;
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

/** The given stored articles as {@link LinkDoc}s, chunk by chunk (only what linking reads is kept). */
function loadLinkDocs(store: Store, ids: string[]): LinkDoc[] {
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

/** Recomputes relations, stories and the persisted link state over the whole store. */
export function relinkStore(store: Store, opts: LinkOptions = {}): LinkStats {
  return linkStore(store, { ...opts, full: true });
}

/**
 * Links the articles not linked yet (all of them on the first run, after an annotator or
 * link-state version change, after articles were deleted, or with `full`) and rewrites the
 * stories that changed.
 */
export function linkStore(store: Store, opts: LinkOptions = {}): LinkStats {
  const started = performance.now();
  const meta = store.getMeta<LinkMeta>(META_KEY);
  let unlinked = store.listUnlinkedIds();
  const linked = store.countArticles() - unlinked.length;
  const full = !!opts.full || !meta || meta.version !== LINK_STATE_VERSION || meta.docs !== linked;
  const stats: LinkStats = { articles: linked, added: 0, relations: 0, stories: 0, storiesChanged: 0, mode: full ? "full" : "incremental", seconds: 0 };
  if (full) {
    store.transaction(() => {
      store.clearLinkState();
      store.putRelations([], { replaceAll: true });
      store.replaceStories([]);
      store.setMeta(META_KEY, undefined);
    });
    unlinked = store.listArticleIds();
  }
  if (unlinked.length) {
    const state = full ? { clusterer: new StoryClusterer(), dup: new DuplicateIndex() } : restore(store, meta!, newDays(store, unlinked));
    Object.assign(stats, step(store, state.clusterer, state.dup, unlinked, opts));
  }
  stats.articles = store.countArticles();
  stats.stories = store.countStories();
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

/** The day of each of the given stored articles (see {@link docDay}); undefined where it has none. */
function newDays(store: Store, ids: string[]): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  for (let i = 0; i < ids.length; i += LOAD_CHUNK) {
    for (const a of store.getArticles(ids.slice(i, i + LOAD_CHUNK))) out.push(docDay({ id: a.id, text: a.text, title: a.meta.title, published: a.meta.published }));
  }
  return out;
}

/**
 * The clusterer and duplicate index as the last run left them, for linking articles of the given
 * days. The duplicate index holds every linked article (a signature each); the clusterer only the
 * stories such articles can join or merge with (within {@link STORY_HORIZON_DAYS}, at most
 * {@link ACTIVE_STORY_DAYS}, of their days, and undated stories), with the archive's statistics:
 * so restoring costs what the active part of the archive holds, not all of it. An undated new
 * article could join any story: then every story is restored.
 */
function restore(store: Store, meta: LinkMeta, days: (number | undefined)[]): { clusterer: StoryClusterer; dup: DuplicateIndex } {
  let stories: string[] | undefined;
  if (days.every((d) => d !== undefined)) {
    const reach = Math.min(STORY_HORIZON_DAYS, ACTIVE_STORY_DAYS);
    let lo = Infinity;
    let hi = -Infinity;
    for (const d of days as number[]) [lo, hi] = [Math.min(lo, d - reach), Math.max(hi, d + reach)];
    stories = store
      .linkStoryDays()
      .filter((s) => s.minDay === undefined || (s.maxDay! >= lo && s.minDay <= hi))
      .map((s) => s.story);
  }
  const dup = new DuplicateIndex();
  for (const e of store.listDupEntries()) dup.restore(e);
  const rows = (function* () {
    for (const r of store.listLinkDocs({ stories })) yield { id: r.articleId, tids: r.tids, tw: r.tw, day: r.day, eventDays: r.eventDays, story: r.story, event: r.event };
  })();
  const { terms, df } = store.linkTerms();
  const clusterer = StoryClusterer.restore({}, terms, meta.counter, rows, { n: meta.docs, df });
  return { clusterer, dup };
}

/**
 * One link step over the stored articles `ids`: duplicates against everything linked, stories by the
 * clusterer (articles are read chunk by chunk and reduced to their term arrays, so the batch's texts
 * are never all in memory), then, one changed story at a time, rewrites among its articles and its
 * report. Everything is written in one transaction at the end.
 */
function step(store: Store, clusterer: StoryClusterer, dup: DuplicateIndex, ids: string[], opts: LinkOptions): Pick<LinkStats, "added" | "relations" | "storiesChanged"> {
  const termsBefore = clusterer.termCount;
  const added = ids.length;
  const isNew = new Set(ids);
  const relations: ArticleRelation[] = [];
  const prepared: PreparedDoc[] = [];
  for (let i = 0; i < ids.length; i += LOAD_CHUNK) {
    const docs = loadLinkDocs(store, ids.slice(i, i + LOAD_CHUNK));
    const byId = new Map(docs.map((d) => [d.id, d]));
    relations.push(...addDuplicates(dup, docs, (id) => byId.get(id) ?? loadLinkDocs(store, [id])[0]));
    for (const d of docs) prepared.push(clusterer.prepare(d));
  }
  const addOrder = new Map(byPublicationOrder(prepared).map((d, i) => [d.id, i]));
  const changed = clusterer.updatePrepared(byPublicationOrder(prepared));
  prepared.length = 0;

  // One changed story at a time: rewrites among its articles (a rewrite tells the same story as its
  // source), undated articles' reference dates, then its report. Stories it absorbed or replaced go.
  const members = changed.map((sid) => clusterer.storyDocs(sid));
  const built: Story[] = [];
  const oldStoryIds = new Set<string>();
  for (const memberIds of members) {
    for (const id of memberIds) if (!isNew.has(id)) for (const s of store.storiesOfArticle(id)) oldStoryIds.add(s);
    const items = loadItems(store, memberIds);
    const pool = new Set(rewritePool(clusterer, memberIds, isNew));
    for (const r of findRewrites(items.filter((it) => pool.has(it.article.id)).map(toLinkDoc), { only: isNew })) {
      // an earlier article keeps the source it has (one source per article)
      if (!isNew.has(r.from) && store.listRelations(r.from).some((x) => x.kind === "rewrite" && x.from === r.from)) continue;
      relations.push(r);
    }
    implyDates(store, items);
    built.push(buildStory(storyId(items), items, relationsOf(store, memberIds, isNew, relations), { generatedAt: opts.generatedAt }));
  }
  const newIds = new Set(built.map((s) => s.id));
  const remove = [...oldStoryIds].filter((id) => !newIds.has(id));

  // Persist: relations, stories, and the state of every article whose story or event may have moved.
  const rows: LinkDocRow[] = [];
  for (const memberIds of members) {
    for (const id of memberIds) {
      const d = clusterer.docState(id)!;
      const e = dup.entry(id)!;
      rows.push({ articleId: id, story: d.story, event: d.event, day: d.day, eventDays: d.eventDays, tids: d.tids, tw: d.tw, sig: e.sig, shingles: e.size, dupRoot: e.root, exactKey: e.exactKey });
    }
  }
  // New articles get their rows in the order the clusterer added them, so a restore replays that order
  // (earlier articles keep theirs).
  rows.sort((a, b) => (addOrder.get(a.articleId) ?? -1) - (addOrder.get(b.articleId) ?? -1));
  const linkedBefore = store.countArticles() - added;
  // Document frequencies of the new articles' terms (the only ones that changed).
  const dfChanged = new Map<number, number>();
  for (const id of ids) for (const t of clusterer.docState(id)!.tids) dfChanged.set(t, clusterer.termDf(t));
  store.transaction(() => {
    store.putRelations(relations);
    store.putStories(
      built.map((s) => ({ id: s.id, headline: s.headline.text, articleIds: s.articles.map((a) => a.id), json: s, rank: s.independentSources * 1e6 + s.articles.length })),
      { remove },
    );
    store.putLinkTerms(termsBefore, clusterer.termsFrom(termsBefore), dfChanged);
    store.putLinkDocs(rows);
    store.setMeta(META_KEY, { version: LINK_STATE_VERSION, counter: clusterer.idCounter, docs: linkedBefore + added } satisfies LinkMeta);
  });
  return { added, relations: relations.length, storiesChanged: built.length };
}

/**
 * The articles of a story among which a new article's rewrites are looked for: all new ones, and
 * the REWRITE_POOL earlier ones published closest to a new one.
 */
function rewritePool(clusterer: StoryClusterer, ids: string[], isNew: Set<string>): string[] {
  const news = ids.filter((id) => isNew.has(id));
  const olds = ids.filter((id) => !isNew.has(id));
  if (olds.length <= REWRITE_POOL) return ids;
  const days = news.map((id) => clusterer.docState(id)?.day).filter((d): d is number => d !== undefined);
  const gap = (id: string) => {
    const d = clusterer.docState(id)?.day;
    if (d === undefined || !days.length) return Infinity;
    let best = Infinity;
    for (const x of days) best = Math.min(best, Math.abs(x - d));
    return best;
  };
  const nearest = olds.map((id) => ({ id, gap: gap(id) })).sort((a, b) => a.gap - b.gap || (a.id < b.id ? -1 : 1)).slice(0, REWRITE_POOL);
  return [...news, ...nearest.map((x) => x.id)];
}

/** Relations among a story's articles: those found in this run and those stored before. */
function relationsOf(store: Store, ids: string[], isNew: Set<string>, found: ArticleRelation[]): ArticleRelation[] {
  const inStory = new Set(ids);
  const out = new Map<string, ArticleRelation>();
  const key = (r: ArticleRelation) => `${r.from}\u0000${r.to}\u0000${r.kind}`;
  for (const id of ids) if (!isNew.has(id)) for (const r of store.listRelations(id)) if (inStory.has(r.from) && inStory.has(r.to)) out.set(key(r), r);
  for (const r of found) if (inStory.has(r.from) && inStory.has(r.to)) out.set(key(r), r);
  return [...out.values()];
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
