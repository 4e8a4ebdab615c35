/**
 * Word shingles for near-duplicate detection: hashes of every run of k consecutive normalised
 * words. Stopwords are kept (they make copies distinctive); punctuation and case are not.
 */
import { hash32, hashJoined } from "./hash.js";
import { normalizeText, words } from "./text.js";

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
  const w = words(norm);
  if (w.length === 0) return new Uint32Array(0);
  if (w.length < k) return Uint32Array.of(hash32(w.join(" ")));
  // every shingle's hash, then sorted and deduplicated in place (cheaper than a Set of numbers)
  const all = new Uint32Array(w.length - k + 1);
  for (let i = 0; i + k <= w.length; i++) all[i] = hashJoined(w, i, i + k);
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i];
  return all.subarray(0, n);
}

/** Exact Jaccard similarity of two shingle-hash sets (for tests and verification of small sets). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const sa = new Set(a);
  let inter = 0;
  for (const x of b) if (sa.has(x)) inter++;
  return inter / (a.length + b.length - inter);
}
