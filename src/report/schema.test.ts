import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Story } from "../story/types.js";
import { checkStory, type ArticleTexts } from "./check.js";
import { renderJson, STORY_FORMAT_VERSION } from "./json.js";

const root = new URL("../../", import.meta.url);
const read = (p: string): string => readFileSync(new URL(p, root), "utf8");
const schema = JSON.parse(read("docs/story.schema.json"));
const fixtureText = read("test/fixtures/report/story.json");
const fixture = JSON.parse(fixtureText) as { version: string; stories: Story[] };
const articles = JSON.parse(read("test/fixtures/report/articles.json")) as ArticleTexts[];
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const story = (): Story => structuredClone(fixture.stories[0]);
const doc = (s: Story): unknown => ({ version: STORY_FORMAT_VERSION, stories: [s] });
const errorsOf = (d: unknown): string[] => (validate(d) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe("story.schema.json", () => {
  it("accepts the hand-made sample-corpus fixture", () => {
    expect(errorsOf(fixture)).toEqual([]);
  });

  it("accepts an empty document", () => {
    expect(errorsOf({ version: "1.0", stories: [] })).toEqual([]);
  });

  it("accepts a bounded report's coverage and rejects a malformed one", () => {
    const s = story();
    s.coverage = { articles: 900, read: 400, carriedTimeline: 3, note: "built from the latest 400 of the story's 900 articles" };
    expect(errorsOf(doc(s))).toEqual([]);
    (s.coverage as unknown as Record<string, unknown>).read = -1;
    expect(errorsOf(doc(s)).join("\n")).toMatch(/\/stories\/0\/coverage\/read/);
  });

  it("rejects an event without evidence", () => {
    const s = story();
    delete (s.events[0] as Partial<Story["events"][0]>).evidence;
    expect(errorsOf(doc(s)).join("\n")).toMatch(/\/stories\/0\/events\/0 must have required property 'evidence'/);
  });

  it("rejects a summary sentence with an empty evidence list", () => {
    const s = story();
    s.summary[0].evidence = [];
    expect(errorsOf(doc(s)).join("\n")).toMatch(/\/stories\/0\/summary\/0\/evidence must NOT have fewer than 1 items/);
  });

  it("rejects a negative start and a fractional end", () => {
    const s = story();
    s.quotes[0].evidence[0].start = -3;
    s.facts[0].evidence[0].end = 10.5;
    const errs = errorsOf(doc(s)).join("\n");
    expect(errs).toMatch(/quotes\/0\/evidence\/0\/start must be >= 0/);
    expect(errs).toMatch(/facts\/0\/evidence\/0\/end must be integer/);
  });

  it("rejects unknown fields, bad enums and a missing version", () => {
    const s = story() as Story & { extra?: number };
    s.extra = 1;
    s.facts[0].status = "probably" as never;
    const errs = errorsOf(doc(s)).join("\n");
    expect(errs).toMatch(/must NOT have additional properties/);
    expect(errs).toMatch(/facts\/0\/status must be equal to one of the allowed values/);
    expect(errorsOf({ stories: [] }).join("\n")).toMatch(/required property 'version'/);
  });
});

describe("docs/story-format.md", () => {
  it("has a JSON event example that validates and whose spans match the sample articles", () => {
    const md = read("docs/story-format.md");
    const blocks = [...md.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
    const event = JSON.parse(blocks.find((b) => b.includes('"cameo"'))!);
    const ajv = new Ajv2020({ strict: true });
    ajv.addSchema(schema);
    expect(ajv.validate({ $ref: `${schema.$id}#/$defs/event` }, event), JSON.stringify(ajv.errors)).toBe(true);
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    const spans = [event.evidence[0], JSON.parse(blocks.find((b) => b.trim().startsWith('{ "articleId"'))!)];
    for (const e of spans) expect(texts.get(e.articleId)!.slice(e.start, e.end)).toBe(e.text);
  });
});

describe("fixture consistency (checkStory)", () => {
  it("has every evidence span equal to the article text it covers, and every cite in the article list", () => {
    expect(checkStory(fixture.stories[0], articles)).toEqual([]);
    // Spot-check the claim directly, not only through checkStory.
    const byId = new Map(articles.map((a) => [a.id, a]));
    for (const e of fixture.stories[0].events.flatMap((ev) => ev.evidence)) {
      expect(byId.get(e.articleId)!.text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it("reports shifted spans, dangling ids and length mismatches", () => {
    const s = story();
    s.events[0].evidence[0] = { ...s.events[0].evidence[0], start: s.events[0].evidence[0].start + 1, end: s.events[0].evidence[0].end + 1 };
    s.quotes[0].articleIds.push("nope");
    s.facts[0].evidence[0].text += "x";
    const msgs = checkStory(s, articles).map((p) => `${p.path}: ${p.message}`);
    expect(msgs).toContain("/events/0/evidence/0: text differs from the article's text at [" + s.events[0].evidence[0].start + ", " + s.events[0].evidence[0].end + ")");
    expect(msgs.some((m) => m.startsWith("/quotes/0/articleIds/3") && m.includes('"nope"'))).toBe(true);
    expect(msgs.some((m) => m.startsWith("/facts/0/evidence/0") && m.includes("UTF-16 units"))).toBe(true);
  });
});

describe("renderJson", () => {
  it("reproduces the fixture byte for byte (stable key order)", () => {
    expect(renderJson(fixture.stories)).toBe(fixtureText);
  });

  it("orders keys the same way whatever order the input has, and drops undefined", () => {
    const s = story();
    const shuffled = Object.fromEntries(Object.entries(s).reverse()) as unknown as Story;
    (shuffled as unknown as Record<string, unknown>).period = { to: "2023-10-20", from: "2023-10-12", extra: undefined };
    expect(renderJson(shuffled)).toBe(renderJson(s));
    const out = JSON.parse(renderJson(s));
    expect(Object.keys(out)).toEqual(["version", "stories"]);
    expect(Object.keys(out.stories[0]).slice(0, 3)).toEqual(["id", "headline", "period"]);
    expect(Object.keys(out.stories[0].events[0].evidence[0])).toEqual(["articleId", "start", "end", "text"]);
  });

  it("wraps a single story and validates", () => {
    const out = JSON.parse(renderJson(story()));
    expect(out.version).toBe(STORY_FORMAT_VERSION);
    expect(out.stories).toHaveLength(1);
    expect(errorsOf(out)).toEqual([]);
  });

  it("throws a ParallaxError for something that is not a story", () => {
    expect(() => renderJson("nope" as unknown as Story)).toThrow(/not a story object/);
  });
});
