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
const TAG = /<(\/?)(PER|ORG|LOC|MISC)>/g;
const SOURCES: Record<string, string> = { tempeval3: "timex-tempeval3", ecbplus: "clustering-ecbplus", t17: "timeline-t17" };

interface Span { start: number; end: number; type: string; text: string }

/** The tagged file's spans, checked against the source text. */
function spans(id: string): Span[] {
  const src = readFileSync(join(FROM, "docs", `${id}.txt`), "utf8");
  const ann = readFileSync(join(FROM, "ann", `${id}.txt`), "utf8");
  let out = "";
  let last = 0;
  let open: { type: string; start: number } | undefined;
  const found: Span[] = [];
  for (const m of ann.matchAll(TAG)) {
    out += ann.slice(last, m.index);
    last = m.index! + m[0].length;
    if (!m[1]) {
      if (open) throw new Error(`${id}: nested <${m[2]}> at ${m.index}`);
      open = { type: m[2]!, start: out.length };
    } else {
      if (open?.type !== m[2]) throw new Error(`${id}: unmatched </${m[2]}> at ${m.index}`);
      found.push({ start: open.start, end: out.length, type: open.type, text: out.slice(open.start) });
      open = undefined;
    }
  }
  out += ann.slice(last);
  if (open || out !== src) throw new Error(`${id}: the tagged text differs from docs/${id}.txt`);
  return found;
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
