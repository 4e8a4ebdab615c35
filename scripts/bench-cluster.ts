/**
 * Benchmark runner for story/event clustering (ECB+ format, see ../shared/bench/README.md).
 * Reads JSON Lines `{id, title?, text, published?|date?}` from a file or stdin and prints
 * `{id, cluster}` lines, using the same StoryClusterer code path as the product (clusterDocs).
 *
 *   node ../shared/bench/score/clustering.mjs inputs ../shared/bench/clustering-ecbplus > /tmp/c-in.jsonl
 *   npx tsx scripts/bench-cluster.ts /tmp/c-in.jsonl > /tmp/c-pred.jsonl
 *   node ../shared/bench/score/clustering.mjs score ../shared/bench/clustering-ecbplus /tmp/c-pred.jsonl
 *
 * Flags: --level story|event (default event), --story-threshold X, --event-threshold X, --merge-threshold X.
 */
import { readFileSync } from "node:fs";
import { clusterDocs, type ClusterOptions } from "../src/link/cluster.js";
import type { LinkDoc } from "../src/link/types.js";

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(): void {
  const args = process.argv.slice(2);
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
}

main();
