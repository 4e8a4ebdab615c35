/**
 * Maps from term ids (non-negative integers) to counts or summed weights, held in typed arrays.
 *
 * The clusterer keeps one per story (document frequencies) and one per story and event (centroid
 * weights). A `Map<number, number>` costs 40-50 bytes an entry in V8 (no pointer compression in
 * Node); these cost 16-24, and the garbage collector has nothing inside them to trace. Open
 * addressing with linear probing; capacity a power of two, at most half full.
 */

const EMPTY = -1;
const MIN_CAPACITY = 16;

/** Slot of `id` in `keys` (its own or the empty one where it would go). */
function probe(keys: Int32Array, id: number): number {
  const mask = keys.length - 1;
  // multiplicative hashing spreads consecutive ids (term ids are handed out consecutively)
  let i = (Math.imul(id, 0x9e3779b1) >>> 0) & mask;
  while (keys[i] !== EMPTY && keys[i] !== id) i = (i + 1) & mask;
  return i;
}

function checkId(id: number): void {
  if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new RangeError(`term id ${id} is not a non-negative 32-bit integer`);
}

/** Id -> count (a story's document frequencies). Counts are 32-bit integers. */
export class IdCounts {
  private keys = new Int32Array(MIN_CAPACITY).fill(EMPTY);
  private counts = new Int32Array(MIN_CAPACITY);
  private n = 0;

  /** Number of ids with an entry. */
  get size(): number {
    return this.n;
  }

  /** The count of `id` (undefined when it has none, as a Map would). */
  get(id: number): number | undefined {
    const i = probe(this.keys, id);
    return this.keys[i] === EMPTY ? undefined : this.counts[i];
  }

  /** Adds `by` (default 1) to the count of `id`. */
  increment(id: number, by = 1): void {
    let i = probe(this.keys, id);
    if (this.keys[i] === EMPTY) {
      checkId(id);
      if (2 * (this.n + 1) > this.keys.length) {
        this.grow();
        i = probe(this.keys, id);
      }
      this.keys[i] = id;
      this.n++;
    }
    this.counts[i] += by;
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Int32Array(keys.length * 2).fill(EMPTY);
    this.counts = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      const j = probe(this.keys, keys[i]);
      this.keys[j] = keys[i];
      this.counts[j] = counts[i];
    }
  }
}

/**
 * Id -> summed weight, in first-added order (a centroid: reading its vector walks two arrays).
 * `ids` and `weights` views are valid until the next change.
 */
export class IdWeights {
  private idArr = new Int32Array(MIN_CAPACITY / 2);
  private wArr = new Float64Array(MIN_CAPACITY / 2);
  private slots = new Int32Array(MIN_CAPACITY).fill(EMPTY);
  private n = 0;

  get size(): number {
    return this.n;
  }

  /** The ids, in first-added order. */
  get ids(): Int32Array {
    return this.idArr.subarray(0, this.n);
  }

  /** The weights, parallel to {@link ids}. */
  get weights(): Float64Array {
    return this.wArr.subarray(0, this.n);
  }

  /** Adds `w` to the weight of `id` (a new id starts at 0). */
  add(id: number, w: number): void {
    let s = this.slot(id);
    let at = this.slots[s];
    if (at === EMPTY) {
      checkId(id);
      if (this.n === this.idArr.length) this.growArrays();
      if (2 * (this.n + 1) > this.slots.length) {
        this.rehash(this.slots.length * 2);
        s = this.slot(id);
      }
      at = this.n++;
      this.slots[s] = at;
      this.idArr[at] = id;
      this.wArr[at] = 0;
    }
    this.wArr[at] += w;
  }

  /** Keeps the `max` heaviest ids, heaviest first (ties in their current order). */
  keepHeaviest(max: number): void {
    const order = Array.from({ length: this.n }, (_, i) => i).sort((a, b) => this.wArr[b] - this.wArr[a]).slice(0, max);
    const ids = new Int32Array(Math.max(MIN_CAPACITY / 2, order.length));
    const ws = new Float64Array(ids.length);
    order.forEach((i, k) => {
      ids[k] = this.idArr[i];
      ws[k] = this.wArr[i];
    });
    this.idArr = ids;
    this.wArr = ws;
    this.n = order.length;
    this.rehash(Math.max(MIN_CAPACITY, nextPow2(2 * this.n)));
  }

  /** Slot in `slots` of `id`: its own, or the empty one where it would go. */
  private slot(id: number): number {
    const mask = this.slots.length - 1;
    let i = (Math.imul(id, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const at = this.slots[i];
      if (at === EMPTY || this.idArr[at] === id) return i;
      i = (i + 1) & mask;
    }
  }

  private growArrays(): void {
    const ids = new Int32Array(this.idArr.length * 2);
    ids.set(this.idArr);
    const ws = new Float64Array(ids.length);
    ws.set(this.wArr);
    this.idArr = ids;
    this.wArr = ws;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity).fill(EMPTY);
    for (let at = 0; at < this.n; at++) this.slots[this.slot(this.idArr[at])] = at;
  }
}

function nextPow2(x: number): number {
  let p = 1;
  while (p < x) p *= 2;
  return p;
}
