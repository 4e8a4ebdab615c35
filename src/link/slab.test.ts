import { describe, expect, it } from "vitest";
import { SLAB_BYTES, Slab } from "./slab.js";

describe("Slab", () => {
  it("carves aligned, independent arrays out of one buffer", () => {
    const s = new Slab();
    const a = s.int32(3);
    const b = s.float64(2);
    const c = s.copyInt32([7, 8, 9]);
    a.set([1, 2, 3]);
    b.set([0.5, 1.5]);
    expect([...a]).toEqual([1, 2, 3]);
    expect([...b]).toEqual([0.5, 1.5]);
    expect([...c]).toEqual([7, 8, 9]);
    expect(a.buffer).toBe(b.buffer);
    expect(b.byteOffset % 8).toBe(0);
    expect(a.buffer.byteLength).toBe(SLAB_BYTES);
  });

  it("starts a new slab when one is full and gives large arrays their own buffer", () => {
    const s = new Slab();
    const first = s.int32(1);
    let last: Int32Array | Float64Array = first;
    for (let i = 0; i < 9; i++) last = s.float64(SLAB_BYTES / 8 / 8); // 9 eighths of a slab
    expect(last.buffer).not.toBe(first.buffer);
    const big = s.int32(SLAB_BYTES);
    expect(big.buffer.byteLength).toBe(SLAB_BYTES * 4);
    expect(big.byteOffset).toBe(0);
  });
});
