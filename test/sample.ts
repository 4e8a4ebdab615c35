/**
 * Runs the whole pipeline (read, clean, annotate, store, link, stories) over the bundled
 * sample corpus in an in-memory store, once per test process, for the end-to-end tests.
 */
import { openSqliteStore } from "../src/store/sqlite.js";
import { ingestPaths } from "../src/engine/ingest.js";
import { loadAll, relinkStore } from "../src/engine/link.js";
import type { Story } from "../src/story/types.js";
import type { StoryInput } from "../src/story/input.js";

export const SAMPLE_DIR = "examples/zhai-doha";
/** The sample articles by file-name prefix. */
export const FILES = {
  doha: "000_d0bb359a1e8de23b.txt",
  call: "001_d8f34066c974cf41.txt",
  rewrite: "002_cfcae6333fdf9c5b.txt",
  reuters: "003_bdc864ace7bdc83f.txt",
  blog: "004_8cfa123a066b258c.txt",
} as const;

export interface SampleRun {
  items: StoryInput[];
  stories: Story[];
  byFile(name: string): StoryInput;
}

let cached: Promise<SampleRun> | undefined;

export function runSample(): Promise<SampleRun> {
  cached ??= (async () => {
    const store = openSqliteStore(":memory:");
    await ingestPaths(store, [SAMPLE_DIR]);
    relinkStore(store, { generatedAt: "2026-01-01T00:00:00.000Z" });
    const items = loadAll(store);
    const stories = store.listStories().map((s) => store.getStory(s.id)!.json as Story);
    store.close();
    return {
      items,
      stories,
      byFile(name: string) {
        const it = items.find((i) => i.article.source.path?.endsWith(name));
        if (!it) throw new Error(`sample article ${name} not ingested`);
        return it;
      },
    };
  })();
  return cached;
}
