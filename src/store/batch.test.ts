import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeArticle } from "../../test/fixtures/store/articles.js";
import { ArticleBatchWriter, putArticles } from "./batch.js";
import { openSqliteStore } from "./sqlite.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "parallax-batch-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const numbered = (prefix: string, n: number, path = `${prefix}.jsonl`) =>
  Array.from({ length: n }, (_, i) =>
    makeArticle(`${prefix} article number ${i} about talks in Doha between envoys.`, {
      title: `${prefix} ${i}`,
      published: `2023-10-${String(1 + (i % 28)).padStart(2, "0")}`,
      source: { path, format: "jsonl", index: i },
    }),
  );

describe("ArticleBatchWriter", () => {
  it("commits every batchSize items and counts what happened", () => {
    const store = openSqliteStore(":memory:");
    const commits: number[] = [];
    const w = new ArticleBatchWriter(store, { batchSize: 3, onCommit: (s) => commits.push(s.inserted + s.unchanged + s.failures) });
    const arts = numbered("a", 7);
    for (const a of arts.slice(0, 4)) w.add(a);
    expect(store.countArticles()).toBe(3);
    expect(w.queued).toBe(1);
    w.addFailure({ path: "bad.bin", diagnostic: { code: "ingest/binary", severity: "error", message: "binary" } });
    w.add(arts[0]); // already stored
    const totals = w.flush();
    expect(totals).toEqual({ inserted: 4, updated: 0, unchanged: 1, replaced: 0, failures: 1, batches: 2 });
    expect(commits).toEqual([3, 6]);
    expect(store.listFailures()).toHaveLength(1);
    expect(w.flush().batches).toBe(2); // nothing queued: no empty commit
    store.close();
  });

  it("loses nothing committed and writes nothing half when a transaction throws", () => {
    const path = join(dir, "crash.db");
    let store = openSqliteStore(path);
    putArticles(store, numbered("first", 50), { batchSize: 50 });
    const second = numbered("second", 50);
    expect(() =>
      store.transaction(() => {
        second.forEach((a, i) => {
          store.putArticle(a);
          if (i === 25) throw new Error("simulated crash");
        });
      }),
    ).toThrow("simulated crash");
    store.close();
    store = openSqliteStore(path);
    expect(store.countArticles()).toBe(50);
    expect(store.listArticleIds().every((id) => store.getArticle(id)!.source.path === "first.jsonl")).toBe(true);
    expect(store.search("second")).toEqual([]);
    store.close();
  });

  it("survives a process that dies mid-transaction (no rollback, no close)", () => {
    const path = join(dir, "killed.db");
    const script = join(process.cwd(), "test/fixtures/store/crash-writer.ts");
    let code = 0;
    try {
      execFileSync(process.execPath, ["--import", "tsx", script, path], { stdio: "pipe", timeout: 30_000 });
    } catch (err) {
      code = (err as { status: number }).status;
    }
    expect(code).toBe(3);
    const store = openSqliteStore(path);
    expect(store.countArticles()).toBe(10);
    expect(store.search("first").length).toBe(10);
    expect(store.search("second")).toEqual([]);
    store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
  });

  it("throughput: 5,000 small articles in batches of 200", () => {
    const store = openSqliteStore(join(dir, "bulk.db"));
    const arts = numbered("bulk", 5000);
    const t0 = performance.now();
    const totals = putArticles(store, arts);
    const ms = performance.now() - t0;
    expect(totals).toMatchObject({ inserted: 5000, batches: 25 });
    expect(store.countArticles()).toBe(5000);
    expect(store.search("bulk 4999").map((h) => h.title)).toContain("bulk 4999");
    console.log(`store throughput: 5000 articles in ${ms.toFixed(0)} ms (${((5000 / ms) * 1000).toFixed(0)} articles/s)`);
    store.close();
  });
});
