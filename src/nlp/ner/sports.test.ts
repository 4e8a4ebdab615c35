import { describe, expect, it } from "vitest";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";
import type { RuleToken } from "./rules.js";
import { retypeClubNames, retypeRaceTeams, retypeScoredTeams, retypeTables, tableEntries, theTeamPlurals } from "./sports.js";
import { applyToMarks, type Mark, type SentenceRule } from "../../../test/fixtures/ner/marks.js";
import { tokenize } from "../tokenize.js";

const lists = emptyGazetteerLists();
lists.countries = ["norway", "chile"];
lists.cities = ["madrid", "milan", "leeds", "bolton", "lyon", "kansas city"];
lists.firstNames = ["erik"];
lists.commonWords = ["total", "falcon", "pirate", "attack", "war", "camp", "rose", "rebels", "claimed", "responsibility", "for", "on"];
const gaz = new Gazetteer(lists);

type Rule = SentenceRule;
const run = (text: string, marks: Mark[], rule: Rule): string[] => applyToMarks(text, marks, rule);
const clubs: Rule = (t, n, c) => retypeClubNames(t, 0, n, c, gaz);
const tables: Rule = (t, n, c) => retypeTables(t, 0, n, c, gaz);

describe("club names", () => {
  it("types a place with a club word before or after it as ORG, taking the word in", () => {
    expect(run("Real Madrid signed him.", [["Real Madrid", "LOC"]], clubs)).toEqual(["ORG:Real Madrid"]);
    expect(run("He left AC Milan.", [["Milan", "LOC"]], clubs)).toEqual(["ORG:AC Milan"]);
    expect(run("Real Madrid won.", [], clubs)).toEqual(["ORG:Real Madrid"]);
    expect(run("Leeds United and Bolton Wanderers drew.", [["Leeds", "LOC"], ["Bolton Wanderers", "PERSON"]], clubs)).toEqual(["ORG:Leeds United", "ORG:Bolton Wanderers"]);
  });

  it("reads a listed city and 'City' as its club, not a city named so", () => {
    expect(run("Leeds City and Bolton City played ; Kansas City voted .", [["Bolton", "LOC"], ["City", "MISC"], ["Kansas City", "LOC"]], clubs)).toEqual([
      "ORG:Leeds City",
      "ORG:Bolton City",
      "LOC:Kansas City",
    ]);
  });

  it("leaves places with ordinary words alone", () => {
    expect(run("Kansas City voted.", [["Kansas City", "LOC"]], clubs)).toEqual(["LOC:Kansas City"]);
    expect(run("As Madrid voted, Lyon waited.", [["Madrid", "LOC"], ["Lyon", "LOC"]], clubs)).toEqual(["LOC:Madrid", "LOC:Lyon"]);
  });
});

describe("result lines and tables", () => {
  it("finds names followed by a score or a table row", () => {
    const { tokens } = tokenize("Results : Leeds 2 Milan 1 , Lyon 0 Bolton 0 .");
    expect(tableEntries(tokens as RuleToken[], 0, tokens.length).length).toBe(4);
  });

  it("types teams ORG, national teams LOC, and keeps people with a given name", () => {
    expect(run("Results : Leeds 2 Torvik 1 , Norway 0 Chile 3 .", [["Leeds", "LOC"], ["Torvik", "PERSON"], ["Chile", "PERSON"]], tables)).toEqual([
      "ORG:Leeds",
      "ORG:Torvik",
      "LOC:Norway",
      "LOC:Chile",
    ]);
    expect(run("Standings : Milan 15 10 3 2 34 , Erik Berg 15 9 5 1 28 .", [["Erik Berg", "PERSON"]], tables)).toEqual(["ORG:Milan", "PERSON:Erik Berg"]);
  });

  it("types the untagged names of a table with two or more found ones, but not common words", () => {
    expect(run("Results : Leeds 2 Udinese 1 , Lyon 0 Total 12 .", [], tables)).toEqual(["ORG:Leeds", "ORG:Udinese", "ORG:Lyon"]);
    expect(run("Results : Leeds 2 Udinese 1 .", [], tables)).toEqual([]);
  });

  it("reads a line of a name and three or more numbers as a table row", () => {
    expect(run("Leeds 15 10 3 2 34 15 33", [["Leeds", "LOC"]], tables)).toEqual(["ORG:Leeds"]);
    expect(run("3 . Chile 15 10 3 2", [["Chile", "PERSON"]], tables)).toEqual(["LOC:Chile"]);
    expect(run("Erik Berg 68 70 71", [["Erik Berg", "PERSON"]], tables)).toEqual(["PERSON:Erik Berg"]);
    expect(run("Leeds won 15 10 3 2", [["Leeds", "LOC"]], tables)).toEqual(["LOC:Leeds"]);
  });

  it("needs two entries, small single scores, and a break after the numbers", () => {
    expect(run("Leeds 2 in the cup.", [["Leeds", "LOC"]], tables)).toEqual(["LOC:Leeds"]);
    expect(run("Windows 95 , Office 97 .", [["Windows", "MISC"], ["Office", "MISC"]], tables)).toEqual(["MISC:Windows", "MISC:Office"]);
    expect(run("Leeds 2 goals and Milan 1 goal.", [["Leeds", "LOC"], ["Milan", "LOC"]], tables)).toEqual(["LOC:Leeds", "LOC:Milan"]);
  });
});

describe("wire-service result lines and tables", () => {
  it("reads a line of two scored names alone as a result, one found name being enough, whatever the scores", () => {
    expect(run("Leeds 2 Hearts 0", [["Leeds", "LOC"]], tables)).toEqual(["ORG:Leeds", "ORG:Hearts"]);
    expect(run("LEEDS 101 Bolton 95", [["LEEDS", "MISC"]], tables)).toEqual(["ORG:LEEDS", "ORG:Bolton"]);
    expect(run("Windows 95 Office 97", [], tables)).toEqual([]);
    // A dotted abbreviation opens a team's name ("N.Y. Islanders").
    expect(run("N.Y. Rovers 4 Leeds 2", [["Leeds", "LOC"]], tables)).toEqual(["ORG:N.Y. Rovers", "ORG:Leeds"]);
    // Not with other words on the line, nor with no name found.
    expect(run("Leeds 101 said Bolton 95", [["Leeds", "LOC"]], tables)).toEqual(["LOC:Leeds"]);
    expect(run("Chapter 3 Verse 16", [], tables)).toEqual([]);
  });

  it("types the scorers in a result line's brackets as people and cuts spans running into a score", () => {
    expect(run("Leeds 3 ( Torvik 12 , 67 , Hansen 45 ) Milan 0 .", [["Leeds 3", "ORG"], ["Torvik", "ORG"], ["Milan", "LOC"]], tables)).toEqual([
      "ORG:Leeds",
      "PERSON:Torvik",
      "PERSON:Hansen",
      "ORG:Milan",
    ]);
  });

  it("reads standings rows with decimals and dashes, and names no list knows or club words", () => {
    expect(run("LEEDS 74 59 .556 -", [["LEEDS", "LOC"]], tables)).toEqual(["ORG:LEEDS"]);
    expect(run("Udinese 16 13 2 1 41 11 41", [], tables)).toEqual(["ORG:Udinese"]);
    expect(run("Rovers 16 13 2 1 41 11 41", [], tables)).toEqual(["ORG:Rovers"]);
    expect(run("Total 16 13 2 1 41 11 41", [], tables)).toEqual([]);
  });

  it("keeps a one-word place that is also a given name a team ('Houston 110 DENVER 98'), a person's full name a person", () => {
    lists.firstNames.push("leeds");
    const g = new Gazetteer(lists);
    lists.firstNames.pop();
    const t: Rule = (tk, n, c) => retypeTables(tk, 0, n, c, g);
    expect(run("Leeds 110 BOLTON 98", [["Leeds", "PERSON"], ["BOLTON", "ORG"]], t)).toEqual(["ORG:Leeds", "ORG:BOLTON"]);
    expect(run("Erik Berg 68 70 71", [["Erik Berg", "PERSON"]], t)).toEqual(["PERSON:Erik Berg"]);
  });

  it("takes in a club word the tagger read alone ('Manchester' + 'United', 'Borussia' + 'Dortmund')", () => {
    expect(run("Leeds United manager Erik Berg said .", [["United", "MISC"]], clubs)).toEqual(["ORG:Leeds United"]);
    expect(run("Borussia Milan drew .", [["Borussia", "LOC"]], clubs)).toEqual(["ORG:Borussia Milan"]);
  });
});

describe("race results", () => {
  const races: Rule = (t, n, c) => retypeRaceTeams(t, 0, n, c, gaz);
  it("types the name between a rider's bracketed country and the time as the team", () => {
    expect(run("1. Erik Berg ( Norway ) Honda 46:38.112", [["Erik Berg", "PERSON"], ["Norway", "LOC"], ["Honda", "PERSON"]], races)).toEqual([
      "PERSON:Erik Berg",
      "LOC:Norway",
      "ORG:Honda",
    ]);
    expect(run("2. Erik Berg ( Chile ) Festina 1:24 behind", [["Festina", "LOC"]], races)).toEqual(["ORG:Festina"]);
  });

  it("needs a country in the brackets and a time after the name", () => {
    expect(run("1. Erik Berg ( Leeds ) Honda 46:38.112", [["Honda", "PERSON"]], races)).toEqual(["PERSON:Honda"]);
    expect(run("Erik Berg ( Norway ) Honda said", [["Honda", "PERSON"]], races)).toEqual(["PERSON:Honda"]);
  });
});

describe("a name before a score", () => {
  const scored: Rule = (t, n, c) => retypeScoredTeams(t, n, c, gaz);
  it("types a listed city as its club and a country as its team; a person stays", () => {
    expect(run("Leeds beat Lyon 2-0 and lost to Chile 1-3 , Erik Berg 6-3 .", [["Lyon", "PERSON"], ["Chile", "PERSON"], ["Erik Berg", "PERSON"]], scored)).toEqual([
      "ORG:Lyon",
      "LOC:Chile",
      "PERSON:Erik Berg",
    ]);
  });
  it("types both names around a match verb as teams, a one-word person or unknown place too", () => {
    expect(run("Creighton defeats Drake 65-53 and Napoli drew with Chile 1-1 .", [["Creighton", "PERSON"], ["Drake", "PERSON"], ["Napoli", "LOC"], ["Chile", "PERSON"]], scored)).toEqual([
      "ORG:Creighton",
      "ORG:Drake",
      "ORG:Napoli",
      "LOC:Chile",
    ]);
    // A full name stays a person; so does a name before a score with no match verb.
    expect(run("Erik Berg beat Drake 6-3 , Smith 6-4 .", [["Erik Berg", "PERSON"], ["Drake", "PERSON"], ["Smith", "PERSON"]], scored)).toEqual([
      "PERSON:Erik Berg",
      "ORG:Drake",
      "PERSON:Smith",
    ]);
  });
});

describe("the + capitalised plural", () => {
  const teams: Rule = (t, n, c) => theTeamPlurals(t, 0, n, c, gaz);
  it("names a team when the singular is a common noun", () => {
    expect(run("He played for the Falcons and later the Pirates , he said .", [], teams)).toEqual(["ORG:Falcons", "ORG:Pirates"]);
    // Only where the sentence speaks of sport or music (comments capitalise for emphasis).
    expect(run("Do they want the Pirates to rule ?", [], teams)).toEqual([]);
  });

  it("leaves headlines, events, complements and tagged words alone", () => {
    expect(run("Rebels Claimed Responsibility for the Attacks on Monday", [], teams)).toEqual([]);
    expect(run("He trained for the Olympics and the Games of 1996 .", [], teams)).toEqual([]);
    expect(run("It was the end of the War of the Camps in the city .", [], teams)).toEqual([]);
    expect(run("He played for the Falcons .", [["Falcons", "MISC"]], teams)).toEqual(["MISC:Falcons"]);
  });
});
