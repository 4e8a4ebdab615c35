import { describe, expect, it } from "vitest";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";
import { extendOrgPhrases } from "./orgphrase.js";
import type { RuleToken, SpanCandidate } from "./rules.js";
import { retypeTeamNames } from "./teams.js";
import { tokenize } from "../tokenize.js";

const lists = emptyGazetteerLists();
lists.orgKeywords = ["university", "party", "ministry", "tribunal"];
lists.countries = ["united states of america", "union of soviet socialist republics", "canada"];
lists.firstNames = ["jeff"];
lists.cities = ["pittsburgh", "st. louis"];
lists.regions = ["cayman islands"];
lists.commonWords = ["in", "under", "wins", "title", "fire"];
const gaz = new Gazetteer(lists);

type Mark = [string, SpanCandidate["type"]];
/** Tokenizes `text`, marks the given substrings as candidates and applies `rule`. */
function run(text: string, marks: Mark[], rule: (t: RuleToken[], n: number, c: SpanCandidate[]) => SpanCandidate[]): string[] {
  const { tokens } = tokenize(text);
  const cands: SpanCandidate[] = marks.map(([s, type]) => {
    const at = text.indexOf(s);
    const start = tokens.findIndex((t) => t.start === at);
    const end = tokens.findIndex((t) => t.end === at + s.length) + 1;
    return { start, end, type, score: 0.9 };
  });
  return rule(tokens as RuleToken[], tokens.length, cands).map((c) => `${c.type}:${text.slice(tokens[c.start].start, tokens[c.end - 1].end)}`);
}
const org = (t: RuleToken[], n: number, c: SpanCandidate[]): SpanCandidate[] => extendOrgPhrases(t, 0, n, c, gaz);
const teams = (t: RuleToken[], _n: number, c: SpanCandidate[]): SpanCandidate[] => retypeTeamNames(t, c, gaz);

describe("organisation names with complements", () => {
  it("makes keyword + of/for + name one ORG, with the words before the keyword", () => {
    expect(run("He studied at the University of Leicester.", [["University of", "ORG"]], org)).toEqual(["ORG:University of Leicester"]);
    expect(run("He studied at Delft University of Technology.", [["Delft", "ORG"]], org)).toEqual(["ORG:Delft University of Technology"]);
    expect(run("Perot of the Reform Party of the United States of America won.", [["Perot", "PERSON"], ["Reform Party", "ORG"], ["United States of America", "LOC"]], org)).toEqual([
      "PERSON:Perot",
      "ORG:Reform Party of the United States of America",
    ]);
  });

  it("leaves sentence-initial common words, dates and country names out", () => {
    expect(run("In Ministry of Health offices, staff met.", [], org)).toEqual(["ORG:Ministry of Health"]);
    expect(run("He spoke to the Special Tribunal on June 13.", [["Special Tribunal", "ORG"]], org)).toEqual(["ORG:Special Tribunal"]);
    expect(run("He was born in the Union of Soviet Socialist Republics.", [["Union of Soviet Socialist Republics", "LOC"]], org)).toEqual(["LOC:Union of Soviet Socialist Republics"]);
  });

  it("trims a trailing connector", () => {
    expect(run("the National Organization for women", [["National Organization for", "ORG"]], org)).toEqual(["ORG:National Organization"]);
  });
});

describe("place-named teams", () => {
  it("retypes place + plural name as ORG and keeps geographic plurals", () => {
    expect(run("He pitched for the Pittsburgh Pirates and the St. Louis Cardinals.", [["Pittsburgh Pirates", "LOC"], ["St. Louis Cardinals", "LOC"]], teams)).toEqual([
      "ORG:Pittsburgh Pirates",
      "ORG:St. Louis Cardinals",
    ]);
    expect(run("She flew to the Cayman Islands.", [["Cayman Islands", "LOC"]], teams)).toEqual(["LOC:Cayman Islands"]);
  });
});

describe("organisation names in title-case lines", () => {
  it("extends only over words in name lists", () => {
    const t = (text: string, marks: Mark[]): string[] => run(text, marks, (tk, n, c) => extendOrgPhrases(tk, 0, n, c, gaz, "title"));
    expect(t("University of Pittsburgh Wins Title", [["University", "ORG"]])).toEqual(["ORG:University of Pittsburgh"]);
    expect(t("Ministry of Under Fire", [["Ministry", "ORG"]])).toEqual(["ORG:Ministry"]);
  });

  it("ends a complement at a place name followed by a given name", () => {
    expect(run("He was beaten by Conservative Party of Canada Jeff Watson.", [["Conservative Party", "ORG"], ["Jeff Watson", "PERSON"]], org)).toEqual([
      "ORG:Conservative Party of Canada",
      "PERSON:Jeff Watson",
    ]);
    // The same place with no given name after it stays in a longer complement.
    expect(run("The University of Canada West opened.", [["University", "ORG"]], org)).toEqual(["ORG:University of Canada West"]);
  });
});

describe("place and team plural split by the tagger", () => {
  const lists2 = emptyGazetteerLists();
  lists2.cities = ["chicago", "cairo"];
  lists2.countries = ["u.s."];
  const gaz2 = new Gazetteer(lists2);
  const join = (t: RuleToken[], _n: number, c: SpanCandidate[]): SpanCandidate[] => retypeTeamNames(t, c, gaz2);
  it("joins a city and the capitalised plural after it into one ORG", () => {
    expect(run("The Chicago Cubs lost .", [["Chicago", "LOC"], ["Cubs", "LOC"]], join)).toEqual(["ORG:Chicago Cubs"]);
    expect(run("The Chicago Cubs lost .", [["Chicago", "LOC"]], join)).toEqual(["ORG:Chicago Cubs"]);
  });
  it("leaves a country's forces and people plurals alone", () => {
    expect(run("The U.S. Marines landed .", [["U.S.", "LOC"]], join)).toEqual(["LOC:U.S."]);
    expect(run("Cairo Protesters fill streets .", [["Cairo", "LOC"]], join)).toEqual(["LOC:Cairo"]);
  });
});
