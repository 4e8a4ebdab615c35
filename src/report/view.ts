/**
 * The format-independent part of the report: numbers the story's articles, turns article ids into
 * citation numbers (with the evidence each citation rests on), groups entities and facts, and
 * describes article relations. The Markdown, terminal and HTML renderers only lay this out.
 */
import type { ArticleRelation, Evidence, EntityType } from "../model.js";
import type { Story, StoryArticle, StoryEntity, StoryFact } from "../story/types.js";

/** One citation: the article's number in the story's article list (null if the id is not in the list) and its evidence. */
export interface Cite {
  n: number | null;
  articleId: string;
  evidence: Evidence[];
}

/** A relation as seen from one article: "rewrite of [4]" or "rewritten by [3]". */
export interface RelationView {
  kind: "rewrite" | "duplicate";
  /** "of": this article copies `other`; "by": `other` copies this article. */
  direction: "of" | "by";
  other: Cite;
  /** Share of sentences aligned (rewrites) or similarity (duplicates), in [0, 1], where a relation record exists. */
  share?: number;
  reason?: string;
  /** What the copying article adds (only for direction "of"). */
  additions: Evidence[];
}

export interface ArticleView {
  n: number;
  article: StoryArticle;
  relations: RelationView[];
  /** Diagnostics per severity, e.g. { warning: 1, info: 2 }. */
  diagnosticCounts: Record<string, number>;
}

export interface EntityGroup {
  type: EntityType;
  heading: string;
  entities: StoryEntity[];
}

export interface StoryView {
  story: Story;
  articles: ArticleView[];
  corroborated: StoryFact[];
  singleSource: StoryFact[];
  contradicted: StoryFact[];
  entityGroups: EntityGroup[];
  /** Citation numbers for a set of article ids and evidence spans (their union), sorted by number. */
  cite(articleIds: readonly string[] | undefined, evidence?: readonly Evidence[]): Cite[];
}

/** Section headings for each entity type, in display order. */
const ENTITY_HEADINGS: [EntityType, string][] = [
  ["PERSON", "People"],
  ["ORG", "Organizations"],
  ["LOC", "Places"],
  ["MISC", "Other names"],
];

/** An event or fact reported by at most this many independent sources is flagged "single source". */
export const SINGLE_SOURCE_MAX = 1;

/** Builds the view of one story. Tolerates missing lists (treated as empty) and dangling article ids (cited as "?"). */
export function buildStoryView(story: Story): StoryView {
  const articles = story.articles ?? [];
  const numberOf = new Map<string, number>();
  articles.forEach((a, i) => {
    if (!numberOf.has(a.id)) numberOf.set(a.id, i + 1);
  });

  const cite = (articleIds: readonly string[] | undefined, evidence: readonly Evidence[] = []): Cite[] => {
    const byId = new Map<string, Cite>();
    const add = (id: string): Cite => {
      let c = byId.get(id);
      if (!c) {
        c = { n: numberOf.get(id) ?? null, articleId: id, evidence: [] };
        byId.set(id, c);
      }
      return c;
    };
    for (const id of articleIds ?? []) add(id);
    for (const e of evidence) add(e.articleId).evidence.push(e);
    return [...byId.values()].sort((x, y) => (x.n ?? Infinity) - (y.n ?? Infinity) || cmp(x.articleId, y.articleId));
  };

  const relations = story.relations ?? [];
  const articleViews: ArticleView[] = articles.map((a, i) => ({
    n: i + 1,
    article: a,
    relations: relationsOf(a, relations, cite),
    diagnosticCounts: countBy((a.diagnostics ?? []).map((d) => d.severity)),
  }));

  const facts = story.facts ?? [];
  const entities = [...(story.entities ?? [])].sort(
    (x, y) => (y.articleCount ?? 0) - (x.articleCount ?? 0) || (y.mentions ?? 0) - (x.mentions ?? 0),
  );
  return {
    story,
    articles: articleViews,
    corroborated: facts.filter((f) => f.status === "corroborated"),
    singleSource: facts.filter((f) => f.status === "single-source"),
    contradicted: facts.filter((f) => f.status === "contradicted"),
    entityGroups: ENTITY_HEADINGS.map(([type, heading]) => ({ type, heading, entities: entities.filter((e) => e.type === type) })).filter(
      (g) => g.entities.length > 0,
    ),
    cite,
  };
}

function relationsOf(
  a: StoryArticle,
  relations: readonly ArticleRelation[],
  cite: StoryView["cite"],
): RelationView[] {
  const out: RelationView[] = [];
  const seen = new Set<string>();
  for (const r of relations) {
    if (r.from === a.id) {
      out.push({ kind: r.kind, direction: "of", other: cite([r.to])[0], share: r.score, reason: r.reason, additions: r.additions ?? [] });
      seen.add(`${r.kind}:${r.to}`);
    } else if (r.to === a.id) {
      out.push({ kind: r.kind, direction: "by", other: cite([r.from])[0], share: r.score, additions: [] });
    }
  }
  // Relations named on the article but without a relation record still get shown.
  const listed: [RelationView["kind"], string[]][] = [
    ["rewrite", a.rewriteOf ?? []],
    ["duplicate", a.duplicateOf ?? []],
  ];
  for (const [kind, ids] of listed) {
    for (const id of ids) {
      if (!seen.has(`${kind}:${id}`)) out.push({ kind, direction: "of", other: cite([id])[0], additions: [] });
    }
  }
  return out;
}

function countBy(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "2023-10-12 – 2023-10-20", one date when both ends agree, or undefined when the story has no dates. */
export function formatPeriod(period: Story["period"] | undefined): string | undefined {
  const from = period?.from;
  const to = period?.to;
  if (from && to) return from === to ? from : `${from} – ${to}`;
  return from ?? to;
}

/** "1 article" / "3 articles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Percent with no decimals, e.g. 0.769 -> "77%". */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Cuts text to at most `max` characters at a word boundary, adding an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Quote text for a ledger: without the surrounding quotation marks and the dangling comma that
 * introduces the attribution ("… guaranteed," Zhai said).
 */
export function quoteBody(text: string): string {
  return text
    .trim()
    .replace(/^["“”‘’']+|["“”‘’']+$/g, "")
    .replace(/[,;:]$/, "")
    .trim();
}

/** One-line description of a diagnostic count, e.g. "3 (1 warning, 2 info)", or "none". */
export function describeDiagnostics(counts: Record<string, number>): string {
  const order = ["error", "warning", "info"];
  const keys = Object.keys(counts).sort((a, b) => rankOf(order, a) - rankOf(order, b) || cmp(a, b));
  const total = keys.reduce((s, k) => s + counts[k], 0);
  if (total === 0) return "none";
  return `${total} (${keys.map((k) => (k === "info" ? `${counts[k]} info` : plural(counts[k], k))).join(", ")})`;
}

function rankOf(order: string[], k: string): number {
  const i = order.indexOf(k);
  return i < 0 ? order.length : i;
}
