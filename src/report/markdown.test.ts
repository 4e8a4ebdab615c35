import { describe, expect, it } from "vitest";
import type { Story } from "../story/types.js";
import { fixtureStory, hostileStory } from "../../test/fixtures/report/hostile.js";
import { renderMarkdown } from "./markdown.js";

/** Maps the numbers of the "## Articles" list to article ids ("- **[n]** …" then "  - id X …"). */
function articleNumbers(md: string): Map<number, string> {
  const out = new Map<number, string>();
  const lines = md.slice(md.indexOf("## Articles")).split("\n");
  lines.forEach((line, i) => {
    const m = /^- \*\*\[(\d+)\]\*\*/.exec(line);
    if (m) out.set(Number(m[1]), /id (\S+)/.exec(lines[i + 1])![1]);
  });
  return out;
}

/** The article ids cited by the "[n]" markers at the end of the line that contains `needle`. */
function citedIds(md: string, needle: string): string[] {
  const line = md.split("\n").find((l) => l.includes(needle));
  expect(line, needle).toBeDefined();
  const nums = [...line!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const map = articleNumbers(md);
  return nums.map((n) => map.get(n)!).sort();
}

describe("renderMarkdown", () => {
  const story = fixtureStory();
  const md = renderMarkdown(story);

  it("starts with the headline, then period and source counts", () => {
    const [h1, , meta] = md.split("\n");
    expect(h1).toBe("# China's envoy Zhai Jun meets Russian and Qatari officials in Doha");
    expect(meta).toBe("2023-10-12 – 2023-10-20 · 5 articles from 4 independent sources · story s-5f0c2a9e1d7b3c48");
  });

  it("says when the report reads only part of a long story", () => {
    const long: Story = { ...story, coverage: { articles: 1200, read: 400, carriedTimeline: 7, note: "built from the latest 400 of the story's 1200 articles; 7 earlier timeline entries are carried from earlier reports" } };
    const [, , meta, note] = renderMarkdown(long).split("\n");
    expect(meta).toContain("1200 articles from 4 independent sources (in the articles read)");
    expect(note).toContain("built from the latest 400 of the story's 1200 articles");
    expect(note).toContain(`parallax articles --story ${story.id}`);
  });

  it("has every section, event label and quote speaker", () => {
    for (const h of ["## The story in short", "## Timeline", "## What happened", "## Who said what", "## How sure we are", "### Corroborated", "### Single source", "### Contradictions", "## People, organizations and places", "### People", "### Places", "## Articles"]) {
      expect(md).toContain(`\n${h}`);
    }
    for (const e of story.events) expect(md).toContain(`**${e.label}**`);
    for (const q of story.quotes) expect(md).toContain(`**${q.speaker.name}**`);
  });

  it("numbers the articles in story order and every citation maps to the right article", () => {
    const map = articleNumbers(md);
    expect([...map.values()]).toEqual(story.articles.map((a) => a.id));
    for (const e of story.events) {
      const expected = [...new Set([...e.articleIds, ...e.evidence.map((x) => x.articleId)])].sort();
      expect(citedIds(md, `**${e.label}**`)).toEqual(expected);
    }
    for (const s of story.summary) expect(citedIds(md, s.text.slice(0, 60))).toEqual([...s.cites].sort());
    expect(citedIds(md, "**2023-10-07**")).toEqual(["bdc864ace7bdc83f"]);
  });

  it("gives each event its date basis, place, actors/targets with roles and a single-source flag", () => {
    const block = md.slice(md.indexOf("**Zhai Jun met Mohammed"), md.indexOf("## Who said what"));
    expect(block).toContain("When: 2023-10-19 (relative to publication date) · Where: Doha · meet, CAMEO 043");
    expect(block).toContain("Target: Mohammed bin Abdulaziz bin Saleh Al Khulaifi (Qatar's Minister of State at the Ministry of Foreign Affairs)");
    expect(block).toContain("— **single source**");
    const bogdanov = md.slice(md.indexOf("**Zhai Jun met Mikhail Bogdanov"), md.indexOf("**Zhai Jun met Mohammed"));
    expect(bogdanov).toContain("Sources: 3 independent sources in 4 articles");
    expect(bogdanov).not.toContain("single source");
  });

  it("writes the quote ledger, facts by certainty and contradictions side by side", () => {
    expect(md).toMatch(/- \*\*Wang Yi\*\* \(Chinese Foreign Minister\): “Israel’s actions have gone beyond the scope of self-defence\.” — direct — single source \[\d\]\[\d\]/);
    expect(md).toContain("— 3 independent sources [2][3][4][5]");
    expect(md).toMatch(/### Contradictions\n\n- “A Russian-drafted .*failed to pass on Monday\.” \[4\]\n {2}- \*\*vs\.\*\* “The United Nations .*sufficient support\.” \[3\]/);
  });

  it("describes the rewrite relation, what it adds, and diagnostics", () => {
    expect(md).toContain("  - **rewrite of [4]**: 77% of its sentences aligned (wire attribution");
    expect(md).toMatch(/ {2}- adds 3 sentences: “The United Nations Security Council attempted/);
    expect(md).toContain("  - rewritten by [3]");
    expect(md).toContain("- **[4]** **Reuters** — “Chinese Mideast envoy calls for rights guarantees for Palestinians” — 2023-10-20");
    expect(md).toContain("  - diagnostics: 2 (1 warning, 1 info)");
  });

  it("lists entities with roles (cited) and aliases", () => {
    expect(md).toMatch(/- \*\*Mikhail Bogdanov\*\* — Russia's Deputy FM and Special Presidential Representative for the Middle East and Africa \[2\]; Russian Deputy Foreign Minister \[5\] — also: Bogdanov — \d+ mentions in 3 articles/);
  });

  it("escapes hostile text so no data becomes HTML, links or emphasis", () => {
    const evil = renderMarkdown(hostileStory());
    expect(evil).not.toMatch(/(?<!\\)[<>]/); // every angle bracket from the data is backslash-escaped: no HTML
    expect(evil).not.toMatch(/(?<!\\)\[click(?<!\\)\]\(javascript:/);
    expect(evil).toContain("\\<script\\>alert(1)\\</script\\>");
    expect(evil).toContain("\\*\\*bold\\*\\*");
    expect(evil).not.toContain("\u001b");
    expect(evil).not.toContain("\u202e");
    // Every line is a single line: data newlines never break the layout.
    expect(renderMarkdown({ ...story, headline: { ...story.headline, text: "one\n# two" } }).split("\n")[0]).toBe("# one \\# two");
  });

  it("caps long sections, handles several stories, bare stories and none", () => {
    const capped = renderMarkdown(story, { maxItems: 2 });
    expect(capped).toContain("- … and 6 more");
    const two = renderMarkdown([story, { ...story, id: "s-2" }]);
    expect(two.split("\n---\n").length).toBe(2);
    const bare = { id: "s-bare", articles: [{ id: "a1", rewriteOf: [], duplicateOf: [], sourceGroup: "a1", diagnostics: [] }] } as unknown as Story;
    const out = renderMarkdown(bare);
    expect(out).toContain("# (no headline)");
    expect(out).toContain("dates unknown · 1 article from 1 independent source");
    expect(out).toContain("- **[1]** unknown outlet — (untitled) — undated");
    expect(renderMarkdown([])).toBe("No stories.\n");
    expect(() => renderMarkdown([null as unknown as Story])).toThrow(/not a story object/);
  });
});
