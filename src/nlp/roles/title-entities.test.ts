import { describe, expect, it } from "vitest";
import type { Entity } from "../../model.js";
import { dropTitleEntities } from "./title-entities.js";

const text = "Mikhail Bogdanov, Russia's Deputy FM and Special Presidential Representative, met Al Khulaifi, Minister of State at the Ministry of Foreign Affairs.";
const span = (t: string, type: Entity["type"], id: string, from = 0): Entity => {
  const start = text.indexOf(t, from);
  return { id, type, start, end: start + t.length, text: t, mention: "name" };
};

describe("dropTitleEntities", () => {
  it("drops a title tagged as an entity inside a person's role, keeps organisations named in the role", () => {
    const bogdanov = span("Mikhail Bogdanov", "PERSON", "e0");
    const r1 = "Russia's Deputy FM and Special Presidential Representative";
    bogdanov.role = { start: text.indexOf(r1), end: text.indexOf(r1) + r1.length, text: r1 };
    const khulaifi = span("Al Khulaifi", "PERSON", "e3");
    const r2 = "Minister of State at the Ministry of Foreign Affairs";
    khulaifi.role = { start: text.indexOf(r2), end: text.indexOf(r2) + r2.length, text: r2 };
    const entities = [
      bogdanov,
      span("Russia", "LOC", "e1"),
      span("Deputy FM and Special Presidential Representative", "ORG", "e2"),
      khulaifi,
      span("Ministry of Foreign Affairs", "ORG", "e4"),
    ];
    expect(dropTitleEntities(entities).map((e) => e.text)).toEqual(["Mikhail Bogdanov", "Russia", "Al Khulaifi", "Ministry of Foreign Affairs"]);
  });
});
