import { describe, expect, it } from "vitest";
import { sentenceFeatures } from "./sentences.js";
import type { LinkDoc } from "./types.js";
import { sampleDocs } from "../../test/fixtures/link/sample.js";

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

  it("adds entity features as one scan per entity would, in the same order (sample corpus, overlapping names)", () => {
    // the definition: entity by entity in first-mention order, every occurrence by indexOf
    const reference = (doc: LinkDoc): string[][] => {
      const sentences = sentenceFeatures({ ...doc, entities: [] });
      const names = [...new Set((doc.entities ?? []).map((e) => e.text).filter((t) => t.length >= 3))];
      const canonical = new Map((doc.entities ?? []).map((e) => [e.text, (e.canonical ?? e.text).toLowerCase()]));
      for (const e of names) {
        for (let at = doc.text.indexOf(e); at >= 0; at = doc.text.indexOf(e, at + 1)) {
          const s = [...sentences].reverse().find((x) => x.start <= at);
          if (s && at + e.length <= s.end) s.features.add(`@${canonical.get(e)}`);
        }
      }
      return sentences.map((s) => [...s.features]);
    };
    const text = "June talks: Jun Al Aljun met Al Al. Aljun and Jun, June; Jun Jun.";
    const made: LinkDoc = {
      id: "c",
      text,
      sentences: [{ start: 0, end: 35 }, { start: 36, end: text.length }],
      entities: ["Jun", "Al Al", "Aljun", "June", "Al Aljun", "Jun Jun"].map((t) => ({ text: t, type: "PERSON" as const, canonical: t === "Aljun" ? "Jun" : undefined })),
    };
    for (const doc of [...sampleDocs(), made]) expect(sentenceFeatures(doc).map((s) => [...s.features])).toEqual(reference(doc));
  });
});

