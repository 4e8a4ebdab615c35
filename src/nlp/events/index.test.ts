import { describe, expect, it } from "vitest";
import type { Doc, EventMention } from "../../model.js";
import { buildDoc } from "../../../test/fixtures/events/build-doc.js";
import { CAMEO_CODES, cameoRoot, DEFAULT_CAMEO, ploverType } from "./cameo.js";
import { findEvents } from "./index.js";
import { nounForms, verbForms } from "./inflect.js";

/** Every span an event carries covers exactly its text. */
function expectSpansExact(doc: Doc, events: EventMention[]): void {
  for (const e of events) {
    const spans = [e.trigger, ...e.actors, ...e.targets, ...(e.place ? [e.place] : [])];
    for (const s of spans) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
    expect(e.sentence.start).toBeLessThanOrEqual(e.trigger.start);
    expect(e.sentence.end).toBeGreaterThanOrEqual(e.trigger.end);
    expect(CAMEO_CODES.has(e.cameo)).toBe(true);
  }
}

const names = (args: { name?: string; text: string }[]) => args.map((a) => a.name ?? a.text);

describe("findEvents on the Zhai–Doha sample sentences", () => {
  it("000: 'Zhai told Bogdanov ..., in a meeting' is a meeting of Zhai Jun and Bogdanov", () => {
    const text =
      "The fundamental reason is that the rights of the Palestinian people have not been guaranteed, Zhai told Mikhail Bogdanov, Russia's Deputy FM and Special Presidential Representative for the Middle East and Africa, in a meeting to exchange views on the conflict's current situation.";
    const doc = buildDoc(text, [
      { text: "Palestinian", type: "MISC" },
      { text: "Zhai", type: "PERSON", canonical: "Zhai Jun" },
      { text: "Mikhail Bogdanov", type: "PERSON" },
      { text: "Russia", type: "LOC" },
      { text: "Middle East", type: "LOC" },
      { text: "Africa", type: "LOC" },
    ]);
    const events = findEvents(doc);
    expectSpansExact(doc, events);
    // "meeting" and "exchange views" describe one act
    expect(events).toHaveLength(1);
    const [meet] = events;
    expect(meet.type).toBe("meet");
    expect(meet.cameo).toBe("040");
    expect(names(meet.actors)).toEqual(["Zhai Jun"]);
    expect(names(meet.targets)).toEqual(["Mikhail Bogdanov"]);
    expect(meet.modality).toBe("asserted");
    expect(meet.negated).toBe(false);
  });

  it("000: exchanged views with Al Khulaifi in Doha on Thursday -> meet, Doha, dated by the timex", () => {
    const text =
      "Zhai also exchanged views with Qatar's Minister of State at the Ministry of Foreign Affairs Mohammed bin Abdulaziz bin Saleh Al Khulaifi in Doha on Thursday, saying Qatar wields significant influence over the Palestinian issue.";
    const doc = buildDoc(
      text,
      [
        { text: "Zhai", type: "PERSON", canonical: "Zhai Jun" },
        { text: "Qatar", type: "LOC" },
        { text: "Ministry of Foreign Affairs", type: "ORG" },
        { text: "Mohammed bin Abdulaziz bin Saleh Al Khulaifi", type: "PERSON" },
        { text: "Doha", type: "LOC" },
        { text: "Qatar", type: "LOC", nth: 1 },
      ],
      [{ text: "Thursday", value: "2023-10-19" }],
      "2023-10-20",
    );
    const events = findEvents(doc);
    expectSpansExact(doc, events);
    const meet = events.find((e) => e.type === "meet")!;
    expect(names(meet.actors)).toEqual(["Zhai Jun"]);
    // the title's country and ministry are not participants
    expect(names(meet.targets)).toEqual(["Mohammed bin Abdulaziz bin Saleh Al Khulaifi"]);
    expect(meet.targets[0].entityId).toBe("e4");
    expect(meet.place?.name).toBe("Doha");
    expect(meet.date).toBe("2023-10-19");
    expect(meet.time?.value).toBe("2023-10-19");
  });

  it("003: landed in Qatar ... where he reaffirmed with Bogdanov -> travel to Qatar and a meeting", () => {
    const text =
      "In the first leg of his tour in the region, China’s envoy for Middle East issues Zhai Jun landed in Qatar on Thursday where he reaffirmed with his Russian counterpart Mikhail Bogdanov Beijing’s alignment with Moscow.";
    const doc = buildDoc(
      text,
      [
        { text: "China", type: "LOC" },
        { text: "Middle East", type: "LOC" },
        { text: "Zhai Jun", type: "PERSON" },
        { text: "Qatar", type: "LOC" },
        { text: "Mikhail Bogdanov", type: "PERSON" },
        { text: "Beijing", type: "LOC" },
        { text: "Moscow", type: "LOC" },
      ],
      [{ text: "Thursday", value: "2023-10-19" }],
    );
    const events = findEvents(doc);
    expectSpansExact(doc, events);
    const travel = events.find((e) => e.type === "travel" || e.type === "visit")!;
    expect(travel.cameo).toBe("042");
    expect(names(travel.actors)).toEqual(["Zhai Jun"]);
    expect(travel.place?.name).toBe("Qatar");
    expect(travel.date).toBe("2023-10-19");
    const meet = events.find((e) => e.type === "meet")!;
    expect(names(meet.actors)).toEqual(["Zhai Jun"]);
    expect(names(meet.targets)).toEqual(["Mikhail Bogdanov"]);
    expect(meet.place?.name).toBe("Qatar");
  });

  it("003: 'after meeting with Bogdanov in Doha' and 'Putin held talks with Xi in a rare meeting in Beijing'", () => {
    const text =
      "China and Russia share the same position on the Palestinian issue, Zhai was quoted saying after meeting with Bogdanov in Doha, a day after Russian President Vladimir Putin held talks with his “dear friend” President Xi Jinping in a rare meeting in Beijing.";
    const doc = buildDoc(text, [
      { text: "China", type: "LOC" },
      { text: "Russia", type: "LOC" },
      { text: "Zhai", type: "PERSON", canonical: "Zhai Jun" },
      { text: "Bogdanov", type: "PERSON", canonical: "Mikhail Bogdanov" },
      { text: "Doha", type: "LOC" },
      { text: "Vladimir Putin", type: "PERSON" },
      { text: "Xi Jinping", type: "PERSON" },
      { text: "Beijing", type: "LOC" },
    ]);
    const events = findEvents(doc);
    expectSpansExact(doc, events);
    const meets = events.filter((e) => e.type === "meet");
    expect(meets).toHaveLength(2);
    expect(names(meets[0].actors)).toEqual(["Zhai Jun"]);
    expect(names(meets[0].targets)).toEqual(["Mikhail Bogdanov"]);
    expect(meets[0].place?.name).toBe("Doha");
    expect(names(meets[1].actors)).toEqual(["Vladimir Putin"]);
    expect(names(meets[1].targets)).toEqual(["Xi Jinping"]);
    expect(meets[1].place?.name).toBe("Beijing");
  });

  it("003: a resolution that 'called for a ceasefire' and 'failed to pass' is a failed resolution, not an appeal or a ceasefire", () => {
    const text =
      "A Russian-drafted U.N. Security Council resolution that called for a humanitarian ceasefire in Gaza, along with the release of hostages, failed to pass on Monday.";
    const doc = buildDoc(
      text,
      [
        { text: "U.N. Security Council", type: "ORG" },
        { text: "Gaza", type: "LOC" },
      ],
      [{ text: "Monday", value: "2023-10-16" }],
    );
    const events = findEvents(doc);
    expectSpansExact(doc, events);
    expect(events.map((e) => e.type)).toEqual(["resolution-fails"]);
    const [fail] = events;
    expect(cameoRoot(fail.cameo)).toBe("12");
    expect(names(fail.actors)).toEqual(["U.N. Security Council"]);
    expect(fail.targets[0].text).toContain("resolution");
    expect(fail.date).toBe("2023-10-16");
    expect(fail.place).toBeUndefined();
  });

  it("003: 'Hamas gunmen stormed into southern Israel ..., killing' is one attack by Hamas", () => {
    const text = "On Oct. 7, Hamas gunmen stormed into southern Israel from the Gaza Strip, killing at least 1,400 people.";
    const doc = buildDoc(
      text,
      [
        { text: "Hamas", type: "ORG" },
        { text: "Israel", type: "LOC" },
        { text: "Gaza Strip", type: "LOC" },
      ],
      [{ text: "Oct. 7", value: "2023-10-07" }],
    );
    const events = findEvents(doc);
    expectSpansExact(doc, events);
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe("attack");
    expect(cameoRoot(events[0].cameo)).toBe("19");
    expect(names(events[0].actors)).toEqual(["Hamas"]);
    expect(names(events[0].targets)).toEqual(["Israel"]);
    expect(events[0].date).toBe("2023-10-07");
  });

  it("003: 'U.S. Secretary of State Antony Blinken visited Doha' -> visit by Blinken (not the U.S.)", () => {
    const text = "A week ago, U.S. Secretary of State Antony Blinken visited Doha on his Middle East tour.";
    const doc = buildDoc(text, [
      { text: "U.S.", type: "LOC" },
      { text: "Antony Blinken", type: "PERSON" },
      { text: "Doha", type: "LOC" },
      { text: "Middle East", type: "LOC" },
    ], [{ text: "A week ago", value: "2023-W41" }]);
    const events = findEvents(doc);
    expectSpansExact(doc, events);
    const visit = events.find((e) => e.type === "visit")!;
    expect(visit.cameo).toBe("042");
    expect(names(visit.actors)).toEqual(["Antony Blinken"]);
    expect(visit.place?.name).toBe("Doha");
    // a week number is a time but not a calendar date
    expect(visit.time?.value).toBe("2023-W41");
    expect(visit.date).toBeUndefined();
  });

  it("001: a phone call between Zhai Jun and Jadot; the aid he calls for is an appeal, not an act", () => {
    const text =
      "October 11, 2023 – In a phone call between Chinese special envoy Zhai Jun and Palestinian First Deputy Minister of Foreign Affairs Jadot, China expressed deep concern over the conflict. Zhai Jun called on the international community to play its role in providing humanitarian assistance to the Palestinian people.";
    const doc = buildDoc(
      text,
      [
        { text: "Zhai Jun", type: "PERSON" },
        { text: "Palestinian", type: "MISC" },
        { text: "Jadot", type: "PERSON" },
        { text: "China", type: "LOC" },
        { text: "Zhai Jun", type: "PERSON", nth: 1, refersTo: "Zhai Jun" },
      ],
      [{ text: "October 11, 2023", value: "2023-10-11" }],
    );
    const events = findEvents(doc);
    expectSpansExact(doc, events);
    const call = events.find((e) => e.type === "call")!;
    expect(call.cameo).toBe("041");
    expect(names(call.actors)).toEqual(["Zhai Jun"]);
    expect(names(call.targets)).toEqual(["Jadot"]);
    expect(call.date).toBe("2023-10-11");
    const appeal = events.find((e) => e.type === "appeal")!;
    expect(appeal.actors[0].entityId).toBe("e1");
    expect(appeal.targets[0].text).toBe("the international community");
    const aid = events.find((e) => e.type === "aid")!;
    expect(aid.modality).toBe("appeal");
    expect(aid.cameo).toBe("073");
  });
});

describe("modality, negation and codes", () => {
  it("'is ready to maintain communication with Russia' is a planned meeting (036)", () => {
    const text = "In Qatar, Zhai said China was ready to maintain communication and coordination with Russia.";
    const doc = buildDoc(text, [
      { text: "Qatar", type: "LOC" },
      { text: "Zhai", type: "PERSON" },
      { text: "China", type: "LOC" },
      { text: "Russia", type: "LOC" },
    ]);
    const [ev] = findEvents(doc);
    expect(ev.type).toBe("meet");
    expect(ev.modality).toBe("planned");
    expect(ev.cameo).toBe("036");
    expect(names(ev.actors)).toEqual(["China"]);
    expect(names(ev.targets)).toEqual(["Russia"]);
  });

  it("'would seek extra funding' is planned aid; 'did not meet' is negated", () => {
    const doc = buildDoc("President Joe Biden said he would seek extra funding to help Israel. Zhai did not meet Blinken in Doha.", [
      { text: "Joe Biden", type: "PERSON" },
      { text: "Israel", type: "LOC" },
      { text: "Zhai", type: "PERSON" },
      { text: "Blinken", type: "PERSON" },
      { text: "Doha", type: "LOC" },
    ]);
    const events = findEvents(doc);
    const aid = events.find((e) => e.type === "aid")!;
    expect(aid.modality).toBe("planned");
    expect(names(aid.actors)).toEqual(["Joe Biden"]);
    const meet = events.find((e) => e.type === "meet")!;
    expect(meet.negated).toBe(true);
    expect(names(meet.targets)).toEqual(["Blinken"]);
  });

  it("'has yet to announce' is a statement still awaited: negated and pending", () => {
    const doc = buildDoc("The Chinese foreign ministry has yet to announce the details of the itinerary.", []);
    const [ev] = findEvents(doc);
    expect(ev.type).toBe("statement");
    expect(ev.negated).toBe(true);
    expect(ev.modality).toBe("pending");
    expect(ev.actors[0]?.name).toBe("China");
  });

  it("'refused to meet' is negated and asserted; 'will not meet' negated and planned", () => {
    const refused = findEvents(buildDoc("Zhai refused to meet Bogdanov.", [{ text: "Zhai", type: "PERSON" }, { text: "Bogdanov", type: "PERSON" }]));
    expect(refused.map((e) => [e.type, e.negated, e.modality])).toEqual([["meet", true, "asserted"]]);
    const willNot = findEvents(buildDoc("Zhai will not meet Bogdanov.", [{ text: "Zhai", type: "PERSON" }, { text: "Bogdanov", type: "PERSON" }]));
    expect(willNot.map((e) => [e.type, e.negated, e.modality])).toEqual([["meet", true, "planned"]]);
  });

  it("'called for an immediate ceasefire' is an appeal to de-escalate (0256), with no ceasefire agreement", () => {
    const doc = buildDoc("China called for an immediate ceasefire in Gaza.", [
      { text: "China", type: "LOC" },
      { text: "Gaza", type: "LOC" },
    ]);
    const events = findEvents(doc);
    expect(events.map((e) => e.type)).toEqual(["appeal"]);
    expect(events[0].cameo).toBe("0256");
    expect(ploverType(events[0].cameo)).toBe("REQUEST");
  });

  it("coordinated subjects and pronouns resolved through refersTo", () => {
    const text = "Zhai Jun arrived in Doha. Bogdanov and Khulaifi met him there, and he later condemned the attacks.";
    const doc = buildDoc(text, [
      { text: "Zhai Jun", type: "PERSON" },
      { text: "Doha", type: "LOC" },
      { text: "Bogdanov", type: "PERSON" },
      { text: "Khulaifi", type: "PERSON" },
      { text: "him", type: "PERSON", mention: "pronoun", refersTo: "Zhai Jun" },
      { text: "he", type: "PERSON", mention: "pronoun", refersTo: "Zhai Jun", nth: 1 }, // nth 0 is inside "there"
    ]);
    const events = findEvents(doc);
    expectSpansExact(doc, events);
    const meet = events.find((e) => e.type === "meet")!;
    expect(names(meet.actors)).toEqual(["Bogdanov", "Khulaifi"]);
    expect(names(meet.targets)).toEqual(["Zhai Jun"]);
    expect(meet.targets[0].text).toBe("him");
    expect(meet.targets[0].entityId).toBe("e1");
    const crit = events.find((e) => e.type === "criticize")!;
    expect(crit.actors[0].name).toBe("Zhai Jun");
    expect(crit.cameo).toBe("111");
  });

  it("a nationality + 'officials' acts for the country; a meeting away from both homes is at a third location (044)", () => {
    const text = "Chinese officials met Russian Deputy Foreign Minister Mikhail Bogdanov in Doha, Qatar.";
    const doc = buildDoc(text, [
      { text: "Mikhail Bogdanov", type: "PERSON" },
      { text: "Doha", type: "LOC" },
      { text: "Qatar", type: "LOC" },
    ]);
    const [ev] = findEvents(doc);
    expect(ev.type).toBe("meet");
    expect(ev.actors[0].name).toBe("China");
    expect(ev.actors[0].text).toBe("Chinese officials");
    expect(names(ev.targets)).toEqual(["Mikhail Bogdanov"]);
    expect(ev.place?.name).toBe("Doha");
    expect(ev.cameo).toBe("044");
  });

  it("works on a bare Doc (no tokens, entities or timexes) and finds nothing in plain prose", () => {
    const bare: Doc = { id: "x", text: "The weather in Doha was pleasant. Israel has retaliated with air strikes.", diagnostics: [] };
    const events = findEvents(bare);
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe("attack");
    expect(events[0].cameo).toBe("195");
    expect(events[0].id).toBe("ev1");
    expectSpansExact(bare, events);
  });
});

describe("tables", () => {
  it("every default code is in the CAMEO table", () => {
    for (const code of Object.values(DEFAULT_CAMEO)) expect(CAMEO_CODES.has(code)).toBe(true);
    expect(ploverType("041")).toBe("CONSULT");
    expect(CAMEO_CODES.get("010")?.plover).toBeUndefined();
  });

  it("inflects trigger lemmas", () => {
    expect(verbForms("meet")).toEqual(expect.arrayContaining(["met", "meets", "meeting"]));
    expect(verbForms("meet")).not.toContain("meeted");
    expect(verbForms("veto")).toEqual(expect.arrayContaining(["vetoed", "vetoes", "vetoing"]));
    expect(verbForms("travel")).toEqual(expect.arrayContaining(["traveled", "travelled", "travelling"]));
    expect(verbForms("urge")).toEqual(expect.arrayContaining(["urged", "urging", "urges"]));
    expect(nounForms("strike")).toContain("strikes");
  });
});
