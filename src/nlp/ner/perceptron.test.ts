import { describe, expect, it } from "vitest";
import { PerceptronTrainer, argmax, deserializeModel, scoreFeatures, serializeModel } from "./perceptron.js";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";
import { trainTagger, tagSentence, bioAllowed, modelBeam } from "./tagger.js";
import { ParallaxError } from "../../errors.js";

/** Toy problem: class is "upper" when the feature "cap" is present, "lower" otherwise; "noise" features are random. */
function toyTrainer(): PerceptronTrainer {
  const tr = new PerceptronTrainer(["lower", "upper"]);
  const scores = new Float64Array(2);
  for (let epoch = 0; epoch < 5; epoch++) {
    for (let i = 0; i < 200; i++) {
      const cap = i % 3 === 0;
      const feats = ["bias", `noise=${i % 7}`, ...(cap ? ["cap"] : ["nocap"])].map((f) => tr.featureId(f));
      tr.tick();
      tr.scores(feats, scores);
      const guess = argmax(scores);
      tr.update(cap ? 1 : 0, guess, feats);
    }
  }
  return tr;
}

describe("averaged perceptron", () => {
  it("learns a linearly separable toy problem", () => {
    const model = toyTrainer().finish();
    const out = new Float64Array(2);
    scoreFeatures(model, ["bias", "noise=3", "cap"], out);
    expect(model.classes[argmax(out)]).toBe("upper");
    scoreFeatures(model, ["bias", "noise=3", "nocap"], out);
    expect(model.classes[argmax(out)]).toBe("lower");
  });

  it("round-trips through serialization with quantised weights", () => {
    const model = toyTrainer().finish();
    const back = deserializeModel(serializeModel(model));
    expect(back.classes).toEqual(model.classes);
    for (const f of ["cap", "nocap", "bias"]) {
      const a = new Float64Array(2);
      const b = new Float64Array(2);
      scoreFeatures(model, [f], a);
      scoreFeatures(back, [f], b);
      expect(b[0]).toBeCloseTo(a[0], 2);
      expect(b[1]).toBeCloseTo(a[1], 2);
    }
  });

  it("rejects files that are not models", () => {
    expect(() => deserializeModel("{not json")).toThrow(ParallaxError);
    expect(() => deserializeModel(JSON.stringify({ format: "other", version: 1 }))).toThrow(/unknown format/);
  });

  it("prunes features with tiny weights", () => {
    const full = toyTrainer().finish(0);
    const pruned = toyTrainer().finish(10);
    expect(pruned.index.size).toBeLessThan(full.index.size);
  });
});

describe("sequence tagger", () => {
  const gaz = new Gazetteer(emptyGazetteerLists());
  const names = ["Smith", "Jones", "Brown", "Taylor", "Wilson", "Evans"];
  const places = ["Paris", "Oslo", "Lima", "Cairo", "Delhi"];
  const data: { tokens: { text: string }[]; tags: string[] }[] = [];
  for (const n of names) {
    for (const p of places) {
      data.push({ tokens: ["Mr.", n, "flew", "to", p, "."].map((text) => ({ text })), tags: ["O", "B-PERSON", "O", "O", "B-LOC", "O"] });
      data.push({ tokens: ["The", "envoy", "met", "Mr.", n, "Junior", "in", p, "."].map((text) => ({ text })), tags: ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-LOC", "O"] });
    }
  }

  it("learns names after 'Mr.' and places after 'to'/'in', including unseen words", () => {
    const model = trainTagger(data, gaz, { epochs: 5, minFeatureCount: 1 });
    const out = tagSentence(model, gaz, ["Mr.", "Okafor", "flew", "to", "Quito", "."].map((text) => ({ text })));
    expect(out.tags).toEqual(["O", "B-PERSON", "O", "O", "B-LOC", "O"]);
    expect(out.confidence.every((c) => c > 0 && c <= 1)).toBe(true);
  });

  it("trains a structured (beam) model that records its beam and tags the same unseen sentence", () => {
    const model = deserializeModel(serializeModel(trainTagger(data, gaz, { epochs: 5, minFeatureCount: 1, beam: 4 })));
    expect(modelBeam(model)).toBe(4);
    const toks = ["Mr.", "Okafor", "flew", "to", "Quito", "."].map((text) => ({ text }));
    const out = tagSentence(model, gaz, toks);
    expect(out.tags).toEqual(["O", "B-PERSON", "O", "O", "B-LOC", "O"]);
    expect(out.confidence.every((c) => c > 0 && c <= 1)).toBe(true);
    // the table path and the feature-string path search the same beam
    for (const words of [["Mr.", "Okafor", "Junior", "in", "Quito"], ["The", "envoy", "met", "Mr.", "Smith", "Junior", "in", "Lima", "."], ["Lima"]]) {
      const t = words.map((text) => ({ text }));
      expect(tagSentence(model, gaz, t)).toEqual(tagSentence(model, gaz, t, { reference: true }));
    }
    expect(modelBeam(trainTagger(data, gaz, { epochs: 1, minFeatureCount: 1 }))).toBe(1);
  });

  it("structured updates move only the classes given", () => {
    const tr = new PerceptronTrainer(["a", "b", "c"]);
    const f = [tr.featureId("x")];
    tr.tick();
    tr.adjust(2, f, 1);
    tr.adjust(0, f, -1);
    const s = new Float64Array(3);
    tr.scores(f, s);
    expect([...s]).toEqual([-1, 0, 1]);
  });

  it("never outputs I-X without a preceding B-X or I-X", () => {
    expect(bioAllowed("O", "I-PERSON")).toBe(false);
    expect(bioAllowed("B-LOC", "I-PERSON")).toBe(false);
    expect(bioAllowed("B-PERSON", "I-PERSON")).toBe(true);
    expect(bioAllowed("<S>", "B-ORG")).toBe(true);
  });
});
