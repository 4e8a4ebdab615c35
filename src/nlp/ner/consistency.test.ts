import { describe, expect, it } from "vitest";
import { consistentTypes, hasPlaceContext, headlineMentions, personPartMentions, personsTakenForOrgs, personsTakenForPlaces, placesTakenForPersons, repeatedMentions, splitPersonPairs } from "./consistency.js";

describe("document-level type consistency", () => {
  it("makes a surname mention a PERSON when the full name is one", () => {
    expect(consistentTypes([{ text: "Zhai Jun", type: "PERSON" }, { text: "Zhai", type: "LOC" }])).toEqual(["PERSON", "PERSON"]);
  });

  it("makes the bare name of a company named with its legal form that organisation", () => {
    const m = [{ text: "Novartis AG", type: "ORG" as const }, { text: "Novartis", type: "MISC" as const }, { text: "Merrill Lynch & Co", type: "ORG" as const }, { text: "Merrill Lynch", type: "PERSON" as const }];
    expect(consistentTypes(m)).toEqual(["ORG", "ORG", "ORG", "ORG"]);
  });

  it("keeps a listed place a LOC even when a person's name ends with it", () => {
    const m = [{ text: "Heather England", type: "PERSON" as const }, { text: "England", type: "LOC" as const }];
    expect(consistentTypes(m, (w) => w === "England")).toEqual(["PERSON", "LOC"]);
    expect(consistentTypes(m)).toEqual(["PERSON", "PERSON"]);
  });

  it("keeps a name read as a place where it stands a LOC, though a person's name ends with it", () => {
    const m = [{ text: "George Washington", type: "PERSON" as const }, { text: "Washington", type: "LOC" as const, placeContext: true }, { text: "Washington", type: "LOC" as const }];
    expect(consistentTypes(m)).toEqual(["PERSON", "LOC", "PERSON"]);
    const places = (w: string): boolean => ["Washington", "D.C.", "Miss."].includes(w);
    expect(hasPlaceContext(["lives", "in"], ["to", "work"], places)).toBe(true);
    expect(hasPlaceContext(["left", "in"], ["'s", "camp"], places)).toBe(false);
    expect(hasPlaceContext(["returning", "to"], ["to", "work"], places)).toBe(true);
    expect(hasPlaceContext(["instructions", "to"], ["."], places)).toBe(false);
    expect(hasPlaceContext(["The"], [",", "D.C."], places)).toBe(true);
    expect(hasPlaceContext([], ["said", "that"], places)).toBe(false);
    expect(hasPlaceContext(["Mr."], [",", "who"], places)).toBe(false);
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
  it("gives a name the type a rule set from strong local evidence, unless it is part of a person's full name", () => {
    const ms = [
      { text: "Creighton", type: "ORG" as const },
      { text: "Creighton", type: "PERSON" as const },
      { text: "Creighton", type: "PERSON" as const },
      { text: "Drake", type: "PERSON" as const },
      { text: "Pete Drake", type: "PERSON" as const },
    ];
    const authority = new Map([["Creighton", "ORG" as const], ["Drake", "ORG" as const]]);
    expect(consistentTypes(ms, () => false, () => false, authority)).toEqual(["ORG", "ORG", "ORG", "PERSON", "PERSON"]);
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

describe("repeatedMentions", () => {
  const words = "Bowling Green won . Bowling Green lost to Bowling Green . Then Bowling Green State won . Bowling Green".split(" ");
  const tagged = [
    { start: 0, end: 2, type: "ORG" as const },
    { start: 4, end: 6, type: "ORG" as const },
  ];
  const covered = (i: number) => i < 2 || (i >= 4 && i < 6);
  it("tags untagged repeats of a name tagged twice, not ones inside a longer capitalised run", () => {
    expect(repeatedMentions(words, covered, tagged)).toEqual([
      { start: 8, end: 10, type: "ORG" },
      { start: 17, end: 19, type: "ORG" },
    ]);
  });
  it("needs two tagged mentions with a clear type, and skips hyphenated compounds", () => {
    expect(repeatedMentions(words, covered, tagged.slice(0, 1))).toEqual([]);
    expect(repeatedMentions(words, covered, [tagged[0], { ...tagged[1], type: "LOC" }])).toEqual([]);
    expect(repeatedMentions(words, covered, tagged, { isGlued: (s) => s === 8 })).toEqual([{ start: 17, end: 19, type: "ORG" }]);
  });
  it("leaves weak one-word names alone", () => {
    const w = "Apple said . Apple rose . Then apple and Apple".split(" ");
    const t = [
      { start: 0, end: 1, type: "ORG" as const },
      { start: 3, end: 4, type: "ORG" as const },
    ];
    const cov = (i: number) => i === 0 || i === 3;
    expect(repeatedMentions(w, cov, t)).toEqual([{ start: 9, end: 10, type: "ORG" }]);
    expect(repeatedMentions(w, cov, t, { isWeak: (x) => x.toLowerCase() === "apple" })).toEqual([]);
  });
});

describe("capitals lines read with the running text's names", () => {
  // Line 0 is a capitals headline, line 1 running text.
  const words = "GOLF - LEADS AT AUSTRALIAN OPEN AS LARA FAILS . Brian Lara led the Australian Open on Friday .".split(" ");
  const lines = [
    { start: 0, end: 10, normal: false },
    { start: 10, end: words.length, normal: true },
  ];
  const weak = (w: string) => ["leads", "at", "as", "fails", "the", "on", "open", "led"].includes(w.toLowerCase());
  const given = (w: string) => w === "Brian";
  const show = (ms: { start: number; end: number; type: string }[]) => ms.map((m) => `${m.type}:${words.slice(m.start, m.end).join(" ")}`);

  it("tags a run that spells a tagged name, and a full name's surname, replacing spans inside it", () => {
    const mentions = [
      { start: 4, end: 5, type: "MISC" as const },
      { start: 10, end: 12, type: "PERSON" as const },
      { start: 14, end: 16, type: "MISC" as const },
    ];
    expect(show(headlineMentions(words, lines, mentions, { isWeak: weak, isGivenName: given }))).toEqual(["MISC:AUSTRALIAN OPEN", "PERSON:LARA", "PERSON:Brian Lara", "MISC:Australian Open"]);
  });

  it("leaves a longer span, a settled one, and running text alone", () => {
    const mentions = [
      { start: 3, end: 6, type: "ORG" as const },
      { start: 7, end: 8, type: "ORG" as const, settled: "team" },
      { start: 10, end: 12, type: "PERSON" as const },
      { start: 14, end: 16, type: "MISC" as const },
    ];
    expect(show(headlineMentions(words, lines, mentions, { isWeak: weak, isGivenName: given }))).toEqual(["ORG:AT AUSTRALIAN OPEN", "ORG:LARA", "PERSON:Brian Lara", "MISC:Australian Open"]);
  });

  it("takes a listed place from the running text only where it is typed the place there", () => {
    const ws = "SOCCER - ENGLAND BEAT GEORGIA . England beat Georgia on Saturday .".split(" ");
    const ls = [
      { start: 0, end: 6, normal: false },
      { start: 6, end: ws.length, normal: true },
    ];
    const isPlace = (w: string) => ["England", "Georgia"].includes(w);
    const showWs = (ms: { start: number; end: number; type: string }[]) => ms.map((m) => `${m.type}:${ws.slice(m.start, m.end).join(" ")}`);
    // "England" LOC in the running text makes "ENGLAND" LOC; "Georgia" typed PERSON there teaches the headline nothing.
    const mentions = [
      { start: 2, end: 3, type: "PERSON" as const },
      { start: 6, end: 7, type: "LOC" as const },
      { start: 8, end: 9, type: "PERSON" as const },
    ];
    expect(showWs(headlineMentions(ws, ls, mentions, { isWeak: (w) => ["beat", "on"].includes(w.toLowerCase()), isGivenName: () => false, isPlace }))).toEqual([
      "LOC:ENGLAND",
      "LOC:England",
      "PERSON:Georgia",
    ]);
  });
});

describe("places taken for people", () => {
  it("finds a one-word PERSON that is a place, unless a full name holds it", () => {
    const isPlace = (w: string) => ["Bonn", "Berlin"].includes(w);
    expect(placesTakenForPersons([{ text: "Bonn", type: "PERSON" }, { text: "Kohl", type: "PERSON" }], isPlace)).toEqual([true, false]);
    expect(placesTakenForPersons([{ text: "Irving Berlin", type: "PERSON" }, { text: "Berlin", type: "PERSON" }], isPlace)).toEqual([false, false]);
  });
});

describe("people the tagger took for places", () => {
  it("makes a two-word place a person when the document names one of its words as a person twice", () => {
    /** Mentions written "text:TYPE". */
    const typed = (...xs: string[]) => xs.map((x) => ({ text: x.split(":")[0], type: x.split(":")[1] as "PERSON" | "LOC" }));
    const m = typed("Zhai:PERSON", "Zhai Jun:LOC", "Zhai:PERSON", "New York:LOC", "Orange Walk:LOC");
    const types = m.map((x) => x.type);
    expect(personsTakenForPlaces(m, types, (n) => n === "New York")).toEqual([false, true, false, false, false]);
    // Named once only, or a listed place among its words: left alone.
    expect(personsTakenForPlaces(m.slice(0, 2), types.slice(0, 2), () => false)).toEqual([false, false]);
    expect(personsTakenForPlaces(m, types, (n) => n === "Jun")).toEqual([false, false, false, false, false]);
    const hill = typed("Hill:PERSON", "Hill:PERSON", "Capitol Hill:LOC");
    expect(personsTakenForPlaces(hill, hill.map((x) => x.type), () => false, (w) => w === "Capitol")).toEqual([false, false, false]);
  });
});

describe("people the tagger took for organisations", () => {
  /** Mentions written "text:TYPE". */
  const typed = (...xs: string[]) => xs.map((x) => ({ text: x.split(":")[0], type: x.split(":")[1] as "PERSON" | "ORG" }));
  it("makes a one-word ORG a person when it opens or ends a full name of the document, past a suffix", () => {
    const m = typed("Joseph Comeaux Jr.:PERSON", "Comeaux:ORG", "Joseph:ORG", "Texas Department:ORG");
    expect(personsTakenForOrgs(m, m.map((x) => x.type), () => false)).toEqual([false, true, true, false]);
  });
  it("leaves listed organisations and words of a multi-word organisation", () => {
    const m = typed("Michael Bloomberg:PERSON", "Bloomberg:ORG", "Donald Trump:PERSON", "Trump Organization:ORG", "Trump:ORG");
    expect(personsTakenForOrgs(m, m.map((x) => x.type), (w) => w === "Bloomberg")).toEqual([false, false, false, false, false]);
  });
});
