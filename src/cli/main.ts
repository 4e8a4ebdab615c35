#!/usr/bin/env node
/** The `parallax` binary: see program.ts for the commands. */
import { main } from "./program.js";
import { needsHeapFlags, restartWithHeapFlags } from "./heap.js";

// Heavy commands run with a larger young generation (see heap.ts); when the restart itself fails,
// this process does the work with V8's defaults.
if (needsHeapFlags(process.argv, process.execArgv, process.env)) {
  const code = restartWithHeapFlags();
  if (code >= 0) process.exit(code);
}

process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
});

// Benchmarks read the peak memory of a run from this line (see scripts/bench.ts).
if (process.env.PARALLAX_RUSAGE) {
  process.on("exit", () => process.stderr.write(`PARALLAX_RUSAGE ${JSON.stringify({ maxRSS: process.resourceUsage().maxRSS })}\n`));
}

await main(process.argv);
