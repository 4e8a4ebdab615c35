import { describe, expect, it } from "vitest";
import { MAX_TERM_WORDS, StoryClusterer, averageLink, clusterDocs, docDay, docTerms } from "./cluster.js";
import type { LinkDoc } from "./types.js";
import { sampleDocs } from "../../test/fixtures/link/sample.js";

const call = (id: string, published: string, extra: string): LinkDoc => ({
  id,
  published,
  title: "Chinese envoy Zhai Jun holds phone call with Palestinian minister on Gaza ceasefire",
  text: `Chinese special envoy on the Middle East Zhai Jun on Wednesday held a phone call with Palestinian deputy foreign minister Jadot on the Gaza conflict. Zhai Jun called for an immediate ceasefire and the protection of civilians in Gaza and urged humanitarian assistance for the Palestinian people. Jadot thanked China for its support. ${extra}`,
});
const meeting = (id: string, published: string, extra: string): LinkDoc => ({
  id,
  published,
  title: "Chinese envoy Zhai Jun meets Russian counterpart Bogdanov in Doha on Gaza ceasefire",
  text: `Chinese special envoy on the Middle East Zhai Jun on Thursday met Russian deputy foreign minister Mikhail Bogdanov in Doha, Qatar, to discuss the Gaza conflict. Zhai Jun called for a ceasefire and the protection of civilians in Gaza, and Bogdanov said Russia would work with China. Zhai also met Qatar's minister of state Al Khulaifi in Doha. ${extra}`,
});

describe("StoryClusterer", () => {
  it("puts the same actors a week apart (event dates in the leads) into one story but two events", () => {
    const c = new StoryClusterer();
    const r1 = c.add(call("a1", "2023-10-11", "The call came as fighting in Gaza intensified."));
    const r2 = c.add(call("a2", "2023-10-12", "China has promised more humanitarian aid for Gaza."));
    const r3 = c.add(meeting("b1", "2023-10-19", "The meeting was the first stop of his Middle East tour."));
    const r4 = c.add(meeting("b2", "2023-10-20", "Qatar is a key mediator with Hamas in the Gaza conflict."));
    expect(new Set([r1.storyId, r2.storyId, r3.storyId, r4.storyId]).size).toBe(1);
    expect(r1.eventId).toBe(r2.eventId);
    expect(r3.eventId).toBe(r4.eventId);
    expect(r1.eventId).not.toBe(r3.eventId);
    c.refine();
    const [story] = c.stories();
    expect(story.docs).toHaveLength(4);
    expect(story.events.map((e) => e.docs.sort())).toEqual(expect.arrayContaining([["a1", "a2"], ["b1", "b2"]]));
  });

  it("keeps unrelated stories apart", () => {
    const c = new StoryClusterer();
    const a = c.add(meeting("m", "2023-10-19", ""));
    const b = c.add({ id: "f", published: "2023-10-19", title: "Bayern Munich beat Dortmund in the Bundesliga", text: "Harry Kane scored twice as Bayern Munich beat Borussia Dortmund 4-0 in the Bundesliga on Saturday, extending their unbeaten run to ten league matches." });
    expect(a.storyId).not.toBe(b.storyId);
  });

  it("serialises and resumes with the same decisions", () => {
    const c = new StoryClusterer();
    c.add(call("a1", "2023-10-11", ""));
    c.add(meeting("b1", "2023-10-19", ""));
    const copy = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(c.toJSON())));
    expect(copy.get("b1")).toEqual(c.get("b1"));
    const next = meeting("b2", "2023-10-20", "More talks are planned.");
    expect(copy.add(next)).toEqual(c.add(next));
    expect(() => c.add(next)).toThrow(/already added/);
    expect(() => StoryClusterer.fromJSON({ version: 2 } as never)).toThrow(/Unsupported/);
  });
});

describe("clusterDocs", () => {
  it("groups the five sample articles into one story", () => {
    const docs = sampleDocs();
    const stories = clusterDocs(docs, "story");
    expect(new Set(stories.values()).size).toBe(1);
    // 001 (a phone call on 11 October) is another event than the Doha meetings reported on the 20th
    const events = clusterDocs(docs, "event");
    const byPrefix = (p: string) => events.get(docs.find((d) => d.id.startsWith(p))!.id);
    expect(byPrefix("d8f34")).not.toBe(byPrefix("d0bb3"));
  });

  it("tells two different earthquakes with overlapping vocabulary apart", () => {
    const quakeA = (id: string, extra: string): LinkDoc => ({
      id,
      title: "Magnitude 6.1 earthquake strikes Sichuan province in China",
      text: `A magnitude 6.1 earthquake struck Lushan county in Sichuan province, China, on April 20, 2013, killing at least 180 people and injuring thousands, the China Earthquake Administration said. Rescuers searched collapsed homes in Ya'an as aftershocks shook the region. ${extra}`,
    });
    const quakeB = (id: string, extra: string): LinkDoc => ({
      id,
      title: "Magnitude 7.3 earthquake strikes off Sumatra in Indonesia",
      text: `A magnitude 7.3 earthquake struck off the coast of Aceh on the island of Sumatra, Indonesia, on January 11, 2012, the US Geological Survey said, killing at least 12 people and damaging homes in Banda Aceh. A tsunami warning was issued and later lifted as aftershocks shook the region. ${extra}`,
    });
    const docs = [
      quakeA("a1", "Chinese premier Li Keqiang flew to Sichuan to direct the rescue."),
      quakeB("b1", "Residents of Banda Aceh fled to higher ground fearing a tsunami."),
      quakeA("a2", "Soldiers cleared roads blocked by landslides in Lushan county."),
      quakeB("b2", "The Indonesian disaster agency said rescuers were searching damaged homes."),
      quakeA("a3", "The death toll in Sichuan was expected to rise, state media said."),
      quakeB("b3", "Officials in Aceh said the tsunami warning was lifted after two hours."),
    ];
    const ev = clusterDocs(docs, "event");
    expect(ev.get("a1")).toBe(ev.get("a2"));
    expect(ev.get("a1")).toBe(ev.get("a3"));
    expect(ev.get("b1")).toBe(ev.get("b2"));
    expect(ev.get("b1")).toBe(ev.get("b3"));
    expect(ev.get("a1")).not.toBe(ev.get("b1"));
  });

  it("is deterministic whatever the input order", () => {
    const docs = sampleDocs();
    const a = clusterDocs(docs, "event");
    const b = clusterDocs([...docs].reverse(), "event");
    for (const d of docs) expect(b.get(d.id)).toBe(a.get(d.id));
  });
});

describe("helpers", () => {
  it("dates an undated article from an explicit date at its head", () => {
    expect(docDay({ id: "x", text: "http://example.com/2013/09/18/story September 18, 2013 Microsoft releases fix" })).toBe(Date.UTC(2013, 8, 18) / 86_400_000);
    expect(docDay({ id: "x", text: "no date", published: "2023-10-20T08:00:00Z" })).toBe(Date.UTC(2023, 9, 20) / 86_400_000);
  });

  it("reads at most MAX_TERM_WORDS words of an article for its terms", () => {
    const filler = Array.from({ length: MAX_TERM_WORDS }, () => "harbour").join(" ");
    const tf = docTerms({ id: "x", text: `${filler} zeppelin` });
    expect(tf.has("harbour")).toBe(true);
    expect(tf.has("zeppelin")).toBe(false);
  });

  it("keeps clustering a growing archive consistently (cached centroids)", () => {
    const c = new StoryClusterer();
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const d = i % 2 ? meeting(`m${i}`, "2023-10-19", `Talks round ${i}.`) : call(`c${i}`, "2023-10-11", `Call note ${i}.`);
      ids.push(d.id);
      c.add(d);
    }
    const story = c.get(ids[0])!.storyId;
    expect(ids.every((id) => c.get(id)!.storyId === story)).toBe(true);
    expect(new Set(ids.filter((id) => id.startsWith("m")).map((id) => c.get(id)!.eventId)).size).toBe(1);
    expect(c.get("m1")!.eventId).not.toBe(c.get("c0")!.eventId);
  });

  it("average-link stops at the threshold", () => {
    const sim = Float64Array.from([1, 0.9, 0.1, 0.9, 1, 0.2, 0.1, 0.2, 1]);
    expect(averageLink(3, sim, 0.5).map((g) => g.sort())).toEqual([[0, 1], [2]]);
  });
});
