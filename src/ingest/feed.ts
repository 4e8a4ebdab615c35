/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item/entry is one article whose body is the
 * item's HTML content (content:encoded, content, description or summary, richest first).
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import type { Diagnostic } from "../model.js";
import type { InputItem, RawDoc, RawHints } from "./types.js";

const ATTR = "@_";
const TEXT = "#text";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  textNodeName: TEXT,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => ["item", "entry", "link", "author", "category"].includes(name),
});
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: ATTR, textNodeName: TEXT });

type Node = Record<string, unknown>;

function fail(path: string, index: number | undefined, code: string, message: string): InputItem {
  const diagnostic: Diagnostic = { code, severity: "error", stage: "ingest", message };
  return { ok: false, path, index, diagnostic };
}

/** Text of an element that may be a string, `{#text}` or (Atom xhtml) nested markup rebuilt as XML. */
function textOf(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === "string" || typeof v === "number") {
    const s = String(v).trim();
    return s === "" ? undefined : s;
  }
  if (typeof v === "object") {
    const o = v as Node;
    if (TEXT in o && Object.keys(o).every((k) => k === TEXT || k.startsWith(ATTR))) return textOf(o[TEXT]);
    const inner: Node = {};
    for (const [k, val] of Object.entries(o)) if (!k.startsWith(ATTR)) inner[k] = val;
    const xml = String(builder.build(inner)).trim();
    return xml === "" ? undefined : xml;
  }
  return undefined;
}

/** Atom `link`: the `rel="alternate"` (or first) href; RSS `link`: its text. */
function linkOf(v: unknown): string | undefined {
  const links = Array.isArray(v) ? v : v === undefined ? [] : [v];
  let first: string | undefined;
  for (const l of links) {
    if (l && typeof l === "object") {
      const o = l as Node;
      const href = textOf(o[`${ATTR}href`]);
      const rel = textOf(o[`${ATTR}rel`]) ?? "alternate";
      if (href && rel === "alternate") return href;
      first ??= href ?? textOf(o);
    } else first ??= textOf(l);
  }
  return first;
}

function authorOf(v: unknown): string | undefined {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const names = list
    .map((a) => (a && typeof a === "object" && "name" in (a as Node) ? textOf((a as Node).name) : textOf(a)))
    .filter((s): s is string => !!s);
  return names.length ? names.join(", ") : undefined;
}

/** True when a feed field holds markup rather than plain text. */
function looksHtml(s: string): boolean {
  return /<\/?[a-z][\w-]*[\s/>]/i.test(s);
}

function itemToDoc(item: Node, path: string, index: number, format: "rss" | "atom", outlet: string | undefined): InputItem {
  const body =
    textOf(item["content:encoded"]) ?? textOf(item.content) ?? textOf(item.description) ?? textOf(item.summary);
  const where = `${format === "rss" ? "item" : "entry"} ${index}`;
  if (!body) {
    return fail(path, index, "ingest/missing-text", `${path} ${where}: the feed ${format === "rss" ? "item has no description or content:encoded" : "entry has no content or summary"}; nothing to read.`);
  }
  const hints: RawHints = {
    title: textOf(item.title),
    published: textOf(item.pubDate) ?? textOf(item.published) ?? textOf(item["dc:date"]) ?? textOf(item.updated),
    author: authorOf(item.author) ?? authorOf(item["dc:creator"]),
    url: linkOf(item.link),
    outlet,
  };
  for (const k of Object.keys(hints) as (keyof RawHints)[]) if (hints[k] === undefined) delete hints[k];
  const doc: RawDoc = { path, format, index, raw: body, html: looksHtml(body), hints };
  const guid = textOf(item.guid) ?? textOf(item.id) ?? textOf(item[`${ATTR}rdf:about`]);
  if (guid) doc.externalId = guid;
  return { ok: true, doc };
}

/** Parses a feed's text into one item per article (or a failure for a malformed feed). */
export function* parseFeed(text: string, path: string): Generator<InputItem> {
  let root: Node;
  try {
    root = parser.parse(text) as Node;
  } catch (err) {
    const why = err instanceof Error ? err.message.split("\n")[0] : String(err);
    yield fail(path, undefined, "ingest/bad-xml", `${path}: the feed is not well-formed XML (${why}). Fix the XML or save the pages as HTML files.`);
    return;
  }
  let items: Node[] = [];
  let format: "rss" | "atom" = "rss";
  let outlet: string | undefined;
  const rss = root.rss as Node | undefined;
  const rdf = root["rdf:RDF"] as Node | undefined;
  const feed = root.feed as Node | undefined;
  if (rss && typeof rss === "object") {
    const channel = (Array.isArray(rss.channel) ? rss.channel[0] : rss.channel) as Node | undefined;
    items = (channel?.item as Node[] | undefined) ?? [];
    outlet = textOf(channel?.title);
  } else if (rdf && typeof rdf === "object") {
    items = (rdf.item as Node[] | undefined) ?? [];
    outlet = textOf((rdf.channel as Node | undefined)?.title);
  } else if (feed && typeof feed === "object") {
    format = "atom";
    items = (feed.entry as Node[] | undefined) ?? [];
    outlet = textOf(feed.title);
  } else {
    yield fail(path, undefined, "ingest/unsupported", `${path}: XML but neither an RSS (<rss>, <rdf:RDF>) nor an Atom (<feed>) feed.`);
    return;
  }
  if (items.length === 0) {
    yield fail(path, undefined, "ingest/empty", `${path}: the ${format === "rss" ? "RSS" : "Atom"} feed has no ${format === "rss" ? "items" : "entries"}.`);
    return;
  }
  for (let i = 0; i < items.length; i++) yield itemToDoc(items[i], path, i, format, outlet);
}
