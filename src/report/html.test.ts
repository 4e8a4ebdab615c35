import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { fixtureStory, hostileStory } from "../../test/fixtures/report/hostile.js";
import { CONTENT_SECURITY_POLICY, renderHtml } from "./html.js";

const dom = (html: string) => parseHTML(html).document;

/** Structural safety checks every rendered page must pass. */
function assertSafePage(html: string): void {
  const doc = dom(html);
  expect(doc.querySelectorAll("script, iframe, object, embed, img, link, base, form, meta[http-equiv=refresh]").length).toBe(0);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img/i);
  expect(html.match(/<\/style>/gi)?.length).toBe(1);
  for (const el of doc.querySelectorAll("*")) {
    for (const attr of el.attributes) expect(attr.name.startsWith("on"), `${el.tagName} has ${attr.name}`).toBe(false);
    expect(el.hasAttribute("src")).toBe(false);
    expect(el.hasAttribute("style")).toBe(false);
  }
  for (const a of doc.querySelectorAll("a[href]")) {
    const href = a.getAttribute("href")!;
    if (href.startsWith("#")) continue;
    expect(href).toMatch(/^https?:\/\//);
    expect(a.getAttribute("rel")).toBe("noopener noreferrer");
  }
  expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
}

describe("renderHtml", () => {
  const story = fixtureStory();
  const html = renderHtml(story);
  const doc = dom(html);

  it("is one self-contained page with a strict CSP that allows only its own stylesheet", () => {
    assertSafePage(html);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")!;
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    const css = doc.querySelector("style")!.textContent!;
    expect(csp).toContain(`'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?https?:/i); // the fixture has no URLs: no external references at all
  });

  it("shows the headline, every event label, every quote speaker and every section", () => {
    expect(doc.querySelector("h1")!.textContent).toBe(story.headline.text);
    const text = doc.body.textContent!;
    for (const e of story.events) expect(text).toContain(e.label);
    for (const q of story.quotes) expect(text).toContain(q.speaker.name);
    const h2 = [...doc.querySelectorAll("h2")].map((x) => x.textContent);
    expect(h2).toEqual(["The story in short", "Timeline", "What happened", "Who said what", "How sure we are", "People, organizations and places", "Articles"]);
  });

  it("links every citation to the right article and shows its evidence on hover", () => {
    const cites = [...doc.querySelectorAll("a.cite")];
    expect(cites.length).toBeGreaterThan(20);
    for (const a of cites) {
      const target = doc.getElementById(a.getAttribute("href")!.slice(1));
      expect(target, a.getAttribute("href")!).not.toBeNull();
      const n = Number(a.textContent!.replace(/\D/g, ""));
      expect(target!.getAttribute("value")).toBe(String(n));
      expect(target!.textContent).toContain(`id ${story.articles[n - 1].id}`);
    }
    // The Bogdanov meeting cites articles 000, 002, 003, 004: numbers 2-5 in the fixture's order.
    const meeting = [...doc.querySelectorAll("ol > li")].find((li) => li.textContent!.startsWith("Zhai Jun met Mikhail Bogdanov"))!;
    const nums = [...meeting.querySelectorAll(":scope > a.cite")].map((a) => a.textContent);
    expect(nums).toEqual(["[2]", "[3]", "[4]", "[5]"]);
    const reuters = meeting.querySelector('a.cite[href="#s1-a4"]')!;
    expect(reuters.getAttribute("title")).toContain("China and Russia share the same position on the Palestinian issue");
    expect(meeting.querySelector("details.ev")!.textContent).toContain("evidence (4)");
  });

  it("flags single-source events and shows the rewrite with its share and additions", () => {
    const khulaifi = [...doc.querySelectorAll("ol > li")].find((li) => li.textContent!.startsWith("Zhai Jun met Mohammed"))!;
    expect(khulaifi.querySelector(".badge.single")!.textContent).toBe("single source");
    const rewrite = doc.getElementById("s1-a3")!;
    expect(rewrite.textContent).toMatch(/rewrite of \[4\]: 77% of its sentences aligned/);
    expect(rewrite.textContent).toContain("adds 3 sentences");
  });

  it("escapes hostile text in every field and links only http(s) URLs", () => {
    for (const keepEnums of [true, false]) {
      const evil = renderHtml(hostileStory(keepEnums));
      assertSafePage(evil);
      expect(evil).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(2)&quot;");
      expect(evil).not.toContain("\u001b");
      expect(evil).not.toContain("\u202e");
    }
    const evil = dom(renderHtml(hostileStory()));
    const external = [...evil.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!).filter((h) => !h.startsWith("#"));
    expect(external).toEqual(["https://example.com/a?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"]);
    expect(evil.body.textContent).toContain("(not a web link)");
  });

  it("renders several stories with per-story anchors and a table of contents, and no stories at all", () => {
    const second = { ...fixtureStory(), id: "s-second", headline: { ...story.headline, text: "Second story" } };
    const two = dom(renderHtml([story, second]));
    expect([...two.querySelectorAll("nav a")].map((a) => a.getAttribute("href"))).toEqual(["#s1", "#s2"]);
    expect(two.getElementById("s2-a1")).not.toBeNull();
    expect(two.querySelector("title")!.textContent).toBe("Parallax: 2 stories");
    expect(renderHtml([])).toContain("No stories.");
  });
});
