import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBytes } from "./decode.js";
import { readInputs } from "./read.js";
import type { InputItem } from "./types.js";

let dir: string;
const file = (name: string, content: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
async function collect(paths: string[], opts?: { maxBytes?: number }): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, opts)) out.push(item);
  return out;
}
async function one(p: string, opts?: { maxBytes?: number }): Promise<InputItem> {
  const items = await collect([p], opts);
  expect(items).toHaveLength(1);
  return items[0];
}
const codeOf = (item: InputItem): string | undefined => (item.ok ? undefined : item.diagnostic.code);

const ARTICLE_HTML = `<html><head><title>T</title></head><body><p>Envoy met counterparts in Doha.</p></body></html>`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "parallax-ingest-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readInputs: bad input gives one clear diagnostic each", () => {
  it("missing path", async () => {
    const item = await one(join(dir, "nope.txt"));
    expect(codeOf(item)).toBe("ingest/not-found");
    expect(!item.ok && item.diagnostic.message).toContain("nope.txt");
  });

  it("empty and whitespace-only files", async () => {
    expect(codeOf(await one(file("empty.txt", "")))).toBe("ingest/empty");
    expect(codeOf(await one(file("blank.txt", " \n\n\t")))).toBe("ingest/empty");
  });

  it("binary file", async () => {
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 256);
    const item = await one(file("image.txt", bytes));
    expect(codeOf(item)).toBe("ingest/binary");
  });

  it("file over the size cap, with the fix in the message", async () => {
    const item = await one(file("big.txt", "word ".repeat(100)), { maxBytes: 100 });
    expect(codeOf(item)).toBe("ingest/too-large");
    expect(!item.ok && item.diagnostic.message).toContain("--max-bytes");
  });

  it("gzip that decompresses past the cap (a bomb)", async () => {
    const item = await one(file("bomb.txt.gz", gzipSync(Buffer.alloc(50_000, 0x61))), { maxBytes: 10_000 });
    expect(codeOf(item)).toBe("ingest/too-large");
  });

  it("bad gzip", async () => {
    const gz = gzipSync(Buffer.from(ARTICLE_HTML));
    expect(codeOf(await one(file("bad.html.gz", gz.subarray(0, gz.length - 12))))).toBe("ingest/bad-gzip");
  });

  it("unsupported format names the accepted ones", async () => {
    const item = await one(file("notes.md", "# Notes\n\nSome text."));
    expect(codeOf(item)).toBe("ingest/unsupported");
    expect(!item.ok && item.diagnostic.message).toContain(".jsonl");
  });

  it("unreadable file", async () => {
    const p = file("secret.txt", "text");
    chmodSync(p, 0o000);
    try {
      const item = await one(p);
      // Root can read anything; otherwise the read fails with a clear code.
      if (!item.ok) expect(item.diagnostic.code).toBe("ingest/unreadable");
    } finally {
      chmodSync(p, 0o644);
    }
  });
});

describe("readInputs: formats", () => {
  it("plain text and gzipped HTML, also gzip without a .gz name", async () => {
    const txt = await one(file("a.txt", "Headline\n\nBody text."));
    expect(txt.ok && txt.doc).toMatchObject({ format: "txt", raw: "Headline\n\nBody text.", html: false });
    const gz = await one(file("page.html.gz", gzipSync(Buffer.from(ARTICLE_HTML))));
    expect(gz.ok && gz.doc).toMatchObject({ format: "html", html: true, raw: ARTICLE_HTML });
    const hidden = await one(file("page2.html", gzipSync(Buffer.from(ARTICLE_HTML))));
    expect(hidden.ok && hidden.doc.raw).toBe(ARTICLE_HTML);
  });

  it("truncated HTML is still read", async () => {
    const item = await one(file("cut.html", "<html><body><p>Envoy met counterparts in Do"));
    expect(item.ok && item.doc.format).toBe("html");
  });

  it("windows-1252 HTML with a meta charset", async () => {
    const head = Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>caf');
    const tail = Buffer.from("</p></body></html>");
    // é “quoted” in windows-1252
    const bytes = Buffer.concat([head, Buffer.from([0xe9, 0x20, 0x93, 0x71, 0x94]), tail]);
    const item = await one(file("cp1252.html", bytes));
    expect(item.ok && item.doc.raw).toContain("café “q”");
    expect(item.ok && item.doc.encoding).toBe("windows-1252");
    expect(item.ok && item.doc.diagnostics).toBeUndefined();
  });

  it("Shift_JIS HTML with an http-equiv charset", async () => {
    const head = Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><p>');
    const jp = Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]); // 日本語
    const item = await one(file("sjis.html", Buffer.concat([head, jp, Buffer.from("</p></body></html>")])));
    expect(item.ok && item.doc.raw).toContain("日本語");
    expect(item.ok && item.doc.encoding).toBe("shift_jis");
  });

  it("undeclared non-UTF-8 text falls back to windows-1252 with a diagnostic", async () => {
    const item = await one(file("legacy.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])));
    expect(item.ok && item.doc.raw).toBe("café\n");
    expect(item.ok && item.doc.diagnostics?.[0].code).toBe("ingest/charset-fallback");
  });

  it("UTF-16 with a BOM is not taken for binary", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Headline\n\nBody.", "utf16le")]);
    const item = await one(file("u16.txt", bytes));
    expect(item.ok && item.doc.raw).toBe("Headline\n\nBody.");
  });

  it("JSON Lines: a broken line is one failure and the other lines still yield", async () => {
    const lines = [
      JSON.stringify({ id: "a1", title: "First", dct: "2023-10-20", outlet: "Xinhua", text: "First body." }),
      "{not json",
      "",
      JSON.stringify({ url: "https://x.test/2", html: "<p>Second body.</p>", author: "Jane Doe" }),
      JSON.stringify({ title: "No body" }),
    ];
    const items = await collect([file("batch.jsonl", lines.join("\n"))]);
    expect(items).toHaveLength(4);
    expect(items[0].ok && items[0].doc).toMatchObject({ format: "jsonl", index: 0, externalId: "a1", raw: "First body.", html: false, hints: { title: "First", published: "2023-10-20", outlet: "Xinhua" } });
    expect(items[1].ok).toBe(false);
    expect(!items[1].ok && items[1].diagnostic).toMatchObject({ code: "ingest/bad-json" });
    expect(!items[1].ok && items[1].diagnostic.message).toContain("line 2");
    expect(!items[1].ok && items[1].index).toBe(1);
    expect(items[2].ok && items[2].doc).toMatchObject({ index: 3, html: true, hints: { url: "https://x.test/2", author: "Jane Doe" } });
    expect(codeOf(items[3])).toBe("ingest/missing-text");
  });

  it("JSON Lines read line by line from UTF-8 bytes give what the whole decoded text gives", async () => {
    const lines = [
      JSON.stringify({ id: "z1", title: "Zhai Jun 翟隽 in Doha", text: "Zhai met Bogdanov — talks went on.\u2028Next." }),
      "  ",
      "{broken",
      JSON.stringify({ title: "Ü", text: "Second body." }),
    ];
    const text = lines.join("\r\n") + "\n";
    const utf8 = await collect([file("wide.jsonl", text)]);
    const bom = await collect([file("bom.jsonl", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))]);
    // the same file with a Latin-1 byte is not valid UTF-8: decoded whole (windows-1252), as before
    const latin = await collect([file("latin.jsonl", Buffer.concat([Buffer.from(text), Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d, 0x0a])]))]);
    for (const items of [utf8, bom]) {
      expect(items.map((i) => (i.ok ? [i.doc.index, i.doc.raw, i.doc.hints.title, i.doc.encoding] : [i.index, i.diagnostic.code]))).toEqual([
        [0, "Zhai met Bogdanov — talks went on.\u2028Next.", "Zhai Jun 翟隽 in Doha", "utf-8"],
        [2, "ingest/bad-json"],
        [3, "Second body.", "Ü", "utf-8"],
      ]);
    }
    expect(latin).toHaveLength(4);
    expect(latin[3].ok && [latin[3].doc.raw, latin[3].doc.encoding]).toEqual(["é", "windows-1252"]);
    expect(latin[0].ok && latin[0].doc.hints.title).toMatch(/^Zhai Jun ç¿/); // the whole file read as windows-1252
    expect(codeOf((await collect([file("blank.jsonl", " \n\r\n\t")]))[0])).toBe("ingest/empty");
  });

  it("RSS feed: one article per item, content:encoded preferred", async () => {
    const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example Wire</title>
<item><title>First &amp; foremost</title><link>https://x.test/1</link><guid>g-1</guid>
<pubDate>Thu, 19 Oct 2023 08:00:00 GMT</pubDate><dc:creator>Jane Doe</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Full <b>body</b> one.</p>]]></content:encoded></item>
<item><title>Second</title><link>https://x.test/2</link><description>&lt;p&gt;Escaped body two.&lt;/p&gt;</description></item>
</channel></rss>`;
    const items = await collect([file("wire.xml", rss)]);
    expect(items).toHaveLength(2);
    expect(items[0].ok && items[0].doc).toMatchObject({
      format: "rss", index: 0, externalId: "g-1", html: true, raw: "<p>Full <b>body</b> one.</p>",
      hints: { title: "First & foremost", url: "https://x.test/1", published: "Thu, 19 Oct 2023 08:00:00 GMT", author: "Jane Doe", outlet: "Example Wire" },
    });
    expect(items[1].ok && items[1].doc).toMatchObject({ index: 1, raw: "<p>Escaped body two.</p>", html: true });
  });

  it("Atom feed sniffed by content whatever the extension", async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Site</title>
<entry><title>Entry one</title><id>urn:1</id><link rel="alternate" href="https://x.test/e1"/><published>2023-10-20T09:00:00Z</published>
<author><name>A. Writer</name></author><content type="html">&lt;p&gt;Entry body.&lt;/p&gt;</content></entry></feed>`;
    const items = await collect([file("atom-feed.txt", atom)]);
    expect(items).toHaveLength(1);
    expect(items[0].ok && items[0].doc).toMatchObject({
      format: "atom", externalId: "urn:1", raw: "<p>Entry body.</p>",
      hints: { title: "Entry one", url: "https://x.test/e1", published: "2023-10-20T09:00:00Z", author: "A. Writer", outlet: "Atom Site" },
    });
  });

  it("walks folders recursively, sorted, skipping dotfiles", async () => {
    const sub = join(dir, "walk");
    mkdirSync(join(sub, "b"), { recursive: true });
    mkdirSync(join(sub, ".git"), { recursive: true });
    writeFileSync(join(sub, "b", "2.txt"), "two");
    writeFileSync(join(sub, "a.txt"), "one");
    writeFileSync(join(sub, ".hidden.txt"), "hidden");
    writeFileSync(join(sub, ".git", "x.txt"), "git");
    const items = await collect([sub]);
    expect(items.map((i) => (i.ok ? i.doc.raw : i.diagnostic.code))).toEqual(["one", "two"]);
  });
});

describe("decodeBytes", () => {
  it("decodes windows-1252 punctuation (bytes 0x80-0x9F) correctly, also for the latin1 label", () => {
    const body = Buffer.from([0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x80, 0x20, 0xe9]);
    const d = decodeBytes(Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), body]));
    expect(d.text.endsWith("“q” – € é")).toBe(true);
    expect(d.encoding).toBe("windows-1252");
  });
  it("flags a page that declares UTF-8 but is not", () => {
    const d = decodeBytes(Buffer.concat([Buffer.from('<meta charset="utf-8">caf'), Buffer.from([0xe9])]));
    expect(d.text.endsWith("café")).toBe(true);
    expect(d.diagnostics[0].code).toBe("ingest/charset-mismatch");
  });
});
