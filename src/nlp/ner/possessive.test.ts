import { describe, expect, it } from "vitest";
import { tokenize } from "../tokenize.js";
import { mergeSplitPossessives, possessiveLength } from "./possessive.js";

describe("possessives", () => {
  it("reads a left-quote possessive as the 's token the tagger knows", () => {
    const { tokens } = tokenize("China\u2018s envoy");
    const merged = mergeSplitPossessives(tokens);
    expect(merged.tokens.map((t) => t.text)).toEqual(["China", "'s", "envoy"]);
    expect(merged.origin).toEqual([0, 1, tokens.length - 1, tokens.length]);
  });

  it("merges a possessive split into two tokens", () => {
    const tokens = [
      { text: "China", start: 0, end: 5 },
      { text: "\u2018", start: 5, end: 6 },
      { text: "s", start: 6, end: 7 },
      { text: "envoy", start: 8, end: 13 },
    ];
    const merged = mergeSplitPossessives(tokens);
    expect(merged.tokens.map((t) => t.text)).toEqual(["China", "'s", "envoy"]);
    expect(merged.origin).toEqual([0, 1, 3, 4]);
  });
  it("finds ordinary possessives and leaves quotes alone", () => {
    const { tokens } = tokenize("Qatar\u2019s minister said \u2018s\u2019 is a letter.");
    expect(possessiveLength(tokens, 1)).toBe(1);
    const quote = tokens.findIndex((t) => t.text === "\u2018");
    expect(possessiveLength(tokens, quote)).toBe(0);
    expect(mergeSplitPossessives(tokens).tokens.length).toBe(tokens.length);
  });
});
