/**
 * A relation's evidence as spans only. Alignment evidence quotes whole sentences of both articles
 * (a syndicated copy's alignment is both texts again), so relations are held in memory during a
 * link run, and stored, as spans; their text is read back from the two articles when needed.
 * While held, the spans are one JSON string (the form they are stored in): a 100k-article run
 * holds over a hundred thousand relations of ~20 aligned pairs each, and as small arrays they
 * cost the heap ~10 times as much.
 */
import type { ArticleRelation, Evidence } from "../model.js";

/** Evidence spans of a relation within the text of its own two articles. */
export interface RelationSpans {
  /** Aligned sentence pairs: [fromStart, fromEnd, toStart, toEnd, similarity]. */
  a: [number, number, number, number, number][];
  /** The `from` article's additions: [start, end]. */
  d: [number, number][];
}

/** A relation whose evidence lies in the text of its own two articles, as spans. */
export interface SpanRelation {
  kind: ArticleRelation["kind"];
  from: string;
  to: string;
  score: number;
  reason: string;
  /** Its {@link RelationSpans} as JSON. */
  spans: string;
}

/** A relation as held: spans where its evidence allows, else as given. */
export type HeldRelation = SpanRelation | ArticleRelation;

export function isSpanRelation(r: HeldRelation): r is SpanRelation {
  return "spans" in r;
}

/** The span form of a relation, or the relation itself when some evidence points elsewhere (another article, a title). */
export function toSpans(r: ArticleRelation): HeldRelation {
  const inText = (e: Evidence, id: string) => e.articleId === id && (e.field ?? "text") === "text";
  const alignments = r.alignments ?? [];
  const additions = r.additions ?? [];
  if (!alignments.every((x) => inText(x.from, r.from) && inText(x.to, r.to)) || !additions.every((x) => inText(x, r.from))) return r;
  const spans: RelationSpans = {
    a: alignments.map((x) => [x.from.start, x.from.end, x.to.start, x.to.end, x.similarity]),
    d: additions.map((x) => [x.start, x.end]),
  };
  return { ...head(r), spans: JSON.stringify(spans) };
}

/** The full relation, evidence text read from the articles' texts (`textOf` gives an article's cleaned text). */
export function withText(r: HeldRelation, textOf: (id: string) => string): ArticleRelation {
  if (!isSpanRelation(r)) return r;
  const { a, d } = JSON.parse(r.spans) as RelationSpans;
  const ev = (articleId: string, start: number, end: number): Evidence => ({ articleId, start, end, text: textOf(articleId).slice(start, end) });
  return {
    ...head(r),
    alignments: a.map(([fs, fe, ts, te, similarity]) => ({ from: ev(r.from, fs, fe), to: ev(r.to, ts, te), similarity })),
    additions: d.map(([s, e]) => ev(r.from, s, e)),
  };
}

/** What both forms share: kind, ends, score and reason. */
function head(r: HeldRelation): Pick<ArticleRelation, "kind" | "from" | "to" | "score" | "reason"> {
  return { kind: r.kind, from: r.from, to: r.to, score: r.score, reason: r.reason };
}
