import { describe, expect, it } from "vitest";
import { containment, contentTerms, jaccard, nameKey, stem } from "./terms.js";
import { groupClaims, type Unit } from "./facts.js";
import type { SourceGroups } from "./sources.js";

describe("terms", () => {
  it("stems by the longest listed suffix that leaves a stem of three letters", () => {
    expect(["meetings", "nations", "agreements", "ceasefires", "quickly", "talked", "bus", "is", ""].map(stem)).toEqual([
      "meet", "nation", "agree", "ceasefir", "quick", "talk", "bus", "is", "",
    ]);
  });

  it("keeps words outside the basic plane whole and drops stop words", () => {
    // twice: the second time from the word memo
    for (let i = 0; i < 2; i++) expect(contentTerms("The 𝐀lpha talks, said officials' 1,200 people.")).toEqual(["𝐀lpha", "talk", "official", "1", "200", "people"]);
    expect(contentTerms("Ministers’ meetings in Zürich")).toEqual(["minist", "meet", "zürich"]);
  });

  it("normalises names and gives the same key on repeated calls", () => {
    expect(nameKey("The Élysée Palace's")).toBe("elysee palace");
    expect(nameKey("The Élysée Palace's")).toBe("elysee palace");
  });
});

describe("groupClaims", () => {
  const groups: SourceGroups = { groupOf: new Map(), count: (ids) => new Set(ids).size };
  const unit = (articleId: string, text: string): Unit => ({
    articleId,
    span: { start: 0, end: text.length },
    evidence: { articleId, start: 0, end: text.length, text },
    terms: new Set(contentTerms(text)),
    numbers: [],
    position: 0,
    salient: false,
  });

  it("joins paraphrases across articles exactly as containment and Jaccard say", () => {
    const units = [
      unit("a", "Rebels seized the northern city of Goma on Sunday after heavy fighting."),
      unit("b", "Heavy fighting ended when rebels seized northern Goma city on Sunday."),
      unit("c", "The central bank raised interest rates by half a point to curb inflation."),
    ];
    const out = groupClaims(units, groups);
    expect(out.map((g) => g.units.map((u) => u.evidence.text.slice(0, 12)))).toEqual([
      ["Rebels seize", "Heavy fighti"],
      ["The central "],
    ]);
    const [a, b] = [units[0].terms, units[1].terms];
    expect(containment(a, b)).toBeGreaterThanOrEqual(0.5);
    expect(jaccard(a, b)).toBeGreaterThanOrEqual(0.25);
  });
});
