/**
 * Renders extracted elements to plain text with a map back to the raw HTML: block elements become
 * paragraphs separated by a blank line, `<br>` a line break, inline text is joined with its
 * whitespace collapsed to one space (kept as is inside `<pre>`), table cells are separated by a space.
 * `map[i]` is the raw offset of output character i when that character is the same character in the
 * raw HTML, else -1 (generated separators, decoded character references, a space standing for a
 * newline or a tab).
 */
import type { Ctx } from "./content.js";
import { cleanArticle, textOf } from "./content.js";
import type { HElement } from "./parse.js";
import { decodeEntities } from "./parse.js";
import { dropSections } from "./sections.js";

/** Elements that end a paragraph. */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figure", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
  "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption",
]);
const CELL = new Set(["td", "th"]);
const WS = /[ \t\n\r\f\u00a0]/;

/** Plain text and its map to raw offsets. */
export interface Rendered {
  text: string;
  map: number[];
  /** Text of elements left out inside the article, with the reason (for diagnostics). */
  removed: { why: string; text: string }[];
}

/**
 * Renders `elements` (in document order) to text.
 *
 * @example renderElements(ctx, findContent(ctx)).text
 */
export function renderElements(ctx: Ctx, elements: HElement[]): Rendered {
  const raw = ctx.doc.raw;
  let text = "";
  const map: number[] = [];
  const removed: Rendered["removed"] = [];
  // Pending separator: 0 none, 1 space, 2 line break, 3 paragraph break; spaceAt: raw offset of the space.
  let pending = 0;
  let spaceAt = -1;
  let pre = 0;
  const emit = (s: string, rawAt: number): void => {
    if (text.length > 0 && pending) {
      if (pending === 1) {
        text += " ";
        map.push(spaceAt >= 0 && raw[spaceAt] === " " ? spaceAt : -1);
      } else {
        text += pending === 2 ? "\n" : "\n\n";
        for (let i = 0; i < pending - 1; i++) map.push(-1);
      }
    }
    pending = 0;
    spaceAt = -1;
    text += s;
    map.push(rawAt);
  };
  const brk = (level: number): void => {
    if (level > pending) {
      pending = level;
      spaceAt = -1;
    }
  };
  const walkText = (start: number, s: string, local: number[]): void => {
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      const at = local[i] >= 0 ? start + local[i] : -1;
      if (pre > 0) {
        if (ch === "\n") brk(2);
        else emit(ch, at);
        continue;
      }
      if (WS.test(ch)) {
        if (pending === 0) {
          pending = 1;
          spaceAt = at;
        }
        continue;
      }
      emit(ch, at);
    }
  };
  const walk = (el: HElement): void => {
    const why = ctx.info.get(el)?.drop;
    if (why) {
      if (why !== "skip") {
        const t = plain(el);
        if (t) removed.push({ why, text: t });
      }
      if (BLOCK.has(el.tag)) brk(3);
      else if (pending === 0) pending = 1;
      return;
    }
    const tag = el.tag;
    if (tag === "br") {
      // One <br> breaks the line; a second in a row ends the paragraph.
      brk(pending >= 2 ? 3 : 2);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) brk(3);
    if (CELL.has(tag) && pending === 0) pending = 1;
    if (tag === "pre") pre++;
    for (const c of el.children) {
      if (c.kind === 3) {
        const local: number[] = [];
        const s = decodeEntities(raw.slice(c.start, c.end), local);
        walkText(c.start, s, local);
      } else walk(c);
    }
    if (tag === "pre") pre--;
    if (CELL.has(tag) && pending === 0) pending = 1;
    if (block) brk(3);
  };
  const plain = (el: HElement): string => {
    let out = "";
    const w = (e: HElement): void => {
      for (const c of e.children) {
        if (c.kind === 3) out += textOf(ctx, c);
        else if (ctx.info.get(c)?.drop !== "skip") {
          out += " ";
          w(c);
          out += " ";
        }
      }
    };
    w(el);
    return out.replace(/\s+/g, " ").trim();
  };
  for (const el of elements) cleanArticle(ctx, el);
  dropSections(ctx, elements);
  for (const el of elements) {
    brk(3);
    walk(el);
  }
  return { text, map, removed };
}
