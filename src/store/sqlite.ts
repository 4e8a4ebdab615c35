/**
 * The SQLite implementation of {@link Store} (better-sqlite3, synchronous).
 *
 * Opening applies pending migrations in one IMMEDIATE transaction each and refuses files it
 * must not touch: a database written by a newer Parallax, an unrelated SQLite database, or a
 * file that is not SQLite at all. The connection runs in WAL mode with `synchronous = NORMAL`
 * (a committed transaction survives a process crash; an OS crash may lose the last few
 * commits but never corrupts the file) and enforces foreign keys, so deleting an article
 * removes its diagnostics, annotations, relations and story memberships.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { ParallaxError } from "../errors.js";
import type { Article, ArticleRelation, Diagnostic, Severity } from "../model.js";
import { isSpanRelation, toSpans, withText, type HeldRelation } from "../link/relation-spans.js";
import { toFtsQuery } from "./fts-query.js";
import { LATEST_SCHEMA_VERSION, MIGRATIONS, PARALLAX_APPLICATION_ID } from "./migrations.js";
import type {
  AnnotationLayers,
  ArticleOrder,
  ArticleSummary,
  DiagnosticCount,
  FailureInput,
  FailureRecord,
  LinkDocRow,
  ListArticlesOptions,
  PutAnnotationsOptions,
  PutArticleResult,
  SearchHit,
  SearchOptions,
  Store,
  StoredAnnotations,
  LinkInput,
  StoryInput,
  StoryRecord,
  StorySummary,
} from "./store.js";

/** How long a write waits for another process's lock before failing (ms). */
export const BUSY_TIMEOUT_MS = 5000;
/** Default and maximum number of search hits. */
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 1000;
/** Tokens of context the search snippet shows around matches. */
export const SNIPPET_TOKENS = 16;
/** BM25 column weights: a match in the title counts this many times a match in the body. */
export const TITLE_WEIGHT = 3;
export const TEXT_WEIGHT = 1;
/** `source_index` stored for a location that is a whole file (no record index). */
const WHOLE_FILE_INDEX = -1;
/** Default snippet markers around matched terms. */
const DEFAULT_MARK: [string, string] = ["[", "]"];
const SNIPPET_ELLIPSIS = "…";

/** Options for {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** Open without writing: no migrations, writes throw `E_DB_READONLY`. The file must exist. */
  readonly?: boolean;
}

type Row = Record<string, any>;

/**
 * Opens (creating if needed, unless readonly) a Parallax SQLite database at `path`
 * (`":memory:"` for a throwaway in-memory store, e.g. in tests) and brings its schema up to date.
 * Throws a {@link ParallaxError} (`E_DB_*`) when the file cannot or must not be used.
 */
export function openSqliteStore(path: string, opts: SqliteStoreOptions = {}): Store {
  const readonly = opts.readonly === true;
  const inMemory = path === ":memory:" || path === "";
  if (!inMemory) checkPath(path, readonly);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw translateOpenError(err, path);
  }
  try {
    configure(db, readonly);
    checkIdentity(db, path);
    migrate(db, path, readonly);
  } catch (err) {
    db.close();
    throw translateOpenError(err, path);
  }
  return new SqliteStore(db, readonly);
}

/** Fails early, with a fix, on paths SQLite would reject with a vaguer message. */
function checkPath(path: string, readonly: boolean): void {
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) {
      throw new ParallaxError("E_DB_OPEN", `Database path "${path}" is a directory.`, "Pass a file path with --db, e.g. --db parallax.db.");
    }
    return;
  }
  if (readonly) {
    throw new ParallaxError("E_DB_MISSING", `Database "${path}" does not exist.`, "Ingest some articles first, or pass the right --db path.");
  }
  mkdirSync(dirname(path), { recursive: true });
}

function configure(db: Database.Database, readonly: boolean): void {
  if (!readonly) {
    // The first statement reads the header: a non-SQLite file fails here with SQLITE_NOTADB.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("foreign_keys = ON");
}

/** Refuses SQLite files that belong to something else. */
function checkIdentity(db: Database.Database, path: string): void {
  const appId = db.pragma("application_id", { simple: true }) as number;
  if (appId === PARALLAX_APPLICATION_ID) return;
  const version = db.pragma("user_version", { simple: true }) as number;
  const objects = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as Row).n as number;
  if (appId !== 0 || version !== 0 || objects > 0) {
    throw new ParallaxError(
      "E_DB_FOREIGN",
      `"${path}" is a SQLite database, but not a Parallax one (it already holds other tables).`,
      "Pass another --db path (a new file is created on first use).",
    );
  }
}

/** Applies pending migrations, or refuses a database newer than this code. */
function migrate(db: Database.Database, path: string, readonly: boolean): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new ParallaxError(
      "E_DB_NEWER",
      `Database "${path}" has schema version ${current}, newer than this Parallax knows (${LATEST_SCHEMA_VERSION}).`,
      "Upgrade Parallax, or pass another --db path.",
    );
  }
  if (current === LATEST_SCHEMA_VERSION) return;
  if (readonly) {
    throw new ParallaxError(
      "E_DB_OLD",
      `Database "${path}" has schema version ${current}; this Parallax needs ${LATEST_SCHEMA_VERSION}.`,
      "Open it once without read-only mode (e.g. run `parallax ingest`) to upgrade it.",
    );
  }
  for (const m of MIGRATIONS) {
    const step = db.transaction(() => {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      const now = db.pragma("user_version", { simple: true }) as number;
      if (now >= m.version) return;
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, new Date().toISOString());
      db.pragma(`application_id = ${PARALLAX_APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    });
    step.immediate();
  }
}

/** Turns SQLite's errors on open into ParallaxErrors that say what to do. */
function translateOpenError(err: unknown, path: string): Error {
  if (err instanceof ParallaxError) return err;
  const code = (err as { code?: string }).code;
  const detail = err instanceof Error ? err.message : String(err);
  if (code === "SQLITE_NOTADB") {
    return new ParallaxError("E_DB_NOT_SQLITE", `"${path}" is not a SQLite database (${detail}).`, "Pass another --db path (a new file is created on first use).");
  }
  if (code === "SQLITE_CORRUPT") {
    return new ParallaxError("E_DB_CORRUPT", `Database "${path}" is corrupt (${detail}).`, "Restore it from a backup, or pass another --db path and re-ingest.");
  }
  if (code === "SQLITE_BUSY") {
    return new ParallaxError("E_DB_BUSY", `Database "${path}" is locked by another process (${detail}).`, "Wait for the other Parallax process to finish, then retry.");
  }
  return new ParallaxError("E_DB_OPEN", `Cannot open database "${path}": ${detail}.`, "Check the --db path and its permissions.");
}

/** Stable digest of everything stored for an article besides its id. */
function rowHash(a: Article): string {
  return createHash("sha1")
    .update(JSON.stringify([a.source, a.raw, a.text, a.meta, a.offsets ?? null, a.diagnostics]))
    .digest("hex");
}

function orderClause(order: ArticleOrder): string {
  switch (order) {
    case "published-desc":
      return "a.published IS NULL, a.published DESC, a.seq DESC";
    case "published-asc":
      return "a.published IS NULL, a.published ASC, a.seq ASC";
    case "ingested-asc":
      return "a.seq ASC";
    case "ingested-desc":
      return "a.seq DESC";
    default:
      throw new ParallaxError(
        "E_STORE_ARG",
        `Unknown article order "${String(order)}".`,
        "Use one of published-desc, published-asc, ingested-asc, ingested-desc.",
      );
  }
}

function checkCount(name: string, n: number | undefined): void {
  if (n !== undefined && !(Number.isInteger(n) && n >= 0)) {
    throw new ParallaxError("E_STORE_ARG", `${name} must be a non-negative integer, got ${String(n)}.`, `Pass a whole number for ${name}.`);
  }
}

function sourceOf(r: Row): Article["source"] {
  const s: Article["source"] = { format: r.source_format };
  if (r.source_path !== null) s.path = r.source_path;
  if (r.source_index !== null) s.index = r.source_index;
  if (r.external_id !== null) s.externalId = r.external_id;
  return s;
}

/** Rebuilds a Diagnostic from a row, with only the fields that were set. */
function diagnosticOf(r: Row): Diagnostic {
  const d: Diagnostic = { code: r.code, severity: r.severity as Severity, message: r.message };
  if (r.stage !== null) d.stage = r.stage;
  if (r.span_start !== null && r.span_end !== null) d.span = { start: r.span_start, end: r.span_end };
  if (r.span_on !== null) d.on = r.span_on;
  if (r.text !== null) d.text = r.text;
  return d;
}

function diagnosticParams(d: Diagnostic): unknown[] {
  return [d.code, d.severity, d.message, d.stage ?? null, d.span?.start ?? null, d.span?.end ?? null, d.on ?? null, d.text ?? null];
}

function checkDiagnostic(d: Diagnostic | undefined, what: string): void {
  if (!d || typeof d.code !== "string" || typeof d.message !== "string" || typeof d.severity !== "string") {
    throw new ParallaxError("E_STORE_ARG", `${what} needs a diagnostic with code, severity and message.`, "Pass a Diagnostic from src/model.ts.");
  }
}

class SqliteStore implements Store {
  private readonly statements = new Map<string, Database.Statement>();
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly readonly: boolean,
  ) {}

  /** A prepared statement, cached by its SQL text. */
  private st(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Runs a write in a transaction, refusing on a read-only store. */
  private write<T>(what: string, fn: () => T): T {
    if (this.readonly) {
      throw new ParallaxError("E_DB_READONLY", `Cannot ${what}: the database was opened read-only.`, "Open the store without { readonly: true } to write.");
    }
    return this.db.transaction(fn)();
  }

  private requireArticles(ids: Iterable<string>, what: string): void {
    for (const id of new Set(ids)) {
      if (!this.st("SELECT 1 FROM articles WHERE id = ?").get(id)) {
        throw new ParallaxError("E_STORE_UNKNOWN_ARTICLE", `Cannot ${what}: article "${id}" is not in the store.`, "Put the article first (ingest it), or drop the reference.");
      }
    }
  }

  putArticle(a: Article): PutArticleResult {
    if (!a || typeof a.id !== "string" || a.id === "" || typeof a.text !== "string" || typeof a.raw !== "string" || !a.source?.format) {
      throw new ParallaxError("E_STORE_ARG", "putArticle needs an Article with id, raw, text and source.format.", "Build the article with the ingest stage.");
    }
    const hash = rowHash(a);
    return this.write("store an article", () => {
      const now = new Date().toISOString();
      const existing = this.st("SELECT seq, row_hash, source_path, source_index FROM articles WHERE id = ?").get(a.id) as Row | undefined;
      const result: PutArticleResult = { id: a.id, inserted: false };
      const path = a.source.path;
      const idx = a.source.index ?? WHOLE_FILE_INDEX;
      if (!existing) {
        this.insertArticle(a, hash, now);
        result.inserted = true;
      } else if (existing.row_hash !== hash) {
        const sameLocation = path === undefined || (existing.source_path === path && (existing.source_index ?? WHOLE_FILE_INDEX) === idx);
        // Another location holding identical content keeps the first location's copy.
        if (sameLocation) {
          this.updateArticle(a, hash, now);
          result.updated = true;
        }
      }
      if (path !== undefined) {
        const prev = this.st("SELECT article_id FROM article_sources WHERE path = ? AND idx = ?").get(path, idx) as Row | undefined;
        this.st("INSERT OR REPLACE INTO article_sources (path, idx, article_id) VALUES (?, ?, ?)").run(path, idx, a.id);
        if (prev && prev.article_id !== a.id) {
          const stillSourced = this.st("SELECT 1 FROM article_sources WHERE article_id = ?").get(prev.article_id);
          if (!stillSourced) {
            this.st("DELETE FROM articles WHERE id = ?").run(prev.article_id);
            result.replaced = [prev.article_id];
          }
        }
        this.st("DELETE FROM failures WHERE path = ? AND coalesce(idx, -1) = ?").run(path, idx);
      }
      return result;
    });
  }

  private insertArticle(a: Article, hash: string, now: string): void {
    const m = a.meta ?? {};
    this.st(
      `INSERT INTO articles (id, title, published, outlet, url, source_path, source_format, source_index, external_id,
         raw, text, text_length, meta_json, offsets_json, row_hash, ingested_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.id, m.title ?? null, m.published ?? null, m.outlet ?? null, m.url ?? null,
      a.source.path ?? null, a.source.format, a.source.index ?? null, a.source.externalId ?? null,
      a.raw, a.text, a.text.length, JSON.stringify(m), a.offsets ? JSON.stringify(a.offsets) : null, hash, now, now,
    );
    this.insertDiagnostics(a);
  }

  private updateArticle(a: Article, hash: string, now: string): void {
    const m = a.meta ?? {};
    const old = this.st("SELECT text, title, published, outlet, meta_json FROM articles WHERE id = ?").get(a.id) as Row;
    const oldMeta = JSON.parse(old.meta_json) as Article["meta"];
    // What the linker's state is computed from (a note such as meta.impliedDate leaves it valid).
    const linkInputChanged =
      old.text !== a.text || old.title !== (m.title ?? null) || old.published !== (m.published ?? null) || old.outlet !== (m.outlet ?? null) ||
      JSON.stringify(oldMeta.dateline ?? null) !== JSON.stringify(m.dateline ?? null);
    this.st(
      `UPDATE articles SET title = ?, published = ?, outlet = ?, url = ?, source_path = ?, source_format = ?, source_index = ?,
         external_id = ?, raw = ?, text = ?, text_length = ?, meta_json = ?, offsets_json = ?, row_hash = ?, updated_at = ?
       WHERE id = ?`,
    ).run(
      m.title ?? null, m.published ?? null, m.outlet ?? null, m.url ?? null,
      a.source.path ?? null, a.source.format, a.source.index ?? null, a.source.externalId ?? null,
      a.raw, a.text, a.text.length, JSON.stringify(m), a.offsets ? JSON.stringify(a.offsets) : null, hash, now, a.id,
    );
    this.st("DELETE FROM diagnostics WHERE article_id = ?").run(a.id);
    this.insertDiagnostics(a);
    // The linker's state was computed from the old text and metadata: the next link run redoes it.
    if (linkInputChanged) this.st("DELETE FROM link_docs WHERE article_id = ?").run(a.id);
  }

  private insertDiagnostics(a: Article): void {
    const ins = this.st(
      "INSERT INTO diagnostics (article_id, ord, code, severity, message, stage, span_start, span_end, span_on, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    (a.diagnostics ?? []).forEach((d, i) => ins.run(a.id, i, ...diagnosticParams(d)));
  }

  getArticle(id: string): Article | undefined {
    const r = this.st("SELECT * FROM articles WHERE id = ?").get(id) as Row | undefined;
    if (!r) return undefined;
    const diagnostics = (this.st("SELECT * FROM diagnostics WHERE article_id = ? ORDER BY ord").all(id) as Row[]).map(diagnosticOf);
    const a: Article = { id: r.id, source: sourceOf(r), raw: r.raw, text: r.text, meta: JSON.parse(r.meta_json), diagnostics };
    if (r.offsets_json !== null) a.offsets = JSON.parse(r.offsets_json);
    return a;
  }

  getArticles(ids: readonly string[]): Article[] {
    const out: Article[] = [];
    for (const id of ids) {
      const a = this.getArticle(id);
      if (a) out.push(a);
    }
    return out;
  }

  publishedOf(ids: readonly string[]): Map<string, string | undefined> {
    const q = this.st("SELECT published FROM articles WHERE id = ?");
    const out = new Map<string, string | undefined>();
    for (const id of ids) {
      const r = q.get(id) as { published: string | null } | undefined;
      if (r) out.set(id, r.published ?? undefined);
    }
    return out;
  }

  listArticles(opts: ListArticlesOptions = {}): ArticleSummary[] {
    checkCount("limit", opts.limit);
    checkCount("offset", opts.offset);
    const rows = this.st(
      `SELECT a.id, a.title, a.published, a.outlet, a.url, a.source_path, a.source_format, a.source_index, a.external_id,
         a.text_length, a.ingested_at, n.annotator_version,
         (SELECT count(*) FROM diagnostics d WHERE d.article_id = a.id) AS diagnostic_count
       FROM articles a LEFT JOIN annotations n ON n.article_id = a.id
       ORDER BY ${orderClause(opts.order ?? "published-desc")}
       LIMIT ? OFFSET ?`,
    ).all(opts.limit ?? -1, opts.offset ?? 0) as Row[];
    return rows.map((r) => {
      const s: ArticleSummary = { id: r.id, source: sourceOf(r), chars: r.text_length, diagnosticCount: r.diagnostic_count, ingestedAt: r.ingested_at };
      if (r.title !== null) s.title = r.title;
      if (r.published !== null) s.published = r.published;
      if (r.outlet !== null) s.outlet = r.outlet;
      if (r.url !== null) s.url = r.url;
      if (r.annotator_version !== null) s.annotatorVersion = r.annotator_version;
      return s;
    });
  }

  listArticleIds(opts: { needsAnnotation?: string } = {}): string[] {
    if (opts.needsAnnotation === undefined) {
      return this.st("SELECT id FROM articles ORDER BY seq").pluck().all() as string[];
    }
    return this.st(
      `SELECT a.id FROM articles a LEFT JOIN annotations n ON n.article_id = a.id
       WHERE n.article_id IS NULL OR n.annotator_version <> ? ORDER BY a.seq`,
    ).pluck().all(opts.needsAnnotation) as string[];
  }

  countArticles(): number {
    return this.st("SELECT count(*) FROM articles").pluck().get() as number;
  }

  deleteArticle(id: string): boolean {
    return this.write("delete an article", () => this.st("DELETE FROM articles WHERE id = ?").run(id).changes > 0);
  }

  putAnnotations(articleId: string, ann: AnnotationLayers, annotatorVersion: string, opts: PutAnnotationsOptions = {}): void {
    if (typeof annotatorVersion !== "string" || annotatorVersion === "") {
      throw new ParallaxError("E_STORE_ARG", "putAnnotations needs a non-empty annotatorVersion.", "Pass the annotator's version string, e.g. \"nlp-1\".");
    }
    this.write("store annotations", () => {
      this.requireArticles([articleId], "store annotations");
      this.st(
        `INSERT OR REPLACE INTO annotations (article_id, annotator_version, sentences_json, entities_json, timexes_json,
           attributions_json, events_json, tokens_json, annotated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        articleId, annotatorVersion,
        JSON.stringify(ann.sentences ?? []), JSON.stringify(ann.entities ?? []), JSON.stringify(ann.timexes ?? []),
        JSON.stringify(ann.attributions ?? []), JSON.stringify(ann.events ?? []),
        opts.keepTokens && ann.tokens ? JSON.stringify(ann.tokens) : null,
        new Date().toISOString(),
      );
    });
  }

  getAnnotations(articleId: string): StoredAnnotations | undefined {
    const r = this.st("SELECT * FROM annotations WHERE article_id = ?").get(articleId) as Row | undefined;
    if (!r) return undefined;
    const out: StoredAnnotations = {
      annotatorVersion: r.annotator_version,
      annotatedAt: r.annotated_at,
      sentences: JSON.parse(r.sentences_json),
      entities: JSON.parse(r.entities_json),
      timexes: JSON.parse(r.timexes_json),
      attributions: JSON.parse(r.attributions_json),
      events: JSON.parse(r.events_json),
    };
    if (r.tokens_json !== null) out.tokens = JSON.parse(r.tokens_json);
    return out;
  }

  getLinkInputs(ids: readonly string[]): LinkInput[] {
    const q = this.st(
      `SELECT a.id, a.text, a.meta_json, n.annotator_version, n.sentences_json, n.entities_json
       FROM articles a LEFT JOIN annotations n ON n.article_id = a.id WHERE a.id = ?`,
    );
    const out: LinkInput[] = [];
    for (const id of ids) {
      const r = q.get(id) as Row | undefined;
      if (!r) continue;
      const item: LinkInput = { id: r.id, text: r.text, meta: JSON.parse(r.meta_json) };
      if (r.annotator_version !== null) {
        item.annotatorVersion = r.annotator_version;
        item.sentences = JSON.parse(r.sentences_json);
        item.entities = JSON.parse(r.entities_json);
      }
      out.push(item);
    }
    return out;
  }

  recordFailure(f: FailureInput): void {
    if (!f || typeof f.path !== "string") {
      throw new ParallaxError("E_STORE_ARG", "recordFailure needs the input's path.", "Pass { path, index?, diagnostic }.");
    }
    checkDiagnostic(f.diagnostic, "recordFailure");
    this.write("record a failure", () => {
      this.st("DELETE FROM failures WHERE path = ? AND coalesce(idx, -1) = ? AND code = ?").run(f.path, f.index ?? WHOLE_FILE_INDEX, f.diagnostic.code);
      this.st(
        `INSERT INTO failures (path, idx, code, severity, message, stage, span_start, span_end, span_on, text, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(f.path, f.index ?? null, ...diagnosticParams(f.diagnostic), new Date().toISOString());
    });
  }

  listFailures(opts: { path?: string } = {}): FailureRecord[] {
    const rows = (opts.path === undefined
      ? this.st("SELECT * FROM failures ORDER BY seq").all()
      : this.st("SELECT * FROM failures WHERE path = ? ORDER BY seq").all(opts.path)) as Row[];
    return rows.map((r) => {
      const f: FailureRecord = { path: r.path, diagnostic: diagnosticOf(r), recordedAt: r.recorded_at };
      if (r.idx !== null) f.index = r.idx;
      return f;
    });
  }

  clearFailures(path?: string): number {
    return this.write("clear failures", () =>
      path === undefined ? this.st("DELETE FROM failures").run().changes : this.st("DELETE FROM failures WHERE path = ?").run(path).changes,
    );
  }

  diagnosticCounts(): DiagnosticCount[] {
    return this.st("SELECT code, severity, count(*) AS count FROM diagnostics GROUP BY code, severity ORDER BY count DESC, code").all() as DiagnosticCount[];
  }

  putRelations(rel: readonly HeldRelation[], opts: { replaceAll?: boolean } = {}): void {
    this.write("store relations", () => {
      this.requireArticles(rel.flatMap((r) => [r.from, r.to]), "store relations");
      if (opts.replaceAll) this.st("DELETE FROM relations").run();
      const ins = this.st("INSERT OR REPLACE INTO relations (from_id, to_id, kind, score, reason, detail_json) VALUES (?, ?, ?, ?, ?, ?)");
      for (const r of rel) {
        // evidence as spans (text read back from the articles); relations pointing elsewhere as given
        const h = isSpanRelation(r) ? r : toSpans(r);
        const detail = isSpanRelation(h) ? h.spans : JSON.stringify({ alignments: h.alignments ?? [], additions: h.additions ?? [] });
        ins.run(r.from, r.to, r.kind, r.score, r.reason, detail);
      }
    });
  }

  listRelations(articleId?: string): ArticleRelation[] {
    const rows = (articleId === undefined
      ? this.st("SELECT * FROM relations ORDER BY from_id, to_id, kind").all()
      : this.st("SELECT * FROM relations WHERE from_id = ? OR to_id = ? ORDER BY from_id, to_id, kind").all(articleId, articleId)) as Row[];
    const texts = new Map<string, string>();
    const textOf = (id: string): string => {
      let t = texts.get(id);
      if (t === undefined) texts.set(id, (t = (this.st("SELECT text FROM articles WHERE id = ?").pluck().get(id) as string | undefined) ?? ""));
      return t;
    };
    return rows.map((r) => {
      const base = { kind: r.kind, from: r.from_id, to: r.to_id, score: r.score, reason: r.reason };
      // spans ({a, d}) are read back as they were stored; the earlier full form is parsed
      if (r.detail_json.startsWith('{"a":')) return withText({ ...base, spans: r.detail_json }, textOf);
      const d = JSON.parse(r.detail_json) as Pick<ArticleRelation, "alignments" | "additions">;
      return { ...base, alignments: d.alignments, additions: d.additions };
    });
  }

  replaceStories(stories: readonly StoryInput[]): void {
    checkStories(stories);
    this.write("store stories", () => {
      this.requireArticles(stories.flatMap((s) => s.articleIds), "store stories");
      this.st("DELETE FROM stories").run();
      const now = new Date().toISOString();
      const insStory = this.st("INSERT INTO stories (id, ord, headline, json, updated_at) VALUES (?, ?, ?, ?, ?)");
      const insMember = this.st("INSERT OR IGNORE INTO story_articles (story_id, article_id, ord) VALUES (?, ?, ?)");
      stories.forEach((s, i) => {
        insStory.run(s.id, i, s.headline, JSON.stringify(s.json ?? null), now);
        s.articleIds.forEach((aid, j) => insMember.run(s.id, aid, j));
      });
    });
  }

  putStories(stories: readonly StoryInput[], opts: { remove?: readonly string[] } = {}): void {
    checkStories(stories);
    this.write("store stories", () => {
      this.requireArticles(stories.flatMap((s) => s.articleIds), "store stories");
      const del = this.st("DELETE FROM stories WHERE id = ?");
      for (const id of opts.remove ?? []) del.run(id);
      const now = new Date().toISOString();
      const insStory = this.st("INSERT OR REPLACE INTO stories (id, ord, headline, json, updated_at) VALUES (?, ?, ?, ?, ?)");
      const delMembers = this.st("DELETE FROM story_articles WHERE story_id = ?");
      const insMember = this.st("INSERT OR IGNORE INTO story_articles (story_id, article_id, ord) VALUES (?, ?, ?)");
      for (const s of stories) {
        // ord sorts ascending: a higher rank lists first
        insStory.run(s.id, -(s.rank ?? 0), s.headline, JSON.stringify(s.json ?? null), now);
        delMembers.run(s.id);
        s.articleIds.forEach((aid, j) => insMember.run(s.id, aid, j));
      }
    });
  }

  listLinkDocs(opts: { stories?: readonly string[] } = {}): Iterable<LinkDocRow> {
    let rows: IterableIterator<Row>;
    if (opts.stories) {
      this.db.exec("CREATE TEMP TABLE IF NOT EXISTS wanted_stories (story TEXT PRIMARY KEY) WITHOUT ROWID");
      this.db.exec("DELETE FROM temp.wanted_stories");
      const ins = this.db.prepare("INSERT OR IGNORE INTO temp.wanted_stories (story) VALUES (?)");
      this.db.transaction(() => opts.stories!.forEach((s) => ins.run(s)))();
      rows = this.db.prepare("SELECT l.* FROM link_docs l JOIN temp.wanted_stories w ON w.story = l.story ORDER BY l.seq").iterate() as IterableIterator<Row>;
    } else {
      rows = this.db.prepare("SELECT * FROM link_docs ORDER BY seq").iterate() as IterableIterator<Row>;
    }
    return (function* () {
      for (const r of rows) {
        const row: LinkDocRow = {
          articleId: r.article_id,
          story: r.story,
          event: r.event,
          tids: new Int32Array(copyBuffer(r.tids)),
          tw: new Float64Array(copyBuffer(r.tw)),
          sig: new Int32Array(copyBuffer(r.sig)),
          shingles: r.shingles,
          dupRoot: r.dup_root,
          exactKey: r.exact_key,
        };
        if (r.day !== null) row.day = r.day;
        if (r.event_days !== null) row.eventDays = JSON.parse(r.event_days);
        yield row;
      }
    })();
  }

  *listDupEntries(): Iterable<{ id: string; sig: Int32Array; size: number; root: string; exactKey: string }> {
    const rows = this.db.prepare("SELECT article_id, sig, shingles, dup_root, exact_key FROM link_docs ORDER BY seq").iterate() as IterableIterator<Row>;
    for (const r of rows) yield { id: r.article_id, sig: new Int32Array(copyBuffer(r.sig)), size: r.shingles, root: r.dup_root, exactKey: r.exact_key };
  }

  linkStoryDays(): { story: string; minDay?: number; maxDay?: number }[] {
    return (this.st("SELECT story, min(day) AS lo, max(day) AS hi FROM link_docs GROUP BY story").all() as Row[]).map((r) => {
      const out: { story: string; minDay?: number; maxDay?: number } = { story: r.story };
      if (r.lo !== null) [out.minDay, out.maxDay] = [r.lo, r.hi];
      return out;
    });
  }

  putLinkDocs(rows: readonly LinkDocRow[]): void {
    this.write("store link state", () => {
      this.requireArticles(rows.map((r) => r.articleId), "store link state");
      const up = this.st(
        `INSERT INTO link_docs (article_id, story, event, day, event_days, tids, tw, sig, shingles, dup_root, exact_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(article_id) DO UPDATE SET story = excluded.story, event = excluded.event, day = excluded.day,
           event_days = excluded.event_days, tids = excluded.tids, tw = excluded.tw, sig = excluded.sig,
           shingles = excluded.shingles, dup_root = excluded.dup_root, exact_key = excluded.exact_key`,
      );
      for (const r of rows) {
        up.run(r.articleId, r.story, r.event, r.day ?? null, r.eventDays ? JSON.stringify(r.eventDays) : null, bytes(r.tids), bytes(r.tw), bytes(r.sig), r.shingles, r.dupRoot, r.exactKey);
      }
    });
  }

  listUnlinkedIds(): string[] {
    return this.st("SELECT a.id FROM articles a LEFT JOIN link_docs l ON l.article_id = a.id WHERE l.article_id IS NULL ORDER BY a.seq").pluck().all() as string[];
  }

  linkTerms(): { terms: string[]; df: Int32Array } {
    const rows = this.st("SELECT term, df FROM link_terms ORDER BY id").raw().all() as [string, number][];
    this.st("SELECT term, df FROM link_terms ORDER BY id").raw(false);
    const df = new Int32Array(rows.length);
    const terms = rows.map(([t, n], i) => {
      df[i] = n;
      return t;
    });
    return { terms, df };
  }

  putLinkTerms(from: number, terms: readonly string[], df: Iterable<[number, number]>): void {
    this.write("store link terms", () => {
      const size = this.st("SELECT count(*) FROM link_terms").pluck().get() as number;
      if (size !== from) throw new ParallaxError("E_LINK_STATE", `The link term dictionary holds ${size} terms, not ${from}.`, "Re-link from scratch (`parallax relink`).");
      const ins = this.st("INSERT INTO link_terms (id, term, df) VALUES (?, ?, 0)");
      terms.forEach((t, i) => ins.run(from + i, t));
      const up = this.st("UPDATE link_terms SET df = ? WHERE id = ?");
      for (const [id, n] of df) up.run(n, id);
    });
  }

  clearLinkState(): void {
    this.write("clear link state", () => {
      this.st("DELETE FROM link_docs").run();
      this.st("DELETE FROM link_terms").run();
    });
  }

  private membersOf(storyId: string): string[] {
    return this.st("SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY ord").pluck().all(storyId) as string[];
  }

  countStories(): number {
    return this.st("SELECT count(*) FROM stories").pluck().get() as number;
  }

  listStories(): StorySummary[] {
    const members = new Map<string, string[]>();
    for (const r of this.st("SELECT story_id, article_id FROM story_articles ORDER BY story_id, ord").all() as Row[]) {
      const list = members.get(r.story_id) ?? [];
      list.push(r.article_id);
      members.set(r.story_id, list);
    }
    // a story's report can be megabytes: the few fields a listing needs are read by SQLite, not parsed here
    const rows = this.st(
      `SELECT id, headline, updated_at, json_extract(json, '$.independentSources') AS sources,
              json_extract(json, '$.period.from') AS period_from, json_extract(json, '$.period.to') AS period_to
       FROM stories ORDER BY ord, id`,
    ).all() as Row[];
    return rows.map((r) => {
      const s: StorySummary = { id: r.id, headline: r.headline, articleIds: members.get(r.id) ?? [], updatedAt: r.updated_at };
      if (typeof r.sources === "number") s.independentSources = r.sources;
      if (r.period_from !== null || r.period_to !== null) s.period = { from: r.period_from ?? undefined, to: r.period_to ?? undefined };
      return s;
    });
  }

  getStory(id: string): StoryRecord | undefined {
    const r = this.st("SELECT id, headline, json, updated_at FROM stories WHERE id = ?").get(id) as Row | undefined;
    if (!r) return undefined;
    return { id: r.id, headline: r.headline, articleIds: this.membersOf(id), updatedAt: r.updated_at, json: JSON.parse(r.json) };
  }

  storiesOfArticle(articleId: string): string[] {
    return this.st(
      "SELECT sa.story_id FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ? ORDER BY s.ord, s.id",
    ).pluck().all(articleId) as string[];
  }

  search(query: string, limit = DEFAULT_SEARCH_LIMIT, opts: SearchOptions = {}): SearchHit[] {
    checkCount("limit", limit);
    const match = toFtsQuery(String(query ?? ""));
    if (match === undefined || limit === 0) return [];
    const [open, close] = opts.mark ?? DEFAULT_MARK;
    let rows: Row[];
    try {
      rows = this.st(
        `SELECT a.id, a.title, snippet(articles_fts, -1, ?, ?, ?, ${SNIPPET_TOKENS}) AS snippet,
           bm25(articles_fts, ${TITLE_WEIGHT}, ${TEXT_WEIGHT}) AS score
         FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
         WHERE articles_fts MATCH ? ORDER BY score LIMIT ?`,
      ).all(open, close, SNIPPET_ELLIPSIS, match, Math.min(limit, MAX_SEARCH_LIMIT)) as Row[];
    } catch (err) {
      // toFtsQuery emits only string literals, so this is a safety net, not a code path.
      if (err instanceof Error && /fts5|syntax/i.test(err.message)) return [];
      throw err;
    }
    return rows.map((r) => {
      const hit: SearchHit = { id: r.id, snippet: r.snippet ?? "", rank: -r.score };
      if (r.title !== null) hit.title = r.title;
      return hit;
    });
  }

  getMeta<T = unknown>(key: string): T | undefined {
    const v = this.st("SELECT value FROM meta WHERE key = ?").pluck().get(key) as string | undefined;
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }

  setMeta(key: string, value: unknown): void {
    this.write("set pipeline state", () => {
      if (value === undefined) this.st("DELETE FROM meta WHERE key = ?").run(key);
      else this.st("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").run(key, JSON.stringify(value));
    });
  }

  transaction<T>(fn: () => T): T {
    if (fn.constructor.name === "AsyncFunction") {
      throw new ParallaxError("E_STORE_ARG", "transaction() needs a synchronous function.", "Do async work (reading files) before or after the transaction.");
    }
    return this.db.transaction(fn)();
  }

  schemaVersion(): number {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.readonly) this.db.pragma("optimize");
    this.db.close();
  }
}

function checkStories(stories: readonly StoryInput[]): void {
  const seen = new Set<string>();
  for (const s of stories) {
    if (typeof s.id !== "string" || s.id === "" || typeof s.headline !== "string" || !Array.isArray(s.articleIds)) {
      throw new ParallaxError("E_STORE_ARG", "Each story needs an id, a headline and articleIds.", "Pass { id, headline, articleIds, json }.");
    }
    if (seen.has(s.id)) throw new ParallaxError("E_STORE_ARG", `Story id "${s.id}" appears twice.`, "Give every story a unique id.");
    seen.add(s.id);
  }
}

/** A typed array's bytes as a Buffer (no copy), for a BLOB column. */
function bytes(a: Int32Array | Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** A BLOB's bytes in a fresh, aligned ArrayBuffer (typed arrays need alignment; Buffers are pooled). */
function copyBuffer(b: Buffer): ArrayBuffer {
  const out = new ArrayBuffer(b.byteLength);
  new Uint8Array(out).set(b);
  return out;
}

