/**
 * Listing pages (category and tag pages, section fronts, search results, blog indexes): the main
 * content is a run of teasers, each a headline linking to another page and a short blurb. Their
 * concatenation is no article; the cascade returns little text for them and flags the page
 * (html.ts: diagnostic `clean/listing-page`). A teaser headline is a heading element (h2 to h6)
 * whose text is almost all link text pointing to another page (a link with `#` is a permalink of a
 * post on the same page, as in forum threads); the page is a listing when there are several and the
 * text besides them is short per headline.
 */
import type { Ctx } from "./content.js";
import { textOf } from "./content.js";
import type { HElement } from "./parse.js";
import { SKIP_TAGS } from "./patterns.js";
import { textWeight } from "./weight.js";

/** At least this many teaser headlines make a listing. */
const LISTING_MIN_ITEMS = 4;
/** ...with at most this much other text per headline (weight.ts; a blog index of full posts is not flagged). */
const LISTING_MAX_TEXT_PER_ITEM = 300;
/** A teaser headline has at least this share of its text in links to other pages. */
const HEADLINE_LINK_SHARE = 0.8;
/** A teaser headline weighs at least this much (a "More" link is no headline). */
const HEADLINE_MIN_LEN = 15;

const TEASER_HEADINGS = new Set(["h2", "h3", "h4", "h5", "h6"]);

/** The listing's teaser headline count when the kept content under `roots` reads as a listing, else 0. */
export function listingItems(ctx: Ctx, roots: HElement[]): number {
  let items = 0;
  let headlineLen = 0;
  let total = 0;
  const measure = (e: HElement, link: boolean, acc: { len: number; link: number }): void => {
    for (const c of e.children) {
      if (c.kind === 3) {
        const l = textWeight(textOf(ctx, c));
        acc.len += l;
        if (link) acc.link += l;
      } else if (!SKIP_TAGS.has(c.tag) && !ctx.info.get(c)?.drop) {
        measure(c, link || (c.tag === "a" && !!c.attrs.href && !c.attrs.href.includes("#")), acc);
      }
    }
  };
  const walk = (e: HElement): void => {
    if (ctx.info.get(e)?.drop || SKIP_TAGS.has(e.tag)) return;
    if (TEASER_HEADINGS.has(e.tag)) {
      const acc = { len: 0, link: 0 };
      measure(e, false, acc);
      total += acc.len;
      if (acc.len >= HEADLINE_MIN_LEN && acc.link >= HEADLINE_LINK_SHARE * acc.len) {
        items++;
        headlineLen += acc.len;
      }
      return;
    }
    for (const c of e.children) {
      if (c.kind === 3) total += textWeight(textOf(ctx, c));
      else walk(c);
    }
  };
  for (const r of roots) walk(r);
  return items >= LISTING_MIN_ITEMS && (total - headlineLen) / items <= LISTING_MAX_TEXT_PER_ITEM ? items : 0;
}
