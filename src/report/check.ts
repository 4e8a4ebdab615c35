/**
 * Checks a Story for what JSON Schema cannot express: every evidence span is a well-formed
 * half-open range whose `text` has the span's length (and, given the articles' texts, equals the
 * covered text), and every cited or related article id is in the story's article list.
 * Returns a list of problems (empty = consistent); the story builder's tests and `--check` can use it.
 */
import type { Evidence } from "../model.js";
import type { Story } from "../story/types.js";

/** The texts evidence points into, per article id. */
export interface ArticleTexts {
  id: string;
  text: string;
  title?: string;
}

/** One inconsistency, with a JSON-pointer-like path to the offending item. */
export interface StoryProblem {
  path: string;
  message: string;
}

/**
 * Lists the inconsistencies of a story (see the module doc). Pass `articles` to also compare every
 * evidence `text` with the article text (or title) it points into.
 * @example checkStory(story, articles).map((p) => `${p.path}: ${p.message}`)
 */
export function checkStory(story: Story, articles: readonly ArticleTexts[] = []): StoryProblem[] {
  const problems: StoryProblem[] = [];
  const texts = new Map(articles.map((a) => [a.id, a]));
  const ids = new Set((story.articles ?? []).map((a) => a.id));

  const checkId = (id: string, path: string): void => {
    if (!ids.has(id)) problems.push({ path, message: `article "${id}" is not in the story's article list` });
  };
  const checkEvidence = (list: readonly Evidence[] | undefined, path: string): void => {
    (list ?? []).forEach((e, i) => checkSpan(e, `${path}/${i}`));
  };
  const checkSpan = (e: Evidence, path: string): void => {
    checkId(e.articleId, `${path}/articleId`);
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end < e.start) {
      problems.push({ path, message: `bad span [${e.start}, ${e.end})` });
      return;
    }
    if (e.text.length !== e.end - e.start) {
      problems.push({ path, message: `text has ${e.text.length} UTF-16 units but the span [${e.start}, ${e.end}) has ${e.end - e.start}` });
    }
    const a = texts.get(e.articleId);
    if (!a) return;
    const hay = e.field === "title" ? a.title : a.text;
    if (hay === undefined) {
      problems.push({ path, message: `article "${e.articleId}" has no ${e.field ?? "text"}` });
    } else if (e.end > hay.length) {
      problems.push({ path, message: `span [${e.start}, ${e.end}) runs past the end of the ${e.field ?? "text"} (${hay.length})` });
    } else if (hay.slice(e.start, e.end) !== e.text) {
      problems.push({ path, message: `text differs from the article's ${e.field ?? "text"} at [${e.start}, ${e.end})` });
    }
  };

  checkEvidence(story.headline?.evidence, "/headline/evidence");
  (story.articles ?? []).forEach((a, i) => {
    a.rewriteOf?.forEach((id, j) => checkId(id, `/articles/${i}/rewriteOf/${j}`));
    a.duplicateOf?.forEach((id, j) => checkId(id, `/articles/${i}/duplicateOf/${j}`));
  });
  (story.relations ?? []).forEach((r, i) => {
    checkId(r.from, `/relations/${i}/from`);
    checkId(r.to, `/relations/${i}/to`);
    r.alignments?.forEach((al, j) => {
      checkSpan(al.from, `/relations/${i}/alignments/${j}/from`);
      checkSpan(al.to, `/relations/${i}/alignments/${j}/to`);
    });
    checkEvidence(r.additions, `/relations/${i}/additions`);
  });
  (story.entities ?? []).forEach((e, i) => {
    checkEvidence(e.evidence, `/entities/${i}/evidence`);
    e.roles?.forEach((r, j) => checkEvidence(r.evidence, `/entities/${i}/roles/${j}/evidence`));
  });
  const cited: [string, { articleIds?: string[]; cites?: string[]; evidence?: Evidence[] }[]][] = [
    ["events", story.events ?? []],
    ["quotes", story.quotes ?? []],
    ["facts", story.facts ?? []],
    ["summary", story.summary ?? []],
    ["timeline", story.timeline ?? []],
  ];
  for (const [name, items] of cited) {
    items.forEach((item, i) => {
      (item.articleIds ?? item.cites ?? []).forEach((id, j) => checkId(id, `/${name}/${i}/${item.articleIds ? "articleIds" : "cites"}/${j}`));
      checkEvidence(item.evidence, `/${name}/${i}/evidence`);
    });
  }
  (story.facts ?? []).forEach((f, i) => f.conflicts?.forEach((c, j) => checkEvidence(c.evidence, `/facts/${i}/conflicts/${j}/evidence`)));
  return problems;
}
