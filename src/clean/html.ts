/**
 * HTML article extraction, a cascade: metadata from the page (html-meta.ts); the body from the own
 * single-pass extractor (extract/: link- and text-density scoring, boilerplate patterns as data,
 * a recall escalation); Mozilla Readability when that finds too little; then the largest
 * article-like container or the whole body (not for a listing page, which gets no text and a
 * `clean/listing-page` diagnostic); then the plain-text debris rules that apply to
 * extracted text (trailing share/comment blocks, a repeated title, the dateline).
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { ArticleMeta, Diagnostic, OffsetSegment } from "../model.js";
import { normaliseDate } from "./date.js";
import { composeOffsets, extractMain, parseDocument, queryDoc, textWeight } from "./extract/index.js";
import { extractHtmlMeta } from "./html-meta.js";
import { blocksToText, type NodeLike } from "./html-text.js";
import { cleanPlainText } from "./text.js";
import type { CleanResult } from "./types.js";

/** The main extractor's or Readability's result is used when its text weighs at least this much (characters; ideographs count more, extract/weight.ts); below, the next step runs. */
export const MIN_READABILITY_CHARS = 250;
/** Readability's own threshold for a candidate block (its default is 500). */
const READABILITY_CHAR_THRESHOLD = 500;
/** Containers tried, in order, when Readability finds too little. */
const FALLBACK_CONTAINERS = ['[itemprop="articleBody"]', "article", "main", '[role="main"]', "#content", ".content", "body"];
/** A broader fallback container replaces a narrower one only when it has this many times more text. */
const FALLBACK_MIN_GAIN = 1.5;
/** Elements dropped from a fallback container before its text is read. */
const FALLBACK_NOISE = "nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo], .share, .social, .comments, #comments";

function note(code: string, severity: Diagnostic["severity"], message: string, text?: string): Diagnostic {
  return { code, severity, stage: "clean", message, ...(text ? { text } : {}) };
}

/** Fills metadata fields nothing in the page gave from Readability's guesses (source `readability`). */
function fillFromReadability(meta: ArticleMeta, article: ReturnType<Readability["parse"]>): void {
  if (!article) return;
  const guesses: [keyof NonNullable<ArticleMeta["sources"]>, string | null | undefined][] = [
    ["title", article.title], ["author", article.byline], ["outlet", article.siteName],
    ["published", article.publishedTime && normaliseDate(article.publishedTime)], ["language", article.lang],
  ];
  for (const [field, value] of guesses) {
    const v = value?.trim();
    if (!v || meta[field]) continue;
    meta[field] = v;
    (meta.sources ??= {})[field] = "readability";
  }
}

type LinkedomDocument = ReturnType<typeof parseHTML>["document"];

function parse(html: string): LinkedomDocument {
  // linkedom needs a document element to attach a fragment to.
  return parseHTML(/<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`).document;
}

/** The largest article-like container's text (fallback step 2). */
function fallbackText(html: string): { paragraphs: string[]; captions: string[]; via: string } {
  const doc = parse(html);
  let best: { paragraphs: string[]; captions: string[]; via: string; size: number } = { paragraphs: [], captions: [], via: "none", size: 0 };
  for (const sel of FALLBACK_CONTAINERS) {
    const el = doc.querySelector(sel);
    if (!el) continue;
    for (const n of Array.from(el.querySelectorAll(FALLBACK_NOISE)) as { remove(): void }[]) n.remove();
    const r = blocksToText(el as unknown as NodeLike);
    const size = textWeight(r.paragraphs.join("\n"));
    if (size > best.size * FALLBACK_MIN_GAIN || (best.size === 0 && size > 0)) best = { ...r, via: sel, size };
    if (size >= MIN_READABILITY_CHARS) break; // the most specific container with enough text wins
  }
  return best;
}

/** The Readability step of the cascade (slow: linkedom parse + Readability), for pages the main extractor reads too little of. */
function readabilityText(html: string, meta: ArticleMeta, diagnostics: Diagnostic[]): { paragraphs: string[]; captions: string[] } {
  let article: ReturnType<Readability["parse"]> = null;
  try {
    article = new Readability(parse(html) as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: READABILITY_CHAR_THRESHOLD }).parse();
  } catch (err) {
    diagnostics.push(note("clean/readability-failed", "warning", `Readability failed on this page (${err instanceof Error ? err.message : String(err)}); used the fallback extraction.`));
  }
  fillFromReadability(meta, article);
  if (!article?.content) return { paragraphs: [], captions: [] };
  return blocksToText(parse(article.content).body as unknown as NodeLike);
}

/**
 * Extracts an article's text and metadata from an HTML page.
 * `offsets` maps the cleaned text back to the raw HTML; each segment covers identical characters
 * (`text.slice(cleanStart, cleanStart + length) === html.slice(rawStart, rawStart + length)`), so
 * decoded character references, collapsed whitespace and paragraph breaks fall between segments.
 * Text from the Readability or container fallbacks is generated and has no offsets.
 * Removal diagnostics carry the removed text but no span.
 *
 * @example extractHtml("<html><head><title>T</title></head><body><article><p>...</p></article></body></html>").text
 */
export function extractHtml(html: string, opts: { url?: string } = {}): CleanResult {
  const diagnostics: Diagnostic[] = [];
  const doc = parseDocument(html);
  const meta = extractHtmlMeta(queryDoc(doc), { url: opts.url });
  const main = extractMain(doc);
  let body = main.text;
  let map: number[] | undefined = main.map;
  if (main.escalated) diagnostics.push(note("clean/extraction-escalated", "info", "The strict extraction found too little text; used the relaxed one (no class/id boilerplate patterns, no in-article cleaning)."));
  for (const r of main.removed) {
    if (r.why === "caption") diagnostics.push(note("clean/caption", "info", "Figure caption, not article text.", r.text));
    else diagnostics.push(note("clean/boilerplate", "info", `Left out of the article (${r.why}).`, r.text));
  }
  if (main.listing > 0) {
    // A listing page (extract/listing.ts): teasers of other pages, no article. Little text beats a
    // concatenation of teasers; the fallbacks would only find the same teasers.
    diagnostics.push(note("clean/listing-page", "warning", `This page is a listing (${main.listing} linked headlines with short teasers), not an article: no text was extracted (low confidence).`));
    body = "";
    map = [];
  } else if (textWeight(body) < MIN_READABILITY_CHARS) {
    const rd = readabilityText(html, meta, diagnostics);
    let paragraphs = rd.paragraphs;
    let captions = rd.captions;
    let via = "Readability";
    if (textWeight(paragraphs.join("\n")) < MIN_READABILITY_CHARS) {
      const fb = fallbackText(html);
      if (textWeight(fb.paragraphs.join("\n")) > textWeight(paragraphs.join("\n"))) {
        paragraphs = fb.paragraphs;
        captions = fb.captions;
        via = `the page's "${fb.via}" container`;
      }
    }
    const text = paragraphs.join("\n\n");
    if (textWeight(text) > textWeight(body)) {
      diagnostics.push(note("clean/extraction-fallback", "info", `The main extractor found too little text (under ${MIN_READABILITY_CHARS} characters); used ${via} instead.`));
      for (const c of captions) diagnostics.push(note("clean/caption", "info", "Figure caption, not article text.", c));
      body = text;
      map = undefined;
    }
  }

  const cleaned = cleanPlainText(body, meta.title ? { title: meta.title } : undefined, {
    rules: { "header-line": false, breadcrumb: false, heading: false },
  });
  // Removal spans point into the intermediate extracted text, not the HTML: keep the removed text only.
  for (const d of cleaned.diagnostics) {
    const { span: _span, on: _on, ...rest } = d;
    diagnostics.push(rest);
  }
  if (cleaned.meta.dateline) meta.dateline = cleaned.meta.dateline;
  if (!meta.outlet && meta.dateline?.agency) {
    meta.outlet = meta.dateline.agency;
    (meta.sources ??= {}).outlet = "dateline";
  }
  if (cleaned.text === "") diagnostics.push(note("clean/no-text", "warning", "No article text was found in this HTML page."));
  const offsets: OffsetSegment[] = map ? composeOffsets(cleaned.offsets, map) : [];
  return { text: cleaned.text, meta, offsets, diagnostics };
}
