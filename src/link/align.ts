/**
 * Order-preserving sentence alignment between two articles (monotone dynamic programming over
 * a weighted-overlap similarity), the core of rewrite detection.
 */
import type { SentenceFeatures } from "./sentences.js";
import { denseIds } from "./dense-ids.js";

/** Two sentences align only at or above this similarity (weighted Dice of their features). */
export const ALIGN_MIN_SIMILARITY = 0.3;
/** Numbers are specific facts: their weight is multiplied by this. */
export const NUMBER_WEIGHT_BOOST = 1.5;
/** Multi-word names/entities ("@mikhail bogdanov") weigh this much more than a plain stem. */
export const NAME_WEIGHT_BOOST = 1.5;

/** One aligned pair: indices into the two sentence lists and their similarity. */
export interface AlignedPair {
  a: number;
  b: number;
  similarity: number;
}

/**
 * Feature weights for comparing the sentences of two articles: an IDF over the sentences of
 * both (a term in every sentence, like the story's main actor, says little about which pairs match).
 */
export function pairWeights(a: SentenceFeatures[], b: SentenceFeatures[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const list of [a, b]) for (const s of list) for (const f of s.features) df.set(f, (df.get(f) ?? 0) + 1);
  const n = a.length + b.length;
  for (const [f, d] of df) df.set(f, featureWeight(f, d, n));
  return df;
}

/** The weight of a feature held by `d` of the `n` sentences compared: IDF, boosted for numbers and names. */
function featureWeight(f: string, d: number, n: number): number {
  const x = Math.log(1 + n / d);
  const c = f.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return x * NUMBER_WEIGHT_BOOST;
  return c === 0x40 ? x * NAME_WEIGHT_BOOST : x;
}

/** Weighted Dice coefficient of two sentences' features. */
export function sentenceSimilarity(x: SentenceFeatures, y: SentenceFeatures, weights: Map<string, number>): number {
  let shared = 0;
  let wx = 0;
  let wy = 0;
  for (const f of x.features) {
    const w = weights.get(f) ?? 1;
    wx += w;
    if (y.features.has(f)) shared += w;
  }
  for (const f of y.features) wy += weights.get(f) ?? 1;
  return wx + wy > 0 ? (2 * shared) / (wx + wy) : 0;
}

/**
 * All pairwise similarities (the values {@link sentenceSimilarity} gives under {@link pairWeights}),
 * computed through an inverted index of b's features so only pairs that share a feature cost
 * anything. The two articles' features are numbered densely first (in first-seen order, so every
 * sum adds the same weights in the same order): weights, sentences and postings are then typed
 * arrays, not a map per use.
 */
function similarityMatrix(a: SentenceFeatures[], b: SentenceFeatures[]): Float64Array {
  const n = a.length;
  const m = b.length;
  const { ids, names, df } = denseIds([...a.map((s) => s.features), ...b.map((s) => s.features)]);
  const ia = ids.slice(0, n);
  const ib = ids.slice(n);
  const features = df.length;
  const weight = new Float64Array(features);
  for (let x = 0; x < features; x++) weight[x] = featureWeight(names[x], df[x], n + m);
  const total = (s: Int32Array) => {
    let w = 0;
    for (let k = 0; k < s.length; k++) w += weight[s[k]];
    return w;
  };
  const wa = ia.map(total);
  const wb = ib.map(total);
  // b's postings: feature x's sentences (ascending) are post[start[x] .. start[x + 1])
  const start = new Int32Array(features + 1);
  for (const s of ib) for (let k = 0; k < s.length; k++) start[s[k] + 1]++;
  for (let x = 0; x < features; x++) start[x + 1] += start[x];
  const post = new Int32Array(start[features]);
  const fill = start.slice(0, features);
  ib.forEach((s, j) => {
    for (let k = 0; k < s.length; k++) post[fill[s[k]]++] = j;
  });
  const shared = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const s = ia[i];
    for (let k = 0; k < s.length; k++) {
      const x = s[k];
      const w = weight[x];
      for (let p = start[x]; p < start[x + 1]; p++) shared[i * m + post[p]] += w;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const d = wa[i] + wb[j];
      shared[i * m + j] = d > 0 ? (2 * shared[i * m + j]) / d : 0;
    }
  }
  return shared;
}

/**
 * The monotone one-to-one alignment that maximises the summed margin (similarity - minimum)
 * over aligned pairs: crossing pairs are not allowed, so a rewrite must keep the source's order.
 */
export function alignSentences(a: SentenceFeatures[], b: SentenceFeatures[], minSimilarity = ALIGN_MIN_SIMILARITY): AlignedPair[] {
  const n = a.length;
  const m = b.length;
  const sim = similarityMatrix(a, b);
  // dp[(i)*(m+1)+j]: best score aligning a[0..i) with b[0..j)
  const dp = new Float64Array((n + 1) * (m + 1));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = sim[(i - 1) * m + (j - 1)];
      let best = Math.max(dp[(i - 1) * (m + 1) + j], dp[i * (m + 1) + j - 1]);
      if (s >= minSimilarity) best = Math.max(best, dp[(i - 1) * (m + 1) + j - 1] + (s - minSimilarity) + Number.EPSILON);
      dp[i * (m + 1) + j] = best;
    }
  }
  const pairs: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const here = dp[i * (m + 1) + j];
    if (here === dp[(i - 1) * (m + 1) + j]) i--;
    else if (here === dp[i * (m + 1) + j - 1]) j--;
    else {
      pairs.push({ a: i - 1, b: j - 1, similarity: sim[(i - 1) * m + (j - 1)] });
      i--;
      j--;
    }
  }
  return pairs.reverse();
}
