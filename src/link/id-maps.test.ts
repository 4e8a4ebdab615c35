import { describe, expect, it } from "vitest";
import { IdCounts, IdWeights } from "./id-maps.js";

/** A small deterministic generator (tests must not depend on Math.random). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

describe("IdCounts", () => {
  it("counts like a Map through many growths, ids of every size", () => {
    const rnd = lcg(7);
    const c = new IdCounts();
    const m = new Map<number, number>();
    for (let k = 0; k < 20_000; k++) {
      const id = rnd() < 0.5 ? Math.floor(rnd() * 3000) : Math.floor(rnd() * 2 ** 31);
      c.increment(id);
      m.set(id, (m.get(id) ?? 0) + 1);
    }
    expect(c.size).toBe(m.size);
    for (const [id, n] of m) expect(c.get(id)).toBe(n);
    expect(c.get(3001)).toBe(m.get(3001));
    expect(c.get(123_456_789)).toBe(m.get(123_456_789));
  });

  it("refuses ids that are not non-negative 32-bit integers", () => {
    const c = new IdCounts();
    expect(() => c.increment(-1)).toThrow(/term id -1/);
    expect(() => c.increment(1.5)).toThrow(RangeError);
    expect(c.size).toBe(0);
  });
});

describe("IdWeights", () => {
  it("sums weights in first-added order, as the Map-and-arrays centroid did", () => {
    const rnd = lcg(11);
    const w = new IdWeights();
    const order: number[] = [];
    const sums = new Map<number, number>();
    for (let k = 0; k < 5000; k++) {
      const id = Math.floor(rnd() * 900);
      const x = rnd() < 0.3 ? 0.3 : 1;
      if (!sums.has(id)) order.push(id);
      sums.set(id, (sums.get(id) ?? 0) + x);
      w.add(id, x);
    }
    expect([...w.ids]).toEqual(order);
    expect([...w.weights]).toEqual(order.map((id) => sums.get(id)));
  });

  it("keeps the heaviest ids, heaviest first, ties in first-added order, and goes on adding", () => {
    const w = new IdWeights();
    for (const [id, x] of [[5, 1], [9, 3], [2, 1], [7, 2], [4, 3]] as const) w.add(id, x);
    w.keepHeaviest(3);
    expect([...w.ids]).toEqual([9, 4, 7]);
    expect([...w.weights]).toEqual([3, 3, 2]);
    w.add(5, 1); // dropped earlier: starts again at 0
    w.add(7, 0.5);
    expect([...w.ids]).toEqual([9, 4, 7, 5]);
    expect([...w.weights]).toEqual([3, 3, 2.5, 1]);
    expect(w.size).toBe(4);
  });
});
