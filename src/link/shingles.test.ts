import { describe, expect, it } from "vitest";
import { hash32 } from "./hash.js";
import { shingleHashes } from "./shingles.js";
import { normalizeText, words } from "./text.js";

/** The shingles as defined: hash32 of each run of k words joined by spaces, distinct and ascending. */
function reference(text: string, k = 5): number[] {
  const w = words(normalizeText(text));
  if (!w.length) return [];
  if (w.length < k) return [hash32(w.join(" "))];
  const out = new Set<number>();
  for (let i = 0; i + k <= w.length; i++) out.add(hash32(w.slice(i, i + k).join(" ")));
  return [...out].sort((a, b) => a - b);
}

describe("shingleHashes", () => {
  it("hashes each run of five words read in place, as the joined words would hash", () => {
    const texts = [
      "China\u2019s envoy ZHAI Jun met Bogdanov\u2019s team in Doha on 19 Oct; 1,400.0 people, U.S. aides.\nThe envoy met the team again.",
      "\u0130stanbul \u0130STANBUL Z\u00fcrich \ud835\udc00lpha \u00c9lys\u00e9e \u039f\u0394\u039f\u03a3 Stra\u00dfe \ufb01nal \u201cquote\u201d \u2014 it\u2019s",
      "the the the the the the the",
      "too short",
      " \u2014 ",
    ];
    for (const t of texts) expect([...shingleHashes(t)]).toEqual(reference(t));
  });
});
