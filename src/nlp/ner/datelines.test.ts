import { describe, expect, it } from "vitest";
import { agencyDatelinePlaces, datelinePlaces, retypeCapitalPlaces } from "./datelines.js";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";
import type { RuleToken } from "./rules.js";
import { applyToMarks, type Mark } from "../../../test/fixtures/ner/marks.js";
import { tokenize } from "../tokenize.js";

const lists = emptyGazetteerLists();
lists.countries = ["spain", "united arab emirates"];
lists.cities = ["madrid", "oslo", "man"];
lists.regions = ["the city", "england"];
lists.demonyms = ["canadian"];
lists.firstNames = ["james"];
lists.orgNames = ["nato"];
lists.commonWords = ["republican", "the", "city", "beat", "based", "retrieved", "last", "updated", "talks"];
const gaz = new Gazetteer(lists);

const run = (text: string, marks: Mark[]): string[] => applyToMarks(text, marks, (t, n, c) => retypeCapitalPlaces(t, 0, n, c, gaz));

describe("dateline lines", () => {
  it("types the place runs of PLACE [, PLACE] DATE as LOC, whatever the tagger said", () => {
    expect(run("OSLO 2024-03-05", [["OSLO", "ORG"]])).toEqual(["LOC:OSLO"]);
    expect(run("PORT HARCOURT , Nigeria 2024-03-05", [["PORT", "MISC"]])).toEqual(["LOC:PORT HARCOURT", "LOC:Nigeria"]);
    expect(run("AL-AIN , United Arab Emirates 2024-03-05", [["AL-AIN", "ORG"], ["United", "LOC"], ["Arab Emirates", "LOC"]])).toEqual(["LOC:AL-AIN", "LOC:United Arab Emirates"]);
    expect(run("SAO PAULO , Brazil , March 5", [])).toEqual(["LOC:SAO PAULO", "LOC:Brazil"]);
    expect(run("KIGALI Mar. 5, 2024", [])).toEqual(["LOC:KIGALI"]);
    expect(run("RIO DE JANEIRO 5 March 2024", [])).toEqual(["LOC:RIO DE JANEIRO"]);
  });

  it("reads a dateline run on with the text around it: capitals place runs before an ISO date", () => {
    expect(run("Kari Lie OSLO , Norway 2024-03-05 The talks resumed", [["Kari Lie OSLO", "PERSON"], ["Norway", "LOC"]])).toEqual(["PERSON:Kari Lie", "LOC:OSLO", "LOC:Norway"]);
    expect(run("Talks in Oslo 2024-03-05 resumed", [["Oslo", "LOC"]])).toEqual(["LOC:Oslo"]);
    expect(run("RETRIEVED 2024-03-05", [])).toEqual([]);
  });

  it("leaves lines that go on after the date, or have no date, alone", () => {
    const { tokens } = tokenize("OSLO 2024-03-05 talks resumed");
    expect(datelinePlaces(tokens as RuleToken[], 0, tokens.length)).toBeUndefined();
    const three = tokenize("Oslo , Norway , Sweden 2024-03-05").tokens as RuleToken[];
    expect(datelinePlaces(three, 0, three.length)).toBeUndefined();
    expect(run("NATO SUMMIT", [["NATO", "ORG"]])).toEqual(["ORG:NATO"]);
    expect(run("Smith 12", [["Smith", "PERSON"]])).toEqual(["PERSON:Smith"]);
    expect(run("Retrieved 2024-03-05", [])).toEqual([]);
    expect(run("Last Updated Mar 5, 2024", [])).toEqual([]);
  });
});

describe("capitals place names", () => {
  it("retypes ORG/MISC capitals spans that are listed countries or cities", () => {
    expect(run("MADRID AND SPAIN AGREE", [["MADRID", "ORG"], ["SPAIN", "MISC"]])).toEqual(["LOC:MADRID", "LOC:SPAIN"]);
  });

  it("finds untagged places in a line written in capitals, not common-word phrases or compounds", () => {
    expect(run("SOCCER - ENGLAND BEAT SPAIN IN THE CITY OF MADRID", [])).toEqual(["LOC:ENGLAND", "LOC:SPAIN", "LOC:MADRID"]);
    expect(run("OSLO - BASED FIRM GROWS FAST", [])).toEqual([]);
    expect(run("England beat Spain in the city", [])).toEqual([]);
  });

  it("makes a listed place of several words in capitals one LOC where the tagger took part of it", () => {
    expect(run("UNITED ARAB EMIRATES 74 54", [["UNITED", "ORG"]])).toEqual(["LOC:UNITED ARAB EMIRATES"]);
    expect(run("United Arab Emirates 74 54", [["United", "ORG"]])).toEqual(["ORG:United"]);
  });

  it("keeps organisations, nationality words, given names, common words, short cities and mixed case", () => {
    expect(run("NATO CANADIAN JAMES REPUBLICAN MAN", [["NATO", "ORG"], ["CANADIAN", "MISC"], ["JAMES", "ORG"], ["REPUBLICAN", "MISC"], ["MAN", "ORG"]])).toEqual([
      "ORG:NATO",
      "MISC:CANADIAN",
      "ORG:JAMES",
      "MISC:REPUBLICAN",
      "ORG:MAN",
    ]);
    expect(run("Madrid Rally", [["Madrid", "ORG"]])).toEqual(["ORG:Madrid"]);
  });
});

describe("agency datelines", () => {
  /** The dateline place runs `agencyDatelinePlaces` finds in `text` with the lists `g`. */
  const placeRuns = (g: Gazetteer) => (text: string): string[] => {
    const { tokens } = tokenize(text);
    return agencyDatelinePlaces(tokens as RuleToken[], 0, tokens.length, g).map(([a, b]) => text.slice(tokens[a].start, tokens[b - 1].end));
  };
  it("reads a capitals place before a bracketed agency and a dash or colon, also run on after a time", () => {
    const runs = placeRuns(new Gazetteer({ ...emptyGazetteerLists(), cities: ["washington", "geneva"], countries: ["switzerland"], commonWords: ["est"] }));
    expect(runs("WASHINGTON (CNN) -- The president spoke .")).toEqual(["WASHINGTON"]);
    expect(runs("GENEVA, Switzerland (AP) - Cases rose .")).toEqual(["GENEVA", "Switzerland"]);
    expect(runs("4:23 pm EST WASHINGTON (Reuters) - Cases rose .")).toEqual(["WASHINGTON"]);
    expect(runs("The UN (Reuters) - said .")).toEqual([]);
    expect(runs("WASHINGTON (CNN) said so .")).toEqual([]);
  });
  it("reads an unlisted town before a listed place, and a date before the brackets", () => {
    const runs = placeRuns(new Gazetteer({ ...emptyGazetteerLists(), countries: ["libya"], commonWords: ["unidentified", "male"] }));
    expect(runs("GHAZAIA, Libya, July 31 (Reuters) - Rebels said .")).toEqual(["GHAZAIA", "Libya"]);
    expect(runs("2:27 pm EDT GHAZAIA, Libya (Reuters) - Rebels said .")).toEqual(["GHAZAIA", "Libya"]);
    expect(runs("UNIDENTIFIED MALE, Libya (Reuters) - said .")).toEqual([]);
  });
});

describe("capitals headlines", () => {
  const g = new Gazetteer({ ...emptyGazetteerLists(), countries: ["japan", "china"], commonWords: ["japan", "china", "lucky", "win", "get", "bin", "laden"] });
  const head = (text: string, marks: Mark[]): string[] => applyToMarks(text, marks, (t, n, c) => retypeCapitalPlaces(t, 0, n, c, g));
  it("reads a country that is a common word too, and drops a person of common words alone", () => {
    expect(head("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .", [["LUCKY WIN", "PERSON"], ["CHINA", "LOC"]])).toEqual(["LOC:JAPAN", "LOC:CHINA"]);
  });
  it("keeps such a person in a long capitals line (shouted prose, not a headline)", () => {
    expect(head("AFTER ALL THE THINGS THAT HE HAD DONE AND THE GOOD HE DID DO FOR BIN LADEN WE SHOULD KNOW .", [["BIN LADEN", "PERSON"]])).toEqual(["PERSON:BIN LADEN"]);
  });
});
