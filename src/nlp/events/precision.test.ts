import { describe, expect, it } from "vitest";
import { buildDoc } from "../../../test/fixtures/events/build-doc.js";
import { findEvents } from "./index.js";

const names = (args: { name?: string; text: string }[]) => args.map((a) => a.name ?? a.text);

describe("findEvents: arguments come from the trigger's own clause", () => {
  it("places Putin–Xi talks in Beijing, not in the Doha of the earlier clause", () => {
    const text =
      "China and Russia share the same position, Zhai was quoted saying after meeting with Bogdanov in Doha, a day after Russian President Vladimir Putin held talks with President Xi Jinping in a rare meeting.";
    const doc = buildDoc(text, [
      { text: "China", type: "LOC" },
      { text: "Russia", type: "LOC" },
      { text: "Zhai", type: "PERSON" },
      { text: "Bogdanov", type: "PERSON" },
      { text: "Doha", type: "LOC" },
      { text: "Vladimir Putin", type: "PERSON" },
      { text: "Xi Jinping", type: "PERSON" },
    ]);
    const talks = findEvents(doc).find((e) => names(e.actors).includes("Vladimir Putin"));
    expect(talks).toBeDefined();
    expect(talks!.place).toBeUndefined();
    const zhai = findEvents(doc).find((e) => names(e.actors).includes("Zhai"));
    expect(zhai?.place?.text).toBe("Doha");
  });

  it("dates the reporting verb, not the reported veto ('..., said a spokesperson on Thursday')", () => {
    const text = "“China is deeply disappointed at the U.S. blocking the Security Council resolution,” said a spokesperson at the Chinese foreign ministry on Thursday.";
    const doc = buildDoc(text, [{ text: "U.S.", type: "LOC" }, { text: "Security Council", type: "ORG" }], [{ text: "Thursday", value: "2023-10-19" }]);
    const veto = findEvents(doc).find((e) => e.type === "vote");
    expect(veto).toBeDefined();
    expect(veto!.date).toBeUndefined();
  });

  it("keeps a date in the trigger's own clause", () => {
    const doc = buildDoc("Zhai met Bogdanov in Doha on Thursday.", [{ text: "Zhai", type: "PERSON" }, { text: "Bogdanov", type: "PERSON" }, { text: "Doha", type: "LOC" }], [
      { text: "Thursday", value: "2023-10-19" },
    ]);
    const [meet] = findEvents(doc);
    expect(meet.date).toBe("2023-10-19");
    expect(meet.place?.text).toBe("Doha");
  });

  it("does not take a statement's content ('the situation in Palestine') or 'at <country>' as its place", () => {
    const doc = buildDoc("China expressed its sadness over the humanitarian situation in Palestine and deep disappointment at the U.S.", [
      { text: "China", type: "LOC" },
      { text: "Palestine", type: "LOC" },
      { text: "U.S.", type: "LOC" },
    ]);
    const events = findEvents(doc);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.place).toBeUndefined();
  });
});

describe("findEvents: statements and actors", () => {
  it("drops a statement with no one making it ('will be announced')", () => {
    const doc = buildDoc("The winners will be announced in Hollywood next month.", [{ text: "Hollywood", type: "LOC" }]);
    expect(findEvents(doc).filter((e) => e.type === "statement")).toHaveLength(0);
  });

  it("finds the subject across a comma-enclosed parenthetical ('Wang Yi, while condemning ..., declared')", () => {
    const doc = buildDoc("Foreign Minister Wang Yi, while condemning all acts that harm civilians without naming Hamas, declared that the actions went too far.", [
      { text: "Wang Yi", type: "PERSON" },
      { text: "Hamas", type: "ORG" },
    ]);
    const st = findEvents(doc).find((e) => e.type === "statement");
    expect(st && names(st.actors)).toEqual(["Wang Yi"]);
  });

  it("takes a description, not its modifier, as the actor ('Hezbollah opponents declared'); a nationality + group noun stands for the country", () => {
    const a = buildDoc("Hezbollah opponents declared a day of rage.", [{ text: "Hezbollah", type: "ORG" }]);
    const st = findEvents(a).find((e) => e.type === "statement");
    expect(st && names(st.actors)).toEqual(["Hezbollah opponents"]);
    const b = buildDoc("The Chinese foreign ministry announced the details.", [{ text: "Chinese", type: "MISC" }]);
    const st2 = findEvents(b).find((e) => e.type === "statement");
    expect(st2 && names(st2.actors)).toEqual(["China"]);
  });

  it("ignores the reader and the writer ('you agree to the terms') and plural pronouns never become a person", () => {
    expect(findEvents(buildDoc("By clicking you agree with the Terms of Service."))).toHaveLength(0);
    const doc = buildDoc("Zakaria spoke. Many protesters said they were unhappy and they called for his resignation.", [{ text: "Zakaria", type: "PERSON" }]);
    const appeal = findEvents(doc).find((e) => e.type === "appeal");
    expect(appeal && names(appeal.actors)).not.toContain("Zakaria");
  });
});

describe("findEvents: symmetric meetings and modality", () => {
  it("'A and B met' has the same actor/target split as 'A met B'", () => {
    const ents = [{ text: "Zhai Jun", type: "PERSON" as const }, { text: "Mikhail Bogdanov", type: "PERSON" as const }];
    const [a] = findEvents(buildDoc("Zhai Jun and Mikhail Bogdanov exchanged views on the Syrian issue.", ents));
    const [b] = findEvents(buildDoc("Zhai Jun exchanged views with Mikhail Bogdanov on the Syrian issue.", ents));
    expect(names(a.actors)).toEqual(["Zhai Jun"]);
    expect(names(a.targets)).toEqual(["Mikhail Bogdanov"]);
    expect([names(b.actors), names(b.targets)]).toEqual([names(a.actors), names(a.targets)]);
  });

  it("marks events in questions and if-clauses hypothetical", () => {
    const q = findEvents(buildDoc("Did Obama meet Mubarak?", [{ text: "Obama", type: "PERSON" }, { text: "Mubarak", type: "PERSON" }]));
    expect(q.map((e) => e.modality)).toEqual(["hypothetical"]);
    const c = findEvents(buildDoc("If the British had any role in supporting the Brotherhood, it was small.", [{ text: "British", type: "MISC" }, { text: "Brotherhood", type: "ORG" }]));
    expect(c.every((e) => e.modality === "hypothetical")).toBe(true);
  });

  it("skips trigger words inside names and noun modifiers ('Court of Appeals', 'veto power')", () => {
    const doc = buildDoc("The case went to the 11th Circuit Court of Appeals. Clinton did use his veto power.", [{ text: "11th Circuit Court of Appeals", type: "ORG" }, { text: "Clinton", type: "PERSON" }]);
    expect(findEvents(doc)).toHaveLength(0);
  });
});

describe("findEvents: who does the act", () => {
  const find = (text: string, ents: { text: string; type: "PERSON" | "LOC" | "ORG" }[]) => findEvents(buildDoc(text, ents));

  it("takes the object of 'urged X to' as the doer of the infinitive", () => {
    const [, attack] = find("Blinken urged Israel to attack Hamas.", [{ text: "Blinken", type: "PERSON" }, { text: "Israel", type: "LOC" }, { text: "Hamas", type: "ORG" }]);
    expect(attack.type).toBe("attack");
    expect(names(attack.actors)).toEqual(["Israel"]);
  });

  it("takes the possessor of a noun of intent, and the act as planned ('China's commitment to maintaining communication')", () => {
    const evs = find("Zhai Jun reiterated China's commitment to maintaining communication with Russia.", [
      { text: "Zhai Jun", type: "PERSON" },
      { text: "China", type: "LOC" },
      { text: "Russia", type: "LOC" },
    ]);
    const meet = evs.find((e) => e.type === "meet")!;
    expect(names(meet.actors)).toEqual(["China"]);
    expect(meet.modality).toBe("planned");
  });

  it("keeps both parties of a planned contact as actors ('Russia and Qatar are willing to enhance communications')", () => {
    const [meet] = find("Russia and Qatar are willing to enhance communications.", [{ text: "Russia", type: "LOC" }, { text: "Qatar", type: "LOC" }]);
    expect(names(meet.actors)).toEqual(["Russia", "Qatar"]);
    expect(meet.targets).toEqual([]);
  });

  it("does not make the clause subject the doer of an act in a background phrase ('since the attacks')", () => {
    const evs = find("Bush is facing his biggest challenge since the 2001 terrorist attacks.", [{ text: "Bush", type: "PERSON" }]);
    expect(evs.every((e) => e.actors.length === 0)).toBe(true);
  });

  it("ends a described subject at a reporting verb and at an article", () => {
    const evs = find("Grant said negotiators would meet again. On the same day a US tank shelled the hotel.", [{ text: "Grant", type: "PERSON" }]);
    expect(evs.map((e) => names(e.actors)[0])).toEqual(["negotiators", "a US tank"]);
  });
});
