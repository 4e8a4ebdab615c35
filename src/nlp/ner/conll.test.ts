import { describe, expect, it } from "vitest";
import { conllMapper, gmbMapper, mapSentence, parseConll } from "./conll.js";
import { Gazetteer, emptyGazetteerLists } from "./gazetteer.js";

describe("CoNLL corpora", () => {
  it("parses tab- and space-separated lines into sentences", () => {
    const s = parseConll("Zhai\tB-per\nJun\tI-per\nspoke\tO\n\nDoha O\n");
    expect(s).toHaveLength(2);
    expect(s[0]).toEqual({ words: ["Zhai", "Jun", "spoke"], tags: ["B-per", "I-per", "O"] });
    expect(s[1].tags).toEqual(["O"]);
  });

  it("imposes CoNLL conventions on GMB: countries are LOC, nationalities MISC, whatever GMB says", () => {
    const lists = emptyGazetteerLists();
    lists.countries = ["iran", "united states"];
    lists.demonyms = ["afghan"];
    const gaz = new Gazetteer(lists);
    const map = gmbMapper(gaz);
    expect(map("org", ["Iran"])).toBe("LOC");
    expect(map("org", ["United", "States"])).toBe("LOC");
    expect(map("per", ["Afghan"])).toBe("MISC");
    expect(map("org", ["Iran", "Air"])).toBe("ORG");
    expect(gaz.hasEntry("United States", "country")).toBe(true);
    expect(gaz.hasEntry("United", "country")).toBe(false);
  });

  it("maps GMB types: country gpe -> LOC, nationality gpe -> MISC, tim dropped, titles stripped", () => {
    const lists = emptyGazetteerLists();
    lists.countries = ["nepal"];
    const gaz = new Gazetteer(lists);
    const s = mapSentence(
      { words: ["President", "Joe", "Biden", "met", "Nepal", "'s", "Iraqi", "envoy", "Monday"], tags: ["B-per", "I-per", "I-per", "O", "B-gpe", "O", "B-gpe", "O", "B-tim"] },
      gmbMapper(gaz),
      gaz,
    );
    expect(s.tags).toEqual(["O", "B-PERSON", "I-PERSON", "O", "B-LOC", "O", "B-MISC", "O", "O"]);
  });

  it("strips multi-word titles such as 'Secretary of State'", () => {
    const s = mapSentence({ words: ["Secretary", "of", "State", "Condoleezza", "Rice"], tags: ["B-PER", "I-PER", "I-PER", "I-PER", "I-PER"] }, conllMapper);
    expect(s.tags).toEqual(["O", "O", "O", "B-PERSON", "I-PERSON"]);
  });
});
