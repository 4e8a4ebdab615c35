import { describe, expect, it } from "vitest";
import { buildDoc, fixture } from "../../../test/fixtures/quotes/build-doc.js";
import { attachRoles, expandRoleAbbreviations } from "./index.js";

const PEOPLE = ["Zhai Jun", "Zhai", "Mikhail Bogdanov", "Bogdanov", "Mohammed bin Abdulaziz bin Saleh Al Khulaifi", "Khulaifi", "Jadot", "Wang Yi", "Joe Biden", "Antony Blinken", "Blinken", "Vladimir Putin", "Xi Jinping"];

function rolesOf(file: string): Record<string, string[]> {
  const doc = buildDoc(fixture(file), { PERSON: PEOPLE });
  attachRoles(doc);
  const out: Record<string, string[]> = {};
  for (const e of doc.entities!) {
    if (!e.role) continue;
    expect(e.role.text).toBe(doc.text.slice(e.role.start, e.role.end));
    (out[e.text] ??= []).push(e.role.text);
  }
  return out;
}

describe("attachRoles", () => {
  it("reads pre-name titles and appositives in 000", () => {
    const r = rolesOf("000_d0bb359a1e8de23b.txt");
    expect(r["Zhai Jun"]).toEqual(["special envoy for the Chinese government on the Middle East issue"]);
    expect(r["Mikhail Bogdanov"]).toEqual(["Russia's Deputy FM and Special Presidential Representative for the Middle East and Africa"]);
    expect(r["Mohammed bin Abdulaziz bin Saleh Al Khulaifi"]).toEqual(["Qatar's Minister of State at the Ministry of Foreign Affairs"]);
    expect(r["Zhai"]).toBeUndefined();
  });

  it("reads titles in 001, 002, 003 and 004", () => {
    expect(rolesOf("001_d8f34066c974cf41.txt")).toMatchObject({ "Zhai Jun": ["Chinese special envoy"], Jadot: ["Palestinian First Deputy Minister of Foreign Affairs"] });
    expect(rolesOf("002_cfcae6333fdf9c5b.txt")).toMatchObject({ "Zhai Jun": ["China’s special envoy for the Middle East"], "Wang Yi": ["Chinese Foreign Minister"], "Joe Biden": ["President"] });
    expect(rolesOf("003_bdc864ace7bdc83f.txt")).toMatchObject({
      "Zhai Jun": ["China’s envoy for Middle East issues"], "Mikhail Bogdanov": ["Russian counterpart"],
      "Antony Blinken": ["U.S. Secretary of State"], "Vladimir Putin": ["Russian President"], "Xi Jinping": ["President"],
    });
    expect(rolesOf("004_8cfa123a066b258c.txt")).toMatchObject({ "Mikhail Bogdanov": ["Russian Deputy Foreign Minister"], "Wang Yi": ["China’s Foreign Minister"] });
  });

  it("never swallows another person's name and needs a role noun", () => {
    const doc = buildDoc("Stein spokeswoman Melezia Figueroa said so. On Thursday Zhai Jun left. Mr. Obama spoke.", { PERSON: ["Stein", "Melezia Figueroa", "Zhai Jun", "Obama"] });
    attachRoles(doc);
    const byName = Object.fromEntries(doc.entities!.map((e) => [e.text, e.role?.text]));
    expect(byName["Melezia Figueroa"]).toBe("spokeswoman");
    expect(byName["Zhai Jun"]).toBeUndefined();
    expect(byName["Obama"]).toBeUndefined();
  });

  it("expands abbreviations for display only", () => {
    expect(expandRoleAbbreviations("Russia's Deputy FM")).toBe("Russia's Deputy Foreign Minister");
  });
});
