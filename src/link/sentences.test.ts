import { describe, expect, it } from "vitest";
import { sentenceFeatures } from "./sentences.js";
import type { LinkDoc } from "./types.js";

describe("sentenceFeatures", () => {
  it("marks each sentence that holds an entity string whole, and no other", () => {
    const text = "Zhai Jun met officials. The envoy spoke at length. Later Zhai Jun left Doha.";
    const sentences = [
      { start: 0, end: 23 },
      { start: 24, end: 50 },
      { start: 51, end: text.length },
    ];
    const doc: LinkDoc = { id: "a", text, sentences, entities: [{ text: "Zhai Jun", type: "PERSON" }, { text: "Doha", type: "LOC", canonical: "Doha, Qatar" }] };
    const f = sentenceFeatures(doc);
    expect(f.map((s) => s.features.has("@zhai jun"))).toEqual([true, false, true]);
    expect(f.map((s) => s.features.has("@doha, qatar"))).toEqual([false, false, true]);
  });

  it("does not count a string that crosses a sentence boundary", () => {
    const text = "They met in New. York hosted them.";
    const doc: LinkDoc = { id: "b", text, sentences: [{ start: 0, end: 16 }, { start: 17, end: text.length }], entities: [{ text: "New. York", type: "LOC" }] };
    expect(sentenceFeatures(doc).some((s) => s.features.has("@new. york"))).toBe(false);
  });
});
