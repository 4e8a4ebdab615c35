import { describe, expect, it } from "vitest";
import { MAX_QUERY_TERMS, toFtsQuery } from "./fts-query.js";

describe("toFtsQuery", () => {
  it("quotes every word, so operators are plain words", () => {
    expect(toFtsQuery("Zhai Jun")).toBe('"Zhai" "Jun"');
    expect(toFtsQuery("AND OR NOT")).toBe('"AND" "OR" "NOT"');
    expect(toFtsQuery("NEAR(a b)")).toBe('"NEAR" "a" "b"');
    expect(toFtsQuery("title:doha")).toBe('"title" "doha"');
  });

  it("keeps user phrases, inner hyphens/apostrophes and prefix stars", () => {
    expect(toFtsQuery('"Mikhail Bogdanov" Doha')).toBe('"Mikhail Bogdanov" "Doha"');
    expect(toFtsQuery("Al-Khulaifi China's")).toBe('"Al-Khulaifi" "China\'s"');
    expect(toFtsQuery("Bogd* x*")).toBe('"Bogd"* "x"');
  });

  it("returns undefined when nothing searchable is left", () => {
    for (const q of ["", "   ", '"', '""', "*", "()", "^-+:", "\u0000"]) expect(toFtsQuery(q), q).toBeUndefined();
  });

  it("caps the number of terms", () => {
    const q = toFtsQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(" "))!;
    expect(q.split(" ")).toHaveLength(MAX_QUERY_TERMS);
  });
});
