/**
 * Post series: forum threads and Q&A pages hold their main content as a sequence of posts, each in
 * its own container (`<div class="s-prose js-post-body">` for the question and for every answer,
 * `<div class="message-body">` for every reply). The scorer picks the best-scoring one and its
 * siblings; when the posts are not siblings (question and answers in different wrappers), the rest
 * would be lost. This rule finds the elements that share the chosen element's markup signature (tag
 * and exact class list of the chosen element, or of its nearest classed ancestor when it has no class) elsewhere on the page and
 * adds those that are not page furniture and read as text (not link lists).
 *
 * Reader comments are not posts of the series: they sit in comment containers that the furniture
 * patterns drop, and a dropped ancestor keeps an element out (the blog-with-comments choice: keep
 * the post, leave the comments out, as trafilatura does by default).
 */
import type { Ctx } from "./content.js";
import { linkDensity } from "./content.js";
import type { HElement } from "./parse.js";

/** How many classless levels above the chosen element the signature is looked for (a bare `<div>` in a post body). */
const SERIES_LEVELS = 2;
/** A post of the series weighs at least this much (characters, weight.ts): shorter ones are buttons or stubs. */
const SERIES_MIN_LEN = 25;
/** ...and has link density under this (a teaser list or a menu is not a post). */
const SERIES_MAX_LINK_DENSITY = 0.3;
/** The signature must be specific: a class list of at least this many characters ("post", "text" alone are too common). */
const SIGNATURE_MIN_LEN = 6;
/** At most this many posts are added (a page of a thread; beyond, the repeated element is page furniture). */
const SERIES_MAX = 200;

function signature(el: HElement): string | undefined {
  const c = el.attrs.class?.trim().replace(/\s+/g, " ");
  return c && c.length >= SIGNATURE_MIN_LEN ? `${el.tag}.${c}` : undefined;
}

function insideDropped(ctx: Ctx, el: HElement): boolean {
  for (let a: HElement | null = el; a; a = a.parent) if (ctx.info.get(a)?.drop) return true;
  return false;
}

function isAncestor(a: HElement, el: HElement): boolean {
  for (let p: HElement | null = el; p; p = p.parent) if (p === a) return true;
  return false;
}

/** Elements in document order. */
function preorder(root: HElement): HElement[] {
  const out: HElement[] = [];
  const walk = (e: HElement): void => {
    out.push(e);
    for (const c of e.children) if (c.kind === 1) walk(c);
  };
  walk(root);
  return out;
}

/**
 * The article elements `chosen` (the best candidate `top` with its siblings, in document order),
 * extended by the other posts of a series `top` belongs to, in document order. Returns `chosen`
 * unchanged when `top` is in no series.
 *
 * @example addPostSeries(ctx, top, [top]) // [question body, answer body, answer body]
 */
export function addPostSeries(ctx: Ctx, top: HElement, chosen: HElement[]): HElement[] {
  // The signature is the chosen element's own class list, or, when it has none, its nearest classed
  // ancestor's (a bare `<div>` inside `<div class="post-body">`). Higher classed ancestors are layout
  // (columns, modules, widget wrappers) whose repeats are not posts.
  let anchor: HElement | null = top;
  for (let depth = 0; anchor && !anchor.attrs.class && depth < SERIES_LEVELS; depth++) anchor = anchor.parent;
  const sig = anchor && signature(anchor);
  if (!anchor || !sig) return chosen;
  const a = anchor;
  const all = preorder(ctx.doc.root);
  const posts = all.filter((e) => {
    if (e === a || signature(e) !== sig || isAncestor(e, a) || isAncestor(a, e)) return false;
    if (chosen.some((c) => isAncestor(c, e) || isAncestor(e, c)) || insideDropped(ctx, e)) return false;
    const info = ctx.info.get(e);
    return !!info && info.len >= SERIES_MIN_LEN && linkDensity(info) < SERIES_MAX_LINK_DENSITY;
  });
  if (posts.length === 0 || posts.length > SERIES_MAX) return chosen;
  // Nested posts (a quoted post inside a post) are covered by their outer post.
  const outer = posts.filter((p) => !posts.some((q) => q !== p && isAncestor(q, p)));
  const order = new Map(all.map((e, i) => [e, i]));
  return [...chosen, ...outer].sort((x, y) => order.get(x)! - order.get(y)!);
}
