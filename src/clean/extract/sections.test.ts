import { describe, expect, it } from "vitest";
import { extractMain, parseDocument } from "./index.js";

const para = (n: number, topic: string): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} about ${topic}, with enough words, commas, and detail to read as prose in a real article body.</p>`).join("\n");
const body = (html: string): string => extractMain(parseDocument(`<html><body>${html}</body></html>`)).text;

describe("section rules (sections.ts)", () => {
  it("drops a class-less section opened by a furniture heading, keeping a real subheading", () => {
    const t = body(`<div>${para(3, "the harbour")}<h2>What happens next</h2>${para(2, "the talks")}
      <div><h3>You may also like</h3><div><a href="/x">Another story</a><p>Teaser text for another story on the site.</p></div><div><a href="/y">Third story</a></div></div></div>`);
    expect(t).toContain("What happens next");
    expect(t).toContain("Paragraph 2 about the talks");
    expect(t).not.toContain("You may also like");
    expect(t).not.toContain("Teaser text");
  });

  it("drops a furniture heading and the link paragraphs after it inside the body", () => {
    const t = body(`<div>${para(4, "the band")}<p>You may also like...</p><p><a href="/a">Who will make the Hall in 2020?</a></p><p><a href="/b">Fans vote for the band</a></p></div>`);
    expect(t).toContain("Paragraph 4 about the band");
    expect(t).not.toContain("You may also like");
    expect(t).not.toContain("Fans vote");
  });

  it("drops the trailing run of link-only blocks and its lead-in line", () => {
    const t = body(`<div>${para(4, "the budget")}<p>More coverage:</p><p><a href="/1">Budget vote delayed again</a></p><p><a href="/2">Minister defends plan</a></p></div>`);
    expect(t).toContain("Paragraph 4 about the budget");
    expect(t).not.toContain("More coverage");
    expect(t).not.toContain("Minister defends plan");
  });

  it("drops newsletter asks at the article's end but keeps a quote that mentions subscriptions", () => {
    const t = body(`<div>${para(3, "local news")}<p>“Readers will pay for a digital subscription if it is worth it,” she said.</p><p>Sign up for our free daily newsletter.</p></div>`);
    expect(t).toContain("digital subscription");
    expect(t).not.toContain("Sign up");
  });

  it("drops a date and byline line above the article", () => {
    const t = body(`<div><div>By Ann Lee | March 3, 2025</div>${para(3, "the election")}</div>`);
    expect(t.startsWith("Paragraph 1 about the election")).toBe(true);
  });

  it("drops an unmarked caption (a short text block alone with an image), keeps a paragraph beside text", () => {
    const t = body(`<div><div class="image"><img src="/a.jpg"><p>Astronauts at work on the station in 2006. (NASA via AP)</p></div>${para(4, "hibernation")}</div>`);
    expect(t).not.toContain("NASA via AP");
    expect(t.startsWith("Paragraph 1 about hibernation")).toBe(true);
  });

  it("scores loose text beside blocks (<div>text<br>text<div class=separator>..</div></div>)", () => {
    const loose = Array.from({ length: 4 }, (_, i) => `Sentence ${i + 1} of a post written without paragraphs, as blog editors often do, with commas, clauses, and detail.<br><br>`).join("");
    const t = body(`<div class="widget Blog"><div class="post-body">${loose}<div class="separator"><a href="/i.jpg"><img src="/i.jpg"></a></div>${loose}</div></div><div class="footer-links"><p>About</p></div>`);
    expect(t).toContain("Sentence 4 of a post");
  });

  it("keeps a wrapper named after its sidebar when it holds the headline and most of the text", () => {
    const t = body(`<div class="container penci_sidebar"><div id="main"><h1>Headline</h1>${para(5, "hiking")}</div></div><aside>${para(4, "the footer area")}</aside>`);
    expect(t).toContain("Paragraph 5 about hiking");
  });
});
