import type { Annotations, Article, Entity, Evidence, Span } from "../model.js";

/** One article with its annotations: what the story builder works on. */
export interface StoryInput {
  article: Article;
  ann: Annotations;
}

/** Evidence for a span of an article's cleaned text. */
export function evidenceOf(article: Article, span: Span): Evidence {
  return { articleId: article.id, start: span.start, end: span.end, text: article.text.slice(span.start, span.end) };
}

/** Follows `refersTo` links to the mention that names the entity (at most a few hops; cycles are cut). */
export function rootMention(byId: Map<string, Entity>, e: Entity): Entity {
  let cur = e;
  for (let hops = 0; hops < 8 && cur.refersTo; hops++) {
    const next = byId.get(cur.refersTo);
    if (!next || next === cur) break;
    cur = next;
  }
  return cur;
}

/** The sentence span that holds `offset`, or undefined. */
export function sentenceAt(ann: Annotations, offset: number): Span | undefined {
  let lo = 0;
  let hi = ann.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ann.sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Spans of the cleaned text that cleaning flagged as headings (short title lines inside the body). */
export function headingSpans(article: Article): Span[] {
  return article.diagnostics.filter((d) => d.code === "clean/heading" && d.on === "text" && d.span).map((d) => d.span!);
}
