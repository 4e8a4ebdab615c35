/**
 * A minimal `querySelector` over the parsed page, enough for metadata: `tag`, `tag[attr]`,
 * `tag[attr="value"]` (value compared case-insensitively) and a descendant chain of those
 * (`article time[datetime]`). Implements html-meta.ts's DocLike.
 */
import type { DocLike, ElementLike } from "../html-meta.js";
import type { HDocument, HElement } from "./parse.js";
import { attr, textContent } from "./parse.js";

interface Simple {
  tag: string;
  attr?: string;
  value?: string;
}

const SIMPLE = /^([a-z][a-z0-9-]*|\*)?(?:\[([a-z:_-]+)(?:="([^"]*)")?\])?$/i;

function parseSelector(sel: string): Simple[] | undefined {
  const parts: Simple[] = [];
  for (const p of sel.trim().split(/\s+/)) {
    const m = SIMPLE.exec(p);
    if (!m) return undefined;
    parts.push({ tag: (m[1] ?? "*").toLowerCase(), ...(m[2] ? { attr: m[2].toLowerCase() } : {}), ...(m[3] !== undefined ? { value: m[3].toLowerCase() } : {}) });
  }
  return parts;
}

function matches(el: HElement, s: Simple): boolean {
  if (s.tag !== "*" && el.tag !== s.tag) return false;
  if (!s.attr) return true;
  const v = el.attrs[s.attr];
  if (v === undefined) return false;
  return s.value === undefined || v.trim().toLowerCase() === s.value;
}

function wrap(doc: HDocument, el: HElement): ElementLike {
  return {
    getAttribute: (name: string) => attr(el, name.toLowerCase()),
    get textContent() {
      return textContent(doc, el);
    },
  };
}

/**
 * Wraps a parsed page as a DocLike for metadata extraction.
 *
 * @example queryDoc(parseDocument(html)).querySelector('meta[property="og:title"]')?.getAttribute("content")
 */
export function queryDoc(doc: HDocument): DocLike {
  const all: HElement[] = [];
  const collect = (el: HElement): void => {
    for (const c of el.children) {
      if (c.kind !== 1) continue;
      all.push(c);
      collect(c);
    }
  };
  collect(doc.root);
  const byTag = new Map<string, HElement[]>();
  for (const el of all) {
    const list = byTag.get(el.tag);
    if (list) list.push(el);
    else byTag.set(el.tag, [el]);
  }
  const select = (sel: string, first: boolean): HElement[] => {
    const parts = parseSelector(sel);
    if (!parts) return [];
    const last = parts[parts.length - 1];
    const pool = last.tag === "*" ? all : byTag.get(last.tag) ?? [];
    const out: HElement[] = [];
    for (const el of pool) {
      if (!matches(el, last)) continue;
      let ok = true;
      let a = el.parent;
      for (let i = parts.length - 2; i >= 0 && ok; i--) {
        while (a && !matches(a, parts[i])) a = a.parent;
        if (!a) ok = false;
        else a = a.parent;
      }
      if (!ok) continue;
      out.push(el);
      if (first) break;
    }
    return out;
  };
  const html = byTag.get("html")?.[0];
  return {
    querySelector: (sel: string) => {
      const el = select(sel, true)[0];
      return el ? wrap(doc, el) : null;
    },
    querySelectorAll: (sel: string) => select(sel, false).map((el) => wrap(doc, el)),
    documentElement: html ? wrap(doc, html) : null,
  };
}
