import { describe, expect, it } from "vitest";
import type { Story, StoryArticle, TimelineEntry } from "./types.js";
import { carryForward, reportWindow, withCarried } from "./window.js";

const art = (id: string, published?: string): StoryArticle => ({ id, published, rewriteOf: [], duplicateOf: [], sourceGroup: id, diagnostics: [] });
const entry = (date: string, text: string, cites: string[]): TimelineEntry => ({ date, text, cites, evidence: [] });
const story = (articles: StoryArticle[], timeline: TimelineEntry[], period: Story["period"] = {}): Story => ({
  id: "s1",
  headline: { text: "h", articleId: articles[0].id, field: "title", evidence: [] },
  period,
  articles,
  relations: [],
  entities: [],
  events: [],
  quotes: [],
  facts: [],
  summary: [],
  timeline,
  independentSources: articles.length,
  generatedAt: "2026-01-01T00:00:00.000Z",
  version: "test",
});

describe("reportWindow", () => {
  it("reads every article of a story that fits", () => {
    expect(reportWindow([{ id: "a", day: 1, isNew: false }, { id: "b", isNew: true }], 2)).toEqual(["a", "b"]);
  });

  it("reads the new articles first, then the latest earlier ones; undated count as oldest", () => {
    const members = [
      { id: "old1", day: 1, isNew: false },
      { id: "old3", day: 3, isNew: false },
      { id: "undated", isNew: false },
      { id: "old2", day: 2, isNew: false },
      { id: "new0", day: 0, isNew: true },
    ];
    expect(reportWindow(members, 3)).toEqual(["new0", "old3", "old2"]);
  });

  it("keeps the latest new articles when more are new than fit", () => {
    const members = [1, 2, 3, 4].map((d) => ({ id: `n${d}`, day: d, isNew: true }));
    expect(reportWindow(members, 2)).toEqual(["n4", "n3"]);
  });
});

describe("carryForward and withCarried", () => {
  const earlier = story(
    [art("a", "2023-10-01"), art("b", "2023-10-05"), art("c", "2023-10-09")],
    [entry("2023-10-01", "talks began", ["a"]), entry("2023-10-05", "envoys met", ["b", "c"]), entry("2023-10-09", "a ceasefire call", ["c"])],
    { from: "2023-10-01", to: "2023-10-09" },
  );

  it("carries only entries that rest wholly on articles not read now and still in the story", () => {
    const carried = carryForward([earlier], new Set(["c", "d"]), new Set(["a", "b", "c", "d"]));
    expect(carried.timeline.map((e) => e.text)).toEqual(["talks began"]);
    expect(carried.articles.map((a) => a.id)).toEqual(["a"]);
    // an article that left the story takes its entries with it
    expect(carryForward([earlier], new Set(["d"]), new Set(["b", "c", "d"])).timeline.map((e) => e.text)).toEqual(["envoys met", "a ceasefire call"]);
  });

  it("merges the carried timeline into the window's, the window winning on a shared date, and says so", () => {
    const now = story([art("c", "2023-10-09"), art("d", "2023-10-12")], [entry("2023-10-01", "talks began (as retold)", ["d"]), entry("2023-10-12", "a vote failed", ["d"])], {
      from: "2023-10-09",
      to: "2023-10-12",
    });
    const carried = carryForward([earlier], new Set(["c", "d"]), new Set(["a", "b", "c", "d"]));
    const out = withCarried(now, { timeline: [...carried.timeline, entry("2023-10-03", "a visit", ["b"])], articles: [...carried.articles, earlier.articles[1]] }, 4, {
      from: "2023-10-01",
      to: "2023-10-12",
    });
    expect(out.timeline.map((e) => `${e.date} ${e.text}`)).toEqual(["2023-10-01 talks began (as retold)", "2023-10-03 a visit", "2023-10-12 a vote failed"]);
    // the carried entry's article is listed so its citation resolves; "a" is not cited any more
    expect(out.articles.map((a) => a.id)).toEqual(["b", "c", "d"]);
    expect(out.period).toEqual({ from: "2023-10-01", to: "2023-10-12" });
    expect(out.coverage).toMatchObject({ articles: 4, read: 2, carriedTimeline: 1 });
    expect(out.coverage!.note).toContain("latest 2 of the story's 4 articles");
  });
});
