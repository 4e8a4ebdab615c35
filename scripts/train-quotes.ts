/**
 * Trains the learned cue detector of the quotes stage (src/nlp/quotes/cue-model.ts) on PolNeAR and writes
 * models/quotes/cue-model.json.gz with models/quotes/SCORES.md.
 *
 *   npm run build && node dist/scripts/train-quotes.js [--data ../shared/bench/quotes-polnear-dev] [--out models/quotes]
 *   (or: npx tsx scripts/train-quotes.ts ...)
 *   ... --cv-only      cross-validate and print, write nothing
 *   ... --epochs N     training passes (default EPOCHS)
 *   ... --force        write the weights even when cross-validation shows no gain
 *
 * Steps: (1) read the PolNeAR texts and attributions with the benchmark's own scorer (DATA/../score/quotes.mjs);
 * (2) run the rules on every document and record each candidate word they did not read as a cue, with its features;
 * a candidate is positive when it is the first candidate word of a gold cue that no rule cue overlaps;
 * (3) 2-fold cross-validation over documents (fold = hash of the document id): train on one half, run rules + model on
 * the other, score with the benchmark scorer, both ways, against the rules alone, for a few margins;
 * (4) unless --cv-only: write SCORES.md, and, only when rules + models beat the rules alone on both folds (or with
 * --force), train on all documents and write cue-model.json.gz and content-model.json.gz.
 * PolNeAR states no licence: weights derived from it are for internal evaluation (see models/quotes/NOTICE.md).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Attribution, Doc } from "../src/model.js";
import { findAttributions } from "../src/nlp/quotes/index.js";
import { CUE_CLASSES, CUE_MARGIN, CUE_MODEL_FILE } from "../src/nlp/quotes/cue-model.js";
import { CONTENT_MODEL_FILE, type ContentCandidates } from "../src/nlp/quotes/content-model.js";
import { PerceptronTrainer, argmax, serializeModel, type PerceptronModel } from "../src/nlp/ner/perceptron.js";

/** Training passes over the candidates. */
const EPOCHS = 8;
/** Features whose largest averaged weight is below this are dropped from the shipped file. */
const MIN_WEIGHT = 0.05;
/** Margins tried in cross-validation (the shipped one is CUE_MARGIN). */
const MARGINS = [0, 2, 5, 10];

interface Span { start: number; end: number }
interface GoldAttribution { source?: Span; cue?: Span; content?: Span }
interface GoldDoc { id: string; text: string; attributions: GoldAttribution[] }
/** A predicted attribution as the scorer reads it. */
interface PredAttribution { source?: Span; cue?: Span; content?: Span }
interface PRF { precision: number; recall: number; f1: number }
interface Scores { exact: Record<"source" | "cue" | "content", PRF>; overlap: Record<"source" | "cue" | "content", PRF>; attribution: PRF }
interface Scorer {
  loadGold(dir: string): GoldDoc[];
  score(gold: GoldDoc[], pred: Map<string, { source?: Span; cue?: Span; content?: Span }[]>): Scores;
}

interface Candidate { doc: number; i: number; features: string[]; label: number }
/** One boundary decision: its candidates' features and the index of the gold one. */
interface Ranking { doc: number; options: string[][]; gold: number }

function arg(name: string, fallback: string): string {
  const k = process.argv.indexOf(name);
  return k > 0 && process.argv[k + 1] ? process.argv[k + 1] : fallback;
}

/** FNV-1a hash of the document id: the fold of a document. */
function fold(id: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193) >>> 0;
  return h % 2;
}

function docOf(g: GoldDoc): Doc {
  return { id: g.id, text: g.text, diagnostics: [] };
}

/** Records every candidate of one document, labelled against its gold cues. */
function candidatesOf(g: GoldDoc, d: number, doc: Doc, starts: Ranking[], ends: Ranking[]): Candidate[] {
  const seen: { i: number; features: string[] }[] = [];
  const contents: { cands: ContentCandidates; content: [number, number] }[] = [];
  const rules = findAttributions(doc, {
    onCandidate: (i, features) => { seen.push({ i, features }); return false; },
    onContent: (cands, content) => { contents.push({ cands, content }); return undefined; },
  });
  const tokens = doc.tokens!;
  for (const { cands, content } of contents) {
    const ps = tokens[content[0]].start;
    const pe = tokens[content[1] - 1].end;
    let best: Span | undefined;
    let bestOverlap = 0;
    for (const a of g.attributions) {
      const c = a.content;
      if (!c) continue;
      const o = Math.min(c.end, pe) - Math.max(c.start, ps);
      if (o > bestOverlap) { bestOverlap = o; best = c; }
    }
    if (!best) continue;
    const gs = cands.starts.findIndex((x) => tokens[x.at].start === best.start);
    const ge = cands.ends.findIndex((x) => tokens[x.at - 1].end === best.end);
    if (gs >= 0) starts.push({ doc: d, options: cands.starts.map((x) => x.features), gold: gs });
    if (ge >= 0) ends.push({ doc: d, options: cands.ends.map((x) => x.features), gold: ge });
  }
  const ruleCues = rules.flatMap((a) => (a.cue ? [a.cue] : []));
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  const open = g.attributions.map((a) => a.cue).filter((c): c is Span => !!c && !ruleCues.some((r) => overlaps(r, c)));
  const candidateIds = new Set(seen.map((s) => s.i));
  const heads = new Set<number>();
  const inside = new Set<number>();
  for (const c of open) {
    let first = -1;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].start >= c.start && tokens[i].end <= c.end) {
        inside.add(i);
        if (first < 0 && candidateIds.has(i)) first = i;
      }
    }
    if (first >= 0) heads.add(first);
  }
  return seen.filter((s) => heads.has(s.i) || !inside.has(s.i)).map((s) => ({ doc: d, i: s.i, features: s.features, label: heads.has(s.i) ? 1 : 0 }));
}

/** A deterministic shuffle (xorshift). */
function shuffle<T>(xs: T[], seed: number): T[] {
  let s = seed >>> 0 || 1;
  for (let k = xs.length - 1; k > 0; k--) {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    const j = s % (k + 1);
    [xs[k], xs[j]] = [xs[j], xs[k]];
  }
  return xs;
}

function train(cands: readonly Candidate[], epochs: number): PerceptronModel {
  const t = new PerceptronTrainer(CUE_CLASSES);
  const scores = new Float64Array(CUE_CLASSES.length);
  const ids = cands.map((c) => Int32Array.from(c.features.map((f) => t.featureId(f))));
  const order = cands.map((_, k) => k);
  for (let e = 0; e < epochs; e++) {
    for (const k of shuffle(order, 17 + e)) {
      t.tick();
      t.scores(ids[k], scores);
      t.update(cands[k].label, argmax(scores), ids[k]);
    }
  }
  return t.finish(MIN_WEIGHT);
}

function marginOf(model: PerceptronModel, features: readonly string[]): number {
  let d = 0;
  for (const name of features) {
    const row = model.index.get(name);
    if (row !== undefined) d += model.weights[row * 2 + 1] - model.weights[row * 2];
  }
  return d;
}

/** One model holding the start and the end scorer (their features are disjoint: "s." and "e." prefixes). */
function mergeRankers(a: PerceptronModel, b: PerceptronModel): PerceptronModel {
  const index = new Map<string, number>();
  const rows: number[] = [];
  for (const m of [a, b]) {
    for (const [name, row] of m.index) {
      index.set(name, rows.length / 2);
      rows.push(m.weights[row * 2], m.weights[row * 2 + 1]);
    }
  }
  return { classes: [...CUE_CLASSES], index, weights: Float32Array.from(rows) };
}

/** A ranking perceptron over boundary candidates (score: class 1 minus class 0 of the trainer). */
function trainRanker(rankings: readonly Ranking[], epochs: number): PerceptronModel {
  const t = new PerceptronTrainer(CUE_CLASSES);
  const scores = new Float64Array(CUE_CLASSES.length);
  const ids = rankings.map((r) => r.options.map((o) => Int32Array.from(o.map((f) => t.featureId(f)))));
  const order = rankings.map((_, k) => k);
  for (let e = 0; e < epochs; e++) {
    for (const k of shuffle(order, 29 + e)) {
      t.tick();
      let guess = 0;
      let best = -Infinity;
      ids[k].forEach((o, j) => {
        t.scores(o, scores);
        if (scores[1] - scores[0] > best) { best = scores[1] - scores[0]; guess = j; }
      });
      const gold = rankings[k].gold;
      if (guess === gold) continue;
      t.update(1, 0, ids[k][gold]);
      t.update(0, 1, ids[k][guess]);
    }
  }
  return t.finish(MIN_WEIGHT);
}

function predictions(gold: readonly GoldDoc[], docs: readonly Doc[], model: PerceptronModel | null, margin: number, contentModel: PerceptronModel | null = null): Map<string, PredAttribution[]> {
  const out = new Map<string, PredAttribution[]>();
  const scratch = new Float64Array(CUE_CLASSES.length);
  gold.forEach((g, k) => {
    const doc = docs[k];
    const judge = model ? (_i: number, f: string[]) => {
      scratch.fill(0);
      for (const name of f) {
        const row = model.index.get(name);
        if (row === undefined) continue;
        scratch[0] += model.weights[row * 2];
        scratch[1] += model.weights[row * 2 + 1];
      }
      return scratch[1] - scratch[0] > margin;
    } : () => false;
    const atts: Attribution[] = findAttributions(doc, { onCandidate: judge, contentModel });
    out.set(g.id, atts.map((a) => ({ source: a.source && { start: a.source.start, end: a.source.end }, cue: a.cue && { start: a.cue.start, end: a.cue.end }, content: { start: a.content.start, end: a.content.end } })));
  });
  return out;
}

const fmt = (s: Scores) => `exact ${s.exact.source.f1.toFixed(3)}/${s.exact.cue.f1.toFixed(3)}/${s.exact.content.f1.toFixed(3)} (cue P ${s.exact.cue.precision.toFixed(3)} R ${s.exact.cue.recall.toFixed(3)}) | overlap ${s.overlap.source.f1.toFixed(3)}/${s.overlap.cue.f1.toFixed(3)}/${s.overlap.content.f1.toFixed(3)} | att ${s.attribution.f1.toFixed(3)}`;

async function main(): Promise<void> {
  const data = resolve(arg("--data", "../shared/bench/quotes-polnear-dev"));
  const out = resolve(arg("--out", "models/quotes"));
  const epochs = Number(arg("--epochs", String(EPOCHS)));
  const cvOnly = process.argv.includes("--cv-only");
  const scorer = (await import(pathToFileURL(join(data, "..", "score", "quotes.mjs")).href)) as Scorer;
  const gold = scorer.loadGold(data);
  const docs = gold.map(docOf);
  const starts: Ranking[] = [];
  const ends: Ranking[] = [];
  const cands = gold.flatMap((g, d) => candidatesOf(g, d, docs[d], starts, ends));
  console.log(`content boundaries: ${starts.length} starts (${starts.filter((r) => r.options[r.gold][0] !== "s.rule=true").length} moved), ${ends.length} ends (${ends.filter((r) => r.options[r.gold][0] !== "e.rule=true").length} moved)`);
  console.log(`${gold.length} docs, ${cands.length} candidates, ${cands.filter((c) => c.label).length} positive`);

  const lines: string[] = [];
  /** Per fold: mean exact F1 (source, cue, content) of the rules alone and of rules + models at the shipped margin. */
  const gains: boolean[] = [];
  const meanExact = (x: Scores) => (x.exact.source.f1 + x.exact.cue.f1 + x.exact.content.f1) / 3;
  for (const f of [0, 1]) {
    const trainSet = cands.filter((c) => fold(gold[c.doc].id) !== f);
    const testGold = gold.filter((g) => fold(g.id) === f);
    const testDocs = docs.filter((_, k) => fold(gold[k].id) === f);
    const model = train(trainSet, epochs);
    for (const m of MARGINS) {
      let tp = 0, fp = 0, fn = 0;
      for (const c of cands) {
        if (fold(gold[c.doc].id) !== f) continue;
        const guess = marginOf(model, c.features) > m ? 1 : 0;
        if (guess && c.label) tp++; else if (guess) fp++; else if (c.label) fn++;
      }
      lines.push(`fold ${f} classifier m=${m}: P ${(tp / (tp + fp || 1)).toFixed(3)} R ${(tp / (tp + fn || 1)).toFixed(3)} (tp ${tp} fp ${fp} fn ${fn})`);
    }
    const base = scorer.score(testGold, predictions(testGold, testDocs, null, 0));
    lines.push(`fold ${f} (${testGold.length} docs) rules only      ${fmt(base)}`);
    const boundary = { start: trainRanker(starts.filter((r) => fold(gold[r.doc].id) !== f), epochs), end: trainRanker(ends.filter((r) => fold(gold[r.doc].id) !== f), epochs) };
    const contentModel = mergeRankers(boundary.start, boundary.end);
    const sc = scorer.score(testGold, predictions(testGold, testDocs, null, 0, contentModel));
    lines.push(`fold ${f} (${testGold.length} docs) rules+content   ${fmt(sc)}`);
    for (const m of MARGINS) {
      const s2 = scorer.score(testGold, predictions(testGold, testDocs, model, m, contentModel));
      lines.push(`fold ${f} (${testGold.length} docs) rules+both m=${m.toFixed(1).padStart(4)} ${fmt(s2)}`);
      if (m === CUE_MARGIN) gains.push(meanExact(s2) > meanExact(base));
    }
    for (const m of MARGINS) {
      const s = scorer.score(testGold, predictions(testGold, testDocs, model, m));
      lines.push(`fold ${f} (${testGold.length} docs) rules+model m=${m.toFixed(1).padStart(4)} ${fmt(s)}`);
    }
  }
  for (const l of lines) console.log(l);
  if (cvOnly) return;

  const ship = gains.length === 2 && gains.every(Boolean);
  mkdirSync(out, { recursive: true });
  const verdict = ship
    ? `Rules + models beat the rules alone on both folds (mean exact F1 at margin ${CUE_MARGIN}): weights written.`
    : `Rules + models do NOT beat the rules alone on both folds (mean exact F1 at margin ${CUE_MARGIN}): no weights written${process.argv.includes("--force") ? " (except with --force)" : ""}; the pipeline runs the rules alone.`;
  writeFileSync(join(out, "SCORES.md"), `# Quote models: 2-fold cross-validation on PolNeAR dev\n\nWritten by \`scripts/train-quotes.ts\`. Per fold (documents split by a hash of their id; trained on the other fold): exact F1 source/cue/content, cue exact precision and recall, overlap F1 source/cue/content, attribution F1 (scorer: ../shared/bench/score/quotes.mjs). "model": the cue model (m: margin); "content": the content-boundary model; "both": the two.\n\n${verdict}\n\n\`\`\`\n${lines.join("\n")}\n\`\`\`\n`);
  console.log(verdict);
  if (!ship && !process.argv.includes("--force")) return;
  const model = train(cands, epochs);
  model.meta = { data: "PolNeAR dev (84 docs)", epochs, margin: CUE_MARGIN, trained: new Date().toISOString().slice(0, 10) };
  writeFileSync(join(out, CUE_MODEL_FILE), gzipSync(serializeModel(model)));
  const contentModel = mergeRankers(trainRanker(starts, epochs), trainRanker(ends, epochs));
  contentModel.meta = { data: "PolNeAR dev (84 docs)", epochs, trained: model.meta.trained };
  writeFileSync(join(out, CONTENT_MODEL_FILE), gzipSync(serializeModel(contentModel)));
  console.log(`wrote ${join(out, CUE_MODEL_FILE)} (${model.index.size} features) and ${join(out, CONTENT_MODEL_FILE)} (${contentModel.index.size} features)`);
}

await main();
