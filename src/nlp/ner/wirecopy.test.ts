import { describe, expect, it } from "vitest";
import { tokenize } from "../tokenize.js";
import { wireOrganisations } from "./wirecopy.js";

interface S {
  start: number;
  end: number;
  type: string;
}

/** The spans as "text:TYPE" after the step, from the tagger's spans given as [text, type] (first occurrence). */
function run(text: string, tagged: [string, string][] = []): string[] {
  const { tokens } = tokenize(text);
  const at = (phrase: string): [number, number] => {
    const c = text.indexOf(phrase);
    const a = tokens.findIndex((t) => t.start === c);
    const b = tokens.findIndex((t) => t.end === c + phrase.length);
    return [a, b + 1];
  };
  const spans: S[] = tagged.map(([p, type]) => ({ start: at(p)[0], end: at(p)[1], type }));
  const out = wireOrganisations(text, tokens, spans, (start, end) => ({ start, end, type: "ORG" }));
  return out.map((s) => `${text.slice(tokens[s.start].start, tokens[s.end - 1].end)}:${s.type}`);
}

describe("press digests and newsroom sign-offs", () => {
  const digest = [
    "PRESS DIGEST - Hungary - Nov 5 .",
    "",
    "BUDAPEST 1996-11-05",
    "",
    "These are the leading stories in the Budapest press on Tuesday .",
    "",
    "MAGYAR HIRLAP",
    "",
    "- Prime Minister Gyula Horn said the budget would pass .",
    "",
    "24 CHASA",
    "- The central bank cut rates .",
    "",
    "-- Budapest Newsroom , +36 1 266 2410",
  ].join("\n");

  it("makes a name line over a digest's dash items the newspaper, replacing what the tagger said", () => {
    expect(run(digest, [["MAGYAR HIRLAP", "PERSON"], ["BUDAPEST", "LOC"], ["Gyula Horn", "PERSON"]])).toEqual([
      "BUDAPEST:LOC",
      "MAGYAR HIRLAP:ORG",
      "Gyula Horn:PERSON",
      "24 CHASA:ORG",
      "Budapest Newsroom:ORG",
    ]);
  });

  it("reads no newspapers outside a digest, and no dateline or sentence as one", () => {
    const plain = digest.replace("PRESS DIGEST", "HUNGARY BUDGET");
    expect(run(plain, [["MAGYAR HIRLAP", "PERSON"]])).toEqual(["MAGYAR HIRLAP:PERSON", "Budapest Newsroom:ORG"]);
    expect(run("PRESS DIGEST - Kenya - Dec 3 .\nNAIROBI 1996-12-03\n- Moi spoke .\nPrices rose .\n- More .")).toEqual([]);
  });

  it("needs a capitalised place before Newsroom", () => {
    expect(run("He left the newsroom . The Newsroom closed .")).toEqual([]);
  });
});
