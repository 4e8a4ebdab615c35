import { describe, expect, it } from "vitest";
import { findCast, makeScaleCorpus, prng, shiftDates, type ScaleArticle } from "../scripts/make-scale-corpus.js";

/** A small T17-like base: two topics, one sentence a line, dated. */
function base(): ScaleArticle[] {
  const out: ScaleArticle[] = [];
  for (let i = 0; i < 12; i++) {
    const day = `2011-03-${String(1 + i).padStart(2, "0")}`;
    out.push({
      id: `Quake/Quake_wire/${day}/${i}.txt`,
      published: day,
      text: [
        `An earthquake struck near Sendai on March ${1 + i}, 2011, officials said.`,
        `Rescuers from Tokyo said about ${10 + i} people were killed in Sendai.`,
        `Prime Minister Kan said the government would help, speaking in Tokyo.`,
        `The Japanese agency said aftershocks could follow, as in 1995.`,
        `Kan visited Sendai on Sunday and met Mayor Okuyama.`,
      ].join("\n"),
    });
    out.push({
      id: `Vote/Vote_wire/${day}/${i}.txt`,
      published: day,
      text: [
        `Voters in Lisbon went to the polls in 2011 as Socrates sought a new term.`,
        `Socrates told supporters in Porto the vote of ${i + 3} March mattered.`,
        `Rival candidate Coelho said the economy needed a big change.`,
      ].join("\n"),
    });
  }
  return out;
}

describe("shiftDates", () => {
  it("moves dates near the publication date consistently and keeps history", () => {
    const text = "On Thursday, March 3, 2011, in 2011, and on Jan. 28 and 28 January 2011; since 1991; 2011-02-01; May 2011.";
    const out = shiftDates(text, "2011-03-04", 7 * 44);
    expect(out).toBe("On Thursday, January 5, 2012, in 2012, and on Dec. 2 and 2 December 2011; since 1991; 2011-12-06; March 2012.");
    expect(new Date(Date.UTC(2012, 0, 5)).getUTCDay()).toBe(4); // still a Thursday
  });

  it("is the identity for a zero shift", () => {
    expect(shiftDates("March 3, 2011", "2011-03-04", 0)).toBe("March 3, 2011");
  });
});

describe("findCast", () => {
  it("finds recurring mid-sentence names, not demonyms or common words", () => {
    const cast = findCast(base().map((a) => a.text));
    const names = cast.map((c) => c.name);
    expect(names).toContain("Sendai");
    expect(names).toContain("Kan");
    expect(names).not.toContain("Japanese");
    expect(names).not.toContain("Minister");
    expect(cast.find((c) => c.name === "Sendai")?.place).toBe(true);
    expect(cast.find((c) => c.name === "Okuyama")?.place ?? false).toBe(false);
  });
});

describe("makeScaleCorpus", () => {
  it("is deterministic in (base, size, seed)", () => {
    const a = makeScaleCorpus(base(), 200, 5).articles;
    const b = makeScaleCorpus(base(), 200, 5).articles;
    const c = makeScaleCorpus(base(), 200, 6).articles;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it("gives the size asked for, unique ids and texts, in publication order", () => {
    const { articles, stats } = makeScaleCorpus(base(), 300);
    expect(articles).toHaveLength(300);
    expect(stats.articles).toBe(300);
    expect(new Set(articles.map((a) => a.id)).size).toBe(300);
    expect(new Set(articles.map((a) => a.text.replace(/\s+/g, " ").trim())).size).toBe(300);
    for (let i = 1; i < articles.length; i++) expect(articles[i - 1].published <= articles[i].published).toBe(true);
    expect(stats.syndicated + stats.rewrites).toBeGreaterThan(0);
    expect(stats.newEvents).toBeGreaterThan(0);
  });

  it("moves new events in whole weeks and swaps actors", () => {
    const b = base();
    const { articles } = makeScaleCorpus(b, 400);
    const events = articles.filter((a) => a.id.startsWith("scale/event/"));
    expect(events.length).toBeGreaterThan(0);
    const baseDays = new Set(b.map((a) => Date.parse(a.published) / 86_400_000));
    // every new event's date is a base date moved by whole weeks (base dates are consecutive days)
    for (const e of events) {
      const d = Date.parse(e.published) / 86_400_000;
      expect([...baseDays].some((x) => (d - x) % 7 === 0 && d > x)).toBe(true);
    }
    expect(events.some((e) => !/Sendai|Lisbon/.test(e.text))).toBe(true);
  });

  it("samples the base below its size", () => {
    const b = base();
    const { articles } = makeScaleCorpus(b, 10);
    expect(articles).toHaveLength(10);
    expect(articles.every((a) => b.includes(a))).toBe(true);
  });
});

describe("prng", () => {
  it("repeats for a seed and stays in [0, 1)", () => {
    const r1 = prng(1);
    const r2 = prng(1);
    for (let i = 0; i < 100; i++) {
      const x = r1();
      expect(x).toBe(r2());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
