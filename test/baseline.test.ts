/**
 * The evaluation gate: every figure recorded by `npm run bench` (bench/results.json) must be at
 * or above its floor in bench/baseline.json, and every floored benchmark must have a result.
 * The benchmarks themselves need ../shared and run with `npm run bench`, not here.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const results = JSON.parse(readFileSync("bench/results.json", "utf8")) as Record<string, { figures: Record<string, number> }>;
const baseline = JSON.parse(readFileSync("bench/baseline.json", "utf8")) as Record<string, Record<string, number>>;

describe("benchmark floors", () => {
  it("has a floor file and a results file", () => {
    expect(existsSync("bench/baseline.json")).toBe(true);
    expect(Object.keys(baseline).length).toBeGreaterThan(0);
  });
  for (const [bench, floors] of Object.entries(baseline)) {
    for (const [figure, floor] of Object.entries(floors)) {
      it(`${bench}.${figure} stays at or above ${floor}`, () => {
        const value = results[bench]?.figures?.[figure];
        expect(value, `no ${bench}.${figure} in bench/results.json: run npm run bench -- ${bench}`).toBeTypeOf("number");
        expect(value).toBeGreaterThanOrEqual(floor);
      });
    }
  }
});
