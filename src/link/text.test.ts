import { describe, expect, it } from "vitest";
import { STOPWORDS, capitalizedNames, contentTerms, multiWordNames, wordsEnd, isNumber, normalizeNumber, normalizeText, stem, wordBounds, words } from "./text.js";

/** Odd text: capitals, curly and straight apostrophes, dotted I, accents, astral letters, numbers. */
const ODD = [
  "China\u2019s envoy ZHAI Jun met Bogdanov\u2019s team in Doha on 19 Oct; 1,400.0 people, U.S. and E.U. aides.",
  "\u0130stanbul \u0130STANBUL Z\u00fcrich Z\u00dcRICH \ud835\udc00lpha \u00c9lys\u00e9e \u00e9lys\u00e9e \u039f\u0394\u039f\u03a3 Stra\u00dfe",
  "It\u2019s O\u2019Neill\u2019s \u2019quote\u2019 don't DON\u2019T 3.5 3,50 v2.0 a.b.c \u2014 x",
];

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

  it("gives the terms its word-by-word definition gives, for any text (the in-place memo agrees)", () => {
    const reference = (s: string) =>
      words(s).flatMap((w) => {
        if (isNumber(w)) return [normalizeNumber(w)];
        const bare = w.endsWith("'s") ? w.slice(0, -2) : w;
        return bare.length < 2 || STOPWORDS.has(bare) ? [] : [stem(bare)];
      });
    for (let round = 0; round < 2; round++) for (const s of ODD) expect(contentTerms(s)).toEqual(reference(s));
  });

  it("gives the same terms for a word however often it is seen (the word memo)", () => {
    const once = contentTerms("Killed killing kills");
    for (let i = 0; i < 3; i++) expect(contentTerms("Killed killing kills")).toEqual(once);
    expect(once).toEqual(["kill", "kill", "kill"]);
  });
});

describe("wordBounds", () => {
  it("gives each word of a normalised text as its own slice", () => {
    for (const s of ODD) {
      const norm = normalizeText(s);
      const b = wordBounds(norm);
      const sliced: string[] = [];
      for (let i = 0; i < b.length; i += 2) sliced.push(norm.slice(b[i], b[i + 1]));
      expect(sliced).toEqual(words(norm));
    }
  });
});

describe("capitalizedNames", () => {
  /** The definition: the regex's matches, split at whitespace, possessives cut, leading stop words dropped. */
  const NAME_STOP = new Set("The A An In On At For By And But Or Of To As It He She They We I His Her Their Its This That These Those There Here When While After Before Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(" "));
  const reference = (s: string): string[] => {
    const out: string[] = [];
    for (const m of s.matchAll(/\p{Lu}[\p{L}'\u2019-]*(?:\s+(?:(?:of|de|la|al|bin|van|von|the)\s+)?\p{Lu}[\p{L}'\u2019-]*)*/gu)) {
      const parts = m[0].split(/\s+/).map((p) => p.replace(/['\u2019]s$/, ""));
      while (parts.length && NAME_STOP.has(parts[0])) parts.shift();
      if (!parts.length || parts.every((p) => p.length < 2)) continue;
      out.push(parts.join(" ").toLowerCase());
      if (parts.length > 1) for (const p of parts) if (p.length > 2 && !STOPWORDS.has(p.toLowerCase())) out.push(p.toLowerCase());
    }
    return out;
  };

  it("finds names, connectors and possessives as the regex defines them", () => {
    const s = "The envoy Zhai Jun met Mikhail Bogdanov\u2019s team, the Bank of England, Charles de Gaulle and Bank of the Republic in Doha.";
    expect(capitalizedNames(s)).toEqual(reference(s));
    expect(capitalizedNames(s)).toContain("mikhail bogdanov");
    expect(multiWordNames(s)).toEqual(["zhai jun", "mikhail bogdanov", "bank of england", "charles de gaulle"]);
  });

  it("agrees with the regex on random text of tricky characters", () => {
    const pieces = ["A", "Ab", "a", "\u00c9", "\u00e9", "\ud835\udc00", " ", "  ", "\n", "\u00a0", "'", "\u2019", "'s", "-", ".", "of ", "de ", "the ", "The ", "Mr ", "I ", "U.S.", "7", "McDonald", "al-", "\u0130"];
    let seed = 42;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let round = 0; round < 2000; round++) {
      let s = "";
      const len = 1 + rand(30);
      for (let k = 0; k < len; k++) s += pieces[rand(pieces.length)];
      expect(capitalizedNames(s), JSON.stringify(s)).toEqual(reference(s));
      expect(multiWordNames(s), JSON.stringify(s)).toEqual(reference(s).filter((n) => n.includes(" ")));
    }
  });
});

describe("wordsEnd", () => {
  it("ends where the n-th whitespace-separated word ends, as /\\S+/g counts them", () => {
    const reference = (t: string, n: number) => {
      const re = /\S+/g;
      let count = 0;
      while (re.exec(t)) if (++count >= n) return re.lastIndex;
      return t.length;
    };
    for (const t of ["", "   ", "one", " lead  words\u00a0and\u2003more\n\ttext \ufeffend ", "a\u200bb c"]) {
      for (let n = 0; n <= 8; n++) expect(wordsEnd(t, n), `${JSON.stringify(t)} ${n}`).toBe(reference(t, n));
    }
  });
});
