/**
 * The story in short and its timeline. Every summary sentence is a sentence of one of the
 * articles (chosen, never written), cites every article that carries the same claim, and
 * is picked for coverage across independent sources with redundancy removed (MMR).
 */
import type { CitedSentence, StoryEvent, TimelineEntry } from "./types.js";
import type { SourceGroups } from "./sources.js";
import { capEvidence, claimRank, representative, type FactGroup } from "./facts.js";
import { jaccard } from "./terms.js";

/** Sentences in the summary. */
const SUMMARY_SENTENCES = 4;
/** A candidate too similar to a chosen sentence (Jaccard of terms) is skipped. */
const MAX_REDUNDANCY = 0.35;
/** Evidence spans kept per summary sentence and per timeline entry. */
const MAX_SUMMARY_EVIDENCE = 12;
/** Sentences longer than this are poor summary material (run-ons, lists). */
const MAX_SUMMARY_CHARS = 400;

export function summarize(claims: FactGroup[], groups: SourceGroups): CitedSentence[] {
  const ranked = claims
    .map((c) => ({ c, rep: representative(c, groups) }))
    .filter(({ rep }) => rep.evidence.text.length <= MAX_SUMMARY_CHARS && /[.!?”"’]$/.test(rep.evidence.text.trim()))
    .sort((a, b) => claimRank(b.c) + leadBonus(b.rep.position) - (claimRank(a.c) + leadBonus(a.rep.position)));
  const chosen: typeof ranked = [];
  for (const r of ranked) {
    if (chosen.length >= SUMMARY_SENTENCES) break;
    if (chosen.some((x) => jaccard(x.rep.terms, r.rep.terms) > MAX_REDUNDANCY)) continue;
    chosen.push(r);
  }
  // Keep a readable order: the most widely reported first, then by position in the articles.
  return chosen.map(({ c, rep }) => ({
    text: rep.evidence.text.trim(),
    cites: c.articleIds,
    evidence: capEvidence(c.units.map((u) => u.evidence), MAX_SUMMARY_EVIDENCE),
  }));
}

function leadBonus(position: number): number {
  return position === 0 ? 3 : position === 1 ? 1.5 : position < 4 ? 0.5 : 0;
}

/** One entry per date that events carry (dates stated or resolved in the text, not publication fallbacks). */
export function timelineOf(events: StoryEvent[]): TimelineEntry[] {
  const byDate = new Map<string, StoryEvent[]>();
  for (const e of events) {
    if (!e.date || !e.dateBasis || e.dateBasis.startsWith("publication date")) continue;
    byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, all]) => {
      // Statements are the least of a day's news: they show only on days with nothing else.
      const acts = all.filter((e) => e.type !== "statement");
      const evs = acts.length ? acts : all;
      evs.sort((a, b) => b.independentSources - a.independentSources);
      return {
        date,
        text: evs.map((e) => e.label).join("; "),
        cites: [...new Set(evs.flatMap((e) => e.articleIds))],
        evidence: capEvidence(evs.flatMap((e) => e.evidence), MAX_SUMMARY_EVIDENCE),
      };
    });
}
