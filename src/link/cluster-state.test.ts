import { describe, expect, it } from "vitest";
import { StoryClusterer, clusterDocs, type PersistedDoc } from "./cluster.js";
import { DuplicateIndex } from "./minhash.js";
import { byPublication } from "./rewrite.js";
import { sampleDocs } from "../../test/fixtures/link/sample.js";
import type { LinkDoc } from "./types.js";

/** Persists a clusterer the way the store does: term dictionary, counter, per-article states in add order. */
function persist(c: StoryClusterer, order: string[]): { terms: string[]; counter: number; docs: PersistedDoc[] } {
  return { terms: c.termsFrom(0), counter: c.idCounter, docs: order.map((id) => c.docState(id)!) };
}

const doc = (id: string, published: string, text: string, title?: string): LinkDoc => ({ id, published, text, title });

describe("StoryClusterer persistence and incremental update", () => {
  it("update() on an empty clusterer is the batch method of clusterDocs", () => {
    const docs = sampleDocs();
    const c = new StoryClusterer();
    c.update([...docs].sort(byPublication));
    const batch = clusterDocs(docs, "event");
    for (const d of docs) expect(c.get(d.id)!.eventId).toBe(batch.get(d.id));
  });

  it("restores the same stories and events, and keeps adding to them", () => {
    const docs = sampleDocs();
    const c = new StoryClusterer();
    c.update(docs.slice(0, 3));
    const state = persist(c, docs.slice(0, 3).map((d) => d.id));
    const r = StoryClusterer.restore({}, state.terms, state.counter, state.docs);
    for (const d of docs.slice(0, 3)) expect(r.get(d.id)).toEqual(c.get(d.id));
    expect(r.termCount).toBe(c.termCount);
    // new articles join the restored stories as they join the live ones
    const changedLive = c.update(docs.slice(3));
    const changedRestored = r.update(docs.slice(3));
    expect(changedRestored).toEqual(changedLive);
    for (const d of docs) expect(r.get(d.id)).toEqual(c.get(d.id));
  });

  it("reports only the stories a new article touched", () => {
    const c = new StoryClusterer();
    const sport = doc("f1", "2023-10-19", "Harry Kane scored twice as Bayern Munich beat Borussia Dortmund 4-0 in the Bundesliga on Saturday.", "Bayern beat Dortmund");
    const changed1 = c.update([...sampleDocs(), sport]);
    expect(changed1.length).toBeGreaterThanOrEqual(2);
    const sportStory = c.get("f1")!.storyId;
    const more = doc("f2", "2023-10-20", "Bayern Munich coach praised Harry Kane after the 4-0 win over Borussia Dortmund in the Bundesliga.", "Kane praised after Bayern win");
    const changed2 = c.update([more]);
    expect(changed2).toEqual([c.get("f2")!.storyId]);
    expect(c.get("f2")!.storyId).toBe(sportStory);
  });

  it("refuses a state that refers to unknown terms", () => {
    const c = new StoryClusterer();
    c.update(sampleDocs().slice(0, 1));
    const state = persist(c, [sampleDocs()[0].id]);
    expect(() => StoryClusterer.restore({}, state.terms.slice(0, 2), state.counter, state.docs)).toThrow(/unknown term/);
  });
});

describe("DuplicateIndex persistence", () => {
  it("restored entries find later copies as the live index does", () => {
    const text = "The envoy met his Russian counterpart in Doha on Thursday and called for an immediate ceasefire in Gaza, a statement said. ".repeat(3);
    const live = new DuplicateIndex();
    live.add("a", text);
    const restored = new DuplicateIndex();
    restored.restore(live.entry("a")!);
    expect(restored.add("b", `${text} Reporting by staff.`)).toEqual(live.add("b", `${text} Reporting by staff.`));
    expect(restored.add("c", text).exact).toBe(true);
  });
});
