/**
 * Entities across articles, on small synthetic articles: short forms, spellings, titles,
 * acronyms and capitals as governments join their entity; namesakes never do.
 */
import { describe, expect, it } from "vitest";
import type { Annotations, Article, Entity } from "../model.js";
import { mergeEntities } from "./entities.js";
import type { StoryInput } from "./input.js";
import { actsAsGovernment, cleanName, matchKey } from "./entity-names.js";

type Name = [text: string, type: Entity["type"], opts?: Partial<Entity>];

/** An article whose entity mentions are the given names, found in order in the text. */
function item(id: string, text: string, names: Name[], speakers: string[] = []): StoryInput {
  let from = 0;
  const entities: Entity[] = names.map(([n, type, opts], i) => {
    const start = text.indexOf(n, from);
    if (start < 0) throw new Error(`"${n}" not in "${text}"`);
    from = start + n.length;
    return { id: `e${i}`, type, start, end: start + n.length, text: n, mention: "name", ...opts };
  });
  const attributions = speakers.map((s, i) => {
    const e = entities.find((x) => x.text === s)!;
    return { id: `q${i}`, kind: "reported" as const, content: { start: e.end, end: text.length, text: text.slice(e.end) }, speaker: { name: s, entityId: e.id } };
  });
  const ann: Annotations = { sentences: [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 }], tokens: [], entities, timexes: [], attributions, events: [] };
  const article: Article = { id, source: { format: "txt" }, raw: text, text, meta: {}, diagnostics: [] };
  return { article, ann };
}

const named = (items: StoryInput[], name: string) => mergeEntities(items).entities.filter((e) => e.name === name || e.aliases.includes(name));

describe("mergeEntities: one entity under several names", () => {
  it("joins a surname to the full name across articles, with evidence for each alias", () => {
    const index = mergeEntities([
      item("a", "Zhai Jun arrived in Doha.", [["Zhai Jun", "PERSON"], ["Doha", "LOC"]]),
      item("b", "Zhai said the talks went well.", [["Zhai", "PERSON"]]),
    ]);
    const zhai = index.entities.filter((e) => e.type === "PERSON");
    expect(zhai).toHaveLength(1);
    expect(zhai[0]).toMatchObject({ name: "Zhai Jun", aliases: ["Zhai"], articleCount: 2 });
    expect(zhai[0].evidence.map((ev) => ev.text)).toEqual(expect.arrayContaining(["Zhai Jun", "Zhai"]));
    expect(index.byMention.get("b:e0")).toBe(zhai[0]);
    expect(index.byName("Zhai")).toBe(zhai[0]);
  });

  it("joins Arabic name spellings with and without the article (Al Khulaifi, al-Khulaifi)", () => {
    const ents = named([
      item("a", "Mohammed bin Abdulaziz bin Saleh Al Khulaifi met the envoy.", [["Mohammed bin Abdulaziz bin Saleh Al Khulaifi", "PERSON"]]),
      item("b", "Al-Khulaifi said Qatar would help.", [["Al-Khulaifi", "PERSON"], ["Qatar", "LOC"]]),
      item("c", "According to al-Khulaifi, talks go on.", [["al-Khulaifi", "PERSON"]]),
    ], "Mohammed bin Abdulaziz bin Saleh Al Khulaifi");
    expect(ents).toHaveLength(1);
    expect(ents[0].aliases).toEqual(["Al-Khulaifi"]); // one alias per spelling, case aside
    expect(ents[0].articleCount).toBe(3);
  });

  it("joins transliteration variants (Muammar Gaddafi, Moammar Gadhafi, Qaddafi)", () => {
    const index = mergeEntities([
      item("a", "Muammar Gaddafi spoke.", [["Muammar Gaddafi", "PERSON"]]),
      item("b", "Moammar Gadhafi spoke again. Qaddafi left.", [["Moammar Gadhafi", "PERSON"], ["Qaddafi", "PERSON"]]),
    ]);
    expect(index.entities).toHaveLength(1);
    expect(index.entities[0].aliases).toEqual(expect.arrayContaining(["Moammar Gadhafi", "Qaddafi"]));
  });

  it("keeps different names apart however close their spelling (Hassan, Hussein)", () => {
    expect(matchKey("Hassan")).not.toBe(matchKey("Hussein"));
    expect(matchKey("Hossein")).toBe(matchKey("Hussein"));
  });

  it("strips titles, 'the' and possessives (President Xi Jinping = Xi Jinping; the U.S.' = United States)", () => {
    const index = mergeEntities([
      item("a", "President Xi Jinping met the press in the U.S. capital.", [["President Xi Jinping", "PERSON"], ["the U.S.", "LOC"]]),
      item("b", "Xi Jinping's plan was welcomed by the United States.", [["Xi Jinping's", "PERSON"], ["the United States", "LOC"]]),
    ]);
    const xi = index.entities.find((e) => e.type === "PERSON")!;
    expect(xi.name).toBe("Xi Jinping");
    expect(index.entities.filter((e) => e.type === "PERSON")).toHaveLength(1);
    const us = index.entities.find((e) => e.type === "LOC")!;
    expect(us).toMatchObject({ name: "United States", aliases: ["U.S."] });
    // the alias evidence is the name itself, without "the"
    expect(us.evidence.find((ev) => ev.text === "U.S.")).toMatchObject({ articleId: "a" });
    expect(cleanName("White House Press Secretary Jay Carney", { start: 0, end: 38 }, true).text).toBe("Jay Carney");
    expect(cleanName("Jack White", { start: 0, end: 10 }, true).text).toBe("Jack White");
  });

  it("joins acronyms to the one name with those initials", () => {
    const index = mergeEntities([
      item("a", "The International Criminal Court opened a probe. The United Nations agreed.", [["International Criminal Court", "ORG"], ["United Nations", "ORG"]]),
      item("b", "The ICC said the U.N. and the UN Security Council were told.", [["ICC", "ORG"], ["U.N.", "ORG"], ["UN Security Council", "ORG"]]),
      item("c", "The Security Council met.", [["Security Council", "ORG"]]),
    ]);
    expect(index.entities.map((e) => [e.name, e.aliases])).toEqual(expect.arrayContaining([
      ["International Criminal Court", ["ICC"]],
      ["United Nations", ["U.N."]],
      ["Security Council", ["UN Security Council"]], // a spelled-out form before one with an initialism
    ]));
    expect(index.entities).toHaveLength(3);
  });

  it("joins a two-letter acronym only where an article gives it next to its full name", () => {
    const apart = mergeEntities([
      item("a", "The African Union met.", [["African Union", "ORG"]]),
      item("b", "The AU said no.", [["AU", "ORG"]]),
    ]);
    expect(apart.entities).toHaveLength(2);
    const joined = mergeEntities([
      item("a", "The African Union (AU) met.", [["African Union", "ORG"], ["AU", "ORG"]]),
      item("b", "The AU said no.", [["AU", "ORG"]]),
    ]);
    expect(joined.entities).toHaveLength(1);
  });

  it("joins a place or organisation to its longer form that only adds a generic word (Gaza, Gaza Strip)", () => {
    const index = mergeEntities([
      item("a", "Aid reached the Gaza Strip.", [["Gaza Strip", "LOC"]]),
      item("b", "Aid reached Gaza. Hamas movement leaders and Hamas spoke.", [["Gaza", "LOC"], ["Hamas movement", "ORG"], ["Hamas", "ORG"]]),
    ]);
    expect(index.entities).toHaveLength(2);
  });
});

describe("mergeEntities: capitals as governments", () => {
  it("reads a capital that speaks or acts as its country, and keeps it a place elsewhere", () => {
    const index = mergeEntities([
      item("a", "The United States backed the plan.", [["United States", "LOC"]]),
      item("b", "Washington has repeatedly warned Tehran. Talks in Washington ended.", [["Washington", "LOC"], ["Tehran", "LOC"], ["Washington", "LOC"]]),
      item("c", "Officials in Washington said nothing.", [["Washington", "LOC"]]),
    ]);
    const us = index.entities.find((e) => e.name === "United States")!;
    expect(us.aliases).toEqual(["Washington"]);
    expect(us.evidence.find((ev) => ev.text === "Washington")).toMatchObject({ articleId: "b", start: 0 });
    const city = index.entities.find((e) => e.name === "Washington")!;
    expect(city.articleCount).toBe(2); // "Talks in Washington", "Officials in Washington"
    expect(index.byMention.get("b:e0")).toBe(us);
    expect(index.byMention.get("b:e2")).toBe(city);
    expect(index.entities.find((e) => e.name === "Tehran")).toBeDefined(); // an object, not a speaker
  });

  it("takes a capital that the quote stage names as speaker as its government", () => {
    const index = mergeEntities([item("a", "Beijing emphasised its opposition.", [["Beijing", "LOC"]], ["Beijing"])]);
    expect(index.entities[0]).toMatchObject({ name: "China", aliases: ["Beijing"] });
  });

  /** Whether `name` (its first occurrence) acts as a government in `text`. */
  const at = (text: string, name: string) => actsAsGovernment(text, { start: text.indexOf(name), end: text.indexOf(name) + name.length });

  it("does not read datelines, possessives or place phrases as governments", () => {
    expect(at("BEIJING (Reuters) - China said", "BEIJING")).toBe(false);
    expect(at("Moscow's streets were cold.", "Moscow")).toBe(false);
    expect(at("Moscow\u2019s mayor spoke.", "Moscow")).toBe(false);
    expect(at("Talks in Moscow ended.", "Moscow")).toBe(false);
    expect(at("Residents of Moscow said it was cold.", "Moscow")).toBe(false);
    expect(at("Moscow hosted a concert.", "Moscow")).toBe(false);
    expect(at("But Moscow rejected the offer.", "Moscow")).toBe(true);
  });

  it("reads a capital's policy possessive, a relation with it, or its work as its government", () => {
    expect(at("Moscow's position is clear.", "Moscow")).toBe(true);
    expect(at("He reaffirmed Beijing\u2019s alignment with Moscow in their efforts.", "Beijing")).toBe(true);
    expect(at("He reaffirmed Beijing\u2019s alignment with Moscow in their efforts.", "Moscow")).toBe(true);
    expect(at("He said that Washington was working to secure the release.", "Washington")).toBe(true);
  });
});

describe("mergeEntities: namesakes are never merged", () => {
  it("gives a bare surname to the only full name mentioned just before it", () => {
    const index = mergeEntities([
      item("a", "Bill Clinton spoke in Ohio on Monday. Many weeks later, in a long and separate event held far away from there, an event that drew a crowd of officials, diplomats, reporters and many others from across the region and beyond, with speeches, lunches, dinners, panels and a closing reception in the old hall by the river that lasted well into the night, Hillary Clinton met the envoy. Clinton said talks were useful.",
        [["Bill Clinton", "PERSON"], ["Ohio", "LOC"], ["Hillary Clinton", "PERSON"], ["Clinton", "PERSON"]]),
    ]);
    const people = index.entities.filter((e) => e.type === "PERSON");
    expect(people.map((p) => p.name).sort()).toEqual(["Bill Clinton", "Hillary Clinton"]);
    expect(index.byMention.get("a:e3")?.name).toBe("Hillary Clinton");
    expect(people.find((p) => p.name === "Bill Clinton")!.aliases).toEqual([]);
  });

  it("leaves a bare surname ambiguous when two namesakes are equally close", () => {
    const index = mergeEntities([
      item("a", "Hillary Clinton and Bill Clinton arrived. Clinton said the talks went well.", [["Hillary Clinton", "PERSON"], ["Bill Clinton", "PERSON"], ["Clinton", "PERSON"]]),
      item("b", "Hillary Clinton left.", [["Hillary Clinton", "PERSON"]]),
    ]);
    const people = index.entities.filter((e) => e.type === "PERSON");
    expect(people.map((p) => p.name).sort()).toEqual(["Bill Clinton", "Clinton", "Hillary Clinton"]);
    expect(people.every((p) => p.aliases.length === 0)).toBe(true);
  });

  it("gives a bare surname to the person the article names far more often", () => {
    const text = "Ali Khamenei spoke. Ali Khamenei met envoys. Ali Khamenei left. Ahmad Khamenei, a cleric, was not there. " +
      "A long paragraph about the weather, the markets, the roads and the many visitors follows here, with nothing about anyone in particular at all. " +
      "Khamenei later wrote a letter.";
    const index = mergeEntities([item("a", text, [["Ali Khamenei", "PERSON"], ["Ali Khamenei", "PERSON"], ["Ali Khamenei", "PERSON"], ["Ahmad Khamenei", "PERSON"], ["Khamenei", "PERSON"]])]);
    expect(index.byMention.get("a:e4")?.name).toBe("Ali Khamenei");
    expect(index.entities.filter((e) => e.type === "PERSON")).toHaveLength(2);
  });

  it("keeps a bare surname from another article apart when the story has two namesakes", () => {
    const index = mergeEntities([
      item("a", "Ali Khamenei spoke. Ahmad Khamenei listened.", [["Ali Khamenei", "PERSON"], ["Ahmad Khamenei", "PERSON"]]),
      item("b", "Khamenei said the talks failed.", [["Khamenei", "PERSON"]]),
    ]);
    const people = index.entities.filter((e) => e.type === "PERSON");
    expect(people.map((p) => p.name).sort()).toEqual(["Ahmad Khamenei", "Ali Khamenei", "Khamenei"]);
  });

  it("never joins two full names that share a surname, nor George Bush and George W. Bush", () => {
    const index = mergeEntities([
      item("a", "George Bush met Ali Khamenei.", [["George Bush", "PERSON"], ["Ali Khamenei", "PERSON"]]),
      item("b", "George W. Bush met Ahmad Khamenei.", [["George W. Bush", "PERSON"], ["Ahmad Khamenei", "PERSON"]]),
    ]);
    expect(index.entities).toHaveLength(4);
  });
});
