/**
 * Events across articles: event mentions that describe the same act (same kind, overlapping
 * participants, compatible dates and places) become one story event with every article's
 * sentence as evidence, and a count of the independent sources that report it.
 */
import type { EventArg, EventMention, Evidence, Timex } from "../model.js";
import type { StoryEvent, StoryParticipant } from "./types.js";
import type { EntityIndex } from "./entities.js";
import type { SourceGroups } from "./sources.js";
import { evidenceOf, type StoryInput } from "./input.js";
import { capEvidence } from "./facts.js";
import { containment, contentTerms, jaccard, nameKey } from "./terms.js";

/** Evidence spans kept per event (one per article first) and events kept per story (the weightiest). */
const MAX_EVENT_EVIDENCE = 12;
const MAX_STORY_EVENTS = 60;
/** Directed events merge when their actor sets overlap at least this much (Jaccard), or one holds the other. */
const MIN_PARTICIPANT_OVERLAP = 0.5;
/** Event kinds where both sides act alike: participants are compared as one set. */
const SYMMETRIC = new Set(["meet", "call"]);
/** How much each kind of event matters for ordering "what happened" (statements and vague support last). */
const TYPE_WEIGHT: Record<string, number> = {
  meet: 3, call: 3, visit: 2.5, travel: 2, attack: 3, "resolution-fails": 2.5, vote: 2, agree: 2.5, sanction: 2.5,
  aid: 1.5, appeal: 1.5, criticize: 1.5, support: 1, statement: 0.5,
};
/** Words that stand for a participant without naming one: such participants are not used to match events. */
/** Kinds of event that are things said: two mentions are one event only if their sentences also say the same. */
const SPEECH_LIKE = new Set(["statement", "appeal", "criticize", "support", "agree"]);
/** Share of the shorter sentence's content terms the other must hold for speech-like events to merge. */
const MIN_SPEECH_CONTAINMENT = 0.4;
const UNNAMED = /^(he|she|it|they|him|her|them|his|its|their|we|i|you|someone|somebody)$/i;
const DATE_BASIS: Record<string, string> = {
  published: "relative to publication date",
  inferred: "relative to inferred date",
  absolute: "explicit",
  none: "explicit",
};
/** Basis of a date taken from the publication date because the text gives none. */
const FALLBACK_BASIS = "publication date";

/** Verb phrases for labels, by event type (past tense for asserted events). */
const LABEL_VERB: Record<string, string> = {
  meet: "met",
  call: "held a phone call with",
  visit: "visited",
  travel: "travelled to",
  statement: "made a statement",
  appeal: "called for",
  criticize: "criticized",
  support: "expressed support for",
  agree: "agreed with",
  vote: "voted on",
  "resolution-fails": "failed to pass",
  attack: "attacked",
  aid: "provided aid to",
  sanction: "imposed sanctions on",
};

interface Draft {
  ev: StoryEvent;
  keys: Set<string>;
  actorKeys: Set<string>;
  terms: Set<string>;
}

export function mergeEvents(items: StoryInput[], index: EntityIndex, groups: SourceGroups): StoryEvent[] {
  const drafts: Draft[] = [];
  for (const { article, ann } of items) {
    const timexAt = new Map<number, Timex>(ann.timexes.map((t) => [t.start, t]));
    for (const m of ann.events) {
      const actors = m.actors.map((a) => participant(article.id, a, index));
      const targets = m.targets.map((a) => participant(article.id, a, index));
      if (!actors.some(named) && m.type !== "resolution-fails") continue; // "someone did something" tells an analyst nothing
      const keys = new Set([...actors, ...targets].filter(named).map(keyOf));
      const actorKeys = new Set(actors.filter(named).map(keyOf));
      const { date, basis } = dateOf(m, timexAt, article.meta.published);
      const place = m.place ? participant(article.id, m.place, index).name : undefined;
      const ev: Evidence = evidenceOf(article, m.sentence);
      const terms = new Set(contentTerms(ev.text));
      const candidates = drafts.filter((d) => sameEvent(d, m, keys, actorKeys, date) && (!SPEECH_LIKE.has(m.type) || containment(terms, d.terms) >= MIN_SPEECH_CONTAINMENT));
      // A mention that fits several events ("Zhai met his counterpart" beside Zhai–Bogdanov and Zhai–Al Khulaifi)
      // joins the one with exactly its parties, or none: a guess would count a source for the wrong event.
      const exact = candidates.filter((d) => d.keys.size === keys.size && [...keys].every((k) => d.keys.has(k)));
      const match = candidates.length === 1 ? candidates[0] : exact.length === 1 ? exact[0] : undefined;
      if (match) {
        const e = match.ev;
        if (!e.articleIds.includes(article.id)) e.articleIds.push(article.id);
        e.evidence.push(ev);
        for (const k of keys) match.keys.add(k);
        for (const k of actorKeys) match.actorKeys.add(k);
        addNew(e.actors, actors.filter(named));
        addNew(e.targets, targets.filter((t) => named(t) && !e.actors.some((a) => samePerson(a, t))));
        e.place ??= place;
        if (date && (!e.date || e.dateBasis === FALLBACK_BASIS)) [e.date, e.dateBasis] = [date, basis];
        continue;
      }
      drafts.push({
        keys,
        actorKeys,
        terms,
        ev: {
          id: "",
          type: m.type,
          cameo: m.cameo,
          label: "",
          actors: dedupe(actors.filter(named)),
          targets: dedupe(targets).filter((t) => !actors.some((a) => samePerson(a, t))),
          place,
          date,
          dateBasis: date ? basis : undefined,
          negated: m.negated,
          modality: m.modality,
          independentSources: 0,
          articleIds: [article.id],
          evidence: [ev],
        },
      });
    }
  }
  const events = drafts.map((d) => d.ev);
  for (const e of events) {
    e.evidence = capEvidence(e.evidence, MAX_EVENT_EVIDENCE);
    // An actor is never also its own target; a description ("his Russian counterpart") gives way to names.
    e.targets = e.targets.filter((t) => !e.actors.some((a) => samePerson(a, t)));
    if (e.targets.some((t) => t.entityId)) e.targets = e.targets.filter((t) => t.entityId || /^\p{Lu}/u.test(t.name));
    e.independentSources = groups.count(e.articleIds);
    e.label = labelOf(e);
  }
  events.sort((a, b) => weight(b) - weight(a) || (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.label.localeCompare(b.label));
  const kept = events.slice(0, MAX_STORY_EVENTS);
  kept.forEach((e, i) => (e.id = `ev${i + 1}`));
  return kept;
}

function participant(articleId: string, arg: EventArg, index: EntityIndex): StoryParticipant {
  const se = arg.entityId ? index.byMention.get(`${articleId}:${arg.entityId}`) : index.byName(arg.name ?? arg.text);
  if (se) return { entityId: se.id, name: se.name, role: se.roles[0]?.text };
  return { name: arg.name ?? arg.text };
}

function dateOf(m: EventMention, timexAt: Map<number, Timex>, published?: string): { date?: string; basis?: string } {
  if (m.time) {
    const t = timexAt.get(m.time.timexStart);
    const value = m.date ?? m.time.value;
    if (/^\d{4}(-\d\d){0,2}$/.test(value)) return { date: value, basis: DATE_BASIS[t?.anchor ?? "absolute"] ?? DATE_BASIS.absolute };
  }
  if (m.date && /^\d{4}(-\d\d){0,2}$/.test(m.date)) return { date: m.date, basis: DATE_BASIS.absolute };
  if (published && m.modality === "asserted") return { date: published.slice(0, 10), basis: FALLBACK_BASIS };
  return {};
}

function sameEvent(d: Draft, m: EventMention, keys: Set<string>, actorKeys: Set<string>, date?: string): boolean {
  const e = d.ev;
  if (e.type !== m.type || e.negated !== m.negated || e.modality !== m.modality) return false;
  const a = e.date && e.dateBasis !== FALLBACK_BASIS ? e.date : undefined;
  if (a && date && a.slice(0, date.length) !== date.slice(0, a.length)) return false;
  if (SYMMETRIC.has(m.type)) return overlaps(keys, d.keys);
  return overlaps(actorKeys, d.actorKeys) && (keys.size === actorKeys.size || d.keys.size === d.actorKeys.size || overlaps(keys, d.keys));
}

/** Two participant sets describe the same parties: one holds the other, or they overlap enough. */
function overlaps(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  if ([...small].every((k) => big.has(k))) return true;
  return jaccard(a, b) >= MIN_PARTICIPANT_OVERLAP;
}

function named(p: StoryParticipant): boolean {
  return !!p.entityId || (/^\p{Lu}/u.test(p.name) && !UNNAMED.test(p.name));
}

function keyOf(p: StoryParticipant): string {
  return p.entityId ?? nameKey(p.name);
}

/** Ordering weight: independent sources first, then a known date, then the kind of event. */
function weight(e: StoryEvent): number {
  const dated = e.date && e.dateBasis !== FALLBACK_BASIS ? 1.5 : 0;
  return e.independentSources * 2 + dated + (TYPE_WEIGHT[e.type] ?? 1) + (e.targets.length ? 0.5 : 0);
}

function addNew(into: StoryParticipant[], add: StoryParticipant[]): void {
  for (const p of add) if (!into.some((q) => samePerson(q, p))) into.push(p);
}

function dedupe(list: StoryParticipant[]): StoryParticipant[] {
  const out: StoryParticipant[] = [];
  addNew(out, list);
  return out;
}

function samePerson(a: StoryParticipant, b: StoryParticipant): boolean {
  return a.entityId && b.entityId ? a.entityId === b.entityId : nameKey(a.name) === nameKey(b.name);
}

function names(ps: StoryParticipant[]): string {
  const n = ps.map((p) => p.name);
  return n.length <= 1 ? (n[0] ?? "") : `${n.slice(0, -1).join(", ")} and ${n[n.length - 1]}`;
}

/** Base-form verb phrases, for planned and negated events ("intends to meet", "did not meet"). */
const BASE_VERB: Record<string, string> = {
  meet: "meet",
  call: "hold a phone call with",
  visit: "visit",
  travel: "travel to",
  statement: "make a statement",
  appeal: "call for",
  criticize: "criticize",
  support: "express support for",
  agree: "agree with",
  vote: "vote on",
  "resolution-fails": "fail to pass",
  attack: "attack",
  aid: "provide aid to",
  sanction: "impose sanctions on",
};

/** "Zhai Jun met Mikhail Bogdanov in Doha on 2023-10-19" (from the parts; never new claims). */
export function labelOf(e: StoryEvent): string {
  const vetoed = e.type === "vote" && e.cameo.startsWith("12");
  const base = vetoed ? "block" : (BASE_VERB[e.type] ?? e.type);
  const past = vetoed ? "blocked" : (LABEL_VERB[e.type] ?? e.type);
  const who = names(e.actors) || "Someone";
  const verb = e.negated ? `did not ${base}` : e.modality === "planned" ? `intends to ${base}` : e.modality === "hypothetical" ? `may ${base}` : past;
  const parts = [`${who} ${verb}`];
  const whom = names(e.targets);
  if (whom) parts.push(whom);
  if (e.place && !whom.includes(e.place)) parts.push(`in ${e.place}`);
  if (e.date && e.dateBasis !== FALLBACK_BASIS) parts.push(`on ${e.date}`);
  return parts.join(" ").replace(/\s+/g, " ").trim();
}
