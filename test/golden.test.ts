/**
 * Golden tests: each sample article's analysis and the story, compared with the reviewed
 * files in test/fixtures/golden/ (regenerate with `npm run golden`, then review the diff).
 */
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runSample, SAMPLE_DIR, type SampleRun } from "./sample.js";
import { projectArticle, projectStory } from "./golden-projection.js";

const DIR = "test/fixtures/golden";
const files = readdirSync(SAMPLE_DIR).filter((f) => f.endsWith(".txt")).sort();
let run: SampleRun;

beforeAll(async () => {
  run = await runSample();
});

describe("golden sample articles", () => {
  for (const f of files) {
    it(`${f} matches its golden file`, () => {
      const expected = JSON.parse(readFileSync(join(DIR, `${basename(f, ".txt")}.json`), "utf8"));
      expect(JSON.parse(JSON.stringify(projectArticle(run.byFile(f))))).toEqual(expected);
    });
  }
  it("the story matches its golden file", () => {
    const expected = JSON.parse(readFileSync(join(DIR, "story.json"), "utf8"));
    expect(JSON.parse(JSON.stringify(run.stories.map(projectStory)))).toEqual(expected);
  });
});
