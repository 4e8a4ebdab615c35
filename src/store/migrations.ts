/**
 * The SQLite schema as numbered migrations. Each migration runs once, in a transaction,
 * and bumps `PRAGMA user_version`; a row in `schema_version` records when it ran.
 * Never edit a released migration: add a new one with the next number.
 */

/** One schema step. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Marks a SQLite file as a Parallax database (`PRAGMA application_id`), so that an
 * unrelated SQLite file is refused instead of being written into. ASCII "PrLx".
 */
export const PARALLAX_APPLICATION_ID = 0x50724c78;

/** The schema, oldest first. Versions are 1, 2, 3, ... without gaps. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "initial schema",
    sql: `
CREATE TABLE schema_version (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
);

-- One row per article. seq is the FTS rowid and the ingestion order; id is the content hash.
CREATE TABLE articles (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  title         TEXT,
  published     TEXT,
  outlet        TEXT,
  url           TEXT,
  source_path   TEXT,
  source_format TEXT NOT NULL,
  source_index  INTEGER,
  external_id   TEXT,
  raw           TEXT NOT NULL,
  text          TEXT NOT NULL,
  text_length   INTEGER NOT NULL,
  meta_json     TEXT NOT NULL,
  offsets_json  TEXT,
  row_hash      TEXT NOT NULL,
  ingested_at   TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
-- Where each article was read from. A location (path, idx; idx -1 = whole file) holds one
-- article; one article may sit at several locations (identical copies). The articles.source_*
-- columns keep the first location seen, which is what getArticle returns.
CREATE TABLE article_sources (
  path       TEXT NOT NULL,
  idx        INTEGER NOT NULL,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (path, idx)
) WITHOUT ROWID;
CREATE INDEX article_sources_article ON article_sources(article_id);
CREATE INDEX articles_published ON articles(published, seq);
CREATE INDEX articles_external ON articles(external_id) WHERE external_id IS NOT NULL;

CREATE TABLE diagnostics (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord        INTEGER NOT NULL,
  code       TEXT NOT NULL,
  severity   TEXT NOT NULL,
  message    TEXT NOT NULL,
  stage      TEXT,
  span_start INTEGER,
  span_end   INTEGER,
  span_on    TEXT,
  text       TEXT,
  PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
CREATE INDEX diagnostics_code ON diagnostics(code, severity);

CREATE TABLE annotations (
  article_id        TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  annotator_version TEXT NOT NULL,
  sentences_json    TEXT NOT NULL,
  entities_json     TEXT NOT NULL,
  timexes_json      TEXT NOT NULL,
  attributions_json TEXT NOT NULL,
  events_json       TEXT NOT NULL,
  tokens_json       TEXT,
  annotated_at      TEXT NOT NULL
);
CREATE INDEX annotations_version ON annotations(annotator_version);

CREATE TABLE relations (
  from_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  to_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  score       REAL NOT NULL,
  reason      TEXT NOT NULL,
  detail_json TEXT NOT NULL,
  PRIMARY KEY (from_id, to_id, kind)
) WITHOUT ROWID;
CREATE INDEX relations_to ON relations(to_id);

CREATE TABLE stories (
  id         TEXT PRIMARY KEY,
  ord        INTEGER NOT NULL,
  headline   TEXT NOT NULL,
  json       TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE story_articles (
  story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord        INTEGER NOT NULL,
  PRIMARY KEY (story_id, article_id)
) WITHOUT ROWID;
CREATE INDEX story_articles_article ON story_articles(article_id);

-- Inputs that produced no article, and why.
CREATE TABLE failures (
  seq         INTEGER PRIMARY KEY,
  path        TEXT NOT NULL,
  idx         INTEGER,
  code        TEXT NOT NULL,
  severity    TEXT NOT NULL,
  message     TEXT NOT NULL,
  stage       TEXT,
  span_start  INTEGER,
  span_end    INTEGER,
  span_on     TEXT,
  text        TEXT,
  recorded_at TEXT NOT NULL
);
CREATE UNIQUE INDEX failures_key ON failures(path, coalesce(idx, -1), code);

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Full-text index over title + text, kept in sync with articles by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text,
  content = 'articles', content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
`,
  },
  {
    version: 2,
    name: "incremental link state",
    sql: `
-- The linker's state per article, so a later run links only new articles: the clusterer's term
-- vector (ids into link_terms), story and event, and the duplicate index's MinHash signature.
-- seq keeps the order in which articles were first linked (the clusterer is restored in it).
CREATE TABLE link_docs (
  seq        INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
  story      TEXT NOT NULL,
  event      TEXT NOT NULL,
  day        INTEGER,
  event_days TEXT,
  tids       BLOB NOT NULL,
  tw         BLOB NOT NULL,
  sig        BLOB NOT NULL,
  shingles   INTEGER NOT NULL,
  dup_root   TEXT NOT NULL,
  exact_key  TEXT NOT NULL
);
CREATE INDEX link_docs_story ON link_docs(story);
-- The clusterer's term dictionary (id -> term, append-only) with each term's document frequency.
CREATE TABLE link_terms (
  id   INTEGER PRIMARY KEY,
  term TEXT NOT NULL,
  df   INTEGER NOT NULL
);
`,
  },
];

/** The newest schema version this code knows. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
