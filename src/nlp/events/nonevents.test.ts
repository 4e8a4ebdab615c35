import { describe, expect, it } from "vitest";
import { buildDoc } from "../../../test/fixtures/events/build-doc.js";
import { findEvents } from "./index.js";

const events = (text: string, entities: Parameters<typeof buildDoc>[1] = []) => findEvents(buildDoc(text, entities));
const names = (args: { name?: string; text: string }[]) => args.map((a) => a.name ?? a.text);

describe("trigger words that report no political act", () => {
  it("drops deaths caused by nature", () => {
    expect(events("Days of heavy rains caused floods that have killed more than 800 people.")).toEqual([]);
    expect(events("The northeast is slammed with another winter storm.")).toEqual([]);
  });

  it("keeps killings by people", () => {
    expect(events("Gunmen killed twelve soldiers near the border.").map((e) => e.type)).toEqual(["attack"]);
  });

  it("drops 'meet' with a standard or a reaction, keeps 'meet' with a person", () => {
    expect(events("The reforms must meet the aspirations of the people.")).toEqual([]);
    expect(events("His offer met with outrage.")).toEqual([]);
    expect(events("He does not meet the state's residency requirements.")).toEqual([]);
    expect(events("Their demands are met.")).toEqual([]);
    expect(events("Obama met with leaders of the opposition.", [{ text: "Obama", type: "PERSON" }]).map((e) => e.type)).toEqual(["meet"]);
    expect(events("Obama met the Egyptian president.", [{ text: "Obama", type: "PERSON" }]).map((e) => e.type)).toEqual(["meet"]);
  });

  it("drops court appeals, stances and shares in an outcome", () => {
    expect(events("Kelley plans to appeal her conviction.", [{ text: "Kelley", type: "PERSON" }])).toEqual([]);
    expect(events("Arnor is opposed to the war.", [{ text: "Arnor", type: "LOC" }])).toEqual([]);
    expect(events("Arnor contributed to the crisis.", [{ text: "Arnor", type: "LOC" }])).toEqual([]);
  });

  it("codes donations and opposition to a party", () => {
    const aid = events("Arnor will contribute ten million dollars to Gondor.", [{ text: "Arnor", type: "LOC" }, { text: "Gondor", type: "LOC" }]);
    expect(aid.map((e) => [e.type, e.cameo])).toEqual([["aid", "071"]]);
    const opp = events("Eriador was opposed by Osgiliath.", [{ text: "Eriador", type: "LOC" }, { text: "Osgiliath", type: "LOC" }]);
    expect(opp.map((e) => [e.type, names(e.actors), names(e.targets)])).toEqual([["criticize", ["Osgiliath"], ["Eriador"]]]);
  });
});

describe("who does an act that another act judges or that is passive", () => {
  it("does not make the critic the doer of the attack it condemns", () => {
    const got = events("China condemned the attack on the convoy.", [{ text: "China", type: "LOC" }]);
    expect(names(got.find((e) => e.type === "attack")!.actors)).toEqual([]);
    expect(names(got.find((e) => e.type === "criticize")!.actors)).toEqual(["China"]);
  });

  it("reads 'officials accused of' as a passive: the officials are accused", () => {
    const got = events("Three Arnor officials accused of fraud were acquitted.", [{ text: "Arnor", type: "LOC" }]);
    const acc = got.find((e) => e.type === "criticize");
    expect(acc?.actors).toEqual([]);
  });

  it("negates a postponed or called-off meeting", () => {
    const got = events("Gondor and Osgiliath have postponed their meeting.", [{ text: "Gondor", type: "LOC" }, { text: "Osgiliath", type: "LOC" }]);
    expect(got.find((e) => e.type === "meet")?.negated).toBe(true);
    const off = events("Arnor called off the talks with Gondor.", [{ text: "Arnor", type: "LOC" }, { text: "Gondor", type: "LOC" }]);
    expect(off.find((e) => e.type === "meet")).toMatchObject({ negated: true, modality: "asserted" });
  });

  it("negates an act after 'refusal to' and makes 'has to' hypothetical", () => {
    expect(events("Eriador's refusal to talk to Gondor angered Arnor.", [{ text: "Eriador", type: "LOC" }, { text: "Gondor", type: "LOC" }, { text: "Arnor", type: "LOC" }]).find((e) => e.type === "meet")?.negated).toBe(true);
    expect(events("Arnor probably has to endorse the plan.", [{ text: "Arnor", type: "LOC" }])[0]?.modality).toBe("hypothetical");
  });
});
