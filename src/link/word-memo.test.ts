import { describe, expect, it } from "vitest";
import { WordMemo } from "./word-memo.js";

describe("WordMemo", () => {
  it("derives a form once and finds it again from any text holding it", () => {
    const memo = new WordMemo<string>(100, false);
    const calls: string[] = [];
    const derive = (w: string) => (calls.push(w), w.toUpperCase());
    expect(memo.get("the envoy met", 4, 9, derive)).toBe("ENVOY");
    expect(memo.get("an envoy", 3, 8, derive)).toBe("ENVOY");
    expect(memo.get("envoys", 0, 6, derive)).toBe("ENVOYS");
    expect(calls).toEqual(["envoy", "envoys"]);
    expect(memo.size).toBe(2);
  });

  it("folds ASCII capitals and curly apostrophes, and declines other non-ASCII forms", () => {
    const memo = new WordMemo<string>(100, true);
    const forms: string[] = [];
    const derive = (w: string) => (forms.push(w), `<${w}>`);
    expect(memo.get("Zhai\u2019s", 0, 6, derive)).toBe("<zhai's>");
    expect(memo.get("ZHAI'S", 0, 6, derive)).toBe("<zhai's>");
    expect(forms).toEqual(["zhai's"]);
    // lower-casing "\u0130" gives two code units: left to the caller
    expect(memo.get("\u0130stanbul", 0, 8, derive)).toBeUndefined();
    expect(memo.get("Z\u00fcrich", 0, 6, derive)).toBeUndefined();
  });

  it("keeps every form through growth, and derives without keeping past its limit", () => {
    const memo = new WordMemo<number>(5000, false);
    const words = Array.from({ length: 6000 }, (_, i) => `w${i.toString(36)}`);
    let derived = 0;
    const derive = (w: string) => (derived++, parseInt(w.slice(1), 36));
    for (const w of words) expect(memo.get(w, 0, w.length, derive)).toBe(parseInt(w.slice(1), 36));
    expect(memo.size).toBe(5000);
    expect(derived).toBe(6000);
    for (const w of words) expect(memo.get(` ${w} `, 1, w.length + 1, derive)).toBe(parseInt(w.slice(1), 36));
    // the first 5000 were kept; the last 1000 are derived again
    expect(derived).toBe(7000);
  });
});
