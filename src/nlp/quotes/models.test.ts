import { describe, expect, it } from "vitest";
import type { Doc } from "../../model.js";
import { PerceptronTrainer, argmax } from "../ner/perceptron.js";
import { findAttributions } from "./index.js";
import { CUE_CLASSES, cueFeatures, isCueCandidate } from "./cue-model.js";
import { contentCandidates, pickContent } from "./content-model.js";
import { tokenize } from "../tokenize.js";

const doc = (text: string): Doc => ({ id: "t", text, diagnostics: [] });
const TEXT = "The senator grumbled that the bill was rushed through the committee. Officials said the vote was fair.";

describe("learned cue proposals", () => {
  it("the rules alone ignore a cue word outside their lexicons", () => {
    const atts = findAttributions(doc(TEXT), { cueModel: null, contentModel: null });
    expect(atts.map((a) => a.cue?.text)).toEqual(["said"]);
  });

  it("a proposed word is read with the rules' frames (source before, content after)", () => {
    const seen: string[] = [];
    const atts = findAttributions(doc(TEXT), {
      contentModel: null,
      onCandidate: (i, features) => {
        seen.push(features.find((f) => f.startsWith("w="))!);
        return features.includes("w=grumbled");
      },
    });
    expect(seen).toContain("w=grumbled");
    const a = atts.find((x) => x.cue?.text === "grumbled");
    expect(a).toMatchObject({ source: { text: "The senator" }, content: { text: "that the bill was rushed through the committee" } });
    // Words the rules already read as cues are never offered to the model.
    expect(seen).not.toContain("w=said");
  });

  it("features describe the word, its context and the lexicons' view", () => {
    const { tokens } = tokenize(TEXT);
    const i = tokens.findIndex((t) => t.norm === "grumbled");
    expect(isCueCandidate(tokens[i])).toBe(true);
    const f = cueFeatures(tokens, i, 0, tokens.findIndex((t) => t.text === ".") + 1, () => false, () => false);
    expect(f).toEqual(expect.arrayContaining(["w=grumbled", "n1=that", "lex=none", "quote=false"]));
  });

  it("a model trained on candidates drives findAttributions", () => {
    const t = new PerceptronTrainer(CUE_CLASSES);
    const scores = new Float64Array(2);
    const examples: [string[], number][] = [[["w=grumbled", "n1=that"], 1], [["w=rushed", "n1=through"], 0], [["w=vote", "n1=was"], 0]];
    for (let e = 0; e < 5; e++) {
      for (const [f, y] of examples) {
        const ids = f.map((x) => t.featureId(x));
        t.tick();
        t.scores(ids, scores);
        t.update(y, argmax(scores), ids);
      }
    }
    const atts = findAttributions(doc(TEXT), { cueModel: t.finish(), contentModel: null });
    expect(atts.map((a) => a.cue?.text)).toEqual(["grumbled", "said"]);
  });
});

describe("learned content boundaries", () => {
  it("candidates include the rules' boundaries and stay after the cue", () => {
    const { tokens } = tokenize(TEXT);
    const cue = tokens.findIndex((t) => t.norm === "grumbled");
    const end = tokens.findIndex((t) => t.text === ".");
    const c = contentCandidates(tokens, 0, end + 1, cue + 1, end, cue, cue + 1, "grumbled", () => false);
    expect(c.starts.some((s) => s.at === cue + 1 && s.features.includes("s.rule=true"))).toBe(true);
    expect(c.starts.every((s) => s.at > cue)).toBe(true);
    expect(c.ends.some((e) => e.at === end && e.features.includes("e.rule=true"))).toBe(true);
  });

  it("a model that prefers starting after 'that' moves the start; keeping the rules' choice changes nothing", () => {
    const text = "Officials said that the vote was fair.";
    const rules = findAttributions(doc(text), { cueModel: null, contentModel: null });
    expect(rules[0].content.text).toBe("that the vote was fair");
    const moved = findAttributions(doc(text), {
      cueModel: null,
      onContent: (cands, content) => {
        const start = cands.starts.find((s) => s.features.includes("s.pw=that"));
        return start ? [start.at, content[1]] : undefined;
      },
    });
    expect(moved[0].content.text).toBe("the vote was fair");
    const model = { classes: CUE_CLASSES, index: new Map([["s.rule=true", 0], ["e.rule=true", 1]]), weights: Float32Array.from([0, 1, 0, 1]) };
    expect(findAttributions(doc(text), { cueModel: null, contentModel: model })[0].content.text).toBe("that the vote was fair");
    const { tokens } = tokenize(text);
    expect(pickContent(model, contentCandidates(tokens, 0, tokens.length, 2, 7, 1, 2, "said", () => false))).toEqual([2, 7]);
  });
});
