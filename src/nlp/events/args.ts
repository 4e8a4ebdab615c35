/**
 * Argument finding for one trigger: who acts (the subject entities before the verb, with
 * coordination), who is acted upon (entities after "with/to/on..." or the direct object),
 * where (a place after "in/at") and when (the nearest date in the sentence).
 *
 * Shallow heuristics over tokens and entity spans, no parser: an entity is a subject
 * candidate unless a preposition or a verb governs it, or it is a possessive modifier.
 */
import type { Entity, EventArg, Timex, Token } from "../../model.js";
import { countryOfDemonym, GROUP_NOUNS } from "./demonyms.js";
import { isCountryName } from "./home.js";
import { normOf } from "./triggers.js";
import { entityArg, entityNamed, isPossessive, spanArg, type DocView } from "./view.js";

/** How far (tokens) the object noun phrase after a trigger may run. */
export const MAX_NP_TOKENS = 25;
/** How far (tokens) after the trigger a place ("in Doha") is looked for. */
export const PLACE_WINDOW_AFTER = 32;
/** How far (tokens) before the trigger a place is looked for when none follows. */
export const PLACE_WINDOW_BEFORE = 25;
/** Longest description (tokens) kept as an unnamed subject ("Hamas gunmen", "the international community"). */
export const MAX_DESCRIPTION_TOKENS = 6;

/** Words that open a new clause: a subject search stops there. */
const CLAUSE_OPENERS = new Set(["that", "which", "who", "whom", "whose", "where", "when", "while", "because", "although", "though", "but", "if", "unless", "as", "after", "before", "since", "whereas"]);
/** Punctuation that ends a noun phrase. */
const NP_BREAK_PUNCT = new Set([",", ";", ":", ".", "(", ")", "—", "–", "!", "?", "[", "]"]);
/** Punctuation that ends a clause for the subject search. */
const CLAUSE_BREAK_PUNCT = new Set([";", ":", "(", ")", "—", "–"]);
/** POS of tokens that may sit inside a noun phrase before its head entity. */
const NP_INNER_POS = new Set(["DET", "ADJ", "NUM", "PROPN", "NOUN", "PART", "PRON", "X", "SYM"]);
/** Prepositions inside a title before a name ("Minister of State", "envoy for Middle East issues"). */
const TITLE_PREPS = new Set(["of", "for", "on", "at"]);
/** Verbs that introduce a reported clause without "that": the noun after them is a subject. */
const SPEECH_VERBS = new Set(["said", "says", "say", "added", "adds", "stated", "noted", "believes", "believed", "thinks", "stressed", "insisted", "argued", "warned", "claimed"]);
/** Head nouns of descriptions that can stand for an actor ("gunmen", "officials", "the international community"). */
const ACTOR_NOUN = /(men|women|officials?|ministers?|ministry|envoys?|presidents?|leaders?|spokes\w+|troops|forces|soldiers|police|government|council|community|side|sides|delegations?|militants|rebels|fighters|diplomats|negotiators|mediators|lawmakers|legislators|authorities|representatives|protesters|demonstrators|groups?)$/;
/** Title words that do not make a proper-noun run a participant's name ("Minister of State"). */
const TITLE_WORDS = new Set(["minister", "secretary", "president", "envoy", "state", "foreign", "deputy", "prime", "first", "special", "general", "ambassador", "chairman", "representative", "affairs", "vice", "king", "prince", "premier", "chancellor", "mr.", "mrs.", "ms.", "dr."]);
/** Articles: a noun phrase starts at its article. */
const ARTICLES = new Set(["a", "an", "the"]);
/** Words that may stand before an article inside one noun phrase ("all the", "both the"). */
const PREDETERMINERS = new Set(["all", "both", "half", "such", "what", "quite"]);
/** Subject pronouns worth resolving when the tagger left them unlinked. */
const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "we"]);
/** Forms of "be" that make a following participle passive. */
const BE_FORMS = new Set(["is", "are", "was", "were", "be", "been", "being", "'s", "got", "get", "gets"]);
/** Prepositions that introduce a place. */
const PLACE_PREPS = new Set(["in", "at", "inside"]);
/**
 * Words between a trigger and a timex (or place) that put it in another clause: clause openers,
 * a closing quotation mark, and reporting verbs ("...blocking the resolution,” said a spokesperson
 * on Thursday": Thursday dates the saying, not the blocking).
 */
const TIME_CLAUSE_BREAK = /;|”|\b(while|whereas|but|although|which|who|after|before|since|until|said|says|told|tells|added|adds|according)\b/i;
/** Reporting verbs that end the trigger's clause for the place search (the place then belongs to the report). */
const REPORT_VERBS = new Set(["said", "says", "told", "tells", "added", "adds", "according"]);
/** Timex values that date nothing in particular. */
const VAGUE_TIMEX = /_REF$/;

const isVerb = (view: DocView, i: number): boolean => {
  const t = view.tokens[i];
  if (t.pos !== "VERB") return false;
  // hyphenated compounds ("Russian-drafted") and verbs inside entity names are modifiers
  if (i > 0 && view.tokens[i - 1].end === t.start && /^[-‐]$/.test(view.tokens[i - 1].text)) return false;
  return !view.entityAt.has(i);
};

const isPunct = (t: Token, set: ReadonlySet<string>): boolean => t.pos === "PUNCT" && set.has(t.text);

/** Walks left from token `i` over the noun phrase that ends there; returns the index of the token before it. */
function npStartBefore(view: DocView, i: number, floor: number): number {
  let j = i;
  while (j >= floor) {
    const t = view.tokens[j];
    const inEntity = view.entityAt.has(j);
    // a reporting verb the tagger took for a noun or adjective ends the phrase ("Lyall Grant said negotiators")
    if (!inEntity && SPEECH_VERBS.has(t.norm)) break;
    if (inEntity || NP_INNER_POS.has(t.pos) || (t.pos === "PUNCT" && /^[-“”"'‘’]$/.test(t.text))) {
      if (t.pos === "PRON" && !/^(his|her|its|their|our|my)$/.test(t.norm) && !inEntity) break;
      j--;
      // an article opens its noun phrase: what stands before it is another phrase ("the same day | a US tank")
      if (!inEntity && ARTICLES.has(t.norm) && j >= floor && !PREDETERMINERS.has(view.tokens[j].norm)) break;
    } else break;
  }
  return j;
}

/** The entity that ends at token `i` (covers it), if any. */
function entityEndingAt(view: DocView, i: number): Entity | undefined {
  return view.entityAt.get(i);
}

/**
 * Whether entity `e` may be a subject: no preposition or verb governs its noun phrase, it is
 * not a possessive modifier, and if it is coordinated ("A and B") the first conjunct qualifies.
 */
function subjectEligible(view: DocView, e: Entity, floor: number, depth = 0): boolean {
  if (isPossessive(view, e)) return false;
  const r = view.tokenRange.get(e.id);
  if (!r) return false;
  let before = npStartBefore(view, r[0] - 1, floor);
  // a titled name: "U.S. Secretary of State Antony Blinken", "China's envoy for Middle East issues Zhai Jun"
  const titled = e.type === "PERSON" && r[0] - 1 >= floor && ["NOUN", "PROPN"].includes(view.tokens[r[0] - 1].pos) && !view.entityAt.has(r[0] - 1);
  while (titled && before >= floor && TITLE_PREPS.has(view.tokens[before].norm) && before > floor && NP_INNER_POS.has(view.tokens[before - 1].pos)) {
    before = npStartBefore(view, before - 1, floor);
  }
  if (before < floor) return true;
  const t = view.tokens[before];
  // "a day after Putin held talks": a clause-opening preposition introduces a subject
  if (CLAUSE_OPENERS.has(t.norm)) return true;
  // "Zhai said China was ready to...": a reported clause without "that"
  if (SPEECH_VERBS.has(t.norm)) return true;
  if (t.pos === "ADP" || isVerb(view, before)) return false;
  if (t.pos === "CCONJ" && depth < 6) {
    const prev = entityEndingAt(view, before - 1);
    if (prev && prev !== e) return subjectEligible(view, prev, floor, depth + 1);
  }
  return true;
}

/** Adds entities coordinated before `first` ("Bogdanov and Khulaifi"). */
function coordinatedBefore(view: DocView, first: Entity, floor: number): Entity[] {
  const out: Entity[] = [];
  let cur = first;
  let sawConjunction = false;
  for (let guard = 0; guard < 8; guard++) {
    const r = view.tokenRange.get(cur.id);
    if (!r) break;
    let k = r[0] - 1;
    if (k < floor) break;
    const t = view.tokens[k];
    if (t.pos === "CCONJ") sawConjunction = true;
    else if (!(t.text === "," && sawConjunction)) break;
    k--;
    if (k >= floor && view.tokens[k].text === "," && view.tokens[k + 1].pos === "CCONJ") k--;
    const prev = k >= floor ? entityEndingAt(view, k) : undefined;
    if (!prev || isPossessive(view, prev)) break;
    out.push(prev);
    cur = prev;
  }
  return out;
}

/** Dedupes arguments by resolved entity (or by span for unnamed ones), keeping text order. */
export function uniqueArgs(args: EventArg[]): EventArg[] {
  const seen = new Set<string>();
  const out: EventArg[] = [];
  for (const a of args.sort((x, y) => x.start - y.start)) {
    const key = a.entityId ?? a.name?.toLowerCase() ?? `${a.start}:${a.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/**
 * The subject of the verb at token `verb`: the nearest eligible entity before it in the clause,
 * plus entities coordinated with it. Non-finite verbs ("killing", "to meet", "after meeting")
 * look past the verbs before them to the main clause's subject.
 */
export function findSubject(view: DocView, verb: number, sentFrom: number, nonFinite: boolean): EventArg[] {
  const tokens = view.tokens;
  // "X emphasized ... and called on": a coordinated predicate shares the first one's subject
  const coordinated = verb - 1 >= sentFrom && tokens[verb - 1].pos === "CCONJ";
  // "Zhai Jun when talking", "Wang Yi, while condemning": the nearest name before the opener
  if (nonFinite) {
    const openers = ["when", "while", "after", "before", "upon"];
    let k = verb - 1;
    while (k >= sentFrom && tokens[k].pos === "ADV" && !openers.includes(tokens[k].norm)) k--;
    if (k >= sentFrom && openers.includes(tokens[k].norm)) {
      for (let j = k - 1; j >= Math.max(sentFrom, k - 3); j--) {
        const e = view.entityAt.get(j);
        if (e && !isPossessive(view, e)) return [entityArg(view, e)];
        if (tokens[j].pos !== "PUNCT" && tokens[j].pos !== "AUX" && tokens[j].pos !== "VERB") break;
      }
    }
  }
  nonFinite ||= coordinated;
  // a gerund right after its subject: "the U.S. blocking the resolution"
  if (nonFinite && /ing$/.test(tokens[verb].norm)) {
    let k = verb - 1;
    if (k >= sentFrom && (normOf(tokens[k]) === "'s" || normOf(tokens[k]) === "'")) k--;
    const e = k >= sentFrom ? view.entityAt.get(k) : undefined;
    if (e && (view.tokenRange.get(e.id)?.[1] ?? -1) === k) return [entityArg(view, e)];
  }
  for (let i = skipParenthetical(view, verb, sentFrom); i >= sentFrom; i--) {
    const t = tokens[i];
    if (isPunct(t, CLAUSE_BREAK_PUNCT)) break;
    if (CLAUSE_OPENERS.has(t.norm) && !view.entityAt.has(i)) {
      // "while condemning", "after meeting", "when talking": the clause opener belongs to our verb
      if (nonFinite && onlyAdverbsBetween(view, i, verb)) continue;
      break;
    }
    // a reporting verb ends the clause even when the tagger took it for an adjective ("Grant said negotiators would meet")
    if ((isVerb(view, i) || (SPEECH_VERBS.has(t.norm) && !view.entityAt.has(i))) && i !== verb) {
      if (!nonFinite) break;
      continue;
    }
    const e = view.entityAt.get(i);
    if (e) {
      const r = view.tokenRange.get(e.id)!;
      if (r[1] !== i && r[1] < verb) {
        i = r[0];
        continue;
      }
      if (subjectEligible(view, e, sentFrom)) {
        const modified = modifierSubject(view, e, r[1], verb);
        if (modified) return [modified];
        const group = [e, ...coordinatedBefore(view, e, sentFrom)];
        return uniqueArgs(group.map((g) => entityArg(view, g)));
      }
      i = r[0];
      continue;
    }
    if (SUBJECT_PRONOUNS.has(t.norm) && t.pos === "PRON") return [resolvePronoun(view, i)];
  }
  return describedSubject(view, verb, sentFrom);
}

/** Words that open a parenthetical clause set off by commas between a subject and its verb ("Wang Yi, while condemning ..., declared"). */
const PARENTHETICAL_OPENERS = new Set(["while", "who", "which", "when", "as", "after", "before", "despite", "although", "though", "whose"]);
/** Longest parenthetical (tokens) skipped between a subject and its verb. */
export const MAX_PARENTHETICAL_TOKENS = 30;

/**
 * Where the subject search for the verb at `verb` starts: right before it, or, when a comma-enclosed
 * parenthetical clause sits between the subject and the verb ("Wang Yi, while condemning attacks,
 * declared"; "Obama, who met Mubarak, said"), right before that clause's opening comma.
 */
function skipParenthetical(view: DocView, verb: number, sentFrom: number): number {
  const tokens = view.tokens;
  let k = verb - 1;
  while (k >= sentFrom && (tokens[k].pos === "ADV" || tokens[k].pos === "AUX")) k--;
  if (k < sentFrom || tokens[k].text !== ",") return verb - 1;
  for (let j = k - 1; j >= Math.max(sentFrom + 1, k - MAX_PARENTHETICAL_TOKENS); j--) {
    if (tokens[j].text === ",") {
      const opener = tokens[j + 1];
      const participle = opener.pos === "VERB" && /(ing|ed)$/.test(opener.norm);
      return PARENTHETICAL_OPENERS.has(opener.norm) || participle ? j - 1 : verb - 1;
    }
    if (isPunct(tokens[j], CLAUSE_BREAK_PUNCT)) break;
  }
  return verb - 1;
}

/**
 * A subject entity that only modifies the noun heading the subject ("Hezbollah opponents declared",
 * "Chinese Mideast envoy calls for"): the subject is the whole description; it is named after the
 * country when a nationality modifies a group noun ("Chinese foreign ministry" -> China). Undefined
 * when the entity itself heads the subject, or modifies a noun of its own members ("Hamas gunmen").
 */
function modifierSubject(view: DocView, e: Entity, last: number, verb: number): EventArg | undefined {
  const tokens = view.tokens;
  let head = last;
  for (let k = last + 1; k < verb; k++) {
    if (view.entityAt.has(k)) return undefined;
    const t = tokens[k];
    if (t.pos === "NOUN" || (t.pos === "ADJ" && /^[a-z]/.test(t.text)) || (t.pos === "PROPN" && !/['’]s$/.test(t.text))) head = k;
    else break;
  }
  if (head === last || tokens[head].pos !== "NOUN") return undefined;
  // the description must run up to the verb (auxiliaries and adverbs aside)
  for (let k = head + 1; k < verb; k++) if (!["AUX", "ADV", "PART"].includes(tokens[k].pos)) return undefined;
  const demonym = e.type === "MISC" || countryOfDemonym(e.text) !== undefined;
  if (!demonym && ACTOR_NOUN.test(tokens[head].norm)) return undefined;
  return describe(view, view.tokenRange.get(e.id)![0], head);
}

/** Whether only adverbs lie strictly between tokens a and b. */
function onlyAdverbsBetween(view: DocView, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (view.tokens[k].pos !== "ADV") return false;
  return true;
}

/** Plural pronouns: they never stand for one person's name. */
const PLURAL_PRONOUNS = new Set(["they", "we"]);

/** An unlinked pronoun: the latest PERSON name before it in the article (singular pronouns only), else the pronoun itself. */
function resolvePronoun(view: DocView, i: number): EventArg {
  const tok = view.tokens[i];
  let best: Entity | undefined;
  if (PLURAL_PRONOUNS.has(tok.norm)) return spanArg(view, i, i);
  for (const e of view.entities) {
    if (e.type !== "PERSON" || e.end > tok.start || (e.mention ?? "name") !== "name") continue;
    if (!best || e.start > best.start) best = e;
  }
  const arg = spanArg(view, i, i);
  if (best) {
    const full = entityArg(view, best);
    arg.entityId = full.entityId;
    arg.name = full.name;
  }
  return arg;
}

/** No entity subject: a nationality + group noun ("Chinese officials") or a short description before the verb. */
function describedSubject(view: DocView, verb: number, sentFrom: number): EventArg[] {
  let end = verb - 1;
  while (end >= sentFrom && (view.tokens[end].pos === "AUX" || view.tokens[end].pos === "ADV" || view.tokens[end].pos === "PART")) end--;
  if (end < sentFrom || view.tokens[end].pos !== "NOUN") return [];
  const before = npStartBefore(view, end, sentFrom);
  const start = before + 1;
  if (start > end || end - start + 1 > MAX_DESCRIPTION_TOKENS) return [];
  // only phrases that can act: "Hamas gunmen", "the Chinese foreign ministry", "a spokesperson"
  const named = view.tokens.slice(start, end).some((t) => t.pos === "PROPN" || countryOfDemonym(t.text));
  if (!named && !ACTOR_NOUN.test(view.tokens[end].norm)) return [];
  return [describe(view, start, end)];
}

/** A description argument for tokens [a, b], named after a country when it is "<nationality> <group noun>". */
export function describe(view: DocView, a: number, b: number): EventArg {
  for (let k = a; k < b; k++) {
    const country = countryOfDemonym(view.tokens[k].text);
    if (country && GROUP_NOUNS.has(view.tokens[b].norm)) {
      const linked = entityNamed(view, country);
      return spanArg(view, a, b, country, linked ? entityArg(view, linked).entityId : undefined);
    }
  }
  return spanArg(view, a, b);
}

/**
 * The end (exclusive) of the noun phrase starting at token `start`, stopping at verbs, clause
 * openers and punctuation. Prepositions end it once it has a head (a non-possessive entity or a
 * lower-case noun); before that they belong to a title ("Minister of State at the Ministry of
 * Foreign Affairs Mohammed Al Khulaifi"). "of" never ends it; a comma does unless a coordinated
 * name follows ("Mordor, Rohan and Bree").
 */
export function npEnd(view: DocView, start: number, sentTo: number): number {
  const tokens = view.tokens;
  let hasHead = false;
  const limit = Math.min(sentTo, start + MAX_NP_TOKENS);
  let i = start;
  while (i < limit) {
    const t = tokens[i];
    const e = view.entityAt.get(i);
    if (e) {
      const r = view.tokenRange.get(e.id)!;
      if (!isPossessive(view, e) && !(e.type === "MISC" && countryOfDemonym(e.text))) hasHead = true;
      i = Math.max(i + 1, r[1] + 1);
      continue;
    }
    if (t.pos === "PUNCT") {
      if (/^[“”"'‘’-]$/.test(t.text)) {
        i++;
        continue;
      }
      if (t.text === "," && i + 1 < limit) {
        const nxt = view.entityAt.get(i + 1) ?? (tokens[i + 1].pos === "CCONJ" ? view.entityAt.get(i + 2) : undefined);
        if (nxt && !isPossessive(view, nxt) && hasHead && listContinues(view, i + 1, limit)) {
          i++;
          continue;
        }
      }
      if (NP_BREAK_PUNCT.has(t.text) || t.pos === "PUNCT") break;
    }
    if (isVerb(view, i) || t.pos === "AUX" || t.pos === "SCONJ" || (CLAUSE_OPENERS.has(t.norm) && t.norm !== "as")) break;
    if (t.pos === "ADP" && t.norm !== "of") {
      if (hasHead) break;
    }
    if (t.pos === "NOUN" && /^[a-z]/.test(t.text)) hasHead = true;
    // without an entity layer, the last word of a proper-noun run that is not a title is a name
    const next = tokens[i + 1];
    if (t.pos === "PROPN" && !TITLE_WORDS.has(t.norm) && !(next && (next.pos === "PROPN" || normOf(next) === "'s" || normOf(next) === "'"))) hasHead = true;
    i++;
  }
  return i;
}

/** A comma list goes on when an "and"/"or" follows among the next few names ("A, B and C"). */
function listContinues(view: DocView, from: number, limit: number): boolean {
  for (let k = from; k < Math.min(limit, from + 12); k++) {
    const t = view.tokens[k];
    if (t.pos === "CCONJ") return true;
    if (!view.entityAt.has(k) && t.text !== ",") return false;
  }
  return false;
}

/**
 * The participants named in tokens [a, b): persons if any (titles and employers around them are
 * not participants), else the other non-possessive entities, else a nationality + group noun,
 * else a description of the phrase.
 */
export function npArgs(view: DocView, a: number, b: number, describeIfEmpty = true): EventArg[] {
  const seen = new Set<Entity>();
  const ents: Entity[] = [];
  for (let i = a; i < b; i++) {
    const e = view.entityAt.get(i);
    if (!e || seen.has(e)) continue;
    seen.add(e);
    if (isPossessive(view, e)) continue;
    if (e.type === "MISC" && countryOfDemonym(e.text)) continue;
    if (namesAThing(view, e, b)) continue;
    ents.push(e);
  }
  const persons = ents.filter((e) => e.type === "PERSON");
  const chosen = persons.length > 0 ? persons : ents;
  if (chosen.length > 0) return uniqueArgs(chosen.map((e) => entityArg(view, e)));
  if (!describeIfEmpty) return [];
  // trim to the phrase's words: drop leading punctuation, end at the last noun
  let s = a;
  while (s < b && view.tokens[s].pos === "PUNCT") s++;
  let e = b - 1;
  while (e >= s && !["NOUN", "PROPN", "NUM"].includes(view.tokens[e].pos)) e--;
  if (e < s) return [];
  return [describe(view, s, e)];
}

/**
 * Whether a place name only modifies the common noun after it, which is the participant ("shelled the
 * Palestine hotel", "met an Abu Dhabi state investment fund"). A noun for people of the name's own side keeps the
 * name as participant ("attacked Hamas fighters", "the U.S. military").
 */
function namesAThing(view: DocView, e: Entity, b: number): boolean {
  // an organisation or person before a noun usually stands for its own act or people ("NATO airstrikes", "BP executives")
  if (e.type !== "LOC") return false;
  const r = view.tokenRange.get(e.id);
  if (!r || r[1] + 1 >= b) return false;
  const next = view.tokens[r[1] + 1];
  if (view.entityAt.has(r[1] + 1) || next.pos !== "NOUN" || !/^[a-z]/.test(next.text)) return false;
  return !ACTOR_NOUN.test(next.norm) && !GROUP_NOUNS.has(next.norm);
}

/** Splits "between A and B" into its two sides' participants. */
export function betweenArgs(view: DocView, a: number, b: number): { first: EventArg[]; rest: EventArg[] } {
  for (let i = a; i < b; i++) {
    if (view.tokens[i].norm === "and" && !view.entityAt.has(i)) {
      return { first: npArgs(view, a, i), rest: npArgs(view, i + 1, b) };
    }
  }
  return { first: npArgs(view, a, b), rest: [] };
}

/** Whether the trigger at `head` is a passive participle ("was vetoed", "were killed"). */
export function isPassive(view: DocView, head: number, sentFrom: number): boolean {
  const t = view.tokens[head];
  if (!/(ed|en|met|held|shot|struck|hit|sent|made|left)$/.test(t.norm)) return false;
  for (let k = head - 1; k >= sentFrom && k >= head - 3; k--) {
    const n = normOf(view.tokens[k]);
    if (BE_FORMS.has(n)) return n !== "'s" || view.tokens[k].pos === "AUX";
    if (view.tokens[k].pos !== "ADV" && n !== "not" && n !== "n't") return false;
  }
  return false;
}

/** The agent of a passive ("by the United States") after token `from`, if any. */
export function passiveAgent(view: DocView, from: number, sentTo: number): EventArg[] {
  for (let k = from; k < Math.min(sentTo, from + 4); k++) {
    if (view.tokens[k].norm === "by") return npArgs(view, k + 1, npEnd(view, k + 1, sentTo), false);
    if (view.tokens[k].pos !== "ADV") break;
  }
  return [];
}

/** First LOC entity right after a place preposition in [from, to) (a few modifiers may intervene). */
function placeIn(view: DocView, from: number, to: number, step: 1 | -1): EventArg | undefined {
  const idx: number[] = [];
  if (step === 1) for (let i = from; i < to; i++) idx.push(i);
  else for (let i = to - 1; i >= from; i--) idx.push(i);
  for (const i of idx) {
    if (!PLACE_PREPS.has(view.tokens[i].norm) || view.tokens[i].pos !== "ADP") continue;
    for (let k = i + 1; k < Math.min(to, i + 4); k++) {
      const e = view.entityAt.get(k);
      if (e) {
        // "disappointment at the U.S.": "at" a whole country is a target of feeling, not a venue
        if (e.type === "LOC" && !isPossessive(view, e) && !(view.tokens[i].norm === "at" && isCountryName(e.text))) return entityArg(view, e);
        break;
      }
      if (!["DET", "ADJ"].includes(view.tokens[k].pos)) break;
    }
  }
  return undefined;
}

/** Clause openers that end the look-back for a place: the place before them belongs to another clause ("in Doha, a day after Putin held talks"). */
const PLACE_BACK_BREAKS = new Set(["after", "before", "while", "whereas", "since", "until", "but", "although", "though", "because", "who", "which", "when"]);

/**
 * Where the event took place: a LOC after "in/at" following the trigger in its own clause, else
 * the nearest one before it in its own clause. `afterLimit` (a token index) bounds the search
 * after the trigger: a statement's or appeal's content is not its venue ("expressed sadness over
 * the situation in Palestine"), so there only a place right after the trigger or its target counts.
 */
export function findPlace(view: DocView, triggerStart: number, triggerEnd: number, sentFrom: number, sentTo: number, lookBack = true, afterLimit = sentTo): EventArg | undefined {
  let stop = Math.min(sentTo, afterLimit, triggerEnd + PLACE_WINDOW_AFTER);
  for (let k = triggerEnd; k < stop; k++) {
    const t = view.tokens[k];
    if (isPunct(t, CLAUSE_BREAK_PUNCT) || t.text === "”" || (["that", "which", "who", "where", "while", "whereas", "but"].includes(t.norm) && !view.entityAt.has(k)) || REPORT_VERBS.has(t.norm)) {
      stop = k;
      break;
    }
  }
  const after = placeIn(view, triggerEnd, stop, 1);
  if (after || !lookBack) return after;
  let from = Math.max(sentFrom, triggerStart - PLACE_WINDOW_BEFORE);
  for (let k = triggerStart - 1; k >= from; k--) {
    const t = view.tokens[k];
    const opener = PLACE_BACK_BREAKS.has(t.norm) && !view.entityAt.has(k) && !(t.norm === "after" && /ing$/.test(view.tokens[k + 1]?.norm ?? ""));
    if (isPunct(t, CLAUSE_BREAK_PUNCT) || t.text === "“" || t.text === "”" || REPORT_VERBS.has(t.norm) || opener) {
      from = k + 1;
      break;
    }
  }
  return placeIn(view, from, triggerStart, -1);
}

/** The timex that dates the event: the DATE/TIME expression in the sentence nearest the trigger. */
export function findTime(text: string, timexes: readonly Timex[], sentStart: number, sentEnd: number, trigStart: number, trigEnd: number): Timex | undefined {
  let best: Timex | undefined;
  let bestDist = Infinity;
  for (const x of timexes) {
    if (x.start < sentStart || x.end > sentEnd) continue;
    // a date in another clause dates another event ("..., while ... within the borders of 1967")
    const between = x.start >= trigEnd ? text.slice(trigEnd, x.start) : text.slice(x.end, trigStart);
    if (TIME_CLAUSE_BREAK.test(between)) continue;
    if (x.type !== "DATE" && x.type !== "TIME") continue;
    if (VAGUE_TIMEX.test(x.value)) continue;
    const dist = x.start >= trigEnd ? x.start - trigEnd : x.end <= trigStart ? trigStart - x.end : 0;
    if (dist < bestDist) {
      best = x;
      bestDist = dist;
    }
  }
  return best;
}

/** Longest object noun phrase (tokens) between a verb and "to" taken as the doer of the infinitive ("urged the council to vote"). */
export const MAX_CONTROLLER_TOKENS = 8;
/** Nouns of intent whose possessor does what the infinitive says ("China's commitment to maintaining talks"). */
const INTENT_NOUNS = new Set(["commitment", "readiness", "willingness", "intention", "intent", "determination", "pledge", "bid", "plan", "plans", "decision", "promise", "offer"]);
/** Verbs whose subject, not their object, does the infinitive ("promised Israel to"). */
const SUBJECT_CONTROL = new Set(["promise", "promised", "promises", "vowed", "pledged"]);

/**
 * The doer of an infinitive trigger that is not the clause subject: the object of the verb before
 * "to" ("persuaded many voters to support", "urged Israel to take", object control) or the possessor
 * of a noun of intent ("China's commitment to maintaining communication"). Undefined when the
 * infinitive is not preceded by such a phrase (the clause subject then acts), or when the object is
 * not something that can act ("used the occasion to call for": the subject acts).
 */
export function infinitiveController(view: DocView, start: number, sentFrom: number): EventArg[] | undefined {
  const tokens = view.tokens;
  let k = start - 1;
  while (k >= sentFrom && tokens[k].pos === "ADV") k--;
  if (k - 1 < sentFrom || normOf(tokens[k]) !== "to") return undefined;
  const head = k - 1;
  let s = head;
  while (s >= sentFrom && head - s < MAX_CONTROLLER_TOKENS) {
    const t = tokens[s];
    if (view.entityAt.has(s) || ["DET", "ADJ", "NUM", "PROPN", "NOUN"].includes(t.pos) || (t.pos === "PRON" && /^(his|her|its|their|our)$/.test(t.norm)) || normOf(t) === "'s") s--;
    else break;
  }
  s++;
  if (s > head) return undefined;
  if (tokens[head].pos === "NOUN" && INTENT_NOUNS.has(tokens[head].norm)) {
    for (let i = head - 1; i >= s; i--) {
      const e = view.entityAt.get(i);
      if (e && isPossessive(view, e)) return [entityArg(view, e)];
    }
    return undefined;
  }
  const v = s - 1;
  if (v < sentFrom || !isVerb(view, v) || SUBJECT_CONTROL.has(tokens[v].norm) || SPEECH_VERBS.has(tokens[v].norm)) return undefined;
  const named = npArgs(view, s, head + 1, false);
  if (named.length > 0) return named;
  if (ACTOR_NOUN.test(tokens[head].norm) || GROUP_NOUNS.has(tokens[head].norm)) return [describe(view, s, head)];
  return undefined;
}
