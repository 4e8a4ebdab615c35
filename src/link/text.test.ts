import { describe, expect, it } from "vitest";
import { contentTerms, normalizeText, words } from "./text.js";

describe("normalizeText", () => {
  it("folds typographic quotes, primes and dashes (NFKC first: a double prime is two primes)", () => {
    expect(normalizeText("\u201cPeace\u201d \u2014 it\u2019s \u2018now\u2019 \u2212 5\u2032 6\u2033 \u201eq\u201f \u2010")).toBe(`"peace" - it's 'now' - 5' 6'' "q" -`);
  });

  it("turns every whitespace run into one space and trims", () => {
    expect(normalizeText(" \u00a0Lead\t\tline\nnext\u2003word  end \r\n")).toBe("lead line next word end");
    expect(normalizeText("a b")).toBe("a b");
  });

  it("applies NFKC before lower-casing (ligatures, full-width letters)", () => {
    expect(normalizeText("\ufb01nal \uff21\uff22")).toBe("final ab");
  });
});

describe("words", () => {
  it("keeps inner apostrophes, dots and digit commas, and folds the curly apostrophe", () => {
    expect(words("China\u2019s envoy, Zhai Jun, met U.S. officials; 1,400 died.")).toEqual(["china's", "envoy", "zhai", "jun", "met", "u.s", "officials", "1,400", "died"]);
  });

  it("lower-cases each word on its own (a dotted capital I keeps its combining dot inside the word)", () => {
    expect(words("\u0130stanbul talks")).toEqual(["i\u0307stanbul", "talks"]);
  });

  it("reads letters outside the basic plane", () => {
    expect(words("\ud835\udc00bc def")).toEqual(["\ud835\udc00bc", "def"]);
  });
});

describe("contentTerms", () => {
  it("drops stopwords and short words, stems the rest and normalises numbers", () => {
    expect(contentTerms("The envoys said they were meeting in Doha on 1,400.0 issues")).toEqual(["envoy", "meet", "doha", "1400", "issu"]);
  });

  it("gives the same terms for a word however often it is seen (the word memo)", () => {
    const once = contentTerms("Killed killing kills");
    for (let i = 0; i < 3; i++) expect(contentTerms("Killed killing kills")).toEqual(once);
    expect(once).toEqual(["kill", "kill", "kill"]);
  });
});
