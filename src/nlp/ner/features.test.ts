import { describe, expect, it } from "vitest";
import { normWord, runFeatures, sentenceFeatures, shortShape, wordFeats, wordShape } from "./features.js";
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

  it("gives every word of a capitalised run the classes of the run's last and first words", () => {
    const lists = emptyGazetteerLists();
    lists.orgKeywords = ["party"];
    lists.miscKeywords = ["cup"];
    lists.demonyms = ["iraqi"];
    const gaz = new Gazetteer(lists);
    const words = ["He", "left", "the", "Reform", "Party", "of", "Texas", "for", "the", "World", "Cup", ",", "Iraqi", "Army"].map((w) => wordFeats(w, gaz));
    const runs = runFeatures(words);
    expect(runs?.[3]).toEqual([]); // "Reform Party of Texas" ends with a word of no list: no class
    expect(runs?.[9]).toEqual(["rl=misckey|B"]);
    expect(runs?.[10]).toEqual(["rl=misckey|E"]);
    expect(runs?.[12]).toEqual(["rf=demonym|B"]);
    expect(runs?.[1]).toEqual([]);
    expect(runFeatures(["He", "left"].map((w) => wordFeats(w, gaz)))).toBeUndefined();
    const { feats } = sentenceFeatures(["at", "the", "World", "Cup"].map((text) => ({ text })), gaz);
    expect(feats[2]).toContain("rl=misckey|B");
  });

  it("reads typographic double quotes as plain ones", () => {
    const gaz = new Gazetteer(emptyGazetteerLists());
    expect(wordFeats("\u201d", gaz).self).toEqual(wordFeats('"', gaz).self);
    expect(wordFeats("\u201c", gaz).norm).toBe('"');
  });
});
