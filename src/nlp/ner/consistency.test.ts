import { describe, expect, it } from "vitest";
import { consistentTypes, personPartMentions, splitPersonPairs } from "./consistency.js";

describe("document-level type consistency", () => {
  it("makes a surname mention a PERSON when the full name is one", () => {
    expect(consistentTypes([{ text: "Zhai Jun", type: "PERSON" }, { text: "Zhai", type: "LOC" }])).toEqual(["PERSON", "PERSON"]);
  });

  it("keeps a listed place a LOC even when a person's name ends with it", () => {
    const m = [{ text: "Heather England", type: "PERSON" as const }, { text: "England", type: "LOC" as const }];
    expect(consistentTypes(m, (w) => w === "England")).toEqual(["PERSON", "LOC"]);
    expect(consistentTypes(m)).toEqual(["PERSON", "PERSON"]);
  });

  it("applies a clear majority type and leaves ties alone", () => {
    const qatar = [
      { text: "Qatar", type: "LOC" as const },
      { text: "Qatar", type: "LOC" as const },
      { text: "Qatar", type: "ORG" as const },
    ];
    expect(consistentTypes(qatar)).toEqual(["LOC", "LOC", "LOC"]);
    expect(consistentTypes([{ text: "Apple", type: "ORG" }, { text: "Apple", type: "MISC" }])).toEqual(["ORG", "MISC"]);
  });
});

describe("personPartMentions", () => {
  const words = "Zhai Jun met Bogdanov . “ We agree , ” Zhai said . Zhai Road is closed . Zhai".split(" ");
  const persons = [{ start: 0, end: 2 }];
  it("finds a later bare surname of a person named in full, not one inside another name", () => {
    expect(personPartMentions(words, () => false, persons)).toEqual([10, 18]);
  });
  it("skips covered tokens, blocked words and mentions before the full name", () => {
    expect(personPartMentions(words, (i) => i === 10, persons)).toEqual([18]);
    expect(personPartMentions(words, () => false, persons, (w) => w === "Zhai")).toEqual([]);
    expect(personPartMentions(["Zhai", "said", "Zhai", "Jun"], () => false, [{ start: 2, end: 4 }])).toEqual([]);
  });

  it("splits 'A and B' into two people when both are parts of full names in the document", () => {
    const words = ["Mikhail", "Bogdanov", "met", "Saleh", "Khulaifi", ".", "Bogdanov", "and", "Khulaifi", "spoke", "."];
    const spans = [
      { start: 0, end: 2, type: "PERSON" as const },
      { start: 3, end: 5, type: "PERSON" as const },
      { start: 6, end: 9, type: "LOC" as const },
    ];
    expect(splitPersonPairs(words, spans).slice(2)).toEqual([
      { start: 6, end: 7, type: "PERSON" },
      { start: 8, end: 9, type: "PERSON" },
    ]);
    // Without the full names elsewhere the span stays.
    expect(splitPersonPairs(words, spans.slice(2))).toEqual(spans.slice(2));
  });
});
