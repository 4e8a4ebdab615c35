/**
 * Reading JSON Lines from a file or stdin for the benchmark commands (annotate, cluster):
 * one object per line; a bad line is reported with its line number and the rest go on.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { ParallaxError } from "../errors.js";

export type JsonLine = { line: number; value: Record<string, unknown> } | { line: number; error: string };

/** Lines longer than this are refused (protects memory on hostile input). */
export const MAX_LINE_CHARS = 50_000_000;

export async function* readJsonLines(file?: string): AsyncGenerator<JsonLine> {
  let input: NodeJS.ReadableStream;
  if (file && file !== "-") {
    if (!existsSync(file)) throw new ParallaxError("E_NOT_FOUND", `Input file ${file} does not exist.`, "Check the path, or pipe JSON Lines on stdin.");
    if (statSync(file).isDirectory()) throw new ParallaxError("E_IS_DIR", `Input ${file} is a folder, not a JSON Lines file.`, "Pass one .jsonl file, or pipe it on stdin.");
    input = createReadStream(file, { encoding: "utf8" });
  } else {
    if (process.stdin.isTTY) {
      throw new ParallaxError("E_NO_INPUT", "No input: this command reads JSON Lines from a file or stdin.", "Pass a file name, or pipe input: `cat in.jsonl | parallax annotate`.");
    }
    input = process.stdin;
  }
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of rl) {
    n++;
    const line = raw.trim();
    if (!line) continue;
    if (line.length > MAX_LINE_CHARS) {
      yield { line: n, error: `line ${n} is longer than ${MAX_LINE_CHARS} characters` };
      continue;
    }
    try {
      const v = JSON.parse(line);
      if (!v || typeof v !== "object" || Array.isArray(v)) yield { line: n, error: `line ${n} is not a JSON object` };
      else yield { line: n, value: v as Record<string, unknown> };
    } catch (e) {
      yield { line: n, error: `line ${n} is not valid JSON (${(e as Error).message})` };
    }
  }
}

/** Writes one JSON line to stdout, waiting when the pipe is full. */
export async function writeLine(obj: unknown): Promise<void> {
  const s = `${JSON.stringify(obj)}\n`;
  if (!process.stdout.write(s)) await new Promise<void>((r) => process.stdout.once("drain", () => r()));
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}
