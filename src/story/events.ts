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
import { asCountry, countriesInText, isCountryName } from "../nlp/events/home.js";
import { eventContent, sentenceCase, type EventContent } from "../nlp/events/content.js";

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
  /** What each participant says about its side (its key, its countries), for actors and targets. */
  actorSides: Side[];
  targetSides: Side[];
  /** The trigger as written when it is a past-tense predicate ("retaliated", "expressed deep concern"), for labels of events with no target. */
  verb?: string;
  /** What the founding mention asks, criticizes or supports, and whom an appeal addresses (for the label). */
  content?: EventContent;
}

/**
 * The trigger as written when it reads as a whole predicate in a label: one past-tense verb ("retaliated"), or for a
 * statement the verb with its object noun ("expressed deep concern", "voiced its sadness"), which says more than
 * "made a statement".
 */
function writtenVerb(m: EventMention): string | undefined {
  const t = m.trigger.text;
  if (/^[a-z]+ed$/.test(t)) return t;
  if (m.type === "statement" && /^[a-z]+ed(?: [a-z]+){1,3}$/.test(t)) return t;
  return undefined;
}

/** Kinds of event whose label needs what the sentence says after the trigger: an appeal's content, an object. */
const CONTENT_KINDS = new Set(["appeal", "criticize", "support", "aid"]);

/**
 * A participant as one side of an event: its key when named, the countries it is from or stands for,
 * and whether it only stands for its country ("China", "Chinese officials", "his Russian counterpart")
 * rather than naming a person or body: such a side is matched by any named participant from that country.
 */
interface Side {
  key?: string;
  countries: Set<string>;
  national: boolean;
}

/** One event mention with its article and resolved participants, before merging. */
interface Pending {
  article: StoryInput["article"];
  m: EventMention;
  actors: StoryParticipant[];
  targets: StoryParticipant[];
  timexAt: Map<number, Timex>;
  /** 0: named parties on both sides; 1: a side is missing, only national or described ("his Russian counterpart"). */
  vagueness: number;
}

export function mergeEvents(items: StoryInput[], index: EntityIndex, groups: SourceGroups): StoryEvent[] {
  const drafts: Draft[] = [];
  const pending: Pending[] = [];
  for (const { article, ann } of items) {
    const timexAt = new Map<number, Timex>(ann.timexes.map((t) => [t.start, t]));
    for (const m of ann.events) {
      const actors = m.actors.map((a) => participant(article.id, a, index));
      const targets = m.targets.map((a) => participant(article.id, a, index));
      if (!actors.some(named) && m.type !== "resolution-fails") continue; // "someone did something" tells an analyst nothing
      const sides = [...actors, ...targets].map(sideOf);
      const vague = targets.length === 0 || sides.some((x) => x.national || !x.key);
      pending.push({ article, m, actors, targets, timexAt, vagueness: vague ? 1 : 0 });
    }
  }
  // Mentions that name every party found the events; vaguer ones ("China met Bogdanov", "met his Russian
  // counterpart") then join the event they fit, whatever the order of the articles.
  pending.sort((a, b) => a.vagueness - b.vagueness);
  const isName = (w: string) => index.byName(w) !== undefined;
  for (const { article, m, actors, targets, timexAt } of pending) {
    const keys = new Set([...actors, ...targets].filter(named).map(keyOf));
    const actorKeys = new Set(actors.filter(named).map(keyOf));
    const actorSides = actors.map(sideOf);
    const targetSides = targets.map(sideOf);
    const { date, basis } = dateOf(m, timexAt, article.meta.published);
    const place = m.place ? participant(article.id, m.place, index).name : undefined;
    const ev: Evidence = evidenceOf(article, m.sentence);
    const terms = new Set(contentTerms(ev.text));
    // a date that is only the publication date does not tell one event from another
    const known = basis === FALLBACK_BASIS ? undefined : date;
    const candidates = drafts.filter(
      (d) =>
        (sameEvent(d, m, keys, actorKeys, known) || compatibleEvent(d, m, actorSides, targetSides, known)) &&
        (!SPEECH_LIKE.has(m.type) || containment(terms, d.terms) >= MIN_SPEECH_CONTAINMENT),
    );
    // A mention that fits several events ("Zhai met his counterpart" beside Zhai–Bogdanov and Zhai–Al Khulaifi)
    // joins the one with exactly its parties; one that names or describes all parties of several ("talked with
    // his Russian and Qatari counterparts") reports each of them; otherwise it joins none and adds no event:
    // a guess would count a source for the wrong event, and a new one would repeat one of them.
    const exact = candidates.filter((d) => d.keys.size === keys.size && [...keys].every((k) => d.keys.has(k)));
    const mentionSides = [...actorSides, ...targetSides];
    const covered = candidates.filter((d) => [...d.actorSides, ...d.targetSides].every((x) => mentionSides.some((y) => compatible(x, y))));
    const matches = candidates.length === 1 ? candidates : exact.length === 1 ? exact : covered.length > 0 ? covered : [];
    if (candidates.length > 1 && matches.length === 0) continue;
    const content = CONTENT_KINDS.has(m.type) ? contentOf(article.text, m, isName) : undefined;
    for (const match of matches) {
      const e = match.ev;
      if (!e.articleIds.includes(article.id)) e.articleIds.push(article.id);
      e.evidence.push(ev);
      for (const k of keys) match.keys.add(k);
      for (const k of actorKeys) match.actorKeys.add(k);
      addNew(e.actors, actors.filter(named));
      addNew(e.targets, targets.filter((t) => named(t) && !e.actors.some((a) => samePerson(a, t))));
      match.actorSides.push(...actorSides.filter((x) => x.key));
      match.targetSides.push(...targetSides.filter((x) => x.key));
      e.place = betterPlace(e.place, place);
      if (date && (!e.date || e.dateBasis === FALLBACK_BASIS)) [e.date, e.dateBasis] = [date, basis];
    }
    if (matches.length > 0) continue;
    drafts.push({
      keys,
      actorKeys,
      terms,
      actorSides,
      targetSides,
      verb: writtenVerb(m),
      content,
      ev: {
        id: "",
        type: m.type,
        cameo: m.cameo,
        label: "",
        actors: dedupe(actors.filter(named)),
        // what an appeal asks for is its content, not a party ("urged an immediate ceasefire")
        targets: dedupe(targets).filter((t) => !actors.some((a) => samePerson(a, t)) && !(m.type === "appeal" && isContent(t, content))),
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
  const events = drafts.map((d) => d.ev);
  for (const d of drafts) {
    const e = d.ev;
    e.evidence = capEvidence(e.evidence, MAX_EVENT_EVIDENCE);
    // An actor is never also its own target; a description ("his Russian counterpart") gives way to names.
    e.targets = e.targets.filter((t) => !e.actors.some((a) => samePerson(a, t)));
    if (e.targets.some((t) => t.entityId)) e.targets = e.targets.filter((t) => t.entityId || /^\p{Lu}/u.test(t.name));
    // A country standing for its envoy gives way to the envoy ("China met Bogdanov" + "Zhai Jun met Bogdanov").
    const all = [...e.actors, ...e.targets];
    const byPerson = (p: StoryParticipant) => {
      const x = sideOf(p);
      return x.national && all.some((q) => q !== p && !sideOf(q).national && [...x.countries].some((c) => sideOf(q).countries.has(c)));
    };
    if (e.actors.some((p) => !byPerson(p))) e.actors = e.actors.filter((p) => !byPerson(p));
    e.targets = e.targets.filter((p) => !byPerson(p));
    // travel and visits: the destination named as target is where it happened (not a region named elsewhere)
    if (e.type === "travel" || e.type === "visit") {
      const dest = e.targets.find((t) => asCountry(t.name));
      if (dest) e.place = betterPlace(dest.name, e.place);
    }
    e.independentSources = groups.count(e.articleIds);
    e.label = labelOf(e, d.verb, d.content);
  }
  events.sort((a, b) => weight(b) - weight(a) || (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.label.localeCompare(b.label));
  const kept = events.slice(0, MAX_STORY_EVENTS);
  kept.forEach((e, i) => (e.id = `ev${i + 1}`));
  return kept;
}

function participant(articleId: string, arg: EventArg, index: EntityIndex): StoryParticipant {
  // a description ("his Russian counterpart") is not a name to look up: it stays as written
  if (!arg.entityId && !/^\p{Lu}/u.test(arg.name ?? arg.text)) return { name: arg.name ?? arg.text };
  const se = arg.entityId ? index.byMention.get(`${articleId}:${arg.entityId}`) : index.byName(arg.name ?? arg.text);
  if (se) return { entityId: se.id, name: se.name, role: se.roles[0]?.text };
  return { name: arg.name ?? arg.text };
}

function dateOf(m: EventMention, timexAt: Map<number, Timex>, published?: string): { date?: string; basis?: string } {
  if (m.time) {
    const t = timexAt.get(m.time.timexStart);
    const value = m.date ?? m.time.value;
    if (/^\d{4}(-\d\d){0,2}$/.test(value)) return { date: value, basis: DATE_BASIS[t?.anchor ?? "absolute"] ?? DATE_BASIS.absolute };
    // a time phrase of its own that gives no calendar date ("the next day" with nothing to count
    // from): the event is left undated rather than given the publication date
    if (!m.date && /X/.test(value)) return {};
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

/** The side a participant stands for: a country ("China", "his Russian counterpart") or a named party with the countries of its role. */
function sideOf(p: StoryParticipant): Side {
  if (!named(p)) {
    const countries = new Set(countriesInText(p.name));
    return { countries, national: countries.size > 0 };
  }
  const key = keyOf(p);
  const own = isCountryName(p.name) ? asCountry(p.name) : undefined;
  if (own) return { key, countries: new Set([own]), national: true };
  return { key, countries: new Set(countriesInText(p.role ?? "")), national: false };
}

/** Two sides may be the same party: the same name, or a country (or unnamed national) and someone from that country. */
function compatible(a: Side, b: Side): boolean {
  if (a.key && a.key === b.key) return true;
  if (!a.national && !b.national) return false;
  return [...a.countries].some((c) => b.countries.has(c));
}

/** Every side of one list may be a party of the other (either way round). */
function coverEither(a: Side[], b: Side[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  return a.every((x) => b.some((y) => compatible(x, y))) || b.every((y) => a.some((x) => compatible(x, y)));
}

/**
 * A mention fits an event through its parties' countries: same kind and a compatible date, one named party
 * in common, and every other party of one side compatible with a party of the other ("China met Bogdanov"
 * and "Zhai Jun met Bogdanov", when Zhai's role makes him Chinese). Symmetric kinds compare all parties at once.
 */
function compatibleEvent(d: Draft, m: EventMention, actorSides: Side[], targetSides: Side[], date?: string): boolean {
  const e = d.ev;
  if (e.type !== m.type || e.negated !== m.negated || e.modality !== m.modality) return false;
  const a = e.date && e.dateBasis !== FALLBACK_BASIS ? e.date : undefined;
  if (a && date && a.slice(0, date.length) !== date.slice(0, a.length)) return false;
  const mine = [...actorSides, ...targetSides];
  const theirs = [...d.actorSides, ...d.targetSides];
  if (!mine.some((x) => x.key && theirs.some((y) => y.key === x.key))) return false;
  if (SYMMETRIC.has(m.type)) return coverEither(mine, theirs);
  const targetsFit = targetSides.length === 0 || d.targetSides.length === 0 || coverEither(targetSides, d.targetSides);
  return coverEither(actorSides, d.actorSides) && targetsFit;
}

/** The more specific of two places: a city over its country ("Doha" over "Qatar"), a known place over a region. */
function betterPlace(cur: string | undefined, next: string | undefined): string | undefined {
  if (!cur || !next || nameKey(cur) === nameKey(next)) return cur ?? next;
  const curCountry = asCountry(cur);
  const nextCountry = asCountry(next);
  if (!curCountry) return nextCountry ? next : cur;
  return isCountryName(cur) && nextCountry === curCountry && !isCountryName(next) ? next : cur;
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

/**
 * The addressee and content of an appeal, or the object of criticism, support or aid, from the words after
 * the mention's trigger; a headline's title-case phrase in sentence case ("an immediate ceasefire").
 */
function contentOf(text: string, m: EventMention, isName: (w: string) => boolean): EventContent | undefined {
  const c = eventContent(text, m.trigger, m.sentence.end);
  if (!c.content && !c.addressee) return undefined;
  return { addressee: c.addressee, content: c.content && sentenceCase(c.content, isName) };
}

/** A target that is only the content of an appeal or its object, written inside it (not an addressee). */
function isContent(t: StoryParticipant, c: EventContent | undefined): boolean {
  if (!c?.content || c.addressee) return false;
  const [content, name] = [c.content.toLowerCase(), t.name.toLowerCase()];
  return (content.includes(name) || name.startsWith(content)) && !isCountryName(t.name) && !t.entityId;
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

/** Planned contact is an expressed intent (CAMEO 036 "express intent to meet or negotiate"), not a scheduled meeting. */
const PLANNED_VERB: Record<string, string> = {
  meet: "expressed intent to meet or negotiate with",
  call: "expressed intent to meet or negotiate with",
};

/**
 * What an appeal for an act asks for ("called for aid to Palestine", "called for sanctions on"): an event
 * whose modality is "appeal" did not happen; someone asked for it.
 */
const APPEAL_NOUN: Record<string, string> = {
  meet: "a meeting with",
  call: "talks with",
  visit: "a visit to",
  travel: "a visit to",
  statement: "a statement",
  criticize: "criticism of",
  support: "support for",
  agree: "an agreement with",
  vote: "a vote on",
  attack: "action against",
  aid: "aid to",
  sanction: "sanctions on",
};

/**
 * Verb phrases for events whose parts leave no object: a label must read as a complete clause, so it says
 * what kind of act it was rather than end on a preposition or a transitive verb ("Wang Yi made an appeal",
 * not "Wang Yi called for"). Past and base forms.
 */
const NO_OBJECT_PAST: Record<string, string> = {
  appeal: "made an appeal",
  criticize: "voiced criticism",
  support: "expressed support",
  aid: "provided aid",
};
const NO_OBJECT_BASE: Record<string, string> = {
  appeal: "make an appeal",
  criticize: "voice criticism",
  support: "express support",
  aid: "provide aid",
};

/**
 * "Zhai Jun met Mikhail Bogdanov in Doha on 2023-10-19" (from the parts; never new claims). `written` is
 * the trigger as written when it is one past-tense verb; `content` what the founding mention's sentence
 * says after it: an appeal reads "called on X to Y" (X the addressee) or "called for Y" (Y its content).
 */
export function labelOf(e: StoryEvent, written?: string, content?: EventContent): string {
  const vetoed = e.type === "vote" && e.cameo.startsWith("12");
  // a description's article is lower case mid-sentence ("failed to pass a Russian-drafted resolution")
  let whom = names(e.targets).replace(/^(A|An|The) /, (w) => w.toLowerCase());
  let base = vetoed ? "block" : (BASE_VERB[e.type] ?? e.type);
  // with no one acted upon, the article's own verb says more than the kind's ("Israel retaliated", not "Israel attacked")
  let past = vetoed ? "blocked" : written && !whom ? written : (LABEL_VERB[e.type] ?? e.type);
  if (e.type === "appeal") {
    const addressee = whom || content?.addressee;
    if (addressee) {
      // "called on the international community to play its role": the target is whom the appeal addresses
      [past, base, whom] = ["called on", "call on", [addressee, content?.addressee ? content.content : undefined].filter(Boolean).join(" ")];
    } else if (content?.content) [past, base, whom] = ["called for", "call for", content.content];
  } else if (content?.content && CONTENT_KINDS.has(e.type) && (!whom || (e.targets.every((t) => isContent(t, content)) && content.content.length > whom.length))) {
    // no target, or only the head of the object ("all actions" of "all actions that harm civilians"): the whole object
    [past, base, whom] = [LABEL_VERB[e.type] ?? past, BASE_VERB[e.type] ?? base, content.content];
  }
  if (!whom && NO_OBJECT_PAST[e.type]) [past, base] = [NO_OBJECT_PAST[e.type], NO_OBJECT_BASE[e.type]];
  const who = names(e.actors) || "Someone";
  const planned = PLANNED_VERB[e.type] ?? `intends to ${base}`;
  const appealed = e.modality === "appeal" && e.type !== "appeal" && APPEAL_NOUN[e.type] ? `called for ${APPEAL_NOUN[e.type]}` : undefined;
  const verb =
    e.modality === "pending"
      ? `is yet to ${base}`
      : e.negated
        ? `${e.modality === "planned" ? "will not" : e.modality === "hypothetical" ? "may not" : "did not"} ${base}`
        : e.modality === "planned"
          ? planned
          : e.modality === "hypothetical"
            ? `may ${base}`
            : (appealed ?? past);
  // with no object, no verb phrase ends on its preposition ("travelled to", "held a phone call with")
  const parts = [`${who} ${whom ? verb : verb.replace(/ (with|to|for|on)$/, "")}`];
  if (whom) parts.push(whom);
  if (e.place && !whom.includes(e.place)) parts.push(`in ${e.place}`);
  if (e.date && e.dateBasis !== FALLBACK_BASIS) parts.push(`on ${e.date}`);
  return parts.join(" ").replace(/\s+/g, " ").trim();
}
