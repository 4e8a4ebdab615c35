import { describe, expect, it } from "vitest";
import { eventContent, sentenceCase, shortenClause } from "./content.js";

/** Content after the first occurrence of `trigger` in `text` (one sentence). */
const after = (text: string, trigger: string) => {
  const start = text.indexOf(trigger);
  return eventContent(text, { start, end: start + trigger.length }, text.length);
};

describe("eventContent", () => {
  it("separates the addressee of 'called on X to Y' from its content", () => {
    const s = "Zhai Jun called on the international community to effectively play its role in de-escalating the situation and providing assistance.";
    expect(after(s, "called on")).toEqual({ addressee: "the international community", content: "to play its role in de-escalating the situation" });
  });

  it("reads 'urged X to Y' as an addressee and content, keeping a negation", () => {
    expect(after("He has urged armed groups to exercise restraint and stressed that the cause is injustice.", "urged")).toEqual({ addressee: "armed groups", content: "to exercise restraint" });
    expect(after("She urged Congress not to cut funds.", "urged")).toEqual({ addressee: "Congress", content: "not to cut funds" });
  });

  it("takes the object noun phrase of 'called for Y', cut at the next clause", () => {
    expect(after("Zhai Jun called for closer coordination with Russia during a meeting in Qatar.", "called for")).toEqual({ content: "closer coordination with Russia" });
    expect(after("Wang Yi has called for a peaceful solution to the Palestinian conflict.", "called for")).toEqual({ content: "a peaceful solution to the Palestinian conflict" });
  });

  it("takes a quoted object, and finds none after a subordinate clause", () => {
    expect(after("Wang Yi, while condemning “all acts that harm civilians” without naming Hamas, spoke.", "condemning")).toEqual({ content: "all acts that harm civilians" });
    expect(after("He criticized that the talks failed.", "criticized")).toEqual({});
  });
});

describe("shortenClause", () => {
  it("keeps short coordinations and never ends on a dangling word", () => {
    expect(shortenClause("peace and stability")).toBe("peace and stability");
    expect(shortenClause("national dialogue in the country to answer to the just demands for reforms")).toBe("national dialogue in the country");
    expect(shortenClause("a solution to")).toBe("a solution");
  });
});

describe("sentenceCase", () => {
  it("puts a headline's common nouns in sentence case with an article, keeping names", () => {
    expect(sentenceCase("Immediate Ceasefire")).toBe("an immediate ceasefire");
    expect(sentenceCase("Immediate Ceasefire in Palestine-Israel Conflict")).toBe("an immediate ceasefire in Palestine-Israel conflict");
    expect(sentenceCase("New Sanctions")).toBe("new sanctions");
    expect(sentenceCase("restraint by armed groups")).toBe("restraint by armed groups");
  });
});
