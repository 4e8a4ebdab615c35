/**
 * A quick estimate of how many documents some paths hold (files, and lines of JSON Lines
 * files), so progress can show an ETA. Never throws: unreadable paths count as one.
 */
import { closeSync, openSync, readSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Files larger than this are not scanned for line counts (the estimate stays cheap). */
const MAX_SCAN_BYTES = 256 * 1024 * 1024;
const LINE_FILE = /\.(jsonl|ndjson)$/i;

export function countInputs(paths: string[]): number {
  let n = 0;
  const visit = (p: string, depth: number): void => {
    try {
      const st = statSync(p);
      if (st.isDirectory()) {
        if (depth > 32) return;
        for (const name of readdirSync(p)) if (!name.startsWith(".")) visit(join(p, name), depth + 1);
      } else if (LINE_FILE.test(p) && st.size <= MAX_SCAN_BYTES) {
        n += countLines(p);
      } else {
        n += 1;
      }
    } catch {
      n += 1;
    }
  };
  for (const p of paths) visit(p, 0);
  return n;
}

function countLines(path: string): number {
  const fd = openSync(path, "r");
  const buf = Buffer.alloc(1 << 20);
  let lines = 0;
  let last = 10;
  try {
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got <= 0) break;
      for (let i = 0; i < got; i++) if (buf[i] === 10) lines++;
      last = buf[got - 1];
    }
  } finally {
    closeSync(fd);
  }
  return lines + (last === 10 ? 0 : 1);
}
