import { describe, expect, it } from "vitest";
import { alignSentences, pairWeights, sentenceSimilarity } from "./align.js";
import { sentenceFeatures } from "./sentences.js";
import { sampleDocs } from "../../test/fixtures/link/sample.js";

describe("alignSentences", () => {
  it("aligns every pair of sample articles in order, each pair scored exactly as sentenceSimilarity scores it", () => {
    const docs = sampleDocs().map((d) => sentenceFeatures(d));
    let aligned = 0;
    for (const a of docs) {
      for (const b of docs) {
        if (a === b) continue;
        const weights = pairWeights(a, b);
        const pairs = alignSentences(a, b);
        for (let k = 0; k < pairs.length; k++) {
          const { a: i, b: j, similarity } = pairs[k];
          expect(similarity).toBe(sentenceSimilarity(a[i], b[j], weights));
          expect(similarity).toBeGreaterThanOrEqual(0.3);
          if (k) expect(i > pairs[k - 1].a && j > pairs[k - 1].b).toBe(true);
        }
        aligned += pairs.length;
      }
    }
    expect(aligned).toBeGreaterThan(10);
  });
});
