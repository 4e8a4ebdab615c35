import { describe, expect, it } from "vitest";
import type { Doc, Entity } from "../../model.js";
import { buildDoc, fixture } from "../../../test/fixtures/quotes/build-doc.js";
import { attachRoles } from "../roles/index.js";
import { resolveCoreference } from "./index.js";

const PEOPLE = ["Zhai Jun", "Zhai", "Mikhail Bogdanov", "Bogdanov", "Mohammed bin Abdulaziz bin Saleh Al Khulaifi", "Khulaifi", "Jadot", "Wang Yi", "Joe Biden", "Antony Blinken", "Blinken", "Vladimir Putin", "Xi Jinping"];

function run(doc: Doc): Entity[] {
  attachRoles(doc);
  const out = resolveCoreference(doc);
  for (const e of [...doc.entities!, ...out]) expect(e.text).toBe(doc.text.slice(e.start, e.end));
  return out;
}

describe("resolveCoreference", () => {
  it("joins short names to the full name (000)", () => {
    const doc = buildDoc(fixture("000_d0bb359a1e8de23b.txt"), { PERSON: PEOPLE });
    run(doc);
    const byText = (t: string) => doc.entities!.filter((e) => e.text === t);
    const zhaiJun = byText("Zhai Jun")[0];
    for (const z of byText("Zhai")) expect(z).toMatchObject({ canonical: "Zhai Jun", refersTo: zhaiJun.id });
    for (const k of byText("Khulaifi")) expect(k.canonical).toBe("Mohammed bin Abdulaziz bin Saleh Al Khulaifi");
    for (const b of byText("Bogdanov")) expect(b.canonical).toBe("Mikhail Bogdanov");
  });

  it("resolves pronouns and role nominals to the right person", () => {
    const one = buildDoc(fixture("001_d8f34066c974cf41.txt"), { PERSON: PEOPLE });
    const m1 = run(one);
    const he = m1.find((e) => e.text === "He");
    expect(he).toMatchObject({ mention: "pronoun", canonical: "Jadot" });

    const two = buildDoc(fixture("002_cfcae6333fdf9c5b.txt"), { PERSON: PEOPLE });
    const m2 = run(two);
    expect(m2.find((e) => e.text === "China’s envoy")).toMatchObject({ mention: "nominal", canonical: "Zhai Jun" });

    const three = buildDoc(fixture("003_bdc864ace7bdc83f.txt"), { PERSON: PEOPLE });
    const m3 = run(three);
    const putinHis = m3.find((e) => three.text.slice(e.start, e.start + 20) === "his “dear friend” Pr");
    expect(putinHis?.canonical).toBe("Vladimir Putin");
    const bidenHe = m3.find((e) => three.text.slice(e.start - 5, e.end) === "said he");
    expect(bidenHe?.canonical).toBe("Joe Biden");
  });

  it("keeps two people who share a surname apart", () => {
    const doc = buildDoc("Hillary Clinton spoke first. Bill Clinton spoke later. Clinton said it was over. Mrs. Warren agreed and she left.", { PERSON: ["Hillary Clinton", "Bill Clinton", "Clinton", "Warren"] });
    const out = run(doc);
    const short = doc.entities!.find((e) => e.text === "Clinton")!;
    expect(short.canonical).toBeUndefined();
    expect(short.refersTo).toBeUndefined();
    expect(doc.entities!.find((e) => e.text === "Hillary Clinton")!.canonical).toBe("Hillary Clinton");
    expect(out.find((e) => e.text === "she")?.canonical).toBe("Warren");
  });

  it("does not give a female pronoun a male antecedent", () => {
    const doc = buildDoc("John Smith arrived. She said nothing.", { PERSON: ["John Smith"] });
    expect(run(doc).filter((e) => e.mention === "pronoun")).toEqual([]);
  });

  it("links 'the ministry' to the latest ORG named Ministry", () => {
    const doc = buildDoc("The Ministry of Foreign Affairs issued a note. Later the ministry denied it.", { ORG: ["Ministry of Foreign Affairs"] });
    const out = run(doc);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ text: "the ministry", type: "ORG", mention: "nominal", canonical: "Ministry of Foreign Affairs", refersTo: doc.entities![0].id });
  });
});
