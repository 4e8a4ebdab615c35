/**
 * A downloaded body to raw documents, through the same readers as files: the charset from
 * the BOM, then the Content-Type header, then the document's own declaration (decodeBytes);
 * HTML pages become one HTML document, RSS/Atom feeds go through the feed parser (one document
 * per item), JSON Feeds through {@link parseJsonFeed}, plain text stays text.
 */
import { TextDecoder } from "node:util";
import type { Diagnostic } from "../model.js";
import { decodeBytes, decodeWindows1252, sniffBom, type Decoded } from "../ingest/decode.js";
import { parseFeed } from "../ingest/feed.js";
import { parseJsonDocument } from "../ingest/records.js";
import { ACCEPTED_FORMATS, detectFormat, looksBinary, sniffContent } from "../ingest/sniff.js";
import type { InputItem, RawDoc } from "../ingest/types.js";
import { isJsonFeed, parseJsonFeed } from "./jsonfeed.js";

function fail(path: string, code: string, message: string): InputItem {
  const diagnostic: Diagnostic = { code, severity: "error", stage: "fetch", message };
  return { ok: false, path, diagnostic };
}

/** The media type and charset of a Content-Type header ("text/html; charset=Shift_JIS"). */
export function parseContentType(header: string | undefined): { type?: string; charset?: string } {
  if (!header) return {};
  const [type, ...params] = header.split(";");
  const out: { type?: string; charset?: string } = { type: type.trim().toLowerCase() || undefined };
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) out.charset = m[1];
  }
  return out;
}

/**
 * Decodes a body: a BOM wins; then the header's charset (HTTP outranks `<meta>`, as browsers do),
 * except a header claiming UTF-8 for bytes that are not UTF-8; then {@link decodeBytes}.
 */
export function decodeBody(bytes: Uint8Array, headerCharset: string | undefined, where: string): Decoded {
  if (headerCharset && !sniffBom(bytes)) {
    let dec: TextDecoder | undefined;
    try {
      dec = new TextDecoder(headerCharset, { fatal: true });
    } catch {
      dec = undefined; // unknown label: fall through to the document's own declaration
    }
    if (dec) {
      if (dec.encoding === "windows-1252") return { text: decodeWindows1252(bytes), encoding: dec.encoding, source: "meta", diagnostics: [] };
      try {
        return { text: dec.decode(bytes), encoding: dec.encoding, source: "meta", diagnostics: [] };
      } catch {
        const d = decodeBytes(bytes, where);
        d.diagnostics.push({ code: "fetch/charset-mismatch", severity: "warning", stage: "fetch",
          message: `${where}: the server declares charset ${headerCharset} but the bytes do not decode as it; decoded as ${d.encoding} instead.` });
        return d;
      }
    }
  }
  return decodeBytes(bytes, where);
}

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const XML_TYPES = new Set(["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"]);
const JSON_TYPES = new Set(["application/json", "application/feed+json", "text/json"]);

/**
 * Turns a downloaded body into input items. `url` (the final URL) becomes each document's
 * path and, for a page, its `hints.url`.
 */
export function bodyToItems(body: Uint8Array, contentType: string | undefined, url: string): InputItem[] {
  if (body.length === 0) return [fail(url, "fetch/empty", `${url}: the server sent an empty body. Check the URL in a browser.`)];
  const { type, charset } = parseContentType(contentType);
  if (!sniffBom(body) && looksBinary(body)) {
    return [fail(url, "fetch/unsupported", `${url}: the server sent binary content (${type ?? "no content type"}), not an article. Parallax reads ${ACCEPTED_FORMATS}; give the URL of an HTML page or a feed.`)];
  }
  const decoded = decodeBody(body, charset, url);
  const text = decoded.text;
  if (text.trim() === "") return [fail(url, "fetch/empty", `${url}: the page holds only whitespace. Check the URL in a browser.`)];
  const withDecoding = (doc: RawDoc): RawDoc => {
    doc.encoding = decoded.encoding;
    if (decoded.diagnostics.length) doc.diagnostics = [...(doc.diagnostics ?? []), ...decoded.diagnostics];
    return doc;
  };
  const sniffed = sniffContent(text);
  let format: "html" | "txt" | "feed" | "jsonfeed" | "json" | undefined;
  if (sniffed === "rss" || sniffed === "atom") format = "feed";
  else if (type && HTML_TYPES.has(type)) format = "html";
  else if (type && JSON_TYPES.has(type)) format = isJsonFeed(text) ? "jsonfeed" : "json";
  else if (type && XML_TYPES.has(type)) format = sniffed === "html" ? "html" : undefined;
  else if (type === "text/plain") format = sniffed === "html" ? "html" : "txt";
  else {
    const byName = detectFormat(new URL(url).pathname, text);
    format = byName === "rss" || byName === "atom" ? "feed" : byName === "jsonl" ? undefined : byName === "json" ? (isJsonFeed(text) ? "jsonfeed" : "json") : byName;
    if (!format && isJsonFeed(text)) format = "jsonfeed";
  }
  switch (format) {
    case "html":
    case "txt":
      return [{ ok: true, doc: withDecoding({ path: url, format, raw: text, html: format === "html", hints: { url } }) }];
    case "feed":
    case "jsonfeed":
    case "json": {
      const items = format === "feed" ? parseFeed(text, url) : format === "jsonfeed" ? parseJsonFeed(text, url) : parseJsonDocument(text, url);
      return [...items].map((item) => (item.ok ? { ok: true, doc: withDecoding(item.doc) } : item));
    }
    default:
      return [fail(url, "fetch/unsupported", `${url}: the server sent ${type ?? "content of no declared type"}, which is not a format Parallax reads. Give the URL of an HTML page, an RSS/Atom feed or a JSON Feed.`)];
  }
}
