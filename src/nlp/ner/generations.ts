/**
 * A cache kept in two generations: when the current one is full (see {@link GenerationCache.full}) the
 * owner calls {@link GenerationCache.rotate}: the current generation becomes the previous one and the
 * one before is dropped; an entry found in the previous generation moves back to the current one.
 * Memory stays bounded by two generations while the entries in use stay cached.
 */
export class GenerationCache<K, V> {
  private now = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(readonly generation: number) {}

  get(key: K): V | undefined {
    const hit = this.now.get(key);
    if (hit !== undefined) return hit;
    const old = this.old.get(key);
    if (old !== undefined) this.now.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    this.now.set(key, value);
  }

  /** True when the current generation holds `generation` entries (or would, with `adding` more). */
  full(adding = 0): boolean {
    return this.now.size + adding >= this.generation;
  }

  rotate(): void {
    this.old = this.now;
    this.now = new Map();
  }

  clear(): void {
    this.now = new Map();
    this.old = new Map();
  }
}
