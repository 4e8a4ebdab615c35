import { describe, expect, it } from "vitest";
import { Stage1Sentence, documentFeatures } from "./docstage.js";

function sent(words: string[], tags: string[], mode: Stage1Sentence["mode"] = "normal"): Stage1Sentence {
  return { tokens: words.map((text) => ({ text })), tags, mode };
}

describe("documentFeatures", () => {
  it("gives a word the majority first-stage type of its other occurrences", () => {
    const doc = [sent(["Jordan", "said", "so"], ["B-PERSON", "O", "O"]), sent(["Jordan", "agreed"], ["B-PERSON", "O"]), sent(["Then", "Jordan", "left"], ["O", "B-LOC", "O"])];
    const f = documentFeatures(doc);
    expect(f[2][1]).toContain("dtm=PERSON");
    expect(f[2][1]).toContain("dtmu=PERSON");
    // The occurrence itself is not counted: the first sentence sees one PERSON and one LOC.
    expect(f[0][0].some((x) => x.startsWith("dtmu="))).toBe(false);
    // Lower-case words get no token-majority features.
    expect(f[0][1]).toEqual([]);
  });

  it("flags capitalised words seen in lower case elsewhere, and parts of longer entities", () => {
    const doc = [sent(["Talks", "went", "on"], ["O", "O", "O"]), sent(["The", "talks", "with", "Zhai", "Jun"], ["O", "O", "O", "B-PERSON", "I-PERSON"]), sent(["Zhai", "said"], ["B-ORG", "O"])];
    const f = documentFeatures(doc);
    expect(f[0][0]).toContain("dlc|init=1");
    expect(f[2][0]).toContain("dsm=PERSON|first");
    // A token's own position in its entity is not evidence.
    expect(f[1][3].some((x) => x.startsWith("dsm="))).toBe(false);
  });

  it("gives an entity the majority type of the same entity string elsewhere, with the case mode in headlines", () => {
    const doc = [sent(["Red", "Cross", "said"], ["B-ORG", "I-ORG", "O"]), sent(["RED", "CROSS", "ARRIVES"], ["B-LOC", "I-LOC", "O"], "upper")];
    const f = documentFeatures(doc);
    expect(f[1][0]).toContain("upper|dem=ORG");
    expect(f[0][1]).toContain("dem=LOC");
  });
});
