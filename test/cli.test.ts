/**
 * The CLI as a user meets it: the README's main command, re-ingesting, and bad input
 * (each gets one clear message, the batch goes on, the exit code says something failed,
 * and no stack trace is printed). Runs the TypeScript sources through tsx.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { checkStory } from "../src/report/check.js";
import type { Story } from "../src/story/types.js";

const tmp = mkdtempSync(join(tmpdir(), "parallax-cli-"));

function parallax(args: string[], input?: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);

describe("the installed command", () => {
  it("is executable after the build (npx parallax runs dist/src/cli/main.js directly)", () => {
    const bin = "dist/src/cli/main.js";
    if (!existsSync(bin)) return; // not built in this checkout (npm ci builds it)
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
  });
});

describe("parallax analyze on the sample corpus", () => {
  const db = join(tmp, "sample.db");
  let first: ReturnType<typeof parallax>;
  beforeAll(() => {
    first = parallax(["--db", db, "analyze", "examples/zhai-doha"]);
  });

  it("prints the story report and exits 0", () => {
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain("Chinese Mideast envoy calls for rights guarantees for Palestinians");
    expect(first.out).toContain("Zhai Jun");
    expect(first.err).toContain("5 new");
  });

  it("re-ingesting the same articles stores nothing new", () => {
    const again = parallax(["--db", db, "ingest", "examples/zhai-doha"]);
    expect(again.code, again.err).toBe(0);
    expect(again.err).toContain("0 new, 5 already stored");
  });

  it("links only new articles on a later ingest, and relinks everything on request", () => {
    const again = parallax(["--db", db, "ingest", "examples/zhai-doha"]);
    expect(again.err).toContain("linked 0 new article(s) (5 in all) into 1 story(ies), 0 written");
    const relink = parallax(["--db", db, "relink"]);
    expect(relink.code, relink.err).toBe(0);
    expect(relink.err).toContain("linked 5 article(s) into 1 story(ies), 1 written; 1 new duplicate/rewrite relation(s)");
    const stories = parallax(["--db", db, "stories"]);
    expect(stories.out).toMatch(/^s[0-9a-f]{8} {2}Chinese Mideast envoy/m);
  });

  it("lists stories and articles with their diagnostics", () => {
    const stories = parallax(["--db", db, "stories"]);
    expect(stories.code).toBe(0);
    expect(stories.out).toMatch(/^s[0-9a-f]{8} {2}Chinese Mideast envoy/m);
    const articles = parallax(["--db", db, "articles"]);
    expect(articles.out).toContain("5 article(s) stored");
    expect(articles.out).toContain("clean/caption");
    const id = /^(s[0-9a-f]{8})/m.exec(stories.out)![1];
    const members = parallax(["--db", db, "articles", "--story", id]);
    expect(members.code, members.err).toBe(0);
    expect(members.out).toContain(`5 article(s) in story ${id}`);
    const none = parallax(["--db", db, "articles", "--story", "nope"]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('No story with id "nope"');
    noStack(none.err);
  });

  it("prints JSON that the schema accepts, with evidence spans that match the articles", () => {
    const r = parallax(["--db", db, "story", parallax(["--db", db, "stories", "-f", "json"]).out.match(/"id": "(s[0-9a-f]+)"/)![1], "-f", "json"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync("docs/story.schema.json", "utf8")));
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(checkStory(doc.stories[0] as Story)).toEqual([]);
  });

  it("writes one self-contained HTML page", () => {
    const out = join(tmp, "report.html");
    const r = parallax(["--db", db, "analyze", "examples/zhai-doha", "-f", "html", "-o", out]);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script|src=["']https?:/i);
    expect(html).toContain("Zhai Jun");
  });

  it("says clearly when a story id does not exist", () => {
    const r = parallax(["--db", db, "story", "nope"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('No story with id "nope"');
    noStack(r.err);
  });
});

describe("bad input", () => {
  const dir = join(tmp, "bad");
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "a-empty.txt"), "");
    writeFileSync(join(dir, "b-binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3, 0, 0, 255, 254]));
    writeFileSync(join(dir, "c-truncated.html"), "<html><head><title>Envoy visits Doha</title></head><body><article><p>The envoy met his counterpart in Doha on Thursday and said talks would go on. The two sides agreed to keep in touch about the crisis and");
    const latin1 = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from(" diplomacy</title></head><body><article><p>The minister met reporters at a caf"),
      Buffer.from([0xe9]),
      Buffer.from(" in Paris on Monday and said the talks had gone well. He said the two sides would meet again next week in Geneva to finish the text of the agreement.</p></article></body></html>"),
    ]);
    writeFileSync(join(dir, "d-latin1.html"), latin1);
    writeFileSync(join(dir, "e-huge.txt"), "word ".repeat(10_500_000)); // about 52 MB
    writeFileSync(join(dir, "f-notes.docx"), "PK\u0003\u0004 not a news article");
    writeFileSync(join(dir, "g-good.txt"), "Envoy meets counterpart\n\nThe envoy met his counterpart in Doha on Thursday, officials said. Both called for calm.\n");
    writeFileSync(join(dir, "h-bad.html.gz"), Buffer.from("not gzip at all"));
    writeFileSync(join(dir, "i-page.html.gz"), gzipSync("<html><head><title>Gzipped page</title></head><body><article><p>The foreign minister said on Tuesday that the ceasefire talks in Cairo would resume next week after a pause of several days.</p></article></body></html>"));
  });

  it("reports each bad file once, keeps the good ones, and exits non-zero", () => {
    const db = join(tmp, "bad.db");
    const r = parallax(["--db", db, "ingest", dir]);
    expect(r.code).toBe(1);
    noStack(r.err);
    for (const [file, code] of [
      ["a-empty.txt", "ingest/empty"],
      ["b-binary.txt", "ingest/binary"],
      ["e-huge.txt", "ingest/too-large"],
      ["f-notes.docx", "ingest/unsupported"],
      ["h-bad.html.gz", "ingest/bad-gzip"],
    ]) {
      const line = r.err.split("\n").filter((l) => l.includes(file));
      expect(line, `${file}:\n${r.err}`).toHaveLength(1);
      expect(line[0]).toContain(code);
    }
    expect(r.err).toContain("--max-bytes");
    const list = parallax(["--db", db, "articles", "-f", "json"]);
    const stored = JSON.parse(list.out) as { articles: { title?: string; source: { path: string } }[]; failures: unknown[] };
    const paths = stored.articles.map((a) => a.source.path.split("/").pop());
    expect(paths).toEqual(expect.arrayContaining(["c-truncated.html", "d-latin1.html", "g-good.txt", "i-page.html.gz"]));
    expect(stored.failures).toHaveLength(5);
    expect(stored.articles.find((a) => a.source.path.endsWith("d-latin1.html"))?.title).toBe("Café diplomacy");
  });

  it("refuses a database file that is not SQLite, with a fix", () => {
    const notDb = join(tmp, "not-a-db.db");
    writeFileSync(notDb, "hello, I am a text file and not a database at all. ".repeat(200));
    const r = parallax(["--db", notDb, "stories"]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/not .*SQLite|not a Parallax database/i);
    expect(r.err).toContain("fix:");
    noStack(r.err);
  });

  it("annotate answers one line per input line, bad lines included", () => {
    const r = parallax(["annotate"], '{"id":"a","text":"Zhai Jun met Mikhail Bogdanov in Doha on Thursday.","published":"2023-10-20"}\nnot json\n{"id":"c"}\n');
    const lines = r.out.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].timexes[0]).toMatchObject({ text: "Thursday", value: "2023-10-19" });
    expect(lines[0].entities.map((e: { text: string }) => e.text)).toEqual(expect.arrayContaining(["Zhai Jun", "Mikhail Bogdanov", "Doha"]));
    expect(lines[1].error).toContain("line 2");
    expect(lines[2].error).toContain("text");
    expect(r.code).toBe(1);
  });

  it("an unknown command or option gets a usage message, not a stack trace", () => {
    const r = parallax(["analyse", "x"]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/unknown command/i);
    noStack(r.err);
  });
});
