/**
 * JSON Lines (and JSON) records to raw documents: one record is one article
 * `{id?, url?, title?, published? | dct?, outlet?, author?, text | html}`.
 * A bad line is one failure; the other lines go on.
 */
import type { Diagnostic, InputFormat } from "../model.js";
import type { InputItem, RawDoc, RawHints } from "./types.js";

/** Fields accepted as the publication date, in order of preference (`dct`: TimeML's document creation time). */
const PUBLISHED_FIELDS = ["published", "dct", "date", "datePublished"] as const;

function fail(path: string, index: number | undefined, code: string, message: string): InputItem {
  const diagnostic: Diagnostic = { code, severity: "error", stage: "ingest", message };
  return { ok: false, path, index, diagnostic };
}

/** A string field, or undefined when absent, empty or not a scalar. */
function str(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() === "" ? undefined : v.trim();
  if (typeof v === "number") return String(v);
  return undefined;
}

/** Author may be a string, a list of strings or `{name}` objects. */
function authorOf(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    const names = v.map(authorOf).filter((s): s is string => !!s);
    return names.length ? names.join(", ") : undefined;
  }
  if (v && typeof v === "object" && "name" in v) return str((v as { name: unknown }).name);
  return str(v);
}

/**
 * Turns one parsed record into a document or a failure.
 * `where` is the human position ("line 3") used in messages.
 */
export function recordToItem(rec: unknown, path: string, index: number, format: InputFormat, where: string): InputItem {
  if (!rec || typeof rec !== "object" || Array.isArray(rec)) {
    return fail(path, index, "ingest/bad-record", `${path} ${where}: expected a JSON object with a "text" or "html" field, got ${Array.isArray(rec) ? "an array" : typeof rec}.`);
  }
  const r = rec as Record<string, unknown>;
  const text = typeof r.text === "string" ? r.text : undefined;
  const html = typeof r.html === "string" ? r.html : undefined;
  const body = text !== undefined && text.trim() !== "" ? text : html;
  if (body === undefined || body.trim() === "") {
    return fail(path, index, "ingest/missing-text", `${path} ${where}: the record has no non-empty "text" or "html" field. Add the article body as "text" (plain) or "html".`);
  }
  let published: string | undefined;
  for (const f of PUBLISHED_FIELDS) published ??= str(r[f]);
  const hints: RawHints = {
    title: str(r.title),
    published,
    outlet: str(r.outlet) ?? str(r.source) ?? str(r.publisher),
    author: authorOf(r.author),
    url: str(r.url) ?? str(r.link),
  };
  for (const k of Object.keys(hints) as (keyof RawHints)[]) if (hints[k] === undefined) delete hints[k];
  const doc: RawDoc = { path, format, index, raw: body, html: body === html, hints };
  const id = str(r.id);
  if (id !== undefined) doc.externalId = id;
  return { ok: true, doc };
}

/** Splits a JSON Lines text into items, one per non-blank line; a bad line is one `ingest/bad-json` failure. */
export function* parseJsonLines(text: string, path: string): Generator<InputItem> {
  const lines = text.split(/\r?\n/);
  // Each line read is let go (the strings of its record may point into the file's text): once the records are
  // written, nothing here keeps the file in memory, even while a finished generator's frame is still referenced.
  text = "";
  for (let i = 0; i < lines.length; i++) {
    const item = jsonLineItem(lines[i], path, i);
    lines[i] = "";
    if (item) yield item;
  }
}

/**
 * {@link parseJsonLines} over the bytes of a file known to be valid UTF-8, decoding one line at a time: no string
 * of the whole file is ever made, so a large collection costs its bytes once (not twice, and not as a UTF-16
 * string when one line holds a character outside Latin-1). An iterator object rather than a generator, so the
 * bytes are let go when the last line is read (a finished generator's frame can keep them while it is referenced).
 */
export function parseJsonLineBytes(bytes: Uint8Array, path: string): IterableIterator<InputItem> {
  return new JsonLineReader(bytes, path);
}

class JsonLineReader implements IterableIterator<InputItem> {
  private start = 0;
  private line = 0;
  private readonly decoder = new TextDecoder("utf-8");
  constructor(
    private bytes: Uint8Array | undefined,
    private readonly path: string,
  ) {}
  [Symbol.iterator](): this {
    return this;
  }
  next(): IteratorResult<InputItem> {
    while (this.bytes && this.start < this.bytes.length) {
      let end = this.bytes.indexOf(0x0a, this.start);
      if (end < 0) end = this.bytes.length;
      const item = jsonLineItem(this.decoder.decode(this.bytes.subarray(this.start, end)), this.path, this.line++);
      this.start = end + 1;
      if (item) return { done: false, value: item };
    }
    this.bytes = undefined;
    return { done: true, value: undefined };
  }
}

/** The item of line `i` of a JSON Lines file: undefined for a blank line, an `ingest/bad-json` failure for a bad one. */
function jsonLineItem(raw: string, path: string, i: number): InputItem | undefined {
  const line = raw.trim();
  if (line === "") return undefined;
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return fail(path, i, "ingest/bad-json", `${path} line ${i + 1}: invalid JSON (${why}). Each line must be one complete JSON object; the other lines were read.`);
  }
  return recordToItem(rec, path, i, "jsonl", `line ${i + 1}`);
}

/** A `.json` file: one record or an array of records. */
export function* parseJsonDocument(text: string, path: string): Generator<InputItem> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    yield fail(path, undefined, "ingest/bad-json", `${path}: invalid JSON (${why}). A .json input must be one article object or an array of them; use .jsonl for one object a line.`);
    return;
  }
  const recs = Array.isArray(data) ? data : [data];
  for (let i = 0; i < recs.length; i++) yield recordToItem(recs[i], path, i, "json", `record ${i}`);
}
