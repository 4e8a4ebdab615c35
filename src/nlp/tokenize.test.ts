import { describe, expect, it } from "vitest";
import { freshWink, tokenize, type Tokenized } from "./tokenize.js";

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


describe("tokenize is independent of what was read before", () => {
  /** Everything downstream reads: token spans, texts and POS tags, sentence spans. */
  const view = (r: Tokenized) => ({
    tokens: r.tokens.map((t) => [t.start, t.end, t.text, t.pos, t.sentence]),
    sentences: r.sentences.map((s) => [s.start, s.end, s.tokenStart, s.tokenEnd]),
  });
  const A = "Forces loyal to Gadhafi's regime shelled Misrata on Thursday. The U.S.-led coalition met in Doha.\nSergei Lavrov's deputy, Mikhail Bogdanov, said: “We are ready.”";
  // Out-of-vocabulary words in every position wink treats differently: before punctuation, in quotes,
  // hyphenated, with periods, non-Latin scripts (new shapes), and "Gadhafi's." which wink stores whole.
  const others = [
    "The colonel's son spoke of Gadhafi's.",
    "“Misrata's defenders,” he said, \"will hold.\" (Zintan-based fighters agreed.)",
    "Saif al-Islam, Abdel-Fattah el-Sisi and Wen Jiabao met at 10 a.m. in Tripoli, Libya.",
    "Москва и Пекин. Владимир Путин встретился с Си Цзиньпином. 北京 上海 الرياض القاهرة",
    "NATO-led strikes hit Brega. Ajdabiya's hospital; Ras Lanuf's port. Gadhafi's regime.",
    "Lavrov's deputy and Bogdanov's aides: U.S.-led talks, Doha-based envoys, Zhai's visit.",
    ...Array.from({ length: 200 }, (_, i) => `Report ${i}: Xq${i}zor's envoy Vel${i}ka-Tomsk met Brn${i}'s aides in Qz${i}ville.`),
  ];

  it("gives the same tokens, POS tags and sentences for a text before and after reading many others", () => {
    const first = view(tokenize(A));
    for (const t of others) tokenize(t);
    expect(view(tokenize(A))).toEqual(first);
  });

  it("gives what a fresh wink-nlp instance gives, in any reading order", () => {
    const fresh = freshWink();
    const expected = [A, ...others.slice(0, 6)].map((t) => view(tokenize(t, freshWink())));
    expect([A, ...others.slice(0, 6)].map((t) => view(tokenize(t)))).toEqual(expected);
    expect([A, ...others.slice(0, 6)].reverse().map((t) => view(tokenize(t))).reverse()).toEqual(expected);
    expect(view(tokenize(A, fresh))).toEqual(expected[0]);
  });

  it("(root cause) an instance that is not reset keeps words read before whole", () => {
    const w = freshWink();
    w.readDoc("The colonel's son spoke of Gadhafi's.");
    expect(w.readDoc(A).tokens().out()).toContain("Gadhafi's");
    const clean = tokenize(A).tokens.map((t) => t.text);
    expect(clean).not.toContain("Gadhafi's");
    expect(clean).toContain("Gadhafi");
  });
});

describe("characters wink-nlp mishandles", () => {
  it("cuts a possessive wink-nlp leaves glued to a capitalised word, keeping offsets", () => {
    const text = "It is now Obama's. Sarah’s turn, McDonald's.";
    const { tokens } = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(["It", "is", "now", "Obama", "'s", ".", "Sarah", "’s", "turn", ",", "McDonald", "'s", "."]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it("reads a left single quote used as an apostrophe as one, keeping the original text and offsets", () => {
    const text = "Jadot trusted China‘s commitment, ‘a friend’ he said.";
    const { tokens } = tokenize(text);
    expect(tokens.map((t) => t.text)).toContain("China");
    expect(tokens.find((t) => t.text === "‘s")?.pos).toBe("PART");
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    // a real opening quote stays a quote
    expect(tokens.some((t) => t.text === "‘" && t.pos === "PUNCT")).toBe(true);
  });

  it("keeps words with extended Latin letters whole (Māori, Nguyễn)", () => {
    const text = "The Māori Party won in Nguyễn's town.";
    const words = tokenize(text).tokens.map((t) => t.text);
    expect(words).toContain("Māori");
    expect(words).toContain("Nguyễn");
  });
});

describe("bare decimals", () => {
  it("keeps a decimal without its zero as one token and does not end the sentence at its point", () => {
    const text = "NEW YORK 74 59 .556 -\nIt rose .5 percent.";
    const { sentences, tokens } = tokenize(text);
    expect(sentences.map((s) => tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text))).toEqual([
      ["NEW", "YORK", "74", "59", ".556", "-"],
      ["It", "rose", ".5", "percent", "."],
    ]);
  });
});
