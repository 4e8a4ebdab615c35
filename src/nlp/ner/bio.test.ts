import { describe, expect, it } from "vitest";
import { bioToSpans, scoreEntities, spansToBio } from "./bio.js";

describe("BIO spans", () => {
  it("reads spans, treating a stray I- as a new span", () => {
    expect(bioToSpans(["B-PERSON", "I-PERSON", "O", "I-LOC", "B-LOC", "B-LOC"])).toEqual([
      { start: 0, end: 2, type: "PERSON" },
      { start: 3, end: 4, type: "LOC" },
      { start: 4, end: 5, type: "LOC" },
      { start: 5, end: 6, type: "LOC" },
    ]);
  });

  it("round-trips spans to tags", () => {
    const spans = [{ start: 1, end: 3, type: "ORG" }];
    expect(spansToBio(4, spans)).toEqual(["O", "B-ORG", "I-ORG", "O"]);
    expect(bioToSpans(spansToBio(4, spans))).toEqual(spans);
  });

  it("scores only exact boundary and type matches", () => {
    const gold = [{ start: 0, end: 8, type: "PERSON" }, { start: 10, end: 15, type: "LOC" }];
    const pred = [{ start: 0, end: 8, type: "PERSON" }, { start: 10, end: 14, type: "LOC" }, { start: 20, end: 25, type: "ORG" }];
    const s = scoreEntities(gold, pred);
    expect(s.overall.correct).toBe(1);
    expect(s.overall.precision).toBeCloseTo(1 / 3);
    expect(s.overall.recall).toBeCloseTo(1 / 2);
    expect(s.byType.PERSON.f1).toBe(1);
    expect(s.byType.LOC.f1).toBe(0);
  });
});
