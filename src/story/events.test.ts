/**
 * Events across articles, built by hand (no models): the same meeting in two articles becomes one
 * event with two sources; a vague mention that fits two meetings joins neither.
 */
import { describe, expect, it } from "vitest";
import type { Annotations, Article, Entity, EventMention } from "../model.js";
import { mergeEntities } from "./entities.js";
import { mergeEvents } from "./events.js";
import { sourceGroups } from "./sources.js";
import type { StoryInput } from "./input.js";

function item(id: string, text: string, names: [string, Entity["type"]][], events: { actor: string; target?: string; date?: string }[]): StoryInput {
  const entities: Entity[] = names.map(([n, type], i) => {
    const start = text.indexOf(n);
    return { id: `e${i}`, type, start, end: start + n.length, text: n, mention: "name" };
  });
  const arg = (n: string) => {
    const e = entities.find((x) => x.text === n);
    const start = text.indexOf(n);
    return { start, end: start + n.length, text: n, entityId: e?.id };
  };
  const mentions: EventMention[] = events.map((ev, i) => ({
    id: `ev${i}`,
    type: "meet",
    cameo: "040",
    trigger: { start: 0, end: 1, text: text[0] },
    sentence: { start: 0, end: text.length },
    actors: [arg(ev.actor)],
    targets: ev.target ? [arg(ev.target)] : [],
    date: ev.date,
    negated: false,
    modality: "asserted",
  }));
  const ann: Annotations = { sentences: [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 }], tokens: [], entities, timexes: [], attributions: [], events: mentions };
  const article: Article = { id, source: { format: "txt" }, raw: text, text, meta: {}, diagnostics: [] };
  return { article, ann };
}

const run = (items: StoryInput[]) => {
  const groups = sourceGroups(items, []);
  return mergeEvents(items, mergeEntities(items), groups);
};

describe("mergeEvents", () => {
  it("joins the same meeting reported by two articles and counts two sources", () => {
    const events = run([
      item("a", "Zhai Jun met Mikhail Bogdanov.", [["Zhai Jun", "PERSON"], ["Mikhail Bogdanov", "PERSON"]], [{ actor: "Zhai Jun", target: "Mikhail Bogdanov", date: "2023-10-19" }]),
      item("b", "Zhai Jun met Mikhail Bogdanov in Doha.", [["Zhai Jun", "PERSON"], ["Mikhail Bogdanov", "PERSON"]], [{ actor: "Zhai Jun", target: "Mikhail Bogdanov", date: "2023-10-19" }]),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0].independentSources).toBe(2);
    expect(events[0].label).toBe("Zhai Jun met Mikhail Bogdanov on 2023-10-19");
  });

  it("keeps apart two meetings of one envoy on different dates", () => {
    const events = run([
      item("a", "Zhai Jun met Mikhail Bogdanov.", [["Zhai Jun", "PERSON"], ["Mikhail Bogdanov", "PERSON"]], [{ actor: "Zhai Jun", target: "Mikhail Bogdanov", date: "2023-10-11" }]),
      item("b", "Zhai Jun met Mikhail Bogdanov again.", [["Zhai Jun", "PERSON"], ["Mikhail Bogdanov", "PERSON"]], [{ actor: "Zhai Jun", target: "Mikhail Bogdanov", date: "2023-10-19" }]),
    ]);
    expect(events.map((e) => e.date).sort()).toEqual(["2023-10-11", "2023-10-19"]);
  });

  it("does not guess which of two meetings a vague mention belongs to", () => {
    const text = "Zhai Jun met Mikhail Bogdanov and Al Khulaifi.";
    const events = run([
      item("a", text, [["Zhai Jun", "PERSON"], ["Mikhail Bogdanov", "PERSON"], ["Al Khulaifi", "PERSON"]], [
        { actor: "Zhai Jun", target: "Mikhail Bogdanov" },
        { actor: "Zhai Jun", target: "Al Khulaifi" },
      ]),
      item("b", "Zhai Jun met his counterpart.", [["Zhai Jun", "PERSON"]], [{ actor: "Zhai Jun" }]),
    ]);
    // it joins neither meeting, and adds no third "Zhai Jun met" event that would repeat one of them
    expect(events).toHaveLength(2);
    expect(events.filter((e) => e.articleIds.includes("b"))).toHaveLength(0);
    expect(events.every((e) => e.independentSources === 1)).toBe(true);
  });

  it("lets a country or an unnamed national stand for the person from that country", () => {
    const a = item("a", "Chinese envoy Zhai Jun met Russian envoy Mikhail Bogdanov and Qatari minister Al Khulaifi.", [["Zhai Jun", "PERSON"], ["Mikhail Bogdanov", "PERSON"], ["Al Khulaifi", "PERSON"]], [
      { actor: "Zhai Jun", target: "Mikhail Bogdanov", date: "2023-10-19" },
      { actor: "Zhai Jun", target: "Al Khulaifi", date: "2023-10-19" },
    ]);
    const role = (n: string, r: string) => {
      const e = a.ann.entities.find((x) => x.text === n)!;
      const start = a.article.text.indexOf(r);
      e.role = { start, end: start + r.length, text: r };
    };
    role("Zhai Jun", "Chinese envoy");
    role("Mikhail Bogdanov", "Russian envoy");
    role("Al Khulaifi", "Qatari minister");
    // "China met Bogdanov" (listed first: the order of articles must not matter) and "Zhai met his Russian counterpart"
    const b = item("b", "China met Mikhail Bogdanov.", [["China", "LOC"], ["Mikhail Bogdanov", "PERSON"]], [{ actor: "China", target: "Mikhail Bogdanov" }]);
    const c = item("c", "Zhai Jun met his Russian counterpart.", [["Zhai Jun", "PERSON"]], [{ actor: "Zhai Jun", target: "his Russian counterpart" }]);
    const events = run([b, c, a]);
    expect(events).toHaveLength(2);
    const bogdanov = events.find((e) => e.targets.some((t) => t.name === "Mikhail Bogdanov"))!;
    expect(bogdanov.articleIds.sort()).toEqual(["a", "b", "c"]);
    expect(bogdanov.actors.map((p) => p.name)).toEqual(["Zhai Jun"]);
    expect(events.find((e) => e !== bogdanov)!.articleIds).toEqual(["a"]);
  });

  it("says what an undirected act was in the article's own verb, and a planned contact as an intent", () => {
    const text = "Israel retaliated. China is ready to talk with Russia.";
    const it2 = item("a", text, [["Israel", "LOC"], ["China", "LOC"], ["Russia", "LOC"]], [{ actor: "Israel" }, { actor: "China", target: "Russia" }]);
    const [attack, talk] = it2.ann.events;
    Object.assign(attack, { type: "attack", cameo: "195", trigger: { start: 7, end: 17, text: "retaliated" } });
    Object.assign(talk, { cameo: "036", modality: "planned" });
    const labels = run([it2]).map((e) => e.label).sort();
    expect(labels).toEqual(["China expressed intent to meet or negotiate with Russia", "Israel retaliated"]);
  });
  it("labels a statement by what was expressed, as written, rather than 'made a statement'", () => {
    const text = "China expressed deep concern. Wang declared.";
    const it2 = item("a", text, [["China", "LOC"], ["Wang", "PERSON"]], [{ actor: "China" }, { actor: "Wang" }]);
    const [concern, declared] = it2.ann.events;
    Object.assign(concern, { type: "statement", cameo: "012", trigger: { start: 6, end: 28, text: "expressed deep concern" } });
    Object.assign(declared, { type: "statement", cameo: "010", trigger: { start: 35, end: 43, text: "declared" } });
    expect(run([it2]).map((e) => e.label).sort()).toEqual(["China expressed deep concern", "Wang declared"]);
  });
  it("labels criticism with its whole object when the target is only the object's head", () => {
    const text = "China opposed all actions that harm civilians.";
    const it2 = item("a", text, [["China", "LOC"]], [{ actor: "China", target: "all actions" }]);
    const start = text.indexOf("opposed");
    Object.assign(it2.ann.events[0], { type: "criticize", cameo: "110", trigger: { start, end: start + 7, text: "opposed" }, sentence: { start: 0, end: text.length } });
    expect(run([it2]).map((e) => e.label)).toEqual(["China criticized all actions that harm civilians"]);
  });
  it("labels a negated act by its modality: still awaited, not planned, not done", () => {
    const text = "China has yet to announce it. Zhai will not meet Bogdanov. Wang did not visit Doha.";
    const names: [string, Entity["type"]][] = [["China", "LOC"], ["Zhai", "PERSON"], ["Bogdanov", "PERSON"], ["Wang", "PERSON"], ["Doha", "LOC"]];
    const it2 = item("a", text, names, [{ actor: "China" }, { actor: "Zhai", target: "Bogdanov" }, { actor: "Wang", target: "Doha" }]);
    const [announce, meet, visit] = it2.ann.events;
    Object.assign(announce, { type: "statement", cameo: "010", negated: true, modality: "pending" });
    Object.assign(meet, { negated: true, modality: "planned" });
    Object.assign(visit, { type: "visit", cameo: "042", negated: true });
    expect(run([it2]).map((e) => e.label).sort()).toEqual(["China is yet to make a statement", "Wang did not visit Doha", "Zhai will not meet Bogdanov"]);
  });
  it("labels an act that was only asked for as an appeal for it, not as done", () => {
    const text = "Zhai Jun urged humanitarian assistance to Palestine.";
    const it2 = item("a", text, [["Zhai Jun", "PERSON"], ["Palestine", "LOC"]], [{ actor: "Zhai Jun", target: "Palestine" }]);
    Object.assign(it2.ann.events[0], { type: "aid", cameo: "073", modality: "appeal", trigger: { start: 9, end: 14, text: "urged" } });
    expect(run([it2]).map((e) => e.label)).toEqual(["Zhai Jun called for aid to Palestine"]);
  });
  it("labels appeals with their addressee and content, and acts with no object as complete clauses", () => {
    const text = "Zhai Jun called on the international community to play its role. Wang Yi called for restraint. China Urges Immediate Ceasefire. Wang Yi criticized.";
    const names: [string, Entity["type"]][] = [["Zhai Jun", "PERSON"], ["Wang Yi", "PERSON"], ["China", "LOC"]];
    const it2 = item("a", text, names, [{ actor: "Zhai Jun" }, { actor: "Wang Yi" }, { actor: "China", target: "Immediate Ceasefire" }, { actor: "Wang Yi" }]);
    const trig = (t: string, from = 0) => {
      const start = text.indexOf(t, from);
      return { start, end: start + t.length, text: t };
    };
    const sentence = (t: string) => ({ start: text.indexOf(t), end: text.indexOf(".", text.indexOf(t)) + 1 });
    const [on, forr, urges, crit] = it2.ann.events;
    const appeal = { type: "appeal", cameo: "020" };
    Object.assign(on, appeal, { trigger: trig("called on"), sentence: sentence("Zhai Jun"), targets: [{ ...trig("the international community") }] });
    Object.assign(forr, appeal, { trigger: trig("called for"), sentence: sentence("Wang Yi called") });
    Object.assign(urges, appeal, { trigger: trig("Urges"), sentence: sentence("China") });
    Object.assign(crit, { type: "criticize", cameo: "111", trigger: trig("criticized"), sentence: sentence("Wang Yi criticized") });
    const events = run([it2]);
    expect(events.map((e) => e.label).sort()).toEqual([
      "China called for an immediate ceasefire",
      "Wang Yi called for restraint",
      "Wang Yi voiced criticism",
      "Zhai Jun called on the international community to play its role",
    ]);
    // the content of an appeal is not one of its parties; the codes stay as annotated
    expect(events.find((e) => e.label.startsWith("China"))!.targets).toEqual([]);
    expect(events.find((e) => e.label.startsWith("Zhai"))!.cameo).toBe("020");
  });
});
