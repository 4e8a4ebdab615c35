/**
 * Progress for long runs: count, rate and ETA on a terminal (redrawn in place on stderr),
 * nothing in pipes unless --verbose (then a line every few seconds), nothing with --quiet.
 */

/** Redraw at most this often (ms) on a terminal. */
const TTY_REDRAW_MS = 100;
/** In verbose non-terminal mode, print a line at most this often (ms). */
const LOG_EVERY_MS = 5000;

export type Verbosity = "quiet" | "normal" | "verbose";

export interface Progress {
  tick(n?: number): void;
  /** Sets the total once it is known (ETA appears). */
  total(n: number): void;
  done(summary?: string): void;
}

export function progress(label: string, verbosity: Verbosity, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = !!stream.isTTY && verbosity !== "quiet";
  const logLines = !stream.isTTY && verbosity === "verbose";
  const started = performance.now();
  let count = 0;
  let expected = 0;
  let last = 0;
  const line = () => {
    const secs = (performance.now() - started) / 1000;
    const rate = secs > 0 ? count / secs : 0;
    const eta = expected > count && rate > 0 ? ` ETA ${fmtSecs((expected - count) / rate)}` : "";
    const of = expected ? `/${expected}` : "";
    return `${label} ${count}${of} (${rate.toFixed(rate < 10 ? 1 : 0)}/s)${eta}`;
  };
  return {
    tick(n = 1) {
      count += n;
      const now = performance.now();
      if (tty && now - last > TTY_REDRAW_MS) {
        last = now;
        stream.write(`\r\x1b[K${line()}`);
      } else if (logLines && now - last > LOG_EVERY_MS) {
        last = now;
        stream.write(`${line()}\n`);
      }
    },
    total(n) {
      expected = n;
    },
    done(summary) {
      if (tty) stream.write(`\r\x1b[K`);
      if (summary && verbosity !== "quiet") stream.write(`${summary}\n`);
    },
  };
}

function fmtSecs(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, "0")}s`;
}
