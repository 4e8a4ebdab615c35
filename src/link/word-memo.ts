/**
 * A memo from word forms to what a caller derives from them (a content term), looked up straight
 * from a character range of a text: a word seen before costs a hash and a compare of its
 * characters, with no string built. Building a string per word token (slice, lower-case, Map
 * lookup) was most of the link step's text work and a good share of its garbage.
 *
 * Open addressing with linear probing; the table grows by doubling up to `limit` entries, after
 * which new forms are derived but not kept (a news vocabulary fits many times over).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Initial slots (a power of two). */
const INITIAL_SLOTS = 1 << 12;
/** The table doubles when this share of its slots is used. */
const MAX_LOAD = 0.5;

/** A character range of a text read as a word form; `fold` maps ASCII capitals and U+2019 (see {@link WordMemo}). */
export class WordMemo<V> {
  private slots = INITIAL_SLOTS;
  private hashes = new Int32Array(INITIAL_SLOTS);
  private keys: (string | undefined)[] = new Array(INITIAL_SLOTS);
  private values: V[] = new Array(INITIAL_SLOTS);
  private used = 0;

  /**
   * @param limit most forms kept
   * @param fold when true, a range is read lower-cased with a curly apostrophe (U+2019) as "'":
   *   ASCII capitals fold here; a range with any other non-ASCII character is not memoised
   *   ({@link get} returns undefined and the caller takes its own path), since lower-casing it can
   *   change its length.
   */
  constructor(
    private readonly limit: number,
    private readonly fold: boolean,
  ) {}

  get size(): number {
    return this.used;
  }

  /**
   * The value for the form `s[start, end)`, deriving it with `derive(form)` the first time (the
   * form as a string: folded when the memo folds). Undefined only for a folding memo and a range
   * it cannot fold.
   */
  get(s: string, start: number, end: number, derive: (form: string) => V): V | undefined {
    let h = FNV_OFFSET;
    if (this.fold) {
      for (let i = start; i < end; i++) {
        let c = s.charCodeAt(i);
        if (c >= 0x80) {
          if (c !== 0x2019) return undefined;
          c = 0x27;
        } else if (c >= 0x41 && c <= 0x5a) c += 0x20;
        h = Math.imul(h ^ c, FNV_PRIME);
      }
    } else {
      for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
    }
    h ^= h >>> 15;
    const mask = this.slots - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] === h && key.length === len && this.same(key, s, start)) return this.values[slot];
    }
    const form = this.formOf(s, start, end);
    const value = derive(form);
    if (this.used < this.limit) {
      if (this.used + 1 > this.slots * MAX_LOAD) this.grow();
      this.put(h, form, value);
    }
    return value;
  }

  private same(key: string, s: string, start: number): boolean {
    if (this.fold) {
      for (let k = 0; k < key.length; k++) {
        let c = s.charCodeAt(start + k);
        if (c === 0x2019) c = 0x27;
        else if (c >= 0x41 && c <= 0x5a) c += 0x20;
        if (c !== key.charCodeAt(k)) return false;
      }
      return true;
    }
    for (let k = 0; k < key.length; k++) if (s.charCodeAt(start + k) !== key.charCodeAt(k)) return false;
    return true;
  }

  private formOf(s: string, start: number, end: number): string {
    const raw = s.slice(start, end);
    if (!this.fold) return raw;
    // ASCII with at most curly apostrophes here: toLowerCase keeps the length
    const lower = raw.toLowerCase();
    return lower.includes("\u2019") ? lower.replace(/\u2019/g, "'") : lower;
  }

  private put(h: number, key: string, value: V): void {
    const mask = this.slots - 1;
    let slot = h & mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
    this.hashes[slot] = h;
    this.keys[slot] = key;
    this.values[slot] = value;
    this.used++;
  }

  private grow(): void {
    const [hashes, keys, values] = [this.hashes, this.keys, this.values];
    this.slots *= 2;
    this.hashes = new Int32Array(this.slots);
    this.keys = new Array(this.slots);
    this.values = new Array(this.slots);
    this.used = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== undefined) this.put(hashes[i], keys[i]!, values[i]);
  }
}
