/**
 * `parallax digest [FILE]`: JSON Lines `{id, articles: [{id, title?, text, date?|published?}], length?}` in;
 * per line the story built from those articles: `{id, summary, timeline: [{date, summary}]}`.
 * The summary is the story's cited summary (citation markers [a0] kept); the timeline has
 * `length` days (default: the story's own timeline length), ranked by how many articles refer to them.
 */
import type { Article } from "../model.js";
import { toArticle } from "../ingest/article.js";
import { annotate } from "../nlp/annotate.js";
import { buildStory } from "../story/build.js";
import { rankDays } from "../story/dates.js";
import type { StoryInput } from "../story/input.js";
import { readJsonLines, str, writeLine } from "./jsonl.js";
import { progress, type Verbosity } from "./progress.js";

/** Timeline length when the input does not ask for one. */
const DEFAULT_TIMELINE_DAYS = 10;

export async function digestCommand(file: string | undefined, verbosity: Verbosity): Promise<number> {
  const p = progress("digest", verbosity);
  let bad = 0;
  for await (const item of readJsonLines(file)) {
    if ("error" in item) {
      bad++;
      await writeLine({ id: null, line: item.line, error: item.error });
      continue;
    }
    const v = item.value;
    const id = str(v.id) ?? `line-${item.line}`;
    const list = Array.isArray(v.articles) ? (v.articles as Record<string, unknown>[]) : [];
    const items: StoryInput[] = [];
    list.forEach((a, i) => {
      const text = str(a?.text);
      if (!text) return;
      const article: Article = toArticle({
        path: `${id}#${str(a.id) ?? i}`,
        format: "jsonl",
        index: i,
        externalId: str(a.id),
        raw: text,
        hints: { title: str(a.title), published: str(a.published) ?? str(a.date) },
      });
      article.id = str(a.id) ?? article.id;
      const ann = annotate({ id: article.id, text: article.text, published: article.meta.published?.slice(0, 10), title: article.meta.title, diagnostics: [] });
      items.push({ article, ann });
    });
    if (!items.length) {
      bad++;
      await writeLine({ id, line: item.line, error: `line ${item.line} has no articles with text` });
      continue;
    }
    const story = buildStory(id, items, [], { generatedAt: "" });
    const length = typeof v.length === "number" ? v.length : DEFAULT_TIMELINE_DAYS;
    const days = rankDays(items).slice(0, length).sort((a, b) => a.date.localeCompare(b.date));
    await writeLine({
      id,
      summary: story.summary.map((s) => `${s.text} ${s.cites.map((c) => `[${c}]`).join("")}`).join(" "),
      timeline: days.map((d) => ({ date: d.date, summary: d.evidence[0]?.text ?? "" })),
    });
    p.tick();
  }
  p.done();
  return bad > 0 ? 1 : 0;
}
