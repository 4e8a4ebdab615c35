/**
 * Raw documents to articles: cleaning by format, hints over guesses, and a content-hash id.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import type { Article, Diagnostic } from "../model.js";
import { extractHtml } from "../clean/html.js";
import { applyHints } from "../clean/meta.js";
import { cleanPlainText } from "../clean/text.js";
import type { CleanHints, CleanResult } from "../clean/types.js";
import type { RawDoc } from "./types.js";

/** Hex characters of the sha256 kept as the article id. */
const ID_HEX_CHARS = 16;

/**
 * The article id: the first 16 hex characters of sha256 over the cleaned text with whitespace
 * runs collapsed, so the same content read twice (even re-wrapped) gets one id and a rewrite another.
 * An empty text hashes its title and source instead, so empty articles do not all collide.
 */
export function articleId(text: string, fallbackKey = ""): string {
  const norm = text.replace(/\s+/g, " ").trim();
  return createHash("sha256").update(norm === "" ? `\u0000${fallbackKey}` : norm, "utf8").digest("hex").slice(0, ID_HEX_CHARS);
}

function hintsOf(doc: RawDoc): CleanHints {
  return { ...doc.hints, source: `input:${doc.format}` };
}

/** Cleans a raw document by its kind (HTML or plain text); hints from the input win over guessed metadata. */
export function cleanRawDoc(doc: RawDoc): CleanResult {
  const hints = hintsOf(doc);
  if (doc.html) {
    const r = extractHtml(doc.raw, { url: doc.hints.url });
    applyHints(r.meta, hints);
    return r;
  }
  return cleanPlainText(doc.raw, hints);
}

/**
 * Reads and cleans one raw document into an {@link Article}.
 *
 * @example toArticle({path: "a.txt", format: "txt", raw: "Title here\n\nBody text.", hints: {}}).meta.title === "Title here"
 */
export function toArticle(doc: RawDoc): Article {
  const r = cleanRawDoc(doc);
  const diagnostics: Diagnostic[] = [...(doc.diagnostics ?? []), ...r.diagnostics];
  if (r.text.trim() === "") {
    diagnostics.push({ code: "clean/empty-text", severity: "warning", stage: "clean", message: `${doc.path}${doc.index !== undefined ? ` #${doc.index}` : ""}: no article text left after cleaning.` });
  }
  const source: Article["source"] = { path: doc.path, format: doc.format };
  if (doc.index !== undefined) source.index = doc.index;
  if (doc.externalId !== undefined) source.externalId = doc.externalId;
  const article: Article = {
    id: articleId(r.text, `${r.meta.title ?? ""}\u0000${doc.path}\u0000${doc.index ?? ""}`),
    source,
    raw: doc.raw,
    text: r.text,
    meta: r.meta,
    diagnostics,
  };
  if (r.offsets.length) article.offsets = r.offsets;
  return article;
}

/** One line of `parallax extract` output (the extraction benchmark's prediction format plus metadata). */
export interface ExtractRecord {
  id: string;
  title?: string;
  published?: string;
  author?: string;
  outlet?: string;
  text: string;
}

/** Benchmark id of a document: the file name without .gz/.html/.htm (and .txt); the record's own id or index for multi-article files. */
export function benchmarkId(doc: RawDoc): string {
  if (doc.externalId !== undefined) return doc.externalId;
  const name = basename(doc.path).replace(/\.gz$/i, "").replace(/\.(?:html?|xhtml|txt)$/i, "");
  return doc.index !== undefined ? `${name}#${doc.index}` : name;
}

/**
 * Cleans a document for `parallax extract`: `{id, title, published, author, outlet, text}`.
 *
 * @example extractForBenchmark(doc).id === "042bb7b5..." // for html/042bb7b5....html.gz
 */
export function extractForBenchmark(doc: RawDoc): ExtractRecord {
  const r = cleanRawDoc(doc);
  const rec: ExtractRecord = { id: benchmarkId(doc), text: r.text };
  for (const k of ["title", "published", "author", "outlet"] as const) if (r.meta[k]) rec[k] = r.meta[k];
  return rec;
}
