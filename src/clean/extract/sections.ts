/**
 * Section-level cleaning of the chosen article, after the block-level cleaner (content.ts
 * `cleanArticle`) has run:
 *
 * 1. Headed furniture sections: a heading whose whole text names a furniture section ("Related
 *    articles", "Lo más leído", "Читайте также", "相关文章": RELATED_HEADING in patterns.ts, many
 *    languages) starts a section that is left out. When the heading opens its container, the
 *    container goes; otherwise the heading and the siblings after it go, up to the first sibling
 *    that reads as prose.
 * 2. The trailing link run: after the article's last prose block, blocks that are (almost) all
 *    link text (lists of headlines, "follow us" links, tag lists) and a short lead-in line just
 *    before them ("More on this:") are left out.
 * 3. Calls to action at the article's edges: short blocks asking to subscribe, follow or sign up
 *    (CALL_TO_ACTION in patterns.ts, many languages), unless they quote someone.
 * 4. Date and byline lines above the article: short blocks before the first prose block that hold
 *    a date in any of the formats html-date.ts reads and few other words.
 * 5. Unmarked captions: a short text block whose container holds nothing else but an image.
 * 6. Press release boilerplate at the end: from a contact block ("Media contact", "Pressekontakt",
 *    "###": CONTACT_HEADING) or, with DROP_ABOUT_SECTION, a heading "About <company>" (ABOUT_HEADING,
 *    when the next block names the company) to the end, when it starts in the article's second half.
 *
 * The rules are structural (link density, position, block length) except for the heading and
 * prompt words, which are data. Lengths are script-weighted (weight.ts). They set `info.drop` as
 * the other cleaners do.
 */
import type { Ctx } from "./content.js";
import { plainText, textOf } from "./content.js";
import type { HElement } from "./parse.js";
import { parseLocalDate } from "../html-date.js";
import { textWeight } from "./weight.js";
import { ABOUT_HEADING, CALL_TO_ACTION, CONTACT_HEADING, RELATED_HEADING, SKIP_TAGS } from "./patterns.js";

/** A heading-like block is at most this many characters (longer lines are prose, not section titles). */
const HEADING_MAX_LEN = 80;
/** ...a heading element at most this many ("12 thoughts on “<the post's title>”" names the comment section). */
const HEADING_ELEMENT_MAX_LEN = 160;
/** A sibling after a furniture heading stops the section when it is prose: at least this long... */
const PROSE_MIN_LEN = 150;
/** ...with link density under this. */
const PROSE_MAX_LINK_DENSITY = 0.3;
/** A trailing block is a link block when at least this share of its text is link text. */
const TRAIL_LINK_DENSITY = 0.7;
/** A lead-in line before a trailing link run is at most this many characters. */
const LEAD_IN_MAX_LEN = 60;
/** Never trim the tail to below this share of the article's text (the article is not a link list). */
const TAIL_MAX_SHARE = 0.5;

/** A call to action is a block of at most this many characters (a longer one is article text that mentions a newsletter). */
const PROMPT_MAX_LEN = 300;
/** At most this many blocks are taken off each edge by the call-to-action rule. */
const EDGE_BLOCKS = 3;

/** A date or byline line weighs at most this much (weight.ts)... */
const META_LINE_MAX = 100;
/** ...and has at most this many words besides the date's numbers (CJK runs count as one word each). */
const META_LINE_MAX_WORDS = 8;
/** An unmarked caption weighs at most this much (weight.ts). */
const CAPTION_MAX_LEN = 300;
/** Quotation marks (reported speech) in any of the supported scripts. */
const QUOTE_MARKS = /["“”„«»「」『』]/;

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/** Blocks that may carry a section title when the page uses no heading element. */
const TITLE_BLOCKS = new Set(["p", "div", "span", "strong", "b", "header", "dt", "legend", "caption", "summary"]);
/** Leaf blocks judged by the trailing link rule. */
const LEAVES = new Set(["p", "li", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "pre", "table", "figure"]);
/** Inline elements that stand as a line of their own when they sit beside blocks (`<div><span>By X, date</span><p>..</p></div>`). */
const INLINE_LINES = new Set(["span", "small", "time", "em", "strong", "b", "i", "font"]);
const BLOCKISH = new Set([
  "address", "article", "aside", "blockquote", "dl", "div", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "li", "dd", "dt",
]);

interface Kept {
  len: number;
  linkLen: number;
  text: string;
}

/** Text of what is kept under `el` (dropped descendants left out), with its link text length. */
function kept(ctx: Ctx, el: HElement, inLink = false): Kept {
  const out: Kept = { len: 0, linkLen: 0, text: "" };
  const walk = (e: HElement, link: boolean): void => {
    for (const c of e.children) {
      if (c.kind === 3) {
        const s = textOf(ctx, c);
        out.text += s;
        const l = textWeight(s);
        out.len += l;
        if (link) out.linkLen += l;
      } else if (!SKIP_TAGS.has(c.tag) && !ctx.info.get(c)?.drop) {
        out.text += " ";
        walk(c, link || c.tag === "a");
      }
    }
  };
  walk(el, inLink || el.tag === "a");
  out.text = out.text.replace(/\s+/g, " ").trim();
  return out;
}

function isDropped(ctx: Ctx, el: HElement): boolean {
  return !!ctx.info.get(el)?.drop;
}

function drop(ctx: Ctx, el: HElement, why: string): void {
  const info = ctx.info.get(el);
  if (info && !info.drop) info.drop = why;
}

function elementChildren(el: HElement): HElement[] {
  return el.children.filter((c): c is HElement => c.kind === 1);
}

function hasBlockChild(el: HElement): boolean {
  for (const c of el.children) if (c.kind === 1 && BLOCKISH.has(c.tag)) return true;
  return false;
}

/**
 * Whether `el` is a heading-like line naming a furniture section. A heading the class patterns
 * already left out (`<h3 class="related-title">`) still counts: its section is what matters.
 */
function isFurnitureHeading(ctx: Ctx, el: HElement): boolean {
  const why = ctx.info.get(el)?.drop;
  if (why && why !== "class" && why !== "furniture-text") return false;
  const len = ctx.info.get(el)?.len ?? 0;
  if (len === 0 || len > (HEADINGS.has(el.tag) ? HEADING_ELEMENT_MAX_LEN : HEADING_MAX_LEN)) return false; // cheap test first: cleaning only shortens
  if (!HEADINGS.has(el.tag) && !(TITLE_BLOCKS.has(el.tag) && !hasBlockChild(el))) return false;
  const text = why ? plainText(ctx, el) : kept(ctx, el).text;
  return RELATED_HEADING.test(text);
}

function isProse(ctx: Ctx, el: HElement): boolean {
  const k = kept(ctx, el);
  return k.len >= PROSE_MIN_LEN && k.linkLen / k.len < PROSE_MAX_LINK_DENSITY;
}

/** Whether the element has visible kept content (text or an image). */
function nonEmpty(ctx: Ctx, el: HElement): boolean {
  return (ctx.info.get(el)?.len ?? 0) > 0 && kept(ctx, el).len > 0;
}

/**
 * Rule 1 over one list of siblings (`container` null for the article's top-level elements): a
 * furniture heading that opens its container drops the container; otherwise it drops itself and
 * the siblings after it up to the first prose block or heading. Recurses into the other siblings.
 */
function dropHeadedSections(ctx: Ctx, container: HElement | null, children: HElement[]): void {
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (!isFurnitureHeading(ctx, c)) {
      if (!isDropped(ctx, c)) dropHeadedSections(ctx, c, elementChildren(c));
      continue;
    }
    const live = children.filter((s) => s === c || (!isDropped(ctx, s) && nonEmpty(ctx, s)));
    if (container && live[0] === c && live.length > 1 && container.tag !== "body") {
      drop(ctx, container, "related-section");
      return;
    }
    drop(ctx, c, "related-section");
    for (let j = i + 1; j < children.length; j++) {
      const s = children[j];
      if (isDropped(ctx, s)) continue;
      if (isProse(ctx, s) || HEADINGS.has(s.tag)) {
        i = j - 1;
        break;
      }
      drop(ctx, s, "related-section");
      i = j;
    }
  }
}

/** The first `limit` kept leaf blocks under the roots, in document order (with `inline`, loose inline lines beside blocks too). */
function leafBlocks(ctx: Ctx, roots: HElement[], inline = false, limit = Infinity): HElement[] {
  const out: HElement[] = [];
  const walk = (e: HElement): void => {
    if (out.length >= limit || isDropped(ctx, e) || SKIP_TAGS.has(e.tag)) return;
    // Inline elements are reached only when their parent holds blocks too: they are loose lines of their own.
    if (LEAVES.has(e.tag) || (inline && INLINE_LINES.has(e.tag)) || ((e.tag === "div" || e.tag === "section") && !hasBlockChild(e))) {
      if ((ctx.info.get(e)?.len ?? 0) > 0) out.push(e);
      return;
    }
    for (const c of elementChildren(e)) walk(c);
  };
  for (const r of roots) walk(r);
  return out;
}

/** Rule 2: the trailing run of link blocks (and its lead-in line). */
function dropTrailingLinks(ctx: Ctx, leaves: HElement[]): void {
  if (leaves.length < 2) return;
  // The article's size from the statistics before cleaning (an upper bound, cheap); kept text only where judged.
  const total = leaves.reduce((a, l) => a + (ctx.info.get(l)?.len ?? 0), 0);
  let i = leaves.length - 1;
  let cut = 0;
  let k = kept(ctx, leaves[i]);
  while (i > 0 && k.linkLen >= TRAIL_LINK_DENSITY * k.len && cut + k.len <= TAIL_MAX_SHARE * total) {
    cut += k.len;
    i--;
    k = kept(ctx, leaves[i]);
  }
  if (i === leaves.length - 1) return;
  const lead = k;
  const leadIn = lead.text.length <= LEAD_IN_MAX_LEN && (/[:：…]$|\.\.\.$/.test(lead.text) || RELATED_HEADING.test(lead.text) || HEADINGS.has(leaves[i].tag));
  for (let j = leadIn ? i : i + 1; j < leaves.length; j++) drop(ctx, leaves[j], "trailing-links");
}

/**
 * Rule 3: calls to action at the article's edges (newsletter asks, "follow us", copyright lines):
 * short leaf blocks matching CALL_TO_ACTION, from the last block backwards and from the first
 * block forwards, up to the first block that does not match.
 */
function dropEdgePrompts(ctx: Ctx, leaves: HElement[]): void {
  if (leaves.length < 3) return;
  const isPrompt = (el: HElement): boolean => {
    const k = kept(ctx, el);
    // Quoted speech is reporting, not a prompt ("... worth a digital subscription," she said).
    return k.text.length <= PROMPT_MAX_LEN && !QUOTE_MARKS.test(k.text) && CALL_TO_ACTION.test(k.text);
  };
  let end = leaves.length - 1;
  for (let n = 0; n < EDGE_BLOCKS && end > 0 && isPrompt(leaves[end]); n++, end--) drop(ctx, leaves[end], "call-to-action");
  for (let i = 0, n = 0; n < EDGE_BLOCKS && i < end && isPrompt(leaves[i]); n++, i++) drop(ctx, leaves[i], "call-to-action");
}

/**
 * Rule 4: date and byline lines at the top of the article ("Von Jana Vogt · 23. Oktober 2025",
 * "2025-10-23 09:30 来源：城市新闻网"): short leaf blocks before the first prose block that hold a
 * date (html-date.ts) and few other words.
 */
function dropLeadingMetaLines(ctx: Ctx, roots: HElement[]): void {
  // Only the first lines matter; the last one must stay (an article is not one date line).
  const leaves = leafBlocks(ctx, roots, true, EDGE_BLOCKS + 1);
  if (leaves.length < 3) return;
  for (let i = 0; i < EDGE_BLOCKS && i < leaves.length - 1; i++) {
    if (HEADINGS.has(leaves[i].tag)) continue;
    const k = kept(ctx, leaves[i]);
    if (k.len >= PROSE_MIN_LEN) return;
    if (k.len > META_LINE_MAX || !parseLocalDate(k.text) || QUOTE_MARKS.test(k.text)) continue;
    const words = k.text.replace(/[\p{N}\p{P}\p{S}]+/gu, " ").trim().split(/\s+/).filter((w) => w.length > 0);
    if (words.length <= META_LINE_MAX_WORDS) drop(ctx, leaves[i], "meta-line");
  }
}

/** Whether `el` is an image, or a link or picture holding nothing but one. */
function isImageItem(ctx: Ctx, el: HElement): boolean {
  if (el.tag === "img" || el.tag === "picture") return true;
  if (el.tag !== "a" && el.tag !== "span" && el.tag !== "div") return false;
  return (ctx.info.get(el)?.len ?? 0) === 0 && (ctx.info.get(el)?.img ?? 0) > 0;
}

/**
 * Rule 5: unmarked captions: a short text block whose container holds nothing else but an image
 * (`<div><img><p>Caption (Photo: Agency)</p></div>`, the layout of a figure without `<figure>`).
 */
function dropImageCaptions(ctx: Ctx, roots: Set<HElement>, leaves: HElement[]): void {
  for (const leaf of leaves) {
    const parent = leaf.parent;
    if (!parent || roots.has(leaf) || roots.has(parent) || (ctx.info.get(leaf)?.len ?? 0) > CAPTION_MAX_LEN) continue;
    let image = false;
    let other = false;
    for (const c of parent.children) {
      if (c.kind === 3) {
        if (textOf(ctx, c).trim()) other = true;
      } else if (c !== leaf && !SKIP_TAGS.has(c.tag) && c.tag !== "br") {
        if (isImageItem(ctx, c)) image = true;
        else if (!isDropped(ctx, c) && (ctx.info.get(c)?.len ?? 0) > 0) other = true;
      }
    }
    if (image && !other) drop(ctx, leaf, "caption");
  }
}

/** The boilerplate tail of a press release starts after at least this share of the article's text. */
const BOILERPLATE_TAIL_START = 0.5;
/** A contact block's first line is at most this long (characters); "About X" is a heading (HEADING_MAX_LEN). */
const CONTACT_MAX_LEN = 300;
/**
 * Whether an "About <company>" section starts the boilerplate tail. Off: the extraction benchmark's
 * ground truth (extraction-zyte) keeps the company description of press releases as article text
 * (turning this on cost one page 0.11 F1 there); the contact block and end marks are left out.
 */
export const DROP_ABOUT_SECTION = false;
/** A word of the company name that the next block must contain is at least this long. */
const NAME_WORD_MIN = 4;

/** Whether `next` names the company of an "About X" heading (a word of X of NAME_WORD_MIN letters or more). */
function namesCompany(name: string, next: string): boolean {
  const words = name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= NAME_WORD_MIN);
  const text = next.toLowerCase();
  return words.length > 0 && words.some((w) => text.includes(w));
}

/**
 * Rule 6: a press release's closing boilerplate: "About <company>" with the company description, the
 * media contact, an end mark. Everything from the first such block to the article's end is left
 * out, when that block starts after BOILERPLATE_TAIL_START of the article's text (a subheading
 * "About the plan" early in a news story is not boilerplate).
 */
function dropBoilerplateTail(ctx: Ctx, leaves: HElement[]): void {
  if (leaves.length < 3) return;
  const texts = leaves.map((l) => kept(ctx, l));
  const total = texts.reduce((a, k) => a + k.len, 0);
  let before = 0;
  for (let i = 1; i < leaves.length; i++) {
    before += texts[i - 1].len;
    if (before < BOILERPLATE_TAIL_START * total) continue;
    const t = texts[i].text;
    const about = DROP_ABOUT_SECTION && t.length <= HEADING_MAX_LEN ? ABOUT_HEADING.exec(t) : null;
    const start = (about && i + 1 < leaves.length && namesCompany(about[1], texts[i + 1].text)) || (t.length <= CONTACT_MAX_LEN && CONTACT_HEADING.test(t));
    if (!start) continue;
    for (let j = i; j < leaves.length; j++) drop(ctx, leaves[j], "press-boilerplate");
    return;
  }
}

/**
 * Leaves furniture sections and trailing link runs out of the article `roots` (run after
 * `cleanArticle`).
 *
 * @example dropSections(ctx, findContent(ctx))
 */
export function dropSections(ctx: Ctx, roots: HElement[]): void {
  // A single root is the article container itself: its own children are the top-level list.
  if (roots.length === 1) dropHeadedSections(ctx, null, elementChildren(roots[0]));
  else dropHeadedSections(ctx, null, roots);
  const leaves = leafBlocks(ctx, roots.filter((r) => !isDropped(ctx, r)));
  dropTrailingLinks(ctx, leaves);
  dropEdgePrompts(ctx, leaves.filter((l) => !isDropped(ctx, l)));
  dropImageCaptions(ctx, new Set(roots), leaves.filter((l) => !isDropped(ctx, l)));
  dropBoilerplateTail(ctx, leaves.filter((l) => !isDropped(ctx, l)));
  dropLeadingMetaLines(ctx, roots.filter((r) => !isDropped(ctx, r)));
}
