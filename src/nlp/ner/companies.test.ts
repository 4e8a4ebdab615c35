import { describe, expect, it } from "vitest";
import { possessiveCompanies, retypeCompanies } from "./companies.js";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";
import { applyToMarks, type Mark } from "../../../test/fixtures/ner/marks.js";

const lists = emptyGazetteerLists();
lists.firstNames = ["warren"];
lists.demonyms = ["japanese", "swiss"];
lists.orgKeywords = ["service"];
lists.cities = ["london"];
lists.firstNames.push("dwight");
const gaz = new Gazetteer(lists);

const run = (text: string, marks: Mark[]): string[] => applyToMarks(text, marks, (t, n, c) => retypeCompanies(t, 0, n, c, gaz));

describe("companies", () => {
  it("makes a name with its legal form one ORG, whatever the tagger said", () => {
    expect(run("Shares of Volkswagen AG rose .", [["Volkswagen AG", "PERSON"]])).toEqual(["ORG:Volkswagen AG"]);
    expect(run("Shares of Commerzbank AG rose .", [["Commerzbank", "ORG"]])).toEqual(["ORG:Commerzbank AG"]);
    expect(run("Analysts at Merrill Lynch & Co said so .", [["Merrill Lynch", "PERSON"], ["Co", "LOC"]])).toEqual(["ORG:Merrill Lynch & Co"]);
    expect(run("The Fiat SpA unit grew .", [])).toEqual(["ORG:Fiat SpA"]);
    expect(run("When Chong Toy Co. opened , it grew .", [])).toEqual(["ORG:Chong Toy Co."]);
  });

  it("leaves a legal form with no name before it, and longer tagged names, alone", () => {
    expect(run("the company , an AG under German law", [])).toEqual([]);
    expect(run("Do you think the Japanese Co will buy it ?", [["Japanese", "MISC"]])).toEqual(["MISC:Japanese"]);
    expect(run("Bank of America Corp rose .", [["Bank of America Corp", "ORG"]])).toEqual(["ORG:Bank of America Corp"]);
  });

  it("reads a name before 'shares' as a company unless it opens with a given name", () => {
    expect(run("Deutsche Telekom shares fell .", [["Deutsche Telekom", "PERSON"]])).toEqual(["ORG:Deutsche Telekom"]);
    expect(run("Fareed Zakaria shares a book .", [["Fareed Zakaria", "PERSON"]])).toEqual(["PERSON:Fareed Zakaria"]);
    expect(run("Warren Buffett shares his view .", [["Warren Buffett", "PERSON"]])).toEqual(["PERSON:Warren Buffett"]);
  });

  it("reads a name closed by 'Re' as a reinsurer, also a nationality word, not before a reply's colon", () => {
    expect(run("Munich Re ( MUVGn.DE ) and Swiss Re lost money .", [["Munich", "LOC"], ["Swiss", "MISC"]])).toEqual(["ORG:Munich Re", "ORG:Swiss Re"]);
    expect(run("Subject Re : lunch", [])).toEqual([]);
  });
});

describe("companies named in the possessive", () => {
  const poss = (text: string, marks: Mark[]): string[] => applyToMarks(text, marks, (t, n, c) => possessiveCompanies(t, 0, n, c, gaz));
  it("keeps the 's of Moody's, Lloyd's and Standard & Poor's, with an organisation keyword or 'of' a place after it", () => {
    expect(poss("Moody's Investors Service cut it , said Moody's .", [["Moody", "PERSON"], ["Investors Service", "ORG"]])).toEqual([
      "ORG:Moody's Investors Service",
      "ORG:Moody's",
    ]);
    expect(poss("Lloyd's of London and Standard & Poor's agreed .", [["Lloyd", "PERSON"], ["London", "LOC"], ["Standard", "ORG"]])).toEqual([
      "ORG:Lloyd's of London",
      "ORG:Standard & Poor's",
    ]);
  });
  it("leaves a person's possessive alone", () => {
    expect(poss("Dwight Moody's sermons and Poor's book .", [["Dwight Moody", "PERSON"]])).toEqual(["PERSON:Dwight Moody"]);
  });
});
