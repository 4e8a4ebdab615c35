/**
 * The main extractor: finds the article body in a parsed page in one pass over the tree.
 *
 * 1. Statistics per element (text length, link text, commas, paragraphs, images, list items).
 * 2. Furniture: elements that are page furniture by tag (nav, aside, footer, form), role, hidden
 *    state or class/id pattern (patterns.ts) are dropped, unless one holds most of the page's
 *    paragraph text (then the pattern was a wrapper's, e.g. `<div class="has-sidebar">`).
 * 3. Scoring in the manner of Readability: each paragraph-like block scores
 *    1 + commas + min(length/100, 3), added to its parent, half to its grandparent and less further
 *    up (loose text beside blocks scores as a paragraph of its container); a candidate's score is
 *    weighed by its class and by (1 - link density).
 * 4. The best candidate (moved up while its parent scores comparably), with its siblings that
 *    score well or read like paragraphs, and the other posts of a forum or Q&A series (series.ts).
 * 5. In-article cleaning at render time (render.ts asks `keepInArticle`): link-dense blocks, lists
 *    of links, image galleries, forms and short furniture lines are left out; then the section rules
 *    of sections.ts (headed furniture sections, trailing link runs, calls to action, date lines).
 *
 * Lengths are script-weighted (weight.ts) so the thresholds hold for Chinese and Japanese text.
 */
import type { HDocument, HElement, HText } from "./parse.js";
import { decodeEntities } from "./parse.js";
import { textWeight } from "./weight.js";
import { addPostSeries } from "./series.js";
import {
  BOILERPLATE_CLASS, CAPTION_CLASS, CONTENT_CLASS, EMBED_CLASS, META_CLASS, FURNITURE_TAGS, FURNITURE_TEXT, NEGATIVE_CLASS, POSITIVE_CLASS, POST_CHROME_TEXT, SKIP_TAGS, STRONG_BOILERPLATE_CLASS,
} from "./patterns.js";

/** Per-element statistics. */
export interface Info {
  /** Visible text length (whitespace runs count as one; ideographs weigh more: weight.ts `textWeight`). */
  len: number;
  /** Text length inside links. */
  linkLen: number;
  commas: number;
  /** Text length inside `<p>` elements. */
  pText: number;
  p: number;
  img: number;
  li: number;
  input: number;
  embed: number;
  /** Text length of the element's own inline content (text nodes and inline children, not block children). */
  inl: number;
  /** Commas in the element's own inline content. */
  inlCommas: number;
  /** `<h1>` elements inside (the headline is in the article's wrapper, rarely in a sidebar). */
  h1?: number;
  /** Dropped as furniture or skipped content (its text still counts in the ancestors' statistics). */
  drop?: string;
  score?: number;
}

/** Options of one extraction attempt (the cascade relaxes them). */
export interface ContentOptions {
  /** Drop furniture by class/id pattern (off in the recall escalation). */
  classPatterns: boolean;
  /** Clean blocks inside the article conditionally (off in the recall escalation). */
  conditional: boolean;
}

/** Working state shared by the extractor and the renderer. */
export interface Ctx {
  doc: HDocument;
  text: Map<HText, string>;
  info: Map<HElement, Info>;
  opts: ContentOptions;
}

/** A furniture element is kept when it holds at least this share of the page's paragraph text (it is a wrapper). */
const WRAPPER_SHARE = 0.85;
/** ...or, when it also holds the page's `<h1>`, at least this share. */
const HEADLINE_WRAPPER_SHARE = 0.5;
/** Date, byline and caption elements (by class) are left out only when shorter than this (characters), so a mislabelled body is kept. */
const META_MAX_LEN = 300;
/** Blocks shorter than this (characters) do not score. */
const MIN_SCORED_LEN = 25;
/** How many ancestor levels a block's score reaches. */
const SCORE_LEVELS = 5;
/** Class weight step (Readability's). */
const CLASS_WEIGHT = 25;
/** A sibling joins the best candidate when it scores at least this share of the best score (and at least SIBLING_MIN_SCORE). */
const SIBLING_SHARE = 0.2;
const SIBLING_MIN_SCORE = 10;
/** A sibling paragraph joins when it is at least this long with link density under SIBLING_LINK_DENSITY. */
const SIBLING_P_LEN = 80;
const SIBLING_LINK_DENSITY = 0.25;
/** In-article blocks: link density limits for low-weight and high-weight blocks. */
const LINK_DENSITY_LOW_WEIGHT = 0.2;
const LINK_DENSITY_HIGH_WEIGHT = 0.5;
/** Forum post chrome (POST_CHROME_TEXT: profile lines, edit notes, reply titles) is left out in blocks up to this long (characters). */
const POST_CHROME_MAX_LEN = 160;
/** In-article blocks with this many commas or more are always kept (they are prose). */
const PROSE_COMMAS = 10;

const COMMAS = /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g;
const SCORED = new Set(["p", "pre", "td", "h2", "h3", "h4", "h5", "h6", "section", "blockquote"]);
/** Block-level elements: a div holding none of these reads as a paragraph. */
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "dl", "div", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "li",
]);
const FURNITURE_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar", "tablist"]);
/** Containers whose own loose text (outside their block children) scores as a paragraph. */
const LOOSE_TEXT_HOLDERS = new Set(["div", "article", "main", "center", "font", "span"]);
/** Inline (phrasing) elements: their text is part of the parent's own loose text. */
const PHRASING = new Set([
  "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark", "q",
  "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
]);
const EMBEDS = new Set(["embed", "object", "iframe", "video", "audio"]);

function classId(el: HElement): string {
  const c = el.attrs.class;
  const i = el.attrs.id;
  return c && i ? `${c} ${i}` : (c ?? i ?? "");
}

/** Readability's class weight: -25 for a negative class or id, +25 for a positive one. */
export function classWeight(el: HElement): number {
  let w = 0;
  for (const s of [el.attrs.class, el.attrs.id]) {
    if (!s) continue;
    if (NEGATIVE_CLASS.test(s)) w -= CLASS_WEIGHT;
    if (POSITIVE_CLASS.test(s)) w += CLASS_WEIGHT;
  }
  return w;
}

/**
 * Furniture by class/id, judged per class token: some token is furniture (a BOILERPLATE_CLASS word,
 * not also a CONTENT_CLASS word unless a STRONG_BOILERPLATE_CLASS one) and no token is plain content
 * ("entry-content entry-content-read-more" is content; "article-share-top" is furniture).
 */
export function isFurnitureClass(el: HElement): boolean {
  const ci = classId(el);
  if (!ci || !BOILERPLATE_CLASS.test(ci)) return false;
  let furniture = false;
  for (const token of ci.split(/\s+/)) {
    if (!token) continue;
    if (EMBED_CLASS.test(token)) return false;
    const boiler = BOILERPLATE_CLASS.test(token);
    const content = CONTENT_CLASS.test(token);
    if (content && !boiler) return false;
    if (boiler && (!content || STRONG_BOILERPLATE_CLASS.test(token))) furniture = true;
  }
  return furniture;
}

function hasToken(el: HElement, re: RegExp): boolean {
  const ci = classId(el);
  if (!ci) return false;
  for (const token of ci.split(/\s+/)) if (token && re.test(token) && !CONTENT_CLASS.test(token)) return true;
  return false;
}

function isHidden(el: HElement): boolean {
  const a = el.attrs;
  if ("hidden" in a || a["aria-hidden"] === "true") return true;
  const style = a.style;
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Decoded text of a text node, cached. */
export function textOf(ctx: Ctx, t: HText): string {
  let s = ctx.text.get(t);
  if (s === undefined) {
    s = decodeEntities(ctx.doc.raw.slice(t.start, t.end));
    ctx.text.set(t, s);
  }
  return s;
}

/** Collapsed, script-weighted length of a text node (weight.ts). */
const collapsedLength = textWeight;

function computeStats(ctx: Ctx, el: HElement, inLink: boolean): Info {
  const info: Info = { len: 0, linkLen: 0, commas: 0, pText: 0, p: 0, img: 0, li: 0, input: 0, embed: 0, inl: 0, inlCommas: 0 };
  ctx.info.set(el, info);
  const tag = el.tag;
  if (SKIP_TAGS.has(tag)) {
    info.drop = "skip";
    if (tag === "input" || tag === "select" || tag === "textarea" || tag === "button") info.input = 1;
    if (EMBEDS.has(tag)) info.embed = 1;
    return info;
  }
  const link = inLink || tag === "a";
  for (const c of el.children) {
    if (c.kind === 3) {
      const s = textOf(ctx, c);
      const l = collapsedLength(s);
      info.len += l;
      info.inl += l;
      if (link) info.linkLen += l;
      if (l) {
        const k = (s.match(COMMAS) ?? []).length;
        info.commas += k;
        info.inlCommas += k;
      }
    } else {
      const ci = computeStats(ctx, c, link);
      info.input += ci.input;
      info.embed += ci.embed;
      if (ci.drop === "skip") continue;
      if (PHRASING.has(c.tag)) {
        info.inl += ci.len;
        info.inlCommas += ci.commas;
      }
      info.len += ci.len;
      info.linkLen += ci.linkLen;
      info.commas += ci.commas;
      info.pText += ci.pText;
      info.p += ci.p;
      info.img += ci.img;
      info.li += ci.li;
      if (ci.h1) info.h1 = (info.h1 ?? 0) + ci.h1;
    }
  }
  if (tag === "h1") info.h1 = (info.h1 ?? 0) + 1;
  if (tag === "p") {
    info.p++;
    info.pText = info.len;
  } else if (tag === "img" || tag === "picture") info.img++;
  else if (tag === "li") info.li++;
  return info;
}

/** Why `el` is page furniture, or undefined. */
function furniture(ctx: Ctx, el: HElement, totalP: number): string | undefined {
  const info = ctx.info.get(el)!;
  if (info.drop) return info.drop;
  const tag = el.tag;
  if (tag === "body" || tag === "html" || tag === "#root") return undefined;
  let why: string | undefined;
  if (isHidden(el)) why = "hidden";
  else if (FURNITURE_TAGS.has(tag)) why = tag;
  else if (el.attrs.role && FURNITURE_ROLES.has(el.attrs.role)) why = `role=${el.attrs.role}`;
  else if (ctx.opts.classPatterns && tag !== "a" && tag !== "p" && isFurnitureClass(el)) why = "class";
  else if (ctx.opts.classPatterns && info.len < META_MAX_LEN && hasToken(el, CAPTION_CLASS)) why = "caption";
  else if (ctx.opts.classPatterns && info.len < META_MAX_LEN && hasToken(el, META_CLASS)) why = "meta";
  if (!why) return undefined;
  if (why !== "hidden" && totalP > 0 && info.pText >= WRAPPER_SHARE * totalP) return undefined;
  // A layout wrapper named after its sidebar ("container has-sidebar") that holds the headline and most of the text.
  if (why === "class" && info.h1 && totalP > 0 && info.pText >= HEADLINE_WRAPPER_SHARE * totalP) return undefined;
  if (el.attrs.itemprop === "articleBody") return undefined;
  return why;
}

function markFurniture(ctx: Ctx, el: HElement, totalP: number): void {
  for (const c of el.children) {
    if (c.kind !== 1) continue;
    const why = furniture(ctx, c, totalP);
    if (why) ctx.info.get(c)!.drop = why;
    else markFurniture(ctx, c, totalP);
  }
}

function hasBlockChild(el: HElement): boolean {
  for (const c of el.children) if (c.kind === 1 && BLOCKS.has(c.tag)) return true;
  return false;
}

function initScore(el: HElement): number {
  let s = classWeight(el);
  switch (el.tag) {
    case "div": case "article": case "main": s += 5; break;
    case "pre": case "td": case "blockquote": s += 3; break;
    case "address": case "ol": case "ul": case "dl": case "dd": case "dt": case "li": case "form": s -= 3; break;
    case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": case "th": s -= 5; break;
  }
  return s;
}

/** Link density of an element: link text / text. */
export function linkDensity(info: Info): number {
  return info.len ? info.linkLen / info.len : 0;
}

/** Scores blocks under `el` into their ancestors; returns the scored candidates. */
function scoreBlocks(ctx: Ctx, root: HElement): HElement[] {
  const candidates: HElement[] = [];
  const add = (el: HElement, s: number): void => {
    const info = ctx.info.get(el)!;
    if (info.score === undefined) {
      info.score = initScore(el);
      candidates.push(el);
    }
    info.score += s;
  };
  const visit = (el: HElement): void => {
    const info = ctx.info.get(el)!;
    if (info.drop) return;
    const scorable = SCORED.has(el.tag) || (el.tag === "div" && !hasBlockChild(el));
    // A container with block children and its own inline text (`<div>Text<br>text<div>..</div></div>`)
    // scores that text as a paragraph of its own, as Readability does by wrapping it in a <p>.
    const loose = !scorable && LOOSE_TEXT_HOLDERS.has(el.tag) && info.inl >= MIN_SCORED_LEN && hasBlockChild(el);
    if ((scorable && info.len >= MIN_SCORED_LEN) || loose) {
      const len = loose ? info.inl : info.len;
      const s = 1 + (loose ? info.inlCommas : info.commas) + Math.min(Math.floor(len / 100), 3);
      let a = loose ? el : el.parent;
      for (let level = 0; a && a.tag !== "#root" && level < SCORE_LEVELS; level++, a = a.parent) {
        add(a, level === 0 ? s : level === 1 ? s / 2 : s / (level * 3));
      }
    }
    for (const c of el.children) if (c.kind === 1) visit(c);
  };
  visit(root);
  for (const c of candidates) {
    const info = ctx.info.get(c)!;
    info.score = (info.score ?? 0) * (1 - linkDensity(info));
  }
  return candidates;
}

function elementChildren(el: HElement): HElement[] {
  return el.children.filter((c): c is HElement => c.kind === 1);
}

/** The article: the elements whose content makes the body, in document order, or [] when nothing scores. */
export function findContent(ctx: Ctx): HElement[] {
  const root = ctx.doc.root;
  const rootInfo = computeStats(ctx, root, false);
  markFurniture(ctx, root, rootInfo.pText);
  const candidates = scoreBlocks(ctx, root);
  const scoreOf = (e: HElement): number => ctx.info.get(e)!.score ?? 0;
  let top: HElement | undefined;
  for (const c of candidates) if (c.tag !== "#root" && c.tag !== "html" && (!top || scoreOf(c) > scoreOf(top))) top = c;
  if (!top) return [];
  // Move up while the parent scores comparably (the article is split over several containers).
  let lastScore = scoreOf(top);
  const threshold = lastScore / 3;
  for (let parent = top.parent; parent && parent.tag !== "body" && parent.tag !== "#root" && parent.tag !== "html"; parent = parent.parent) {
    const ps = ctx.info.get(parent)!.score;
    if (ps === undefined) continue;
    if (ps < threshold) break;
    if (ps > lastScore) {
      top = parent;
      break;
    }
    lastScore = ps;
  }
  // A lone child stands for its parent.
  while (top.parent && top.parent.tag !== "body" && top.parent.tag !== "#root" && top.parent.tag !== "html" && elementChildren(top.parent).length === 1) top = top.parent;

  const parent = top.parent;
  if (!parent) return [top];
  const topScore = scoreOf(top);
  const siblingThreshold = Math.max(SIBLING_MIN_SCORE, topScore * SIBLING_SHARE);
  const out: HElement[] = [];
  for (const s of elementChildren(parent)) {
    if (s === top) {
      out.push(s);
      continue;
    }
    const info = ctx.info.get(s)!;
    if (info.drop) continue;
    let bonus = 0;
    if (s.attrs.class && s.attrs.class === top.attrs.class) bonus += topScore * SIBLING_SHARE;
    if (info.score !== undefined && info.score + bonus >= siblingThreshold) out.push(s);
    else if (s.tag === "p") {
      const ld = linkDensity(info);
      if (info.len > SIBLING_P_LEN && ld < SIBLING_LINK_DENSITY) out.push(s);
      else if (info.len <= SIBLING_P_LEN && info.len > 0 && ld === 0 && /[.!?。！？؟।۔]\s*$/.test(plainText(ctx, s))) out.push(s);
    }
  }
  // Forum and Q&A pages: the other posts of the series the best candidate belongs to (series.ts).
  return addPostSeries(ctx, top, out);
}

/** Collapsed text of an element (for short checks). */
export function plainText(ctx: Ctx, el: HElement): string {
  let out = "";
  const walk = (e: HElement): void => {
    for (const c of e.children) {
      if (c.kind === 3) out += textOf(ctx, c);
      else if (!SKIP_TAGS.has(c.tag)) walk(c);
    }
  };
  walk(el);
  return out.replace(/\s+/g, " ").trim();
}

/** Containers that the in-article cleaner may drop. */
const CONDITIONAL = new Set(["div", "section", "ul", "ol", "table", "form", "fieldset", "aside", "header", "figure", "dl"]);

/** Why `el` (with its statistics after its children's cleaning) is left out of the article, or undefined to keep it. */
function conditionalDrop(ctx: Ctx, el: HElement, info: Info, inList: boolean): string | undefined {
  const tag = el.tag;
  if (tag === "figcaption") return "caption";
  if (tag === "h1") return "title";
  // Precise enough for the relaxed attempt too.
  if (info.len > 0 && info.len < POST_CHROME_MAX_LEN && tag !== "p" && tag !== "li" && !hasBlockChild(el) && POST_CHROME_TEXT.test(plainText(ctx, el))) return "post-chrome";
  if (!ctx.opts.conditional) return undefined;
  if (info.len > 0 && info.len < 60 && tag !== "p" && tag !== "li" && FURNITURE_TEXT.test(plainText(ctx, el))) return "furniture-text";
  // A layout cell or row of links (a menu column of an old table layout).
  if ((tag === "td" || tag === "tr") && linkDensity(info) > LINK_DENSITY_HIGH_WEIGHT) return "links";
  if (!CONDITIONAL.has(tag)) return undefined;
  const weight = classWeight(el);
  if (weight < 0) return "negative-class";
  if (info.commas >= PROSE_COMMAS) return undefined;
  const ld = linkDensity(info);
  const p = info.p;
  const li = info.li - 100;
  if (tag === "figure" && info.p === 0) return "caption";
  if (info.img > 1 && p / info.img < 0.5 && info.len < 200) return "images";
  if (!inList && tag !== "ul" && tag !== "ol" && li > p) return "list";
  if (info.input > Math.floor(p / 3)) return "form";
  if (info.len > 0 && info.len < MIN_SCORED_LEN && (info.img === 0 || info.img > 2) && info.embed === 0 && tag !== "table") return "short";
  if (weight < CLASS_WEIGHT && ld > LINK_DENSITY_LOW_WEIGHT) return "links";
  if (weight >= CLASS_WEIGHT && ld > LINK_DENSITY_HIGH_WEIGHT) return "links";
  return undefined;
}

/**
 * Cleans the article bottom-up (as Readability does): a container is judged on the statistics of
 * what is left of it after its own descendants were cleaned. Sets `info.drop` on what is left out;
 * returns the statistics of what is kept.
 */
export function cleanArticle(ctx: Ctx, el: HElement, inList = false, isRoot = true): Info {
  const info = ctx.info.get(el)!;
  const kept: Info = { len: 0, linkLen: 0, commas: 0, pText: 0, p: 0, img: 0, li: 0, input: 0, embed: 0, inl: 0, inlCommas: 0 };
  if (info.drop) return kept;
  const list = inList || el.tag === "ul" || el.tag === "ol";
  for (const c of el.children) {
    if (c.kind === 3) {
      const s = textOf(ctx, c);
      const l = collapsedLength(s);
      kept.len += l;
      if (l) kept.commas += (s.match(COMMAS) ?? []).length;
      continue;
    }
    const ci = cleanArticle(ctx, c, list, false);
    const cinfo = ctx.info.get(c)!;
    if (c.tag === "input" && c.attrs.type !== "hidden") kept.input++;
    else if (EMBEDS.has(c.tag)) kept.embed++;
    if (cinfo.drop) continue;
    kept.input += ci.input;
    kept.embed += ci.embed;
    kept.len += ci.len;
    kept.linkLen += c.tag === "a" ? ci.len : ci.linkLen;
    kept.commas += ci.commas;
    kept.pText += ci.pText;
    kept.p += ci.p;
    kept.img += ci.img;
    kept.li += ci.li;
  }
  if (el.tag === "p") {
    kept.p++;
    kept.pText = kept.len;
  } else if (el.tag === "img" || el.tag === "picture") kept.img++;
  else if (el.tag === "li") kept.li++;
  if (!isRoot || el.tag === "figcaption" || el.tag === "h1") {
    const why = conditionalDrop(ctx, el, kept, inList);
    if (why) info.drop = why;
  }
  return kept;
}
