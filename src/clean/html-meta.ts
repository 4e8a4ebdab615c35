/**
 * Page metadata from HTML: JSON-LD (NewsArticle and kin), OpenGraph, `<meta>` tags, `<time datetime>`,
 * `<link rel=canonical>`, `<html lang>`, `<title>` and the first `<h1>`, in that order of trust;
 * `meta.sources` records which one each value came from.
 */
import type { ArticleMeta } from "../model.js";
import { normaliseDate } from "./date.js";
import { parseLocalDate } from "./html-date.js";
import { decodeEntities } from "./extract/parse.js";

/** JSON-LD types that describe an article. */
const ARTICLE_TYPE = /(?:^|:)(?:\w*Article|BlogPosting|NewsArticle|Report|LiveBlogPosting|WebPage)$/;
/** Preferred over a generic WebPage when both are present. */
const SPECIFIC_ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|Report)$/;
/** `<meta name=...>` names that carry a publication date. */
const DATE_META_NAMES = ["article:published_time", "article:published", "og:article:published_time", "publication_date", "pub_date", "date_published", "datePublished", "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "citation_publication_date", "og:published_time"];
/** `<title>` suffixes like " | Site Name" or " - Site Name" are cut when the rest is at least this long. */
const TITLE_SUFFIX_MIN_KEEP = 15;

type Json = Record<string, unknown>;

/** A date in a URL path: /2019/11/18/, /2019-11-18-, /20191118/ (years 1900-2099). */
const URL_DATE = /\/((?:19|20)\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/._-]|$)/;

/**
 * The publication day a URL states in its path, as YYYY-MM-DD, or undefined.
 *
 * @example urlDate("https://example.com/2019/11/18/story.html") // "2019-11-18"
 */
export function urlDate(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not an absolute URL: read it as a path.
  }
  const m = URL_DATE.exec(path);
  return m ? `${m[1]}-${m[3]}-${m[4]}` : undefined;
}

/** Minimal DOM surface used here (linkedom's document). */
export interface DocLike {
  querySelector(sel: string): ElementLike | null;
  querySelectorAll(sel: string): Iterable<ElementLike> & ArrayLike<ElementLike>;
  documentElement?: ElementLike | null;
}
export interface ElementLike {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

function clean(s: unknown): string | undefined {
  if (typeof s !== "string") return undefined;
  // JSON-LD strings are often HTML-escaped ("&amp;", "&#8217;"); attribute values arrive decoded.
  const t = (s.includes("&") ? decodeEntities(s) : s).replace(/\s+/g, " ").trim();
  return t === "" ? undefined : t;
}

function nameOf(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((s): s is string => !!s);
    return names.length ? [...new Set(names)].join(", ") : undefined;
  }
  if (v && typeof v === "object") return clean((v as Json).name);
  const s = clean(v);
  return s && !/^https?:\/\//.test(s) ? s : undefined;
}

/** Every object in the JSON-LD blocks, with `@graph` and arrays flattened. */
function jsonLdObjects(doc: DocLike): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") {
      out.push(v as Json);
      if ("@graph" in (v as Json)) visit((v as Json)["@graph"]);
    }
  };
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = (el.textContent ?? "").replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, "");
    try {
      visit(JSON.parse(text));
    } catch {
      // A broken JSON-LD block is common and harmless: the other sources still apply.
    }
  }
  return out;
}

function typeOf(o: Json): string[] {
  const t = o["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

/** The page's article object in JSON-LD, if any. */
function jsonLdArticle(doc: DocLike): Json | undefined {
  const objs = jsonLdObjects(doc).filter((o) => typeOf(o).some((t) => ARTICLE_TYPE.test(t)));
  return objs.find((o) => typeOf(o).some((t) => SPECIFIC_ARTICLE_TYPE.test(t))) ?? objs[0];
}

function metaContent(doc: DocLike, key: string): string | undefined {
  const el = doc.querySelector(`meta[property="${key}"]`) ?? doc.querySelector(`meta[name="${key}"]`) ?? doc.querySelector(`meta[itemprop="${key}"]`);
  return clean(el?.getAttribute("content"));
}

/** Cuts " | Site" / " - Site" / " – Site" from a `<title>`. */
export function stripTitleSuffix(title: string, site?: string): string {
  if (site) {
    const re = new RegExp(`\\s*[|\\-–—:·]\\s*${site.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "i");
    const cut = title.replace(re, "");
    if (cut.length >= TITLE_SUFFIX_MIN_KEEP) return cut;
  }
  const m = /^(.*\S)\s+[|–—]\s+[^|–—]{2,60}$/.exec(title);
  return m && m[1].length >= TITLE_SUFFIX_MIN_KEEP ? m[1] : title;
}

/** Reads page metadata (call before anything mutates the document). */
export function extractHtmlMeta(doc: DocLike, opts: { url?: string } = {}): ArticleMeta {
  const meta: ArticleMeta = {};
  const sources: NonNullable<ArticleMeta["sources"]> = {};
  const set = (field: keyof NonNullable<ArticleMeta["sources"]>, value: string | undefined, source: string): void => {
    if (!value || meta[field]) return;
    const v = field === "published" || field === "modified" ? normaliseDate(value) ?? parseLocalDate(value) : value;
    if (!v) return;
    meta[field] = v;
    sources[field] = source;
  };

  const ld = jsonLdArticle(doc);
  if (ld) {
    set("title", clean(ld.headline) ?? clean(ld.name), "json-ld");
    set("published", clean(ld.datePublished) ?? clean(ld.dateCreated), "json-ld");
    set("modified", clean(ld.dateModified), "json-ld");
    set("author", nameOf(ld.author) ?? nameOf(ld.creator), "json-ld");
    set("outlet", nameOf(ld.publisher) ?? nameOf(ld.sourceOrganization), "json-ld");
    set("section", clean(Array.isArray(ld.articleSection) ? ld.articleSection[0] : ld.articleSection), "json-ld");
    set("language", clean(ld.inLanguage), "json-ld");
    set("url", clean(ld.url) ?? clean((ld.mainEntityOfPage as Json | undefined)?.["@id"]), "json-ld");
  }
  const site = metaContent(doc, "og:site_name");
  const ogTitle = metaContent(doc, "og:title");
  set("title", ogTitle && stripTitleSuffix(ogTitle, site), "og:title");
  set("title", metaContent(doc, "twitter:title"), "twitter:title");
  set("outlet", site, "og:site_name");
  for (const name of DATE_META_NAMES) set("published", metaContent(doc, name), `meta:${name}`);
  set("modified", metaContent(doc, "article:modified_time") ?? metaContent(doc, "dateModified"), "meta:article:modified_time");
  set("author", nameOf(metaContent(doc, "author")) ?? nameOf(metaContent(doc, "article:author")) ?? nameOf(metaContent(doc, "dc.creator")), "meta:author");
  set("section", metaContent(doc, "article:section"), "meta:article:section");
  // The URL's date (read before <time>, which may belong to a sidebar item).
  set("published", urlDate(meta.url ?? clean(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")) ?? metaContent(doc, "og:url") ?? opts.url), "url");
  const timeEl = doc.querySelector("article time[datetime]") ?? doc.querySelector("time[datetime]");
  set("published", clean(timeEl?.getAttribute("datetime")), "time");
  // A <time> without a machine-readable datetime: its text, in the page's language ("23. November 2026").
  if (!meta.published) {
    const timeText = doc.querySelector("article time") ?? doc.querySelector("time");
    set("published", clean(timeText?.textContent), "time-text");
  }
  set("url", clean(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")), "canonical");
  set("url", metaContent(doc, "og:url"), "og:url");
  set("url", opts.url, "input");
  set("language", clean(doc.documentElement?.getAttribute("lang"))?.toLowerCase(), "html-lang");
  set("language", metaContent(doc, "og:locale")?.replace("_", "-").toLowerCase(), "og:locale");
  const titleTag = clean(doc.querySelector("title")?.textContent);
  const h1 = clean(doc.querySelector("h1")?.textContent);
  // An <h1> is the headline when the <title> contains it (otherwise it is often the site's logo).
  if (h1 && titleTag?.toLowerCase().includes(h1.toLowerCase())) set("title", h1, "h1");
  set("title", titleTag && stripTitleSuffix(titleTag, site), "title-tag");
  set("title", h1, "h1");
  if (Object.keys(sources).length) meta.sources = sources;
  return meta;
}
