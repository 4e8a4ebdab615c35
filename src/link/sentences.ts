/**
 * Sentence-level features for aligning two articles: content-term stems, multi-word names,
 * numbers and annotated entity names, each sentence with its span as evidence.
 */
import type { Evidence, Span } from "../model.js";
import { tokenize } from "../nlp/tokenize.js";
import type { LinkDoc } from "./types.js";
import { contentTerms, multiWordNames } from "./text.js";

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
    for (const n of multiWordNames(text)) features.add(`@${n}`);
    out.push({ start: s.start, end: s.end, text, features, substantive: terms.length >= MIN_SUBSTANTIVE_TERMS });
  }
  addEntityFeatures(doc, out);
  return out;
}

/** Per UTF-16 code unit: 1 + the index of the first entity group starting with it (0 for none); reused, cleared after each use. */
const FIRST_UNIT = new Int32Array(0x10000);

/**
 * Adds "@canonical" to each sentence that holds an occurrence of one of the doc's entity strings
 * (whole, inside the sentence), entity by entity in first-mention order. One pass over the text
 * finds every occurrence of every entity (at each position, only the entities starting with its
 * character are tried), rather than one scan of the text per entity; the features are then added
 * in entity order, so each sentence's features come out in the same order as entity-by-entity
 * scans would give them.
 */
function addEntityFeatures(doc: LinkDoc, sentences: SentenceFeatures[]): void {
  if (!sentences.length || !doc.entities?.length) return;
  const entityNames = [...new Set(doc.entities.map((e) => e.text).filter((t) => t.length >= MIN_ENTITY_CHARS))];
  if (!entityNames.length) return;
  const canonical = new Map(doc.entities.map((e) => [e.text, (e.canonical ?? e.text).toLowerCase()]));
  const text = doc.text;
  const first = sentences[0].start;
  const last = sentences[sentences.length - 1].end;
  // entities grouped by first code unit: group g holds the entity indices in `byFirst[g]`
  const byFirst: number[][] = [];
  entityNames.forEach((e, k) => {
    const c = e.charCodeAt(0);
    const g = FIRST_UNIT[c];
    if (g) byFirst[g - 1].push(k);
    else FIRST_UNIT[c] = byFirst.push([k]);
  });
  // hits[k]: sentence indices where entity k occurs, in text order
  const hits: number[][] = entityNames.map(() => []);
  let si = 0;
  try {
    for (let at = first; at < last; at++) {
      const g = FIRST_UNIT[text.charCodeAt(at)];
      if (!g) continue;
      // the last sentence starting at or before the occurrence (positions only grow)
      while (si + 1 < sentences.length && sentences[si + 1].start <= at) si++;
      const s = sentences[si];
      if (s.start > at) continue;
      for (const k of byFirst[g - 1]) {
        const e = entityNames[k];
        if (at + e.length <= s.end && text.startsWith(e, at)) hits[k].push(si);
      }
    }
  } finally {
    for (const e of entityNames) FIRST_UNIT[e.charCodeAt(0)] = 0;
  }
  entityNames.forEach((e, k) => {
    if (!hits[k].length) return;
    const feature = `@${canonical.get(e)}`;
    for (const i of hits[k]) sentences[i].features.add(feature);
  });
}

/** Evidence pointing at one sentence of an article. */
export function sentenceEvidence(articleId: string, s: SentenceFeatures): Evidence {
  return { articleId, start: s.start, end: s.end, text: s.text };
}
