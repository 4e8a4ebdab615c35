/**
 * The story's headline is chosen, never written: the title (or, lacking titles, the lead
 * sentence) that best covers what the story's articles share, preferring originals over rewrites.
 */
import type { Story } from "./types.js";
import type { SourceGroups } from "./sources.js";
import type { StoryInput } from "./input.js";
import { contentTerms, sentenceTerms } from "./terms.js";

/** A title shorter than this many content terms says too little to head a story. */
const MIN_TITLE_TERMS = 3;

export function chooseHeadline(items: StoryInput[], groups: SourceGroups): Story["headline"] {
  // How many articles use each term: a title made of widely shared terms covers the story.
  const df = new Map<string, number>();
  for (const { article, ann } of items) {
    const terms = new Set(article.meta.title ? contentTerms(article.meta.title) : []);
    for (const s of sentenceTerms(article.text, ann)) for (const t of s) terms.add(t);
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const score = (text: string) => {
    const terms = [...new Set(contentTerms(text))];
    if (terms.length < MIN_TITLE_TERMS) return -1;
    return terms.reduce((s, t) => s + (df.get(t) ?? 0), 0) / Math.sqrt(terms.length);
  };
  const candidates = items
    .filter((it) => it.article.meta.title)
    .map((it) => ({ it, s: score(it.article.meta.title!) + (groups.groupOf.get(it.article.id) === it.article.id ? 0.5 : 0) }))
    .filter((c) => c.s >= 0)
    .sort((a, b) => b.s - a.s || a.it.article.id.localeCompare(b.it.article.id));
  if (candidates.length) {
    const a = candidates[0].it.article;
    const title = a.meta.title!;
    return { text: title, articleId: a.id, field: "title", evidence: [{ articleId: a.id, field: "title", start: 0, end: title.length, text: title }] };
  }
  const leads = items
    .map(({ article, ann }) => ({ article, s: ann.sentences[0] }))
    .filter((x) => x.s)
    .map((x) => ({ ...x, score: score(x.article.text.slice(x.s.start, x.s.end)) }))
    .sort((a, b) => b.score - a.score);
  const best = leads[0];
  if (!best) {
    const a = items[0].article;
    return { text: a.id, articleId: a.id, field: "text", evidence: [] };
  }
  const text = best.article.text.slice(best.s.start, best.s.end);
  return { text, articleId: best.article.id, field: "text", evidence: [{ articleId: best.article.id, start: best.s.start, end: best.s.end, text }] };
}
