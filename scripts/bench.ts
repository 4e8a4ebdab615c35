/**
 * `npm run bench`: runs every benchmark of ../shared/bench through Parallax's CLI (the same
 * commands a user runs), scores it with the benchmark's own scorer, measures end-to-end
 * throughput on the T17 corpus, writes bench/results.json and docs/BENCHMARKS.md, and
 * checks each figure against the floors in bench/baseline.json.
 *
 *   npm run bench                      # all benchmarks
 *   npm run bench -- timex quotes      # some of them
 *   npm run bench -- --raise-floors    # after an improvement: raise floors to the new figures
 *   npm run bench -- scale [--quick|--full] [--parts cluster,analyze,batch,relink]  # linking at 1k-100k articles (long; not in the default set)
 *
 * Floors are never lowered by this script; lowering one is a deliberate edit of baseline.json.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderBenchmarks } from "./bench-report.js";
import { scaleBench } from "./bench-scale.js";
import { tokenize } from "../src/nlp/tokenize.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SHARED = resolve(ROOT, "..", "shared", "bench");
const WORK = join(ROOT, ".bench");
const CLI = join(ROOT, "dist", "src", "cli", "main.js");
const RESULTS = join(ROOT, "bench", "results.json");
const BASELINE = join(ROOT, "bench", "baseline.json");
const DOC = join(ROOT, "docs", "BENCHMARKS.md");

export type Figures = Record<string, number | string>;
export interface Result {
  name: string;
  command: string;
  figures: Figures;
  /** Wall seconds of the Parallax command. */
  seconds: number;
  maxRssMb?: number;
}

interface RunOut {
  seconds: number;
  maxRssMb?: number;
  stderr: string;
}

/** Runs a command with stdin/stdout redirected to files; reads the child's peak memory from PARALLAX_RUSAGE. */
function run(args: string[], io: { stdin?: string; stdout?: string } = {}, node = true): RunOut {
  const inFd = io.stdin ? openSync(io.stdin, "r") : "ignore";
  const outFd = io.stdout ? openSync(io.stdout, "w") : "ignore";
  const started = performance.now();
  const r = spawnSync(node ? process.execPath : args[0], node ? args : args.slice(1), {
    cwd: ROOT,
    stdio: [inFd, outFd, "pipe"],
    env: { ...process.env, PARALLAX_RUSAGE: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (typeof inFd === "number") closeSync(inFd);
  if (typeof outFd === "number") closeSync(outFd);
  const stderr = r.stderr?.toString() ?? "";
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} exited ${r.status}:\n${stderr.slice(-2000)}`);
  const m = /PARALLAX_RUSAGE (\{.*\})/.exec(stderr);
  const maxRssMb = m ? Math.round((JSON.parse(m[1]).maxRSS as number) / 1024) : undefined;
  return { seconds, maxRssMb, stderr };
}

/** Runs a benchmark scorer and returns its first output line (JSON). */
function score(script: string, args: string[], stdout?: string): Record<string, any> {
  const r = spawnSync(process.execPath, [join(SHARED, "score", script), ...args], { cwd: SHARED, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`scorer ${script} failed: ${r.stderr.toString().slice(-2000)}`);
  const out = r.stdout.toString();
  if (stdout) {
    writeFileSync(stdout, out);
    return {};
  }
  return JSON.parse(out.split("\n")[0]);
}

const f3 = (x: number) => Math.round(x * 1000) / 1000;
/** Articles of the T17 corpus the annotate speed benchmark reads. */
const ANNOTATE_SAMPLE = 1000;

/** A publication day stated in a URL: /2019/11/18/, -2019-11-18-, /20191118/. */
const URL_DAY = /(?:^|[/_-])((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/;

/**
 * Metadata figures on the extraction pages: how many get a title and a publication date, and, on
 * the pages whose URL states a day (the extractor never sees the URL: the pages are files), how
 * often the extracted date is that day, or within one day (time zones).
 */
function metadataFigures(predPath: string, truthPath: string): Figures {
  const truth = JSON.parse(readFileSync(truthPath, "utf8")) as Record<string, { url?: string }>;
  const pred = readFileSync(predPath, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string; title?: string; published?: string });
  let titled = 0, dated = 0, withUrlDay = 0, same = 0, near = 0;
  for (const p of pred) {
    if (p.title) titled++;
    if (p.published) dated++;
    const m = URL_DAY.exec(truth[p.id]?.url ?? "");
    if (!m) continue;
    withUrlDay++;
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    const got = p.published?.slice(0, 10);
    if (!got) continue;
    if (got === day) same++;
    if (Math.abs(Date.parse(got) - Date.parse(day)) <= 86_400_000) near++;
  }
  return {
    titleCoverage: f3(titled / pred.length),
    dateCoverage: f3(dated / pred.length),
    urlDatedPages: withUrlDay,
    dateMatchesUrl: f3(same / Math.max(1, withUrlDay)),
    dateWithinOneDay: f3(near / Math.max(1, withUrlDay)),
  };
}

const BENCHES: Record<string, () => Result> = {
  extraction() {
    const pred = join(WORK, "extraction.pred.jsonl");
    const r = run([CLI, "--quiet", "extract", join(SHARED, "extraction-zyte", "html")], { stdout: pred });
    const s = score("extraction.mjs", [join(SHARED, "extraction-zyte", "ground-truth.json"), pred]);
    const meta = metadataFigures(pred, join(SHARED, "extraction-zyte", "ground-truth.json"));
    // The same command on no pages: the process's start-up (Node, modules), a fixed cost per run, not per page.
    mkdirSync(join(WORK, "no-pages"), { recursive: true });
    const startup = run([CLI, "--quiet", "extract", join(WORK, "no-pages")], { stdout: join(WORK, "no-pages.jsonl") }).seconds;
    return {
      name: "extraction",
      command: "parallax extract ../shared/bench/extraction-zyte/html > pred.jsonl; node score/extraction.mjs extraction-zyte/ground-truth.json pred.jsonl",
      figures: { f1: f3(s.f1), precision: f3(s.precision), recall: f3(s.recall), pages: s.pages, pagesPerSecond: Math.round(s.pages / r.seconds), pagesPerSecondAfterStartup: Math.round(s.pages / Math.max(0.001, r.seconds - startup)), ...meta },
      seconds: r.seconds,
      maxRssMb: r.maxRssMb,
    };
  },
  clustering() {
    const inp = join(WORK, "clustering.in.jsonl");
    const pred = join(WORK, "clustering.pred.jsonl");
    score("clustering.mjs", ["inputs", join(SHARED, "clustering-ecbplus")], inp);
    const r = run([CLI, "--quiet", "cluster", inp], { stdout: pred });
    const s = score("clustering.mjs", ["score", join(SHARED, "clustering-ecbplus"), pred]);
    return {
      name: "clustering",
      command: "node score/clustering.mjs inputs clustering-ecbplus | parallax cluster > pred.jsonl; node score/clustering.mjs score clustering-ecbplus pred.jsonl",
      figures: { pairF1: f3(s.pair.f1), pairP: f3(s.pair.precision), pairR: f3(s.pair.recall), bcubedF1: f3(s.bcubed.f1), ari: f3(s.ari), docs: s.docs },
      seconds: r.seconds,
      maxRssMb: r.maxRssMb,
    };
  },
  timex() {
    const inp = join(WORK, "timex.in.jsonl");
    const pred = join(WORK, "timex.pred.jsonl");
    score("timex.mjs", ["inputs", join(SHARED, "timex-tempeval3")], inp);
    const r = run([CLI, "--quiet", "annotate", inp], { stdout: pred });
    const s = score("timex.mjs", ["score", join(SHARED, "timex-tempeval3"), pred]);
    return {
      name: "timex",
      command: "node score/timex.mjs inputs timex-tempeval3 | parallax annotate > pred.jsonl; node score/timex.mjs score timex-tempeval3 pred.jsonl",
      figures: { valueF1: f3(s.value.f1), relaxedF1: f3(s.relaxed.f1), relaxedP: f3(s.relaxed.precision), relaxedR: f3(s.relaxed.recall), strictF1: f3(s.strict.f1), typeAccuracy: f3(s.type_accuracy), valueAccuracy: f3(s.value_accuracy) },
      seconds: r.seconds,
      maxRssMb: r.maxRssMb,
    };
  },
  quotes() {
    const inp = join(WORK, "quotes.in.jsonl");
    const pred = join(WORK, "quotes.pred.jsonl");
    score("quotes.mjs", ["inputs", join(SHARED, "quotes-polnear-dev")], inp);
    const r = run([CLI, "--quiet", "annotate", inp], { stdout: pred });
    const s = score("quotes.mjs", ["score", join(SHARED, "quotes-polnear-dev"), pred]);
    return {
      name: "quotes",
      command: "node score/quotes.mjs inputs quotes-polnear-dev | parallax annotate > pred.jsonl; node score/quotes.mjs score quotes-polnear-dev pred.jsonl",
      figures: {
        sourceF1: f3(s.exact.source.f1),
        cueF1: f3(s.exact.cue.f1),
        contentF1: f3(s.exact.content.f1),
        sourceOverlapF1: f3(s.overlap.source.f1),
        cueOverlapF1: f3(s.overlap.cue.f1),
        contentOverlapF1: f3(s.overlap.content.f1),
        attributionF1: f3(s.attribution.f1),
      },
      seconds: r.seconds,
      maxRssMb: r.maxRssMb,
    };
  },
  summaries() {
    const inp = join(WORK, "summaries.in.jsonl");
    const pred = join(WORK, "summaries.pred.jsonl");
    score("summaries.mjs", ["inputs", join(SHARED, "summaries-neus")], inp);
    const r = run([CLI, "--quiet", "digest", inp], { stdout: pred });
    const s = score("summaries.mjs", ["score", join(SHARED, "summaries-neus"), pred]);
    return {
      name: "summaries",
      command: "node score/summaries.mjs inputs summaries-neus | parallax digest > pred.jsonl; node score/summaries.mjs score summaries-neus pred.jsonl",
      figures: { rouge1: f3(s.system.r1), rouge2: f3(s.system.r2), rougeL: f3(s.system.rl), lead3R1: f3(s.lead3.r1), firstSentencesR1: f3(s.firstSentences.r1) },
      seconds: r.seconds,
      maxRssMb: r.maxRssMb,
    };
  },
  timeline() {
    const inp = join(WORK, "timeline.in.jsonl");
    const pred = join(WORK, "timeline.pred.jsonl");
    score("timeline.mjs", ["inputs", join(SHARED, "timeline-t17")], inp);
    const r = run([CLI, "--quiet", "digest", inp], { stdout: pred });
    const s = score("timeline.mjs", ["score", join(SHARED, "timeline-t17"), pred]);
    return {
      name: "timeline",
      command: "node score/timeline.mjs inputs timeline-t17 | parallax digest > pred.jsonl; node score/timeline.mjs score timeline-t17 pred.jsonl",
      figures: { dateF1: f3(s.system.dateF1), rouge1: f3(s.system.r1), rouge2: f3(s.system.r2), baselineDateF1: f3(s.baseline?.dateF1 ?? NaN) },
      seconds: r.seconds,
      maxRssMb: r.maxRssMb,
    };
  },
  entities() {
    // The tagger and its rules on held-out parts of the training corpora, plus two corpora never
    // trained or tuned on (scripts/train-ner.ts --eval; no CoNLL-2003 test set is available here).
    const script = join(ROOT, "dist", "scripts", "train-ner.js");
    if (!existsSync(script)) throw new Error("dist/scripts/train-ner.js is missing: run `npm run build`");
    if (!existsSync(join(ROOT, "..", "shared", "train"))) throw new Error("the entities benchmark needs ../shared/train (the NER corpora beside the repository)");
    const out = join(WORK, "entities.out.txt");
    const r = run([script, "--eval", "models/ner", "--rules-only", "--untouched"], { stdout: out });
    const log = readFileSync(out, "utf8");
    const f1 = (label: string): number => {
      const m = new RegExp(`${label}[^\\n]* \\+ rules: F1 ([\\d.]+)`).exec(log);
      if (!m) throw new Error(`no "${label}" line in the train-ner output:\n${log.slice(-1500)}`);
      return f3(Number(m[1]) / 100);
    };
    // Whole news articles in CoNLL-2003 conventions, through `annotate` (bench/ner-news: hand-annotated spans, texts in
    // ../shared/bench), sports wire stories (bench/ner-sports) and wire stories in CoNLL-2003 genres (bench/ner-wire): the
    // written sets' texts and spans are in the repository.
    const newsScript = join(ROOT, "dist", "scripts", "bench-ner-news.js");
    const newsOut = join(WORK, "entities-news.out.txt");
    const rn = run([newsScript], { stdout: newsOut });
    const news = JSON.parse(readFileSync(newsOut, "utf8").trim().split("\n").pop() ?? "{}") as Figures;
    return {
      name: "entities",
      command: "node dist/scripts/train-ner.js --eval models/ner --rules-only --untouched (needs ../shared/train); node dist/scripts/bench-ner-news.js",
      figures: {
        gmbF1: f1("GMB held-out \\(every"),
        wikigoldF1: f1("wikigold held-out"),
        crossnerF1: f1("CrossNER politics test"),
        mixedCasingF1: f1("GMB held-out, mixed casing"),
        unerF1: f1("UNER English EWT"),
        btcF1: f1("BTC, tweets"),
        newsDevF1: news.newsDevF1 ?? NaN,
        newsTestF1: news.newsTestF1 ?? NaN,
        sportsDevF1: news.sportsDevF1 ?? NaN,
        sportsTestF1: news.sportsTestF1 ?? NaN,
        wireDevF1: news.wireDevF1 ?? NaN,
        wireTestF1: news.wireTestF1 ?? NaN,
      },
      seconds: r.seconds + rn.seconds,
      maxRssMb: Math.max(r.maxRssMb ?? 0, rn.maxRssMb ?? 0) || undefined,
    };
  },
  events() {
    const script = join(ROOT, "dist", "scripts", "bench-events.js");
    if (!existsSync(script)) throw new Error("dist/scripts/bench-events.js is missing: run `npm run build`");
    const out = join(WORK, "events.out.json");
    const r = run([script, join(SHARED, "events-petrarch2")], { stdout: out });
    const line = readFileSync(out, "utf8").trim().split("\n").filter(Boolean).pop() ?? "{}";
    const s = JSON.parse(line) as Figures;
    return {
      name: "events",
      command: "node dist/scripts/bench-events.js ../shared/bench/events-petrarch2",
      figures: s,
      seconds: r.seconds,
      maxRssMb: r.maxRssMb,
    };
  },
  annotate() {
    // The language layer alone: `parallax annotate` over 1,000 T17 articles; words counted as whitespace-separated tokens.
    const corpus = join(WORK, "t17.jsonl");
    if (!existsSync(corpus)) BENCHES.throughput();
    const sample = join(WORK, "annotate.in.jsonl");
    const lines = readFileSync(corpus, "utf8").split("\n").filter((l) => l.trim()).slice(0, ANNOTATE_SAMPLE);
    writeFileSync(sample, `${lines.join("\n")}\n`);
    const texts = lines.map((l) => (JSON.parse(l) as { text: string }).text);
    const words = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
    // Tokens as the layer's tokenizer counts them (punctuation apart, as CoNLL and spaCy count): counted here, untimed.
    const tokens = texts.reduce((n, t) => n + tokenize(t).tokens.length, 0);
    const r = run([CLI, "--quiet", "annotate", sample], { stdout: join(WORK, "annotate.out.jsonl") });
    return {
      name: "annotate",
      command: `head -${ANNOTATE_SAMPLE} t17.jsonl | parallax annotate > out.jsonl (entities, roles, coreference, timexes, quotes, events)`,
      figures: {
        articles: lines.length,
        words,
        tokens,
        tokensPerSecond: Math.round(tokens / r.seconds),
        wordsPerSecond: Math.round(words / r.seconds),
        seconds: Math.round(r.seconds * 10) / 10,
      },
      seconds: r.seconds,
      maxRssMb: r.maxRssMb,
    };
  },
  throughput() {
    const corpus = join(WORK, "t17.jsonl");
    if (!existsSync(corpus)) {
      const tmp = join(WORK, "timeline.in.jsonl");
      if (!existsSync(tmp)) score("timeline.mjs", ["inputs", join(SHARED, "timeline-t17")], tmp);
      const seen = new Set<string>();
      const lines: string[] = [];
      for (const l of readFileSync(tmp, "utf8").split("\n")) {
        if (!l.trim()) continue;
        const t = JSON.parse(l) as { topic: string; articles: { id: string; date: string; text: string }[] };
        for (const a of t.articles) {
          const key = `${t.topic}/${a.id}`;
          if (seen.has(key)) continue;
          seen.add(key);
          lines.push(JSON.stringify({ id: key, published: a.date, text: a.text }));
        }
      }
      writeFileSync(corpus, `${lines.join("\n")}\n`);
    }
    const articles = readFileSync(corpus, "utf8").split("\n").filter((l) => l.trim()).length;
    const db = join(WORK, "t17.db");
    for (const ext of ["", "-wal", "-shm"]) rmSync(db + ext, { force: true });
    const report = join(WORK, "t17.report.json");
    const r = run([CLI, "--quiet", "--db", db, "analyze", corpus, "--format", "json", "--out", report]);
    return {
      name: "throughput",
      command: "parallax --db t17.db analyze t17.jsonl --format json --out report.json (4,625 T17 articles, one process)",
      figures: { articles, articlesPerSecond: Math.round(articles / r.seconds), seconds: Math.round(r.seconds * 10) / 10, peakMemoryMb: r.maxRssMb ?? NaN, dbMb: Math.round(statSync(db).size / 1e6) },
      seconds: r.seconds,
      maxRssMb: r.maxRssMb,
    };
  },
  scale() {
    // Ingest-and-link cost per article at 1k..100k articles (scripts/bench-scale.ts); corpora from T17.
    if (!existsSync(join(WORK, "t17.jsonl"))) BENCHES.throughput();
    const argv = process.argv.slice(2);
    const opt = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
    const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")).scale : undefined;
    return scaleBench({
      root: ROOT,
      work: WORK,
      cli: CLI,
      full: argv.includes("--full"),
      quick: argv.includes("--quick"),
      parts: opt("--parts")?.split(","),
      runTimeoutS: opt("--run-timeout") ? Number(opt("--run-timeout")) : undefined,
      batchSize: opt("--batch-size") ? Number(opt("--batch-size")) : undefined,
      previous,
      log: (l) => process.stderr.write(`\n  ${l}`),
    });
  },
};

/** Flags followed by a value (not a benchmark name). */
const VALUED_FLAGS = new Set(["--parts", "--run-timeout", "--batch-size"]);

/** Benchmarks too long for the default run: only run when named (`npm run bench -- scale`). */
const ON_REQUEST = new Set(["scale"]);

/** Figures where higher is better, per benchmark: the ones floors apply to. */
export const FLOORED: Record<string, string[]> = {
  extraction: ["f1"],
  clustering: ["pairF1", "bcubedF1"],
  timex: ["valueF1", "relaxedF1"],
  quotes: ["sourceF1", "cueF1", "contentF1"],
  summaries: ["rouge1", "rouge2"],
  timeline: ["dateF1"],
  events: ["rootShare"],
  entities: ["gmbF1", "wikigoldF1", "crossnerF1", "mixedCasingF1", "unerF1", "btcF1", "newsDevF1", "newsTestF1", "sportsDevF1", "sportsTestF1", "wireDevF1", "wireTestF1"],
};

function main(): void {
  const argv = process.argv.slice(2);
  const raise = argv.includes("--raise-floors");
  const names = argv.filter((a, i) => !a.startsWith("--") && !VALUED_FLAGS.has(argv[i - 1]));
  if (!existsSync(SHARED)) {
    process.stderr.write(`error: the benchmarks need ${SHARED} (the shared data beside the repository).\n  fix: run from a checkout that has ../shared/bench.\n`);
    process.exit(2);
  }
  if (!existsSync(CLI)) {
    process.stderr.write("error: dist/ is missing.\n  fix: run `npm run build` first.\n");
    process.exit(2);
  }
  mkdirSync(WORK, { recursive: true });
  const previous: Record<string, Result> = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")) : {};
  const results: Record<string, Result> = { ...previous };
  for (const name of names.length ? names : Object.keys(BENCHES).filter((n) => !ON_REQUEST.has(n))) {
    const b = BENCHES[name];
    if (!b) {
      process.stderr.write(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(", ")}\n`);
      process.exit(2);
    }
    process.stderr.write(`bench ${name} ...`);
    try {
      const r = b();
      results[name] = r;
      process.stderr.write(` ${JSON.stringify(r.figures)} (${r.seconds.toFixed(1)}s)\n`);
    } catch (e) {
      process.stderr.write(` FAILED: ${(e as Error).message}\n`);
      process.exitCode = 1;
    }
  }
  const baseline: Record<string, Record<string, number>> = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, "utf8")) : {};
  const below: string[] = [];
  for (const [name, keys] of Object.entries(FLOORED)) {
    const r = results[name];
    if (!r) continue;
    for (const k of keys) {
      const v = Number(r.figures[k]);
      const floor = baseline[name]?.[k];
      if (floor !== undefined && v < floor) below.push(`${name}.${k} ${v} < floor ${floor}`);
      if (raise && Number.isFinite(v) && (floor === undefined || v > floor)) (baseline[name] ??= {})[k] = v;
    }
  }
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  if (raise) writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
  writeFileSync(DOC, renderBenchmarks(results, baseline));
  process.stderr.write(`wrote ${RESULTS}, ${DOC}${raise ? `, ${BASELINE}` : ""}\n`);
  if (below.length) {
    process.stderr.write(`below the floors in bench/baseline.json:\n  ${below.join("\n  ")}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
