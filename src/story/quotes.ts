/**
 * The quote ledger: who said what, across articles. An attribution's speaker is resolved
 * to the story entity (through coreference) and the same words carried by several articles
 * become one entry, with the number of independent sources that carry it.
 */
import type { Attribution } from "../model.js";
import type { StoryParticipant, StoryQuote } from "./types.js";
import type { EntityIndex } from "./entities.js";
import type { SourceGroups } from "./sources.js";
import { evidenceOf, type StoryInput } from "./input.js";
import { containment, contentTerms, nameKey } from "./terms.js";

/** Two attributions by one speaker are the same quote when this share of the shorter one's terms recurs. */
const SAME_QUOTE_CONTAINMENT = 0.6;
/** Contents shorter than this many content terms are too thin for the ledger. */
const MIN_QUOTE_TERMS = 3;

interface Draft {
  q: StoryQuote;
  speakerKey: string;
  terms: Set<string>;
}

export function mergeQuotes(items: StoryInput[], index: EntityIndex, groups: SourceGroups): StoryQuote[] {
  const drafts: Draft[] = [];
  for (const { article, ann } of items) {
    for (const a of ann.attributions) {
      const terms = new Set(contentTerms(a.content.text));
      if (terms.size < MIN_QUOTE_TERMS) continue;
      const speaker = speakerOf(article.id, a, index);
      const speakerKey = speaker.entityId ?? nameKey(speaker.name);
      const ev = evidenceOf(article, a.content);
      const match = drafts.find((d) => d.speakerKey === speakerKey && containment(d.terms, terms) >= SAME_QUOTE_CONTAINMENT);
      if (match) {
        if (!match.q.articleIds.includes(article.id)) match.q.articleIds.push(article.id);
        match.q.evidence.push(ev);
        if (match.q.kind !== "direct" && a.kind === "direct") [match.q.kind, match.q.text] = [a.kind, a.content.text];
        continue;
      }
      drafts.push({
        speakerKey,
        terms,
        q: { id: "", speaker, kind: a.kind, text: a.content.text, articleIds: [article.id], independentSources: 0, evidence: [ev] },
      });
    }
  }
  const quotes = drafts.map((d) => d.q);
  for (const q of quotes) q.independentSources = groups.count(q.articleIds);
  quotes.sort((a, b) => b.independentSources - a.independentSources || a.speaker.name.localeCompare(b.speaker.name));
  quotes.forEach((q, i) => (q.id = `q${i + 1}`));
  return quotes;
}

function speakerOf(articleId: string, a: Attribution, index: EntityIndex): StoryParticipant {
  const se = a.speaker?.entityId ? index.byMention.get(`${articleId}:${a.speaker.entityId}`) : undefined;
  if (se) return { entityId: se.id, name: se.name, role: se.roles[0]?.text ?? a.speaker?.role };
  const named = a.speaker?.name ? index.byName(a.speaker.name) : undefined;
  if (named) return { entityId: named.id, name: named.name, role: named.roles[0]?.text ?? a.speaker?.role };
  return { name: a.speaker?.name ?? a.source?.text ?? "unattributed", role: a.speaker?.role };
}
