import { describe, expect, it } from "vitest";
import { retypeDefinedNames } from "./definitions.js";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";
import { applyToMarks, type Mark } from "../../../test/fixtures/ner/marks.js";

const lists = emptyGazetteerLists();
lists.cities = ["london"];
const gaz = new Gazetteer(lists);

const run = (text: string, marks: Mark[]): string[] => applyToMarks(text, marks, (t, n, c) => retypeDefinedNames(t, 0, n, c, gaz));

describe("names typed by their definition", () => {
  it("reads 'X is a village', 'X, a rock band from', 'X (...) is a commune'", () => {
    expect(run("Atwick is a village and civil parish in Holderness.", [["Atwick", "PERSON"]])).toEqual(["LOC:Atwick"]);
    expect(run("He joined Orgy, a rock band from Los Angeles.", [["Orgy", "PERSON"]])).toEqual(["ORG:Orgy"]);
    expect(run("Ervenik (Serbian Cyrillic: Ервеник) is a village in Croatia.", [["Ervenik", "PERSON"]])).toEqual(["LOC:Ervenik"]);
    expect(run("Blue Winds Dancing is a short novel by Tom Whitecloud.", [["Blue Winds Dancing", "ORG"]])).toEqual(["MISC:Blue Winds Dancing"]);
  });

  it("needs the head to end its noun phrase, no preposition before it, and the name to open a copular sentence", () => {
    expect(run("Russia is a party to the treaty.", [["Russia", "LOC"]])).toEqual(["LOC:Russia"]);
    expect(run("Paul Holley, a spokesman for the company, said so.", [["Paul Holley", "PERSON"]])).toEqual(["PERSON:Paul Holley"]);
    expect(run("The mayor of Atwick is a farmer.", [["Atwick", "LOC"]])).toEqual(["LOC:Atwick"]);
    expect(run("It is a village elder in Atwick.", [])).toEqual([]);
  });

  it("leaves a listed place before a comma alone (list items)", () => {
    expect(run("It owns shops in London, a British soccer team, and more.", [["London", "LOC"]])).toEqual(["LOC:London"]);
  });
});
