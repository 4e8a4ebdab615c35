/**
 * The story report: what several articles say about one story, each item with evidence.
 * This is the JSON shape `parallax story ID --format json` prints (documented in
 * docs/story-format.md, validated against docs/story.schema.json).
 */
import type { ArticleRelation, Evidence, EntityType, EventType } from "../model.js";

export interface StoryArticle {
  id: string;
  title?: string;
  outlet?: string;
  published?: string;
  /** For an undated article: the date its relative expressions were resolved against, and why. */
  impliedDate?: { date: string; basis: string; fromArticle?: string };
  url?: string;
  path?: string;
  /** Article ids this one is a duplicate or rewrite of (its sources). */
  rewriteOf: string[];
  duplicateOf: string[];
  /** Id of the independent-source group the article counts in (a wire story and its rewrites share one). */
  sourceGroup: string;
  diagnostics: { code: string; severity: string; message: string }[];
}

export interface StoryEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** Roles the articles give this entity, each with evidence. */
  roles: { text: string; evidence: Evidence[] }[];
  /** Number of mentions across the story's articles. */
  mentions: number;
  /** Number of articles that mention it. */
  articleCount: number;
  evidence: Evidence[];
}

export interface StoryParticipant {
  entityId?: string;
  name: string;
  role?: string;
}

export interface StoryEvent {
  id: string;
  type: EventType;
  cameo: string;
  /** A one-line description built from the parts below, e.g. "Zhai Jun met Mikhail Bogdanov in Doha on 2023-10-19". */
  label: string;
  actors: StoryParticipant[];
  targets: StoryParticipant[];
  place?: string;
  /** Resolved date YYYY-MM-DD (or coarser, e.g. 2023-10), where the articles give one. */
  date?: string;
  /** How the date was found: "explicit", "relative to publication date", "relative to inferred date", "publication date". */
  dateBasis?: string;
  negated: boolean;
  modality: string;
  /** Independent sources (source groups) that report it. */
  independentSources: number;
  articleIds: string[];
  evidence: Evidence[];
}

export interface StoryQuote {
  id: string;
  speaker: StoryParticipant;
  kind: "direct" | "reported" | "mixed" | "according-to";
  /** The quoted or reported content as one article gives it. */
  text: string;
  articleIds: string[];
  independentSources: number;
  evidence: Evidence[];
}

export interface StoryFact {
  id: string;
  /** The fact as a sentence from one of the articles (never invented). */
  text: string;
  /** "corroborated" (2+ independent sources), "single-source", or "contradicted". */
  status: "corroborated" | "single-source" | "contradicted";
  independentSources: number;
  articleIds: string[];
  evidence: Evidence[];
  /** For contradictions: what disagrees, with its evidence. */
  conflicts?: { text: string; evidence: Evidence[] }[];
}

export interface CitedSentence {
  text: string;
  /** Ids of the articles the sentence rests on. */
  cites: string[];
  evidence: Evidence[];
}

export interface TimelineEntry {
  date: string;
  text: string;
  cites: string[];
  evidence: Evidence[];
}

export interface StoryCoverage {
  /** Articles in the story. */
  articles: number;
  /** Articles this report was built from. */
  read: number;
  /** Timeline entries carried unchanged from earlier reports (they rest on articles not read now). */
  carriedTimeline: number;
  /** One line for readers. */
  note: string;
}

export interface Story {
  id: string;
  headline: { text: string; articleId: string; field: "title" | "text"; evidence: Evidence[] };
  /** Earliest and latest publication dates of its articles. */
  period: { from?: string; to?: string };
  articles: StoryArticle[];
  relations: ArticleRelation[];
  entities: StoryEntity[];
  events: StoryEvent[];
  quotes: StoryQuote[];
  facts: StoryFact[];
  summary: CitedSentence[];
  timeline: TimelineEntry[];
  /** Number of independent source groups among the articles. */
  independentSources: number;
  /**
   * Present when the story has more articles than a report reads (see src/story/window.ts): how
   * many it has, how many this report was built from, and how many timeline entries were carried
   * from earlier reports. Counts (sources, mentions) then cover the articles read.
   */
  coverage?: StoryCoverage;
  generatedAt: string;
  /** Parallax version that built it. */
  version: string;
}
