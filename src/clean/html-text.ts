/**
 * DOM to plain text: block elements become paragraphs (one a line), inline text is joined with
 * its whitespace collapsed, headings, list items, blockquotes and table rows stay as their own
 * lines; scripts, forms, navigation and figure captions are left out.
 */

/** Elements that end a paragraph. */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
  "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
]);
/** Elements whose content is never article text. */
const SKIP = new Set([
  "script", "style", "noscript", "template", "svg", "canvas", "button", "select", "option", "input", "textarea",
  "iframe", "object", "embed", "head", "title", "meta", "link",
]);
/** Cells are separated by a space within a row. */
const CELL = new Set(["td", "th"]);

/** Minimal node surface (linkedom and browsers both have it). */
export interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export interface BlockText {
  /** The paragraphs, in order, whitespace collapsed. */
  paragraphs: string[];
  /** Text of figure captions that were left out. */
  captions: string[];
}

/**
 * Collects the paragraphs under `root`.
 *
 * @example blocksToText(parseHTML("<p>A <b>b</b></p><p>C</p>").document.body).paragraphs // ["A b", "C"]
 */
export function blocksToText(root: NodeLike, opts: { skipCaptions?: boolean } = {}): BlockText {
  const paragraphs: string[] = [];
  const captions: string[] = [];
  let buf = "";
  let pre = 0;
  const flush = (): void => {
    const t = pre > 0 ? buf.replace(/^\n+|\s+$/g, "") : buf.replace(/\s+/g, " ").trim();
    if (t !== "") paragraphs.push(t);
    buf = "";
  };
  const walk = (node: NodeLike): void => {
    if (node.nodeType === TEXT_NODE) {
      buf += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toLowerCase();
    if (SKIP.has(name)) return;
    if (name === "figcaption" && opts.skipCaptions !== false) {
      const t = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      if (t) captions.push(t);
      return;
    }
    if (name === "br") {
      flush();
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    if (name === "pre") pre++;
    if (CELL.has(name)) buf += " ";
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]);
    if (CELL.has(name)) buf += " ";
    if (name === "pre") {
      flush();
      pre--;
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return { paragraphs, captions };
}
