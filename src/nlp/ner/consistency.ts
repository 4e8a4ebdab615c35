/**
 * Document-level consistency ("one sense per discourse") for entity mentions:
 *
 * - a single-word mention that is the first or last word of a multi-word PERSON elsewhere in
 *   the document is a PERSON ("Zhai Jun ... Zhai told"), whatever the model said, unless it is a
 *   LOC found in a place list or read as a place where it stands ("in Washington", "Washington,
 *   D.C." in an article that also names George Washington);
 * - a name tagged with different types in one document takes its majority type when that
 *   type has at least MAJORITY_RATIO times the votes of any other ("Qatar" LOC x6, ORG x1).
 */
import { isLegalForm } from "./companies.js";
import type { EntityType } from "../../model.js";

/** A mention's text and type, as needed here. */
export interface TypedMention {
  text: string;
  type: EntityType;
  /** The mention reads as a place where it stands ("to Washington", "Washington, D.C."): see {@link hasPlaceContext}. */
  placeContext?: boolean;
}

/** Words before a place ("in Jackson", "from Washington"; not "to", which also goes before people: "instructions to Belgrano"). */
export const LOCATIVES: ReadonlySet<string> = new Set(["in", "from", "at", "near", "into", "across", "outside", "inside", "around"]);
/** Verbs of going that make "to" locative ("return to Washington", "flew to Paris"), by their forms. */
const MOTION_VERBS = new Set(
  "go goes going went gone come comes coming came return returns returning returned travel travels travelling traveling travelled traveled fly flies flying flew flown head heads heading headed move moves moving moved drive drives driving drove driven sail sails sailing sailed".split(" "),
);
/** A possessive after a name ("in Belgrano's encampment": the person's). */
const POSSESSIVE = /^['’]s$/;

/**
 * Whether a one-word name reads as a place where it stands: a locative preposition before it, or "to" after a verb
 * of going ("returned to Washington"), with no possessive after it; or a comma and a region or country after it
 * ("Washington, D.C.", "Jackson, Miss."). `before` holds the words before the name, nearest last. `isPlaceWord` says which words are listed
 * places (the name itself) and regions or countries (the word after the comma).
 */
export function hasPlaceContext(before: readonly string[], after: readonly string[], isPlaceWord: (w: string) => boolean): boolean {
  const [prev, prev2] = [before[before.length - 1]?.toLowerCase(), before[before.length - 2]?.toLowerCase()];
  const locative = (prev !== undefined && LOCATIVES.has(prev)) || (prev === "to" && prev2 !== undefined && MOTION_VERBS.has(prev2));
  if (locative) return !POSSESSIVE.test(after[0] ?? "");
  return after[0] === "," && after[1] !== undefined && isPlaceWord(after[1]);
}

/** Votes the majority type needs over the runner-up to overrule the model. */
const MAJORITY_RATIO = 2;

/**
 * Returns the (possibly corrected) type of each mention, in order. `isPlace` names the words
 * that keep their own type even when a person's name contains them ("England" in "Heather England"),
 * `isNationality` the MISC words that do ("Republican" of a mis-tagged "Republican Ron Paul"). `authority` holds the
 * types a rule set from strong local evidence ("Creighton" a team after "Creighton defeats Drake 65-53"): the same
 * words elsewhere take them, unless they are part of a person's full name.
 */
export function consistentTypes(
  mentions: readonly TypedMention[],
  isPlace: (word: string) => boolean = () => false,
  isNationality: (word: string) => boolean = () => false,
  authority: ReadonlyMap<string, EntityType> = new Map(),
): EntityType[] {
  const personParts = new Set<string>();
  for (const m of mentions) {
    if (m.type !== "PERSON") continue;
    const parts = m.text.split(/\s+/);
    if (parts.length < 2) continue;
    personParts.add(parts[0]);
    personParts.add(parts[parts.length - 1]);
  }
  // "Novartis AG" names the company "Novartis": its bare mentions are that organisation.
  const companyNames = new Set<string>();
  for (const m of mentions) {
    const parts = m.text.split(/\s+/);
    if (m.type === "ORG" && parts.length >= 2 && isLegalForm(parts[parts.length - 1])) companyNames.add(parts.slice(0, -1).join(" ").replace(/\s*&$/, ""));
  }
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    const v = votes.get(m.text) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    votes.set(m.text, v);
  }
  return mentions.map((m) => {
    if (!/\s/.test(m.text) && personParts.has(m.text) && !(m.type === "LOC" && (isPlace(m.text) || m.placeContext)) && !(m.type === "MISC" && isNationality(m.text))) return "PERSON";
    const said = authority.get(m.text);
    if (said) return said;
    if (companyNames.has(m.text)) return "ORG";
    const v = [...(votes.get(m.text) ?? [])].sort((a, b) => b[1] - a[1]);
    if (v.length > 1 && v[0][1] >= MAJORITY_RATIO * v[1][1]) return v[0][0];
    return m.type;
  });
}

/**
 * Which mentions are places the tagger took for people: a one-word PERSON that `isPlaceName` holds for (a listed place
 * that is no given name: "Bonn 's Finance Ministry") and that no multi-word PERSON of the document begins or ends with
 * ("Irving Berlin ... Berlin said" stays a person).
 */
export function placesTakenForPersons(mentions: readonly TypedMention[], isPlaceName: (word: string) => boolean): boolean[] {
  const personParts = new Set<string>();
  for (const m of mentions) {
    const parts = m.text.split(/\s+/);
    if (m.type === "PERSON" && parts.length > 1) personParts.add(parts[0]).add(parts[parts.length - 1]);
  }
  return mentions.map((m) => m.type === "PERSON" && !/\s/.test(m.text) && !personParts.has(m.text) && isPlaceName(m.text));
}

/** A one-word person must be named at least this often for a two-word place ending or opening with it to be that person. */
const MIN_PERSON_PART_MENTIONS = 2;

/**
 * Which mentions are people the tagger took for places: a two-word LOC that opens or ends with a one-word PERSON the
 * document names at least {@link MIN_PERSON_PART_MENTIONS} times ("Zhai Jun" LOC after "... on the Middle East issue",
 * with "Zhai" a person five times), unless it or one of its words is a listed place (`isPlaceName`) or its other word
 * is a common word (`isCommon`: "Capitol Hill" where "E.D. Hill" is a person).
 */
export function personsTakenForPlaces(
  mentions: readonly TypedMention[],
  types: readonly EntityType[],
  isPlaceName: (name: string) => boolean,
  isCommon: (word: string) => boolean = () => false,
): boolean[] {
  const persons = new Map<string, number>();
  mentions.forEach((m, i) => {
    if (types[i] === "PERSON" && !/\s/.test(m.text)) persons.set(m.text, (persons.get(m.text) ?? 0) + 1);
  });
  return mentions.map((m, i) => {
    const parts = m.text.split(/\s+/);
    if (types[i] !== "LOC" || parts.length !== 2 || isPlaceName(m.text) || parts.some(isPlaceName)) return false;
    // The other word is a name too, no common word ("Capitol Hill", "Reagan Library", "Union Jack" stay).
    return parts.some((p, k) => (persons.get(p) ?? 0) >= MIN_PERSON_PART_MENTIONS && !isCommon(parts[1 - k]));
  });
}

/** Name suffixes after a surname ("Joseph Comeaux Jr."): the surname is the word before them. */
const NAME_SUFFIXES: ReadonlySet<string> = new Set(["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"]);

/**
 * Which mentions are people the tagger took for organisations: a one-word ORG that opens or ends (before a suffix,
 * "Jr.") a multi-word PERSON of the document ("Arcade Joseph Comeaux Jr." ... "Comeaux" ORG), unless an organisation
 * list knows it (`isListedOrg`: "Ford", "Bloomberg") or a multi-word ORG of the document holds it ("Trump
 * Organization" ... "Trump" stays).
 */
export function personsTakenForOrgs(mentions: readonly TypedMention[], types: readonly EntityType[], isListedOrg: (word: string) => boolean): boolean[] {
  const personParts = new Set<string>();
  const orgWords = new Set<string>();
  mentions.forEach((m, i) => {
    const parts = m.text.split(/\s+/);
    if (parts.length < 2) return;
    if (types[i] === "ORG") for (const p of parts) orgWords.add(p);
    if (types[i] !== "PERSON") return;
    let last = parts.length - 1;
    while (last > 0 && NAME_SUFFIXES.has(parts[last])) last--;
    if (last > 0) personParts.add(parts[0]).add(parts[last]);
  });
  return mentions.map((m, i) => types[i] === "ORG" && personParts.has(m.text) && !orgWords.has(m.text) && /^\p{Lu}\p{Ll}+$/u.test(m.text) && !isListedOrg(m.text));
}

/** Shortest name part that {@link personPartMentions} looks for (shorter parts are too often other words). */
const MIN_PART_CHARS = 3;

/**
 * The recall half of "one sense per discourse": once a document names a person in full ("Zhai Jun"),
 * a later bare use of the surname or first name ("… ,” Zhai said.") is that person even where the
 * model, reading the sentence alone, missed it. Returns the uncovered tokens (indices) that are such
 * a part: capitalised, standing alone (no capitalised neighbour, which would make it part of another
 * name), not a calendar word or a place from `isPlace`, and never before the first full mention.
 */
export function personPartMentions(
  words: readonly string[],
  covered: (i: number) => boolean,
  persons: readonly { start: number; end: number }[],
  isBlocked: (word: string) => boolean = () => false,
): number[] {
  const firstSeen = new Map<string, number>();
  for (const p of persons) {
    if (p.end - p.start < 2) continue;
    for (const i of [p.start, p.end - 1]) {
      const w = words[i];
      if (w.length < MIN_PART_CHARS || !/^\p{Lu}\p{Ll}+$/u.test(w) || isBlocked(w)) continue;
      firstSeen.set(w, Math.min(firstSeen.get(w) ?? Infinity, p.end));
    }
  }
  if (!firstSeen.size) return [];
  const capitalised = (i: number) => i >= 0 && i < words.length && /^\p{Lu}/u.test(words[i]);
  const out: number[] = [];
  words.forEach((w, i) => {
    const after = firstSeen.get(w);
    if (after === undefined || i < after || covered(i)) return;
    if (capitalised(i + 1) || (capitalised(i - 1) && !/^[.!?"“”'‘’]$/.test(words[i - 1]))) return;
    out.push(i);
  });
  return out;
}

/**
 * A span "A and B" whose two sides are each one word that begins or ends a multi-word PERSON
 * elsewhere in the document is two people ("Bogdanov and Khulaifi" after "Mikhail Bogdanov" and
 * "... Saleh Al Khulaifi"), whatever type the model gave the whole. Returns the replacement spans
 * per input span (the span itself when nothing applies); spans are token ranges into `words`.
 */
export function splitPersonPairs<T extends { start: number; end: number; type: EntityType }>(words: readonly string[], spans: readonly T[]): T[] {
  const parts = new Set<string>();
  for (const s of spans) {
    if (s.type !== "PERSON" || s.end - s.start < 2) continue;
    parts.add(words[s.start]);
    parts.add(words[s.end - 1]);
  }
  const out: T[] = [];
  for (const s of spans) {
    const and = s.start + 1;
    if (s.end - s.start === 3 && /^(and|&)$/i.test(words[and]) && parts.has(words[s.start]) && parts.has(words[s.end - 1]) && /^\p{Lu}/u.test(words[s.start])) {
      out.push({ ...s, end: s.start + 1, type: "PERSON" }, { ...s, start: s.end - 1, type: "PERSON" });
    } else out.push(s);
  }
  return out;
}

/** Fewest tagged mentions of a name (with one type) before its untagged repeats are tagged too. */
const MIN_REPEAT_VOTES = 2;
/** The shape of a one-word name whose repeats are tagged: a capital, then lower-case letters only. */
const ONE_WORD_NAME = /^\p{Lu}\p{Ll}+$/u;
/** Longest name (in tokens) whose untagged repeats are looked for. */
const MAX_REPEAT_TOKENS = 6;

/** What {@link repeatedMentions} needs to know about words beyond their text. */
export interface RepeatOptions {
  /** A one-word name that is too weak to repeat (a common word, a calendar word). */
  isWeak?: (word: string) => boolean;
  /** Token i opens a sentence (its capital says nothing). */
  isSentenceStart?: (i: number) => boolean;
  /** Tokens [start, end) are glued to a neighbour by a hyphen ("London-based"): part of a compound word. */
  isGlued?: (start: number, end: number) => boolean;
}

/**
 * The recall half of "one sense per discourse" for every name: a name the tagger found somewhere
 * in a document ("Bowling Green" ORG) is the same name where it recurs untagged. Returns the
 * uncovered token runs that repeat a name tagged at least MIN_REPEAT_VOTES times, word for word,
 * with that name's type (the majority type of its mentions; a tie is left alone). A repeat must
 * start with a capital letter, be no part of a longer capitalised run (a capitalised word right
 * before or after it, other than a sentence-opening one, would make it part of another name) or
 * of a hyphenated compound (`isGlued`); a one-word name must be a plain capitalised word
 * (ONE_WORD_NAME) for which `isWeak` (a common word, a calendar word) does not hold.
 */
export function repeatedMentions(
  words: readonly string[],
  covered: (i: number) => boolean,
  mentions: readonly { start: number; end: number; type: EntityType }[],
  opts: RepeatOptions = {},
): { start: number; end: number; type: EntityType }[] {
  const isWeak = opts.isWeak ?? (() => false);
  const isSentenceStart = opts.isSentenceStart ?? (() => false);
  const isGlued = opts.isGlued ?? (() => false);
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    if (m.end - m.start > MAX_REPEAT_TOKENS || !/^\p{Lu}/u.test(words[m.start])) continue;
    // A one-word name must be a plain capitalised word: no acronym or capitals-line word ("ET",
    // "BLITZER"), no contraction ("I'm").
    if (m.end - m.start === 1 && (!ONE_WORD_NAME.test(words[m.start]) || isWeak(words[m.start]))) continue;
    const key = words.slice(m.start, m.end).join(" ");
    const v = votes.get(key) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    votes.set(key, v);
  }
  const typeOf = new Map<string, EntityType>();
  const byFirst = new Map<string, number[]>();
  for (const [key, v] of votes) {
    const sorted = [...v].sort((a, b) => b[1] - a[1]);
    if (sorted[0][1] < MIN_REPEAT_VOTES || (sorted.length > 1 && sorted[1][1] === sorted[0][1])) continue;
    typeOf.set(key, sorted[0][0]);
    const parts = key.split(" ");
    const l = byFirst.get(parts[0]) ?? [];
    l.push(parts.length);
    byFirst.set(parts[0], l);
  }
  if (!typeOf.size) return [];
  const cap = (i: number): boolean => i >= 0 && i < words.length && /^\p{Lu}/u.test(words[i]);
  const out: { start: number; end: number; type: EntityType }[] = [];
  for (let i = 0; i < words.length; i++) {
    const lens = byFirst.get(words[i]);
    if (!lens || covered(i)) continue;
    // Longest listed name first.
    for (const n of [...lens].sort((a, b) => b - a)) {
      const end = i + n;
      if (end > words.length) continue;
      const key = words.slice(i, end).join(" ");
      const type = typeOf.get(key);
      if (!type) continue;
      let free = true;
      for (let k = i; k < end; k++) if (covered(k)) free = false;
      if (!free || cap(end) || isGlued(i, end) || (cap(i - 1) && !isSentenceStart(i - 1) && !/^[.!?"“”'‘’(]$/.test(words[i - 1]))) continue;
      out.push({ start: i, end, type });
      i = end - 1;
      break;
    }
  }
  return out;
}

/** Longest name (in tokens) {@link headlineMentions} matches. */
const MAX_HEADLINE_NAME_TOKENS = 6;
/** Shortest one-word name (in characters) a headline takes from the running text. */
const MIN_HEADLINE_WORD_CHARS = 3;

/** What {@link headlineMentions} needs to know about words. */
export interface HeadlineWords {
  /** A common, function or calendar word: no one-word name, and no opener of a name at a sentence's start. */
  isWeak: (word: string) => boolean;
  /** A listed given name: a full name opening with one gives its surname to the headlines. */
  isGivenName: (word: string) => boolean;
  /** A nationality word ("American"): no one-word name to look for (the tagger's own reading is as good). */
  isNationality?: (word: string) => boolean;
  /** A listed place (words joined by spaces): left to the place lists, which read capitals lines already. */
  isPlace?: (phrase: string) => boolean;
}

/** A span over token indices with a type, as {@link headlineMentions} reads and returns them. */
export interface LineSpan {
  start: number;
  end: number;
  type: EntityType;
  settled?: string;
}

/**
 * Headlines and capitals lines name the story's people, places and events in another case ("GOLF - LEADING SCORES AT
 * AUSTRALIAN OPEN", "Tour De France Results"), where a tagger trained on running text reads them poorly. A run of such
 * a line (`lines` with `normal` false) that spells, case aside, a name the document's running text tagged ("Australian
 * Open" MISC) is that name, with that name's majority type; so is the surname of a person named in full with a given
 * name (`isGivenName`: "LARA" after "Brian Lara"). A one-word name must be a plain capitalised word, no weak word
 * (`isWeak`: a common or function word) and no nationality word; a name of several words must not be written in
 * capitals, nor open its sentence with a weak word other than "The" or be weak words alone there. Spans within the run are
 * replaced ("DE FRANCE" PERSON in "TOUR DE FRANCE"); a span reaching beyond it, or a settled one (a team of a result
 * line), leaves the run alone.
 * Returns the mentions, changed where a headline run was read so.
 */
export function headlineMentions<T extends LineSpan>(
  words: readonly string[],
  lines: readonly { start: number; end: number; normal: boolean }[],
  mentions: readonly T[],
  words_: HeadlineWords,
): (T | LineSpan)[] {
  const { isWeak, isGivenName, isNationality = () => false, isPlace = () => false } = words_;
  if (lines.every((l) => l.normal)) return [...mentions];
  const inNormal = new Uint8Array(words.length);
  for (const l of lines) if (l.normal) inNormal.fill(1, l.start, l.end);
  const votes = new Map<string, Map<EntityType, number>>();
  const vote = (key: string, type: EntityType) => {
    const v = votes.get(key) ?? new Map<EntityType, number>();
    v.set(type, (v.get(type) ?? 0) + 1);
    votes.set(key, v);
  };
  const lineStarts = new Set(lines.map((l) => l.start));
  const nameWord = (w: string): boolean => w.length >= MIN_HEADLINE_WORD_CHARS && ONE_WORD_NAME.test(w) && !isWeak(w) && !isNationality(w);
  for (const m of mentions) {
    if (!inNormal[m.start] || m.end - m.start > MAX_HEADLINE_NAME_TOKENS || !/^\p{Lu}/u.test(words[m.start])) continue;
    const span = words.slice(m.start, m.end);
    // A name of several words needs one that is not weak ("The Debate" is no name to look for); a one-word name must
    // look like one ("N'T", "Posted" do not).
    // A name spelt in capitals in the running text ("CNN ANCHOR" of a transcript's speaker line) teaches nothing.
    // Nor one of weak words alone opening its sentence ("The Debate"), nor one opening it with a weak word other than "The"
    // ("Let McCain": a tagger's slip would spread to every headline). "Grand Slam Cup" inside a sentence is a name.
    const atStart = lineStarts.has(m.start);
    const slip = atStart && ((span[0] !== "The" && isWeak(span[0])) || span.every((w) => isWeak(w) || !/\p{L}/u.test(w)));
    if (span.length > 1 ? slip || !span.some((w) => /\p{Ll}/u.test(w)) : !nameWord(span[0])) continue;
    // A listed place is read in capitals lines by its list, not by the tagger's reading of one mention ("New York"
    // PERSON); where the running text reads it as the place the list says it is, the headlines follow ("ENGLAND BEAT
    // GEORGIA" after "England" LOC: the lists keep a one-word region that is a surname too as the tagger typed it).
    if (isPlace(span.join(" ")) && m.type !== "LOC") continue;
    vote(span.map((w) => w.toLowerCase()).join(" "), m.type);
    // The surname of a full name with a listed given name ("Brian Lara" -> "LARA").
    const last = span[span.length - 1];
    if (m.type === "PERSON" && span.length > 1 && isGivenName(span[0]) && nameWord(last)) vote(last.toLowerCase(), "PERSON");
  }
  const typeOf = new Map<string, EntityType>();
  for (const [key, v] of votes) {
    const sorted = [...v].sort((a, b) => b[1] - a[1]);
    if (sorted.length === 1 || sorted[0][1] > sorted[1][1]) typeOf.set(key, sorted[0][0]);
  }
  if (!typeOf.size) return [...mentions];
  let out: (T | LineSpan)[] = [...mentions];
  for (const line of lines) {
    if (line.normal) continue;
    for (let i = line.start; i < line.end; i++) {
      for (let n = Math.min(MAX_HEADLINE_NAME_TOKENS, line.end - i); n >= 1; n--) {
        const type = typeOf.get(words.slice(i, i + n).map((w) => w.toLowerCase()).join(" "));
        if (!type || !/^\p{Lu}/u.test(words[i])) continue;
        const end = i + n;
        const inside = out.filter((s) => s.start < end && s.end > i);
        if (inside.length === 1 && inside[0].start === i && inside[0].end === end && inside[0].type === type) {
          i = end - 1;
          break;
        }
        // Only spans within the run give way: a longer one ("Fourth Air Force" for "Air Force") stands.
        if (inside.some((s) => s.settled || s.start < i || s.end > end)) continue;
        out = [...out.filter((s) => !inside.includes(s)), { start: i, end, type }];
        i = end - 1;
        break;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
