/**
 * MinHash signatures with LSH banding, and a {@link DuplicateIndex} that finds exact and near
 * duplicates (syndicated copies with a new byline, a cut paragraph, a changed headline) among
 * everything added so far in time independent of the archive size: a new text is compared only
 * with the texts that share an LSH bucket with it.
 */
import { Slab } from "./slab.js";
import { fmix32, hash32 } from "./hash.js";
import { shingleHashes, shingleHashesOfNormalized } from "./shingles.js";
import { normalizeText } from "./text.js";
import { ParallaxError } from "../errors.js";

/** Hash functions per signature. Standard error of the Jaccard estimate is about 1/sqrt(128) = 0.09 at J=0.5, less near 1. */
export const NUM_PERMUTATIONS = 128;
/** LSH bands x rows = NUM_PERMUTATIONS. 32 x 4 makes a pair a candidate with p = 1-(1-J^4)^32: 0.87 at J=0.5, 0.998 at J=0.7. */
export const LSH_BANDS = 32;
export const LSH_ROWS = NUM_PERMUTATIONS / LSH_BANDS;
/** Estimated Jaccard at or above which two texts are near-duplicates. */
export const DUPLICATE_JACCARD = 0.7;
/** A text that is (estimated) this much contained in the other is a cut copy of it... */
export const DUPLICATE_CONTAINMENT = 0.85;
/** ...provided the Jaccard estimate is at least this (keeps a short quote box from matching a long article). */
export const MIN_JACCARD_FOR_CONTAINMENT = 0.4;
/** At most this many candidates are verified per added text (a bucket of thousands of copies stays cheap). */
export const MAX_CANDIDATES = 200;

/** Computes MinHash signatures over sets of 32-bit hashes. */
export class MinHasher {
  readonly seeds: Int32Array;

  constructor(readonly numPermutations = NUM_PERMUTATIONS, seed = 0x9e3779b9) {
    this.seeds = new Int32Array(numPermutations);
    for (let i = 0; i < numPermutations; i++) this.seeds[i] = fmix32((seed + Math.imul(i + 1, 0x61c88647)) >>> 0) | 0;
  }

  /**
   * The signature of a set of 32-bit hashes (all 0x7fffffff for an empty set). Permutation i is a
   * cheap xor-multiply-xorshift mix of x ^ seed_i (a bijection), compared as signed 32-bit values.
   */
  signature(hashes: Uint32Array): Int32Array {
    const n = this.numPermutations;
    const seeds = this.seeds;
    const sig = new Int32Array(n);
    const m = hashes.length;
    const xs = new Int32Array(hashes.buffer, hashes.byteOffset, m);
    // permutation-major, four at a time: the minima stay in registers while the hashes stream by
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      const s0 = seeds[i];
      const s1 = seeds[i + 1];
      const s2 = seeds[i + 2];
      const s3 = seeds[i + 3];
      let m0 = 0x7fffffff;
      let m1 = 0x7fffffff;
      let m2 = 0x7fffffff;
      let m3 = 0x7fffffff;
      for (let j = 0; j < m; j++) {
        const x = xs[j];
        const h0 = permute(x ^ s0);
        const h1 = permute(x ^ s1);
        const h2 = permute(x ^ s2);
        const h3 = permute(x ^ s3);
        if (h0 < m0) m0 = h0;
        if (h1 < m1) m1 = h1;
        if (h2 < m2) m2 = h2;
        if (h3 < m3) m3 = h3;
      }
      sig[i] = m0;
      sig[i + 1] = m1;
      sig[i + 2] = m2;
      sig[i + 3] = m3;
    }
    for (; i < n; i++) {
      const seed = seeds[i];
      let min = 0x7fffffff;
      for (let j = 0; j < m; j++) {
        const h = permute(xs[j] ^ seed);
        if (h < min) min = h;
      }
      sig[i] = min;
    }
    return sig;
  }
}

/** The xor-multiply-xorshift mix of {@link MinHasher.signature}, as a signed 32-bit value. */
function permute(v: number): number {
  let h = Math.imul(v, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: Int32Array, b: Int32Array): number {
  let eq = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) eq++;
  return eq / a.length;
}

/** What {@link DuplicateIndex.add} found for a new text. */
export interface DuplicateMatch {
  /** Id of the earliest-added text this one duplicates (the original, never a copy). */
  duplicateOf?: string;
  /** Estimated Jaccard similarity of word 5-shingles with it (1 for an exact copy). */
  jaccard?: number;
  /** Estimated share of the smaller text's shingles found in the larger. */
  containment?: number;
  /** True when the normalised texts are identical. */
  exact?: boolean;
}

interface Entry {
  sig: Int32Array;
  size: number;
  /** Original this entry duplicates, or itself. */
  root: string;
  /** Hash key of the normalised text (exact copies share it). */
  exactKey: string;
}

/** One indexed text as persisted by {@link DuplicateIndex.entry} and given back to {@link DuplicateIndex.restore}. */
export interface DuplicateEntry extends Entry {
  id: string;
}

/**
 * An online index of texts for exact and near-duplicate detection (MinHash + LSH).
 * `add` both answers "which earlier text is this a copy of?" and stores the new text.
 */
export class DuplicateIndex {
  private readonly hasher: MinHasher;
  private readonly entries = new Map<string, Entry>();
  private readonly exact = new Map<string, string>();
  /** Ids by insertion number (the buckets hold numbers). */
  private readonly ids: string[] = [];
  private readonly buckets = new BandBuckets(LSH_BANDS);
  private readonly slab = new Slab();

  constructor(private readonly opts: { jaccard?: number; containment?: number } = {}) {
    this.hasher = new MinHasher(NUM_PERMUTATIONS);
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Checks `text` against everything added so far, then adds it under `id`. */
  add(id: string, text: string): DuplicateMatch {
    if (this.entries.has(id)) throw new ParallaxError("E_LINK_DUPLICATE_ID", `Text id "${id}" was already added to the duplicate index.`, "Give every article a unique id (Article.id is a content hash).");
    const norm = normalizeText(text);
    const exactKey = `${hash32(norm, 1)}:${hash32(norm, 2)}:${norm.length}`;
    const shingles = shingleHashesOfNormalized(norm);
    const sig = this.hasher.signature(shingles);
    const bandKeys = this.bandKeys(sig);

    let match: DuplicateMatch = {};
    const exactId = this.exact.get(exactKey);
    if (exactId !== undefined) {
      match = { duplicateOf: this.entries.get(exactId)!.root, jaccard: 1, containment: 1, exact: true };
    } else if (shingles.length > 0) {
      match = this.bestNear(sig, shingles.length, bandKeys);
    }

    this.insert({ id, sig, size: shingles.length, root: match.duplicateOf ?? id, exactKey }, bandKeys);
    return match;
  }

  /** An indexed text's entry (signature, size, original, exact key), for persistence. */
  entry(id: string): DuplicateEntry | undefined {
    const e = this.entries.get(id);
    return e && { id, ...e };
  }

  /** Puts back a persisted entry without checking it (entries must come back in the order they were added). */
  restore(e: DuplicateEntry): void {
    if (this.entries.has(e.id)) throw new ParallaxError("E_LINK_DUPLICATE_ID", `Text id "${e.id}" was already added to the duplicate index.`, "Re-link from scratch (`parallax relink`).");
    if (e.sig.length !== NUM_PERMUTATIONS) throw new ParallaxError("E_LINK_STATE", `Persisted signature of ${e.id} has ${e.sig.length} values, not ${NUM_PERMUTATIONS}.`, "Re-link from scratch (`parallax relink`).");
    this.insert(e, this.bandKeys(e.sig));
  }

  private insert(e: DuplicateEntry, bandKeys: number[]): void {
    const { id, ...entry } = e;
    entry.sig = this.slab.copyInt32(entry.sig); // kept for the index's life: carved from its slabs (src/link/slab.ts)
    this.entries.set(id, entry);
    if (!this.exact.has(e.exactKey)) this.exact.set(e.exactKey, id);
    this.buckets.add(this.ids.length, bandKeys);
    this.ids.push(id);
  }

  /** Ids that share at least one LSH bucket with `text` (candidates, not verified). Does not add it. */
  candidates(text: string): string[] {
    const sig = this.hasher.signature(shingleHashes(text));
    return [...this.collect(this.bandKeys(sig))];
  }

  private bandKeys(sig: Int32Array): number[] {
    const keys: number[] = [];
    for (let b = 0; b < LSH_BANDS; b++) {
      let h = fmix32((b + 1) * 0x27d4eb2d);
      for (let r = 0; r < LSH_ROWS; r++) h = fmix32((h ^ sig[b * LSH_ROWS + r]) >>> 0);
      keys.push(h);
    }
    return keys;
  }

  private collect(bandKeys: number[]): Set<string> {
    const seen = new Set<string>();
    for (const k of bandKeys) {
      for (let s = this.buckets.first(k); s >= 0; s = this.buckets.next(s)) {
        seen.add(this.ids[this.buckets.docOf(s)]);
        if (seen.size >= MAX_CANDIDATES) return seen;
      }
    }
    return seen;
  }

  private bestNear(sig: Int32Array, size: number, bandKeys: number[]): DuplicateMatch {
    const minJ = this.opts.jaccard ?? DUPLICATE_JACCARD;
    const minC = this.opts.containment ?? DUPLICATE_CONTAINMENT;
    let best: DuplicateMatch = {};
    let bestScore = -1;
    for (const id of this.collect(bandKeys)) {
      const e = this.entries.get(id)!;
      if (e.size === 0) continue;
      const j = estimateJaccard(sig, e.sig);
      const inter = (j * (size + e.size)) / (1 + j);
      const c = Math.min(1, inter / Math.min(size, e.size));
      const dup = j >= minJ || (c >= minC && j >= MIN_JACCARD_FOR_CONTAINMENT);
      if (!dup) continue;
      const score = j + c;
      if (score > bestScore) {
        bestScore = score;
        best = { duplicateOf: e.root, jaccard: j, containment: c };
      }
    }
    return best;
  }
}

/**
 * The LSH buckets: band key -> the texts in it, in insertion order. An archive of N texts fills
 * N x bands buckets, most of them with one text, so they live in typed arrays (an open-addressing
 * table of bucket keys with the first and last entry of each, and a chain through the entries):
 * about 40 bytes per text and band where a Map of arrays takes about 110.
 */
export class BandBuckets {
  private keys = new Uint32Array(1024);
  private heads = new Int32Array(1024).fill(-1);
  private tails = new Int32Array(1024);
  private used = 0;
  /** Entry (doc x bands + band) -> the next entry of its bucket, or -1. */
  private chain = new Int32Array(1024);

  constructor(private readonly bands: number) {}

  /** Puts text number `doc` (0, 1, 2... in order) into the buckets of its band keys. */
  add(doc: number, bandKeys: readonly number[]): void {
    if ((this.used + bandKeys.length) * 2 > this.keys.length) this.grow();
    const need = (doc + 1) * this.bands;
    if (need > this.chain.length) {
      const c = new Int32Array(Math.max(need, this.chain.length * 2));
      c.set(this.chain);
      this.chain = c;
    }
    bandKeys.forEach((key, b) => {
      const entry = doc * this.bands + b;
      this.chain[entry] = -1;
      const slot = this.slot(key >>> 0);
      if (this.heads[slot] < 0) {
        this.keys[slot] = key >>> 0;
        this.heads[slot] = entry;
        this.used++;
      } else {
        this.chain[this.tails[slot]] = entry;
      }
      this.tails[slot] = entry;
    });
  }

  /** The first entry of the bucket of `key`, or -1 when it is empty. */
  first(key: number): number {
    return this.heads[this.slot(key >>> 0)];
  }

  /** The entry after `entry` in its bucket, or -1. */
  next(entry: number): number {
    return this.chain[entry];
  }

  /** The text number of an entry. */
  docOf(entry: number): number {
    return Math.floor(entry / this.bands);
  }

  /** The table slot holding `key`, or the empty slot where it would go (linear probing). */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = fmix32(key) & mask;
    while (this.heads[i] >= 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { keys, heads, tails } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.heads = new Int32Array(keys.length * 2).fill(-1);
    this.tails = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (heads[i] < 0) continue;
      const j = this.slot(keys[i]);
      this.keys[j] = keys[i];
      this.heads[j] = heads[i];
      this.tails[j] = tails[i];
    }
  }
}
