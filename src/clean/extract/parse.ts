/**
 * A small, tolerant, single-pass HTML parser for extraction: elements with their attributes and
 * text nodes with their raw offsets (so extracted text can be mapped back to the page). It follows
 * the parts of the HTML5 tree rules that matter for reading text (void elements, raw-text elements,
 * implied end tags of p/li/dt/dd/tr/td/option, end tags that close open descendants) and ignores
 * the rest (no foster parenting, no adoption agency). It never throws.
 */
import { namedEntity, LEGACY } from "./entities.js";

/** A text node: raw HTML `[start, end)` of the page. */
export interface HText {
  kind: 3;
  start: number;
  end: number;
  parent: HElement;
}

/** An element with its lower-case tag name, attributes (lower-case names) and children. */
export interface HElement {
  kind: 1;
  tag: string;
  attrs: Record<string, string>;
  children: HNode[];
  parent: HElement | null;
}

export type HNode = HElement | HText;

/** The parsed page: the root element (`#root`, holding `html` or whatever the page starts with) and the raw source. */
export interface HDocument {
  root: HElement;
  raw: string;
}

/** Elements that never have content. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"]);
/** Elements whose content is raw text up to their end tag (never parsed as markup). */
export const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);
/** Start tags that close an open `<p>`. */
const CLOSES_P = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
  "summary", "table", "ul", "li", "dd", "dt", "listing", "plaintext",
]);
/** Elements that bound the search for an element to close implicitly. */
const SCOPE = new Set(["html", "body", "table", "td", "th", "caption", "object", "marquee", "applet", "template", "button", "#root"]);
/** Implied end tags: a start tag of the key closes an open element of these names within scope, stopping at the boundary elements. */
const IMPLIED: Record<string, { close: string[]; stop: string[] }> = {
  li: { close: ["li"], stop: ["ul", "ol", "menu"] },
  dt: { close: ["dt", "dd"], stop: ["dl"] },
  dd: { close: ["dt", "dd"], stop: ["dl"] },
  tr: { close: ["tr", "td", "th"], stop: ["table", "tbody", "thead", "tfoot"] },
  td: { close: ["td", "th"], stop: ["tr", "table"] },
  th: { close: ["td", "th"], stop: ["tr", "table"] },
  tbody: { close: ["tbody", "thead", "tfoot", "tr", "td", "th"], stop: ["table"] },
  thead: { close: ["tbody", "thead", "tfoot", "tr", "td", "th"], stop: ["table"] },
  tfoot: { close: ["tbody", "thead", "tfoot", "tr", "td", "th"], stop: ["table"] },
  option: { close: ["option"], stop: ["select", "datalist"] },
};

const TAG_NAME = /[A-Za-z][^\s/>]*/y;
const ATTR = /[\s/]*([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/y;

/**
 * Parses an HTML page.
 *
 * @example parseDocument("<p>a<p>b").root.children.length // 2 paragraphs
 */
export function parseDocument(raw: string): HDocument {
  const root: HElement = { kind: 1, tag: "#root", attrs: {}, children: [], parent: null };
  const stack: HElement[] = [root];
  const top = (): HElement => stack[stack.length - 1];
  const addText = (start: number, end: number): void => {
    if (end <= start) return;
    const parent = top();
    const last = parent.children[parent.children.length - 1];
    if (last && last.kind === 3 && last.end === start) last.end = end;
    else parent.children.push({ kind: 3, start, end, parent });
  };
  /** Closes the nearest open element named in `names`, searching down to a `stop` element or a scope boundary. */
  const closeOpen = (names: string[], stop: string[]): void => {
    for (let i = stack.length - 1; i > 0; i--) {
      const t = stack[i].tag;
      if (names.includes(t)) {
        stack.length = i;
        return;
      }
      if (stop.includes(t) || SCOPE.has(t)) return;
    }
  };
  const n = raw.length;
  let pos = 0;
  while (pos < n) {
    const lt = raw.indexOf("<", pos);
    if (lt < 0) {
      addText(pos, n);
      break;
    }
    if (lt > pos) addText(pos, lt);
    const c = raw.charCodeAt(lt + 1);
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      if (raw.startsWith("<!--", lt)) {
        const e = raw.indexOf("-->", lt + 4);
        pos = e < 0 ? n : e + 3;
      } else if (raw.startsWith("<![CDATA[", lt)) {
        const e = raw.indexOf("]]>", lt + 9);
        addText(lt + 9, e < 0 ? n : e);
        pos = e < 0 ? n : e + 3;
      } else {
        const e = raw.indexOf(">", lt + 2);
        pos = e < 0 ? n : e + 1;
      }
      continue;
    }
    const closing = c === 47; /* / */
    TAG_NAME.lastIndex = lt + (closing ? 2 : 1);
    const m = TAG_NAME.exec(raw);
    if (!m) {
      // A "<" that starts no tag is text ("a < b"); "</>" and "</ x>" are dropped.
      if (closing) {
        const e = raw.indexOf(">", lt + 2);
        pos = e < 0 ? n : e + 1;
      } else {
        addText(lt, lt + 1);
        pos = lt + 1;
      }
      continue;
    }
    const tag = m[0].toLowerCase();
    let p = TAG_NAME.lastIndex;
    const attrs: Record<string, string> = {};
    // Attributes (also read, and dropped, on end tags).
    for (;;) {
      ATTR.lastIndex = p;
      const a = ATTR.exec(raw);
      if (!a || a[0] === "") break;
      const name = a[1].toLowerCase();
      if (!(name in attrs)) attrs[name] = a[2] ?? a[3] ?? a[4] ?? "";
      p = ATTR.lastIndex;
    }
    while (p < n && raw.charCodeAt(p) !== 62 /* > */) p++;
    const selfClosing = raw.charCodeAt(p - 1) === 47;
    pos = p < n ? p + 1 : n;
    if (closing) {
      if (tag === "br") {
        top().children.push({ kind: 1, tag: "br", attrs: {}, children: [], parent: top() });
        continue;
      }
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i].tag === tag) {
          stack.length = i;
          break;
        }
        // An end tag does not close past a table cell or the body unless it names them.
        if ((tag === "p" || tag === "li") && SCOPE.has(stack[i].tag)) break;
      }
      continue;
    }
    if (CLOSES_P.has(tag)) closeOpen(["p"], []);
    const implied = IMPLIED[tag];
    if (implied) closeOpen(implied.close, implied.stop);
    const parent = top();
    const el: HElement = { kind: 1, tag, attrs, children: [], parent };
    parent.children.push(el);
    if (VOID.has(tag) || selfClosing) continue;
    if (RAW_TEXT.has(tag)) {
      const closeRe = new RegExp(`</${tag}\\s*>`, "gi");
      closeRe.lastIndex = pos;
      const e = closeRe.exec(raw);
      const end = e ? e.index : n;
      if (end > pos) el.children.push({ kind: 3, start: pos, end, parent: el });
      pos = e ? e.index + e[0].length : n;
      continue;
    }
    stack.push(el);
  }
  return { root, raw };
}

const ENTITY = /&(?:#(\d{1,7});?|#[xX]([0-9a-fA-F]{1,6});?|([A-Za-z][A-Za-z0-9]{1,31});?)/g;
/** Windows-1252 code points that browsers use for the numeric references &#128;-&#159;. */
const C1 = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function codePointText(cp: number): string {
  if (cp >= 0x80 && cp <= 0x9f) return C1[cp - 0x80];
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(cp);
}

/**
 * Decodes character references in `s`. When `map` is given, `map[i]` receives, for each character
 * of the result, the offset in `s` it came from, negated minus one for a character produced by
 * a reference (so `map[i] >= 0` means the character is the same in `s`).
 */
export function decodeEntities(s: string, map?: number[]): string {
  if (s.indexOf("&") < 0) {
    if (map) for (let i = 0; i < s.length; i++) map.push(i);
    return s;
  }
  let out = "";
  let last = 0;
  ENTITY.lastIndex = 0;
  for (let m = ENTITY.exec(s); m; m = ENTITY.exec(s)) {
    let rep: string | undefined;
    if (m[1] !== undefined) rep = codePointText(parseInt(m[1], 10));
    else if (m[2] !== undefined) rep = codePointText(parseInt(m[2], 16));
    else {
      const hasSemi = m[0].endsWith(";");
      rep = hasSemi ? namedEntity(m[3]) : undefined;
      if (rep === undefined) {
        // Without ";" (or an unknown name with it) only a legacy name as a prefix decodes ("&ampx" -> "&x").
        let k = Math.min(m[3].length, 6);
        for (; k >= 2; k--) if (LEGACY.has(m[3].slice(0, k))) break;
        if (k < 2) continue;
        rep = namedEntity(m[3].slice(0, k));
        ENTITY.lastIndex = m.index + 1 + k;
        if (rep === undefined) continue;
        if (map) for (let i = last; i < m.index; i++) map.push(i);
        out += s.slice(last, m.index) + rep;
        if (map) for (let i = 0; i < rep.length; i++) map.push(-1 - m.index);
        last = ENTITY.lastIndex;
        continue;
      }
    }
    if (map) for (let i = last; i < m.index; i++) map.push(i);
    out += s.slice(last, m.index) + rep;
    if (map) for (let i = 0; i < rep.length; i++) map.push(-1 - m.index);
    last = m.index + m[0].length;
  }
  if (map) for (let i = last; i < s.length; i++) map.push(i);
  return out + s.slice(last);
}

/** The decoded text of a text node. */
export function nodeText(doc: HDocument, t: HText): string {
  return decodeEntities(doc.raw.slice(t.start, t.end));
}

/** The text content of an element: decoded, except inside raw-text elements (`<script>` is returned as written). */
export function textContent(doc: HDocument, el: HElement): string {
  let out = "";
  const walk = (e: HElement): void => {
    for (const c of e.children) {
      if (c.kind === 3) out += RAW_TEXT.has(e.tag) && e.tag !== "title" && e.tag !== "textarea" ? doc.raw.slice(c.start, c.end) : nodeText(doc, c);
      else walk(c);
    }
  };
  walk(el);
  return out;
}

/** The attribute value with character references decoded, or null. */
export function attr(el: HElement, name: string): string | null {
  const v = el.attrs[name];
  return v === undefined ? null : decodeEntities(v);
}
