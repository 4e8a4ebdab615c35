/**
 * Typed arrays carved out of large shared buffers. The linker keeps a few small typed arrays per
 * article (term ids and weights, MinHash signatures): allocated one by one, each is a small block of
 * the C heap, and when the linker drops them (before the story phase) the allocator keeps the freed
 * blocks in its heap instead of giving them back to the system (at 100k articles ~550 MB of them
 * stayed resident for the rest of the run). Carved from slabs of {@link SLAB_BYTES}, they are freed
 * as whole slabs, which the allocator returns to the system (see also src/cli/heap.ts). A view keeps
 * its slab alive, so a slab suits arrays that live and die together.
 */

/** Bytes per slab. */
export const SLAB_BYTES = 4 << 20;
/** Arrays larger than this get a buffer of their own. */
const MAX_CARVED_BYTES = SLAB_BYTES >> 2;

export class Slab {
  private buf: ArrayBuffer | undefined;
  private used = 0;

  int32(n: number): Int32Array {
    const [buf, off] = this.take(n * 4);
    return new Int32Array(buf, off, n);
  }

  float64(n: number): Float64Array {
    const [buf, off] = this.take(n * 8);
    return new Float64Array(buf, off, n);
  }

  /** A copy of `a` in the slab. */
  copyInt32(a: ArrayLike<number>): Int32Array {
    const out = this.int32(a.length);
    out.set(a);
    return out;
  }

  private take(bytes: number): [ArrayBuffer, number] {
    if (bytes > MAX_CARVED_BYTES) return [new ArrayBuffer(bytes), 0];
    const size = (bytes + 7) & ~7; // 8-byte aligned for Float64Array views
    if (!this.buf || this.used + size > SLAB_BYTES) {
      this.buf = new ArrayBuffer(SLAB_BYTES);
      this.used = 0;
    }
    const off = this.used;
    this.used += size;
    return [this.buf, off];
  }
}
