import { describe, expect, it } from "vitest";
import { normWord, sentenceFeatures, shortShape, wordShape } from "./features.js";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";

describe("features", () => {
  it("computes word shapes", () => {
    expect(wordShape("Zhai")).toBe("Xxxx");
    expect(wordShape("Bogdanov")).toBe("Xxxxx");
    expect(wordShape("U.S.")).toBe("X.X.");
    expect(wordShape("2023")).toBe("dddd");
    expect(wordShape("NATO")).toBe("XXXX");
    expect(wordShape("Åland")).toBe("Xxxxx");
    expect(shortShape("Xxxxx")).toBe("Xx");
  });

  it("normalises digits and curly apostrophes", () => {
    expect(normWord("’s")).toBe("'s");
    expect(normWord("1,400")).toBe("0,000");
  });

  it("marks gazetteer membership, multi-word phrases and role words before a token", () => {
    const lists = emptyGazetteerLists();
    lists.countries = ["qatar", "united states"];
    lists.roleNouns = ["minister"];
    const gaz = new Gazetteer(lists);
    const toks = ["The", "Minister", "visited", "the", "United", "States", "and", "Qatar"].map((text) => ({ text }));
    const { feats } = sentenceFeatures(toks, gaz);
    expect(feats[2]).toContain("roleT-1");
    expect(feats[4]).toContain("gp=B-country");
    expect(feats[5]).toContain("gp=I-country");
    expect(feats[7]).toContain("g=country");
    expect(feats[7]).toContain("gT=country");
    expect(feats[0]).toContain("init-title");
  });

  it("gives case-sensitive features their own weights in headline lines", () => {
    const lists = emptyGazetteerLists();
    lists.commonWords = ["calls", "peace", "talks"];
    lists.countries = ["china"];
    const gaz = new Gazetteer(lists);
    const { feats } = sentenceFeatures(["China", "Calls", "for", "Peace", "Talks"].map((text) => ({ text })), gaz);
    expect(feats[1]).toContain("M=title");
    expect(feats[1]).toContain("title|common");
    expect(feats[1]).toContain("title|w=Calls");
    expect(feats[1]).not.toContain("w=Calls");
    expect(feats[1]).toContain("l=calls");
    const normal = sentenceFeatures(["China", "calls", "for", "talks"].map((text) => ({ text })), gaz).feats;
    expect(normal[0]).toContain("w=China");
    expect(normal[0].some((f) => f.startsWith("M="))).toBe(false);
  });
});
