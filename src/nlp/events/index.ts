/**
 * Political event extraction: who did what to whom, where and when, one EventMention per act,
 * each with its sentence as evidence and a CAMEO code (cameo.ts).
 *
 * Per sentence: find triggers (lexicon.ts, triggers.ts), then for each trigger its actors
 * (subject entities before it), targets (entities after "with/to/on" or the direct object),
 * place ("in Doha") and date (the nearest DATE timex); decide negation and modality
 * (modality.ts); finally merge triggers of one sentence that describe the same act.
 *
 * Pure: plain data in, plain data out. Works with whatever entities and timexes the Doc has
 * (none is fine: events then carry descriptions but no entity ids).
 */
import type { Doc, EventArg, EventMention, Token } from "../../model.js";
import { tokenize } from "../tokenize.js";
import { betweenArgs, findPlace, infinitiveController, findSubject, findTime, isPassive, npArgs, npEnd, passiveAgent, uniqueArgs } from "./args.js";
import { CAMEO_INTENT_TO_MEET, CAMEO_MEET_THIRD_LOCATION } from "./cameo.js";
import { anchorRelativeDates } from "./dates.js";
import { homeCountries, placeCountry } from "./home.js";
import { RESOLUTION_NOUNS, TARGET_PREPS, type ContentRule } from "./lexicon.js";
import { modalityOf } from "./modality.js";
import { resolveNationals } from "./nationals.js";
import { notAnAct } from "./nonevents.js";
import { findTriggers, normOf, type TriggerMatch } from "./triggers.js";
import { buildView, type DocView } from "./view.js";

export { CAMEO_CODES, cameoInfo, cameoRoot, ploverType, DEFAULT_CAMEO } from "./cameo.js";

/** Tokens after the trigger searched for words that refine its CAMEO code ("called for a ceasefire"). */
export const CONTENT_WINDOW = 6;
/** Tokens between a relative pronoun and the resolution noun it follows ("resolution that called for"). */
const RELATIVE_ANTECEDENT_WINDOW = 2;
/** Event types whose participants are symmetric: with no subject, the first named party acts. */
const SYMMETRIC = new Set(["meet", "call"]);
/** Event types that may take a noun trigger's governing verb's object as target ("told X, in a meeting"). */
const CONTACT_TYPES = new Set(["meet", "call"]);
/** Prepositions that put a noun trigger in an adverbial phrase ("in a meeting", "during his visit"). */
const PP_MARKERS = new Set(["in", "during", "at", "after", "before", "on", "following", "amid"]);
/** Event types whose noun trigger in a prepositional phrase still has the clause subject as a party ("said during his visit"). */
const PARTICIPANT_TYPES = new Set(["meet", "call", "visit", "travel", "statement", "appeal", "agree"]);
/**
 * Prepositions that put an act in the background of the clause ("facing his biggest challenge since the
 * attacks", "protested against the strikes", "has been under siege"): the clause subject is not the act's doer.
 */
const CIRCUMSTANCE_PREPS = new Set(["since", "after", "before", "following", "amid", "despite", "during", "until", "against", "over", "about", "of", "from", "to", "under"]);
/** Tokens before a noun trigger searched for its preposition. */
const PP_LOOKBACK = 4;
/** Triggers at most this many characters apart may merge when one lacks actors. */
const MERGE_MAX_GAP_CHARS = 40;
/** Event types whose place may be named before the trigger ("In Qatar, Zhai said...", "landed in Qatar where he met"). */
const LOOK_BACK_FOR_PLACE = new Set(["meet", "call", "statement", "appeal", "support", "criticize", "agree"]);
/** Event types whose complement is content (what was said, asked, backed), not a venue: a place counts only right after the trigger or its target. */
const CONTENT_TYPES = new Set(["statement", "appeal", "support", "criticize", "agree"]);
/** Tokens after the trigger (or its target) within which a content event's place preposition must stand. */
const CONTENT_PLACE_GAP = 1;
/** Verb triggers that judge another act ("condemned the attack", "welcomed the talks"): their subject does not do the act judged. */
const OPINION_TYPES = new Set(["criticize", "support"]);
/** Event types that need a named or described actor: "announced", "declared", "warned" with no one doing it are not events. */
const NEEDS_ACTOR = new Set(["statement"]);
/** Actors that are the writer or the reader (comments, boilerplate: "you agree to the terms", "I support"), never news actors. */
const DISCOURSE_PERSON = /^(i|you|me|my|your|yourself)$/i;
/** Clause-opening words that make the rest of their clause hypothetical ("if the British had any role in supporting..."). */
const CONDITIONAL_OPENERS = new Set(["if", "unless", "whether"]);
/** Resolution-fails events name the body that voted; these words mark such a body. */
const VOTING_BODY = /\b(council|assembly|united nations|u\.n\.|un|parliament|senate|congress|house|knesset|duma)\b/i;

/**
 * Finds the political events in an annotated document. Uses `doc.sentences`/`doc.tokens`
 * (tokenizing `doc.text` when they are missing), `doc.entities` and `doc.timexes`.
 *
 * @example findEvents(doc).map((e) => [e.type, e.cameo, e.actors.map((a) => a.name)])
 */
export function findEvents(doc: Doc): EventMention[] {
  let { sentences, tokens } = doc;
  if (!sentences || !tokens) ({ sentences, tokens } = tokenize(doc.text));
  const view = buildView(doc, tokens);
  const timexes = doc.timexes ?? [];
  const out: EventMention[] = [];
  for (const s of sentences) {
    const found: EventMention[] = [];
    const triggers = findTriggers(tokens, s.tokenStart, s.tokenEnd);
    const opinionHeads = new Set(triggers.filter((t) => t.entry.pos === "verb" && OPINION_TYPES.has(t.entry.type)).map((t) => t.head));
    for (const m of triggers) {
      if (isDocumentContent(tokens, m, s.tokenStart)) continue;
      // a trigger word inside a name is part of the name ("Court of Appeals", "Operation Protective Edge")
      if (insideName(view, m) || discourseSubject(tokens, m.start, s.tokenStart) || nounModifier(tokens, m, s.tokenEnd) || hyphenCompound(tokens, m)) continue;
      const ev = buildEvent(view, m, s.tokenStart, s.tokenEnd, timexes, opinionHeads);
      if (!ev || !plausible(ev)) continue;
      if (ev.modality === "asserted" && (isQuestion(tokens, s.tokenEnd) || inConditional(tokens, m.start, s.tokenStart))) ev.modality = "hypothetical";
      found.push(ev);
    }
    const merged = mergeSameAct(found);
    anchorRelativeDates(doc.text, tokens, s.tokenStart, s.tokenEnd, timexes, merged);
    out.push(...merged);
  }
  out.forEach((e, i) => (e.id = `ev${i + 1}`));
  return out;
}

/** Whether the trigger's head word lies inside a multi-word named entity (other than a bare nationality). */
function insideName(view: DocView, m: TriggerMatch): boolean {
  const e = view.entityAt.get(m.head);
  if (!e || (e.mention ?? "name") !== "name") return false;
  const r = view.tokenRange.get(e.id);
  return !!r && r[1] > r[0];
}

/** Drops events whose participants show they are not news events: a statement by no one, or the writer or reader acting. */
function plausible(ev: EventMention): boolean {
  if (NEEDS_ACTOR.has(ev.type) && ev.actors.length === 0) return false;
  return !ev.actors.some((a) => DISCOURSE_PERSON.test(a.text.trim()));
}

/** Whether the word right before the trigger (auxiliaries, adverbs and "to" aside) is "I" or "you": the writer or reader acts. */
function discourseSubject(tokens: readonly Token[], start: number, from: number): boolean {
  let k = start - 1;
  while (k >= from && ["AUX", "ADV", "PART"].includes(tokens[k].pos)) k--;
  return k >= from && tokens[k].pos === "PRON" && DISCOURSE_PERSON.test(tokens[k].text);
}

/** A one-word noun trigger followed by a common noun modifies it ("veto power", "attack helicopters"): no act is reported. */
function nounModifier(tokens: readonly Token[], m: TriggerMatch, to: number): boolean {
  if (m.entry.pos !== "noun" || m.end - m.start !== 1 || m.end >= to) return false;
  const next = tokens[m.end];
  return next.pos === "NOUN" && /^[a-z]/.test(next.text);
}

/** A trigger word joined to the word before it by a hyphen is part of a compound modifier ("poverty-stricken", "Russian-backed"). */
function hyphenCompound(tokens: readonly Token[], m: TriggerMatch): boolean {
  const prev = tokens[m.start - 1];
  return !!prev && /^[-‐]$/.test(prev.text) && prev.end === tokens[m.start].start;
}

/** A sentence ending in a question mark asks about an event; it does not report one. */
function isQuestion(tokens: readonly Token[], to: number): boolean {
  for (let k = to - 1; k >= Math.max(0, to - 3); k--) {
    if (tokens[k].text === "?") return true;
    if (tokens[k].pos !== "PUNCT") return false;
  }
  return false;
}

/** Whether the trigger stands in an "if/unless/whether" clause (from the opener up to the trigger, no clause break). */
function inConditional(tokens: readonly Token[], start: number, from: number): boolean {
  for (let k = start - 1; k >= from; k--) {
    const n = normOf(tokens[k]);
    if (CONDITIONAL_OPENERS.has(n)) return true;
    if ([",", ";", ":", "—", "–"].includes(tokens[k].text) || n === "then") return false;
  }
  return false;
}

/** A trigger inside a relative clause on a resolution ("a resolution that called for a ceasefire") is its content, not an act. */
function isDocumentContent(tokens: readonly Token[], m: TriggerMatch, from: number): boolean {
  if (m.entry.type === "resolution-fails" || m.entry.type === "vote") return false;
  let k = m.start - 1;
  while (k >= from && tokens[k].pos === "ADV") k--;
  if (k < from || !["that", "which"].includes(normOf(tokens[k]))) return false;
  for (let j = k - 1; j >= Math.max(from, k - RELATIVE_ANTECEDENT_WINDOW); j--) if (RESOLUTION_NOUNS.has(normOf(tokens[j]))) return true;
  return false;
}

/** Builds one event for a trigger; undefined when the trigger turns out not to describe an act. */
function buildEvent(view: DocView, m: TriggerMatch, from: number, to: number, timexes: Doc["timexes"] & object, opinionHeads: ReadonlySet<number>): EventMention | undefined {
  const { tokens, doc } = view;
  const entry = m.entry;
  const isNoun = entry.pos === "noun";
  const headTok = tokens[m.head];
  const nonFinite = /ing$/.test(headTok.norm) || normOf(tokens[Math.max(from, m.start - 1)]) === "to";

  let actors: EventArg[] = [];
  let targets: EventArg[] = [];

  // --- targets after the trigger ---
  let k = m.end;
  // skip adverbs and a coordinated noun ("communication and coordination with Russia")
  for (;;) {
    if (k < to && tokens[k].pos === "ADV") k++;
    else if (k + 1 < to && tokens[k].pos === "CCONJ" && tokens[k + 1].pos === "NOUN" && !isNoun) k += 2;
    else break;
  }
  const preps = entry.targetPreps ?? TARGET_PREPS[entry.type];
  const firstAfter = k < to ? normOf(tokens[k]) : "";
  const passive = !isNoun && (isPassive(view, m.head, from) || reducedPassive(tokens, m, from, to, preps));
  let betweenFirst: EventArg[] = [];
  if (firstAfter === "between") {
    const b = betweenArgs(view, k + 1, npEnd(view, k + 1, to));
    betweenFirst = b.first;
    targets = b.rest;
  } else if (preps.includes(firstAfter)) {
    targets = npArgs(view, k + 1, npEnd(view, k + 1, to));
  } else if (entry.directObject && !passive && k < to && tokens[k].pos !== "ADP" && tokens[k].pos !== "PUNCT" && tokens[k].pos !== "SCONJ") {
    const objEnd = npEnd(view, k, to);
    const doc = resolutionIn(view, k, objEnd);
    targets = entry.type === "vote" && doc ? [doc] : npArgs(view, k, objEnd);
  }

  // --- actors: the subject of the trigger (or of the verb governing a noun trigger) ---
  const agent = isNoun ? passiveAgent(view, m.end, to) : [];
  if (agent.length > 0) {
    // "an attack by Osgiliath soldiers": the agent acts
    actors = agent;
  } else if (isNoun) {
    const gov = PARTICIPANT_TYPES.has(entry.type) || !circumstantial(tokens, m.start, from) ? governingVerb(view, m.start, from) : -1;
    // "China condemned the attack": the act judged is someone else's, its doer unknown here
    if (gov >= 0 && !opinionHeads.has(gov)) {
      actors = findSubject(view, gov, from, /ing$/.test(tokens[gov].norm));
      if (targets.length === 0 && betweenFirst.length === 0 && CONTACT_TYPES.has(entry.type) && inPrepPhrase(tokens, m.start, from)) {
        let o = gov + 1;
        while (o < to && tokens[o].pos === "ADV") o++;
        if (o < to && tokens[o].pos !== "ADP" && tokens[o].pos !== "PUNCT") targets = npArgs(view, o, npEnd(view, o, to), false);
      }
    } else if (!inPrepPhrase(tokens, m.start, from)) {
      actors = possessorOf(view, m.start, from);
    }
  } else if (passive) {
    actors = passiveAgent(view, m.end, to);
    targets = findSubject(view, m.head, from, false);
  } else {
    actors = infinitiveController(view, m.start, from) ?? findSubject(view, m.head, from, nonFinite);
  }
  if (betweenFirst.length > 0) {
    if (actors.length === 0) actors = betweenFirst;
    else targets = [...betweenFirst, ...targets];
  }
  if (entry.type === "resolution-fails") {
    targets = resolutionPhrase(view, m.start, from);
    actors = votingBody(view, from, to);
  }
  if (actors.length === 0 && SYMMETRIC.has(entry.type) && targets.length > 1) actors = [targets.shift()!];
  targets = uniqueArgs(targets.filter((t) => !actors.some((a) => sameArg(a, t))));
  // "Zhai Jun and Mikhail Bogdanov met": the same act as "Zhai met Bogdanov", so the first named acts and the others are met
  // ("Russia and Qatar are willing to enhance communications" plans talks with someone else: both stay actors)
  const { negated, modality } = modalityOf(tokens, m.start, m.head, from, entry.type === "appeal", isNoun);
  if (SYMMETRIC.has(entry.type) && targets.length === 0 && actors.length > 1 && modality === "asserted") [actors, targets] = [actors.slice(0, 1), actors.slice(1)];

  actors = resolveNationals(view, actors);
  targets = resolveNationals(view, targets);
  // "an attack on Monday", "lawmakers Tuesday endorsed": a date is when, not who or whom
  const isTime = (a: EventArg) => timexes.some((x) => x.start <= a.start && a.end <= x.end);
  actors = actors.filter((a) => !isTime(a));
  targets = targets.filter((t) => !isTime(t));
  if (notAnAct(tokens, m, from, to, actors)) return undefined;

  // --- place and time ---
  let afterLimit = to;
  if (CONTENT_TYPES.has(entry.type)) {
    const argEnd = Math.max(m.end, ...targets.filter((t) => t.start >= tokens[m.end - 1].end).map((t) => tokenAfter(tokens, t.end, m.end, to)));
    afterLimit = Math.min(to, argEnd + CONTENT_PLACE_GAP);
  }
  let place = findPlace(view, m.start, m.end, from, to, LOOK_BACK_FOR_PLACE.has(entry.type), afterLimit);
  if ((entry.type === "visit" || entry.type === "travel") && !place) {
    const loc = targets.find((t) => t.entityId && view.byId.get(t.entityId)?.type === "LOC");
    if (loc) place = loc;
  }
  const sentence = { start: tokens[from].start, end: tokens[to - 1].end };
  const timex = findTime(doc.text, timexes, sentence.start, sentence.end, tokens[m.start].start, tokens[m.end - 1].end);

  // --- modality and code ---
  let cameo = refineCode(tokens, m.start, m.end, to, entry.cameo, entry.refine);
  if (modality === "planned" && (entry.type === "meet" || entry.type === "call" || entry.type === "visit")) cameo = CAMEO_INTENT_TO_MEET;
  else if (entry.type === "meet" && cameo === "040" && place && isThirdLocation(view, actors, targets, place)) cameo = CAMEO_MEET_THIRD_LOCATION;

  const triggerStart = tokens[m.start].start;
  const triggerEnd = tokens[m.end - 1].end;
  const ev: EventMention = {
    id: "",
    type: entry.type,
    cameo,
    trigger: { start: triggerStart, end: triggerEnd, text: doc.text.slice(triggerStart, triggerEnd) },
    sentence,
    actors,
    targets,
    negated,
    modality,
  };
  if (place) ev.place = place;
  if (timex) {
    ev.time = { timexStart: timex.start, timexEnd: timex.end, value: timex.value };
    if (/^\d{4}-\d{2}-\d{2}/.test(timex.value)) ev.date = timex.value.slice(0, 10);
  }
  return ev;
}

/** Prepositions that, right after a transitive verb's participle, show its object is missing: a reduced passive ("officers accused of", "a man killed by"). */
const REDUCED_PASSIVE_PREPS = new Set(["of", "for", "by"]);

/**
 * A transitive trigger in "-ed" form followed straight by "of/for/by" after a noun ("three officers
 * accused of trying", "Russia blamed for the attack"): a passive without "be"; its subject is the target.
 */
function reducedPassive(tokens: readonly Token[], m: TriggerMatch, from: number, to: number, preps: readonly string[]): boolean {
  if (!m.entry.directObject || m.end >= to || !/ed$/.test(tokens[m.head].norm) || m.start - 1 < from) return false;
  const next = normOf(tokens[m.end]);
  if (!REDUCED_PASSIVE_PREPS.has(next) || preps.includes(next)) return false;
  return ["NOUN", "PROPN"].includes(tokens[m.start - 1].pos);
}

/** Index of the first token starting at or after character offset `end`, searched in [a, to). */
function tokenAfter(tokens: readonly Token[], end: number, a: number, to: number): number {
  for (let k = a; k < to; k++) if (tokens[k].start >= end) return k;
  return to;
}

/** Two arguments name the same participant (same entity, same name, or same span). */
function sameArg(a: EventArg, b: EventArg): boolean {
  if (a.entityId && b.entityId) return a.entityId === b.entityId;
  if (a.name && b.name) return a.name.toLowerCase() === b.name.toLowerCase();
  return a.start === b.start && a.end === b.end;
}

/** The verb a noun trigger hangs from: the nearest verb before it in the sentence (or -1). */
function governingVerb(view: DocView, start: number, from: number): number {
  for (let i = start - 1; i >= from; i--) {
    const t = view.tokens[i];
    if (t.pos === "VERB" && !view.entityAt.has(i) && !(i > 0 && view.tokens[i - 1].end === t.start && view.tokens[i - 1].text === "-")) return i;
    if (t.pos === "PUNCT" && [";", ":"].includes(t.text)) return -1;
  }
  return -1;
}

/** Whether the noun trigger sits in a prepositional phrase ("in a meeting", "during his visit"). */
function inPrepPhrase(tokens: readonly Token[], start: number, from: number): boolean {
  for (let i = start - 1; i >= Math.max(from, start - 4); i--) {
    const n = normOf(tokens[i]);
    if (PP_MARKERS.has(n) || tokens[i].pos === "ADP") return true;
    if (!["DET", "ADJ", "PRON", "PART", "NOUN", "PROPN"].includes(tokens[i].pos)) return false;
  }
  return false;
}

/** Whether the noun trigger heads a phrase after a circumstantial preposition ("since the 2001 attacks"). */
function circumstantial(tokens: readonly Token[], start: number, from: number): boolean {
  for (let i = start - 1; i >= Math.max(from, start - PP_LOOKBACK); i--) {
    const n = normOf(tokens[i]);
    if (CIRCUMSTANCE_PREPS.has(n) && (tokens[i].pos === "ADP" || tokens[i].pos === "SCONJ")) return true;
    if (!["DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON"].includes(tokens[i].pos)) return false;
  }
  return false;
}

/** "China's call for", "Putin's visit": the possessor of a noun trigger acts. */
function possessorOf(view: DocView, start: number, from: number): EventArg[] {
  for (let i = start - 1; i >= Math.max(from, start - 4); i--) {
    const n = normOf(view.tokens[i]);
    if (n === "'s" || n === "'") {
      const e = view.entityAt.get(i - 1);
      return e ? npArgs(view, view.tokenRange.get(e.id)![0], i, false) : [];
    }
    const e = view.entityAt.get(i);
    if (e && /['’]s$/.test(e.text)) return npArgs(view, view.tokenRange.get(e.id)![0], i + 1, false);
  }
  return [];
}

/** The noun phrase naming the failed resolution ("A Russian-drafted U.N. Security Council resolution"). */
function resolutionPhrase(view: DocView, trigger: number, from: number): EventArg[] {
  const tokens = view.tokens;
  let noun = -1;
  for (let i = trigger - 1; i >= from; i--) {
    if (RESOLUTION_NOUNS.has(normOf(tokens[i]))) {
      noun = i;
      break;
    }
  }
  if (noun < 0) return [];
  let a = noun;
  while (a - 1 >= from && (["DET", "ADJ", "PROPN", "NOUN", "NUM"].includes(tokens[a - 1].pos) || tokens[a - 1].text === "-" || (tokens[a - 1].pos === "VERB" && tokens[a - 2]?.text === "-") || (tokens[a - 1].pos === "VERB" && tokens[a].text === "-"))) a--;
  const start = tokens[a].start;
  const end = tokens[noun].end;
  return [{ start, end, text: view.doc.text.slice(start, end) }];
}

/** The phrase up to a resolution noun in tokens [a, b) ("the Security Council resolution"), if there is one. */
function resolutionIn(view: DocView, a: number, b: number): EventArg | undefined {
  for (let i = a; i < b; i++) {
    if (!RESOLUTION_NOUNS.has(normOf(view.tokens[i]))) continue;
    const start = view.tokens[a].start;
    const end = view.tokens[i].end;
    return { start, end, text: view.doc.text.slice(start, end) };
  }
  return undefined;
}

/** The voting body named in the sentence (Security Council, General Assembly, parliament...). */
function votingBody(view: DocView, from: number, to: number): EventArg[] {
  const seen = new Set<string>();
  for (let i = from; i < to; i++) {
    const e = view.entityAt.get(i);
    if (!e || seen.has(e.id)) continue;
    seen.add(e.id);
    if (e.type === "ORG" && VOTING_BODY.test(e.text)) return npArgs(view, view.tokenRange.get(e.id)![0], view.tokenRange.get(e.id)![1] + 1, false);
  }
  return [];
}

/** Picks a more specific CAMEO code from the words right after the trigger. */
function refineCode(tokens: readonly Token[], start: number, end: number, to: number, code: string, rules?: readonly ContentRule[]): string {
  if (!rules) return code;
  for (let i = start; i < Math.min(to, end + CONTENT_WINDOW); i++) {
    const n = normOf(tokens[i]);
    for (const r of rules) if (r.words.test(n)) return r.cameo;
  }
  return code;
}

/** A meeting is at a third location when the place's country is known and is neither side's home. */
function isThirdLocation(view: DocView, actors: EventArg[], targets: EventArg[], place: EventArg): boolean {
  const where = placeCountry(view, place);
  if (!where || actors.length === 0 || targets.length === 0) return false;
  const homes = [...actors, ...targets].map((a) => homeCountries(view, a));
  if (homes.some((h) => h.size === 0)) return false;
  return homes.every((h) => !h.has(where));
}

/**
 * Merges events of one sentence that describe the same act: same type, and actors that overlap
 * (or one side has none). The earlier trigger is kept; arguments, place and date are pooled.
 */
export function mergeSameAct(events: EventMention[]): EventMention[] {
  const out: EventMention[] = [];
  for (const ev of events) {
    const twin = out.find((o) => o.type === ev.type && o.negated === ev.negated && o.modality === ev.modality && sameParties(o, ev));
    if (!twin) {
      out.push(ev);
      continue;
    }
    twin.actors = uniqueArgs([...twin.actors, ...ev.actors]);
    twin.targets = uniqueArgs([...twin.targets, ...ev.targets].filter((t) => !twin.actors.some((a) => sameArg(a, t))));
    twin.place ??= ev.place;
    if (!twin.time && ev.time) {
      twin.time = ev.time;
      if (ev.date) twin.date = ev.date;
    }
    if (moreSpecific(ev.cameo, twin.cameo)) twin.cameo = ev.cameo;
  }
  return out;
}

function overlaps(a: EventArg[], b: EventArg[]): boolean {
  return a.some((x) => b.some((y) => sameArg(x, y)));
}

/**
 * Two events of one sentence have the same parties when their actors overlap, or, where one
 * lacks actors, when their targets overlap or their triggers are close ("in a meeting to exchange views").
 */
function sameParties(a: EventMention, b: EventMention): boolean {
  if (a.actors.length > 0 && b.actors.length > 0) return overlaps(a.actors, b.actors);
  if (overlaps(a.targets, b.targets)) return true;
  const gap = b.trigger.start >= a.trigger.end ? b.trigger.start - a.trigger.end : a.trigger.start - b.trigger.end;
  return gap <= MERGE_MAX_GAP_CHARS;
}

/** A code is more specific when it is longer or does not end in 0 where the other does (same root). */
function moreSpecific(a: string, b: string): boolean {
  if (a.slice(0, 2) !== b.slice(0, 2)) return false;
  if (a.length !== b.length) return a.length > b.length;
  return b.endsWith("0") && !a.endsWith("0");
}
