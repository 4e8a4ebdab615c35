/**
 * The storage interface: everything Parallax keeps between runs (articles, their
 * diagnostics and annotations, cross-article relations, stories, failed inputs and a
 * little pipeline state) behind one small, synchronous interface.
 *
 * The only implementation today is SQLite ({@link openSqliteStore} in `./sqlite.js`);
 * all SQL lives in `src/store`, so a server database could implement the same
 * interface later without touching callers. The interface speaks plain data
 * (the types of `src/model.ts`), never rows or SQL.
 *
 * Identity and re-ingest rules (shared by every implementation):
 * - An article's `id` is a content hash, so putting the same id twice keeps one row.
 *   When the same id comes again from the same place with different metadata
 *   (e.g. a better cleaner found the date), the stored copy is updated in place.
 * - A source location — `(source.path, source.index)` — holds at most one article.
 *   Re-ingesting a file whose content changed produces a new id at an old location:
 *   the new article replaces the old one, and the old one's diagnostics, annotations,
 *   relations and story memberships go with it ("latest content wins").
 * - Articles without `source.path` (generated text, stdin) are identified by id only.
 */
import type { HeldRelation } from "../link/relation-spans.js";
import type { Annotations, Article, ArticleRelation, Diagnostic, Token } from "../model.js";

/** What {@link Store.putArticle} did. */
export interface PutArticleResult {
  id: string;
  /** True when a new row was written for this id. */
  inserted: boolean;
  /** True when the id already existed and its metadata/raw/diagnostics were rewritten. */
  updated?: boolean;
  /** Ids of articles removed because this one now occupies their source location. */
  replaced?: string[];
}

/** A light row for listings: no raw or cleaned text. */
export interface ArticleSummary {
  id: string;
  title?: string;
  published?: string;
  outlet?: string;
  url?: string;
  source: Article["source"];
  /** Length of the cleaned text in UTF-16 units. */
  chars: number;
  diagnosticCount: number;
  /** Annotator version of the stored annotations, if the article has any. */
  annotatorVersion?: string;
  /** ISO date-time when the article was first stored. */
  ingestedAt: string;
}

/** Sort orders for {@link Store.listArticles}; published-date orders put undated articles last. */
export type ArticleOrder = "published-desc" | "published-asc" | "ingested-asc" | "ingested-desc";

export interface ListArticlesOptions {
  limit?: number;
  offset?: number;
  /** Default "published-desc". */
  order?: ArticleOrder;
}

/** The annotation layers the store keeps. Tokens are optional: they are cheap to recompute and large. */
export type AnnotationLayers = Omit<Annotations, "tokens"> & { tokens?: Token[] };

/** Annotations as read back, with the version of the annotator that produced them. */
export interface StoredAnnotations extends AnnotationLayers {
  annotatorVersion: string;
  /** ISO date-time of the write. */
  annotatedAt: string;
}

/** What linking reads of a stored article: its text and metadata, and two annotation layers (no raw input). */
export interface LinkInput {
  id: string;
  text: string;
  meta: Article["meta"];
  /** Annotator version of the stored layers (undefined when the article has none). */
  annotatorVersion?: string;
  sentences?: AnnotationLayers["sentences"];
  entities?: AnnotationLayers["entities"];
}

export interface PutAnnotationsOptions {
  /** Also store `ann.tokens` (default false: tokens are ~10x the size of the other layers). */
  keepTokens?: boolean;
}

/** An input that produced no article, and why. */
export interface FailureInput {
  path: string;
  /** Line (JSON Lines) or item (feeds) index, 0-based, when the failure concerns one record. */
  index?: number;
  diagnostic: Diagnostic;
}

export interface FailureRecord extends FailureInput {
  /** ISO date-time of the (latest) recording. */
  recordedAt: string;
}

/** A story as written by the story builder; `json` is the full `Story` (opaque here). */
export interface StoryInput {
  id: string;
  headline: string;
  articleIds: string[];
  json: unknown;
  /**
   * Listing order for {@link Store.putStories}: higher first, ties by id. (replaceStories keeps
   * the order given instead.)
   */
  rank?: number;
}

/**
 * The linker's persisted state for one article (see src/engine/link.ts): its clusterer term
 * vector, story and event, and its duplicate-index entry. Opaque to the store.
 */
export interface LinkDocRow {
  articleId: string;
  story: string;
  event: string;
  day?: number;
  eventDays?: number[];
  /** Term ids into the dictionary of {@link Store.linkTerms}, and their weights. */
  tids: Int32Array;
  tw: Float64Array;
  /** MinHash signature, shingle count, the original it duplicates (or itself), exact-text key. */
  sig: Int32Array;
  shingles: number;
  dupRoot: string;
  exactKey: string;
}

export interface StorySummary {
  id: string;
  headline: string;
  articleIds: string[];
  updatedAt: string;
  /** From the story report, read without loading it: its independent sources and period (when the report has them). */
  independentSources?: number;
  period?: { from?: string; to?: string };
}

export interface StoryRecord extends StorySummary {
  json: unknown;
}

/** One full-text search hit. */
export interface SearchHit {
  id: string;
  title?: string;
  /** A short extract around the matches, with matched terms wrapped in the `mark` strings. */
  snippet: string;
  /** Relevance, higher is better (negated BM25, title weighted above body). */
  rank: number;
}

export interface SearchOptions {
  /** Strings wrapped around matched terms in the snippet; default ["[", "]"]. */
  mark?: [string, string];
}

/** Count of stored article diagnostics per code and severity. */
export interface DiagnosticCount {
  code: string;
  severity: string;
  count: number;
}

/** Storage for everything Parallax keeps between runs. All methods are synchronous. */
export interface Store {
  /**
   * Stores one article (raw, cleaned text, metadata, offsets, diagnostics) and indexes it for search.
   * Idempotent on `id`; a changed article at an already-known `(source.path, source.index)`
   * replaces the old one (see the module comment).
   */
  putArticle(a: Article): PutArticleResult;
  /** The full article, exactly as put (diagnostics in their original order), or undefined. */
  getArticle(id: string): Article | undefined;
  /** Full articles for the given ids, in the order given; unknown ids are skipped. */
  getArticles(ids: readonly string[]): Article[];
  /** Summaries for listings and paging (no text). */
  listArticles(opts?: ListArticlesOptions): ArticleSummary[];
  /** The publication date-time of each given stored article (undefined where it has none; unknown ids are left out). */
  publishedOf(ids: readonly string[]): Map<string, string | undefined>;
  /**
   * All article ids in ingestion order; with `needsAnnotation`, only those without
   * annotations from that annotator version (what a re-annotation run must do).
   */
  listArticleIds(opts?: { needsAnnotation?: string }): string[];
  countArticles(): number;
  /** Removes an article and everything attached to it. Returns whether it existed. */
  deleteArticle(id: string): boolean;

  /** Stores (replacing) the annotation layers of an article. Throws if the article is unknown. */
  putAnnotations(articleId: string, ann: AnnotationLayers, annotatorVersion: string, opts?: PutAnnotationsOptions): void;
  getAnnotations(articleId: string): StoredAnnotations | undefined;
  /** The given stored articles as linking reads them (in the given order; unknown ids skipped): cheaper than article + annotations. */
  getLinkInputs(ids: readonly string[]): LinkInput[];

  /**
   * Records why an input produced no article. Recording the same (path, index, code) again
   * updates the record instead of adding one; a later successful put from the same location clears it.
   */
  recordFailure(f: FailureInput): void;
  /** Failures in recording order; with `path`, only that file's. */
  listFailures(opts?: { path?: string }): FailureRecord[];
  /** Removes failures (all, or one file's); returns how many were removed. */
  clearFailures(path?: string): number;
  /** Counts of stored article diagnostics by code and severity, most frequent first. */
  diagnosticCounts(): DiagnosticCount[];

  /**
   * Stores relations, replacing any with the same (from, to, kind). With `replaceAll`, all
   * previously stored relations are dropped first (a full re-link). Throws on unknown article ids.
   */
  /** Relations with full evidence, or (from the linker) with evidence as spans into the two articles' texts. */
  putRelations(rel: readonly HeldRelation[], opts?: { replaceAll?: boolean }): void;
  /** All relations, or those where the article is `from` or `to`. */
  listRelations(articleId?: string): ArticleRelation[];

  /** Replaces the whole set of stories (stories are rebuilt as a whole). Throws on unknown article ids. */
  replaceStories(stories: readonly StoryInput[]): void;
  /**
   * Adds or replaces the given stories (by id) and deletes the stories named in `remove`; all
   * other stories stay (the incremental linker rewrites only the stories that changed).
   * Throws on unknown article ids.
   */
  putStories(stories: readonly StoryInput[], opts?: { remove?: readonly string[] }): void;
  /** Number of stored stories. */
  countStories(): number;
  /** Stories by rank (see {@link StoryInput.rank}), or in the order given to {@link replaceStories}. */
  listStories(): StorySummary[];
  getStory(id: string): StoryRecord | undefined;
  /** Ids of the stories an article belongs to. */
  storiesOfArticle(articleId: string): string[];

  /**
   * Full-text search over title and text. Any user input is safe: it is reduced to quoted
   * terms (and "quoted phrases", and trailing-* prefixes), all of which must match.
   */
  search(query: string, limit?: number, opts?: SearchOptions): SearchHit[];

  /**
   * The linker's per-article state, in the order articles were first linked (streamed); with
   * `stories`, only the articles of those (clusterer) stories.
   */
  listLinkDocs(opts?: { stories?: readonly string[] }): Iterable<LinkDocRow>;
  /** Every linked article's duplicate-index entry (MinHash signature, shingle count, original, exact key), in link order. */
  listDupEntries(): Iterable<{ id: string; sig: Int32Array; size: number; root: string; exactKey: string }>;
  /** Each linked (clusterer) story's day range (undefined days when none of its articles is dated). */
  linkStoryDays(): { story: string; minDay?: number; maxDay?: number }[];
  /** Writes (adding or replacing by article) the linker's state of the given articles. */
  putLinkDocs(rows: readonly LinkDocRow[]): void;
  /** Ids of stored articles that have no link state yet (in ingestion order): what the next link run adds. */
  listUnlinkedIds(): string[];
  /** The linker's term dictionary (term ids 0..n-1 in order) and each term's document frequency. */
  linkTerms(): { terms: string[]; df: Int32Array };
  /**
   * Appends `terms` to the dictionary (`from` must equal its current size), then sets the
   * document frequency of the given term ids.
   */
  putLinkTerms(from: number, terms: readonly string[], df: Iterable<[number, number]>): void;
  /** Drops all link state (link docs and terms), e.g. before a full re-link. */
  clearLinkState(): void;

  /** Pipeline state as JSON (e.g. clusterer state); undefined when unset. */
  getMeta<T = unknown>(key: string): T | undefined;
  /** Sets pipeline state (any JSON value); `undefined` deletes the key. */
  setMeta(key: string, value: unknown): void;

  /**
   * Runs `fn` in one transaction: all its writes commit together or not at all.
   * `fn` must be synchronous. Nested calls join the outer transaction (as savepoints).
   */
  transaction<T>(fn: () => T): T;
  /** Schema version of the open database. */
  schemaVersion(): number;
  /** Flushes indexes and closes; the store must not be used afterwards. */
  close(): void;
}
