/**
 * Sentence-level features for aligning two articles: content-term stems, multi-word names,
 * numbers and annotated entity names, each sentence with its span as evidence.
 */
import type { Evidence, Span } from "../model.js";
import { tokenize } from "../nlp/tokenize.js";
import type { LinkDoc } from "./types.js";
import { capitalizedNames, contentTerms } from "./text.js";

/** A sentence with fewer content terms than this (a heading, "Leave a Reply") does not count for coverage. */
export const MIN_SUBSTANTIVE_TERMS = 4;
/** Entity strings shorter than this are not matched into sentences (too ambiguous). */
const MIN_ENTITY_CHARS = 3;

/** One sentence of an article with the features used to compare it. */
export interface SentenceFeatures extends Span {
  text: string;
  /** Distinct features: stems, numbers, and "@name" for multi-word names and entities. */
  features: Set<string>;
  /** True when the sentence has enough content to count in coverage. */
  substantive: boolean;
}

/** The sentence spans of a doc: `doc.sentences` when given, else src/nlp tokenize(). */
export function sentenceSpans(doc: LinkDoc): Span[] {
  return doc.sentences ?? tokenize(doc.text).sentences.map((s) => ({ start: s.start, end: s.end }));
}

/** Features of every non-empty sentence of `doc`, in text order. */
export function sentenceFeatures(doc: LinkDoc, max = Infinity): SentenceFeatures[] {
  const out: SentenceFeatures[] = [];
  for (const s of sentenceSpans(doc)) {
    if (out.length >= max) break;
    const text = doc.text.slice(s.start, s.end);
    if (!text.trim()) continue;
    const terms = contentTerms(text);
    const features = new Set<string>(terms);
    for (const n of capitalizedNames(text)) if (n.includes(" ")) features.add(`@${n}`);
    out.push({ start: s.start, end: s.end, text, features, substantive: terms.length >= MIN_SUBSTANTIVE_TERMS });
  }
  addEntityFeatures(doc, out);
  return out;
}

/**
 * Adds "@canonical" to each sentence that holds an occurrence of one of the doc's entity strings
 * (whole, inside the sentence), entity by entity in first-mention order: every occurrence is found
 * once in the whole text and placed in its sentence by binary search.
 */
function addEntityFeatures(doc: LinkDoc, sentences: SentenceFeatures[]): void {
  if (!sentences.length) return;
  const entityNames = [...new Set((doc.entities ?? []).map((e) => e.text).filter((t) => t.length >= MIN_ENTITY_CHARS))];
  const canonical = new Map((doc.entities ?? []).map((e) => [e.text, (e.canonical ?? e.text).toLowerCase()]));
  const first = sentences[0].start;
  const last = sentences[sentences.length - 1].end;
  for (const e of entityNames) {
    const feature = `@${canonical.get(e)}`;
    for (let at = doc.text.indexOf(e, first); at >= 0 && at < last; at = doc.text.indexOf(e, at + 1)) {
      // the last sentence starting at or before the occurrence
      let lo = 0;
      let hi = sentences.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (sentences[mid].start <= at) lo = mid;
        else hi = mid - 1;
      }
      const s = sentences[lo];
      if (s.start <= at && at + e.length <= s.end) s.features.add(feature);
    }
  }
}

/** Evidence pointing at one sentence of an article. */
export function sentenceEvidence(articleId: string, s: SentenceFeatures): Evidence {
  return { articleId, start: s.start, end: s.end, text: s.text };
}
