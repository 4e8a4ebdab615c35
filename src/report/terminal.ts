/**
 * The story report for a terminal: the same sections as the Markdown report without Markdown escapes,
 * with ANSI bold/dim only when `color` is on. Article strings are stripped of escape sequences and
 * control characters, so article text can never drive the terminal.
 */
import type { Story } from "../story/types.js";
import { sanitizeLine } from "./sanitize.js";
import { citeMarkers, renderText, type TextFlavor, type TextReportOptions } from "./text.js";

/** Options for {@link renderTerminal}. */
export interface TerminalOptions extends TextReportOptions {
  /** Use ANSI bold/dim/underline. Default false (callers pass `process.stdout.isTTY && !process.env.NO_COLOR`). */
  color?: boolean;
}

const ANSI = { bold: "\u001b[1m", dim: "\u001b[2m", underline: "\u001b[4m", reset: "\u001b[0m" };

/** Builds the terminal flavor, with or without ANSI styling. */
export function terminalFlavor(color: boolean): TextFlavor {
  const wrap = (code: string, s: string): string => (color && s ? `${code}${s}${ANSI.reset}` : s);
  return {
    heading: (level, text) =>
      level === 1 ? wrap(ANSI.bold + ANSI.underline, text) : level === 2 ? wrap(ANSI.bold, text.toUpperCase()) : wrap(ANSI.bold, text),
    strong: (text) => wrap(ANSI.bold, text),
    dim: (text) => wrap(ANSI.dim, text),
    text: sanitizeLine,
    cites: (cites) => wrap(ANSI.dim, citeMarkers(cites)),
    rule: "─".repeat(40),
  };
}

/**
 * Renders one story or several for a terminal (plain text unless `color: true`).
 * @example process.stdout.write(renderTerminal(stories, { color: process.stdout.isTTY }))
 */
export function renderTerminal(stories: Story[] | Story, opts: TerminalOptions = {}): string {
  return renderText(stories, terminalFlavor(opts.color ?? false), opts);
}
