import { mkdtempSync, copyFileSync, readdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../store/sqlite.js";
import type { Store } from "../store/store.js";
import { ingestPaths } from "./ingest.js";
import { linkStore, relinkStore } from "./link.js";
import type { Story } from "../story/types.js";

const SAMPLE = "examples/zhai-doha";
const GENERATED_AT = "2026-01-01T00:00:00.000Z";

/** The sample files split into folders (by file-name prefix), so they can be ingested batch by batch. */
function splitSample(groups: string[][]): string[] {
  const files = readdirSync(SAMPLE).filter((f) => f.endsWith(".txt")).sort();
  return groups.map((prefixes) => {
    const dir = mkdtempSync(join(tmpdir(), "parallax-link-"));
    for (const f of files) if (prefixes.some((p) => f.startsWith(p))) copyFileSync(join(SAMPLE, f), join(dir, f));
    return dir;
  });
}

/** Stories as comparable data: source paths and write times left out. */
function storiesOf(store: Store): unknown[] {
  return store.listStories().map((s) => {
    const json = JSON.stringify(store.getStory(s.id)!.json).replace(/"path":"[^"]*"/g, '"path":""');
    return { id: s.id, articles: [...s.articleIds].sort(), json: JSON.parse(json) };
  });
}

describe("incremental linking", () => {
  it("gives the same stories batch by batch as all at once", async () => {
    const whole = openSqliteStore(":memory:");
    await ingestPaths(whole, [SAMPLE]);
    const full = relinkStore(whole, { generatedAt: GENERATED_AT });
    expect(full.mode).toBe("full");

    const inc = openSqliteStore(":memory:");
    const [first, second] = splitSample([["000", "001", "002"], ["003", "004"]]);
    await ingestPaths(inc, [first]);
    expect(linkStore(inc, { generatedAt: GENERATED_AT }).mode).toBe("full"); // nothing linked before
    await ingestPaths(inc, [second]);
    const step = linkStore(inc, { generatedAt: GENERATED_AT });
    expect(step).toMatchObject({ mode: "incremental", added: 2, articles: 5 });

    expect(storiesOf(inc)).toEqual(storiesOf(whole));
    // the rewrite (002 of 003) was found although its source came in the later batch
    expect(inc.listRelations().filter((r) => r.kind === "rewrite")).toHaveLength(1);
    whole.close();
    inc.close();
  });

  it("bounds a story's report to a window of articles and carries the earlier timeline forward", async () => {
    const whole = openSqliteStore(":memory:");
    await ingestPaths(whole, [SAMPLE]);
    relinkStore(whole, { generatedAt: GENERATED_AT });
    const [all] = whole.listStories();
    const fullReport = whole.getStory(all.id)!.json as Story;
    expect(fullReport.coverage).toBeUndefined();

    // the same articles, two batches, a report window of 2: the first run reads its articles in
    // chronological chunks, the second reads the new ones and carries what rests on the others
    for (const store of [whole, openSqliteStore(":memory:")]) {
      if (store === whole) relinkStore(store, { generatedAt: GENERATED_AT, reportWindow: 2 });
      else {
        const [first, second] = splitSample([["000", "001", "002"], ["003", "004"]]);
        await ingestPaths(store, [first]);
        linkStore(store, { generatedAt: GENERATED_AT, reportWindow: 2 });
        await ingestPaths(store, [second]);
        linkStore(store, { generatedAt: GENERATED_AT, reportWindow: 2 });
      }
      const [s] = store.listStories();
      expect(s.id).toBe(all.id); // the id follows the earliest article, read or not
      expect([...s.articleIds].sort()).toEqual([...all.articleIds].sort()); // membership is the whole story
      const report = store.getStory(s.id)!.json as Story;
      expect(report.coverage).toMatchObject({ articles: 5, read: 2 });
      expect(report.period).toEqual(fullReport.period);
      // every day of the full report's timeline is still there, each entry citing listed articles
      expect(report.timeline.map((t) => t.date)).toEqual(fullReport.timeline.map((t) => t.date));
      const listed = new Set(report.articles.map((a) => a.id));
      for (const t of report.timeline) for (const id of t.cites) expect(listed.has(id)).toBe(true);
      store.close();
    }
  });

  it("puts the sample in one story with two events: the phone call (001) and the Doha meetings", async () => {
    const store = openSqliteStore(":memory:");
    await ingestPaths(store, [SAMPLE]);
    linkStore(store);
    const byFile = new Map(store.getArticles(store.listArticleIds()).map((a) => [a.source.path!.split("/").pop()!.slice(0, 3), a.id]));
    const rows = new Map([...store.listLinkDocs()].map((r) => [r.articleId, r]));
    const eventOf = (prefix: string) => rows.get(byFile.get(prefix)!)!.event;
    expect(new Set([...rows.values()].map((r) => r.story)).size).toBe(1);
    expect(new Set(["000", "002", "003", "004"].map(eventOf)).size).toBe(1);
    expect(eventOf("001")).not.toBe(eventOf("000"));
    expect(store.listStories()).toHaveLength(1);
    store.close();
  });

  it("does nothing when nothing is new, and survives a reopen", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parallax-link-db-"));
    const db = join(dir, "p.db");
    let store = openSqliteStore(db);
    await ingestPaths(store, [SAMPLE]);
    linkStore(store, { generatedAt: GENERATED_AT });
    const before = storiesOf(store);
    store.close();
    store = openSqliteStore(db);
    const again = linkStore(store, { generatedAt: GENERATED_AT });
    expect(again).toMatchObject({ mode: "incremental", added: 0, storiesChanged: 0, relations: 0 });
    expect(storiesOf(store)).toEqual(before);
    store.close();
  });

  it("finds a copy that arrives in a later batch as a duplicate of the stored original", async () => {
    const store = openSqliteStore(":memory:");
    const [first] = splitSample([["003"]]);
    await ingestPaths(store, [first]);
    linkStore(store);
    const copyDir = mkdtempSync(join(tmpdir(), "parallax-link-copy-"));
    const original = readFileSync(join(first, readdirSync(first)[0]), "utf8");
    // a syndicated copy: new byline line on top, last paragraph cut
    const paragraphs = original.trimEnd().split(/\n\s*\n/);
    writeFileSync(join(copyDir, "copy.txt"), `By Staff Writer\n\n${paragraphs.slice(0, -1).join("\n\n")}\n`);
    await ingestPaths(store, [copyDir]);
    const step = linkStore(store);
    expect(step.mode).toBe("incremental");
    const dups = store.listRelations().filter((r) => r.kind === "duplicate");
    expect(dups).toHaveLength(1);
    expect(store.listStories()).toHaveLength(1);
    store.close();
  });

  it("re-links in full when a linked article was replaced", async () => {
    const store = openSqliteStore(":memory:");
    const [dir] = splitSample([["000", "001"]]);
    await ingestPaths(store, [dir]);
    linkStore(store);
    const name = readdirSync(dir).sort()[0];
    writeFileSync(join(dir, name), `${readFileSync(join(dir, name), "utf8")}\nA correction was appended to this article.\n`);
    await ingestPaths(store, [dir]);
    const step = linkStore(store);
    expect(step.mode).toBe("full");
    expect(step.articles).toBe(2);
    expect(store.listStories().flatMap((s) => s.articleIds).sort()).toEqual(store.listArticleIds().sort());
    store.close();
  });
});
