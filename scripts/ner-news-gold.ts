/**
 * Builds bench/ner-news/gold.jsonl from hand-annotated copies of the articles: each
 * `ann/ID.txt` is `docs/ID.txt` with `<PER>..</PER>`, `<ORG>`, `<LOC>`, `<MISC>` tags
 * (bench/ner-news/GUIDELINES.md), `docs.json` lists `{id, src}` with src
 * `tempeval3:SOURCE_ID`, `ecbplus:SOURCE_ID` or `t17:ARTICLE_ID`. Within each source, documents in id order
 * alternate dev, test.
 *
 * With --train, every document is a training document (bench/ner-news/train.jsonl, read by
 * scripts/train-ner.ts): src is `summaries-neus:CLUSTER/ARTICLE`, `timeline-semeval2015:CORPUS/DOC`,
 * `extraction-zyte:PAGE` or `clustering-ecbplus:DOC` (ECB+ documents of the sub-topic the dev and test
 * articles do not come from; texts as scripts/ner-news-texts.ts rebuilds them; the folder's
 * docs/ID.txt must be exactly those texts, which is checked).
 *
 * Usage: npx tsx scripts/ner-news-gold.ts --from DIR [--out bench/ner-news/gold.jsonl]
 *        npx tsx scripts/ner-news-gold.ts --train --from DIR [--out bench/ner-news/train.jsonl]
 */
import { type TaggedSpan, untag } from "./ner-tags.js";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { newsTexts } from "./ner-news-texts.js";

const arg = (name: string, fallback?: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (!v) throw new Error(`--${name} is required`);
  return v;
};
const FROM = arg("from");
const TRAIN = process.argv.includes("--train");
const OUT = arg("out", TRAIN ? "bench/ner-news/train.jsonl" : "bench/ner-news/gold.jsonl");
/** The training documents' sources (bench folders of ../shared/bench). */
const TRAIN_SOURCES = ["summaries-neus", "timeline-semeval2015", "extraction-zyte", "clustering-ecbplus"];
const SOURCES: Record<string, string> = { tempeval3: "timex-tempeval3", ecbplus: "clustering-ecbplus", t17: "timeline-t17" };

type Span = TaggedSpan;

/** The tagged file's spans, checked against the source text. */
function spans(id: string): Span[] {
  const src = readFileSync(join(FROM, "docs", `${id}.txt`), "utf8");
  const read = untag(readFileSync(join(FROM, "ann", `${id}.txt`), "utf8"), id);
  if (read.text !== src) throw new Error(`${id}: the tagged text differs from docs/${id}.txt`);
  return read.entities;
}

const docs = JSON.parse(readFileSync(join(FROM, "docs.json"), "utf8")) as { id: string; src: string }[];
const lines: string[] = [];
if (TRAIN) {
  const shared = resolve("..", "shared", "bench");
  for (const source of TRAIN_SOURCES) {
    const texts = newsTexts(shared, source);
    for (const d of docs.filter((x) => x.src.startsWith(`${source}:`)).sort((a, b) => a.id.localeCompare(b.id))) {
      const sourceId = d.src.slice(source.length + 1);
      if (texts.get(sourceId)?.text !== readFileSync(join(FROM, "docs", `${d.id}.txt`), "utf8")) throw new Error(`${d.id}: docs/${d.id}.txt is not the text of ${d.src}`);
      if (!existsSync(join(FROM, "ann", `${d.id}.txt`))) {
        console.log(`${d.id}: not annotated, left out`);
        continue;
      }
      lines.push(JSON.stringify({ id: d.id, source, sourceId, split: "train", entities: spans(d.id) }));
    }
  }
}
for (const source of TRAIN ? [] : Object.keys(SOURCES)) {
  const these = docs.filter((d) => d.src.startsWith(`${source}:`)).sort((a, b) => a.id.localeCompare(b.id));
  these.forEach((d, i) => {
    const sourceId = d.src.slice(source.length + 1);
    lines.push(JSON.stringify({ id: d.id, source: SOURCES[source], sourceId, split: i % 2 ? "test" : "dev", entities: spans(d.id) }));
  });
}
writeFileSync(OUT, lines.join("\n") + "\n");
console.log(`${lines.length} documents -> ${OUT}`);
