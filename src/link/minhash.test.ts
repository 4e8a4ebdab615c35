import { describe, expect, it } from "vitest";
import { DuplicateIndex, MinHasher, estimateJaccard, BandBuckets } from "./minhash.js";
import { jaccard, shingleHashes } from "./shingles.js";

const PARAS = [
  "Rescue teams searched through the rubble of collapsed apartment blocks on Tuesday after a powerful storm tore through the coastal city overnight, officials said.",
  "The regional governor said at least 14 people were confirmed dead and dozens more were missing, warning that the toll was likely to rise as crews reached outlying villages.",
  "Power lines were down across much of the province and the main highway to the capital was blocked by fallen trees and mudslides, cutting off supplies of fuel and food.",
  "Hospitals in the city reported treating more than 200 injured people, many of them hit by flying debris when roofs were torn off by winds exceeding 150 kilometres an hour.",
  "The national weather service had issued its highest warning two days before the storm made landfall, but many residents said they had nowhere else to go.",
  "International aid agencies said they were sending emergency shelter kits and water purification tablets, and the government appealed for donations of blood.",
];

function words(n: number, seed: number): string {
  const vocab = ["market", "river", "council", "budget", "school", "harvest", "railway", "festival", "museum", "factory", "bridge", "election", "hospital", "airport", "library", "stadium"];
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(vocab[x % vocab.length] + (x % 97));
  }
  return out.join(" ");
}

describe("MinHash", () => {
  it("estimates Jaccard close to the exact value", () => {
    const a = shingleHashes(PARAS.join("\n"));
    const b = shingleHashes(PARAS.slice(0, 4).join("\n"));
    const h = new MinHasher();
    const est = estimateJaccard(h.signature(a), h.signature(b));
    expect(Math.abs(est - jaccard(a, b))).toBeLessThan(0.15);
  });
});

describe("DuplicateIndex", () => {
  it("finds a syndicated copy with a new byline and one paragraph cut", () => {
    const idx = new DuplicateIndex();
    const original = PARAS.join("\n\n");
    const copy = ["By Staff Writer, Global Wire Service", ...PARAS.slice(0, 3), ...PARAS.slice(4)].join("\n\n");
    expect(idx.add("orig", original)).toEqual({});
    idx.add("other", words(300, 7));
    const m = idx.add("copy", copy);
    expect(m.duplicateOf).toBe("orig");
    expect(m.jaccard).toBeGreaterThan(0.6);
    expect(m.containment).toBeGreaterThan(0.85);
  });

  it("flags exact copies (modulo case and typography) and points copies of copies at the original", () => {
    const idx = new DuplicateIndex();
    idx.add("a", PARAS.join("\n"));
    const m = idx.add("b", PARAS.join("\n").toUpperCase().replace(/'/g, "\u2019"));
    expect(m).toMatchObject({ duplicateOf: "a", exact: true, jaccard: 1 });
    expect(idx.add("c", PARAS.slice(1).join("\n")).duplicateOf).toBe("a");
  });

  it("does not match articles on the same topic that share only a sentence", () => {
    const idx = new DuplicateIndex();
    idx.add("a", PARAS.join("\n"));
    const other = [PARAS[1], words(250, 3)].join("\n");
    expect(idx.add("b", other).duplicateOf).toBeUndefined();
  });

  it("rejects a repeated id", () => {
    const idx = new DuplicateIndex();
    idx.add("a", "some text here");
    expect(() => idx.add("a", "other")).toThrow(/already added/);
  });

  it("adds thousands of articles per second and finds a planted copy among them", () => {
    const idx = new DuplicateIndex();
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) idx.add(`d${i}`, words(200, i + 1));
    const planted = words(200, 1234 + 1).split(" ").slice(10).join(" ");
    const m = idx.add("copy", planted);
    const ms = performance.now() - t0;
    expect(m.duplicateOf).toBe("d1234");
    expect(n / (ms / 1000)).toBeGreaterThan(1000);
  });
});

describe("BandBuckets", () => {
  it("keeps each bucket's texts in insertion order through table growth", () => {
    const b = new BandBuckets(2);
    // 3,000 texts: text i falls into bucket i % 7 in band 0 and a bucket of its own in band 1
    for (let i = 0; i < 3000; i++) b.add(i, [i % 7, 1_000_000 + i]);
    const members = (key: number) => {
      const out: number[] = [];
      for (let e = b.first(key); e >= 0; e = b.next(e)) out.push(b.docOf(e));
      return out;
    };
    expect(members(3)).toEqual(Array.from({ length: 3000 }, (_, i) => i).filter((i) => i % 7 === 3));
    expect(members(1_000_000 + 2999)).toEqual([2999]);
    expect(members(42)).toEqual([]);
    expect(members(0)).toHaveLength(Math.ceil(3000 / 7));
  });
});
