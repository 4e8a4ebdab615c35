/**
 * Learns the word clusters the entity tagger uses as features (models/ner/clusters.tsv.gz)
 * from unlabelled text only:
 *
 *   npx tsx scripts/word-clusters.ts [--train ../shared/train] [--news ../shared/bench/timeline-t17/articles] [--out models/ner]
 *
 * Text used (no labels are read):
 *  - news: the Timeline17 articles (4.6k BBC/CNN/Fox/Guardian/Reuters/Washington Post articles,
 *    already tokenised; not an NER test set);
 *  - the words of the training corpora in ../shared/train (GMB, wikigold, CrossNER politics,
 *    SEC filings, WNUT17, BTC, UNER EWT, re3d), WITHOUT the sentences train-ner.ts holds out for
 *    testing (GMB every 10th block of 100 sentences, wikigold odd blocks of 50, CrossNER test).
 *
 * Method (a cheap stand-in for Brown clustering): (1) each word is represented by the contexts it
 * occurs in, the words one and two to the left and right, each context word weighted by
 * count^-CONTEXT_POWER (rare contexts say more) and accumulated through a sparse random
 * projection (random indexing: each context word and side adds +-1 at RI_NONZERO positions of a
 * DIM-dimensional vector); (2) the normalised vectors are clustered top-down with spherical
 * k-means: LEVELS[0] clusters, each split into LEVELS[1], and so on, so a word's path
 * ("a302") has prefixes that name coarser clusters, as Brown bit-string prefixes do.
 * Deterministic (fixed seed); about a minute on one core.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { parseConll } from "../src/nlp/ner/conll.js";
import { clusterKey, formatClusters } from "../src/nlp/ner/clusters.js";
import { CLUSTER_FILE } from "../src/nlp/ner/load.js";
import { prng } from "../src/prng.js";

// ---------------------------------------------------------------- tunables
/** Words seen fewer times than this get no cluster (their context vectors are too noisy). */
const MIN_COUNT = 2;
/** At most this many words (most frequent first) are clustered. */
const MAX_VOCAB = 100_000;
/** Context words: the most frequent words (the others fall into four shape buckets). */
const CONTEXT_WORDS = 5000;
/** Context-distribution smoothing exponent of the PMI (0.75 as in word2vec; Levy et al. 2015). */
const CONTEXT_SMOOTHING = 0.75;
/** Weight of the contexts two words away (the adjacent words weigh 1). */
const FAR_WEIGHT = 0.5;
/** Branching of each level of the top-down clustering: 16 * 4 * 4 * 4 * 4 = 4096 leaves at most. */
const LEVELS = [16, 4, 4, 4, 4];
/** A cluster with fewer words than this is not split further. */
const MIN_SPLIT = 12;
/** Spherical k-means iterations per split. */
const KMEANS_ITERS = 12;
/** GMB / wikigold held-out blocks, as in scripts/train-ner.ts (their text is not used here). */
const GMB_BLOCK = 100;
const GMB_TEST_EVERY = 10;
const WIKIGOLD_BLOCK = 50;
const SEED = 7;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const TRAIN = resolve(arg("train", "../shared/train"));
const NEWS = resolve(arg("news", "../shared/bench/timeline-t17/articles"));
const OUT = resolve(arg("out", "models/ner"));
const log = (msg: string): void => console.log(`[word-clusters] ${msg}`);

// ---------------------------------------------------------------- text
/** Calls `f` with every sentence (array of tokens) of the unlabelled text. */
function eachSentence(f: (toks: string[]) => void): { news: number; corpus: number } {
  let news = 0;
  let corpus = 0;
  if (existsSync(NEWS)) {
    for (const file of readdirSync(NEWS).filter((x) => x.endsWith(".jsonl.gz") || x.endsWith(".jsonl")).sort()) {
      const buf = readFileSync(join(NEWS, file));
      const text = (file.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8");
      for (const line of text.split("\n")) {
        if (!line.trim()) continue;
        const rec = JSON.parse(line) as { text?: string };
        for (const s of (rec.text ?? "").split("\n")) {
          const toks = s.split(/\s+/).filter(Boolean);
          if (toks.length) {
            news += toks.length;
            f(toks);
          }
        }
      }
    }
  } else log(`warning: ${NEWS} not found, news skipped`);
  const conll = (dir: string, file: string, keep: (i: number) => boolean = () => true): void => {
    const path = join(TRAIN, dir, file);
    if (!existsSync(path)) return;
    parseConll(readFileSync(path, "utf8")).forEach((s, i) => {
      if (!keep(i)) return;
      corpus += s.words.length;
      f(s.words);
    });
  };
  conll("gmb-full", "train.conll", (i) => Math.floor(i / GMB_BLOCK) % GMB_TEST_EVERY !== GMB_TEST_EVERY - 1);
  conll("wikigold", "train.conll", (i) => Math.floor(i / WIKIGOLD_BLOCK) % 2 === 0);
  conll("crossner-politics", "train.conll");
  conll("crossner-politics", "dev.conll");
  for (const dir of ["sec-filings", "wnut17", "btc", "re3d-permissive"]) conll(dir, "train.conll");
  for (const file of ["train.conll", "dev.conll", "test.conll"]) conll("uner-en-ewt", file);
  return { news, corpus };
}


/** Context id of an out-of-vocabulary word: one of four shape buckets after the vocabulary. */
function bucket(w: string): number {
  if (/^\p{Lu}/u.test(w)) return 0;
  if (/^\p{Ll}/u.test(w)) return 1;
  if (/^\d/.test(w)) return 2;
  return 3;
}

// ---------------------------------------------------------------- main
function main(): void {
  const t0 = performance.now();
  const counts = new Map<string, number>();
  const sizes = eachSentence((toks) => {
    for (const t of toks) {
      const k = clusterKey(t);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  });
  const vocab = [...counts].filter(([, c]) => c >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_VOCAB);
  const V = vocab.length;
  const ids = new Map(vocab.map(([w], i) => [w, i]));
  log(`${sizes.news} news tokens, ${sizes.corpus} corpus tokens; ${counts.size} distinct forms, ${V} clustered (count >= ${MIN_COUNT}) (${((performance.now() - t0) / 1000).toFixed(0)} s)`);

  // Context dimensions: slot (-2, -1, +1, +2) x context word (the CONTEXT_WORDS most frequent
  // words, 4 shape buckets for the others, sentence start, sentence end).
  const CW = Math.min(CONTEXT_WORDS, V);
  const Cc = CW + 6;
  const START = CW + 4;
  const END = CW + 5;
  const SLOTS = 4;
  const DIMS = SLOTS * Cc;
  const offsets = [-2, -1, 1, 2];
  const slotWeight = [FAR_WEIGHT, 1, 1, FAR_WEIGHT];
  // Co-occurrence counts as sorted keys word * DIMS + dim (run lengths are the counts).
  let inVocab = 0;
  for (const [, c] of vocab) inVocab += c;
  const keys = new Uint32Array(inVocab * SLOTS);
  let nk = 0;
  const seq: number[] = [];
  const ctxOf: number[] = [];
  eachSentence((toks) => {
    seq.length = 0;
    ctxOf.length = 0;
    for (const t of toks) {
      const k = clusterKey(t);
      const id = ids.get(k) ?? -1;
      seq.push(id);
      ctxOf.push(id >= 0 && id < CW ? id : CW + bucket(k));
    }
    for (let i = 0; i < seq.length; i++) {
      const w = seq[i];
      if (w < 0) continue;
      for (let s = 0; s < SLOTS; s++) {
        const j = i + offsets[s];
        const c = j < 0 ? START : j >= seq.length ? END : ctxOf[j];
        keys[nk++] = w * DIMS + s * Cc + c;
      }
    }
  });
  const sorted = keys.subarray(0, nk).sort();
  const rowPtr = new Int32Array(V + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const colSum = new Float64Array(DIMS);
  const rowSum = new Float64Array(V);
  for (let i = 0; i < nk; ) {
    let j = i;
    while (j < nk && sorted[j] === sorted[i]) j++;
    const w = Math.floor(sorted[i] / DIMS);
    const d = sorted[i] - w * DIMS;
    cols.push(d);
    vals.push(j - i);
    rowPtr[w + 1] = cols.length;
    colSum[d] += j - i;
    rowSum[w] += j - i;
    i = j;
  }
  for (let w = 1; w <= V; w++) rowPtr[w] = Math.max(rowPtr[w], rowPtr[w - 1]);
  // Positive PMI with context-distribution smoothing (p(c)^CONTEXT_SMOOTHING; Levy et al. 2015), rows L2-normalised.
  let total = 0;
  let smoothTotal = 0;
  for (let d = 0; d < DIMS; d++) {
    total += colSum[d];
    smoothTotal += Math.pow(colSum[d], CONTEXT_SMOOTHING);
  }
  const val = new Float32Array(vals.length);
  const col = Int32Array.from(cols);
  for (let w = 0; w < V; w++) {
    let n = 0;
    for (let p = rowPtr[w]; p < rowPtr[w + 1]; p++) {
      const d = col[p];
      const pmi = Math.log((vals[p] / total) / ((rowSum[w] / total) * (Math.pow(colSum[d], CONTEXT_SMOOTHING) / smoothTotal)));
      const v = pmi > 0 ? pmi * slotWeight[Math.floor(d / Cc)] : 0;
      val[p] = v;
      n += v * v;
    }
    n = Math.sqrt(n) || 1;
    for (let p = rowPtr[w]; p < rowPtr[w + 1]; p++) val[p] /= n;
  }
  log(`PPMI vectors built: ${DIMS} dimensions, ${val.length} non-zeros (${((performance.now() - t0) / 1000).toFixed(0)} s)`);

  // Top-down spherical k-means over the sparse rows; word weight log(1 + count) so frequent words anchor centroids.
  const random = prng(SEED);
  const weight = Float32Array.from(vocab, ([, c]) => Math.log1p(c));
  const paths: string[] = new Array<string>(V).fill("");
  const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
  const dot = (w: number, cent: Float32Array, c: number): number => {
    let s = 0;
    const base = c * DIMS;
    for (let p = rowPtr[w]; p < rowPtr[w + 1]; p++) s += val[p] * cent[base + col[p]];
    return s;
  };
  const splitNode = (members: number[], k: number): number[][] => {
    const cent = new Float32Array(k * DIMS);
    const pick = (c: number, w: number): void => {
      cent.fill(0, c * DIMS, (c + 1) * DIMS);
      for (let p = rowPtr[w]; p < rowPtr[w + 1]; p++) cent[c * DIMS + col[p]] = val[p];
    };
    // k-means++ initialisation.
    pick(0, members[Math.floor(random() * members.length)]);
    const dist = new Float64Array(members.length).fill(Infinity);
    for (let c = 1; c < k; c++) {
      let sum = 0;
      for (let m = 0; m < members.length; m++) {
        dist[m] = Math.min(dist[m], Math.max(0, 1 - dot(members[m], cent, c - 1)));
        sum += dist[m];
      }
      let r = random() * sum;
      let chosen = members.length - 1;
      for (let m = 0; m < members.length; m++) {
        r -= dist[m];
        if (r <= 0) {
          chosen = m;
          break;
        }
      }
      pick(c, members[chosen]);
    }
    const assign = new Int32Array(members.length).fill(-1);
    for (let it = 0; it < KMEANS_ITERS; it++) {
      let moved = 0;
      for (let m = 0; m < members.length; m++) {
        let best = 0;
        let bestDot = -Infinity;
        for (let c = 0; c < k; c++) {
          const d = dot(members[m], cent, c);
          if (d > bestDot) {
            bestDot = d;
            best = c;
          }
        }
        if (assign[m] !== best) moved++;
        assign[m] = best;
      }
      if (moved === 0) break;
      cent.fill(0);
      for (let m = 0; m < members.length; m++) {
        const w = members[m];
        const base = assign[m] * DIMS;
        for (let p = rowPtr[w]; p < rowPtr[w + 1]; p++) cent[base + col[p]] += weight[w] * val[p];
      }
      for (let c = 0; c < k; c++) {
        let n = 0;
        for (let d = c * DIMS; d < (c + 1) * DIMS; d++) n += cent[d] * cent[d];
        n = Math.sqrt(n);
        if (n === 0) pick(c, members[Math.floor(random() * members.length)]);
        else for (let d = c * DIMS; d < (c + 1) * DIMS; d++) cent[d] /= n;
      }
    }
    const out: number[][] = Array.from({ length: k }, () => []);
    for (let m = 0; m < members.length; m++) out[assign[m]].push(members[m]);
    return out;
  };
  let frontier: number[][] = [Array.from({ length: V }, (_, i) => i)];
  for (const k of LEVELS) {
    const next: number[][] = [];
    for (const node of frontier) {
      if (node.length < Math.max(MIN_SPLIT, k)) continue;
      splitNode(node, k).forEach((child, c) => {
        for (const w of child) paths[w] += ALPHABET[c];
        if (child.length) next.push(child);
      });
    }
    frontier = next;
    log(`level of ${k}: ${frontier.length} clusters (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }

  const header = [
    "Parallax word clusters (scripts/word-clusters.ts): word<TAB>path; a path prefix names a coarser cluster.",
    `Learned from unlabelled text: ${sizes.news} tokens of Timeline17 news articles and ${sizes.corpus} tokens of the`,
    "training corpora's sentences (test splits left out); spherical k-means over random-indexing context vectors,",
    `levels ${LEVELS.join("x")}, ${V} words seen >= ${MIN_COUNT} times.`,
  ].join("\n");
  const text = formatClusters(vocab.map(([w], i) => [w, paths[i]] as [string, string]), header);
  const gz = gzipSync(text, { level: 9 });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, CLUSTER_FILE), gz);
  log(`wrote ${join(OUT, CLUSTER_FILE)} (${(gz.length / 1e6).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

main();
