/**
 * Fast 32-bit hashing for shingles, terms and MinHash permutations (no dependency).
 * FNV-1a over UTF-16 code units, finalised with murmur3's fmix32 for good avalanche.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** murmur3 finaliser: a bijective 32-bit mixer (used as a cheap permutation of hash values). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit FNV-1a hash of a string, mixed with fmix32; unsigned. */
export function hash32(s: string, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return fmix32(h);
}

/**
 * hash32 of words `from..to` joined by single spaces, the words given as ranges of `s` (`bounds`
 * holds [start, end) pairs, see wordBounds in ./text.ts) and read in place: no string is built.
 */
export function hashJoinedRanges(s: string, bounds: Int32Array, from: number, to: number): number {
  let h = FNV_OFFSET >>> 0;
  for (let j = from; j < to; j++) {
    if (j > from) {
      h ^= 0x20;
      h = Math.imul(h, FNV_PRIME);
    }
    const end = bounds[2 * j + 1];
    for (let i = bounds[2 * j]; i < end; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, FNV_PRIME);
    }
  }
  return fmix32(h);
}
