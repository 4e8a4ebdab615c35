import { describe, expect, it } from "vitest";
import type { EntityType } from "../../model.js";
import { tokenize } from "../tokenize.js";
import { recognizeEntities } from "./index.js";
import { type TeamSpan, sportsSentences, sportsTeams, teamSlot } from "./sportsdoc.js";

const TOWNS = new Set(["leeds", "chelsea", "essex", "kent", "surrey", "derbyshire", "madrid", "barcelona", "chelmsford", "hastings", "newcastle"]);
const COUNTRIES = new Set(["australia", "spain"]);
const lex = { isCountry: (n: string) => COUNTRIES.has(n.toLowerCase()), isTown: (n: string) => TOWNS.has(n.toLowerCase()) };

/** Tokens, sentences (one per line) and spans over the capitalised words a test names with their types. */
function doc(lines: string[], types: Record<string, EntityType>) {
  const words: string[] = [];
  const sentences: { tokenStart: number; tokenEnd: number }[] = [];
  for (const line of lines) {
    const start = words.length;
    words.push(...line.split(" "));
    sentences.push({ tokenStart: start, tokenEnd: words.length });
  }
  const spans: TeamSpan[] = [];
  words.forEach((w, i) => {
    if (types[w]) spans.push({ start: i, end: i + 1, type: types[w], score: 0.9 });
  });
  return { words, sentences, spans };
}
const typesOf = (words: string[], spans: TeamSpan[]) => spans.map((s) => `${s.type}:${words.slice(s.start, s.end).join(" ")}`);
const make = (start: number, end: number): TeamSpan => ({ start, end, type: "ORG", score: 0.5 });

describe("sports copy", () => {
  it("is read under a sport's headline, or where words only sport uses stand near", () => {
    const headed = doc(["CRICKET - ESSEX CLOSE IN .", "LONDON 1996-08-30", "It rained ."], {});
    expect(sportsSentences(headed.words, headed.sentences)).toEqual([true, true, true]);
    const prose = doc(["The striker scored a header in the semifinal .", "He said so .", "a", "b", "c", "d", "e", "f", "The minister resigned ."], {});
    expect(sportsSentences(prose.words, prose.sentences)).toEqual([true, true, false, false, false, false, false, false, false]);
    // Politics that speaks of winning and races is not sport.
    const politics = doc(["Obama won the race and will win the title of the game .", "Voters beat the odds ."], {});
    expect(sportsSentences(politics.words, politics.sentences)).toEqual([false, false]);
  });

  it("finds the slots only a side fills and those of a match", () => {
    const w = "Barcelona have won , Essex captain Paul , against Leeds , a 2-1 win at Chelsea , by 30 runs at Chelmsford , champions Auxerre".toLowerCase().split(" ");
    const at = (x: string) => w.indexOf(x);
    const slot = (x: string) => teamSlot(w, at(x), at(x) + 1, 0, w.length);
    expect(slot("barcelona")).toBe("side");
    expect(slot("essex")).toBe("side");
    expect(slot("leeds")).toBe("match");
    expect(slot("chelsea")).toBe("side");
    expect(slot("chelmsford")).toBeUndefined();
    expect(slot("auxerre")).toBe("side");
  });

  it("types clubs named after their town ORG, keeps countries, grounds and datelines places, follows lists, and leaves a venue mention alone", () => {
    const d = doc(
      ["CRICKET - ESSEX CLOSE IN .", "CHELMSFORD 1996-08-30", "Essex beat Kent at Chelmsford .", "Title rivals Surrey , Derbyshire and Leeds closed in .", "Australia beat Spain .", "He lives in Kent ."],
      { ESSEX: "LOC", CHELMSFORD: "LOC", Essex: "LOC", Kent: "PERSON", Chelmsford: "ORG", Surrey: "LOC", Derbyshire: "LOC", Leeds: "LOC", Australia: "LOC", Spain: "LOC" },
    );
    const out = sportsTeams(d.words, d.sentences, d.spans, lex, make);
    expect(typesOf(d.words, out)).toEqual([
      "ORG:ESSEX", "LOC:CHELMSFORD", "ORG:Essex", "ORG:Kent", "LOC:Chelmsford", "ORG:Surrey", "ORG:Derbyshire", "ORG:Leeds", "LOC:Australia", "LOC:Spain", "PERSON:Kent",
    ]);
  });

  it("leaves a document that is not sports alone, and a person among a list before a plural verb", () => {
    const d = doc(["Leaders like Hastings , Obama and Wright have a lot of class ."], { Hastings: "PERSON", Obama: "PERSON", Wright: "PERSON" });
    expect(typesOf(d.words, sportsTeams(d.words, d.sentences, d.spans, lex, make))).toEqual(["PERSON:Hastings", "PERSON:Obama", "PERSON:Wright"]);
  });

  it("reads a wire sports story with the shipped tagger", () => {
    const text = [
      "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .",
      "",
      "LONDON 1996-08-30",
      "",
      "West Indian all-rounder Phil Simmons took four for 38 on Friday as Leicestershire beat Somerset by an innings and 39 runs in two days to take over at the head of the county championship .",
      "",
      "Their stay on top , though , may be short-lived as title rivals Essex , Derbyshire and Surrey all closed in on victory .",
    ].join("\n");
    const ents = recognizeEntities({ text, ...tokenize(text) }).map((e) => `${e.type}:${e.text}`);
    for (const team of ["Leicestershire", "Somerset", "Essex", "Derbyshire", "Surrey"]) expect(ents).toContain(`ORG:${team}`);
    expect(ents).toContain("LOC:LONDON");
    expect(ents).toContain("PERSON:Phil Simmons");
  });
});
