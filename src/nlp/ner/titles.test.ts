import { describe, expect, it } from "vitest";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";
import { personPrefix } from "./titles.js";

const gaz = new Gazetteer({ ...emptyGazetteerLists(), demonyms: ["chinese", "dutchman", "briton", "german"], countries: ["russia"], firstNames: ["german", "tim"], roleNouns: ["minister"] });

describe("what comes before a person's name", () => {
  it("splits a nationality or country lead only before a title, or a nationality noun before a full name", () => {
    expect(personPrefix(["Chinese", "Foreign", "Minister", "Wang", "Yi"], gaz)).toEqual({ lead: 1, leadType: "MISC", prefix: 3 });
    expect(personPrefix(["Russia", "'s", "Minister", "Lavrov"], gaz)).toEqual({ lead: 2, leadType: "LOC", prefix: 3 });
    expect(personPrefix(["Dutchman", "Ruud", "Gullit"], gaz)).toEqual({ lead: 1, leadType: "MISC", prefix: 1 });
    expect(personPrefix(["Briton", "Tim", "Henman"], gaz)).toEqual({ lead: 1, leadType: "MISC", prefix: 1 });
    // A nationality word that is a given name too stays ("German Efromovich" is one man).
    expect(personPrefix(["German", "Efromovich", "Jr"], gaz).prefix).toBe(0);
    expect(personPrefix(["Dutchman", "Gullit"], gaz).prefix).toBe(0);
  });
});
