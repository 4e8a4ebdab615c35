/**
 * JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1): each item is one document whose body
 * is `content_html`, else `content_text`, else `summary`; `url` is its link and `id` its guid.
 */
import type { Diagnostic } from "../model.js";
import type { InputItem, RawDoc, RawHints } from "../ingest/types.js";

function fail(path: string, index: number | undefined, code: string, message: string): InputItem {
  const diagnostic: Diagnostic = { code, severity: "error", stage: "ingest", message };
  return index === undefined ? { ok: false, path, diagnostic } : { ok: false, path, index, diagnostic };
}

function str(v: unknown): string | undefined {
  if (typeof v === "number") return String(v);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

/** True when the text is a JSON object whose `version` names a JSON Feed version. */
export function isJsonFeed(text: string): boolean {
  const head = text.trimStart();
  if (!head.startsWith("{")) return false;
  try {
    const v = (JSON.parse(text) as { version?: unknown }).version;
    return typeof v === "string" && /jsonfeed\.org\/version\//i.test(v);
  } catch {
    return false;
  }
}

function authorsOf(item: Record<string, unknown>, feed: Record<string, unknown>): string | undefined {
  const list = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : Array.isArray(feed.authors) ? feed.authors : feed.author ? [feed.author] : [];
  const names = list.map((a) => (a && typeof a === "object" ? str((a as { name?: unknown }).name) : str(a))).filter((s): s is string => !!s);
  return names.length ? names.join(", ") : undefined;
}

/** Parses a JSON Feed into one item per entry (or one failure for a malformed feed). */
export function* parseJsonFeed(text: string, path: string): Generator<InputItem> {
  let feed: Record<string, unknown>;
  try {
    feed = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    yield fail(path, undefined, "ingest/bad-json", `${path}: the JSON Feed is not valid JSON (${(err as Error).message}).`);
    return;
  }
  const items = Array.isArray(feed?.items) ? (feed.items as unknown[]) : [];
  if (!items.length) {
    yield fail(path, undefined, "ingest/empty", `${path}: the JSON Feed has no items.`);
    return;
  }
  const outlet = str(feed.title);
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as Record<string, unknown>;
    if (!it || typeof it !== "object") {
      yield fail(path, i, "ingest/bad-record", `${path} item ${i}: not a JSON object.`);
      continue;
    }
    const html = str(it.content_html);
    const body = html ?? str(it.content_text) ?? str(it.summary);
    const hints: RawHints = {
      title: str(it.title),
      published: str(it.date_published) ?? str(it.date_modified),
      author: authorsOf(it, feed),
      url: str(it.url) ?? str(it.external_url),
      outlet,
    };
    for (const k of Object.keys(hints) as (keyof RawHints)[]) if (hints[k] === undefined) delete hints[k];
    if (!body && !hints.url) {
      yield fail(path, i, "ingest/missing-text", `${path} item ${i}: the JSON Feed item has no content_html, content_text, summary or url; nothing to read.`);
      continue;
    }
    const doc: RawDoc = { path, format: "json", index: i, raw: body ?? "", html: body !== undefined && body === html, hints };
    const id = str(it.id);
    if (id) doc.externalId = id;
    yield { ok: true, doc };
  }
}
