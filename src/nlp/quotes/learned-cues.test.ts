import { describe, expect, it } from "vitest";
import { findAttributions } from "./index.js";
import { cueStem, indexLexicon, isListedCue, shippedCueLexicon, type CueLexicon } from "./learned-cues.js";

describe("learned cue lexicon", () => {
  it("stems the regular inflections of a verb alike", () => {
    expect(new Set(["ruled", "rules", "ruling", "rule"].map(cueStem))).toEqual(new Set(["rul"]));
    expect(cueStem("discusses")).toBe(cueStem("discussed"));
    expect(cueStem("denies")).toBe("deny");
  });

  it("never learns a word of the hand-written lists", () => {
    expect(isListedCue("said")).toBe(true);
    expect(isListedCue("ruled")).toBe(false);
  });

  it("reads a learned verb as a stance cue with its particle, and nothing without the lexicon", () => {
    const lexicon: CueLexicon = { source: "test", entries: [{ stem: "rail", particles: ["against"], support: 2, precision: 1 }] };
    const text = "The senator railed against the new tariffs.";
    const doc = () => ({ id: "t", text, diagnostics: [] });
    expect(findAttributions(doc(), { cueLexicon: null })).toEqual([]);
    const [a] = findAttributions(doc(), { cueLexicon: lexicon });
    expect([a.source?.text, a.cue?.text, a.content.text]).toEqual(["The senator", "railed against", "the new tariffs"]);
    expect(indexLexicon(lexicon).get("rail")?.particles).toEqual(["against"]);
  });

  it("loads the shipped lexicon (or none) without failing", () => {
    expect(shippedCueLexicon()).toBeInstanceOf(Map);
  });
});
