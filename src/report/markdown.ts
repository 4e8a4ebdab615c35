/**
 * The story report as Markdown: an analyst's briefing that reads well both rendered and as plain text
 * in a terminal. Article strings are escaped, so nothing from the data becomes markup, links or HTML.
 */
import type { Story } from "../story/types.js";
import { escapeMarkdown } from "./sanitize.js";
import { citeMarkers, renderText, type TextFlavor, type TextReportOptions } from "./text.js";

/** Options for {@link renderMarkdown}. */
export type MarkdownOptions = TextReportOptions;

/** Markdown output: ATX headings, bold, citations as literal "[1][3]" markers. */
export const MARKDOWN_FLAVOR: TextFlavor = {
  heading: (level, text) => `${"#".repeat(level)} ${text}`,
  strong: (text) => `**${text}**`,
  dim: (text) => text,
  text: escapeMarkdown,
  // Literal "[1][3]": no link reference definitions exist (data cannot add one: "[" is escaped), so it stays text.
  cites: citeMarkers,
  rule: "---",
};

/**
 * Renders one story or several as a Markdown report: headline, period and sources, the story in short,
 * timeline, what happened, who said what, how sure we are, people/organizations/places, and the numbered
 * article list that every citation marker "[n]" refers to.
 * @example renderMarkdown(story) // "# China's envoy Zhai Jun meets …\n\n2023-10-12 – 2023-10-20 · 5 articles …"
 */
export function renderMarkdown(stories: Story[] | Story, opts: MarkdownOptions = {}): string {
  return renderText(stories, MARKDOWN_FLAVOR, opts);
}
