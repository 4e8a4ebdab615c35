/**
 * Builds bench/ner-sports/{gold,train}.jsonl from tagged copies of the sports wire stories (bench/ner-sports/README.md).
 *
 * A tagged copy `DIR/ann/ID.txt` is the story `DIR/docs/ID.txt` with inline tags (`<ORG>Leeds</ORG> beat ...`); the
 * tags are taken out, the text is checked against the story, and one line `{id, source, split, text,
 * entities: [{start, end, type, text}]}` is written per story, in id order (`source`: "sports", or --source NAME). The stories were written for this project,
 * so the texts are kept in the file (unlike the news set's, which stay in ../shared/bench).
 *
 *   npx tsx scripts/ner-sports-gold.ts --from DIR --out FILE --split PREFIX=SPLIT[,PREFIX=SPLIT...]
 *   e.g. --from /work/sportsner --out bench/ner-sports/gold.jsonl --split w2_=dev,w1_=test
 *        --from /work/sportstrain --out bench/ner-sports/train.jsonl --split s=train
 *        --from /work/newstrain --out bench/ner-news/written.jsonl --split b=train --source written-news
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { untag } from "./ner-tags.js";

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (!v) throw new Error(`--${name} is required (see the usage at the top of scripts/ner-sports-gold.ts)`);
  return v;
}

function main(): void {
  const dir = arg("from");
  const out = arg("out");
  const source = process.argv.includes("--source") ? arg("source") : "sports";
  const splits = arg("split").split(",").map((p) => p.split("=") as [string, string]);
  const lines: string[] = [];
  let spans = 0;
  for (const file of readdirSync(join(dir, "ann")).filter((f) => f.endsWith(".txt")).sort()) {
    const id = file.slice(0, -4);
    const split = splits.find(([prefix]) => id.startsWith(prefix))?.[1];
    if (!split) continue;
    const { text, entities } = untag(readFileSync(join(dir, "ann", file), "utf8"), id);
    const story = readFileSync(join(dir, "docs", file), "utf8");
    if (text !== story) throw new Error(`${id}: the tagged copy's text differs from docs/${file}`);
    lines.push(JSON.stringify({ id, source, split, text, entities }));
    spans += entities.length;
  }
  writeFileSync(out, lines.join("\n") + "\n");
  console.log(`${out}: ${lines.length} stories, ${spans} spans`);
}

try {
  main();
} catch (e) {
  console.error(`ner-sports-gold: ${(e as Error).message}`);
  process.exit(1);
}
