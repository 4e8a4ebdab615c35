import { describe, expect, it } from "vitest";
import { tokenize } from "../tokenize.js";
import { applyConventions } from "./conventions.js";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";
import type { RuleToken, SpanCandidate } from "./rules.js";

const lists = emptyGazetteerLists();
lists.countries = ["qatar", "israel", "china", "united states", "bosnia", "u.s."];
lists.orgNames = ["hamas", "united nations", "un", "wall street"];
lists.demonyms = ["israeli", "palestinian", "chinese", "african", "arab", "asian"];
lists.regions = ["gaza", "gaza strip", "georgia", "minnesota"];
lists.cities = ["beijing", "dallas", "houston", "bonn", "barcelona"];
lists.firstNames = ["mikhail", "antony", "condoleezza", "john", "carla", "betty"];
lists.roleNouns = ["secretary", "chancellor", "president", "major"];
lists.surnames = ["major"];
lists.commonWords = ["peace", "talks", "calls", "conflict", "crisis", "liberal", "technology", "national", "responses", "perhaps", "love", "endangered", "species", "eastern", "bin", "who"];
lists.orgKeywords = ["party", "university", "department", "union", "senate", "center", "fund"];
lists.miscKeywords = ["prize", "festival", "war", "act", "day"];
lists.regions.push("england", "texas");
const gaz = new Gazetteer(lists);

function run(text: string, marks: [string, SpanCandidate["type"], number?][], mode: "normal" | "title" = "normal"): string[] {
  const { tokens } = tokenize(text);
  const cands: SpanCandidate[] = marks.map(([s, type, score]) => {
    const at = text.indexOf(s);
    const start = tokens.findIndex((t) => t.start === at);
    const end = tokens.findIndex((t) => t.end === at + s.length) + 1;
    if (start < 0 || end <= 0) throw new Error(`no token span for ${s}`);
    return { start, end, type, score: score ?? 0.99 };
  });
  return applyConventions(tokens as RuleToken[], 0, tokens.length, cands, gaz, mode).map((c) => `${c.type}:${text.slice(tokens[c.start].start, tokens[c.end - 1].end)}`);
}

describe("CoNLL conventions", () => {
  it("joins compound nationalities and nationality-led MISC names", () => {
    expect(run("South African and Israeli Arab voters watched the Asian Cup.", [["African", "MISC"], ["Israeli", "MISC"], ["Arab", "MISC"], ["Cup", "MISC"]])).toEqual([
      "MISC:South African",
      "MISC:Israeli Arab",
      "MISC:Asian Cup",
    ]);
  });

  it("types places and organisations ending in an event, prize or law word as MISC", () => {
    expect(run("He won the Nobel Peace Prize at the North Sea Jazz Festival.", [["Nobel Peace Prize", "ORG"], ["North Sea Jazz Festival", "LOC"]])).toEqual([
      "MISC:Nobel Peace Prize",
      "MISC:North Sea Jazz Festival",
    ]);
    expect(run("He ran the Department of War.", [["Department of War", "ORG"]])).toEqual(["ORG:Department of War"]);
  });

  it("ends names at a possessive, takes in an ordinal, and stops an organisation at 'at'", () => {
    expect(run("One Nation 's leader spoke.", [["One Nation 's", "ORG"]])).toEqual(["ORG:One Nation"]);
    expect(run("The Civil Liberties Union 's Reproductive Freedom Project sued.", [["Civil Liberties Union 's Reproductive Freedom Project", "ORG"]])).toEqual([
      "ORG:Civil Liberties Union",
      "ORG:Reproductive Freedom Project",
    ]);
    expect(run("The People 's Party won.", [["People 's Party", "ORG"]])).toEqual(["ORG:People 's Party"]);
    expect(run("Let 's go , WHO 's staff said.", [["Let", "ORG"], ["WHO", "ORG"]])).toEqual(["ORG:WHO"]);
    expect(run("He joined the Eighth Air Force in 1943.", [["Air Force", "ORG"]])).toEqual(["ORG:Eighth Air Force"]);
    expect(run("They played the Boston Braves at Forbes Field.", [["Boston Braves at Forbes Field", "ORG"]])).toEqual(["ORG:Boston Braves"]);
  });

  it("makes '<Treaty|Battle|Siege> of <name>' one MISC", () => {
    expect(run("The Treaty of Ganghwa was signed after the Battle of Britain.", [["Ganghwa", "LOC"], ["Britain", "LOC"]])).toEqual([
      "MISC:Treaty of Ganghwa",
      "MISC:Battle of Britain",
    ]);
    expect(run("Peace of mind matters.", [])).toEqual([]);
  });

  it("reads an ORG before a comma and a country or region as a town there", () => {
    expect(run("It moved to Debden , England , in June.", [["Debden", "ORG"], ["England", "LOC"]])).toEqual(["LOC:Debden", "LOC:England"]);
    // Not an organisation named by a keyword, and not before more words.
    expect(run("It joined Labour Party , England , in June.", [["Labour Party", "ORG"], ["England", "LOC"]])).toEqual(["ORG:Labour Party", "LOC:England"]);
    expect(run("It beat Debden , England said.", [["Debden", "ORG"], ["England", "LOC"]])).toEqual(["ORG:Debden", "LOC:England"]);
  });

  it("lets an organisation take in a capitalised hyphen compound before it", () => {
    expect(run("He ran for the Marxist-Leninist Party.", [["Leninist Party", "ORG"]])).toEqual(["ORG:Marxist-Leninist Party"]);
    expect(run("He taught at the Charles-Ferdinand University.", [["Charles", "MISC"], ["Ferdinand University", "ORG"]])).toEqual(["ORG:Charles-Ferdinand University"]);
  });

  it("keeps every word of an organisation named around its keyword in a headline-like line", () => {
    expect(run("Liberal Party Of Australia And Delft University Of Technology", [["Liberal Party Of Australia", "ORG", 0.5], ["Delft University Of Technology", "ORG", 0.5]], "title")).toEqual([
      "ORG:Liberal Party Of Australia",
      "ORG:Delft University Of Technology",
    ]);
    expect(run("Liberal Party Responses", [["Liberal Party Responses", "ORG", 0.5]], "title")).toEqual(["ORG:Liberal Party"]);
  });

  it("types 'US' in running text as the country (the list leaves out 'us', a pronoun)", () => {
    expect(run("In a nod to the deep US political divide.", [["US", "ORG"]])).toEqual(["LOC:US"]);
  });

  it("types countries as LOC and demonyms as MISC", () => {
    expect(run("Qatar said the United States agreed.", [["Qatar", "ORG"], ["United States", "ORG"]])).toEqual(["LOC:Qatar", "LOC:United States"]);
    expect(run("Chinese officials came.", [["Chinese", "ORG"]])).toEqual(["MISC:Chinese"]);
  });
  it("makes hyphenated place compounds one MISC", () => {
    expect(run("The Israel-Gaza crisis and the Israeli-Palestinian conflict.", [["Israel", "LOC"], ["Gaza", "LOC"], ["Israeli", "MISC"], ["Palestinian", "MISC"]])).toEqual([
      "MISC:Israel-Gaza",
      "MISC:Israeli-Palestinian",
    ]);
    // A place joined to another name (here an organisation) is one MISC too; a name alone is not joined.
    expect(run("A go-between in the Israel-Hamas conflict.", [["Israel-Hamas", "LOC"]])).toEqual(["MISC:Israel-Hamas"]);
    // a place joined to a name that is neither a listed organisation nor tagged as one is left to the tagger
    expect(run("The war in Bosnia-Herzegovina ended.", [["Bosnia-Herzegovina", "LOC"]])).toEqual(["LOC:Bosnia-Herzegovina"]);
    expect(run("A go-between in the Israel-Hamas conflict.", [["Israel", "LOC"], ["Hamas", "ORG"]])).toEqual(["MISC:Israel-Hamas"]);
    expect(run("The Hamas-Fatah talks.", [["Hamas", "ORG"], ["Fatah", "ORG"]])).toEqual(["ORG:Hamas", "ORG:Fatah"]);
  });
  it("splits a person run before a possessive place and joins a given name", () => {
    expect(run("Mikhail Bogdanov Beijing\u2019s envoy", [["Mikhail", "PERSON"], ["Bogdanov Beijing", "PERSON"]])).toEqual(["PERSON:Mikhail Bogdanov", "LOC:Beijing"]);
    expect(run("Mikhail Bogdanov Beijing\u2018s envoy", [["Mikhail Bogdanov Beijing", "PERSON"]])).toEqual(["PERSON:Mikhail Bogdanov", "LOC:Beijing"]);
  });
  it("trims common words from doubtful spans in headlines", () => {
    expect(run("China Calls for Peace Talks", [["China Calls", "LOC", 0.6], ["Peace Talks", "ORG", 0.6]], "title")).toEqual(["LOC:China"]);
    expect(run("China Calls for Peace Talks", [["Peace Talks", "ORG", 0.6]], "normal")).toEqual(["ORG:Peace Talks"]);
  });

  it("joins an untagged given name and the one-word name after it into a PERSON", () => {
    expect(run("Secretary of State Antony Blinken visited Beijing.", [["Blinken", "ORG"], ["Beijing", "LOC"]])).toEqual(["PERSON:Antony Blinken", "LOC:Beijing"]);
    // A place after a given name stays a place.
    expect(run("Antony Beijing said", [["Beijing", "LOC"]])).toEqual(["LOC:Beijing"]);
  });

  it("makes states named by their form of government places", () => {
    expect(run("The Ottoman Empire and the Kingdom of Castile fell.", [["Ottoman Empire", "ORG"], ["Kingdom of Castile", "ORG"]])).toEqual([
      "LOC:Ottoman Empire",
      "LOC:Kingdom of Castile",
    ]);
    expect(run("The Grand Duchy of Poznan was Prussian.", [["Grand Duchy of Poznan", "MISC"]])).toEqual(["LOC:Grand Duchy of Poznan"]);
    // Not a state: the state word is no head ("Empire State Building"), or the name is one word.
    expect(run("The Empire State Building and the Empire.", [["Empire State Building", "ORG"], ["Empire", "ORG"]])).toEqual(["ORG:Empire State Building", "ORG:Empire"]);
  });

  it("drops a title alone typed as a person, not a title that is a name too", () => {
    expect(run("He wants it, President.", [["President", "PERSON"]])).toEqual([]);
    expect(run("Major said so.", [["Major", "PERSON"]])).toEqual(["PERSON:Major"]);
  });

  it("splits a person or a party word 'of' a listed place or organisation", () => {
    expect(run("Rebecca Felton of Georgia became a senator.", [["Rebecca Felton of Georgia", "PERSON"]])).toEqual(["PERSON:Rebecca Felton", "LOC:Georgia"]);
    expect(run("Amy Klobuchar, Democrat of Minnesota, said.", [["Amy Klobuchar", "PERSON"], ["Democrat of Minnesota", "MISC"]])).toEqual([
      "PERSON:Amy Klobuchar",
      "MISC:Democrat",
      "LOC:Minnesota",
    ]);
    // Also when the tagger took the party word and the place for one organisation.
    expect(run("Al Franken, Democrat of Minnesota, said.", [["Al Franken", "PERSON"], ["Democrat of Minnesota", "ORG"]])).toEqual(["PERSON:Al Franken", "MISC:Democrat", "LOC:Minnesota"]);
    // A name built on "of", or a tail no list knows, stays whole.
    expect(run("The University of Georgia won.", [["University of Georgia", "PERSON"]])).toEqual(["PERSON:University of Georgia"]);
    expect(run("John Smith of Smallville spoke.", [["John Smith of Smallville", "PERSON"]])).toEqual(["PERSON:John Smith of Smallville"]);
  });

  it("makes a listed city typed ORG before a possessive organisation the place", () => {
    expect(run("Bonn 's Finance Ministry said so.", [["Bonn", "ORG"], ["Finance Ministry", "ORG"]])).toEqual(["LOC:Bonn", "ORG:Finance Ministry"]);
    // Not before a person (a city's club and its player).
    expect(run("Barcelona 's Ronaldo scored.", [["Barcelona", "ORG"], ["Ronaldo", "PERSON"]])).toEqual(["ORG:Barcelona", "PERSON:Ronaldo"]);
  });

  it("types party members and the party adjective MISC, apart from the organisation before them", () => {
    expect(run("Senate Republicans and a Democratic senator met Democrats.", [["Senate Republicans", "ORG"]])).toEqual([
      "ORG:Senate",
      "MISC:Republicans",
      "MISC:Democratic",
      "MISC:Democrats",
    ]);
    // A listed place and the party word taken as one name are the place and the members.
    expect(run("Minnesota Republicans and a Georgia Democrat met.", [["Minnesota Republicans", "ORG"], ["Georgia Democrat", "MISC"]])).toEqual([
      "LOC:Minnesota",
      "MISC:Republicans",
      "LOC:Georgia",
      "MISC:Democrat",
    ]);
    // The head of a longer name is not touched.
    expect(run("The Republican Party met.", [["Republican Party", "ORG"]])).toEqual(["ORG:Republican Party"]);
  });

  it("types facility and street names as places", () => {
    expect(run("He landed at Ben Gurion International Airport on the Avenue Montaigne.", [["Ben Gurion International Airport", "PERSON"], ["Avenue Montaigne", "ORG"]])).toEqual([
      "LOC:Ben Gurion International Airport",
      "LOC:Avenue Montaigne",
    ]);
  });

  it("types an unlisted acronym taken for a place as an organisation", () => {
    expect(run("BP sold its stake in the U.S. and LOVE won.", [["BP", "LOC"], ["U.S.", "LOC"], ["LOVE", "LOC"]])).toEqual(["ORG:BP", "LOC:U.S.", "LOC:LOVE"]);
  });

  it("makes a capitalised run ending in a law or event word one MISC name", () => {
    expect(run("Congress weakened the Endangered Species Act in 2009.", [["Endangered Species", "ORG"], ["Act", "LOC"]])).toEqual(["MISC:Endangered Species Act"]);
    expect(run("They passed the Violence Against Women Act.", [["Women", "PERSON"]])).toEqual(["MISC:Violence Against Women Act"]);
    // Not the sentence's opening common word, not a person's surname, not an ambiguous head.
    expect(run("Perhaps World War would follow.", [])).toEqual(["MISC:World War"]);
    expect(run("He met Jane Day.", [["Jane Day", "PERSON"]])).toEqual(["PERSON:Jane Day"]);
  });

  it("makes a name joined to a lower-case word by a hyphen one MISC word", () => {
    expect(run("A Gaza-bound ship and U.S.-led forces.", [["Gaza", "LOC"], ["U.S.", "LOC"]])).toEqual(["MISC:Gaza-bound", "MISC:U.S.-led"]);
    // Not a dash before a function word.
    expect(run("Vote Gaza-but not now.", [["Gaza", "LOC"]])).toEqual(["LOC:Gaza"]);
  });

  it("drops a lower-case function word or a sentence's opening one from a name's start", () => {
    expect(run("In 2003 Qatar joined our Israeli friends.", [["In 2003 Qatar", "LOC"], ["our Israeli", "MISC"]])).toEqual(["LOC:2003 Qatar", "MISC:Israeli"]);
    // A capitalised one inside the sentence stays: titles hold them ("Out of This World").
    expect(run("He starred in Out of This World.", [["Out of This World", "MISC"]])).toEqual(["MISC:Out of This World"]);
  });

  it("joins two names that together are a listed place, and drops a date after a name", () => {
    expect(run("He visited the United States March 3 .", [["United", "MISC"], ["States March", "LOC"]])).toEqual(["LOC:United States"]);
  });

  it("reads a person's name ending in an institution's keyword as the institution, not a surname that is a keyword", () => {
    expect(run("She checked into the Betty Ford Center and read John Fund .", [["Betty Ford Center", "PERSON"], ["John Fund", "PERSON"]])).toEqual([
      "ORG:Betty Ford Center",
      "PERSON:John Fund",
    ]);
  });

  it("ends a role's 'of' complement before the person named after it", () => {
    expect(run("Secretary of State Condoleezza Rice and Chancellor of the Exchequer John Smith met .", [["State Condoleezza Rice", "ORG"], ["Exchequer John Smith", "ORG"]])).toEqual([
      "PERSON:Condoleezza Rice",
      "PERSON:John Smith",
    ]);
  });

  it("keeps a person whose surname is a place word", () => {
    expect(run("Carla Hills met them near the Western Mountains .", [["Carla Hills", "PERSON"], ["Western Mountains", "ORG"]])).toEqual(["PERSON:Carla Hills", "LOC:Western Mountains"]);
  });

  it("drops an article before a listed name and a lower-case common word opening a name, not a particle", () => {
    expect(run("The United Nations met in eastern Qatar and bin Laden hid .", [["The United Nations", "MISC"], ["eastern Qatar", "LOC"], ["bin Laden", "PERSON"]])).toEqual([
      "ORG:United Nations",
      "LOC:Qatar",
      "PERSON:bin Laden",
    ]);
  });

  it("types holidays MISC and a MISC acronym before a lower-case word or possessive ORG", () => {
    expect(run("At Christmas BP shareholders met ; OWW .", [["Christmas", "LOC"], ["BP", "MISC"], ["OWW", "MISC"]])).toEqual(["MISC:Christmas", "ORG:BP", "MISC:OWW"]);
    expect(run("Ramadan began .", [])).toEqual(["MISC:Ramadan"]);
  });

  it("reads a listed acronym taken for a person, or ending a person's name, as the organisation", () => {
    expect(run("End Quote Farhan Haq UN spokesman said so .", [["Farhan Haq UN", "PERSON"]])).toEqual(["PERSON:Farhan Haq", "ORG:UN"]);
    expect(run("The UN team left .", [["UN", "PERSON"]])).toEqual(["ORG:UN"]);
  });

  it("makes a prefix and a name in one word one MISC word", () => {
    expect(run("The anti-American and sub-Saharan protests spread .", [["anti-American", "LOC"]])).toEqual(["MISC:anti-American", "MISC:sub-Saharan"]);
    // Not a lower-case compound ("anti-war").
    expect(run("An anti-war rally .", [])).toEqual([]);
  });

  it("reads a street standing for an institution as the place, as CoNLL-2003 does", () => {
    expect(run("Shares fell on Wall Street .", [["Wall Street", "ORG"]])).toEqual(["LOC:Wall Street"]);
  });

  it("ends no name in a lower-case verb, pronoun or conjunction, but keeps a hyphened word and a listed name", () => {
    expect(run("Boxer , a Georgia Democrat who presides , spoke .", [["Boxer", "PERSON"], ["Georgia", "LOC"], ["Democrat who", "MISC"]])).toEqual([
      "PERSON:Boxer",
      "LOC:Georgia",
      "MISC:Democrat",
    ]);
  });

  it("splits two places in one span: a city and its state, or two places joined by 'and'", () => {
    expect(run("Police in Dallas Texas said so .", [["Dallas Texas", "ORG"]])).toEqual(["LOC:Dallas", "LOC:Texas"]);
    expect(run("They fled Baytown and Houston .", [["Baytown and Houston", "LOC"]])).toEqual(["LOC:Baytown", "LOC:Houston"]);
    expect(run("Mikhail and Carla Smith gave .", [["Mikhail and Carla Smith", "PERSON"]])).toEqual(["PERSON:Mikhail", "PERSON:Carla Smith"]);
    // Not a listed name ("Bosnia" alone is listed; an organisation keeps its "and").
    expect(run("Smith and Jones Party won .", [["Smith and Jones Party", "ORG"]])).toEqual(["ORG:Smith and Jones Party"]);
  });

  it("reads a listed place and its possessive before a name as the place, not part of the name", () => {
    expect(run("Beijing 's Foreign Ministry said so .", [["Beijing 's Foreign Ministry", "ORG"]])).toEqual(["LOC:Beijing", "ORG:Foreign Ministry"]);
    // A company named in the possessive keeps it.
    expect(run("Moody 's Investors Service cut it .", [["Moody 's Investors Service", "ORG"]])).toEqual(["ORG:Moody 's Investors Service"]);
  });

  it("ends a name at a possessive before a lower-case word or a number, and joins two names that together are a listed place", () => {
    expect(run("the Gaza Strip’s 2.3 million people", [["Gaza", "LOC"], ["Strip’s 2.3", "MISC"]])).toEqual(["LOC:Gaza Strip"]);
    expect(run("the Civic Union 's own plans", [["Civic Union 's own", "ORG"]])).toEqual(["ORG:Civic Union"]);
    // A capitalised word after the possessive may go on with the name.
    expect(run("the People 's Liberation Front said", [["People 's Liberation Front", "ORG"]])).toEqual(["ORG:People 's Liberation Front"]);
    // Two names that are not one listed place stay two.
    expect(run("Gaza Hamas fighters", [["Gaza", "LOC"], ["Hamas", "ORG"]])).toEqual(["LOC:Gaza", "ORG:Hamas"]);
  });
});
