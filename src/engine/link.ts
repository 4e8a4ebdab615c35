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
import { PREPARED_CACHE, RewriteMemo, addDuplicates, findRewrites } from "../link/rewrite.js";
import { STORY_HORIZON_DAYS, StoryClusterer, byPublicationOrder, docDay, type PreparedDoc } from "../link/cluster.js";
import { buildStory } from "../story/build.js";
import type { Story } from "../story/types.js";
import { STORY_REPORT_WINDOW, carryForward, reportWindow, withCarried } from "../story/window.js";
import type { StoryInput } from "../story/input.js";
import { ANNOTATOR_VERSION, annotate } from "../nlp/annotate.js";
import { contentTerms, jaccard } from "../story/terms.js";
import { toSpans, withText, type HeldRelation } from "../link/relation-spans.js";

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
/**
 * Articles (with annotations) kept in memory while one story is linked: its rewrite chunks and its
 * report read overlapping sets. Bounds memory for a story of any size (each holds ~50 KB).
 */
const STORY_CACHE_ARTICLES = 1000;
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
  /** Articles a story report reads (default {@link STORY_REPORT_WINDOW}; tests use small ones). */
  reportWindow?: number;
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
 * The given stored articles as {@link LinkDoc}s, chunk by chunk: only the text, metadata, sentences
 * and entities are read (articles without current annotations are annotated first).
 */
function loadLinkDocs(store: Store, ids: string[]): LinkDoc[] {
  const out: LinkDoc[] = [];
  for (let i = 0; i < ids.length; i += LOAD_CHUNK) {
    for (const x of store.getLinkInputs(ids.slice(i, i + LOAD_CHUNK))) {
      if (x.annotatorVersion === ANNOTATOR_VERSION) out.push(linkDocOf(x.id, x.text, x.meta, x.sentences ?? [], x.entities ?? []));
      else for (const item of loadItems(store, [x.id])) out.push(toLinkDoc(item));
    }
  }
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
  return linkDocOf(article.id, article.text, article.meta, ann.sentences, ann.entities);
}

function linkDocOf(id: string, text: string, meta: Article["meta"], sentences: Annotations["sentences"], entities: Annotations["entities"]): LinkDoc {
  return {
    id,
    text,
    title: meta.title,
    published: meta.published,
    outlet: meta.outlet,
    dateline: meta.dateline ? { agency: meta.dateline.agency } : undefined,
    sentences,
    entities: entities.filter((e) => (e.mention ?? "name") === "name").map((e) => ({ text: e.text, type: e.type, canonical: e.canonical })),
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
    const state: LinkState = full ? { clusterer: new StoryClusterer(), dup: new DuplicateIndex(), placed: new Map() } : restore(store, meta!, newDays(store, unlinked));
    Object.assign(stats, step(store, state, unlinked, opts));
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
function restore(store: Store, meta: LinkMeta, days: (number | undefined)[]): LinkState {
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
  const placed = new Map<string, string>();
  const rows = (function* () {
    for (const r of store.listLinkDocs({ stories })) {
      placed.set(r.articleId, placement(r));
      yield { id: r.articleId, tids: r.tids, tw: r.tw, day: r.day, eventDays: r.eventDays, story: r.story, event: r.event };
    }
  })();
  const { terms, df } = store.linkTerms();
  const clusterer = StoryClusterer.restore({}, terms, meta.counter, rows, { n: meta.docs, df });
  return { clusterer, dup, placed };
}

/**
 * The linker's state for a step: the clusterer, the duplicate index, and where restored articles
 * were placed. A step takes it over: once the state is persisted, the step drops it (fields set to
 * undefined) so the story phase does not hold every article's term vector and signature.
 */
interface LinkState {
  clusterer?: StoryClusterer;
  dup?: DuplicateIndex;
  /** Story and event of each restored article as stored (see {@link placement}); only moved ones are written back. */
  placed?: Map<string, string>;
}

/** An article's story and event as one comparable key. */
function placement(d: { story: string; event: string }): string {
  return `${d.story}\u0000${d.event}`;
}

/** What the story phase needs of the clusterer and the duplicate index, for the articles of the changed stories. */
interface StoryPlan {
  /** Each changed story's articles. */
  members: string[][];
  /** An article's day (see {@link docDay}). */
  days: Map<string, number | undefined>;
  /** An article's copy group (the duplicate index's root), where it is not the article itself. */
  roots: Map<string, string>;
}

/**
 * One link step over the stored articles `ids`: duplicates against everything linked, stories by the
 * clusterer (articles are read chunk by chunk and reduced to their term arrays, so the batch's texts
 * are never all in memory), then, one changed story at a time, rewrites among its articles and its
 * report. Everything is written in one transaction: the link state first (then dropped from
 * memory), each story as soon as it is built, the relations last.
 */
function step(store: Store, state: LinkState, ids: string[], opts: LinkOptions): Pick<LinkStats, "added" | "relations" | "storiesChanged"> {
  const added = ids.length;
  const isNew = new Set(ids);
  // Relations found in this run, their evidence as spans (see src/link/relation-spans.ts): the text
  // of the aligned sentences is read back from the articles when a story report needs it.
  const relations: HeldRelation[] = [];
  const termsBefore = state.clusterer!.termCount;
  const { changed, addOrder } = clusterPhase(store, state, ids, relations);
  let storiesChanged = 0;
  store.transaction(() => {
    const plan = persistLinkState(store, state, ids, isNew, changed, addOrder, termsBefore);
    state.clusterer = state.dup = state.placed = undefined;
    storiesChanged = storyPhase(store, plan, isNew, relations, opts);
    store.putRelations(relations);
  });
  return { added, relations: relations.length, storiesChanged };
}

/**
 * Duplicates of the new articles (relations added to `relations`) and their stories; returns the ids
 * of the changed stories and the order in which the clusterer added the new articles.
 */
function clusterPhase(store: Store, state: LinkState, ids: string[], relations: HeldRelation[]): { changed: string[]; addOrder: Map<string, number> } {
  const clusterer = state.clusterer!;
  const dup = state.dup!;
  const prepared: PreparedDoc[] = [];
  // the originals of syndicated copies, prepared for alignment once across the chunks
  const dupMemo = new RewriteMemo(PREPARED_CACHE);
  for (let i = 0; i < ids.length; i += LOAD_CHUNK) {
    const docs = loadLinkDocs(store, ids.slice(i, i + LOAD_CHUNK));
    const byId = new Map(docs.map((d) => [d.id, d]));
    for (const r of addDuplicates(dup, docs, (id) => byId.get(id) ?? loadLinkDocs(store, [id])[0], dupMemo)) relations.push(toSpans(r));
    for (const d of docs) prepared.push(clusterer.prepare(d));
  }
  const ordered = byPublicationOrder(prepared);
  prepared.length = 0;
  const addOrder = new Map(ordered.map((d, i) => [d.id, i]));
  return { changed: clusterer.updatePrepared(ordered), addOrder };
}

/**
 * Writes the state of every new article and of every earlier one whose story or event moved (term
 * vectors, days and signatures of earlier articles never change), the new terms and the header;
 * returns what the story phase needs.
 */
function persistLinkState(store: Store, state: LinkState, ids: string[], isNew: ReadonlySet<string>, changed: string[], addOrder: ReadonlyMap<string, number>, termsBefore: number): StoryPlan {
  const clusterer = state.clusterer!;
  const dup = state.dup!;
  const members = changed.map((sid) => clusterer.storyDocs(sid));
  const days = new Map<string, number | undefined>();
  const roots = new Map<string, string>();
  const rows: LinkDocRow[] = [];
  for (const memberIds of members) {
    for (const id of memberIds) {
      const d = clusterer.docState(id)!;
      const e = dup.entry(id)!;
      days.set(id, d.day);
      if (e.root !== id) roots.set(id, e.root);
      if (!isNew.has(id) && state.placed!.get(id) === placement(d)) continue;
      rows.push({ articleId: id, story: d.story, event: d.event, day: d.day, eventDays: d.eventDays, tids: d.tids, tw: d.tw, sig: e.sig, shingles: e.size, dupRoot: e.root, exactKey: e.exactKey });
    }
  }
  // New articles get their rows in the order the clusterer added them, so a restore replays that
  // order (earlier articles keep theirs).
  rows.sort((a, b) => (addOrder.get(a.articleId) ?? -1) - (addOrder.get(b.articleId) ?? -1));
  const linkedBefore = store.countArticles() - ids.length;
  // Document frequencies of the new articles' terms (the only ones that changed).
  const dfChanged = new Map<number, number>();
  for (const id of ids) for (const t of clusterer.docState(id)!.tids) dfChanged.set(t, clusterer.termDf(t));
  store.putLinkTerms(termsBefore, clusterer.termsFrom(termsBefore), dfChanged);
  store.putLinkDocs(rows);
  store.setMeta(META_KEY, { version: LINK_STATE_VERSION, counter: clusterer.idCounter, docs: linkedBefore + ids.length } satisfies LinkMeta);
  return { members, days, roots };
}

/**
 * One changed story at a time: rewrites among its articles (a rewrite tells the same story as its
 * source), undated articles' reference dates, then its report, read from a window of at most
 * STORY_REPORT_WINDOW articles (a long story's earlier timeline is carried from its earlier
 * reports). Stories the changed ones absorbed or replaced are removed. Returns the number of
 * stories written.
 */
function storyPhase(store: Store, plan: StoryPlan, isNew: Set<string>, relations: HeldRelation[], opts: LinkOptions): number {
  const { members } = plan;
  // The stories each changed story's earlier articles were in, read before any is rewritten.
  const befores = members.map((memberIds) => {
    const before = new Set<string>();
    for (const id of memberIds) if (!isNew.has(id)) for (const s of store.storiesOfArticle(id)) before.add(s);
    return before;
  });
  const oldStoryIds = new Set(befores.flatMap((b) => [...b]));
  const lastNeeded = new Map<string, number>();
  befores.forEach((b, k) => b.forEach((sid) => lastNeeded.set(sid, k)));
  // Earlier reports a bounded story carries its timeline from: kept when a story of the same id is
  // written first in this run.
  const earlierReports = new Map<string, Story | undefined>();
  const hasSource = new Set<string>();
  const found = new RelationIndex(relations);
  const copyGroup = (id: string) => plan.roots.get(id) ?? id;
  const newIds = new Set<string>();
  let storiesChanged = 0;
  // Each story is written as soon as it is built, so a run holds one story report at a time.
  members.forEach((memberIds, k) => {
    const before = befores[k];
    // The story's articles are read by its rewrite chunks and again by its report: keep the
    // recently read ones (and what rewrite detection computed from them) at hand.
    const cache = new ItemCache(store, STORY_CACHE_ARTICLES);
    const memo = new RewriteMemo(STORY_CACHE_ARTICLES);
    // Rewrite chunks run just before the first report chunk that needs them (all relations among a
    // report chunk's articles are found by then, as if every rewrite chunk ran first): a long story's
    // articles are then read while still in the caches, not once for rewrites and again for the report.
    const chunks = rewriteChunks(plan.days, memberIds, isNew);
    const chunkOf = new Map<string, number>();
    chunks.forEach(([news], i) => news.forEach((id) => chunkOf.set(id, i)));
    let done = 0;
    const rewritesFor = (ids: readonly string[]) => {
      let need = -1;
      for (const id of ids) need = Math.max(need, chunkOf.get(id) ?? -1);
      for (; done <= need; done++) rewriteChunk(chunks[done]);
    };
    const rewriteChunk = ([news, others]: [string[], string[]]) => {
      const items = cache.get([...news, ...others]);
      // undated new articles borrow a reference date from the dated articles nearest in time
      implyDates(store, items);
      for (const r of findRewrites(items.map(toLinkDoc), { only: new Set(news), memo, copyGroup })) {
        // one source per article: an earlier article keeps the one it has, a new one the first found
        if (!isNew.has(r.from) && store.listRelations(r.from).some((x) => x.kind === "rewrite" && x.from === r.from)) continue;
        if (r.kind === "rewrite" && hasSource.has(r.from)) continue;
        if (r.kind === "rewrite") hasSource.add(r.from);
        relations.push(toSpans(r));
      }
    };
    const story = buildBounded(store, cache, memberIds, isNew, [...before], found, earlierReports, rewritesFor, opts);
    rewritesFor(memberIds); // every new article has been through a report chunk; this is a safeguard
    if ((lastNeeded.get(story.id) ?? -1) > k && !earlierReports.has(story.id)) earlierReports.set(story.id, store.getStory(story.id)?.json as Story | undefined);
    store.putStories([{ id: story.id, headline: story.headline.text, articleIds: membersInOrder(story, memberIds), json: story, rank: story.independentSources * 1e6 + memberIds.length }]);
    newIds.add(story.id);
    storiesChanged++;
  });
  const remove = [...oldStoryIds].filter((id) => !newIds.has(id));
  store.putStories([], { remove });
  return storiesChanged;
}

/**
 * Where a story's new articles' rewrites are looked for, as [new articles, other candidates] pairs:
 * the new articles in chronological chunks of REWRITE_POOL, each with the REWRITE_POOL other
 * articles of the story published closest to it (all others when there are no more). A story of
 * any size thus costs a bounded amount per chunk, and a first run over a long story never holds
 * all of it in memory.
 */
function rewriteChunks(days: ReadonlyMap<string, number | undefined>, ids: string[], isNew: Set<string>): [string[], string[]][] {
  const dayOf = (id: string) => days.get(id);
  const news = ids.filter((id) => isNew.has(id)).sort((a, b) => (dayOf(a) ?? Infinity) - (dayOf(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  const out: [string[], string[]][] = [];
  for (let i = 0; i < news.length; i += REWRITE_POOL) {
    const chunk = news.slice(i, i + REWRITE_POOL);
    const inChunk = new Set(chunk);
    const others = ids.filter((id) => !inChunk.has(id));
    if (others.length <= REWRITE_POOL) {
      out.push([chunk, others]);
      continue;
    }
    const days = [...new Set(chunk.map(dayOf).filter((d): d is number => d !== undefined))];
    const gap = (id: string) => {
      const d = dayOf(id);
      if (d === undefined || !days.length) return Infinity;
      let best = Infinity;
      for (const x of days) best = Math.min(best, Math.abs(x - d));
      return best;
    };
    const nearest = others.map((id) => ({ id, gap: gap(id) })).sort((a, b) => a.gap - b.gap || (a.id < b.id ? -1 : 1)).slice(0, REWRITE_POOL);
    out.push([chunk, nearest.map((x) => x.id)]);
  }
  return out;
}

/**
 * One story's report, read from at most STORY_REPORT_WINDOW of its articles (see
 * src/story/window.ts). New articles that do not fit the window (a first run over a long story, or
 * a large batch) are read first, in chronological chunks of the window's size, each chunk's report
 * carrying the timeline forward to the next, so every article is read once and memory stays bounded.
 * The reports stored before for the story's articles (`before`) start the chain.
 */
function buildBounded(
  store: Store,
  cache: ItemCache,
  memberIds: string[],
  isNew: Set<string>,
  before: string[],
  relations: RelationIndex,
  earlierReports: ReadonlyMap<string, Story | undefined>,
  rewritesFor: (ids: readonly string[]) => void,
  opts: LinkOptions,
): Story {
  const published = store.publishedOf(memberIds);
  const id = storyId(memberIds, published);
  const size = opts.reportWindow ?? STORY_REPORT_WINDOW;
  const read = reportWindow(memberIds.map((m) => ({ id: m, day: dayOf(published.get(m)), isNew: isNew.has(m) })), size);
  const bounded = read.length < memberIds.length;
  const inWindow = new Set(read);
  const unread = memberIds
    .filter((m) => isNew.has(m) && !inWindow.has(m))
    .sort((a, b) => (published.get(a) ?? "").localeCompare(published.get(b) ?? "") || (a < b ? -1 : a > b ? 1 : 0));
  const chunks: string[][] = [];
  for (let i = 0; i < unread.length; i += size) chunks.push(unread.slice(i, i + size));
  chunks.push(read);
  const members = new Set(memberIds);
  const reportOf = (sid: string) => (earlierReports.has(sid) ? earlierReports.get(sid) : (store.getStory(sid)?.json as Story | undefined));
  let earlier: Story[] = bounded ? before.map(reportOf).filter((x): x is Story => !!x) : [];
  let story: Story | undefined;
  for (const chunk of chunks) {
    rewritesFor(chunk);
    const items = cache.get(chunk);
    implyDates(store, items);
    const texts = new Map(items.map((it) => [it.article.id, it.article.text]));
    story = buildStory(id, items, relationsOf(store, chunk, isNew, relations, (aid) => texts.get(aid) ?? ""), { generatedAt: opts.generatedAt });
    if (bounded) story = withCarried(story, carryForward(earlier, new Set(chunk), members), memberIds.length, periodOf(published));
    earlier = [story];
  }
  return story!;
}

/** Stored articles with their annotations, the most recently used kept (at most `size`). */
class ItemCache {
  private readonly items = new Map<string, StoryInput>();
  constructor(
    private readonly store: Store,
    private readonly size: number,
  ) {}
  /** The given articles in the given order (missing ones skipped), loading those not at hand. */
  get(ids: readonly string[]): StoryInput[] {
    const missing = ids.filter((id) => !this.items.has(id));
    const loaded = new Map(loadItems(this.store, missing).map((it) => [it.article.id, it]));
    const out: StoryInput[] = [];
    for (const id of ids) {
      const it = this.items.get(id) ?? loaded.get(id);
      if (!it) continue;
      this.items.delete(id);
      this.items.set(id, it);
      out.push(it);
    }
    while (this.items.size > this.size) this.items.delete(this.items.keys().next().value!);
    return out;
  }
}

/** Relations among a story's articles: those found in this run and those stored before. */
function relationsOf(store: Store, ids: string[], isNew: Set<string>, found: RelationIndex, textOf: (id: string) => string): ArticleRelation[] {
  const inStory = new Set(ids);
  const out = new Map<string, ArticleRelation>();
  const key = (r: { from: string; to: string; kind: string }) => `${r.from}\u0000${r.to}\u0000${r.kind}`;
  for (const id of ids) if (!isNew.has(id)) for (const r of store.listRelations(id)) if (inStory.has(r.from) && inStory.has(r.to)) out.set(key(r), r);
  for (const id of ids) for (const r of found.of(id)) if (inStory.has(r.from) && inStory.has(r.to)) out.set(key(r), withText(r, textOf));
  return [...out.values()];
}

/** The relations found in a run, by article (both ends), growing as relations are added. */
class RelationIndex {
  private readonly byArticle = new Map<string, HeldRelation[]>();
  private seen = 0;
  constructor(private readonly all: HeldRelation[]) {}
  /** Relations of the run that involve `id`. */
  of(id: string): readonly HeldRelation[] {
    for (; this.seen < this.all.length; this.seen++) {
      const r = this.all[this.seen];
      for (const end of r.from === r.to ? [r.from] : [r.from, r.to]) {
        const list = this.byArticle.get(end);
        if (list) list.push(r);
        else this.byArticle.set(end, [r]);
      }
    }
    return this.byArticle.get(id) ?? [];
  }
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

/** A story id that stays the same while its earliest article (by publication, then id) does. */
function storyId(memberIds: readonly string[], published: Map<string, string | undefined>): string {
  const first = [...memberIds].sort((a, b) => (published.get(a) ?? "9999").localeCompare(published.get(b) ?? "9999") || a.localeCompare(b))[0];
  return `s${createHash("sha256").update(first).digest("hex").slice(0, 8)}`;
}

/** Days since the epoch of a publication date-time (undefined for none or an unreadable one). */
function dayOf(published: string | undefined): number | undefined {
  if (!published) return undefined;
  const t = Date.parse(published.slice(0, 10));
  return Number.isNaN(t) ? undefined : Math.floor(t / 86_400_000);
}

/** Earliest and latest publication day among a story's articles. */
function periodOf(published: Map<string, string | undefined>): Story["period"] {
  let from: string | undefined;
  let to: string | undefined;
  for (const p of published.values()) {
    const d = p?.slice(0, 10);
    if (!d) continue;
    if (!from || d < from) from = d;
    if (!to || d > to) to = d;
  }
  return { from, to };
}

/** A story's membership in the store: the report's article order first (its citation numbers), then the rest, earliest first. */
function membersInOrder(story: Story, memberIds: readonly string[]): string[] {
  const listed = story.articles.map((a) => a.id);
  if (listed.length === memberIds.length) return listed;
  const inList = new Set(listed);
  return [...listed, ...memberIds.filter((id) => !inList.has(id))];
}
