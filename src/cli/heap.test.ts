import { describe, expect, it } from "vitest";
import { HEAP_ENV, HEAP_FLAGS, HEAP_GROWING_PERCENT, MMAP_THRESHOLD_BYTES, YOUNG_SEMI_SPACE_MB, heapEnv, needsHeapFlags } from "./heap.js";

describe("needsHeapFlags", () => {
  const argv = (...a: string[]) => ["node", "parallax", ...a];
  it("restarts heavy commands once, unless the user chose a semi-space size", () => {
    expect(needsHeapFlags(argv("--db", "x.db", "relink"), [], {})).toBe(true);
    expect(needsHeapFlags(argv("analyze", "dir"), [], {})).toBe(true);
    expect(needsHeapFlags(argv("stories"), [], {})).toBe(false);
    expect(needsHeapFlags(argv("relink"), [], { [HEAP_ENV]: "--max-semi-space-size=64" })).toBe(false);
    expect(needsHeapFlags(argv("relink"), ["--max-semi-space-size=8"], {})).toBe(false);
    expect(needsHeapFlags(argv("relink"), [], { NODE_OPTIONS: "--inspect --max_semi_space_size=32" })).toBe(false);
    expect(needsHeapFlags(argv("relink"), ["--heap-growing-percent=100"], {})).toBe(false);
    expect(needsHeapFlags(argv("relink"), ["--max-old-space-size=4096"], {})).toBe(true);
  });
  it("passes the flags V8 reads at start-up", () => {
    expect(HEAP_FLAGS).toEqual([`--max-semi-space-size=${YOUNG_SEMI_SPACE_MB}`, `--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it("fixes glibc's mmap threshold for the restarted command unless the user chose one", () => {
    expect(heapEnv({ A: "1" })).toMatchObject({ A: "1", [HEAP_ENV]: HEAP_FLAGS.join(" "), GLIBC_TUNABLES: `glibc.malloc.mmap_threshold=${MMAP_THRESHOLD_BYTES}` });
    expect(heapEnv({ GLIBC_TUNABLES: "glibc.malloc.arena_max=2" }).GLIBC_TUNABLES).toBe(`glibc.malloc.arena_max=2:glibc.malloc.mmap_threshold=${MMAP_THRESHOLD_BYTES}`);
    expect(heapEnv({ GLIBC_TUNABLES: "glibc.malloc.mmap_threshold=65536" }).GLIBC_TUNABLES).toBe("glibc.malloc.mmap_threshold=65536");
  });
});
