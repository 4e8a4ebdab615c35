import { describe, expect, it } from "vitest";
import type { Attribution, Doc } from "../../model.js";
import { buildDoc, fixture } from "../../../test/fixtures/quotes/build-doc.js";
import { attachRoles } from "../roles/index.js";
import { findAttributions } from "./index.js";
import { findQuotes } from "./quote-marks.js";
import { cueBaseForms, STRONG_CUES } from "./cues.js";

const PEOPLE = ["Zhai Jun", "Zhai", "Mikhail Bogdanov", "Bogdanov", "Mohammed bin Abdulaziz bin Saleh Al Khulaifi", "Khulaifi", "Jadot", "Wang Yi", "Joe Biden", "Antony Blinken", "Blinken", "Vladimir Putin", "Xi Jinping"];
const ORGS = ["Chinese foreign ministry", "Ministry of Foreign Affairs", "Security Council"];

function attributions(doc: Doc): Attribution[] {
  attachRoles(doc);
  const out = findAttributions(doc);
  for (const a of out) {
    for (const s of [a.source, a.cue, a.content]) if (s) expect(s.text).toBe(doc.text.slice(s.start, s.end));
  }
  return out;
}

const sample = (file: string) => attributions(buildDoc(fixture(file), { PERSON: PEOPLE, ORG: ORGS }));
const byContent = (atts: Attribution[], start: string) => atts.find((a) => a.content.text.replace(/^[“"]/, "").startsWith(start));

describe("findAttributions on the sample corpus", () => {
  it("003: quotes, paraphrase and an organization's spokesperson", () => {
    const atts = sample("003_bdc864ace7bdc83f.txt");
    const reason = byContent(atts, "The fundamental reason");
    expect(reason).toMatchObject({ kind: "direct", source: { text: "Zhai" }, cue: { text: "said" }, speaker: { name: "Zhai Jun", type: "PERSON" } });
    expect(reason!.content.text.endsWith("guaranteed,”")).toBe(true);

    const spokes = byContent(atts, "China is deeply disappointed");
    expect(spokes).toMatchObject({ kind: "direct", source: { text: "a spokesperson at the Chinese foreign ministry" }, speaker: { name: "a spokesperson at the Chinese foreign ministry", type: "ORG" } });

    const wang = atts.find((a) => a.cue?.text === "declared");
    expect(wang).toMatchObject({ kind: "mixed", speaker: { name: "Wang Yi", role: "Chinese Foreign Minister" } });
    expect(wang!.content.text).toBe("that “Israel’s actions have gone beyond the scope of self-defence.”");

    expect(byContent(atts, "China and Russia share")).toMatchObject({ cue: { text: "was quoted saying" }, speaker: { name: "Zhai Jun" } });
    expect(atts.find((a) => a.cue?.text === "also urged")).toMatchObject({ speaker: { name: "Antony Blinken", role: "U.S. Secretary of State" } });
  });

  it("000: content before the cue, inverted cues, reported speech", () => {
    const atts = sample("000_d0bb359a1e8de23b.txt");
    expect(byContent(atts, "The fundamental reason")).toMatchObject({ kind: "reported", source: { text: "Zhai" }, cue: { text: "told" }, speaker: { name: "Zhai Jun" } });
    expect(byContent(atts, "The fundamental reason")!.content.text.endsWith("have not been guaranteed")).toBe(true);
    expect(byContent(atts, "China is ready to maintain")).toMatchObject({ kind: "direct", speaker: { name: "Zhai Jun" } });
    expect(byContent(atts, "Russia is willing to work")).toMatchObject({ source: { text: "Bogdanov" }, speaker: { name: "Mikhail Bogdanov" } });
    expect(byContent(atts, "Qatar was actively")).toMatchObject({ speaker: { name: "Mohammed bin Abdulaziz bin Saleh Al Khulaifi" } });
    expect(byContent(atts, "that China and Russia share")).toMatchObject({ speaker: { name: "Zhai Jun" } });
    // "Bogdanov and Khulaifi told Zhai ...": a joint source speaks for both.
    const joint = byContent(atts, "that Russia and Qatar are willing");
    expect(joint).toMatchObject({ source: { text: "Bogdanov and Khulaifi" }, speaker: { name: "Mikhail Bogdanov" } });
    expect(joint!.coSpeakers?.map((c) => c.name)).toEqual(["Mohammed bin Abdulaziz bin Saleh Al Khulaifi"]);
    expect(byContent(atts, "Russia is willing to work")!.coSpeakers).toBeUndefined();
    // "..., Zhai expressed China's position to the Russian and Qatari sides.": a position stated is said
    const position = byContent(atts, "China is saddened");
    expect(position).toMatchObject({ kind: "reported", source: { text: "Zhai" }, cue: { text: "expressed China's position" }, speaker: { name: "Zhai Jun" } });
    expect(position!.content.text.endsWith("violate international law")).toBe(true);
    expect(atts.find((a) => a.cue?.text === "opposed")).toBeUndefined(); // inside Zhai's content, not an attribution of its own
  });

  it("reads no joint source where a part of it is no named entity", () => {
    const doc = buildDoc("The minister and his aides said the talks would resume on Monday.", { PERSON: [] });
    const [a] = attributions(doc);
    expect(a.source?.text).toBe("The minister and his aides");
    expect(a.coSpeakers).toBeUndefined();
  });

  it("001: a pronoun source resolves to Jadot", () => {
    const atts = sample("001_d8f34066c974cf41.txt");
    expect(byContent(atts, "the urgent need for the international community")).toMatchObject({ source: { text: "He" }, speaker: { name: "Jadot", type: "PERSON" } });
  });
});

describe("findAttributions frames (no entities)", () => {
  const one = (text: string) => findAttributions({ id: "t", text, diagnostics: [] });

  it("joins a quote interrupted by its cue into one content", () => {
    const atts = one("“I don't judge,” he said. “But most people wish they could.”\n\nNext paragraph.");
    expect(atts).toHaveLength(1);
    expect(atts[0].content.text).toBe("“I don't judge,” he said. “But most people wish they could.”");
    expect(atts[0].source?.text).toBe("he");
  });

  it("leaves a commenting participle phrase after the report out of the content", () => {
    const [a] = one("Obama said he would consider it an insult if they did not vote, implicitly putting his name on the line.");
    expect(a.content.text).toBe("he would consider it an insult if they did not vote");
    const [b] = one("The senators said they wanted Kadzik to testify in public, in effect daring him to refuse.");
    expect(b.content.text).toBe("they wanted Kadzik to testify in public");
  });

  it("takes the subject before a relative clause, not the noun after an auxiliary-led cue", () => {
    const [a] = one("Russia, which has ties with Iran and Israel, has repeatedly said the United States has ignored the need for a state.");
    expect(a.source?.text).toMatch(/^Russia\b/); // PolNeAR keeps a relative clause inside the source
    expect(a.source?.text).not.toContain("United States");
    expect(a.content.text).toBe("the United States has ignored the need for a state");
  });

  it("reads according to, colons and told-with-addressee", () => {
    expect(one("The plan failed, according to two officials.")[0]).toMatchObject({ kind: "according-to", source: { text: "two officials" }, content: { text: "The plan failed" } });
    expect(one("Zhai has also said: \"We will not stop.\"")[0]).toMatchObject({ cue: { text: "has also said:" }, content: { text: "\"We will not stop.\"" } });
    expect(one("Blinken told the Qatari prime minister that Washington was working hard.")[0]).toMatchObject({ content: { text: "that Washington was working hard" } });
  });

  it("keeps a common noun that modifies a title in the source ('Tulsa police Chief Chuck Jordan'), not one before a bare name", () => {
    expect(one("“We will find them,” Tulsa police Chief Chuck Jordan said Monday.")[0]).toMatchObject({ source: { text: "Tulsa police Chief Chuck Jordan" } });
    expect(one("In an interview Trump said he would win.")[0]).toMatchObject({ source: { text: "Trump" } });
  });

  it("keeps a reduced relative clause in the source ('the experts I interviewed said')", () => {
    expect(one("The experts I interviewed said her proposals were more detailed.")[0]).toMatchObject({ source: { text: "The experts I interviewed" }, content: { text: "her proposals were more detailed" } });
  });

  it("keeps an appositive source with its closing comma and ignores non-speech verbs", () => {
    expect(one("Douglas Holtz-Eakin, an economist and tax expert, said taxes would rise.")[0]).toMatchObject({ source: { text: "Douglas Holtz-Eakin, an economist and tax expert," } });
    expect(one("The minister maintained good relations with Qatar.")).toEqual([]);
    expect(one("He called his mother yesterday.")).toEqual([]);
  });

  it("reads stance, intention and citation verbs with their object as content", () => {
    expect(one("She wants to triple the size of the program.")[0]).toMatchObject({ source: { text: "She" }, cue: { text: "wants" }, content: { text: "to triple the size of the program" } });
    expect(one("Warren called Wells Fargo’s behavior “outrageous.”")[0]).toMatchObject({ cue: { text: "called" }, content: { text: "Wells Fargo’s behavior “outrageous.”" } });
    expect(one("The NAACP has called for a moratorium on charter schools.")[0]).toMatchObject({ source: { text: "The NAACP" }, cue: { text: "has called for" }, content: { text: "a moratorium on charter schools" } });
    expect(one("Fowler is calling for a process to identify a successor.")[0]).toMatchObject({ cue: { text: "is calling for" } });
    expect(one("The New York Post reports that the team avoided the hospital.")[0]).toMatchObject({ source: { text: "The New York Post" }, cue: { text: "reports" } });
    expect(one("About one voter in nine is expected to be Latino.")).toEqual([]);
    expect(one("A group called Lashkar-e-Taiba was listed.")).toEqual([]);
  });

  it("reads a verb stating someone's position as a speech verb, in either frame", () => {
    expect(one("China opposes the siege, the envoy expressed Beijing's position on Monday.")[0]).toMatchObject({ source: { text: "the envoy" }, cue: { text: "expressed Beijing's position" }, content: { text: "China opposes the siege" } });
    expect(one("She reiterated her view that the talks must go on.")[0]).toMatchObject({ cue: { text: "reiterated her view" }, content: { text: "that the talks must go on" } });
    expect(one("He expressed concern about the siege.").map((a) => a.cue?.text)).not.toContain("expressed concern");
  });

  it("gives a coordinated predicate the clause's subject", () => {
    const atts = one("Donald Trump is telling veterans that the military is “depleted” and says he will expand the armed forces.");
    expect(atts.find((a) => a.cue?.text === "says")).toMatchObject({ source: { text: "Donald Trump" }, content: { text: "he will expand the armed forces" } });
  });

  it("reads transcript and headline labels and dash signatures", () => {
    const text = "Pence: Gennifer Flowers Won’t Be at Debate\n\nCorrection: An earlier version misstated the date.\n\n\"WALLACE: Let’s start with breaking news on the debate.\n\n“He represents our greatest shame.” ― Sonya Herridge\n";
    const atts = one(text);
    expect(atts.map((a) => [a.source?.text, a.cue?.text, a.content.text])).toEqual([
      ["Pence", ":", "Gennifer Flowers Won’t Be at Debate"],
      // A transcript turn keeps its final stop (as PolNeAR marks it), a headline has none.
      ["WALLACE", ":", "Let’s start with breaking news on the debate."],
      ["Sonya Herridge", "―", "“He represents our greatest shame.”"],
    ]);
  });

  it("types speakers that are no agent as UNKNOWN and keeps human descriptions as PERSON", () => {
    const atts = one("This crisis has shown that the world is divided. The discussions in Doha showed that talks can work. A senior official said the talks failed. The campaign said it would appeal.");
    expect(atts.map((a) => [a.source?.text, a.speaker?.type])).toEqual([
      ["This crisis", "UNKNOWN"], ["The discussions in Doha", "UNKNOWN"], ["A senior official", "PERSON"], ["The campaign", "ORG"],
    ]);
  });
});

describe("quote marks and cue lexicon", () => {
  it("finds curly, straight, doubled-single and multi-paragraph quotes", () => {
    const t = "A “b c” d \"e\" ''f'' “g\n\n“h”";
    expect(findQuotes(t).map((q) => t.slice(q.start, q.end))).toEqual(["“b c”", "\"e\"", "''f''", "“g\n\n“h”"]);
    const mixed = "It would take \"more hours” before details emerge.";
    expect(findQuotes(mixed).map((q) => mixed.slice(q.start, q.end))).toEqual(["\"more hours”"]);
  });
  it("inflects cue verbs", () => {
    for (const f of ["said", "says", "saying", "told", "emphasized", "emphasizes", "denied", "stressing", "wrote"]) expect(STRONG_CUES.has(f)).toBe(true);
    expect(cueBaseForms()).toContain("reiterate");
  });
});

describe("findAttributions: PolNeAR span conventions", () => {
  const plain = (text: string) => findAttributions({ id: "t", text, diagnostics: [] } as unknown as Doc);
  const triple = (a: Attribution | undefined) => a && [a.source?.text, a.cue?.text, a.content.text];

  it("reads a question in quotes with the short cue sentence after it", () => {
    const atts = plain("“How many times do we have to see this in our country?” Clinton said. “This is just unbearable.”");
    expect(triple(atts[0])).toEqual(["Clinton", "said", "“How many times do we have to see this in our country?” Clinton said. “This is just unbearable.”"]);
  });

  it("takes a possessive speaker and a statement noun with its that-clause", () => {
    const atts = plain("Experts doubted Donald Trump’s claim that there have been thousands of shootings in Chicago.");
    expect(atts.map(triple)).toContainEqual(["Donald Trump’s", "claim", "that there have been thousands of shootings in Chicago"]);
  });

  it("keeps the content after “according to NAME,” out of the source", () => {
    const atts = plain("According to Ham, the current administration has shuffled through military leaders.");
    expect(triple(atts[0])).toEqual(["Ham", "According to", "the current administration has shuffled through military leaders"]);
  });

  it("ends a reported clause before a non-restrictive “, which”", () => {
    const atts = plain("He said that the EPA overstepped its authority, which the Supreme Court has put on hold.");
    expect(triple(atts[0])).toEqual(["He", "said", "that the EPA overstepped its authority"]);
  });

  it("reads a capitalised name the tagger takes for a verb as the source", () => {
    const atts = plain("Lynch said her colleague had not worked on the case.");
    expect(triple(atts[0])).toEqual(["Lynch", "said", "her colleague had not worked on the case"]);
  });

  it("leaves a dateline out of the content", () => {
    const atts = plain("WASHINGTON ― The birther campaign is an insult to all Americans, the senator said.");
    expect(triple(atts[0])).toEqual(["the senator", "said", "The birther campaign is an insult to all Americans"]);
  });
});

describe("findAttributions: boundary and frame rules (third pass)", () => {
  const plain = (text: string) => findAttributions({ id: "t", text, diagnostics: [] });
  const triple = (a: Attribution) => [a.source?.text, a.cue?.text, a.content.text];
  const find = (text: string, cue: string) => plain(text).find((a) => a.cue?.text === cue);

  it("keeps a subordinate clause after a comma in the content, and ends it before “, though”", () => {
    expect(triple(find("The mayor said the bridge will reopen, because the repairs are done.", "said")!)).toEqual(["The mayor", "said", "the bridge will reopen, because the repairs are done"]);
    expect(triple(find("The mayor said the bridge will reopen, though nobody believes her.", "said")!)).toEqual(["The mayor", "said", "the bridge will reopen"]);
  });

  it("does not end a sentence between two initials of a state abbreviation", () => {
    const atts = plain("“We will not back down,” said Rep. Ann Miller (D-N.C.), head of the farm caucus.");
    // The appositive after an inverted cue's name is part of the source (PolNeAR: "said Rep. X (D-N.C.), head of ...").
    expect(triple(atts[0])).toEqual(["Rep. Ann Miller (D-N.C.), head of the farm caucus", "said", "“We will not back down,”"]);
  });

  it("leaves a relative clause that holds its own cue out of the source", () => {
    const a = find("Mr. Dorn, who argued that the tax was unfair, said the council would vote again.", "said");
    expect(a?.source?.text).toBe("Mr. Dorn");
  });

  it("reads a progressive cue with adverbs or a negation before the verb", () => {
    expect(find("The mayor is once again questioning the budget of the fire department.", "is once again questioning")?.source?.text).toBe("The mayor");
    expect(find("But Chief Eric Dole isn’t saying if the station will close.", "isn’t saying")?.content.text).toBe("if the station will close");
  });

  it("reads a source that ends in a capitalised time word, and one separated from its cue by a time phrase", () => {
    expect(find("The Financial Times reported Tuesday that the merger had collapsed.", "reported")?.source?.text).toBe("The Financial Times");
    expect(find("Acme Corp this month announced it would close two plants.", "announced")?.source?.text).toBe("Acme Corp");
  });

  it("skips a possessive inside an adjunct before a that-clause", () => {
    expect(find("The league says on its website that tickets are sold out.", "says")?.content.text).toBe("that tickets are sold out");
  });

  it("reads a passive cue with its agent", () => {
    const a = find("The leak was first reported by the Daily Ledger.", "was first reported");
    expect(a && triple(a)).toEqual(["the Daily Ledger", "was first reported", "The leak"]);
  });

  it("takes the whole noun phrase that opens the sentence as the source", () => {
    expect(find("A 2015 study by the state university found that rents rose fastest downtown.", "found")?.source?.text).toBe("A 2015 study by the state university");
    expect(find("The city council and the mayor said the park would stay open.", "said")?.source?.text).toBe("The city council and the mayor");
  });

  it("ends a stance verb's object before a time or occasion adjunct", () => {
    expect(find("The Ledger endorsed Ms. Ortiz in an editorial on Sunday.", "endorsed")?.content.text).toBe("Ms. Ortiz");
    expect(find("The union backed Ortiz during the strike.", "backed")?.content.text).toBe("Ortiz");
  });

  it("reads an interjected source and cue with an adjunct of its own", () => {
    const a = find("The problem, the engineer explained later in the meeting, was the cooling system.", "explained");
    expect(a && triple(a)).toEqual(["the engineer", "explained", "The problem, the engineer explained later in the meeting, was the cooling system"]);
  });
});

describe("findAttributions: frames and boundaries (fourth pass)", () => {
  const run = (text: string) => findAttributions({ id: "t", text, diagnostics: [] }, { cueLexicon: null });
  const triple = (a: Attribution) => [a.source?.text, a.cue?.text, a.content.text];
  const find = (text: string, cue: string) => run(text).find((a) => a.cue?.text === cue);

  it("reads a cue word the tagger may take for a noun after a subject", () => {
    expect(find("But Ortiz claims that the bridge is safe.", "claims")?.content.text).toBe("that the bridge is safe");
  });

  it("reads a gerund cue after a preposition with the clause's subject as its source", () => {
    const a = find("The coach answered the critics by saying that the team would improve.", "saying");
    expect(a && triple(a)).toEqual(["The coach", "saying", "that the team would improve"]);
  });

  it("joins a raising verb and its “to” to a speech cue", () => {
    expect(find("The minister appeared to suggest that taxes would rise.", "appeared to suggest")?.source?.text).toBe("The minister");
  });

  it("reads a coordinated cue after “but” with the clause's subject", () => {
    expect(find("The senator agreed, but also argued that the bill was too costly.", "also argued")?.source?.text).toBe("The senator");
  });

  it("ends a reported clause before “, and” with a new subject and verb", () => {
    expect(find("The mayor said the bridge will reopen, and the governor promised new funds.", "said")?.content.text).toBe("the bridge will reopen");
  });

  it("makes the whole relative clause the content of a cue inside it", () => {
    expect(find("The plan faces a vote, which the senators said was hopeless.", "said")?.content.text).toBe("which the senators said was hopeless");
  });

  it("continues a content over a following quotation and keeps an adjunct clause out", () => {
    const a = find("“The deal is done,” the mayor said last month. “Nobody can stop it now.”", "said");
    expect(a?.content.text).toBe("“The deal is done,” the mayor said last month. “Nobody can stop it now.”");
    expect(find("“We will march,” the organizer said as the crowd moved on.", "said")?.content.text).toBe("“We will march,”");
  });

  it("ends a noun-phrase object before a time or occasion adjunct or a subordinate clause", () => {
    expect(find("The governor touted her record while at the convention.", "touted")?.content.text).toBe("her record");
    expect(find("The pollster predicts a tight race as voters turn away.", "predicts")?.content.text).toBe("a tight race");
  });

  it("keeps a lone adverb, weekday or closing occasion in the cue", () => {
    expect(find("“We are ready,” the spokesman said Monday.", "said Monday")?.source?.text).toBe("the spokesman");
    expect(find("“It is over,” she said in a phone interview.", "said in a phone interview")?.content.text).toBe("“It is over,”");
  });

  it("reads “according to” when the tagger misreads its source", () => {
    expect(find("According to police, the driver fled the scene.", "According to")?.source?.text).toBe("police");
  });

  it("reads a source with a parenthesised party, several comma parts, or an appositive after an inverted cue", () => {
    expect(find("“It is a waste,” Rep. Ann Lee (D-Ohio), a panel member, said in an interview.", "said in an interview")?.source?.text).toBe("Rep. Ann Lee (D-Ohio), a panel member,");
    expect(find("Mary Jones, 59, of Dover, Del., said the event was moving.", "said")?.source?.text).toBe("Mary Jones, 59, of Dover, Del.,");
    expect(find("“It works,” said Tom Hale, executive director of the Policy Center.", "said")?.source?.text).toBe("Tom Hale, executive director of the Policy Center");
  });

  it("reads a source after “as” following its content", () => {
    const a = find("The video does not show a gun, as the police have said.", "have said");
    expect(a && triple(a)).toEqual(["the police", "have said", "The video does not show a gun"]);
  });

  it("takes a participle's source from the clause, not from a quotation", () => {
    expect(find("“We pay too much,” the mayor said, adding that the city would sue.", "adding")?.source?.text).toBe("the mayor");
  });

  it("includes “about” and “against” after a cue verb", () => {
    expect(find("The coach complained about the referee.", "complained about")?.content.text).toBe("the referee");
  });

  it("ends a content before a dash aside that runs to the end of the sentence", () => {
    expect(find("The mayor said the bridge will reopen ― a promise nobody believes.", "said")?.content.text).toBe("the bridge will reopen");
  });

  it("leaves a sentence connective out of a content before its cue", () => {
    expect(find("However, the bridge will reopen soon, the mayor said.", "said")?.content.text).toBe("the bridge will reopen soon");
  });

  it("keeps name particles and degree adverbs in a source", () => {
    expect(find("Mayor Anna de Souza said that the park would stay open.", "said")?.source?.text).toBe("Mayor Anna de Souza");
    expect(find("Nearly eight of 10 voters say they will watch.", "say")?.source?.text).toBe("Nearly eight of 10 voters");
  });
});

describe("findAttributions: content boundaries (fifth pass)", () => {
  const run = (text: string) => findAttributions({ id: "t", text, diagnostics: [] }, { cueLexicon: null });
  const find = (text: string, cue: string) => run(text).find((a) => a.cue?.text === cue);
  const content = (text: string, cue: string) => find(text, cue)?.content.text;

  it("keeps a trailing “, including ...” in the content", () => {
    expect(content("The mayor says the budget covers many programs, including parks and libraries.", "says")).toBe("the budget covers many programs, including parks and libraries");
  });

  it("ends a content inside a fronted subordinate clause where the main clause starts", () => {
    expect(content("While Democrats worried about the turnout, Obama is rolling out a new message.", "worried about")).toBe("the turnout");
    expect(content("While she acknowledged the cost was high, Smith also noted other reasons.", "acknowledged")).toBe("the cost was high");
  });

  it("keeps a “, which ...” clause in a that-clause content", () => {
    expect(content("The mayor warned that the city was losing control over the port, which handles most trade.", "warned")).toBe("that the city was losing control over the port, which handles most trade");
  });

  it("keeps the final stop of a transcript turn, not of a headline", () => {
    const atts = run("SMITH: We will win this race.\n\nSmith: Council Backs the New Bridge Plan.");
    expect(atts.map((a) => a.content.text)).toEqual(["We will win this race.", "Council Backs the New Bridge Plan"]);
  });

  it("skips the addressee of a participle or gerund cue", () => {
    expect(content("He ended the rally by telling them that the race is close.", "telling")).toBe("that the race is close");
    expect(content("The mayor spoke before asking her, “Where do we go from here?”", "asking")).toBe("“Where do we go from here?”");
  });

  it("skips a longer addressee with a prepositional phrase before “that”", () => {
    expect(content("Trump told an invited crowd at the club that he wants peace.", "told")).toBe("that he wants peace");
  });

  it("reads on after a dash aside that closes before an infinitive or a verb", () => {
    expect(content("Smith argues that the vote is up to the council — a body of volunteers — to approve the plan.", "argues")).toBe("that the vote is up to the council — a body of volunteers — to approve the plan");
    expect(content("Smith estimates that the richest families -- those earning more than a million -- would pay more.", "estimates")).toBe("that the richest families -- those earning more than a million -- would pay more");
  });

  it("runs an interjected “he said,” content on through a subordinate clause", () => {
    expect(content("The bridge was safe, the mayor said, until the storm hit.", "said")).toBe("The bridge was safe, the mayor said, until the storm hit");
  });

  it("leaves a sentence-final appositive gloss out of an object content", () => {
    expect(content("The union is endorsing the governor's campaign, the latest turn in a long feud.", "is endorsing")).toBe("the governor's campaign");
    // After a name, the appositive says who the person is and stays.
    expect(content("The senator criticized the officer for shooting Terence Crutcher, a 40-year-old unarmed man.", "criticized")).toBe("the officer for shooting Terence Crutcher, a 40-year-old unarmed man");
  });

  it("reads a description and a name between commas as one source", () => {
    const a = find("A lawyer for the city, Tom Hale, said no decision had been made.", "said");
    expect([a?.source?.text, a?.content.text]).toEqual(["A lawyer for the city, Tom Hale,", "no decision had been made"]);
  });

  it("reads an adjunct or addressee after “QUOTE,” SOURCE CUE as no content", () => {
    expect(content('"The plan is dead," Graham told The New York Times then.', "told")).toBe('"The plan is dead,"');
    expect(content('"We will win," she said several months after the vote.', "said")).toBe('"We will win,"');
    // A quoted title inside a lead-in adjunct is not the content.
    expect(content('In an interview on "Face the Nation," Smith said the plan is dead.', "said")).toBe("the plan is dead");
  });

  it("reads a noun phrase after “CONTENT, SOURCE told” as the addressee", () => {
    expect(content("The plan could work if it pays, Sen. Ann Lee told The Daily Post.", "told")).toBe("The plan could work if it pays");
  });

  it("reads no appositive source that starts with a conjunction", () => {
    const a = find("The talks went badly with the union, and the meeting ended early, said one source in the room.", "said");
    expect([a?.source?.text, a?.content.text]).toEqual(["one source in the room", "The talks went badly with the union, and the meeting ended early"]);
  });

  it("ends a noun-phrase object with a demonstrative or a mis-tagged name before an adjunct", () => {
    expect(content("Bill Clinton criticized the Affordable Care Act as a “crazy system” during a campaign stop in Flint.", "criticized")).toBe("the Affordable Care Act as a “crazy system”");
    expect(content("The court rejected that argument in a ruling released Thursday.", "rejected")).toBe("that argument");
    // "that claim smacked ...": a clause, which keeps its subordinate clause.
    expect(content("Smith said that claim smacked of hypocrisy, because Democrats have long done the same.", "said")).toBe("that claim smacked of hypocrisy, because Democrats have long done the same");
  });

  it("skips an occasion adjunct the tagger misreads before a that-clause", () => {
    expect(content("Clinton says at a campaign stop in Toledo, Ohio, that the plan works.", "says")).toBe("that the plan works");
  });

  it("runs an interjected “experts say,” content on through “including ...”", () => {
    expect(content("The plan is vague about who would be eligible, experts say, including a rule that could exclude mothers.", "say")).toBe("The plan is vague about who would be eligible, experts say, including a rule that could exclude mothers");
  });

  it("ends a content inside an inserted relative clause before the main verb", () => {
    expect(content("Obama, who understood that a push would fail, told his advisers to act.", "understood")).toBe("that a push would fail");
  });

  it("ends a content before a second predicate with its auxiliary and before a place relative", () => {
    expect(content("Trump has attacked loopholes that benefit others, and has called for new taxes.", "has attacked")).toBe("loopholes that benefit others");
    expect(content("Polls show a close contest in the state, where 18 votes are up for grabs.", "show")).toBe("a close contest in the state");
  });

  it("does not carry a quotation on past an “adding” participle", () => {
    expect(content("“We cannot pay,” the mayor said, adding later, “The budget is gone.”", "said")).toBe("“We cannot pay,”");
  });
});

describe("findAttributions: nesting, subjects and paragraph contents (sixth pass)", () => {
  const run = (text: string) => findAttributions({ id: "t", text, diagnostics: [] }, { cueLexicon: null });
  const summary = (text: string) => run(text).map((a) => [a.source?.text, a.cue?.text, a.content.text]);

  it("reads no attribution inside the content of another", () => {
    expect(summary("Smith said the mayor opposes the new stadium.")).toEqual([["Smith", "said", "the mayor opposes the new stadium"]]);
  });

  it("keeps a cue in the narration between the parts of a quotation", () => {
    const atts = summary("“The plan is dead,” said Smith, speaking of the budget. “We start again.”");
    expect(atts).toContainEqual([undefined, "speaking of", "the budget"]);
    expect(atts).toContainEqual(["Smith", "said", "“The plan is dead,” said Smith, speaking of the budget. “We start again.”"]);
  });

  it("cuts a content before a second clause with its own source and speech verb, and keeps both", () => {
    expect(summary("The senators said they are convinced the agency mishandled the case, while 73 percent said the same of the mayor.")).toEqual([
      ["The senators", "said", "they are convinced the agency mishandled the case"],
      ["73 percent", "said", "the same of the mayor"],
    ]);
  });

  it("ends a content before a second predicate of the speaker without a comma", () => {
    expect(summary("The mayor said it is too early to discuss a run but noted that the council backs her.")).toEqual([
      ["The mayor", "said", "it is too early to discuss a run"],
      ["The mayor", "noted", "that the council backs her"],
    ]);
  });

  it("reads a subject with a participle and a time phrase inside it as the source", () => {
    expect(summary("The latest Reuters/Ipsos opinion poll released Friday shows that Clinton leads Trump by 4 points.")).toEqual([
      ["The latest Reuters/Ipsos opinion poll released Friday", "shows", "that Clinton leads Trump by 4 points"],
    ]);
    // A time phrase right after the head noun stays out; a name's finite verb ends no subject.
    expect(summary("The Times on Saturday wrote that the deal had collapsed.")[0]?.[0]).toBe("The Times");
    expect(summary("Scott beamed and said the race was close.")[0]?.[0]).toBe("Scott");
  });

  it("reads the next paragraph as the content of a cue and colon that close a paragraph", () => {
    expect(summary("The governor added:\n\nIt is typical of the mayor. She knows nothing about the port.\n\nThe vote is next week.")).toEqual([
      ["The governor", "added:", "It is typical of the mayor. She knows nothing about the port"],
    ]);
  });
});
