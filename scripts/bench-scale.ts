/**
 * The scale benchmark (`npm run bench -- scale [--full] [--quick]`): does the cost per article of
 * linking stay flat as the archive grows? On corpora of 1k, 4.6k (all of T17), 10k and 100k
 * articles built by scripts/make-scale-corpus.ts from the T17 articles (syndicated copies,
 * rewrites, follow-ups and new events shifted in time with other actors; seeded, so every run
 * reads the same corpora), it measures through the CLI, one process each:
 *
 * 1. `parallax cluster --level story` (the clustering code the store's stories use) on every size:
 *    seconds, articles per second, milliseconds per article, peak RSS, stories found;
 * 2. `parallax --db X analyze` (read, clean, annotate, store, link, report) on 1k and 10k, and on
 *    100k with `--full` (about half an hour: annotation dominates; given as a folder of 10 files of 10k
 *    lines, since one 590 MB file is over the CLI's input cap): total seconds, the ingest stage's
 *    and the link stage's own seconds (from the CLI's "ingested ... (Xs)" and "linked ... (Xs)" lines);
 * 3. `parallax --db X ingest` of the 10k corpus in 10 successive batches of 1k into one store (an
 *    archive fed day by day): each batch's seconds, ingest-stage and link-stage seconds, stories
 *    written (with incremental linking only the touched ones), which should all stay flat;
 * 4. `parallax --db X relink` on one core (pinned with `taskset -c 0` where Linux has it) over the
 *    stores the analyze part left (10k, and 100k when its store is there): the whole link from scratch
 *    (duplicates, clustering, rewrites, reports), the issue's "100k articles linked in under 10 minutes
 *    on one core". Not in the default parts (`--parts relink`).
 *
 * `--quick` leaves out the 100k clustering run; `--parts analyze,batch` runs only those parts (cluster,
 * analyze, batch); rows of the previous bench/results.json that this run does not measure again are
 * kept (with the figures they had); `--batch-size N` changes the batch size (quick checks); a run longer
 * than `--run-timeout SECONDS` (default {@link RUN_TIMEOUT_S}) is stopped and recorded as failed. Rows
 * are also written as they come to .bench/scale.partial.json, so an interrupted run leaves its figures. Peak RSS is the child's own (`process.resourceUsage()`
 * at exit, printed by the CLI under PARALLAX_RUSAGE). Annotation runs in-thread (no workers), so every
 * figure is one core's.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Result } from "./bench.js";
import { HEAP_FLAGS, heapEnv } from "../src/cli/heap.js";
import { DEFAULT_SEED, makeScaleCorpus, readBase, writeCorpus, type CorpusStats, type ScaleArticle } from "./make-scale-corpus.js";

const NEWLINE = Buffer.from("\n");

/** Corpus sizes for the clustering runs (4,625 = all of T17). */
export const CLUSTER_SIZES = [1000, 4625, 10000, 100000];
/** Corpus sizes for the full ingest-and-link runs; FULL_SIZE joins them with --full. */
export const ANALYZE_SIZES = [1000, 10000];
export const FULL_SIZE = 100000;
/** Corpora larger than this many articles are given to `analyze` as a folder of files of this many lines. */
export const PART_ARTICLES = 10000;
/** Successive batches ingested into one store, and their size. */
export const BATCHES = 10;
export const BATCH_SIZE = 1000;
/** The parts of the benchmark, in the order they run; `relink` only when asked for. */
export const PARTS = ["cluster", "analyze", "batch", "relink"];
const DEFAULT_PARTS = ["cluster", "analyze", "batch"];
/** Default wall-clock limit of one CLI run, seconds (a 100k analyze takes about half an hour on a quiet core). */
export const RUN_TIMEOUT_S = 3600;
/** Bump when make-scale-corpus.ts changes what it writes: cached corpora are named after it. */
export const CORPUS_VERSION = 1;

/** One measured run. */
export interface ScaleRow {
  /** "cluster", "analyze", "batch" or "relink". */
  stage: string;
  /** Corpus size (articles given), or the batch number for "batch". */
  label: string;
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  msPerArticle: number;
  /** The child's CPU seconds (user + system) and per article: what one core spends, whatever else runs. */
  cpuSeconds?: number;
  cpuMsPerArticle?: number;
  peakMemoryMb?: number;
  /** Stories found (cluster: distinct story ids; analyze/batch: stories in the store). */
  stories?: number;
  /** Stories (re)written by the link stage (incremental linking writes only the touched ones). */
  storiesWritten?: number;
  /** Articles stored (new) by analyze or a batch. */
  stored?: number;
  /** The ingest stage's own seconds (read, clean, annotate, store). */
  ingestSeconds?: number;
  /** The link stage's own seconds from the CLI's "linked ... (Xs)" line (else, for a batch, the command's seconds beyond ingest). */
  linkSeconds?: number;
  /** Cores the run was held to (relink: 1 when pinned with taskset). */
  cores?: number;
  error?: string;
}

/** The scale benchmark's result: the usual figures plus every run's row. */
export interface ScaleResult extends Result {
  rows: ScaleRow[];
  corpora: Record<string, CorpusStats>;
}

export interface ScaleOptions {
  root: string;
  /** Working folder (.bench): corpora, stores and outputs go there. */
  work: string;
  /** dist/src/cli/main.js */
  cli: string;
  full?: boolean;
  quick?: boolean;
  /** Parts to run (default all of {@link PARTS}); rows not measured again come from `previous`. */
  parts?: string[];
  /** The previous scale result (bench/results.json), whose rows are kept unless measured again. */
  previous?: ScaleResult;
  runTimeoutS?: number;
  /** Articles per batch (default {@link BATCH_SIZE}); smaller for a quick check of the batch series. */
  batchSize?: number;
  log?: (line: string) => void;
}

interface RunOut {
  seconds: number;
  cpuSeconds?: number;
  maxRssMb?: number;
  stderr: string;
  error?: string;
}

/** Runs the CLI with stdout to a file; the child's peak RSS comes from PARALLAX_RUSAGE. A failure is returned, not thrown. */
function runCli(root: string, args: string[], stdout: string | undefined, timeoutS: number, pin?: string[]): RunOut {
  const outFd = stdout ? openSync(stdout, "w") : "ignore";
  const cpuBefore = childCpuSeconds();
  const started = performance.now();
  // The heap flags the CLI would restart itself with, given directly: one process, which the timeout can kill.
  const [cmd, ...cmdArgs] = [...(pin ?? []), process.execPath, ...HEAP_FLAGS, ...args];
  const r = spawnSync(cmd, cmdArgs, {
    cwd: root,
    stdio: ["ignore", outFd, "pipe"],
    env: { ...heapEnv(process.env), PARALLAX_RUSAGE: "1", PARALLAX_ANNOTATE_WORKERS: "0" },
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutS * 1000,
    killSignal: "SIGKILL",
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = childCpuSeconds();
  const cpuSeconds = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  if (typeof outFd === "number") closeSync(outFd);
  const stderr = r.stderr?.toString() ?? "";
  const m = /PARALLAX_RUSAGE (\{.*\})/.exec(stderr);
  const maxRssMb = m ? Math.round((JSON.parse(m[1]).maxRSS as number) / 1024) : undefined;
  const error = r.signal === "SIGKILL" && seconds >= timeoutS
    ? `stopped after ${timeoutS}s (--run-timeout)`
    : r.error
    ? r.error.message
    : r.status !== 0 && r.status !== 1
      ? `exited ${r.status ?? r.signal}: ${stderr.replace(/PARALLAX_RUSAGE .*/, "").trim().slice(-300)}`
      : undefined;
  return { seconds, cpuSeconds, maxRssMb, stderr, error };
}

/** Clock ticks per second of /proc/PID/stat times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * CPU seconds (user + system) of this process's finished, waited-for children (Linux
 * /proc/self/stat cutime + cstime); undefined elsewhere. The difference around a run is the
 * child's own CPU time, which, unlike wall time, does not grow when other work shares the cores.
 */
function childCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields after the command name start at field 3 (state): cutime is field 16, cstime 17
    return (Number(f[16 - 3]) + Number(f[17 - 3])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

function row(stage: string, label: string, articles: number, r: RunOut, extra: Partial<ScaleRow> = {}): ScaleRow {
  return {
    stage,
    label,
    articles,
    seconds: r1(r.seconds),
    articlesPerSecond: Math.round(articles / r.seconds),
    msPerArticle: r3((r.seconds * 1000) / articles),
    ...(r.cpuSeconds !== undefined ? { cpuSeconds: r1(r.cpuSeconds), cpuMsPerArticle: r3((r.cpuSeconds * 1000) / articles) } : {}),
    peakMemoryMb: r.maxRssMb,
    ...extra,
    ...(r.error ? { error: r.error } : {}),
  };
}

/** "ingested 1000 input(s): 998 new, ... (12.3s)" -> new articles and seconds. */
function ingestLine(stderr: string): { stored?: number; ingestSeconds?: number } {
  const m = /ingested \d+ input\(s\): (\d+) new.*\(([\d.]+)s\)/.exec(stderr);
  return m ? { stored: Number(m[1]), ingestSeconds: Number(m[2]) } : {};
}

/**
 * The CLI's link line -> stories, stories written and seconds: "linked N article(s) into S story(ies), ... (Xs)"
 * (a full link) or "linked N new article(s) (M in all) into S story(ies), W written; ... (Xs)" (incremental).
 */
function linkLine(stderr: string): { stories?: number; storiesWritten?: number; linkSeconds?: number } {
  const m = /^linked .*? into (\d+) stor[^\n]*\(([\d.]+)s\)\s*$/m.exec(stderr);
  if (!m) return {};
  const w = /(\d+) written/.exec(m[0]);
  return { stories: Number(m[1]), linkSeconds: Number(m[2]), ...(w ? { storiesWritten: Number(w[1]) } : {}) };
}

/** The corpus of `size` articles, generated once and cached under the work folder. */
function corpus(o: ScaleOptions, base: ScaleArticle[], size: number, stats: Record<string, CorpusStats>): string {
  const path = join(o.work, `scale-v${CORPUS_VERSION}-s${DEFAULT_SEED}-${size}.jsonl`);
  const statsPath = `${path}.stats.json`;
  if (!existsSync(path) || !existsSync(statsPath)) {
    const made = makeScaleCorpus(base, size, DEFAULT_SEED);
    writeCorpus(path, made.articles);
    writeFileSync(statsPath, JSON.stringify(made.stats));
  }
  stats[String(size)] = JSON.parse(readFileSync(statsPath, "utf8")) as CorpusStats;
  return path;
}

/**
 * A corpus of more than PART_ARTICLES articles as a folder of files of PART_ARTICLES lines each (written once), as
 * an archive arrives: one file of the 100k corpus (590 MB) is over the CLI's input size cap. Smaller ones as they are.
 */
function inParts(file: string, size: number): string {
  if (size <= PART_ARTICLES) return file;
  const dir = `${file}.parts`;
  const done = join(dir, ".complete");
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // read as bytes, line by line: the file is larger than the longest string V8 allows
  const fd = openSync(file, "r");
  const buf = Buffer.alloc(1 << 24);
  let lines: Buffer[] = [];
  let rest: Buffer = Buffer.alloc(0);
  let k = 0;
  const flush = () => {
    if (!lines.length) return;
    writeFileSync(join(dir, `part-${String(k++).padStart(3, "0")}.jsonl`), Buffer.concat(lines.flatMap((l) => [l, NEWLINE])));
    lines = [];
  };
  for (let n: number; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) {
    let chunk = Buffer.concat([rest, buf.subarray(0, n)]);
    for (let nl: number; (nl = chunk.indexOf(10)) >= 0; chunk = chunk.subarray(nl + 1)) {
      if (nl > 0) lines.push(Buffer.from(chunk.subarray(0, nl)));
      if (lines.length === PART_ARTICLES) flush();
    }
    rest = Buffer.from(chunk);
  }
  closeSync(fd);
  if (rest.length) lines.push(rest);
  flush();
  writeFileSync(done, "");
  return dir;
}

/** Whether `taskset` (util-linux) can pin a child to one core here. */
function hasTaskset(): boolean {
  return process.platform === "linux" && spawnSync("taskset", ["-c", "0", "true"]).status === 0;
}

function freshDb(path: string): void {
  for (const ext of ["", "-wal", "-shm"]) rmSync(path + ext, { force: true });
}

/** Runs the scale benchmark (see the module doc). `.bench/t17.jsonl` must exist (the throughput bench writes it). */
export function scaleBench(o: ScaleOptions): ScaleResult {
  const log = o.log ?? (() => {});
  const started = performance.now();
  const base = readBase(join(o.work, "t17.jsonl"));
  const corpora: Record<string, CorpusStats> = {};
  const parts = o.parts?.length ? o.parts : DEFAULT_PARTS;
  const timeout = o.runTimeoutS ?? RUN_TIMEOUT_S;
  // previous rows stay unless this run measures the same stage and size again
  const rows: ScaleRow[] = [...(o.previous?.rows ?? [])];
  Object.assign(corpora, o.previous?.corpora ?? {});
  const partial = join(o.work, "scale.partial.json");
  const add = (r: ScaleRow) => {
    const at = rows.findIndex((x) => x.stage === r.stage && x.label === r.label);
    if (at >= 0) rows.splice(at, 1);
    rows.push(r);
    writeFileSync(partial, `${JSON.stringify(rows, null, 2)}\n`);
    log(`scale ${r.stage} ${r.label}: ${r.articles} articles, ${r.seconds}s, ${r.articlesPerSecond}/s, ${r.msPerArticle} ms/article, ${r.cpuSeconds ?? "?"} CPU s, ${r.peakMemoryMb ?? "?"} MB${r.stories !== undefined ? `, ${r.stories} stories` : ""}${r.linkSeconds !== undefined ? `, link ${r.linkSeconds}s` : ""}${r.error ? `, ERROR ${r.error}` : ""}`);
  };

  for (const size of parts.includes("cluster") ? CLUSTER_SIZES.filter((s) => !o.quick || s < FULL_SIZE) : []) {
    const file = corpus(o, base, size, corpora);
    const pred = join(o.work, `scale-cluster-${size}.pred.jsonl`);
    const r = runCli(o.root, [o.cli, "--quiet", "cluster", "--level", "story", file], pred, timeout);
    const stories = r.error ? undefined : new Set(readFileSync(pred, "utf8").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { cluster: string }).cluster)).size;
    add(row("cluster", String(size), size, r, { stories }));
  }

  for (const size of parts.includes("analyze") ? [...ANALYZE_SIZES, ...(o.full ? [FULL_SIZE] : [])] : []) {
    const file = inParts(corpus(o, base, size, corpora), size);
    const db = join(o.work, `scale-${size}.db`);
    freshDb(db);
    const r = runCli(o.root, [o.cli, "--db", db, "analyze", file, "--format", "json", "--top", "1", "--out", join(o.work, `scale-${size}.report.json`)], undefined, timeout);
    const ing = ingestLine(r.stderr);
    // a run that stored nothing measured nothing (an input refused, say): a failure, with the CLI's words
    if (!r.error && !ing.stored) r.error = `stored no article: ${r.stderr.replace(/PARALLAX_RUSAGE .*/, "").trim().split("\n")[0]?.slice(0, 300)}`;
    add(row("analyze", String(size), size, r, { ...ing, ...linkLine(r.stderr) }));
  }

  // successive batches of the 10k corpus (publication order) into one store
  const batches = parts.includes("batch");
  const batchSize = o.batchSize ?? BATCH_SIZE;
  const all = batches ? readFileSync(corpus(o, base, BATCHES * batchSize, corpora), "utf8").split("\n").filter(Boolean) : [];
  const db = join(o.work, "scale-batches.db");
  if (batches) {
    freshDb(db);
    for (let i = rows.length - 1; i >= 0; i--) if (rows[i].stage === "batch") rows.splice(i, 1); // one store's series
  }
  for (let b = 0; batches && b < BATCHES; b++) {
    const file = join(o.work, `scale-batch-${b + 1}.jsonl`);
    writeFileSync(file, `${all.slice(b * batchSize, (b + 1) * batchSize).join("\n")}\n`);
    const r = runCli(o.root, [o.cli, "--db", db, "ingest", file], undefined, timeout);
    const ing = ingestLine(r.stderr);
    const link = linkLine(r.stderr);
    const old = /(\d+) article\(s\) in (\d+) stor/.exec(r.stderr); // the ingest command's line before it printed link times
    add(
      row("batch", String(b + 1), batchSize, r, {
        ...ing,
        stories: link.stories ?? (old ? Number(old[2]) : undefined),
        ...link,
        linkSeconds: link.linkSeconds ?? (ing.ingestSeconds !== undefined ? r1(r.seconds - ing.ingestSeconds) : undefined),
      }),
    );
  }

  // the whole link again on the analyze part's stores, held to one core where taskset is there
  const pin = hasTaskset() ? ["taskset", "-c", "0"] : undefined;
  for (const size of parts.includes("relink") ? [...ANALYZE_SIZES.filter((n) => n >= BATCHES * BATCH_SIZE), FULL_SIZE] : []) {
    const db = join(o.work, `scale-${size}.db`);
    if (!existsSync(db)) {
      if (size !== FULL_SIZE) log(`scale relink ${size}: no store at ${db} (run the analyze part first)`);
      continue;
    }
    const r = runCli(o.root, [o.cli, "--db", db, "relink"], undefined, timeout, pin);
    const link = linkLine(r.stderr);
    add(row("relink", String(size), size, r, { ...link, cores: pin ? 1 : undefined }));
  }

  rows.sort((a, b) => PARTS.indexOf(a.stage) - PARTS.indexOf(b.stage) || a.articles - b.articles || Number(a.label) - Number(b.label));
  const ok = (stage: string) => rows.filter((r) => r.stage === stage && !r.error);
  const figures: Record<string, number | string> = {};
  for (const r of ok("cluster")) {
    const k = `cluster${r.articles >= 1000 ? `${r1(r.articles / 1000)}k` : r.articles}`;
    figures[`${k}PerSecond`] = r.articlesPerSecond;
    if (r.cpuSeconds !== undefined) figures[`${k}CpuSeconds`] = r.cpuSeconds;
    figures[`${k}PeakMb`] = r.peakMemoryMb ?? NaN;
  }
  // cost per article at the largest size over the cost at 10k (the 1k run is dominated by start-up)
  const cl = ok("cluster");
  const ref = cl.find((r) => r.articles === BATCHES * BATCH_SIZE);
  const big = cl[cl.length - 1];
  if (ref && big !== ref) figures.clusterCostRatio = r3((big.cpuMsPerArticle ?? big.msPerArticle) / (ref.cpuMsPerArticle ?? ref.msPerArticle));
  for (const r of ok("analyze")) {
    const k = `analyze${r1(r.articles / 1000)}k`;
    figures[`${k}PerSecond`] = r.articlesPerSecond;
    if (r.linkSeconds !== undefined) figures[`${k}LinkSeconds`] = r.linkSeconds;
    figures[`${k}PeakMb`] = r.peakMemoryMb ?? NaN;
  }
  const bs = ok("batch");
  if (bs.length) {
    figures.batchFirstSeconds = bs[0].seconds;
    figures.batchLastSeconds = bs[bs.length - 1].seconds;
    if (bs[0].linkSeconds !== undefined && bs[bs.length - 1].linkSeconds !== undefined) {
      figures.batchFirstLinkSeconds = bs[0].linkSeconds!;
      figures.batchLastLinkSeconds = bs[bs.length - 1].linkSeconds!;
    }
  }
  for (const r of ok("relink")) {
    const k = `relink${r1(r.articles / 1000)}k`;
    figures[`${k}Seconds`] = r.seconds;
    if (r.cpuSeconds !== undefined) figures[`${k}CpuSeconds`] = r.cpuSeconds;
    figures[`${k}PeakMb`] = r.peakMemoryMb ?? NaN;
    figures[`${k}Cores`] = r.cores ?? "all";
  }
  const failed = rows.filter((r) => r.error).length;
  if (failed) figures.failedRuns = failed;
  const peak = Math.max(0, ...rows.map((r) => r.peakMemoryMb ?? 0));
  return {
    name: "scale",
    command: `parallax cluster --level story scale-N.jsonl (N = ${CLUSTER_SIZES.join(", ")}); parallax --db X analyze scale-N.jsonl (N = ${ANALYZE_SIZES.join(", ")}${rows.some((r) => r.stage === "analyze" && r.articles === FULL_SIZE) ? `, ${FULL_SIZE} as a folder of files of ${PART_ARTICLES / 1000}k lines` : ""}); ${BATCHES} x parallax --db X ingest batch-of-${batchSize}.jsonl${rows.some((r) => r.stage === "relink") ? "; taskset -c 0 parallax --db scale-N.db relink (one core)" : ""}`,
    figures,
    seconds: (performance.now() - started) / 1000,
    maxRssMb: peak || undefined,
    rows,
    corpora,
  };
}
