import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ParallaxError } from "../errors.js";
import type { ArticleRelation, Entity, Sentence, Token } from "../model.js";
import { makeArticle, REUTERS_TEXT, REUTERS_TITLE, XINHUA_TEXT, XINHUA_TITLE } from "../../test/fixtures/store/articles.js";
import { LATEST_SCHEMA_VERSION, PARALLAX_APPLICATION_ID } from "./migrations.js";
import { openSqliteStore } from "./sqlite.js";
import type { Store } from "./store.js";

let dir: string;
let store: Store | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "parallax-store-"));
});
afterEach(() => {
  store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Runs fn and returns the ParallaxError it throws (fails if it throws nothing or something else). */
function parallaxErrorOf(fn: () => unknown): ParallaxError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ParallaxError);
    return err as ParallaxError;
  }
  throw new Error("expected a ParallaxError");
}

const reuters = () =>
  makeArticle(REUTERS_TEXT, {
    title: REUTERS_TITLE,
    published: "2023-10-20",
    source: { path: "corpus/003.txt", format: "txt" },
    diagnostics: [
      { code: "clean/breadcrumb", severity: "info", message: "removed a breadcrumb line", stage: "clean", span: { start: 0, end: 5 }, on: "raw", text: "Home " },
      { code: "meta/no-author", severity: "warning", message: "no author found" },
    ],
  });
const xinhua = () => makeArticle(XINHUA_TEXT, { title: XINHUA_TITLE, published: "2023-10-19", source: { path: "corpus/000.txt", format: "txt" } });

describe("articles", () => {
  it("round-trips an article exactly, diagnostics included", () => {
    store = openSqliteStore(":memory:");
    const a = reuters();
    expect(store.putArticle(a)).toEqual({ id: a.id, inserted: true });
    expect(store.getArticle(a.id)).toEqual(a);
    expect(store.getArticle("nope")).toBeUndefined();
  });

  it("is idempotent on id: the same article twice is one row", () => {
    store = openSqliteStore(":memory:");
    const a = reuters();
    store.putArticle(a);
    expect(store.putArticle(reuters())).toEqual({ id: a.id, inserted: false });
    expect(store.countArticles()).toBe(1);
    expect(store.search("envoy")).toHaveLength(1);
  });

  it("updates metadata in place when the same id comes back from the same place with new metadata", () => {
    store = openSqliteStore(":memory:");
    const a = reuters();
    store.putArticle(a);
    const better = { ...a, meta: { ...a.meta, outlet: "Reuters" }, diagnostics: [] };
    expect(store.putArticle(better)).toEqual({ id: a.id, inserted: false, updated: true });
    expect(store.getArticle(a.id)).toEqual(better);
    expect(store.listArticles()[0]).toMatchObject({ outlet: "Reuters", diagnosticCount: 0 });
  });

  it("replaces the old article when a changed file is re-ingested at the same (path, index)", () => {
    store = openSqliteStore(":memory:");
    const v1 = makeArticle("Zhai Jun met Bogdanov in Doha.", { source: { path: "feed.jsonl", format: "jsonl", index: 3 } });
    const v2 = makeArticle("Zhai Jun met Mikhail Bogdanov in Doha on Thursday.", { source: { path: "feed.jsonl", format: "jsonl", index: 3 } });
    const other = makeArticle("Another line of the same file.", { source: { path: "feed.jsonl", format: "jsonl", index: 4 } });
    store.putArticle(v1);
    store.putArticle(other);
    store.putAnnotations(v1.id, { sentences: [], entities: [], timexes: [], attributions: [], events: [] }, "t1");
    store.putRelations([{ kind: "duplicate", from: other.id, to: v1.id, score: 0.9, reason: "test", alignments: [], additions: [] }]);
    expect(store.putArticle(v2)).toEqual({ id: v2.id, inserted: true, replaced: [v1.id] });
    expect(store.getArticle(v1.id)).toBeUndefined();
    expect(store.getAnnotations(v1.id)).toBeUndefined();
    expect(store.listRelations()).toEqual([]);
    expect(store.listArticleIds()).toEqual([other.id, v2.id]);
    expect(store.search("Bogdanov").map((h) => h.id)).toEqual([v2.id]);
  });

  it("keeps an article that another location still holds (identical copies)", () => {
    store = openSqliteStore(":memory:");
    const text = "Identical wire copy about Doha talks.";
    const inA = makeArticle(text, { source: { path: "a.txt", format: "txt" } });
    const inB = makeArticle(text, { source: { path: "b.txt", format: "txt" } });
    store.putArticle(inA);
    expect(store.putArticle(inB)).toEqual({ id: inA.id, inserted: false });
    expect(store.getArticle(inA.id)?.source.path).toBe("a.txt");
    // a.txt changes: the shared article stays, because b.txt still holds it.
    const edited = makeArticle("Edited copy about Doha talks.", { source: { path: "a.txt", format: "txt" } });
    expect(store.putArticle(edited)).toEqual({ id: edited.id, inserted: true });
    expect(store.getArticle(inA.id)).toBeDefined();
    expect(store.countArticles()).toBe(2);
  });

  it("lists summaries by published date (undated last) and pages", () => {
    store = openSqliteStore(":memory:");
    const undated = makeArticle("No date here.", { source: { path: "u.txt", format: "txt" } });
    store.putArticle(reuters());
    store.putArticle(undated);
    store.putArticle(xinhua());
    const all = store.listArticles();
    expect(all.map((s) => s.published)).toEqual(["2023-10-20", "2023-10-19", undefined]);
    expect(all[0]).toMatchObject({ title: REUTERS_TITLE, chars: REUTERS_TEXT.length, diagnosticCount: 2, source: { path: "corpus/003.txt", format: "txt" } });
    expect(store.listArticles({ order: "published-asc" }).map((s) => s.published)).toEqual(["2023-10-19", "2023-10-20", undefined]);
    expect(store.listArticles({ order: "ingested-asc", limit: 1, offset: 1 }).map((s) => s.id)).toEqual([undated.id]);
    expect(parallaxErrorOf(() => store!.listArticles({ limit: -1 })).code).toBe("E_STORE_ARG");
  });

  it("deletes an article with everything attached", () => {
    store = openSqliteStore(":memory:");
    const a = reuters();
    store.putArticle(a);
    expect(store.deleteArticle(a.id)).toBe(true);
    expect(store.deleteArticle(a.id)).toBe(false);
    expect(store.diagnosticCounts()).toEqual([]);
    expect(store.search("envoy")).toEqual([]);
  });
});

describe("annotations", () => {
  const text = REUTERS_TEXT;
  const sentence: Sentence = { start: 0, end: text.indexOf(".") + 1, tokenStart: 0, tokenEnd: 1 };
  const zhaiStart = text.indexOf("Zhai Jun");
  const entity: Entity = { id: "e1", type: "PERSON", start: zhaiStart, end: zhaiStart + 8, text: "Zhai Jun", mention: "name" };
  const token: Token = { start: 0, end: 7, text: "BEIJING", pos: "PROPN", norm: "beijing", sentence: 0 };

  it("round-trips the layers (tokens only on request) and tracks the annotator version", () => {
    store = openSqliteStore(":memory:");
    const a = reuters();
    store.putArticle(a);
    expect(store.listArticleIds({ needsAnnotation: "v1" })).toEqual([a.id]);
    store.putAnnotations(a.id, { sentences: [sentence], tokens: [token], entities: [entity], timexes: [], attributions: [], events: [] }, "v1");
    const got = store.getAnnotations(a.id)!;
    expect(got).toMatchObject({ annotatorVersion: "v1", sentences: [sentence], entities: [entity], timexes: [], attributions: [], events: [] });
    expect(got.tokens).toBeUndefined();
    const stored = store.getArticle(a.id)!;
    for (const e of got.entities) expect(stored.text.slice(e.start, e.end)).toBe(e.text);
    expect(store.listArticleIds({ needsAnnotation: "v1" })).toEqual([]);
    expect(store.listArticleIds({ needsAnnotation: "v2" })).toEqual([a.id]);
    expect(store.listArticles()[0].annotatorVersion).toBe("v1");

    store.putAnnotations(a.id, { sentences: [sentence], tokens: [token], entities: [], timexes: [], attributions: [], events: [] }, "v2", { keepTokens: true });
    expect(store.getAnnotations(a.id)).toMatchObject({ annotatorVersion: "v2", tokens: [token], entities: [] });
  });

  it("gives linking the text, metadata, sentences and entities alone, in the order asked", () => {
    store = openSqliteStore(":memory:");
    const a = reuters();
    store.putArticle(a);
    expect(store.getLinkInputs([a.id, "missing"])).toEqual([{ id: a.id, text: a.text, meta: a.meta }]); // not annotated yet
    store.putAnnotations(a.id, { sentences: [sentence], tokens: [token], entities: [entity], timexes: [], attributions: [], events: [] }, "v1");
    const [got] = store.getLinkInputs([a.id]);
    expect(got).toEqual({ id: a.id, text: a.text, meta: a.meta, annotatorVersion: "v1", sentences: [sentence], entities: [entity] });
  });

  it("refuses annotations for an unknown article", () => {
    store = openSqliteStore(":memory:");
    const err = parallaxErrorOf(() => store!.putAnnotations("missing", { sentences: [], entities: [], timexes: [], attributions: [], events: [] }, "v1"));
    expect(err.code).toBe("E_STORE_UNKNOWN_ARTICLE");
    expect(err.message).toContain("missing");
  });
});

describe("failures", () => {
  it("stores why an input produced no article, dedupes re-runs and clears on success", () => {
    store = openSqliteStore(":memory:");
    const binary = { code: "ingest/binary", severity: "error" as const, message: "file looks binary (NUL bytes)", stage: "ingest" };
    store.recordFailure({ path: "in/photo.jpg", diagnostic: binary });
    store.recordFailure({ path: "in/feed.jsonl", index: 7, diagnostic: { code: "ingest/empty", severity: "warning", message: "empty text", span: { start: 0, end: 2 }, on: "raw", text: "{}" } });
    store.recordFailure({ path: "in/photo.jpg", diagnostic: { ...binary, message: "still binary" } });
    const list = store.listFailures();
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ path: "in/feed.jsonl", index: 7, diagnostic: { code: "ingest/empty", span: { start: 0, end: 2 }, on: "raw", text: "{}" } });
    expect(list[1]).toMatchObject({ path: "in/photo.jpg", diagnostic: { code: "ingest/binary", message: "still binary", stage: "ingest" } });
    expect(list[1].index).toBeUndefined();
    expect(store.listFailures({ path: "in/photo.jpg" })).toHaveLength(1);
    // The record at feed.jsonl:7 is fixed and ingested: its failure goes.
    store.putArticle(makeArticle("Now a proper article.", { source: { path: "in/feed.jsonl", format: "jsonl", index: 7 } }));
    expect(store.listFailures().map((f) => f.path)).toEqual(["in/photo.jpg"]);
    expect(store.clearFailures()).toBe(1);
    expect(parallaxErrorOf(() => store!.recordFailure({ path: "x", diagnostic: undefined as never })).code).toBe("E_STORE_ARG");
  });

  it("counts stored article diagnostics by code", () => {
    store = openSqliteStore(":memory:");
    store.putArticle(reuters());
    store.putArticle(makeArticle("Another.", { source: { path: "b.txt", format: "txt" }, diagnostics: [{ code: "meta/no-author", severity: "warning", message: "no author" }] }));
    expect(store.diagnosticCounts()).toEqual([
      { code: "meta/no-author", severity: "warning", count: 2 },
      { code: "clean/breadcrumb", severity: "info", count: 1 },
    ]);
  });
});

describe("relations and stories", () => {
  it("round-trips relations and lists them by either article", () => {
    store = openSqliteStore(":memory:");
    const a = reuters();
    const b = xinhua();
    const c = makeArticle("Third article.", { source: { path: "c.txt", format: "txt" } });
    for (const x of [a, b, c]) store.putArticle(x);
    const rel: ArticleRelation = {
      kind: "rewrite",
      from: b.id,
      to: a.id,
      score: 0.72,
      reason: "wire attribution",
      alignments: [{ from: { articleId: b.id, start: 0, end: 4, text: b.text.slice(0, 4) }, to: { articleId: a.id, start: 0, end: 7, text: a.text.slice(0, 7) }, similarity: 0.5 }],
      additions: [{ articleId: b.id, start: 5, end: 8, text: b.text.slice(5, 8) }],
    };
    const dup: ArticleRelation = { kind: "duplicate", from: c.id, to: b.id, score: 0.95, reason: "earlier publication", alignments: [], additions: [] };
    store.putRelations([rel, dup]);
    expect(store.listRelations(a.id)).toEqual([rel]);
    // evidence is stored as spans, its text read back from the articles
    const stored = (store as unknown as { db: { prepare(q: string): { pluck(): { get(...a: unknown[]): string } } } }).db
      .prepare("SELECT detail_json FROM relations WHERE from_id = ?")
      .pluck()
      .get(b.id);
    expect(JSON.parse(stored)).toEqual({ a: [[0, 4, 0, 7, 0.5]], d: [[5, 8]] });
    // rows in the earlier full form still read back as written
    const full = { alignments: [{ from: { articleId: c.id, start: 0, end: 5, text: "Third" }, to: { articleId: a.id, start: 0, end: 1, text: "x" }, similarity: 1 }], additions: [] };
    (store as unknown as { db: { prepare(q: string): { run(...a: unknown[]): void } } }).db
      .prepare("INSERT INTO relations (from_id, to_id, kind, score, reason, detail_json) VALUES (?, ?, 'duplicate', 1, 'old', ?)")
      .run(c.id, a.id, JSON.stringify(full));
    expect(store.listRelations(c.id).find((r) => r.to === a.id)).toMatchObject(full);
    store.putRelations([rel, dup], { replaceAll: true });
    expect(store.listRelations(b.id)).toHaveLength(2);
    expect(store.listRelations()).toHaveLength(2);
    store.putRelations([{ ...rel, score: 0.8 }]);
    expect(store.listRelations(a.id)[0].score).toBe(0.8);
    store.putRelations([dup], { replaceAll: true });
    expect(store.listRelations()).toEqual([dup]);
    expect(parallaxErrorOf(() => store!.putRelations([{ ...dup, to: "ghost" }])).code).toBe("E_STORE_UNKNOWN_ARTICLE");
    expect(store.listRelations()).toEqual([dup]);
  });

  it("replaces, lists and gets stories with their JSON", () => {
    store = openSqliteStore(":memory:");
    const a = reuters();
    const b = xinhua();
    store.putArticle(a);
    store.putArticle(b);
    const json = { id: "s1", headline: { text: "Zhai Jun meets Bogdanov" }, independentSources: 2, period: { from: "2023-10-19", to: "2023-10-20" }, events: [{ type: "meet", date: "2023-10-19" }] };
    store.replaceStories([
      { id: "s1", headline: "Zhai Jun meets Bogdanov", articleIds: [b.id, a.id], json },
      { id: "s2", headline: "Other", articleIds: [a.id], json: { n: 2 } },
    ]);
    expect(store.listStories().map((s) => [s.id, s.articleIds])).toEqual([["s1", [b.id, a.id]], ["s2", [a.id]]]);
    // what a listing needs of the report, read without parsing it
    expect(store.listStories().map((s) => [s.independentSources, s.period])).toEqual([[2, { from: "2023-10-19", to: "2023-10-20" }], [undefined, undefined]]);
    expect(store.getStory("s1")).toMatchObject({ id: "s1", headline: "Zhai Jun meets Bogdanov", articleIds: [b.id, a.id], json });
    expect(store.storiesOfArticle(a.id)).toEqual(["s1", "s2"]);
    store.replaceStories([{ id: "s3", headline: "Only", articleIds: [b.id], json: null }]);
    expect(store.listStories().map((s) => s.id)).toEqual(["s3"]);
    expect(store.getStory("s1")).toBeUndefined();
    expect(parallaxErrorOf(() => store!.replaceStories([{ id: "x", headline: "h", articleIds: ["ghost"], json: {} }])).code).toBe("E_STORE_UNKNOWN_ARTICLE");
    expect(parallaxErrorOf(() => store!.replaceStories([{ id: "x", headline: "h", articleIds: [], json: {} }, { id: "x", headline: "h", articleIds: [], json: {} }])).code).toBe("E_STORE_ARG");
    expect(store.listStories().map((s) => s.id)).toEqual(["s3"]);
  });
});

describe("search", () => {
  it("finds words in title and text, with stemming, diacritics folded and a marked snippet", () => {
    store = openSqliteStore(":memory:");
    const a = reuters();
    const b = xinhua();
    store.putArticle(a);
    store.putArticle(b);
    expect(store.search("Bogdanov").map((h) => h.id)).toEqual([a.id]);
    expect(store.search("Khulaifi").map((h) => h.id)).toEqual([b.id]);
    expect(store.search("meets").map((h) => h.id)).toContain(b.id); // title "meets", porter stem
    expect(store.search("guarantees rights")[0].id).toBe(a.id);
    expect(store.search("QATAR").map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
    expect(store.search("Khuláifi").map((h) => h.id)).toEqual([b.id]);
    expect(store.search('"Mikhail Bogdanov"').map((h) => h.id)).toEqual([a.id]);
    expect(store.search('"Bogdanov Mikhail"')).toEqual([]);
    expect(store.search("Bogd*").map((h) => h.id)).toEqual([a.id]);
    expect(store.search("Al-Khulaifi").map((h) => h.id)).toEqual([b.id]);
    const [hit] = store.search("Bogdanov", 5, { mark: ["<b>", "</b>"] });
    expect(hit.snippet).toContain("<b>Bogdanov</b>");
    expect(hit.title).toBe(REUTERS_TITLE);
    expect(hit.rank).toBeGreaterThan(0);
    expect(store.search("Qatar", 1)).toHaveLength(1);
  });

  it("ranks a title match above a body-only match", () => {
    store = openSqliteStore(":memory:");
    const inTitle = makeArticle("Talks went on for hours about many things and more things.", { title: "Ceasefire talks", source: { path: "t.txt", format: "txt" } });
    const inBody = makeArticle("Officials discussed a ceasefire among many things and more things.", { title: "Officials meet", source: { path: "b.txt", format: "txt" } });
    store.putArticle(inBody);
    store.putArticle(inTitle);
    expect(store.search("ceasefire").map((h) => h.id)).toEqual([inTitle.id, inBody.id]);
  });

  it("survives hostile queries without FTS syntax errors", () => {
    store = openSqliteStore(":memory:");
    store.putArticle(reuters());
    const hostile = ['"', '""', "AND OR", "*", "NEAR(", "NEAR(a b", "title:", "text:envoy", "^envoy", "-envoy", "+", "(", ")", "a OR", "NOT",
      "'", "envoy\"", "\u0000", "", "   ", "{title text}: x", "envoy AND", "** *x*", "🙂", "é*", "a\"b\"c"];
    for (const q of hostile) expect(() => store!.search(q), q).not.toThrow();
    // Operators and syntax become plain words, so these behave like ordinary searches.
    expect(store.search('"envoy')).toHaveLength(1);
    expect(store.search("^envoy")).toHaveLength(1);
    expect(store.search("-envoy*")).toHaveLength(1);
    expect(store.search("envoy NEAR(")).toEqual([]); // the word "near" is not in the text
    expect(store.search("text:envoy")).toEqual([]); // "text" is a word here, not a column filter
  });
});

describe("meta and transactions", () => {
  it("stores pipeline state as JSON and deletes on undefined", () => {
    store = openSqliteStore(":memory:");
    expect(store.getMeta("cluster")).toBeUndefined();
    store.setMeta("cluster", { centroids: [[1, 2]], version: 3 });
    expect(store.getMeta<{ version: number }>("cluster")?.version).toBe(3);
    store.setMeta("cluster", undefined);
    expect(store.getMeta("cluster")).toBeUndefined();
  });

  it("rolls back everything in a failed transaction and refuses async functions", () => {
    store = openSqliteStore(":memory:");
    expect(() =>
      store!.transaction(() => {
        store!.putArticle(reuters());
        store!.setMeta("k", 1);
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(store.countArticles()).toBe(0);
    expect(store.getMeta("k")).toBeUndefined();
    expect(parallaxErrorOf(() => store!.transaction(async () => 1)).code).toBe("E_STORE_ARG");
  });
});

describe("opening files", () => {
  it("creates the file (and its folder), migrates once and records the version", () => {
    const path = join(dir, "sub", "p.db");
    store = openSqliteStore(path);
    expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    store.putArticle(reuters());
    store.close();
    store = openSqliteStore(path);
    expect(store.countArticles()).toBe(1);
    store.close();
    store = undefined;
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("application_id", { simple: true })).toBe(PARALLAX_APPLICATION_ID);
    const rows = raw.prepare("SELECT version FROM schema_version").all();
    raw.close();
    expect(rows).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })));
  });

  it("refuses a database newer than the code", () => {
    const path = join(dir, "new.db");
    openSqliteStore(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const err = parallaxErrorOf(() => openSqliteStore(path));
    expect(err.code).toBe("E_DB_NEWER");
    expect(err.message).toContain(String(LATEST_SCHEMA_VERSION + 1));
    expect(err.fix).toMatch(/Upgrade Parallax|--db/);
  });

  it("refuses a file that is not SQLite, and leaves it untouched", () => {
    const path = join(dir, "notes.txt");
    const content = "These are my notes, not a database. ".repeat(40);
    writeFileSync(path, content);
    const err = parallaxErrorOf(() => openSqliteStore(path));
    expect(err.code).toBe("E_DB_NOT_SQLITE");
    expect(err.message).toContain(path);
    expect(err.fix).toContain("--db");
    expect(parallaxErrorOf(() => openSqliteStore(path, { readonly: true })).code).toBe("E_DB_NOT_SQLITE");
  });

  it("refuses an unrelated SQLite database and a directory", () => {
    const path = join(dir, "other.db");
    const raw = new Database(path);
    raw.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY)");
    raw.close();
    expect(parallaxErrorOf(() => openSqliteStore(path)).code).toBe("E_DB_FOREIGN");
    expect(parallaxErrorOf(() => openSqliteStore(dir)).code).toBe("E_DB_OPEN");
  });

  it("opens read-only: reads work, writes are refused, a missing file is an error", () => {
    const path = join(dir, "ro.db");
    const w = openSqliteStore(path);
    w.putArticle(reuters());
    w.close();
    store = openSqliteStore(path, { readonly: true });
    expect(store.countArticles()).toBe(1);
    expect(store.search("envoy")).toHaveLength(1);
    expect(parallaxErrorOf(() => store!.putArticle(xinhua())).code).toBe("E_DB_READONLY");
    expect(parallaxErrorOf(() => openSqliteStore(join(dir, "missing.db"), { readonly: true })).code).toBe("E_DB_MISSING");
  });
});

describe("link state and partial story writes", () => {
  it("round-trips link rows (typed arrays intact, add order kept, upsert in place) and the term dictionary", () => {
    const store = openSqliteStore(":memory:");
    const a = reuters();
    const b = xinhua();
    store.putArticle(a);
    store.putArticle(b);
    const row = (id: string, story: string, w: number) => ({
      articleId: id, story, event: "e1", day: 19650, eventDays: [19649],
      tids: new Int32Array([0, 2]), tw: new Float64Array([w, 0.3]), sig: new Int32Array(128).fill(-7), shingles: 42, dupRoot: id, exactKey: "k",
    });
    store.putLinkDocs([row(b.id, "s1", 1.5), row(a.id, "s1", 2)]);
    expect(store.listUnlinkedIds()).toEqual([]);
    store.putLinkDocs([row(b.id, "s2", 3)]);
    const rows = [...store.listLinkDocs()];
    expect(rows.map((r) => [r.articleId, r.story])).toEqual([[b.id, "s2"], [a.id, "s1"]]);
    expect(Array.from(rows[0].tw)).toEqual([3, 0.3]);
    expect(rows[1].sig).toEqual(new Int32Array(128).fill(-7));
    expect(rows[1].eventDays).toEqual([19649]);
    store.putLinkTerms(0, ["gaza", "@zhai jun", "doha"], [[0, 2], [2, 1]]);
    expect(() => store.putLinkTerms(2, ["x"], [])).toThrow(/holds 3 terms/);
    store.putLinkTerms(3, [], [[1, 5]]);
    expect(store.linkTerms()).toEqual({ terms: ["gaza", "@zhai jun", "doha"], df: new Int32Array([2, 5, 1]) });
    expect([...store.listDupEntries()].map((e) => [e.id, e.size, e.sig.length])).toEqual([[b.id, 42, 128], [a.id, 42, 128]]);
    expect(store.linkStoryDays()).toEqual([{ story: "s1", minDay: 19650, maxDay: 19650 }, { story: "s2", minDay: 19650, maxDay: 19650 }]);
    expect([...store.listLinkDocs({ stories: ["s1"] })].map((r) => r.articleId)).toEqual([a.id]);
    store.deleteArticle(a.id);
    expect([...store.listLinkDocs()]).toHaveLength(1);
    store.clearLinkState();
    expect(store.listUnlinkedIds()).toEqual([b.id]);
    expect(store.linkTerms().terms).toEqual([]);
    store.close();
  });

  it("keeps an article's link row when only a note in its metadata changes, drops it when its text changes", () => {
    const store = openSqliteStore(":memory:");
    const a = reuters();
    store.putArticle(a);
    store.putLinkDocs([{ articleId: a.id, story: "s1", event: "e1", day: 19650, tids: new Int32Array([0]), tw: new Float64Array([1]), sig: new Int32Array(128), shingles: 3, dupRoot: a.id, exactKey: "k" }]);
    store.putArticle({ ...a, meta: { ...a.meta, impliedDate: { date: "2023-10-19", basis: "test", fromArticle: "x" } } });
    expect(store.getArticle(a.id)!.meta.impliedDate?.date).toBe("2023-10-19");
    expect(store.listUnlinkedIds()).toEqual([]);
    store.putArticle({ ...a, text: `${a.text} More.` });
    expect(store.listUnlinkedIds()).toEqual([a.id]);
    store.close();
  });

  it("writes some stories without touching the others, listed by rank", () => {
    const store = openSqliteStore(":memory:");
    const a = reuters();
    const b = xinhua();
    store.putArticle(a);
    store.putArticle(b);
    store.putStories([{ id: "s1", headline: "one", articleIds: [a.id], json: {}, rank: 1 }, { id: "s2", headline: "two", articleIds: [b.id], json: {}, rank: 5 }]);
    expect(store.listStories().map((s) => s.id)).toEqual(["s2", "s1"]);
    expect(store.countStories()).toBe(2);
    store.putStories([{ id: "s3", headline: "both", articleIds: [a.id, b.id], json: {}, rank: 9 }], { remove: ["s1", "s2"] });
    expect(store.listStories().map((s) => [s.id, s.articleIds])).toEqual([["s3", [a.id, b.id]]]);
    store.putStories([{ id: "s3", headline: "both, again", articleIds: [b.id], json: {}, rank: 9 }]);
    expect(store.getStory("s3")).toMatchObject({ headline: "both, again", articleIds: [b.id] });
    expect(() => store.putStories([{ id: "s4", headline: "x", articleIds: ["nope"], json: {} }])).toThrow(/not in the store/);
    store.close();
  });
});
