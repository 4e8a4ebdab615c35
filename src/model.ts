/**
 * Parallax's one data model.
 *
 * - An {@link Article} keeps its raw input, its cleaned text and its metadata.
 * - Every annotation is a half-open `[start, end)` span of UTF-16 offsets into the
 *   article's cleaned `text` (JavaScript string indices), and keeps the text it covers.
 * - Every cross-article fact carries `evidence`: a list of {@link Evidence} spans.
 * - Diagnostics (warnings, discards, removed debris) are data stored with the article.
 */

/** A half-open [start, end) range of UTF-16 offsets into an article's cleaned text. */
export interface Span {
  start: number;
  end: number;
}

/** A span that also carries the text it covers (always `text.slice(start, end)`). */
export interface TextSpan extends Span {
  text: string;
}

/** A pointer into one article: the unit of evidence for every cross-article fact. */
export interface Evidence extends Span {
  articleId: string;
  /** What the span points into: the cleaned text (default) or the article's title. */
  field?: "text" | "title";
  /** The covered text, copied for display; always equal to the article text at [start, end). */
  text: string;
}

export type Severity = "error" | "warning" | "info";

/** A message about an article or an input file: why something was dropped, changed or doubted. */
export interface Diagnostic {
  /** Stable code, e.g. `clean/breadcrumb`, `ingest/binary`. */
  code: string;
  severity: Severity;
  message: string;
  /** The stage that raised it. */
  stage?: string;
  /** Span into the RAW input (for removed debris) or into cleaned text (see `on`). */
  span?: Span;
  /** Which text `span` points into. Default "raw" for clean-stage removals, "text" otherwise. */
  on?: "raw" | "text";
  /** The text concerned (e.g. the line that was removed). */
  text?: string;
}

export type InputFormat = "txt" | "html" | "jsonl" | "rss" | "atom" | "json";

/** Where a metadata value came from, e.g. `header-line`, `json-ld`, `og:title`, `dateline`, `first-line`. */
export type MetaSource = string;

export interface Dateline extends Span {
  /** Place named by the dateline, e.g. "BEIJING" -> "Beijing". */
  place?: string;
  /** News agency named by the dateline, e.g. "Reuters". */
  agency?: string;
}

export interface ArticleMeta {
  title?: string;
  /** ISO 8601 date (YYYY-MM-DD) or date-time with offset. */
  published?: string;
  modified?: string;
  author?: string;
  /** Publishing outlet or agency (from the input, the dateline or the site). */
  outlet?: string;
  url?: string;
  language?: string;
  section?: string;
  /**
   * For an article that states no publication date and no full date of its own: the date its
   * relative expressions were resolved against, and where that date came from.
   */
  impliedDate?: { date: string; basis: string; fromArticle?: string };
  /** Dateline, with its span into the cleaned text (the dateline is kept in text). */
  dateline?: Dateline;
  /** For each field above, where its value came from. */
  sources?: Partial<Record<"title" | "published" | "modified" | "author" | "outlet" | "url" | "language" | "section", MetaSource>>;
}

/**
 * A piece of the cleaned text and where it came from in the raw input:
 * cleaned [cleanStart, cleanStart+length) == raw [rawStart, rawStart+length) (same characters).
 * Used to show evidence in the original input.
 */
export interface OffsetSegment {
  cleanStart: number;
  rawStart: number;
  length: number;
}

/** One input document after reading and cleaning. */
export interface Article {
  /** Stable id: a content hash of the cleaned text + title (so re-ingesting is idempotent). */
  id: string;
  /** Where it came from. */
  source: {
    path?: string;
    format: InputFormat;
    /** Line number (JSON Lines) or item index (feeds), 0-based. */
    index?: number;
    /** An id given by the input (JSON Lines `id`, feed `guid`). */
    externalId?: string;
  };
  /** The raw input as decoded text (for HTML: the HTML). */
  raw: string;
  /** The cleaned article text. Never changes after cleaning. */
  text: string;
  meta: ArticleMeta;
  /** Map from cleaned-text offsets back to raw offsets (may be absent for generated text). */
  offsets?: OffsetSegment[];
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------
// Annotations (per article; all spans into Article.text)
// ---------------------------------------------------------------------------

export interface Token extends Span {
  text: string;
  /** Universal POS tag (wink-nlp), e.g. NOUN, PROPN, VERB. */
  pos: string;
  /** Lower-cased normal form. */
  norm: string;
  /** Index of the sentence that holds the token. */
  sentence: number;
}

export interface Sentence extends Span {
  /** Index of the first token and one past the last. */
  tokenStart: number;
  tokenEnd: number;
}

export type EntityType = "PERSON" | "ORG" | "LOC" | "MISC";

export interface Entity extends TextSpan {
  /** Unique within the article, e.g. "e3". */
  id: string;
  type: EntityType;
  /** Canonical name within the article: the longest full form this mention refers to ("Zhai Jun"). */
  canonical?: string;
  /** The id of the entity mention this one refers back to (short forms "Zhai", "the envoy", "he"). */
  refersTo?: string;
  /** Kind of mention: a name, a nominal ("the envoy") or a pronoun ("he"). */
  mention?: "name" | "nominal" | "pronoun";
  /** The role or title the article gives this person here ("Russia's Deputy Foreign Minister"). */
  role?: TextSpan;
  /** Confidence in [0, 1]. */
  score?: number;
}

export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

export interface Timex extends TextSpan {
  type: TimexType;
  /** TIMEX3 value, e.g. 2023-10-19, 2023-W42, P1W, PRESENT_REF, XXXX-WI. */
  value: string;
  /** What a relative expression was resolved against. */
  anchor?: "published" | "inferred" | "absolute" | "none";
  /** The reference date used (YYYY-MM-DD), where one was used. */
  anchorDate?: string;
}

export type AttributionKind = "direct" | "reported" | "mixed" | "according-to";

export interface Speaker {
  /** Entity id in the same article (the resolved person or organization). */
  entityId?: string;
  /** Resolved name ("Zhai Jun"), even where the source span is "he". */
  name: string;
  role?: string;
  type?: EntityType | "UNKNOWN";
}

export interface Attribution {
  id: string;
  kind: AttributionKind;
  source?: TextSpan;
  cue?: TextSpan;
  content: TextSpan;
  speaker?: Speaker;
  /** The other speakers of a joint source ("Bogdanov and Khulaifi told ..."); `speaker` is the first. */
  coSpeakers?: Speaker[];
}

/** Political event types; each maps to a CAMEO root code. */
export type EventType =
  | "meet" | "call" | "visit" | "statement" | "appeal" | "criticize" | "support"
  | "agree" | "vote" | "resolution-fails" | "attack" | "aid" | "sanction" | "travel";

export interface EventArg extends TextSpan {
  entityId?: string;
  /** Resolved name for display. */
  name?: string;
}

export interface EventMention {
  id: string;
  type: EventType;
  /** CAMEO code, e.g. "036" (express intent to meet), "040" (consult), "043" (meet at third location). */
  cameo: string;
  trigger: TextSpan;
  /** The sentence, as evidence. */
  sentence: Span;
  actors: EventArg[];
  targets: EventArg[];
  place?: EventArg;
  /** The timex that dates the event, if the sentence has one. */
  time?: { timexStart: number; timexEnd: number; value: string };
  /** Resolved calendar date (YYYY-MM-DD) if known. */
  date?: string;
  negated: boolean;
  /**
   * "asserted" for something that happened; "planned", "hypothetical", "appeal" otherwise; "pending"
   * for an act still awaited ("has yet to announce": negated as well, it has not happened so far).
   */
  modality: "asserted" | "planned" | "hypothetical" | "appeal" | "pending";
}

/** All annotation layers of one article. */
export interface Annotations {
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  timexes: Timex[];
  attributions: Attribution[];
  events: EventMention[];
}

/** The unit the NLP pipeline works on. Core NLP code never does I/O. */
export interface Doc extends Partial<Annotations> {
  id: string;
  text: string;
  /** Reference date for relative expressions (YYYY-MM-DD), usually the publication date. */
  published?: string;
  /** Title, if known (used by linking and headline choice). */
  title?: string;
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------
// Cross-article structures
// ---------------------------------------------------------------------------

export type RelationKind = "duplicate" | "rewrite";

/** Article `from` is a duplicate/rewrite of article `to` (the source). */
export interface ArticleRelation {
  kind: RelationKind;
  from: string;
  to: string;
  /** Similarity in [0, 1] (Jaccard estimate for duplicates, aligned-coverage for rewrites). */
  score: number;
  /** Why `to` was chosen as the source ("earlier publication", "wire attribution", ...). */
  reason: string;
  /** Aligned sentence pairs: evidence in both articles. */
  alignments: { from: Evidence; to: Evidence; similarity: number }[];
  /** Sentences of `from` with no counterpart in `to`: what the rewrite adds. */
  additions: Evidence[];
}
