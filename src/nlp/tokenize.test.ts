import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.js";

describe("tokenize", () => {
  const text = " date 2023-10-20 China's envoy Zhai Jun met Mikhail Bogdanov, Russia's Deputy FM. He said: “Yes.”\n\nU.S. Secretary Blinken visited Doha\nBlinken left.";
  const { sentences, tokens } = tokenize(text);

  it("gives every token exact offsets into the text", () => {
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.some((t) => t.text === "Bogdanov")).toBe(true);
    expect(tokens.every((t) => t.text.trim() === t.text && t.text.length > 0)).toBe(true);
  });

  it("ends a sentence at every line break", () => {
    const texts = sentences.map((s) => text.slice(s.start, s.end));
    expect(texts).toContain("U.S. Secretary Blinken visited Doha");
    expect(texts).toContain("Blinken left.");
  });

  it("links tokens to their sentence", () => {
    sentences.forEach((s, i) => {
      for (let t = s.tokenStart; t < s.tokenEnd; t++) expect(tokens[t].sentence).toBe(i);
    });
  });

  it("handles long texts in chunks without losing offsets", () => {
    const long = Array.from({ length: 3000 }, (_, i) => `Sentence number ${i} is here.`).join("\n");
    const r = tokenize(long);
    expect(r.sentences.length).toBe(3000);
    for (const t of r.tokens) expect(long.slice(t.start, t.end)).toBe(t.text);
  });
});

