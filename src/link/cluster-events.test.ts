import { describe, expect, it } from "vitest";
import { STORY_DECAY_FLOOR, addProfileAgreement, clusterDocs } from "./cluster.js";
import type { LinkDoc } from "./types.js";

/** A symmetric n x n matrix (zero diagonal) from a pair function. */
function matrix(n: number, f: (i: number, j: number) => number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) m[i * n + j] = m[j * n + i] = f(i, j);
  return m;
}

describe("addProfileAgreement", () => {
  it("raises pairs that resemble the same articles and lowers pairs that lean to different sides", () => {
    // two groups of four (0-3, 4-7): 0.3 within, 0.1 across, with a little deterministic jitter
    const n = 8;
    const side = (i: number) => (i < 4 ? 0 : 1);
    const base = matrix(n, (i, j) => (side(i) === side(j) ? 0.3 : 0.1) + ((i * 7 + j * 3) % 5) * 0.002);
    const sim = Float64Array.from(base);
    addProfileAgreement(sim, n, 0.1);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (side(i) === side(j)) expect(sim[i * n + j]).toBeGreaterThan(base[i * n + j]);
        else expect(sim[i * n + j]).toBeLessThan(base[i * n + j]);
      }
    }
  });

  it("leaves too small a matrix and a flat one unchanged", () => {
    const small = matrix(3, () => 0.2);
    addProfileAgreement(small, 3, 0.1);
    expect([...small]).toEqual([...matrix(3, () => 0.2)]);
    const flat = matrix(6, () => 0.2);
    addProfileAgreement(flat, 6, 0.1);
    expect([...flat]).toEqual([...matrix(6, () => 0.2)]);
  });
});

describe("event decisions", () => {
  it("does not take an undated article's dateline for the day of its event", () => {
    // no publication dates: each head date is when the article was posted, a week apart, not two event days
    const report = (id: string, dateline: string, extra: string): LinkDoc => ({
      id,
      text: `${dateline} The Riverton city council approved the harbour budget of 40 million dollars after a long debate, council chair Ellen Marsh said. The budget funds new piers and dredging. ${extra}`,
    });
    const docs = [
      report("a", "March 3, 2009.", "Fishermen welcomed the vote."),
      report("b", "March 10, 2009.", "Opponents said the harbour budget was too large."),
      report("c", "March 11, 2009.", "Work on the piers starts in the summer."),
    ];
    const ev = clusterDocs(docs, "event");
    expect(ev.get("a")).toBe(ev.get("b"));
    expect(ev.get("a")).toBe(ev.get("c"));
  });

  it("lets a close report a year later join the story (time weakens, never vetoes)", () => {
    expect(STORY_DECAY_FLOOR).toBeGreaterThan(0);
    const text =
      "A jury in Harlow convicted Daniel Brook of the killing of shopkeeper Amir Shah, whose murder in the Harlow market shocked the town. Brook was arrested days after Shah was stabbed outside his shop in the Harlow market.";
    const docs: LinkDoc[] = [
      { id: "k1", published: "2012-05-02", title: "Shopkeeper Amir Shah stabbed in Harlow market", text },
      { id: "k2", published: "2012-05-03", title: "Man arrested over Harlow market killing of Amir Shah", text },
      { id: "v1", published: "2013-06-20", title: "Daniel Brook convicted of Harlow market killing of Amir Shah", text },
      { id: "x1", published: "2013-06-20", title: "Oslo opens new library", text: "Norway's capital opened a new public library with a reading room and a cafe on Monday." },
    ];
    const stories = clusterDocs(docs, "story");
    expect(stories.get("v1")).toBe(stories.get("k1"));
    expect(stories.get("x1")).not.toBe(stories.get("k1"));
  });
});
