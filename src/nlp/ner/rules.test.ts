import { describe, expect, it } from "vitest";
import { Gazetteer, type GazetteerLists, emptyGazetteerLists } from "./gazetteer.js";
import { RuleToken, SpanCandidate, applyRules, namesNothing } from "./rules.js";
import { tokenize } from "../tokenize.js";
import { applyToMarks, type SentenceRule } from "../../../test/fixtures/ner/marks.js";

const lists = emptyGazetteerLists();
lists.demonyms = ["chinese", "palestinian"];
lists.countries = ["u.s.", "russia"];
lists.roleNouns = ["minister", "deputy", "envoy", "secretary of state", "special envoy", "mayor", "senator", "general", "president"];
lists.commonWords = ["suffering", "notably", "then", "crisis", "war", "talks", "he", "first", "foreign", "affairs", "tourism"];
lists.orgKeywords = ["party", "council"];
lists.orgNames = ["u.n.", "united nations"];
lists.cities = ["new york city"];
lists.firstNames = ["mohammed", "rudy", "jane", "billy"];
const gaz = new Gazetteer(lists);

/** Tokenizes `text` and marks the given substrings as candidates (first occurrence). */
function run(text: string, marks: [string, SpanCandidate["type"], number?][]): { text: string; type: string }[] {
  const { tokens } = tokenize(text);
  const cands: SpanCandidate[] = marks.map(([s, type, score]) => {
    const at = text.indexOf(s);
    const start = tokens.findIndex((t) => t.start === at);
    const end = tokens.findIndex((t) => t.end === at + s.length) + 1;
    if (start < 0 || end <= 0) throw new Error(`no token span for ${s}`);
    return { start, end, type, score: score ?? 0.99 };
  });
  const out = applyRules(tokens as RuleToken[], 0, tokens.length, cands, gaz);
  return out.map((c) => {
    const text2 = text.slice(tokens[c.start].start, tokens[c.end - 1].end);
    return { text: text2, type: c.type };
  });
}

describe("NER rule layer", () => {
  it("drops an auxiliary verb opening a question before a lower-case word, not a name", () => {
    expect(run("Will the plan work ?", [["Will", "PERSON"]])).toEqual([]);
    expect(run("Will Smith spoke .", [["Will Smith", "PERSON"]])).toEqual([{ text: "Will Smith", type: "PERSON" }]);
  });

  it("ends a place named with its administrative word before a role, and takes the full name after it", () => {
    expect(run("Plaquemines Parish President Billy Nungesser said so .", [["Plaquemines Parish President Billy Nungesser", "ORG"]])).toEqual([
      { text: "Plaquemines Parish", type: "LOC" },
      { text: "Billy Nungesser", type: "PERSON" },
    ]);
  });

  it("reads a nationality, a role and a name in one MISC span as the nationality and the person", () => {
    expect(run("He met Palestinian First Deputy Minister of Foreign Affairs Jadot .", [["Palestinian First Deputy Minister of Foreign Affairs Jadot", "MISC"]])).toEqual([
      { text: "Palestinian", type: "MISC" },
      { text: "Jadot", type: "PERSON" },
    ]);
    // Not an organisation ("Chinese Communist Party" holds a keyword) nor a nationality alone.
    expect(run("The Chinese Communist Party met .", [["Chinese Communist Party", "MISC"]])).toEqual([{ text: "Chinese Communist Party", type: "MISC" }]);
  });

  it("reads a name from a title's portfolio into the holder's name as the holder", () => {
    expect(run("He met Palestinian First Deputy Minister of Foreign Affairs Jadot .", [["Palestinian", "MISC"], ["Foreign Affairs Jadot", "ORG"]])).toEqual([
      { text: "Palestinian", type: "MISC" },
      { text: "Jadot", type: "PERSON" },
    ]);
    expect(run("The Minister of State for Foreign Affairs Mohammed Al Khulaifi spoke .", [["State for Foreign Affairs Mohammed Al Khulaifi", "ORG"]])).toEqual([
      { text: "Mohammed Al Khulaifi", type: "PERSON" },
    ]);
    // No role before "of", no name after the portfolio, or no common word closing the portfolio: unchanged.
    expect(run("The Bank of Foreign Affairs Jadot opened .", [["Foreign Affairs Jadot", "ORG"]])).toEqual([{ text: "Foreign Affairs Jadot", type: "ORG" }]);
    expect(run("The Minister of Foreign Affairs spoke .", [["Foreign Affairs", "ORG"]])).toEqual([{ text: "Foreign Affairs", type: "ORG" }]);
    expect(run("The President of Goldman Sachs spoke .", [["Goldman Sachs", "ORG"]])).toEqual([{ text: "Goldman Sachs", type: "ORG" }]);
    // Only a government portfolio ends the title, and the holder is no listed place: "director of Amnesty International UK".
    expect(run("Jane Hume , director of Institutional Risk Analytics , said .", [["Institutional Risk Analytics", "ORG"]])).toContainEqual({ text: "Institutional Risk Analytics", type: "ORG" });
    expect(run("The Minister of Foreign Affairs Russia spoke .", [["Foreign Affairs Russia", "ORG"]])).toEqual([{ text: "Foreign Affairs Russia", type: "ORG" }]);
  });

  it("splits a person span at a cricket scorecard's dismissal marks", () => {
    expect(run("M. Atherton c Healy b Warne 31", [["M. Atherton c Healy b Warne", "PERSON"]])).toEqual([
      { text: "M. Atherton", type: "PERSON" },
      { text: "Healy", type: "PERSON" },
      { text: "Warne", type: "PERSON" },
    ]);
    // Only between capitalised words, and only in person spans.
    expect(run("Ortega y Gasset wrote .", [["Ortega y Gasset", "PERSON"]])).toEqual([{ text: "Ortega y Gasset", type: "PERSON" }]);
  });

  it("types a religion or an -ism MISC, tagged or not", () => {
    expect(run("He wrote of interest in Islam and Marxism .", [["Islam", "LOC"]])).toEqual([
      { text: "Islam", type: "MISC" },
      { text: "Marxism", type: "MISC" },
    ]);
    // Lower-case words and short or inner words are no creed ("tourism", "Ism", "Islamabad").
    expect(run("Tourism in Islamabad grew .", [["Islamabad", "LOC"]])).toEqual([{ text: "Islamabad", type: "LOC" }]);
    expect(run("Capitalism won .", [])).toEqual([]);
  });

  it("drops a lone short lower-case word and an era after a year", () => {
    expect(run("He became the de facto leader in 116 AD and then in 609 BCE.", [["de", "ORG"], ["AD", "ORG"], ["BCE", "ORG"]])).toEqual([]);
    expect(run("The AD campaign began.", [["AD", "ORG"]])).toEqual([{ text: "AD", type: "ORG" }]);
  });

  it("drops weekday plurals, decades and clock times, and a lone title before a name", () => {
    expect(run("It is drawn on Tuesdays and Fridays in the 1990s at 2pm (and at 10am).", [["Tuesdays", "ORG"], ["Fridays", "ORG"], ["1990s", "ORG"], ["2pm", "ORG"], ["10am", "ORG"]])).toEqual([]);
    expect(run("Then General Jane Hoyt took over.", [["General", "ORG"], ["Jane Hoyt", "PERSON"]])).toEqual([{ text: "Jane Hoyt", type: "PERSON" }]);
    // Only before a capitalised word, and only places and organisations (a MISC party word stays).
    expect(run("He thanked the General for it.", [["General", "ORG"]])).toEqual([{ text: "General", type: "ORG" }]);
    expect(run("Then General Jane Hoyt took over.", [["General", "MISC"], ["Jane Hoyt", "PERSON"]])).toEqual([
      { text: "General", type: "MISC" },
      { text: "Jane Hoyt", type: "PERSON" },
    ]);
  });

  it("moves titles out of person spans and keeps the nationality as MISC", () => {
    expect(run("Chinese Foreign Minister Wang Yi spoke.", [["Chinese Foreign Minister Wang Yi", "PERSON"]])).toEqual([
      { text: "Chinese", type: "MISC" },
      { text: "Wang Yi", type: "PERSON" },
    ]);
    expect(run("He met President Joe Biden.", [["President Joe Biden", "PERSON"]])).toEqual([{ text: "Joe Biden", type: "PERSON" }]);
  });

  it("joins names with particles", () => {
    const text = "He met Mohammed bin Abdulaziz bin Saleh Al Khulaifi in Doha.";
    expect(run(text, [["Mohammed", "PERSON"], ["Abdulaziz", "PERSON"], ["Saleh Al Khulaifi", "PERSON"], ["Doha", "LOC"]])).toEqual([
      { text: "Mohammed bin Abdulaziz bin Saleh Al Khulaifi", type: "PERSON" },
      { text: "Doha", type: "LOC" },
    ]);
    expect(run("Abu Bakr al-Baghdadi died.", [["Abu Bakr", "PERSON"]])).toEqual([{ text: "Abu Bakr al-Baghdadi", type: "PERSON" }]);
    expect(run("Ursula von der Leyen spoke.", [["Leyen", "PERSON"]])).toEqual([{ text: "Ursula von der Leyen", type: "PERSON" }]);
    expect(run("Then van der Leyen spoke.", [["Leyen", "PERSON"]])).toEqual([{ text: "van der Leyen", type: "PERSON" }]);
  });

  it("never makes months or weekdays entities", () => {
    expect(run("They met on Thursday in Doha.", [["Thursday", "LOC"], ["Doha", "LOC"]])).toEqual([{ text: "Doha", type: "LOC" }]);
  });

  it("tags untagged U.S. and U.N. from the gazetteer", () => {
    expect(run("The U.S. and the U.N. disagreed.", [])).toEqual([
      { text: "U.S.", type: "LOC" },
      { text: "U.N.", type: "ORG" },
    ]);
  });

  it("drops a doubtful sentence-initial common word but keeps a confident one", () => {
    expect(run("Suffering Palestine", [["Suffering", "MISC", 0.6], ["Palestine", "LOC"]])).toEqual([{ text: "Palestine", type: "LOC" }]);
    expect(run("Suffering is over.", [["Suffering", "MISC", 0.95]])).toEqual([{ text: "Suffering", type: "MISC" }]);
  });

  it("drops a person span that is only a title", () => {
    expect(run("The Minister spoke.", [["Minister", "PERSON"]])).toEqual([]);
  });

  it("makes the name after a patronymic particle a person, and takes the chain in", () => {
    expect(
      run("He met the Ministry of Foreign Affairs Mohammed bin Abdulaziz bin Saleh Al Khulaifi.", [
        ["Ministry of Foreign Affairs Mohammed", "ORG"],
        ["Abdulaziz", "ORG"],
        ["Saleh Al Khulaifi", "ORG"],
      ]),
    ).toEqual([
      { text: "Ministry of Foreign Affairs", type: "ORG" },
      { text: "Mohammed bin Abdulaziz bin Saleh Al Khulaifi", type: "PERSON" },
    ]);
  });

  it("tags untagged nationality words as MISC, but not the first part of a compound", () => {
    expect(run("Chinese officials met.", [])).toEqual([{ text: "Chinese", type: "MISC" }]);
    expect(run("The Chinese-made toys.", [])).toEqual([]);
  });

  it("drops a name inside a multi-word role phrase", () => {
    expect(run("Secretary of State Blinken visited.", [["State", "ORG"], ["Blinken", "PERSON"]])).toEqual([{ text: "Blinken", type: "PERSON" }]);
  });

  it("cuts lower-case common nouns from the end of a place, person or organisation", () => {
    expect(run("They tried to end the Gaza crisis.", [["Gaza crisis", "LOC"]])).toEqual([{ text: "Gaza", type: "LOC" }]);
    expect(run("The Ukraine war talks went on.", [["Ukraine war talks", "LOC"]])).toEqual([{ text: "Ukraine", type: "LOC" }]);
    // A MISC name may end in a common noun (CrossNER's "presidential election"), and a name particle stays.
    expect(run("They tried to end the Gaza crisis.", [["Gaza crisis", "MISC"]])).toEqual([{ text: "Gaza crisis", type: "MISC" }]);
  });

  it("splits lists and coordinated names into separate entities", () => {
    expect(run("It backed the Labor Party or the Greens, and Labor Party or Australian Greens.", [["Labor Party or Australian Greens", "ORG"]])).toEqual([
      { text: "Labor Party", type: "ORG" },
      { text: "Australian Greens", type: "ORG" },
    ]);
    expect(run("Members: Labor Party and Greens.", [["Labor Party and Greens", "ORG"]])).toEqual([
      { text: "Labor Party", type: "ORG" },
      { text: "Greens", type: "ORG" },
    ]);
    // "and" after a word that is no organisation keyword joins one name; "or" in a complement too.
    expect(run("He joined Procter and Gamble.", [["Procter and Gamble", "ORG"]])).toEqual([{ text: "Procter and Gamble", type: "ORG" }]);
    expect(run("She won the Nobel Prize in Physiology or Medicine.", [["Nobel Prize in Physiology or Medicine", "MISC"]])).toEqual([
      { text: "Nobel Prize in Physiology or Medicine", type: "MISC" },
    ]);
    expect(run("He studied at Jena University, Bonn University and Fine Gael - Labour Party.", [["Jena University, Bonn University", "ORG"], ["Fine Gael - Labour Party", "ORG"]])).toEqual([
      { text: "Jena University", type: "ORG" },
      { text: "Bonn University", type: "ORG" },
      { text: "Fine Gael", type: "ORG" },
      { text: "Labour Party", type: "ORG" },
    ]);
  });

  it("ends an organisation or place before a role, and makes the name after it a person", () => {
    expect(run("He was the United Nations Special Envoy to Haiti.", [["United Nations Special Envoy", "ORG"]])).toEqual([{ text: "United Nations", type: "ORG" }]);
    expect(run("He met New York City Mayor Rudy Giuliani today.", [["New York City Mayor Rudy Giuliani", "LOC"]])).toEqual([
      { text: "New York City", type: "LOC" },
      { text: "Rudy Giuliani", type: "PERSON" },
    ]);
    // A role word followed by an organisation keyword is part of the name.
    expect(run("The United Nations General Council met.", [["United Nations General Council", "ORG"]])).toEqual([{ text: "United Nations General Council", type: "ORG" }]);
  });
});

/** The rule layer with a gazetteer of these lists only (the rest empty). */
function rulesWith(extra: Partial<GazetteerLists>): SentenceRule {
  const g = new Gazetteer({ ...emptyGazetteerLists(), ...extra });
  return (t, n, c) => applyRules(t, 0, n, c, g);
}

describe("wire-service layout", () => {
  const rules = rulesWith({
    firstNames: ["bill", "greg"],
    surnames: ["stewart", "clinton", "hussain"],
    countries: ["north korea"],
    commonWords: ["unfortunately", "says"],
  });

  it("an initial before a surname is a person, whatever the tagger said", () => {
    expect(applyToMarks("A. Stewart b Waqar 44", [["A. Stewart", "MISC"]], rules)).toEqual(["PERSON:A. Stewart"]);
    expect(applyToMarks("N. Hussain lbw b Mushtaq 12", [["N.", "MISC"]], rules)).toEqual(["PERSON:N. Hussain"]);
    expect(applyToMarks("Then T.J. Holmes spoke .", [["Holmes", "PERSON"]], rules)).toEqual(["PERSON:T.J. Holmes"]);
  });

  it("but not before a region, a common word, a pronoun or a full name, nor inside an organisation", () => {
    expect(applyToMarks("Perhaps N. Korea would help .", [], rules)).toEqual([]);
    expect(applyToMarks("I. Unfortunately , it failed .", [], rules)).toEqual([]);
    expect(applyToMarks("They told P. He left .", [], rules)).toEqual([]);
    expect(applyToMarks("except O. Bill Clinton said", [["Bill Clinton", "PERSON"]], rules)).toEqual(["PERSON:Bill Clinton"]);
    expect(applyToMarks("He joined J. Morgan Chase .", [["Morgan Chase", "ORG"]], rules)).toEqual(["ORG:Morgan Chase"]);
  });

  it("names end before scores and figures; a date cut off with them goes too", () => {
    expect(applyToMarks("Mark Waugh 56 , Shane Warne 3-35", [["Mark Waugh 56", "PERSON"], ["Shane Warne 3-35", "PERSON"]], rules)).toEqual([
      "PERSON:Mark Waugh",
      "PERSON:Shane Warne",
    ]);
    expect(applyToMarks("as told by Alan Misenheimer February 2 .", [["Alan Misenheimer February 2", "PERSON"]], rules)).toEqual(["PERSON:Alan Misenheimer"]);
  });

  it("a table's header line and lower-case codes with digits name nothing", () => {
    expect(applyToMarks("W L PCT GB", [["W L PCT", "MISC"]], rules)).toEqual([]);
    expect(applyToMarks("Extras ( b-4 nb-10 ) 20", [["b-4", "MISC"], ["nb-10", "MISC"]], rules)).toEqual([]);
  });
});

describe("roles after a one-word organisation or place", () => {
  const rules = rulesWith({
    orgNames: ["u.n.", "nhl", "uefa"],
    roleNouns: ["secretary", "secretary-general", "mayor", "senator"],
    cities: ["dallas"],
    regions: ["republican"],
    firstNames: ["tom", "chuck"],
    commonWords: ["republican", "ice", "hockey", "cup"],
    miscKeywords: ["cup"],
  });

  it("ends the organisation or place before a hyphenated role, typing a listed place LOC", () => {
    expect(applyToMarks("U.N. Secretary-General Kofi Annan arrived .", [["U.N. Secretary-General Kofi", "ORG"]], rules)).toEqual(["ORG:U.N."]);
    expect(applyToMarks("He said Dallas Mayor Tom Leppert arrived .", [["Dallas Mayor Tom Leppert", "ORG"]], rules)).toEqual(["LOC:Dallas", "PERSON:Tom Leppert"]);
  });

  it("leaves a one-word name that is also a role or common word whole ('Republican Senator')", () => {
    expect(applyToMarks("He said Republican Senator Chuck Grassley spoke .", [["Republican Senator Chuck", "ORG"]], rules)).toEqual(["ORG:Republican Senator Chuck"]);
  });

  it("in capitals, ends a listed organisation before headline words, not before a name's head", () => {
    expect(applyToMarks("NHL ICE HOCKEY - RESULTS .", [["NHL ICE", "ORG"]], rules)).toEqual(["ORG:NHL"]);
    expect(applyToMarks("SOCCER - UEFA CUP RESULTS .", [["UEFA CUP", "MISC"]], rules)).toEqual(["MISC:UEFA CUP"]);
  });
});


describe("nationality words and listed regions", () => {
  const rules = rulesWith({
    demonyms: ["african", "australian"],
    regions: ["west bank", "new york"],
    commonWords: ["country", "federal", "election", "bank"],
    orgKeywords: ["bank"],
  });

  it("a MISC name ends at its nationality word, unless it opens with a year (a titled event)", () => {
    expect(applyToMarks("nurses in the North African country said", [["North", "LOC"], ["African country", "MISC"]], rules)).toEqual(["MISC:North African"]);
    expect(applyToMarks("he lost the 1998 Australian federal election badly", [["1998 Australian federal election", "MISC"]], rules)).toEqual([
      "MISC:1998 Australian federal election",
    ]);
  });

  it("a listed region of several words typed ORG is a place, unless a capitalised word follows", () => {
    expect(applyToMarks("they flew into the West Bank on Monday", [["West Bank", "ORG"]], rules)).toEqual(["LOC:West Bank"]);
    expect(applyToMarks("he coached the New York Yankees then", [["New York", "ORG"]], rules)).toEqual(["ORG:New York"]);
  });
});

describe("keywords after organisations and nationality words", () => {
  const rules = rulesWith({
    demonyms: ["asian", "syrian"],
    orgKeywords: ["exchange"],
    miscKeywords: ["games"],
    commonWords: ["exchange", "games", "goal", "title"],
  });

  it("an organisation cut before its keyword takes it in", () => {
    expect(applyToMarks("shares fell on the New York Stock Exchange on Friday", [["New York Stock", "ORG"]], rules)).toEqual(["ORG:New York Stock Exchange"]);
  });

  it("a nationality word drops the article before it and takes in an event word after it", () => {
    expect(applyToMarks("he said that The Syrian own goal helped", [["The Syrian", "MISC"]], rules)).toEqual(["MISC:Syrian"]);
    expect(applyToMarks("they won the Asian Games title", [["Asian", "MISC"]], rules)).toEqual(["MISC:Asian Games"]);
  });
});

describe("a one-word person and an unknown name after it", () => {
  const rules = rulesWith({ cities: ["lahore"] });

  it("are one person, unless a list knows the second word", () => {
    expect(applyToMarks("the bowler Wasim Akram took three wickets", [["Wasim", "PERSON"], ["Akram", "ORG"]], rules)).toEqual(["PERSON:Wasim Akram"]);
    expect(applyToMarks("the bowler Wasim Lahore took three wickets", [["Wasim", "PERSON"], ["Lahore", "LOC"]], rules)).toEqual(["PERSON:Wasim", "LOC:Lahore"]);
  });
});

describe("transcripts and web pages", () => {
  const rules = rulesWith({ firstNames: ["kyra"], commonWords: ["unidentified", "male", "report", "anchor"], roleNouns: ["president"] });

  it("a capitals speaker label before a colon is a person, after any title; not common words", () => {
    expect(applyToMarks("BLITZER: We are following the news .", [["BLITZER", "MISC"]], rules)).toEqual(["PERSON:BLITZER"]);
    expect(applyToMarks("KYRA PHILLIPS, CNN ANCHOR: OK .", [["KYRA PHILLIPS", "ORG"]], rules)).toEqual(["PERSON:KYRA PHILLIPS"]);
    expect(applyToMarks("PRESIDENT OBAMA: Thank you .", [], rules)).toEqual(["PERSON:OBAMA"]);
    expect(applyToMarks("UNIDENTIFIED MALE: Go .", [["UNIDENTIFIED MALE", "ORG"]], rules)).toEqual([]);
    expect(applyToMarks("US: One death , 141 cases", [["US", "LOC"]], rulesWith({ commonWords: ["us"] }))).toEqual(["LOC:US"]);
  });

  it("pronouns, a time zone after a clock time and page labels name nothing", () => {
    expect(applyToMarks("I think You said so .", [["I", "PERSON"], ["You", "PERSON"]], rules)).toEqual([]);
    expect(applyToMarks("It aired at 10:00 ET and 4 PM .", [["ET", "ORG"], ["PM", "MISC"]], rules)).toEqual([]);
    expect(applyToMarks("Updated 9:15 JST on Monday .", [["JST", "ORG"]], rules)).toEqual([]);
    expect(applyToMarks("Report abuse", [["Report", "MISC"]], rules)).toEqual([]);
    expect(applyToMarks("I'm Carl Azuz , OK ? Plan B failed .", [["I'm", "ORG"], ["OK", "ORG"], ["B", "ORG"]], rules)).toEqual([]);
    // "PM" without a clock time may be a prime minister.
    expect(applyToMarks("the PM said so .", [["PM", "ORG"]], rules)).toEqual(["ORG:PM"]);
  });
});

describe("namesNothing", () => {
  it("holds for pronouns, page labels and lone letters, not for names that contain them", () => {
    expect(["I", "You", "I'm", "Posted", "B", "Well", "Yeah", "DUI"].map((w) => namesNothing([w]))).toEqual([true, true, true, true, true, true, true, true]);
    expect(namesNothing(["World", "War", "I"])).toBe(false);
    expect(namesNothing(["Drudge", "Report"])).toBe(false);
    // Question words alone name nothing; "WHO" is an organisation.
    expect(["Where", "Why", "WHAT"].map((w) => namesNothing([w]))).toEqual([true, true, true]);
    expect(namesNothing(["WHO"])).toBe(false);
  });
  it("holds for a web page's furniture, not for a name that holds it", () => {
    expect(namesNothing(["Privacy", "Policy"])).toBe(true);
    expect(namesNothing(["Terms", "of", "Service"])).toBe(true);
    expect(namesNothing(["Google", "Privacy", "Policy"])).toBe(false);
  });
  it("holds for a common acronym, an abbreviation or a title alone", () => {
    expect(["TV", "GDP", "No.", "Mr"].map((w) => namesNothing([w]))).toEqual([true, true, true, true]);
    expect(namesNothing(["BP"])).toBe(false);
  });
  it("holds for a date and clock time alone", () => {
    expect(namesNothing(["2010", "10:20", "AM"])).toBe(true);
    expect(namesNothing(["Apollo", "11"])).toBe(false);
  });
});

