import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleId, benchmarkId, extractForBenchmark, toArticle } from "./article.js";
import type { RawDoc } from "./types.js";

const SAMPLES = join(import.meta.dirname, "../../examples/zhai-doha");
const samples = readdirSync(SAMPLES).filter((f) => f.endsWith(".txt")).sort();
const txtDoc = (name: string): RawDoc => ({ path: join(SAMPLES, name), format: "txt", raw: readFileSync(join(SAMPLES, name), "utf8"), hints: {} });

describe("toArticle on the sample corpus", () => {
  const articles = samples.map((f) => toArticle(txtDoc(f)));

  it("gives the expected titles, dates and outlets", () => {
    expect(articles.map((a) => a.meta.title)).toEqual([
      undefined,
      "China Calls for Ceasefire and Resumption of Peace Talks in Palestine-Israel Conflict",
      undefined,
      "Chinese Mideast envoy calls for rights guarantees for Palestinians",
      "China supports Russia in brokering a ceasefire in Palestine",
    ]);
    expect(articles.map((a) => a.meta.published)).toEqual(["2023-10-20", "2023-10-12", undefined, undefined, undefined]);
    expect(articles[3].meta.outlet).toBe("Reuters");
  });

  it("maps cleaned text back to raw and keeps ids unique and content-based", () => {
    for (const a of articles) {
      for (const s of a.offsets ?? []) expect(a.text.slice(s.cleanStart, s.cleanStart + s.length)).toBe(a.raw.slice(s.rawStart, s.rawStart + s.length));
      expect(a.id).toMatch(/^[0-9a-f]{16}$/);
      expect(a.id).toBe(articleId(a.text));
    }
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
  });
});

describe("toArticle", () => {
  const body = "The envoy met his counterparts in Doha on Thursday and called for a ceasefire.";

  it("gives the same id to the same content read twice, re-wrapped or from another format", () => {
    const a = toArticle({ path: "a.txt", format: "txt", raw: `Envoy in Doha\n\n${body}`, hints: {} });
    const b = toArticle({ path: "b.jsonl", format: "jsonl", index: 4, raw: body.replace(" on ", "\n on "), hints: {} });
    const c = toArticle({ path: "c.txt", format: "txt", raw: `Envoy in Doha\n\n${body} More.`, hints: {} });
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
  });

  it("lets explicit input fields win and says so in meta.sources", () => {
    const a = toArticle({
      path: "feed.xml", format: "rss", index: 2, externalId: "g-2", html: true,
      raw: `<html><head><meta property="og:title" content="Page title"><meta property="article:published_time" content="2023-10-19"></head><body><article><p>${body}</p></article></body></html>`,
      hints: { title: "Feed title", published: "Fri, 20 Oct 2023 10:00:00 +0300", outlet: "Feed Outlet" },
    });
    expect(a.meta).toMatchObject({ title: "Feed title", published: "2023-10-20T10:00:00+03:00", outlet: "Feed Outlet" });
    expect(a.meta.sources).toMatchObject({ title: "input:rss", published: "input:rss", outlet: "input:rss" });
    expect(a.source).toEqual({ path: "feed.xml", format: "rss", index: 2, externalId: "g-2" });
    expect(a.text).toBe(body);
    // HTML text maps back to the page: the body is one run of identical characters.
    expect(a.offsets).toEqual([{ cleanStart: 0, rawStart: a.raw.indexOf(body), length: body.length }]);
  });

  it("warns when nothing is left after cleaning", () => {
    const a = toArticle({ path: "x.html", format: "html", html: true, raw: "<html><body><script>var x = 1;</script></body></html>", hints: {} });
    expect(a.text).toBe("");
    expect(a.diagnostics.map((d) => d.code)).toContain("clean/empty-text");
  });

  it("carries reading diagnostics into the article", () => {
    const a = toArticle({ path: "x.txt", format: "txt", raw: body, hints: {}, diagnostics: [{ code: "ingest/charset-fallback", severity: "warning", message: "m" }] });
    expect(a.diagnostics[0].code).toBe("ingest/charset-fallback");
  });
});

describe("extractForBenchmark", () => {
  it("uses the file name without .html.gz as id", () => {
    const doc: RawDoc = { path: "/bench/html/042bb7b5.html.gz", format: "html", html: true, raw: "<html><head><title>A title here for it</title></head><body><p>Body text of the page.</p></body></html>", hints: {} };
    expect(benchmarkId(doc)).toBe("042bb7b5");
    const rec = extractForBenchmark(doc);
    expect(rec).toMatchObject({ id: "042bb7b5", text: "Body text of the page.", title: "A title here for it" });
  });
});
