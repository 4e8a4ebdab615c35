/**
 * Benchmark runner for story/event clustering (ECB+ format, see ../shared/bench/README.md).
 * Reads JSON Lines `{id, title?, text, published?|date?}` from a file or stdin and prints
 * `{id, cluster}` lines, using the same StoryClusterer code path as the product (clusterDocs).
 *
 *   node ../shared/bench/score/clustering.mjs inputs ../shared/bench/clustering-ecbplus > /tmp/c-in.jsonl
 *   npx tsx scripts/bench-cluster.ts /tmp/c-in.jsonl > /tmp/c-pred.jsonl
 *   node ../shared/bench/score/clustering.mjs score ../shared/bench/clustering-ecbplus /tmp/c-pred.jsonl
 *
 * Flags: --level story|event (default event), --story-threshold X, --event-threshold X, --merge-threshold X,
 * --halves GOLD (the benchmark's docs-dev.jsonl: also prints pair P/R/F1 on odd and even topics to stderr,
 * to tune on one half and check on the other).
 *
 * Throughput: `npx tsx scripts/bench-cluster.ts --throughput N [DIR]` adds N articles one at a time to a
 * StoryClusterer (the timeline-t17 articles in date order; beyond its 4,625 articles, copies shifted by
 * 400 days a round, with a fifth of their sentences dropped and some capitalised words renamed) and
 * prints the rate per slice of the stream, to check that the cost of an add stays flat as the archive grows.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { StoryClusterer, clusterDocs, type ClusterOptions } from "../src/link/cluster.js";
import type { LinkDoc } from "../src/link/types.js";

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Share of sentences a synthetic copy drops, and of capitalised words it renames. */
const DROP_SENTENCE = 0.2;
const RENAME_WORD = 0.4;

function throughput(total: number, dir: string): void {
  const base: LinkDoc[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".jsonl.gz")).sort()) {
    for (const l of gunzipSync(readFileSync(join(dir, f))).toString("utf8").split("\n")) {
      if (!l.trim()) continue;
      const r = JSON.parse(l) as { id: string; text: string; date: string };
      base.push({ id: r.id, text: r.text, published: r.date });
    }
  }
  let seed = 1;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const docs: LinkDoc[] = [];
  for (let k = 0; docs.length < total && base.length; k++) {
    for (const d of base) {
      if (docs.length >= total) break;
      if (k === 0) {
        docs.push(d);
        continue;
      }
      const names = new Map<string, string>();
      const text = d.text
        .split(/(?<=[.!?])\s+/)
        .filter(() => rnd() > DROP_SENTENCE)
        .join(" ")
        .replace(/\b[A-Z][a-z]{3,}\b/g, (w) => {
          if (!names.has(w)) names.set(w, rnd() < RENAME_WORD ? `${w}ov${k}` : w);
          return names.get(w)!;
        });
      const day = new Date(Date.parse(d.published!) + k * 400 * 86_400_000).toISOString().slice(0, 10);
      docs.push({ id: `${d.id}#${k}`, text, published: day });
    }
  }
  docs.sort((a, b) => (a.published! < b.published! ? -1 : a.published! > b.published! ? 1 : a.id < b.id ? -1 : 1));
  const c = new StoryClusterer();
  const slice = Math.max(1, Math.ceil(docs.length / 5));
  const t0 = performance.now();
  let last = t0;
  for (let i = 0; i < docs.length; i++) {
    c.add(docs[i]);
    if ((i + 1) % slice === 0 || i + 1 === docs.length) {
      const now = performance.now();
      const count = (i % slice) + 1;
      process.stdout.write(`articles ${i + 1}: ${(count / ((now - last) / 1000)).toFixed(0)}/s\n`);
      last = now;
    }
  }
  const s = (performance.now() - t0) / 1000;
  process.stdout.write(`total ${docs.length} articles in ${s.toFixed(1)} s = ${(docs.length / s).toFixed(0)}/s, ${c.stories().length} stories\n`);
}

/** Pairwise precision, recall and F1 of `pred` against gold clusters, over the pairs of `ids`. */
function pairScore(ids: string[], gold: Map<string, string>, pred: Map<string, string | undefined>): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const g = gold.get(ids[i]) === gold.get(ids[j]);
      const p = pred.get(ids[i]) !== undefined && pred.get(ids[i]) === pred.get(ids[j]);
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return `pair F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)} P ${p.toFixed(3)} R ${r.toFixed(3)}`;
}

/** Scores on odd and even topics of an ECB+ gold file (`{doc_id, topic, subtopic}` lines). */
function halves(goldFile: string, pred: Map<string, string | undefined>): void {
  const rows = readFileSync(goldFile, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { doc_id: string; topic: number; subtopic: string });
  const gold = new Map(rows.map((r) => [r.doc_id, r.subtopic]));
  for (const [name, odd] of [["odd", 1], ["even", 0]] as const) {
    const ids = rows.filter((r) => r.topic % 2 === odd && pred.has(r.doc_id)).map((r) => r.doc_id);
    process.stderr.write(`${name} topics: ${pairScore(ids, gold, pred)} (${ids.length} docs)\n`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const tp = flag(args, "--throughput");
  if (tp !== undefined) {
    const dir = args.find((a, i) => i > 0 && !a.startsWith("--") && args[i - 1] !== "--throughput") ?? "../shared/bench/timeline-t17/articles";
    throughput(Number(tp), dir);
    return;
  }
  const file = args.find((a, i) => !a.startsWith("--") && (i === 0 || !args[i - 1].startsWith("--")));
  const input = readFileSync(file ?? 0, "utf8");
  const docs: LinkDoc[] = input
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as { id: string | number; title?: string; text: string; published?: string; date?: string };
      return { id: String(r.id), title: r.title, text: r.text, published: r.published ?? r.date };
    });
  const num = (n: string) => (flag(args, n) !== undefined ? Number(flag(args, n)) : undefined);
  const opts: ClusterOptions = { storyThreshold: num("--story-threshold"), eventThreshold: num("--event-threshold"), storyMergeThreshold: num("--merge-threshold") };
  for (const k of Object.keys(opts) as (keyof ClusterOptions)[]) if (opts[k] === undefined) delete opts[k];
  const level = flag(args, "--level") === "story" ? "story" : "event";
  const t0 = performance.now();
  const clusters = clusterDocs(docs, level, opts);
  const ms = performance.now() - t0;
  const out: string[] = [];
  for (const d of docs) out.push(JSON.stringify({ id: d.id, cluster: clusters.get(d.id) }));
  process.stdout.write(out.join("\n") + "\n");
  process.stderr.write(`clustered ${docs.length} docs into ${new Set(clusters.values()).size} ${level} clusters in ${ms.toFixed(0)} ms\n`);
  const gold = flag(args, "--halves");
  if (gold) halves(gold, clusters);
}

main();
