/**
 * Order-preserving sentence alignment between two articles (monotone dynamic programming over
 * a weighted-overlap similarity), the core of rewrite detection.
 */
import type { SentenceFeatures } from "./sentences.js";

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
  for (const s of [...a, ...b]) for (const f of s.features) df.set(f, (df.get(f) ?? 0) + 1);
  const n = a.length + b.length;
  const w = new Map<string, number>();
  for (const [f, d] of df) {
    let x = Math.log(1 + n / d);
    if (/^\d/.test(f)) x *= NUMBER_WEIGHT_BOOST;
    else if (f.startsWith("@")) x *= NAME_WEIGHT_BOOST;
    w.set(f, x);
  }
  return w;
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
 * All pairwise similarities (same values as {@link sentenceSimilarity}), computed through an
 * inverted index of b's features so only pairs that share a feature cost anything.
 */
function similarityMatrix(a: SentenceFeatures[], b: SentenceFeatures[], weights: Map<string, number>): Float64Array {
  const n = a.length;
  const m = b.length;
  const total = (s: SentenceFeatures) => {
    let w = 0;
    for (const f of s.features) w += weights.get(f) ?? 1;
    return w;
  };
  const wa = a.map(total);
  const wb = b.map(total);
  const postings = new Map<string, number[]>();
  b.forEach((s, j) => {
    for (const f of s.features) {
      const p = postings.get(f);
      if (p) p.push(j);
      else postings.set(f, [j]);
    }
  });
  const shared = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (const f of a[i].features) {
      const p = postings.get(f);
      if (!p) continue;
      const w = weights.get(f) ?? 1;
      for (const j of p) shared[i * m + j] += w;
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
  const weights = pairWeights(a, b);
  const n = a.length;
  const m = b.length;
  const sim = similarityMatrix(a, b, weights);
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
