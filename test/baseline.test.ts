/**
 * The evaluation gate: every figure recorded by `npm run bench` (bench/results.json) must be at
 * or above its floor in bench/baseline.json, and every floored benchmark must have a result.
 * The benchmarks themselves need ../shared and run with `npm run bench`, not here.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const results = JSON.parse(readFileSync("bench/results.json", "utf8")) as Record<string, { figures: Record<string, number> }>;
const baseline = JSON.parse(readFileSync("bench/baseline.json", "utf8")) as Record<string, Record<string, number>>;

describe("benchmark floors", () => {
  it("has a floor file and a results file", () => {
    expect(existsSync("bench/baseline.json")).toBe(true);
    expect(Object.keys(baseline).length).toBeGreaterThan(0);
  });
  for (const [bench, floors] of Object.entries(baseline)) {
    for (const [figure, floor] of Object.entries(floors)) {
      it(`${bench}.${figure} stays at or above ${floor}`, () => {
        const value = results[bench]?.figures?.[figure];
        expect(value, `no ${bench}.${figure} in bench/results.json: run npm run bench -- ${bench}`).toBeTypeOf("number");
        expect(value).toBeGreaterThanOrEqual(floor);
      });
    }
  }
});

/**
 * The live gate: where the benchmark data is beside the repository (../shared, as in CI), the
 * quick benchmarks run again through the CLI and must still reach their floors.
 */
const SHARED = "../shared/bench";
const live = existsSync(`${SHARED}/score`);
/** Floors are recorded to 3 decimals: a live figure may sit up to half a unit below its rounded floor. */
const ROUNDING = 0.0005;
// (Plus a hair for floating point: 0.6455 against a floor of 0.646 is 0.6455000000000001 short.)
const atLeast = (value: number, floor: number) => expect(value).toBeGreaterThanOrEqual(floor - ROUNDING - 1e-9);

function runBench(scorer: string, dataset: string, command: string[]): Record<string, any> {
  const dir = mkdtempSync(join(tmpdir(), "parallax-gate-"));
  const inputs = spawnSync(process.execPath, [`${SHARED}/score/${scorer}`, "inputs", `${SHARED}/${dataset}`], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const pred = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "--quiet", ...command], { input: inputs.stdout, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  writeFileSync(join(dir, "pred.jsonl"), pred.stdout);
  const scored = spawnSync(process.execPath, [`${SHARED}/score/${scorer}`, "score", `${SHARED}/${dataset}`, join(dir, "pred.jsonl")], { encoding: "utf8" });
  return JSON.parse(scored.stdout.split("\n")[0]);
}

describe.skipIf(!live)("benchmark floors, measured now", () => {
  it("timex (TempEval-3) value and relaxed F1", () => {
    const s = runBench("timex.mjs", "timex-tempeval3", ["annotate"]);
    atLeast(s.value.f1, baseline.timex.valueF1);
    atLeast(s.relaxed.f1, baseline.timex.relaxedF1);
  });
  it("quotes (PolNeAR dev) exact F1 per role", () => {
    const s = runBench("quotes.mjs", "quotes-polnear-dev", ["annotate"]);
    atLeast(s.exact.source.f1, baseline.quotes.sourceF1);
    atLeast(s.exact.cue.f1, baseline.quotes.cueF1);
    atLeast(s.exact.content.f1, baseline.quotes.contentF1);
  });
  it("clustering (ECB+ 1-35) pair and B-cubed F1", () => {
    const s = runBench("clustering.mjs", "clustering-ecbplus", ["cluster"]);
    atLeast(s.pair.f1, baseline.clustering.pairF1);
    atLeast(s.bcubed.f1, baseline.clustering.bcubedF1);
  });
  it("summaries (NeuS) ROUGE-1 and ROUGE-2", () => {
    const s = runBench("summaries.mjs", "summaries-neus", ["digest"]);
    atLeast(s.system.r1, baseline.summaries.rouge1);
    atLeast(s.system.r2, baseline.summaries.rouge2);
  });
});

describe.skipIf(!existsSync("../shared/train"))("entity floors, measured now", () => {
  it("NER held-out and untouched F1 (scripts/train-ner.ts --eval)", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/train-ner.ts", "--eval", "models/ner", "--rules-only", "--untouched"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const f1 = (label: string): number => Number(new RegExp(`${label}[^\\n]* \\+ rules: F1 ([\\d.]+)`).exec(r.stdout)?.[1]) / 100;
    atLeast(f1("GMB held-out \\(every"), baseline.entities.gmbF1);
    atLeast(f1("wikigold held-out"), baseline.entities.wikigoldF1);
    atLeast(f1("CrossNER politics test"), baseline.entities.crossnerF1);
    atLeast(f1("GMB held-out, mixed casing"), baseline.entities.mixedCasingF1);
    atLeast(f1("UNER English EWT"), baseline.entities.unerF1);
    atLeast(f1("BTC, tweets"), baseline.entities.btcF1);
  }, 120_000);
});

// One run scores every set: the news articles (texts in ../shared/bench), the sports stories and the wire stories
// (texts in the repository, bench/ner-sports and bench/ner-wire), so the written sets' floors hold without ../shared too.
describe("whole-article entity floors, measured now", () => {
  it("entities on news articles, sports stories and wire stories, CoNLL-2003 types (scripts/bench-ner-news.ts)", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench-ner-news.ts"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const s = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as Record<string, number>;
    if (live) {
      atLeast(s.newsDevF1, baseline.entities.newsDevF1);
      atLeast(s.newsTestF1, baseline.entities.newsTestF1);
    }
    atLeast(s.sportsDevF1, baseline.entities.sportsDevF1);
    atLeast(s.sportsTestF1, baseline.entities.sportsTestF1);
    atLeast(s.wireDevF1, baseline.entities.wireDevF1);
    atLeast(s.wireTestF1, baseline.entities.wireTestF1);
  }, 120_000);
});
