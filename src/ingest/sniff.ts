/**
 * Recognising what a file holds: gzip, binary, and which input format (from the name, then the content).
 */
import type { InputFormat } from "../model.js";

/** How many leading bytes the binary test looks at. */
const BINARY_SCAN_BYTES = 8192;
/** Share of control characters (other than tab, newline, carriage return, form feed, escape) above which a file is binary. */
const BINARY_CONTROL_SHARE = 0.1;
/** How many leading characters are searched for a feed or HTML root element. */
const CONTENT_SNIFF_CHARS = 2048;

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * True when the bytes look binary: a NUL byte or a high share of control characters near the start.
 * UTF-16 text (which has NUL bytes) must be recognised by its BOM before calling this.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SCAN_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    // 9-13: tab, newline, vertical tab, form feed, carriage return; 27: escape (ANSI colours in logs).
    if ((b < 0x20 && !(b >= 9 && b <= 13) && b !== 27) || b === 0x7f) control++;
  }
  return control / n > BINARY_CONTROL_SHARE;
}

/** Extensions by format; `.gz` is stripped before this lookup. */
const EXTENSIONS: Record<string, InputFormat> = {
  ".txt": "txt",
  ".text": "txt",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".json": "json",
  ".rss": "rss",
  ".atom": "atom",
};

/** Extensions whose content decides between RSS and Atom (or anything else). */
const FEED_EXTENSIONS = new Set([".xml", ".rss", ".atom"]);

/** Human list of accepted formats, for error messages. */
export const ACCEPTED_FORMATS =
  ".txt, .html/.htm, .jsonl/.ndjson, .json, .xml/.rss/.atom feeds (RSS or Atom), and .gz of any of these";

/** The extension of a file name, lower-cased, with `.gz` removed first (e.g. "a.html.gz" -> ".html"). */
export function extensionOf(name: string): string {
  const base = name.toLowerCase().replace(/\.gz$/, "");
  const dot = base.lastIndexOf(".");
  const slash = Math.max(base.lastIndexOf("/"), base.lastIndexOf("\\"));
  return dot > slash + 1 ? base.slice(dot) : "";
}

/** Skips a BOM, whitespace, XML declaration, comments and doctype to find the first element name. */
function rootElement(text: string): string | undefined {
  const head = text.slice(0, CONTENT_SNIFF_CHARS).replace(/^\uFEFF/, "");
  const re = /<(?:\?[\s\S]*?\?>|!--[\s\S]*?-->|!DOCTYPE[^>]*>)|<([A-Za-z][\w:.-]*)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(head))) {
    if (m[1]) return m[1].toLowerCase();
  }
  return undefined;
}

/** Format from the content alone: RSS (also RDF/RSS 1.0), Atom, HTML, or undefined. */
export function sniffContent(text: string): InputFormat | undefined {
  const root = rootElement(text);
  if (!root) return undefined;
  if (root === "rss" || root === "rdf:rdf") return "rss";
  if (root === "feed") return "atom";
  if (root === "html" || /^\s*<!doctype html/i.test(text.slice(0, CONTENT_SNIFF_CHARS))) return "html";
  return undefined;
}

/**
 * Decides the format of a file from its name and (decoded) content: feeds are recognised by
 * content whatever the name; otherwise the extension decides; an unknown extension with HTML
 * content is HTML. Undefined when the format is not accepted.
 */
export function detectFormat(name: string, text: string): InputFormat | undefined {
  const ext = extensionOf(name);
  const sniffed = sniffContent(text);
  if (sniffed === "rss" || sniffed === "atom") return sniffed;
  if (FEED_EXTENSIONS.has(ext)) return undefined; // .xml that is neither RSS nor Atom
  const byExt = EXTENSIONS[ext];
  if (byExt) return byExt;
  return sniffed;
}
