/**
 * The quote ledger: who said what, across articles. An attribution's speaker is resolved
 * to the story entity (through coreference) and the same words carried by several articles
 * become one entry, with the number of independent sources that carry it.
 */
import type { Attribution } from "../model.js";
import type { StoryParticipant, StoryQuote } from "./types.js";
import type { EntityIndex } from "./entities.js";
import type { SourceGroups } from "./sources.js";
import { evidenceOf, headingSpans, type StoryInput } from "./input.js";
import { capEvidence } from "./facts.js";
import { containment, contentTerms, nameKey } from "./terms.js";
import { isRoleNoun } from "../nlp/roles/lexicon.js";

/** Two attributions by one speaker are the same quote when this share of the shorter one's terms recurs. */
const SAME_QUOTE_CONTAINMENT = 0.6;
/** Evidence spans kept per quote and quotes kept per story (the most widely carried). */
const MAX_QUOTE_EVIDENCE = 12;
const MAX_STORY_QUOTES = 80;
/** Contents shorter than this many content terms are too thin for the ledger. */
const MIN_QUOTE_TERMS = 3;
/**
 * Heads of speaker descriptions that name who speaks for whom, besides role nouns
 * ("a spokesperson at the Chinese foreign ministry", "officials", "the government").
 */
const SPEAKER_HEADS = new Set([
  "spokesperson", "spokesman", "spokeswoman", "official", "officials", "ministry", "government", "source", "sources",
  "diplomat", "diplomats", "analyst", "analysts", "agency", "office", "statement", "embassy", "military", "army",
  "police", "witness", "witnesses", "residents", "leader", "leaders", "authorities", "administration", "white house",
  "kremlin", "pentagon", "state department", "foreign ministry", "department", "council", "committee", "party", "group",
]);
/** The SPEAKER_HEADS of several words, matched inside a description's head rather than word by word. */
const MULTIWORD_SPEAKER_HEADS = [...SPEAKER_HEADS].filter((h) => h.includes(" "));
/** Prepositions that end the head of a speaker description. */
const HEAD_BOUNDARIES = new Set(["of", "for", "at", "in", "from", "with", "on", "to", "by", "about", "who", "which", "that"]);
/** Speakers resolved to these entity types speak for themselves; a place speaks only as its government ("Qatar said"). */
const AGENT_TYPES = new Set(["PERSON", "ORG"]);

interface Draft {
  q: StoryQuote;
  speakerKey: string;
  terms: Set<string>;
}

export function mergeQuotes(items: StoryInput[], index: EntityIndex, groups: SourceGroups): StoryQuote[] {
  const drafts: Draft[] = [];
  /** The drafts of each speaker, in creation order (a new attribution joins the first that matches). */
  const bySpeaker = new Map<string, Draft[]>();
  for (const { article, ann } of items) {
    const headings = headingSpans(article);
    for (const a of ann.attributions) {
      // A heading ("China Urges Immediate Ceasefire") is a title, not someone's words.
      if (headings.some((h) => a.content.start >= h.start && a.content.start < h.end)) continue;
      const terms = new Set(contentTerms(a.content.text));
      if (terms.size < MIN_QUOTE_TERMS) continue;
      // A joint source ("Bogdanov and Khulaifi told ...") gives each of its speakers the quote.
      for (const one of [a, ...(a.coSpeakers ?? []).map((sp) => ({ ...a, speaker: sp }))]) {
        const speaker = speakerOf(article.id, one, index);
        if (!speaker) continue; // no one identifiable speaks: not a quote for the ledger
        const speakerKey = speaker.entityId ?? nameKey(speaker.name);
        const ev = evidenceOf(article, a.content);
        const mine = bySpeaker.get(speakerKey);
        const match = mine?.find((d) => containment(d.terms, terms) >= SAME_QUOTE_CONTAINMENT);
        if (match) {
          if (!match.q.articleIds.includes(article.id)) match.q.articleIds.push(article.id);
          match.q.evidence.push(ev);
          if (match.q.kind !== "direct" && a.kind === "direct") [match.q.kind, match.q.text] = [a.kind, a.content.text];
          continue;
        }
        const draft: Draft = {
          speakerKey,
          terms,
          q: { id: "", speaker, kind: a.kind, text: a.content.text, articleIds: [article.id], independentSources: 0, evidence: [ev] },
        };
        drafts.push(draft);
        if (mine) mine.push(draft);
        else bySpeaker.set(speakerKey, [draft]);
      }
    }
  }
  const quotes = drafts.map((d) => d.q);
  for (const q of quotes) {
    q.independentSources = groups.count(q.articleIds);
    q.evidence = capEvidence(q.evidence, MAX_QUOTE_EVIDENCE);
  }
  quotes.sort((a, b) => b.independentSources - a.independentSources || a.speaker.name.localeCompare(b.speaker.name));
  const kept = quotes.slice(0, MAX_STORY_QUOTES);
  kept.forEach((q, i) => (q.id = `q${i + 1}`));
  return kept;
}

/**
 * The speaker as a story participant, or undefined when the source is not an agent: a person,
 * an organisation, a country standing for its government ("Beijing emphasized"), or a description
 * with a human head ("a spokesperson at the ministry"). "The discussions in Doha" is none of these.
 */
function speakerOf(articleId: string, a: Attribution, index: EntityIndex): StoryParticipant | undefined {
  const written = a.source?.text ?? a.speaker?.name;
  const se =
    (a.speaker?.entityId ? index.byMention.get(`${articleId}:${a.speaker.entityId}`) : undefined) ??
    (a.speaker?.name ? index.byName(a.speaker.name) : undefined);
  if (se && (AGENT_TYPES.has(se.type) || !written || sameName(written, se.name, se.aliases))) {
    return { entityId: se.id, name: se.name, role: se.roles[0]?.text ?? a.speaker?.role };
  }
  if (!written) return undefined;
  // The head of a description stands before its first preposition: "a spokesperson at the ministry" is a
  // spokesperson; "an essential stopover for foreign diplomats" is a stopover.
  const all = written.toLowerCase().replace(/[^\p{L}\s]/gu, " ").split(/\s+/).filter(Boolean);
  const cut = all.findIndex((w) => HEAD_BOUNDARIES.has(w));
  const words = cut > 0 ? all.slice(0, cut) : all;
  const head = words.join(" ");
  const human = words.some((w) => SPEAKER_HEADS.has(w) || isRoleNoun(w)) || MULTIWORD_SPEAKER_HEADS.some((h) => head.includes(h));
  if (!human) return undefined;
  return { name: written, role: a.speaker?.role };
}

/** The source as written is the entity itself ("Qatar", "the U.S.", "Beijing's"), not a phrase around it. */
function sameName(written: string, name: string, aliases: string[]): boolean {
  const k = nameKey(written);
  return [name, ...aliases].some((n) => nameKey(n) === k);
}
