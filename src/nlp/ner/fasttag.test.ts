import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tokenize } from "../tokenize.js";
import { WORD_FEATURE_GENERATION, type FeatToken } from "./features.js";
import { WORD_CACHE_GENERATION } from "./fasttag.js";
import { releaseAnnotationCaches } from "../annotate.js";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";
import { PerceptronRecognizer, defaultRecognizer } from "./index.js";
import { deserializeModel, serializeModel } from "./perceptron.js";
import { mergeSplitPossessives } from "./possessive.js";
import { tagSentence, trainTagger } from "./tagger.js";

const SAMPLE_DIR = join(import.meta.dirname, "../../../examples/zhai-doha");

/** Fast (table) and reference (feature-string) scoring must agree exactly, confidences included. */
describe("fast tagger path", () => {
  it("matches the string scorer on every sentence of the sample articles", () => {
    const rec = defaultRecognizer() as PerceptronRecognizer;
    let sentences = 0;
    for (const file of readdirSync(SAMPLE_DIR).filter((f) => f.endsWith(".txt"))) {
      const { tokens, sentences: sents } = tokenize(readFileSync(join(SAMPLE_DIR, file), "utf8"));
      for (const s of sents) {
        const toks = mergeSplitPossessives(tokens.slice(s.tokenStart, s.tokenEnd)).tokens;
        if (toks.length === 0) continue;
        const fast = tagSentence(rec.model, rec.gazetteer, toks);
        const ref = tagSentence(rec.model, rec.gazetteer, toks, { reference: true });
        expect(fast).toEqual(ref);
        sentences++;
      }
    }
    expect(sentences).toBeGreaterThan(50);
  });

  it("matches on odd input: headlines, capitals, pipes, missing POS, one-token sentences", () => {
    const rec = defaultRecognizer() as PerceptronRecognizer;
    const cases: FeatToken[][] = [
      ["China", "Calls", "for", "Peace", "Talks", "in", "Doha"].map((text) => ({ text })),
      ["RUGBY", "UNION", "-", "JAPAN", "WIN", "IN", "TOKYO"].map((text) => ({ text, pos: "PROPN" })),
      ["He", "said", "|", "the", "U.N.", "|", "and", "Wang", "Yi", "met", "in", "New", "York", "."].map((text) => ({ text })),
      [{ text: "Biden" }],
      [{ text: "Mr.", pos: "PROPN" }, { text: "Okafor", pos: "SOMETHING_NEW" }, { text: "flew", pos: "VERB" }, { text: "2024", pos: "NUM" }],
    ];
    for (const toks of cases) expect(tagSentence(rec.model, rec.gazetteer, toks)).toEqual(tagSentence(rec.model, rec.gazetteer, toks, { reference: true }));
  });

  it("finds pair and history features whose values contain '|'", () => {
    const gaz = new Gazetteer(emptyGazetteerLists());
    const sents = [
      ["Mr.", "a|b", "c|d", "met", "x|", "|y", "in", "Lima"],
      ["Mr.", "a", "b|c|d", "met", "x||y", "in", "Paris"],
    ];
    const tags = ["O", "B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O", "B-LOC"];
    const data = sents.flatMap((words) => Array.from({ length: 3 }, () => ({ tokens: words.map((text) => ({ text })), tags })));
    const model = deserializeModel(serializeModel(trainTagger(data, gaz, { epochs: 3, minFeatureCount: 1 })));
    expect([...model.index.keys()].some((f) => f.startsWith("l|l+1=") && f.split("|").length > 3)).toBe(true);
    for (const words of [...sents, ["a", "b|c", "|d", "x|", "|y"], ["x", "||", "y"]]) {
      const toks = words.map((text) => ({ text }));
      expect(tagSentence(model, gaz, toks)).toEqual(tagSentence(model, gaz, toks, { reference: true }));
    }
  });

  it("gives the same tags after its word caches roll over generations or are released", () => {
    const rec = defaultRecognizer() as PerceptronRecognizer;
    const probe = ["Zhai", "Jun", "met", "Mikhail", "Bogdanov", "in", "Doha", "on", "Thursday", "."].map((text) => ({ text }));
    const first = tagSentence(rec.model, rec.gazetteer, probe);
    // more distinct word forms than two generations hold, in sentences of 40
    const filler = Array.from({ length: 2 * WORD_CACHE_GENERATION + 2 * WORD_FEATURE_GENERATION + 400 }, (_, i) => ({ text: `Word${i}x` }));
    for (let i = 0; i < filler.length; i += 40) tagSentence(rec.model, rec.gazetteer, filler.slice(i, i + 40));
    expect(tagSentence(rec.model, rec.gazetteer, probe)).toEqual(first);
    releaseAnnotationCaches();
    expect(tagSentence(rec.model, rec.gazetteer, probe)).toEqual(first);
    expect(tagSentence(rec.model, rec.gazetteer, probe, { reference: true })).toEqual(first);
  });
});
