/**
 * Cleaning scraped plain text: a cascade of small rules (one per file under `rules/`) removes
 * debris (header lines, breadcrumbs, the title line, captions, trailing comment/share blocks),
 * records metadata it finds (published date, title, dateline), and keeps every character of the
 * body as it was, with a map back to the raw input and one diagnostic per removal.
 */
import type { Diagnostic } from "../model.js";
import { joinLines, splitLines } from "./lines.js";
import { applyHints, outletFromDateline } from "./meta.js";
import { breadcrumbRule } from "./rules/breadcrumb.js";
import { captionRule } from "./rules/caption.js";
import { DATELINE_SCAN_LINES, matchDateline } from "./rules/dateline.js";
import { headerLineRule } from "./rules/header-line.js";
import { headingRule } from "./rules/heading.js";
import { menuRule } from "./rules/menu.js";
import { titleRule } from "./rules/title.js";
import { trailingDebrisRule } from "./rules/trailing-debris.js";
import type { CleanHints, CleanResult, CleanState } from "./types.js";

/** The rules, in the order they run. */
export type CleanRule = "header-line" | "menu" | "breadcrumb" | "caption" | "title" | "trailing-debris" | "dateline" | "heading";

export interface CleanOptions {
  /** Switch rules off (all are on by default). HTML extraction switches off the ones that only fit plain text. */
  rules?: Partial<Record<CleanRule, boolean>>;
}

const LINE_RULES: [CleanRule, (s: CleanState) => void][] = [
  ["header-line", headerLineRule],
  ["menu", menuRule],
  ["breadcrumb", breadcrumbRule],
  ["caption", captionRule],
  ["title", titleRule],
  ["trailing-debris", trailingDebrisRule],
  ["heading", headingRule],
];

/**
 * Cleans scraped plain text. Hints (metadata given with the input) win over guessed metadata.
 *
 * @example cleanPlainText("Headline here\n\nBEIJING (Reuters) - Body.").meta.dateline?.agency === "Reuters"
 */
export function cleanPlainText(raw: string, hints?: CleanHints, opts: CleanOptions = {}): CleanResult {
  const on = (r: CleanRule): boolean => opts.rules?.[r] !== false;
  const state: CleanState = { raw, lines: splitLines(raw), meta: {}, diagnostics: [], hintTitle: hints?.title?.trim() || undefined };
  applyHints(state.meta, hints);
  for (const [name, rule] of LINE_RULES) if (on(name)) rule(state);

  const { text, offsets, lineStarts } = joinLines(raw, state.lines);
  // Removals in raw order (rules run in their own order, some from the end).
  const diagnostics: Diagnostic[] = [...state.diagnostics].sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  const meta = state.meta;

  if (on("dateline")) {
    const n = Math.min(DATELINE_SCAN_LINES, state.lines.length);
    for (let i = 0; i < n; i++) {
      const m = matchDateline(state.lines[i].text);
      if (!m) continue;
      const start = lineStarts[i];
      const end = start + m.length;
      meta.dateline = { start, end, place: m.place, ...(m.agency ? { agency: m.agency } : {}) };
      break;
    }
    outletFromDateline(meta);
  }
  state.lines.forEach((l, i) => {
    if (!l.heading) return;
    const start = lineStarts[i];
    diagnostics.push({
      code: "clean/heading", severity: "info", stage: "clean", on: "text",
      span: { start, end: start + l.text.length }, text: l.text,
      message: "Short title-case line between paragraphs: kept as a section heading.",
    });
  });
  return { text, meta, offsets, diagnostics };
}
