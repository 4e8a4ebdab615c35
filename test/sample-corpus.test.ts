/**
 * What an analyst reading the five sample articles expects the report to say. Each
 * assertion is a fact checked by hand against the articles.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { FILES, runSample, type SampleRun } from "./sample.js";
import type { Story } from "../src/story/types.js";

let run: SampleRun;
let story: Story;

beforeAll(async () => {
  run = await runSample();
  story = run.stories[0];
});

describe("sample corpus: articles", () => {
  it("reads all five articles", () => {
    expect(run.items).toHaveLength(5);
  });

  it("takes publication dates from the header lines", () => {
    expect(run.byFile(FILES.doha).article.meta.published?.slice(0, 10)).toBe("2023-10-20");
    expect(run.byFile(FILES.call).article.meta.published?.slice(0, 10)).toBe("2023-10-12");
  });

  it("takes titles from first lines and breadcrumbs, and removes them from the text", () => {
    expect(run.byFile(FILES.reuters).article.meta.title).toBe("Chinese Mideast envoy calls for rights guarantees for Palestinians");
    expect(run.byFile(FILES.call).article.meta.title).toBe("China Calls for Ceasefire and Resumption of Peace Talks in Palestine-Israel Conflict");
    expect(run.byFile(FILES.blog).article.meta.title).toBe("China supports Russia in brokering a ceasefire in Palestine");
    expect(run.byFile(FILES.call).article.text).not.toContain("Home »");
  });

  it("removes captions and comment debris, and says why", () => {
    const blog = run.byFile(FILES.blog).article;
    expect(blog.text).not.toContain("Representative photo");
    expect(blog.text).not.toContain("china and russia collaborate in palestine");
    expect(blog.text).not.toContain("Leave a Reply");
    const removed = blog.diagnostics.filter((d) => d.code.startsWith("clean/")).map((d) => d.text ?? "");
    expect(removed.some((t) => t.includes("Representative photo"))).toBe(true);
    expect(removed.some((t) => t.includes("Leave a Reply"))).toBe(true);
  });

  it("reads the Reuters dateline as place and agency", () => {
    const meta = run.byFile(FILES.reuters).article.meta;
    expect(meta.dateline?.agency).toBe("Reuters");
    expect(meta.dateline?.place).toBe("Beijing");
    expect(meta.outlet).toBe("Reuters");
  });
});

describe("sample corpus: the story", () => {
  it("is one story of all five articles", () => {
    expect(run.stories).toHaveLength(1);
    expect(story.articles).toHaveLength(5);
  });

  it("finds that 002 rewrites the Reuters article 003, and counts them as one source", () => {
    const rewrite = run.byFile(FILES.rewrite).article.id;
    const reuters = run.byFile(FILES.reuters).article.id;
    const rel = story.relations.find((r) => r.kind === "rewrite" && r.from === rewrite);
    expect(rel?.to).toBe(reuters);
    expect(rel!.alignments.length).toBeGreaterThanOrEqual(3);
    expect(story.relations.filter((r) => r.kind === "rewrite")).toHaveLength(1);
    expect(story.independentSources).toBe(4);
  });

  it("gives people the roles the articles give them", () => {
    const person = (n: string) => story.entities.find((e) => e.type === "PERSON" && e.name.includes(n));
    expect(person("Zhai Jun")).toBeDefined();
    expect(person("Zhai Jun")!.roles.map((r) => r.text).join(" | ")).toMatch(/envoy/i);
    expect(person("Bogdanov")!.roles.map((r) => r.text).join(" | ")).toMatch(/Deputy (FM|Foreign Minister)/);
    expect(person("Khulaifi")!.roles.map((r) => r.text).join(" | ")).toMatch(/Minister of State/);
    expect(person("Wang Yi")!.roles.map((r) => r.text).join(" | ")).toMatch(/Foreign Minister/);
  });

  it("merges short forms of a name with the full name", () => {
    const zhai = story.entities.filter((e) => e.type === "PERSON" && /\bZhai\b/.test(e.name));
    expect(zhai).toHaveLength(1);
  });

  it("dates the Doha meeting with Bogdanov to Thursday 19 October 2023, in Doha, from several sources", () => {
    const meeting = story.events.find(
      (e) => e.type === "meet" && [...e.actors, ...e.targets].some((p) => p.name.includes("Bogdanov")) && e.date === "2023-10-19",
    );
    expect(meeting, story.events.map((e) => e.label).join("\n")).toBeDefined();
    expect(meeting!.independentSources).toBeGreaterThanOrEqual(2);
  });

  it("dates the phone call with Jadot to 11 October 2023", () => {
    const call = story.events.find((e) => [...e.actors, ...e.targets].some((p) => p.name.includes("Jadot")) && e.date === "2023-10-11");
    expect(call, story.events.map((e) => e.label).join("\n")).toBeDefined();
  });

  it("attributes the quotes to the right speakers", () => {
    const by = (speaker: string, words: string) => story.quotes.find((q) => q.speaker.name.includes(speaker) && q.text.includes(words));
    expect(by("Zhai", "fundamental reason")).toBeDefined();
    expect(by("Zhai", "ready to maintain communication")).toBeDefined();
    expect(by("Bogdanov", "work with China")).toBeDefined();
    expect(by("Wang Yi", "self-defen")).toBeDefined();
    expect(story.quotes.find((q) => q.text.includes("deeply disappointed"))?.speaker.name).toMatch(/spokesperson|ministry/i);
  });

  it("cites real spans in every piece of evidence", () => {
    const text = new Map(run.items.map((i) => [i.article.id, i.article]));
    const all = [
      ...story.events.flatMap((e) => e.evidence),
      ...story.quotes.flatMap((q) => q.evidence),
      ...story.facts.flatMap((f) => f.evidence),
      ...story.summary.flatMap((s) => s.evidence),
      ...story.timeline.flatMap((t) => t.evidence),
      ...story.entities.flatMap((e) => e.evidence),
    ];
    expect(all.length).toBeGreaterThan(20);
    for (const ev of all) {
      const a = text.get(ev.articleId)!;
      const src = ev.field === "title" ? a.meta.title ?? "" : a.text;
      expect(src.slice(ev.start, ev.end)).toBe(ev.text);
    }
  });

  it("has a summary and a timeline whose every line cites articles", () => {
    expect(story.summary.length).toBeGreaterThan(0);
    for (const s of story.summary) expect(s.cites.length).toBeGreaterThan(0);
    const dates = story.timeline.map((t) => t.date);
    expect(dates).toContain("2023-10-11");
    expect(dates).toContain("2023-10-19");
    for (const t of story.timeline) expect(t.cites.length).toBeGreaterThan(0);
  });

  it("chooses its headline from the articles' titles", () => {
    const titles = run.items.map((i) => i.article.meta.title);
    expect(titles).toContain(story.headline.text);
  });
});
