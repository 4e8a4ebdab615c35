import { describe, expect, it } from "vitest";
import { detectRewrite, findDuplicates, findRewrites, rewriteCandidates, wireAgency } from "./rewrite.js";
import type { LinkDoc } from "./types.js";
import type { ArticleRelation } from "../model.js";
import { sampleDocs } from "../../test/fixtures/link/sample.js";

function checkEvidence(r: ArticleRelation, docs: LinkDoc[]): void {
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const a of r.alignments) {
    for (const e of [a.from, a.to]) expect(byId.get(e.articleId)!.text.slice(e.start, e.end)).toBe(e.text);
    expect(a.from.articleId).toBe(r.from);
    expect(a.to.articleId).toBe(r.to);
  }
  for (const e of r.additions) {
    expect(e.articleId).toBe(r.from);
    expect(byId.get(r.from)!.text.slice(e.start, e.end)).toBe(e.text);
  }
}

describe("detectRewrite on the sample corpus", () => {
  const docs = sampleDocs();
  const id = (p: string) => docs.find((d) => d.id.startsWith(p))!;

  it("finds 002 as a rewrite of the Reuters story 003, with aligned pairs and additions", () => {
    const r = detectRewrite(id("cfcae"), id("bdc86"))!;
    expect(r).not.toBeNull();
    expect(r.kind).toBe("rewrite");
    expect(r.from).toBe("cfcae6333fdf9c5b");
    expect(r.to).toBe("bdc864ace7bdc83f");
    expect(r.alignments.length).toBeGreaterThanOrEqual(5);
    expect(r.reason).toMatch(/Reuters/);
    expect(r.score).toBeGreaterThanOrEqual(0.5);
    // order-preserving alignment
    for (let i = 1; i < r.alignments.length; i++) {
      expect(r.alignments[i].from.start).toBeGreaterThan(r.alignments[i - 1].from.start);
      expect(r.alignments[i].to.start).toBeGreaterThan(r.alignments[i - 1].to.start);
    }
    expect(r.additions.some((e) => /collaboration between China and Russia/.test(e.text))).toBe(true);
    checkEvidence(r, docs);
    // same answer whichever way round the pair is given
    expect(detectRewrite(id("bdc86"), id("cfcae"))!.from).toBe("cfcae6333fdf9c5b");
  });

  it("finds no other rewrite among the five", () => {
    for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) {
      const pair = [docs[i].id, docs[j].id].sort().join(" ");
      if (pair === "bdc864ace7bdc83f cfcae6333fdf9c5b") continue;
      expect(detectRewrite(docs[i], docs[j]), pair).toBeNull();
    }
  });

  it("findRewrites returns exactly the 002 -> 003 relation; findDuplicates none", () => {
    const rs = findRewrites(docs);
    expect(rs.map((r) => `${r.from}->${r.to}`)).toEqual(["cfcae6333fdf9c5b->bdc864ace7bdc83f"]);
    expect(findDuplicates(docs)).toEqual([]);
  });

  it("never relates two copies of one text as a rewrite, and still finds the rewrite beside them", () => {
    // 003 syndicated with a new byline: a duplicate of 003 (the linker knows it from MinHash)
    const src = id("bdc86");
    const copy: LinkDoc = { ...src, id: "copy-of-003", text: `By A. Reporter\n${src.text}`, sentences: undefined, entities: src.entities };
    const all = [...docs, copy];
    const copyGroup = (x: string) => (x === copy.id ? src.id : x);
    const rs = findRewrites(all, { copyGroup });
    expect(rs.some((r) => copyGroup(r.from) === copyGroup(r.to))).toBe(false);
    // 002 keeps one source: 003 or its copy
    expect(rs.filter((r) => r.from === "cfcae6333fdf9c5b").map((r) => r.to)).toHaveLength(1);
    expect(["bdc864ace7bdc83f", "copy-of-003"]).toContain(rs.find((r) => r.from === "cfcae6333fdf9c5b")!.to);
  });

  it("reads a wire agency from the dateline", () => {
    expect(wireAgency(id("bdc86"))).toBe("Reuters");
    expect(wireAgency(id("cfcae"))).toBeUndefined();
  });
});

describe("detectRewrite on a synthetic paraphrase", () => {
  const source: LinkDoc = {
    id: "wire",
    published: "2024-03-04",
    text: [
      "GENEVA (AP) — The World Health Organization said on Monday that measles cases in Europe rose 45-fold last year, reaching 42,200 infections across 41 countries.",
      "Health officials blamed falling vaccination rates during the coronavirus pandemic for the sharp increase in outbreaks.",
      "\"We must act now to close immunization gaps,\" said Hans Kluge, the WHO regional director for Europe.",
      "Kazakhstan and Russia reported the largest numbers of cases, followed by Romania, where 1,600 children were admitted to hospital.",
      "The agency urged governments to run catch-up campaigns for children who missed routine shots.",
    ].join("\n"),
  };
  const rewrite: LinkDoc = {
    id: "blog",
    published: "2024-03-05",
    text: [
      "Measles infections across Europe climbed 45-fold in 2023 to 42,200 cases in 41 countries, according to the World Health Organization.",
      "Officials point to vaccination rates that dropped during the coronavirus pandemic as the cause of the increase.",
      "WHO Europe director Hans Kluge called for immunization gaps to be closed immediately.",
      "The largest case counts came from Kazakhstan and Russia, with Romania next, where 1,600 children were hospitalized.",
      "Parents in our area can book free shots at the county clinic on weekdays.",
    ].join("\n"),
  };

  it("points from the paraphrase to the wire story and lists what it adds", () => {
    const r = detectRewrite(source, rewrite)!;
    expect(r).not.toBeNull();
    expect(r.kind).toBe("rewrite");
    expect(r.from).toBe("blog");
    expect(r.to).toBe("wire");
    expect(r.reason).toMatch(/earlier publication/);
    expect(r.alignments.length).toBeGreaterThanOrEqual(3);
    expect(r.additions.map((e) => e.text)).toEqual(["Parents in our area can book free shots at the county clinic on weekdays."]);
    checkEvidence(r, [source, rewrite]);
  });

  it("does not call two unrelated articles a rewrite, nor index them as candidates", () => {
    const other: LinkDoc = { id: "x", text: "The city council approved a new budget for road repairs on Tuesday.\nThe mayor said work will start in spring.\nResidents had complained about potholes for years." };
    expect(detectRewrite(source, other)).toBeNull();
    expect(rewriteCandidates([source, rewrite, other])).toEqual([[0, 1]]);
  });

  it("findDuplicates points a copy with a new byline at the earlier original", () => {
    const copy: LinkDoc = { id: "copy", published: "2024-03-06", text: `By Staff Reporter\n${source.text}` };
    const rs = findDuplicates([copy, source, rewrite]);
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ kind: "duplicate", from: "copy", to: "wire" });
    expect(rs[0].alignments.length).toBe(5);
    expect(rs[0].additions).toEqual([]);
  });
});
