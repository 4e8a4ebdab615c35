/**
 * V8 heap flags for the CLI's heavy commands. Linking allocates many short-lived objects (term
 * sets, sentence features, parsed annotations); with V8's default young generation (16 MB
 * semi-spaces) they overflow it every few milliseconds and survivors are copied again and again.
 * Larger semi-spaces cut the link step's CPU time markedly at no cost in peak memory, and a smaller
 * old-generation growth factor keeps the peak near the live heap (see docs/BENCHMARKS.md). V8
 * reads both only at start-up (`v8.setFlagsFromString` later has no effect), so the CLI starts
 * itself again with the flags, once, for the commands that need them.
 */
import { spawnSync } from "node:child_process";
import { constants } from "node:os";

/** Maximum size of each young-generation semi-space, MB (V8's default is 16 on 64-bit). */
export const YOUNG_SEMI_SPACE_MB = 64;
/**
 * The old generation may grow to this much more than what the last full collection kept before the
 * next one (V8 otherwise picks up to 300% when collections are fast). A link run's live heap is a
 * few hundred MB but it allocates tens of GB in passing: with V8's own factor a 100k-article relink
 * peaked at 3.4 GB, with 50% well under 2 GB (docs/BENCHMARKS.md).
 */
export const HEAP_GROWING_PERCENT = 50;
/**
 * Memory blocks of at least this many bytes get their own mapping from the C allocator (glibc), which
 * goes back to the system as soon as the block is freed. glibc's own threshold starts at 128 KB but
 * rises (up to 32 MB) each time a larger mapped block is freed; then the linker's slabs (4 MB, see
 * src/link/slab.ts) land in the allocator's heap, whose freed space it keeps. Fixed, the threshold
 * stays put (a no-op where the C library is not glibc).
 */
export const MMAP_THRESHOLD_BYTES = 1 << 20;
/** The node flags the heavy commands run with. */
export const HEAP_FLAGS = [`--max-semi-space-size=${YOUNG_SEMI_SPACE_MB}`, `--heap-growing-percent=${HEAP_GROWING_PERCENT}`];
/** Commands that read, annotate or link many articles. */
export const HEAVY_COMMANDS: ReadonlySet<string> = new Set(["analyze", "ingest", "relink", "cluster", "fetch", "watch", "annotate", "digest"]);
/** Set in the restarted process (and by a user who wants no restart). */
export const HEAP_ENV = "PARALLAX_HEAP_FLAGS";

/**
 * Whether this process should start again with {@link HEAP_FLAGS}: a heavy command, not restarted
 * already, and no semi-space size or heap growth chosen by the user (node flags or NODE_OPTIONS).
 */
export function needsHeapFlags(argv: readonly string[], execArgv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (env[HEAP_ENV] !== undefined) return false;
  const chosen = [...execArgv, ...(env.NODE_OPTIONS ?? "").split(/\s+/)].some((a) => /^--(max[-_]semi[-_]space[-_]size|heap[-_]growing[-_]percent)\b/.test(a));
  if (chosen) return false;
  return argv.slice(2).some((a) => HEAVY_COMMANDS.has(a));
}

/**
 * The environment of a restarted heavy command: {@link HEAP_ENV} set, and glibc's mmap threshold fixed
 * at {@link MMAP_THRESHOLD_BYTES} unless the user's GLIBC_TUNABLES already chooses one.
 */
export function heapEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const tunable = `glibc.malloc.mmap_threshold=${MMAP_THRESHOLD_BYTES}`;
  const own = env.GLIBC_TUNABLES;
  const tunables = !own ? tunable : /glibc\.malloc\.mmap_threshold=/.test(own) ? own : `${own}:${tunable}`;
  return { ...env, [HEAP_ENV]: HEAP_FLAGS.join(" "), GLIBC_TUNABLES: tunables };
}

/**
 * Runs this CLI again in a child process with {@link HEAP_FLAGS} (same arguments, stdin, stdout
 * and stderr) and returns its exit code. Interrupts reach the child through the terminal's
 * process group; this process waits for it to finish.
 */
export function restartWithHeapFlags(): number {
  const ignore = () => {};
  for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(s, ignore);
  const r = spawnSync(process.execPath, [...HEAP_FLAGS, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: heapEnv(process.env),
  });
  if (r.error) {
    for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.off(s, ignore);
    return -1;
  }
  if (r.status !== null) return r.status;
  const signo = r.signal ? (constants.signals as Record<string, number>)[r.signal] : undefined;
  return signo ? 128 + signo : 1;
}
