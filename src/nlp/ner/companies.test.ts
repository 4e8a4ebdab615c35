import { describe, expect, it } from "vitest";
import { retypeCompanies } from "./companies.js";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";
import { applyToMarks, type Mark } from "../../../test/fixtures/ner/marks.js";

const lists = emptyGazetteerLists();
lists.firstNames = ["warren"];
lists.demonyms = ["japanese"];
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
});
