/**
 * The story report in every output format, behind one call for the CLI and the server:
 * `renderReport(stories, "markdown" | "terminal" | "html" | "json", opts)`.
 */
import { ParallaxError } from "../errors.js";
import type { Story } from "../story/types.js";
import { renderHtml, type HtmlOptions } from "./html.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderTerminal, type TerminalOptions } from "./terminal.js";

export { renderHtml, CONTENT_SECURITY_POLICY, type HtmlOptions } from "./html.js";
export { renderJson, toStoryDocument, STORY_FORMAT_VERSION, type StoryDocument } from "./json.js";
export { renderMarkdown, type MarkdownOptions } from "./markdown.js";
export { renderTerminal, type TerminalOptions } from "./terminal.js";
export { checkStory, type ArticleTexts, type StoryProblem } from "./check.js";

/** The output formats of the story report. */
export const REPORT_FORMATS = ["markdown", "terminal", "html", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Options of all renderers; each uses the ones it knows. */
export type ReportOptions = TerminalOptions & HtmlOptions;

/**
 * Renders stories in the named format. Throws a ParallaxError (E_REPORT_FORMAT) for an unknown format.
 * @example renderReport(stories, "terminal", { color: process.stdout.isTTY })
 */
export function renderReport(stories: Story[] | Story, format: string, opts: ReportOptions = {}): string {
  switch (format as ReportFormat) {
    case "markdown":
      return renderMarkdown(stories, opts);
    case "terminal":
      return renderTerminal(stories, opts);
    case "html":
      return renderHtml(stories, opts);
    case "json":
      return renderJson(stories);
    default:
      throw new ParallaxError(
        "E_REPORT_FORMAT",
        `Unknown report format "${format}".`,
        `Use one of: ${REPORT_FORMATS.join(", ")}.`,
      );
  }
}
