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

  it("gives a coordinated predicate the clause's subject", () => {
    const atts = one("Donald Trump is telling veterans that the military is “depleted” and says he will expand the armed forces.");
    expect(atts.find((a) => a.cue?.text === "says")).toMatchObject({ source: { text: "Donald Trump" }, content: { text: "he will expand the armed forces" } });
  });

  it("reads transcript and headline labels and dash signatures", () => {
    const text = "Pence: Gennifer Flowers Won’t Be at Debate\n\nCorrection: An earlier version misstated the date.\n\n\"WALLACE: Let’s start with breaking news on the debate.\n\n“He represents our greatest shame.” ― Sonya Herridge\n";
    const atts = one(text);
    expect(atts.map((a) => [a.source?.text, a.cue?.text, a.content.text])).toEqual([
      ["Pence", ":", "Gennifer Flowers Won’t Be at Debate"],
      ["WALLACE", ":", "Let’s start with breaking news on the debate"],
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
