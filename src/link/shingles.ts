/**
 * Word shingles for near-duplicate detection: hashes of every run of k consecutive normalised
 * words. Stopwords are kept (they make copies distinctive); punctuation and case are not.
 */
import { hashJoinedRanges } from "./hash.js";
import { normalizeText, wordBounds } from "./text.js";

/** Words per shingle: 5 keeps unrelated articles apart while a reworded sentence breaks only a few shingles. */
export const SHINGLE_SIZE = 5;

/**
 * The distinct 32-bit hashes of the word k-shingles of `text`, ascending (a text shorter than k
 * words gives one shingle of all its words; an empty text gives none).
 */
export function shingleHashes(text: string, k = SHINGLE_SIZE): Uint32Array {
  return shingleHashesOfNormalized(normalizeText(text), k);
}

/** {@link shingleHashes} of a text already passed through {@link normalizeText}. */
export function shingleHashesOfNormalized(norm: string, k = SHINGLE_SIZE): Uint32Array {
  // the words are read in place: norm is lower-cased and folded, so each is its own slice of it
  const bounds = wordBounds(norm);
  const n = bounds.length / 2;
  if (n === 0) return new Uint32Array(0);
  if (n < k) return Uint32Array.of(hashJoinedRanges(norm, bounds, 0, n));
  // every shingle's hash, then sorted and deduplicated in place (cheaper than a Set of numbers)
  const all = new Uint32Array(n - k + 1);
  for (let i = 0; i + k <= n; i++) all[i] = hashJoinedRanges(norm, bounds, i, i + k);
  all.sort();
  let m = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[m++] = all[i];
  return all.subarray(0, m);
}

/** Exact Jaccard similarity of two shingle-hash sets (for tests and verification of small sets). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const sa = new Set(a);
  let inter = 0;
  for (const x of b) if (sa.has(x)) inter++;
  return inter / (a.length + b.length - inter);
}
