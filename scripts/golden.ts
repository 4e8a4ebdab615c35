/**
 * Regenerates the golden files under test/fixtures/golden/ from the current code:
 * one per sample article and one for the story. Review the diff before committing.
 *
 *   npm run golden
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { runSample } from "../test/sample.js";
import { projectArticle, projectStory } from "../test/golden-projection.js";

const DIR = "test/fixtures/golden";

const run = await runSample();
mkdirSync(DIR, { recursive: true });
for (const it of run.items) {
  const name = basename(it.article.source.path ?? it.article.id).replace(/\.[a-z]+$/i, "");
  writeFileSync(join(DIR, `${name}.json`), `${JSON.stringify(projectArticle(it), null, 2)}\n`);
}
writeFileSync(join(DIR, "story.json"), `${JSON.stringify(run.stories.map(projectStory), null, 2)}\n`);
process.stderr.write(`wrote ${run.items.length + 1} golden files to ${DIR}; review with git diff\n`);
