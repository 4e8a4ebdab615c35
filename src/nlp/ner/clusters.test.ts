import { describe, expect, it } from "vitest";
import { clusterKey, clusterSelfFeatures, formatClusters, parseClusters } from "./clusters.js";
import { sentenceFeatures } from "./features.js";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";
import { deserializeModel, serializeModel } from "./perceptron.js";
import { tagSentence, trainTagger } from "./tagger.js";

const FILE = formatClusters(
  [
    ["Obama", "62001"],
    ["Mubarak", "62001"],
    ["Cairo", "51220"],
    ["Tripoli", "51220"],
    ["said", "3010"],
    ["in", "0101"],
    ["the", "12"],
    ["0000", "40000"],
  ],
  "test clusters",
);

describe("word clusters", () => {
  it("round-trips the file format and skips comments", () => {
    const c = parseClusters(FILE);
    expect(FILE.startsWith("# test clusters\n")).toBe(true);
    expect(c.size).toBe(8);
    expect(c.pathOf("Cairo")).toBe("51220");
  });

  it("keys words by their cased form, digits as 0, and falls back for headline and capitals forms", () => {
    const c = parseClusters(FILE);
    expect(clusterKey("1,400")).toBe("0,000");
    expect(c.pathOf("2024")).toBe("40000");
    expect(c.pathOf("OBAMA")).toBe("62001");
    expect(c.pathOf("Said")).toBe("3010");
    expect(c.pathOf("Zzyzx")).toBeUndefined();
  });

  it("gives path prefixes as features, shorter paths fewer", () => {
    expect(clusterSelfFeatures("62001")).toEqual(["c2=62", "c3=620", "c4=6200", "c6=62001"]);
    expect(clusterSelfFeatures("12")).toEqual(["c2=12"]);
    expect(clusterSelfFeatures(undefined)).toEqual(["c=none"]);
  });

  it("adds the word's and its neighbours' clusters to the tagger features only when clusters are loaded", () => {
    const toks = ["Obama", "said", "in", "Cairo"].map((text) => ({ text }));
    const plain = sentenceFeatures(toks, new Gazetteer(emptyGazetteerLists())).feats;
    expect(plain.flat().some((f) => f.startsWith("c"))).toBe(false);
    const feats = sentenceFeatures(toks, new Gazetteer(emptyGazetteerLists(), parseClusters(FILE))).feats;
    expect(feats[0]).toContain("c6=62001");
    expect(feats[1]).toContain("c-1=6200");
    expect(feats[2]).toContain("c+1=5122");
  });

  it("scores cluster features the same on the fast and the reference path", () => {
    const gaz = new Gazetteer(emptyGazetteerLists(), parseClusters(FILE));
    const sents: [string[], string[]][] = [
      [["Obama", "said", "in", "Cairo"], ["B-PERSON", "O", "O", "B-LOC"]],
      [["Mubarak", "said", "in", "Tripoli", "in", "2011"], ["B-PERSON", "O", "O", "B-LOC", "O", "O"]],
    ];
    const data = sents.flatMap(([words, tags]) => Array.from({ length: 3 }, () => ({ tokens: words.map((text) => ({ text })), tags })));
    const model = deserializeModel(serializeModel(trainTagger(data, gaz, { epochs: 3, minFeatureCount: 1 })));
    expect([...model.index.keys()].some((f) => f.startsWith("c-1="))).toBe(true);
    for (const words of [["Mubarak", "said", "in", "Cairo"], ["Tripoli", "Obama", "Zzyzx", "said"], ["OBAMA", "IN", "CAIRO"]]) {
      const toks = words.map((text) => ({ text }));
      expect(tagSentence(model, gaz, toks)).toEqual(tagSentence(model, gaz, toks, { reference: true }));
    }
  });
});
