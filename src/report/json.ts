/**
 * The story report as JSON: `{"version": "1.0", "stories": [...]}`, pretty-printed with a stable key order
 * so that two runs over the same input give byte-identical files (diffable, cacheable, golden-testable).
 * The shape is documented in docs/story-format.md and validated by docs/story.schema.json.
 */
import type { Story } from "../story/types.js";
import { asStoryList } from "./input.js";

/** Version of the JSON document format (not of Parallax). Bump the minor for added fields, the major for breaking changes. */
export const STORY_FORMAT_VERSION = "1.0";

/** Spaces per indentation level of the pretty-printed JSON. */
const JSON_INDENT = 2;

/** The top-level JSON document. */
export interface StoryDocument {
  version: string;
  stories: Story[];
}

/**
 * Preferred key order inside objects: identity first, then what the item says, then where it comes from,
 * then bulky lists (evidence last). Keys not listed follow in alphabetical order.
 */
const KEY_ORDER = [
  "id", "kind", "type", "cameo", "status", "label", "name", "text", "title", "headline", "date", "dateBasis",
  "period", "from", "to", "score", "similarity", "reason", "outlet", "published", "impliedDate", "basis", "fromArticle", "url", "path", "sourceGroup",
  "rewriteOf", "duplicateOf", "speaker", "entityId", "role", "aliases", "roles", "mentions", "articleCount",
  "actors", "targets", "place", "negated", "modality", "independentSources", "articleId", "field", "cites",
  "articleIds", "summary", "timeline", "events", "quotes", "facts", "entities", "articles", "relations",
  "alignments", "additions", "conflicts", "code", "severity", "message", "diagnostics", "evidence",
  "generatedAt", "version",
];

/** Evidence spans read best as where, then what: articleId, field, start, end, text. */
const EVIDENCE_ORDER = ["articleId", "field", "start", "end", "text"];

const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));
const EVIDENCE_RANK = new Map(EVIDENCE_ORDER.map((k, i) => [k, i]));

function isEvidenceLike(o: Record<string, unknown>): boolean {
  return "articleId" in o && "start" in o && "end" in o;
}

/** Copies a JSON value with object keys in the stable order; drops `undefined` members like JSON.stringify does. */
export function orderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderKeys);
  if (value === null || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  const rank = isEvidenceLike(o) ? EVIDENCE_RANK : RANK;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort((a, b) => {
      const ra = rank.get(a) ?? Number.MAX_SAFE_INTEGER;
      const rb = rank.get(b) ?? Number.MAX_SAFE_INTEGER;
      return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
    });
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = orderKeys(o[k]);
  return out;
}

/** Wraps one story or a list of stories into the top-level document. */
export function toStoryDocument(stories: Story[] | Story): StoryDocument {
  return { version: STORY_FORMAT_VERSION, stories: asStoryList(stories) };
}

/**
 * Renders stories as the JSON document `{"version", "stories"}` (pretty, stable key order, trailing newline).
 * @example renderJson(story) // '{\n  "version": "1.0",\n  "stories": [\n    {\n      "id": ...'
 */
export function renderJson(stories: Story[] | Story): string {
  const doc = toStoryDocument(stories);
  const ordered = { version: doc.version, stories: orderKeys(doc.stories) };
  return JSON.stringify(ordered, null, JSON_INDENT) + "\n";
}
