import { describe, expect, it } from "vitest";
import { sentenceCaseMode, toTitleCase } from "./casing.js";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";

const lists = emptyGazetteerLists();
lists.commonWords = ["calls", "peace", "talks", "conflict", "met", "said", "the", "crisis", "deepens", "beat", "city", "champions", "league", "led", "peacekeeping", "mission", "comes", "under", "fire"];
lists.countries = ["china"];
const gaz = new Gazetteer(lists);
const mode = (s: string): string => sentenceCaseMode(s.split(" "), gaz);

describe("sentence casing", () => {
  it("recognises headline title case", () => {
    expect(mode("China Calls for Peace Talks")).toBe("title");
    expect(mode("Gaza Crisis Deepens as Talks Stall")).toBe("title");
  });
  it("recognises capitals lines", () => {
    expect(mode("RUGBY UNION - JAPAN GET LUCKY WIN")).toBe("upper");
  });
  it("leaves running text with many names alone", () => {
    expect(mode("Mikhail Bogdanov met Wang Yi in Doha")).toBe("normal");
    expect(mode("China said the talks were useful")).toBe("normal");
    expect(mode("Hi")).toBe("normal");
  });
  it("reads a name-heavy sentence with a full stop and a lower-case word as running text, not a headline", () => {
    expect(mode("Manchester City Beat Napoli 2-1 in the Champions League on Tuesday")).toBe("title");
    expect(mode("Manchester City beat Napoli 2-1 in the Champions League on Tuesday .")).toBe("normal");
    // A headline keeps its case with a stop when the lower-case word is the tail of a compound.
    expect(mode("NATO - led Peacekeeping Mission Comes Under Fire in Kabul .")).toBe("title");
  });
  it("title-cases word lists headline style", () => {
    expect(toTitleCase(["the", "talks", "in", "doha", "ended"])).toEqual(["The", "Talks", "in", "Doha", "Ended"]);
  });
});
