import { describe, expect, it } from "vitest";
import { GenerationCache } from "./generations.js";

describe("GenerationCache", () => {
  it("keeps entries in use across a rotation and drops the rest after two", () => {
    const c = new GenerationCache<string, number>(2);
    c.set("a", 1);
    expect(c.full()).toBe(false);
    c.set("b", 2);
    expect(c.full()).toBe(true);
    c.rotate();
    expect(c.full()).toBe(false);
    expect(c.get("a")).toBe(1); // found in the previous generation: moves back
    c.rotate();
    expect(c.get("a")).toBe(1);
    expect(c.get("b")).toBeUndefined(); // not used since the first rotation: gone
    expect(c.full(2)).toBe(true);
    c.clear();
    expect(c.get("a")).toBeUndefined();
  });
});
