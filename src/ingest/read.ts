/**
 * Reading inputs: files and folders (walked recursively, sorted, dotfiles skipped) to raw documents.
 * Every bad input gives exactly one clear diagnostic and the walk goes on; nothing is thrown.
 */
import { isUtf8 } from "node:buffer";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Diagnostic } from "../model.js";
import { decodeBytes, sniffBom, sniffDeclaredCharset } from "./decode.js";
import { parseFeed } from "./feed.js";
import { parseJsonDocument, parseJsonLineBytes, parseJsonLines } from "./records.js";
import { ACCEPTED_FORMATS, detectFormat, isGzip, looksBinary } from "./sniff.js";
import type { InputItem, RawDoc, ReadOptions } from "./types.js";

/** Default size cap for one input file, and for its decompressed content when gzipped (20 MB). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/**
 * A JSON Lines file holds many articles: its cap is this many times the per-file cap
 * (each of its records is still held to the per-file cap).
 */
export const JSONL_CAP_FACTOR = 25;
const COLLECTION_FILE = /\.(jsonl|ndjson)(\.gz)?$/i;

function fail(path: string, code: string, message: string, index?: number): InputItem {
  const diagnostic: Diagnostic = { code, severity: "error", stage: "ingest", message };
  return index === undefined ? { ok: false, path, diagnostic } : { ok: false, path, index, diagnostic };
}

function errCode(err: unknown): string | undefined {
  return err && typeof err === "object" && "code" in err ? String((err as { code: unknown }).code) : undefined;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function tooLarge(path: string, what: string, size: number, cap: number): InputItem {
  return fail(path, "ingest/too-large",
    `${path}: ${what} (${mb(size)}) is over the size cap of ${mb(cap)}; skipped. Raise the cap with --max-bytes <bytes> (or the maxBytes option) if the file is genuine.`);
}

/** Bytes of the head decoded to tell the format (a feed or HTML page by its root element). */
const FORMAT_SNIFF_BYTES = 8192;

/**
 * The bytes of a JSON Lines file that {@link parseJsonLineBytes} can read as they are (its UTF-8 byte order mark
 * dropped): named .jsonl/.ndjson, not a feed or page by content, no other byte order mark or declared charset,
 * valid UTF-8, and holding something besides ASCII whitespace. Undefined otherwise: the file is decoded whole.
 */
function jsonLinesBody(bytes: Uint8Array, path: string): Uint8Array | undefined {
  const bom = sniffBom(bytes);
  if ((bom && bom.encoding !== "utf-8") || sniffDeclaredCharset(bytes)) return undefined;
  const body = bom ? bytes.subarray(bom.length) : bytes;
  const head = new TextDecoder("utf-8").decode(body.subarray(0, FORMAT_SNIFF_BYTES));
  if (detectFormat(basename(path), head) !== "jsonl") return undefined;
  if (!body.some((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09)) return undefined;
  return isUtf8(body) ? body : undefined;
}

/**
 * Reads one file to documents. Exported for callers that read a single known file.
 */
export async function* readFileInputs(path: string, opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  const recordCap = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const cap = COLLECTION_FILE.test(path) ? recordCap * JSONL_CAP_FACTOR : recordCap;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    const code = errCode(err);
    if (code === "ENOENT" || code === "ENOTDIR") yield fail(path, "ingest/not-found", `${path}: no such file or folder. Check the path.`);
    else yield fail(path, "ingest/unreadable", `${path}: cannot be read (${code ?? String(err)}). Check its permissions.`);
    return;
  }
  if (size > cap) {
    yield tooLarge(path, "the file", size, cap);
    return;
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readFile(path);
  } catch (err) {
    yield fail(path, "ingest/unreadable", `${path}: cannot be read (${errCode(err) ?? String(err)}). Check its permissions.`);
    return;
  }
  if (!isGzip(bytes) && /\.gz$/i.test(path) && bytes.length > 0) {
    yield fail(path, "ingest/bad-gzip", `${path}: is named .gz but holds no gzip data. Re-compress the file, or drop the .gz from its name if it is plain text.`);
    return;
  }
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: cap });
    } catch (err) {
      if (errCode(err) === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
        yield fail(path, "ingest/too-large", `${path}: decompresses to more than the size cap of ${mb(cap)}; skipped. Raise the cap with --max-bytes <bytes> if the file is genuine.`);
      } else {
        const why = err instanceof Error ? err.message : String(err);
        yield fail(path, "ingest/bad-gzip", `${path}: gzip data is corrupt or truncated (${why}). Re-download or re-compress the file, or give it uncompressed.`);
      }
      return;
    }
  }
  if (bytes.length === 0) {
    yield fail(path, "ingest/empty", `${path}: the file is empty. Remove it or give it an article.`);
    return;
  }
  if (!sniffBom(bytes) && looksBinary(bytes)) {
    yield fail(path, "ingest/binary", `${path}: looks like a binary file (NUL bytes or many control characters), not text. Accepted: ${ACCEPTED_FORMATS}.`);
    return;
  }
  // JSON Lines in UTF-8 (the common case, and the large files) are decoded line by line from the bytes.
  let body = jsonLinesBody(bytes, path);
  if (body) {
    bytes = undefined;
    const items = parseJsonLineBytes(body, path);
    body = undefined;
    for (const item of items) {
      if (item.ok) item.doc.encoding = "utf-8";
      yield item;
    }
    return;
  }
  const decoded = decodeBytes(bytes, path);
  // Neither the bytes nor (below) the decoded text is kept once handed on: a collection file (hundreds of MB at
  // most) is not held twice while its records are read, nor after them by a finished reader's frame.
  bytes = undefined;
  let text: string | undefined = decoded.text;
  const { encoding, diagnostics } = decoded;
  decoded.text = "";
  if (text.trim() === "") {
    yield fail(path, "ingest/empty", `${path}: the file holds only whitespace. Remove it or give it an article.`);
    return;
  }
  const format = detectFormat(basename(path), text);
  if (!format) {
    yield fail(path, "ingest/unsupported", `${path}: not a format Parallax reads. Accepted: ${ACCEPTED_FORMATS}.`);
    return;
  }
  const withDecoding = (doc: RawDoc): RawDoc => {
    doc.encoding = encoding;
    if (diagnostics.length) doc.diagnostics = [...(doc.diagnostics ?? []), ...diagnostics];
    return doc;
  };
  switch (format) {
    case "txt":
    case "html":
      yield { ok: true, doc: withDecoding({ path, format, raw: text, html: format === "html", hints: {} }) };
      return;
    case "jsonl":
    case "json":
    case "rss":
    case "atom": {
      const items =
        format === "jsonl" ? parseJsonLines(text, path)
        : format === "json" ? parseJsonDocument(text, path)
        : parseFeed(text, path);
      text = undefined;
      for (const item of items) yield item.ok ? { ok: true, doc: withDecoding(item.doc) } : item;
      return;
    }
  }
}

/**
 * Walks `paths` (files and folders, recursively, in sorted order; dotfiles and dot-folders
 * skipped) and yields one item per article read or per failure. Never throws for bad input.
 *
 * @example for await (const item of readInputs(["corpus/"])) if (item.ok) console.log(item.doc.path)
 */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  const seenDirs = new Set<string>();
  async function* walk(path: string): AsyncGenerator<InputItem> {
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch {
      // Missing or unreadable: readFileInputs gives the diagnostic.
    }
    if (!isDir) {
      yield* readFileInputs(path, opts);
      return;
    }
    let real: string;
    let names: string[];
    try {
      real = await realpath(path);
      names = await readdir(path);
    } catch (err) {
      yield fail(path, "ingest/unreadable", `${path}: the folder cannot be listed (${errCode(err) ?? String(err)}). Check its permissions.`);
      return;
    }
    if (seenDirs.has(real)) return; // a symlink loop or the same folder given twice
    seenDirs.add(real);
    names.sort();
    for (const name of names) {
      if (name.startsWith(".")) continue;
      yield* walk(join(path, name));
    }
  }
  for (const p of paths) yield* walk(p);
}
