import { describe, expect, it } from "vitest";
import { extractHtml } from "./html.js";

const para = (i: number): string =>
  `Paragraph ${i} of the report says the envoy met officials in Doha on Thursday and discussed a ceasefire, humanitarian access and the release of hostages with his counterparts from the region.`;

const PAGE = `<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Envoy meets counterparts in Doha | Example News</title>
<meta property="og:title" content="Envoy meets counterparts in Doha">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Meta Author">
<link rel="canonical" href="https://example.com/envoy-doha">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},
 {"@type":"NewsArticle","headline":"Envoy meets counterparts in Doha","datePublished":"2023-10-20T09:30:00+03:00",
  "author":[{"@type":"Person","name":"Jane Doe"}],"publisher":{"@type":"Organization","name":"Example News Ltd"}}]}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Envoy meets counterparts in Doha</h1>
<figure><img src="a.jpg" alt="envoy in doha"><figcaption>The envoy arrives in Doha. (Reuters)</figcaption></figure>
<p>DOHA (Reuters) - ${para(1)}</p>
<p>${para(2)} <a href="#">A link</a> inside.</p>
<h2>Talks in Qatar</h2>
<ul><li>${para(3)}</li><li>${para(4)}</li></ul>
<blockquote><p>${para(5)}</p></blockquote>
<p>Share this:</p>
</article>
<footer>Copyright 2023 Example News. All rights reserved. Privacy policy. Terms of use.</footer>
</body></html>`;

describe("extractHtml", () => {
  it("extracts paragraphs, headings, lists and quotes of the article and its metadata", () => {
    const r = extractHtml(PAGE);
    const lines = r.text.split("\n\n");
    expect(lines[0]).toBe(`DOHA (Reuters) - ${para(1)}`);
    expect(lines).toContain("Talks in Qatar");
    expect(lines).toContain(`${para(2)} A link inside.`);
    for (const i of [3, 4, 5]) expect(lines).toContain(para(i));
    expect(r.text).not.toContain("Home");
    expect(r.text).not.toContain("Copyright");
    expect(r.text).not.toContain("The envoy arrives");
    expect(r.text).not.toContain("Share this");
    expect(r.meta).toMatchObject({
      title: "Envoy meets counterparts in Doha",
      published: "2023-10-20T09:30:00+03:00",
      author: "Jane Doe",
      outlet: "Example News Ltd",
      url: "https://example.com/envoy-doha",
      language: "en-gb",
      dateline: { place: "Doha", agency: "Reuters", start: 0 },
    });
    expect(r.meta.sources).toMatchObject({ title: "json-ld", published: "json-ld", author: "json-ld", url: "canonical", language: "html-lang" });
    expect(r.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["clean/caption"]));
    // Offsets: every segment covers identical characters of the page, and together they cover the text but its separators.
    for (const s of r.offsets) expect(r.text.slice(s.cleanStart, s.cleanStart + s.length)).toBe(PAGE.slice(s.rawStart, s.rawStart + s.length));
    const covered = r.offsets.reduce((n, s) => n + s.length, 0);
    expect(covered).toBe(r.text.replace(/\n/g, "").length);
  });

  it("falls back to OpenGraph, meta tags and <time> without JSON-LD", () => {
    const html = `<html><head><title>Title tag | Site</title><meta property="og:title" content="OG title here">
      <meta property="og:site_name" content="Site"><meta name="author" content="Meta Author"></head>
      <body><article><time datetime="2023-10-19">Oct 19</time>${[1, 2, 3].map((i) => `<p>${para(i)}</p>`).join("")}</article></body></html>`;
    const r = extractHtml(html);
    expect(r.meta).toMatchObject({ title: "OG title here", outlet: "Site", author: "Meta Author", published: "2023-10-19" });
    expect(r.meta.sources).toMatchObject({ title: "og:title", outlet: "og:site_name", author: "meta:author", published: "time" });
  });

  it("uses the page body when Readability finds too little, and survives truncated HTML", () => {
    const r = extractHtml("<html><body><div>Short note: the meeting was held on Thursday in Doha.</div>");
    expect(r.text).toBe("Short note: the meeting was held on Thursday in Doha.");
    const t = extractHtml(`<html><head><title>Cut</title></head><body><article><p>${para(1)}</p><p>${para(2)}`);
    expect(t.text).toContain(para(1));
    expect(t.text).toContain("Paragraph 2 of the report");
  });

  it("reports a page with no text", () => {
    const r = extractHtml("<html><body><script>var x = 1;</script></body></html>");
    expect(r.text).toBe("");
    expect(r.diagnostics.map((d) => d.code)).toContain("clean/no-text");
  });
});
