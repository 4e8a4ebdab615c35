/**
 * Input shape for cross-article linking (duplicates, rewrites, story clustering).
 * Plain data: callers build it from an Article plus whatever annotations they have.
 */
import type { Span } from "../model.js";

/** One article as the linking code sees it. Only `id` and `text` are required. */
export interface LinkDoc {
  id: string;
  /** Cleaned article text; every span refers to it. */
  text: string;
  title?: string;
  /** Publication date, `YYYY-MM-DD` or ISO date-time. */
  published?: string;
  outlet?: string;
  dateline?: { agency?: string };
  /** Sentence spans into `text`; computed with src/nlp/tokenize.ts when absent. */
  sentences?: Span[];
  /** Named entities, if annotated (canonical name preferred for matching). */
  entities?: { text: string; type: string; canonical?: string }[];
}
