import { describe, expect, it } from "vitest";
import { buildDoc } from "../../../test/fixtures/events/build-doc.js";
import { findEvents } from "./index.js";

const actorNames = (text: string, entities: Parameters<typeof buildDoc>[1]) => findEvents(buildDoc(text, entities)).map((e) => e.actors.map((a) => a.name ?? a.text));

describe("nationality adjectives as participants", () => {
  it("keeps the noun a nationality modifies ('Egyptian demonstrators ..., calling on')", () => {
    const got = actorNames("Egyptian demonstrators marched through the city, calling on their fellow citizens to join them.", [{ text: "Egyptian", type: "MISC" }]);
    expect(got[0]).toEqual(["Egyptian demonstrators"]);
  });

  it("names the country for a group noun ('Egyptian military officials')", () => {
    const got = actorNames("Several Egyptian military officials were in Washington on Friday for a previously scheduled visit.", [
      { text: "Egyptian", type: "MISC" },
      { text: "Washington", type: "LOC" },
    ]);
    expect(got[0]).toEqual(["Egypt"]);
  });

  it("reads 'the British' as the country and drops 'the American' (one unnamed person)", () => {
    expect(actorNames("The British called for calm.", [{ text: "British", type: "MISC" }])[0]).toEqual(["United Kingdom"]);
    expect(actorNames("The American called for calm.", [{ text: "American", type: "MISC" }])[0]).toEqual([]);
  });
});
