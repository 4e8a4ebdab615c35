/**
 * Making article strings safe to print. Article text is hostile input: it may carry terminal escape
 * sequences, bidirectional-override characters (which reorder what a reader sees) or markup.
 */

/** C0/C1 control characters except tab and newline, DEL, and the ESC-introduced sequences they start. */
const ANSI_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Bidi embeddings, overrides and isolates (the "Trojan Source" characters). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
const WHITESPACE_RUN = /\s+/g;

/** Removes escape sequences and control characters and folds all whitespace (newlines too) into single spaces. */
export function sanitizeLine(s: unknown): string {
  return String(s ?? "")
    .replace(ANSI_SEQUENCE, "")
    .replace(CONTROL, " ")
    .replace(BIDI_CONTROL, "")
    .replace(WHITESPACE_RUN, " ")
    .trim();
}

/** Markdown-significant characters, escaped with a backslash (valid for any ASCII punctuation in CommonMark). */
const MARKDOWN_SPECIAL = /[\\`*[\]<>#|~]/g;
/** An underscore that could open or close emphasis (intraword "a_b" never does in CommonMark). */
const EDGE_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** An ampersand that would start an HTML entity ("&amp;", "&#60;"). */
const ENTITY_START = /&(?=#?[a-zA-Z0-9]+;)/g;

/** Sanitises one line and escapes it for Markdown so data never becomes markup, links or HTML. */
export function escapeMarkdown(s: unknown): string {
  return sanitizeLine(s).replace(MARKDOWN_SPECIAL, "\\$&").replace(EDGE_UNDERSCORE, "\\_").replace(ENTITY_START, "\\&");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and (double- or single-quoted) attribute values; drops control characters. */
export function escapeHtml(s: unknown): string {
  return String(s ?? "")
    .replace(CONTROL, " ")
    .replace(BIDI_CONTROL, "")
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Schemes an article URL may have to become a link. */
const LINK_SCHEMES = new Set(["http:", "https:"]);

/** The normalised URL if it is an absolute http(s) URL, otherwise undefined (javascript:, data:, relative, garbage). */
export function safeHttpUrl(url: unknown): string | undefined {
  if (typeof url !== "string") return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return LINK_SCHEMES.has(parsed.protocol) ? parsed.href : undefined;
}
