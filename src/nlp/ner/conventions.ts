/**
 * CoNLL-2003 conventions applied after the tagger and the title/particle rules
 * (see docs in {@link applyConventions}).
 *
 * Decisions (CoNLL-2003 annotation guidelines, which follow MUC-7 with MISC added):
 * - a country name is LOC whatever its role: as a government ("Qatar said"), a possessor
 *   ("Qatar's Minister") or a national team ("Japan beat Syria"); never ORG;
 * - a nationality or demonym alone ("Chinese", "Palestinians") is MISC;
 * - a hyphenated compound of place names or demonyms used as one word ("Israel-Gaza crisis",
 *   "Israeli-Palestinian conflict", and a place joined to another name: "Israel-Hamas conflict") is ONE MISC entity: CoNLL-2003 tokens keep hyphenated words
 *   whole and a derived, adjectival use of names is MISC.
 */
import { LOCATIVES } from "./consistency.js";
import { CaseMode, isCommonNonName, isFunctionWord } from "./casing.js";
import { Gazetteer, GazClass, lookupForm } from "./gazetteer.js";
import { possessiveLength } from "./possessive.js";
import { isCalendarWord, isParticle, type RuleToken, type SpanCandidate } from "./rules.js";

/** Place classes of the gazetteer. */
const PLACE_CLASSES: readonly GazClass[] = ["country", "city", "region"];
/** Score given to entities created by these conventions rather than by the model. */
const CONVENTION_SCORE = 0.75;
/** In headline / capitals lines, a span of common words is only kept when the model is at least this sure. */
const HEADLINE_MIN_CONFIDENCE = 0.9;

const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);
const touching = (a: RuleToken, b: RuleToken): boolean => a.end === b.start;

/** True when tokens [start, end) are exactly one gazetteer entry of class `cls` (word or phrase). */
export function isGazetteerEntry(tokens: readonly RuleToken[], start: number, end: number, cls: GazClass, gaz: Gazetteer): boolean {
  if (end - start === 1) return gaz.has(tokens[start].text, cls);
  // (Most spans open no listed phrase: one map lookup says so before the phrase match.)
  if (!gaz.startsPhrase(lookupForm(tokens[start].text))) return false;
  const forms = tokens.slice(start, end).map((t) => lookupForm(t.text));
  return gaz.matchPhrases(forms).some((m) => m.start === 0 && m.end === forms.length && m.cls === cls);
}

/** Lists that know a word as something other than a person's name (for steps 2b and 2c of {@link applyConventions}). */
const UNKNOWN_NAME_BLOCKERS = ["orgname", "orgkey", "country", "city", "region", "demonym", "misckey", "common"] as const;

/**
 * Words for a state by its form of government: a name ending in one ("Ottoman Empire", "Weimar
 * Republic") or made of one and "of" ("Kingdom of Castile", "Grand Duchy of Poznań") is a
 * place in CoNLL-2003, as a country is (GMB tags empires ORG; wikigold and CrossNER LOC).
 */
const STATE_WORDS = new Set(["empire", "kingdom", "republic", "duchy", "principality", "caliphate", "sultanate", "khanate", "emirate", "grand duchy", "archduchy", "tsardom"]);

/** True when tokens [start, end) name a state by its form of government ({@link STATE_WORDS}). */
export function isStateName(tokens: readonly RuleToken[], start: number, end: number): boolean {
  if (end - start < 2 || !tokens.slice(start, end).every((t) => isCap(t.text) || t.text === "of" || t.text === "-")) return false;
  if (STATE_WORDS.has(lookupForm(tokens[end - 1].text))) return true;
  // Only the span's own tokens are searched (the token array is the whole document's).
  let of = -1;
  for (let i = start + 1; i < end - 1 && of < 0; i++) if (tokens[i].text === "of") of = i;
  if (of < 0) return false;
  const head = tokens.slice(start, of).map((t) => lookupForm(t.text));
  // The head may carry one capitalised modifier ("Grand Duchy", "Holy Kingdom").
  return head.length <= 2 && STATE_WORDS.has(head[head.length - 1]);
}

/** A listed role or title word that no name list knows ("President", "Senator"; not "Major", a surname too). */
export const isLoneTitle = (w: string, gaz: Gazetteer): boolean => /^\p{Lu}\p{Ll}/u.test(w) && gaz.has(w, "role") && !gaz.has(w, "first") && !gaz.has(w, "sur");
/** A word that can be a given name: a listed one, or a capitalised word that is no common word, title or place. */
const isGivenNameLike = (w: string, gaz: Gazetteer): boolean =>
  gaz.has(w, "first") || (/^\p{Lu}\p{Ll}/u.test(w) && !(["common", "role", "country", "city", "region", "demonym", "orgkey"] as const).some((c) => gaz.has(w, c)));
const isPlaceWord = (t: RuleToken, gaz: Gazetteer): boolean => PLACE_CLASSES.some((c) => gaz.has(t.text, c));
/** Words that join an organisation's keyword to its complement ("University of Technology"). */
const ORG_CONNECTORS = new Set(["of", "for", "de", "on"]);
/** Possessive endings, as the tokenizer splits them off ("Nation" + "'s"). */
const POSSESSIVES = new Set(["'s", "’s", "'", "’"]);
/** Words that take "'s" as a contraction, not a possessive ("Let's", "Here's", "What's"; not "WHO's"). */
const CONTRACTED = new Set(["let", "here", "there", "that", "what", "it", "who", "where", "how", "he", "she", "this", "everything", "nothing", "something", "everyone"]);
/** Capitalised heads of "<head> of <name>" event and law names ("Treaty of Versailles", "Battle of Britain"). */
const MISC_OF_HEADS = new Set(["Treaty", "Battle", "Siege", "Sack", "Act", "Declaration", "Convention", "Accord", "Accords", "Peace", "Edict", "Massacre"]);
/** Capitalised ordinals that open unit names ("Eighth Air Force", "Sixth Fleet", "Third Army"). */
const ORDINALS = new Set([
  "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth",
  "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth", "Twentieth",
]);
/** Compass words that make one nationality with the demonym after them ("South African"). */
/** Words for a party's members or its adjective: MISC in CoNLL-2003, like a nationality ("a Republican senator"). */
export const PARTY_MEMBERS: ReadonlySet<string> = new Set(["Democrat", "Democrats", "Republican", "Republicans"]);
/** Heads of place names built on a facility or street: the name is a place ("Ben Gurion International Airport", "Avenue Montaigne"). */
const FACILITY_HEADS = new Set([
  "Airport", "Avenue", "Street", "Boulevard", "Square", "Bridge", "Highway",
  // and of natural places ("Western Mountains", "Missouri River")
  "Mountains", "Mountain", "River", "Lake", "Valley", "Desert", "Ocean", "Peninsula", "Strait", "Straits", "Hills", "Plateau", "Canal", "Islands",
]);
/** An acronym: two to five capitals, none lower-case ("BP", "NYPD", "TDCJ"). */
const ACRONYM = /^\p{Lu}{2,5}$/u;
/** Event words that also end other names ("Jane Day", "Indian Open" is fine but "Open" opens sentences). */
const AMBIGUOUS_MISC_HEADS = new Set(["day", "open", "series", "crisis", "bowl", "marathon", "medal", "offensive", "derby"]);
/** Lower-case words inside a MISC name ("Treaty of Rome", "Bill of Rights"). */
const MISC_CONNECTORS = new Set(["of", "for", "and", "on", "against"]);
/** Most words of a listed organisation the tagger took for a person ("Al Jazeera", "Fannie Mae"). */
const MAX_ORG_AS_PERSON_WORDS = 3;
/** A prefix and a capitalised name in one word ("anti-American", "sub-Saharan", "pro-Western", "non-Arab"). */
const PREFIXED_NAME = /^(?:anti|pro|sub|non|pan|post|pre|ex|mid|trans|inter|neo|ultra|multi|semi|quasi|un)-\p{Lu}/u;
/** Holidays and feasts: MISC in CoNLL-2003. */
const HOLIDAYS = new Set(["Christmas", "Easter", "Ramadan", "Thanksgiving", "Hanukkah", "Passover", "Diwali", "Eid", "Lent", "Advent", "Halloween", "Yom Kippur"]);
/** Lower-case determiners that never open a name ("our Russian partners"). */
const DETERMINERS = new Set(["our", "his", "her", "their", "my", "your", "its", "this", "that", "these", "those", "every", "each"]);
/** Articles that open a sentence, not a name. */
const ARTICLES = new Set(["The", "A", "An"]);
/** Organisation keywords that head an institution named after a person ("Kennedy Center", "Harvard University"). */
const INSTITUTION_HEADS = new Set(["University", "College", "Institute", "Institution", "Center", "Centre", "School", "Foundation", "Hospital", "Academy", "Commission", "Committee", "Council", "Corporation", "Company", "News"]);
/** Connectors that a person's name does not contain: a person "of" a place is two names. */
const PERSON_OF = "of";
const COMPASS = new Set(["North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western"]);
const isPlaceOrDemonym = (t: RuleToken, gaz: Gazetteer): boolean => isCap(t.text) && (isPlaceWord(t, gaz) || gaz.has(t.text, "demonym"));

/**
 * Applies the CoNLL conventions to the (non-overlapping, sorted) candidates of one sentence:
 * 1. a PERSON run ending in a place with a possessive after it is two names
 *    ("Bogdanov Beijing's" -> PERSON "Bogdanov", LOC "Beijing");
 * 2. a lone given name (listed, or a capitalised word in no common-word list) right before a
 *    PERSON span joins it ("Mikhail" + "Bogdanov");
 * 2b. an untagged listed given name right before a one-word name of another type that no
 *    organisation, place or nationality list knows makes one PERSON ("Antony" + ORG "Blinken");
 * 3. countries are LOC, demonyms MISC, a compass word and a demonym one MISC ("West Indian"), two
 *    demonyms in a row one MISC ("Israeli Arabs"), a nationality word opens the MISC name after it
 *    ("Asian Cup"), an ORG before ", <country or region>" is a town ("Debden , England"), an ORG
 *    opening with a capitalised hyphen compound takes it in ("Marxist-Leninist Party");
 * 4. hyphenated place/demonym compounds are one MISC, as are a name and a lower-case word ("Gaza-bound") and a prefix
 *    and a name in one word ("anti-American");
 * and, read from news articles annotated in these conventions (bench/ner-news): names do not open with a function
 * word, a lower-case common word or a sentence's article before a listed name, nor end in a date (0, 0b); a title
 * alone is no person (0c); a person or party word "of" a listed place (or a party word and a place typed as one
 * organisation) is two names (1b); party members, holidays are MISC, also after a listed place they were run into
 * (3o, 3x); facility, street and
 * natural-place heads make places (3q); unlisted acronyms typed LOC, or MISC before a lower-case word, are ORG (3r);
 * a capitalised run ending in a law or event word is one MISC (3s); two names that together are a listed place join
 * (3t); a person's name ending in an institution's keyword is the institution (3u); after a role and "of", a word and
 * a person's name is the person (3v); a listed acronym taken for a person, or ending one, is the organisation (3w);
 * 5. in headline and capitals lines, low-confidence spans lose leading and trailing common
 *    words that are in no name list and no organisation keyword ("China Calls" -> "China";
 *    "Peace Talks" -> nothing), except organisations named around a keyword ("Liberal Party").
 */
export function applyConventions(
  tokens: readonly RuleToken[],
  sentStart: number,
  sentEnd: number,
  candidates: readonly SpanCandidate[],
  gaz: Gazetteer,
  mode: CaseMode,
): SpanCandidate[] {
  let spans: SpanCandidate[] = [];
  trimNameEdges(tokens, sentStart, sentEnd, candidates, gaz);
  // 1. Split a person run before a possessive place.
  for (const s of candidates) {
    // 0c. A title alone is no person ("not the job he wants, President."), unless it is a name too ("Major").
    if (s.type === "PERSON" && s.end - s.start === 1 && isLoneTitle(tokens[s.start].text, gaz)) continue;
    const last = s.end - 1;
    if (s.type === "PERSON" && s.end - s.start >= 2 && isPlaceWord(tokens[last], gaz) && !gaz.has(tokens[last].text, "sur") && possessiveLength(tokens, s.end, sentEnd) > 0) {
      spans.push({ ...s, end: last }, { start: last, end: s.end, type: "LOC", score: s.score });
    } else spans.push({ ...s });
  }
  splitNameOfPlace(tokens, spans, gaz);
  splitPlacePossessive(tokens, spans, gaz);
  // 2. Given name + person.
  const joined: SpanCandidate[] = [];
  for (const s of spans) {
    const prev = joined[joined.length - 1];
    if (prev && prev.type === "PERSON" && s.type === "PERSON" && prev.end === s.start && prev.end - prev.start === 1 && isGivenNameLike(tokens[prev.start].text, gaz)) {
      prev.end = s.end;
      prev.score = Math.min(prev.score, s.score);
      continue;
    }
    joined.push(s);
  }
  spans = joined;
  // 2b. An untagged listed given name right before a one-word name of another type that is in no
  //     organisation, place or nationality list is a person's full name ("Antony" + ORG "Blinken").
  for (const s of spans) {
    const g = s.start - 1;
    if (s.type === "PERSON" || s.end - s.start !== 1 || g < sentStart || spans.some((o) => o.start <= g && o.end > g)) continue;
    const given = tokens[g].text;
    const name = tokens[s.start].text;
    if (!/^\p{Lu}\p{Ll}/u.test(given) || !gaz.has(given, "first") || gaz.has(given, "common") || isPlaceWord(tokens[g], gaz)) continue;
    if (!/^\p{Lu}\p{Ll}/u.test(name) || UNKNOWN_NAME_BLOCKERS.some((c) => gaz.has(name, c))) continue;
    s.start = g;
    s.type = "PERSON";
    s.score = Math.min(s.score, CONVENTION_SCORE);
  }
  // 2c. A one-word PERSON right before a one-word name of another type that no list knows is one person ("Wasim" +
  //     ORG "Akram"), in running text.
  for (let n = 0; n + 1 < spans.length && mode === "normal"; n++) {
    const [a, b] = [spans[n], spans[n + 1]];
    if (a.type !== "PERSON" || b.type === "PERSON" || b.type === "MISC" || a.end !== b.start || a.end - a.start !== 1 || b.end - b.start !== 1) continue;
    const name = tokens[b.start].text;
    if (!/^\p{Lu}\p{Ll}+$/u.test(name) || UNKNOWN_NAME_BLOCKERS.some((c) => gaz.has(name, c))) continue;
    a.end = b.end;
    a.score = Math.min(a.score, b.score);
    spans.splice(n + 1, 1);
  }
  // 3. Countries are LOC, demonyms MISC ("US" in capitals too: the list leaves "us" out, a pronoun).
  for (const s of spans) {
    const us = mode !== "upper" && s.end - s.start === 1 && tokens[s.start].text === "US";
    // (A one-word country that names an organisation too is the country: "USA".)
    const country = us || isGazetteerEntry(tokens, s.start, s.end, "country", gaz);
    if (s.type !== "LOC" && country && (s.end - s.start === 1 || !isGazetteerEntry(tokens, s.start, s.end, "orgname", gaz))) s.type = "LOC";
    // A listed region after a place and a comma is where that place is ("Mobile , AL", "Dover , Del.").
    else if (
      s.type !== "LOC" && !s.settled && s.start >= sentStart + 2 && tokens[s.start - 1].text === "," && spans.some((o) => o.end === s.start - 1 && o.type === "LOC") &&
      isGazetteerEntry(tokens, s.start, s.end, "region", gaz)
    )
      s.type = "LOC";
    // A listed organisation that is no listed place, typed LOC where nothing makes it one ("the takeover of Fannie Mae").
    else if (
      s.type === "LOC" && !s.settled && s.end - s.start > 1 && isGazetteerEntry(tokens, s.start, s.end, "orgname", gaz) && !isListedPlace(tokens, s.start, s.end, gaz) &&
      !(s.start > sentStart && LOCATIVES.has(tokens[s.start - 1].text.toLowerCase())) && !(s.start > sentStart + 1 && tokens[s.start - 1].text.toLowerCase() === "the" && LOCATIVES.has(tokens[s.start - 2].text.toLowerCase()))
    )
      s.type = "ORG";
    // A listed region of several words is a place, whatever its words suggest ("West Bank", "Gaza Strip"); not before a
    // capitalised word, where it may open an organisation the tagger cut short ("New York" of "New York Yankees").
    else if (
      s.type === "ORG" && s.end - s.start > 1 && !s.settled && !(s.end < sentEnd && isCap(tokens[s.end].text)) &&
      isGazetteerEntry(tokens, s.start, s.end, "region", gaz) && !isGazetteerEntry(tokens, s.start, s.end, "orgname", gaz)
    )
      s.type = "LOC";
    else if (s.type !== "MISC" && s.end - s.start === 1 && gaz.has(tokens[s.start].text, "demonym") && !isPlaceWord(tokens[s.start], gaz)) s.type = "MISC";
    // A listed city typed ORG before a possessive and an organisation is the place whose body that is ("Bonn 's Finance
    // Ministry", "Milan 's Fininvest"); a city's club before its player ("Barcelona 's Ronaldo") is left alone.
    else if (
      s.type === "ORG" && !s.settled && s.end - s.start === 1 && s.end + 1 < sentEnd && POSSESSIVES.has(tokens[s.end].text) &&
      gaz.has(tokens[s.start].text, "city") && !gaz.has(tokens[s.start].text, "orgname") && spans.some((o) => o.start === s.end + 1 && o.type === "ORG")
    )
      s.type = "LOC";
  }
  // One pass over the words says which of the word-triggered steps below (3o, 3x, 3s) have anything to do.
  const words = wordTriggers(tokens, sentStart, sentEnd, gaz);
  if (words.party) partyMembers(tokens, sentStart, sentEnd, spans, gaz);
  headsMakeTypes(tokens, spans, gaz);
  personAfterRoleOf(tokens, sentStart, spans, gaz);
  acronymOrganisations(tokens, spans, gaz);
  if (words.holiday) holidays(tokens, sentStart, sentEnd, spans);
  unlistedAcronyms(tokens, sentEnd, spans, gaz, mode);
  joinListedPlaces(tokens, spans, gaz);
  splitPlacePairs(tokens, spans, gaz);
  // 3m. In running text, an organisation the tagger cut before its keyword takes it in ("New York Stock" + "Exchange").
  //     (Retyping a place span that ends in a keyword, "International Petroleum Exchange", was tried: CrossNER -0.11.)
  for (const s of mode === "normal" ? spans : []) {
    const next = s.end < sentEnd ? tokens[s.end].text : "";
    if (s.type === "ORG" && isCap(next) && gaz.has(next, "orgkey") && !spans.some((o) => o.start === s.end)) s.end++;
  }
  // 3n. "The Syrian": a nationality word does not take the article before it; a nationality word takes in the event
  //     word after it that the tagger left out ("Asian" + "Games").
  for (const s of spans) {
    if (s.type !== "MISC") continue;
    if (s.end - s.start === 2 && tokens[s.start].text === "The" && gaz.has(tokens[s.start + 1].text, "demonym")) s.start++;
    while (s.end < sentEnd && gaz.has(tokens[s.end - 1].text, "demonym") && isCap(tokens[s.end].text) && gaz.has(tokens[s.end].text, "misckey") && !spans.some((o) => o.start === s.end)) s.end++;
  }
  // 3c. A compass word before a nationality word is one nationality ("South African", "West Indian"),
  //     not a place and a nationality ("South Korea" stays: "Korea" is no nationality word).
  for (let i = sentStart; i + 1 < sentEnd; i++) {
    if (!COMPASS.has(tokens[i].text) || !gaz.has(tokens[i + 1].text, "demonym") || !isCap(tokens[i + 1].text) || isPlaceWord(tokens[i + 1], gaz)) continue;
    if (i + 2 < sentEnd && isCap(tokens[i + 2].text)) continue; // "South African Airways": a longer name
    const inside = spans.filter((s) => s.end > i && s.start < i + 2);
    if (inside.some((s) => s.start < i || s.end > i + 2)) continue;
    spans = spans.filter((s) => !inside.includes(s));
    spans.push({ start: i, end: i + 2, type: "MISC", score: inside.length ? Math.max(...inside.map((s) => s.score)) : CONVENTION_SCORE });
    spans.sort((a, b) => a.start - b.start);
  }
  // 3d. A nationality word right before a MISC name of other words opens it ("Asian" + "Cup",
  //     "French" + "Open"), when the tagger left the nationality word alone or typed it MISC too.
  nationalityOpensMisc(tokens, sentStart, spans, gaz);
  // 3f. Two nationality words in a row are one nationality ("Israeli Arabs", "Chinese Malaysians").
  for (let n = 0; n + 1 < spans.length; n++) {
    const [a, b] = [spans[n], spans[n + 1]];
    if (a.type !== "MISC" || b.type !== "MISC" || a.end !== b.start || a.end - a.start !== 1 || b.end - b.start !== 1) continue;
    if (!gaz.has(tokens[a.start].text, "demonym") || !gaz.has(tokens[b.start].text, "demonym")) continue;
    a.end = b.end;
    spans.splice(n + 1, 1);
  }
  // 3g. "Debden , England ,": a one- or two-word name typed ORG right before a comma and a listed
  //     country or region, itself closed by punctuation, is a town in it (LOC).
  for (let n = 0; n + 1 < spans.length; n++) {
    const [a, b] = [spans[n], spans[n + 1]];
    if (a.type !== "ORG" || a.end - a.start > 2 || b.type !== "LOC" || b.start !== a.end + 1 || tokens[a.end].text !== ",") continue;
    if (!isGazetteerEntry(tokens, b.start, b.end, "country", gaz) && !isGazetteerEntry(tokens, b.start, b.end, "region", gaz)) continue;
    if (b.end < sentEnd && !/^[,.;:)]$/.test(tokens[b.end].text)) continue;
    if (tokens.slice(a.start, a.end).some((t) => gaz.has(t.text, "orgkey") || gaz.has(t.text, "orgname"))) continue;
    a.type = "LOC";
  }
  // 3h. A place or organisation span of several words ending in a MISC head ("North Sea Jazz Festival", "Gulf War",
  //     "Davis Cup") names an event, prize or law: MISC, unless the whole span is a listed place or organisation.
  for (const s of spans) {
    if ((s.type !== "LOC" && s.type !== "ORG") || s.end - s.start < 2) continue;
    const last = tokens[s.end - 1].text;
    if (!isCap(last) || !gaz.has(last, "misckey")) continue;
    if ((["country", "city", "region", "orgname"] as const).some((c) => isGazetteerEntry(tokens, s.start, s.end, c, gaz))) continue;
    // "Department of War", "Council of the Islamic Revolution": an organisation's keyword keeps it one.
    if (tokens.slice(s.start, s.end - 1).some((t) => gaz.has(t.text, "orgkey"))) continue;
    s.type = "MISC";
  }
  if (words.miscHead) spans = lawAndEventRuns(tokens, sentStart, sentEnd, spans, gaz, mode);
  // (Again, for a name 3h has just made MISC: "Spanish" + "Grand Prix".)
  nationalityOpensMisc(tokens, sentStart, spans, gaz);
  // 3i. A possessive ends a name: "One Nation's" -> "One Nation"; "the Civil Liberties Union's Reproductive Freedom
  //     Project" is two organisations, when the owner ends in an organisation keyword ("People's Party" stays whole).
  for (let n = 0; n < spans.length; n++) {
    const s = spans[n];
    if (s.type === "PERSON" || s.settled) continue;
    if (s.end - s.start > 1 && POSSESSIVES.has(tokens[s.end - 1].text)) s.end--;
    // Nor does a name run on through a possessive into a lower-case word or a number ("the Gaza Strip's 2.3 million").
    const own = tokens.slice(s.start + 1, s.end - 1).findIndex((t, j) => POSSESSIVES.has(t.text) && !isCap(tokens[s.start + 2 + j].text));
    if (own >= 0) s.end = s.start + 1 + own;
    for (let k = s.start + 2; k < s.end - 1; k++) {
      if (!POSSESSIVES.has(tokens[k].text) || !gaz.has(tokens[k - 1].text, "orgkey") || !isCap(tokens[k + 1].text)) continue;
      spans.splice(n + 1, 0, { start: k + 1, end: s.end, type: s.type, score: s.score });
      s.end = k;
      break;
    }
  }
  // Two names side by side that together are exactly a listed place are that place ("Gaza" + "Strip").
  for (let n = 1; n < spans.length; n++) {
    const a = spans[n - 1];
    const b = spans[n];
    if (a.end !== b.start || a.settled || b.settled || !isListedPlace(tokens, a.start, b.end, gaz)) continue;
    spans.splice(n - 1, 2, { ...a, end: b.end, type: "LOC" });
    n--;
  }
  // "Let's", "Here's", "What's": a common word with a contraction is no name, whatever the tagger said.
  spans = spans.filter((s) => !(s.end - s.start === 1 && s.end < sentEnd && POSSESSIVES.has(tokens[s.end].text) && !/^\p{Lu}{2,}$/u.test(tokens[s.start].text) && CONTRACTED.has(tokens[s.start].text.toLowerCase())));
  // 3j. A capitalised ordinal before an organisation is part of its name ("Eighth Air Force", "Sixth Fleet").
  for (const s of spans) {
    if (s.type === "ORG" && s.start > sentStart && ORDINALS.has(tokens[s.start - 1].text) && !spans.some((o) => o.start <= s.start - 1 && o.end > s.start - 1)) s.start--;
  }
  // 3k. "the Boston Braves at Forbes Field": "at" ends an organisation's name.
  for (let n = 0; n < spans.length; n++) {
    const s = spans[n];
    if (s.type !== "ORG") continue;
    const at = tokens.slice(s.start + 1, s.end - 1).findIndex((t) => t.text === "at");
    if (at >= 0) s.end = s.start + 1 + at;
  }
  // 3l. "Treaty of Versailles", "Battle of Britain", "Siege of Sarajevo": an event or law word, "of" and a name are
  //     one MISC (the tagger often keeps only the place).
  for (let i = sentStart; i + 2 < sentEnd; i++) {
    if (!MISC_OF_HEADS.has(tokens[i].text) || tokens[i + 1].text !== "of" || !isCap(tokens[i + 2].text)) continue;
    let e = i + 2;
    const named = spans.find((o) => o.start === i + 2);
    if (named) e = named.end;
    else while (e < sentEnd && isCap(tokens[e].text)) e++;
    if (spans.some((o) => (o.start < i && o.end > i) || (o.start < e && o.end > e))) continue;
    spans = [...spans.filter((o) => o.end <= i || o.start >= e), { start: i, end: e, type: "MISC" as const, score: CONVENTION_SCORE }].sort((a, b) => a.start - b.start);
    i = e - 1;
  }
  // 3e. An organisation whose name opens with a hyphenated compound of capitalised words takes the
  //     whole compound in ("Marxist-Leninist Party", "Charles-Ferdinand University"), whatever the
  //     tagger made of the first parts.
  for (const s of spans) {
    if (s.type !== "ORG") continue;
    let b = s.start;
    while (b - 2 >= sentStart && tokens[b - 1].text === "-" && touching(tokens[b - 2], tokens[b - 1]) && touching(tokens[b - 1], tokens[b]) && /^\p{Lu}\p{L}/u.test(tokens[b - 2].text)) b -= 2;
    if (b === s.start || !isCap(tokens[s.start].text)) continue;
    const inside = spans.filter((o) => o !== s && o.start >= b && o.end <= s.start);
    // "Hamas-Fatah talks": a compound of two names stays two names.
    if (inside.some((o) => o.type !== "MISC") || spans.some((o) => o !== s && o.start < b && o.end > b)) continue;
    spans = spans.filter((o) => !inside.includes(o));
    s.start = b;
  }
  // 3b. States named by their form of government are places ("Ottoman Empire", "Kingdom of Castile").
  for (const s of spans) if (s.type !== "LOC" && isStateName(tokens, s.start, s.end)) s.type = "LOC";
  // 4. Hyphenated compounds of places and demonyms, or of a place and another name ("Israel-Hamas conflict").
  // the other name: a listed organisation, or a word the tagger calls a person or organisation ("Bosnia-Herzegovina" stays a place)
  const named = (k: number): boolean =>
    /^\p{Lu}/u.test(tokens[k].text) && (gaz.has(tokens[k].text, "orgname") || spans.some((s) => s.start === k && s.end === k + 1 && (s.type === "ORG" || s.type === "PERSON")));
  for (let i = sentStart; i + 2 < sentEnd; i++) {
    let j = i;
    while (j + 2 < sentEnd && tokens[j + 1].text === "-" && touching(tokens[j], tokens[j + 1]) && touching(tokens[j + 1], tokens[j + 2]) && (isPlaceOrDemonym(tokens[j + 2], gaz) || named(j + 2))) j += 2;
    if (j === i || !isPlaceOrDemonym(tokens[i], gaz)) continue;
    // Only a compound used as one word, not the end of a longer hyphenated name.
    if (i > sentStart && touching(tokens[i - 1], tokens[i]) && tokens[i - 1].text === "-") continue;
    if (j + 1 < sentEnd && touching(tokens[j], tokens[j + 1]) && tokens[j + 1].text === "-") continue;
    const start = i;
    const end = j + 1;
    const inside = spans.filter((s) => s.end > start && s.start < end);
    if (inside.some((s) => s.start < start || s.end > end)) continue;
    spans = spans.filter((s) => !inside.includes(s));
    spans.push({ start, end, type: "MISC", score: inside.length ? Math.max(...inside.map((s) => s.score)) : CONVENTION_SCORE });
    i = j;
  }
  hyphenatedNames(tokens, sentStart, sentEnd, spans);
  spans.sort((a, b) => a.start - b.start);
  // 5. Headline / capitals lines.
  if (mode !== "normal") {
    spans = spans.filter((s) => {
      if (s.settled) return true;
      // In capitals, a listed organisation and headline words after it ("NHL ICE HOCKEY", "NFL AMERICAN FOOTBALL") is
      // the organisation. (Not in title case: lists of names there keep "Liberal Party Coalition" whole.)
      for (let k = s.end - 1; k > s.start && mode === "upper"; k--) {
        if (!isGazetteerEntry(tokens, s.start, k, "orgname", gaz)) continue;
        // (Not before a name's head: "UEFA CUP", "NATO SUMMIT" stay whole.)
        const tail = tokens.slice(k, s.end);
        if (tail.every((t) => gaz.has(t.text, "common") || gaz.has(t.text, "demonym")) && !tail.some((t) => gaz.has(t.text, "misckey") || gaz.has(t.text, "orgkey"))) s.end = k;
        break;
      }
      for (const cls of ["orgname", "country", "city", "region"] as const) if (isGazetteerEntry(tokens, s.start, s.end, cls, gaz)) return true;
      // Edge words that are common and no name ("China Urges" -> "China") go, however sure the model is;
      // a span of nothing but such words stays only when the model is sure of it.
      const [start, end] = [s.start, s.end];
      // An organisation named around its keyword keeps the words before it ("Liberal Party") and a
      // complement after it ("Delft University of Technology"), in a list of names that looks like a
      // headline; a trailing headline word still goes ("Republican Party Responses").
      const words = tokens.slice(s.start, s.end).map((t) => t.text);
      const key = s.type === "ORG" ? words.findIndex((w) => gaz.has(w, "orgkey")) : -1;
      const keepLead = key > 0;
      const keepTail = key >= 0 && words.slice(key + 1).some((w) => ORG_CONNECTORS.has(w.toLowerCase()));
      // Organisation keywords stay ("Leiden University" in a list of names that looks like a headline).
      // So do the heads of MISC names ("UEFA CUP").
      const strip = (t: RuleToken): boolean => isCommonNonName(t.text, gaz) && !gaz.has(t.text, "orgkey") && !(s.type === "MISC" && gaz.has(t.text, "misckey"));
      while (!keepLead && s.start < s.end && strip(tokens[s.start])) s.start++;
      while (!keepTail && s.end > s.start && strip(tokens[s.end - 1])) s.end--;
      if (s.end <= s.start) {
        if (s.score < HEADLINE_MIN_CONFIDENCE) return false;
        [s.start, s.end] = [start, end];
      }
      return /\p{L}/u.test(tokens.slice(s.start, s.end).map((t) => t.text).join(""));
    });
  }
  return spans;
}

/** Steps 0 and 0b of {@link applyConventions}: function words, lower-case words and articles before a name, dates after it. */
function trimNameEdges(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, candidates: readonly SpanCandidate[], gaz: Gazetteer): void {
  // 0. A name does not open with a lower-case function word ("our Russian") or a sentence's first word that is one
  //    ("In 2003 BP"), unless the whole span is a listed name.
  //    ("The" stays: "The Beatles"; dropping it at a sentence's start cost wikigold 0.2.)
  for (const s of candidates) {
    if (s.settled || s.end - s.start < 2) continue;
    const w0 = tokens[s.start].text;
    // (Only spans that open with such a word are looked up: the phrase lookups are the cost here.)
    const article = ARTICLES.has(w0);
    if (!article && !/^\p{Ll}/u.test(w0) && !isFunctionWord(w0)) continue;
    if (isListedName(tokens, s.start, s.end, gaz)) continue;
    // "The United States", "The United Nations": the article before a listed name is no part of it.
    const listedAs = article ? (["country", "city", "region", "orgname"] as const).find((c) => isGazetteerEntry(tokens, s.start + 1, s.end, c, gaz)) : undefined;
    if (listedAs) {
      s.start++;
      // (and is what the list says: "The United States" MISC -> LOC)
      if (s.type === "MISC" || s.type === "PERSON") s.type = listedAs === "orgname" ? "ORG" : "LOC";
      continue;
    }
    // "eastern Libya": a lower-case common word does not open a name in CoNLL-2003 (GMB tags "eastern Afghanistan"
    //  whole: -0.24 there); name particles do ("bin Laden", "van Gogh").
    while (s.end - s.start > 1 && /^\p{Ll}+$/u.test(tokens[s.start].text) && gaz.has(tokens[s.start].text, "common") && !isParticle(tokens[s.start])) s.start++;
    for (;;) {
      const w = tokens[s.start].text;
      if (s.end - s.start < 2 || !(isFunctionWord(w) || DETERMINERS.has(w)) || ARTICLES.has(w) || !/\p{L}/u.test(w)) break;
      // A capitalised one only opens the sentence ("In 2003 BP"); inside it, a title holds it ("Out of This World").
      if (isCap(w) && s.start !== sentStart) break;
      s.start++;
    }
  }
  // 0a. Nor does a name end with a lower-case verb, pronoun, preposition or conjunction ("a California Democrat who
  //     presides", "Bluejays defeated"),
  //     unless it is hyphened on ("Obama-era": one MISC word) or the whole span is a listed name.
  for (const s of candidates) {
    if (s.settled) continue;
    while (s.end - s.start > 1 && endsInCommonWord(tokens, s.end, gaz) && !isListedName(tokens, s.start, s.end, gaz)) s.end--;
  }
  // 0b. A date after a name is no part of it ("Gulf of Mexico June 3", "Mexico April 20").
  for (const s of candidates) {
    while (s.end - s.start > 1 && s.end < sentEnd && isCap(tokens[s.end - 1].text) && isCalendarWord(tokens[s.end - 1].text) && /^\d{1,2}(?:st|nd|rd|th)?$/.test(tokens[s.end].text) && !s.settled) s.end--;
  }
}

/** Parts of speech that never end a name: a name's last word is no verb, pronoun, preposition or conjunction. */
const NEVER_LAST_POS = new Set(["VERB", "AUX", "PRON", "ADP", "CCONJ", "SCONJ", "DET", "PART"]);

/**
 * The token before `end` is a lower-case common word of a part of speech that ends no name (no particle,
 * not joined by a hyphen to the word before it). Nouns stay: "1998 Australian federal election" is one
 * name in some conventions.
 */
function endsInCommonWord(tokens: readonly RuleToken[], end: number, gaz: Gazetteer): boolean {
  const t = tokens[end - 1];
  return /^\p{Ll}+$/u.test(t.text) && NEVER_LAST_POS.has(t.pos ?? "") && gaz.has(t.text, "common") && !isParticle(t) && tokens[end - 2].text !== "-";
}

/** The tokens [start, end) are exactly a listed country, city or region. */
function isListedPlace(tokens: readonly RuleToken[], start: number, end: number, gaz: Gazetteer): boolean {
  return PLACE_CLASSES.some((c) => isGazetteerEntry(tokens, start, end, c, gaz));
}

/** The tokens [start, end) are exactly a listed place or organisation. */
function isListedName(tokens: readonly RuleToken[], start: number, end: number, gaz: Gazetteer): boolean {
  return isListedPlace(tokens, start, end, gaz) || isGazetteerEntry(tokens, start, end, "orgname", gaz);
}

/**
 * Step 1c of {@link applyConventions}: a listed place and its possessive open no name ("Bonn 's Finance Ministry" ->
 * LOC "Bonn", ORG "Finance Ministry"; "China's Foreign Ministry"). A company named in the possessive keeps it
 * ("McDonald's", "Moody's Investors Service": no listed place before the "'s").
 */
function splitPlacePossessive(tokens: readonly RuleToken[], spans: SpanCandidate[], gaz: Gazetteer): void {
  for (let n = 0; n < spans.length; n++) {
    const s = spans[n];
    if (s.settled || s.end - s.start < 3) continue;
    for (let p = s.start + 1; p < s.end - 1; p++) {
      const len = possessiveLength(tokens, p, s.end);
      if (!len || p + len >= s.end || !isCap(tokens[p + len].text) || !isListedPlace(tokens, s.start, p, gaz)) continue;
      spans.splice(n, 1, { ...s, end: p, type: "LOC" }, { ...s, start: p + len });
      break;
    }
  }
}

/** Step 1b of {@link applyConventions}: a person or party word "of" a listed place or organisation is two names. */
function splitNameOfPlace(tokens: readonly RuleToken[], spans: SpanCandidate[], gaz: Gazetteer): void {
  // 1b. "Rebecca Felton of Georgia", "Democrat of Minnesota": a person, or a party or nationality word, "of" a listed
  //     place or organisation is two names (a person's name holds no "of").
  for (let n = 0; n < spans.length; n++) {
    const s = spans[n];
    if (s.end - s.start < 3 || s.settled) continue;
    const of = tokens.slice(s.start + 1, s.end - 1).findIndex((t) => t.text === PERSON_OF) + s.start + 1;
    if (of <= s.start || !isCap(tokens[of + 1].text)) continue;
    const head = tokens[s.start].text;
    // A place span that opens with a listed given name and no place is a person's ("Ekaterina
    // Bychkova of Russia" typed LOC).
    if (s.type === "LOC" && of - s.start >= 2 && gaz.has(head, "first") && !isPlaceWord(tokens[s.start], gaz)) s.type = "PERSON";
    // (A party word "of" a place typed as one organisation is the member and the place: "Republican of Ohio".)
    const partyOf = of === s.start + 1 && PARTY_MEMBERS.has(head);
    if (s.type !== "PERSON" && s.type !== "MISC" && !(s.type === "ORG" && partyOf)) continue;
    if (s.type === "MISC" && !(partyOf || (of === s.start + 1 && gaz.has(head, "demonym")))) continue;
    // Not a name built on "of" ("University of East Anglia", "Bill of Rights", "Secretary of State").
    if (s.type === "PERSON" && tokens.slice(s.start, of).some((t) => (["orgkey", "misckey", "role"] as const).some((c) => gaz.has(t.text, c)))) continue;
    const org = isGazetteerEntry(tokens, of + 1, s.end, "orgname", gaz) || tokens.slice(of + 1, s.end).some((t) => gaz.has(t.text, "orgkey"));
    const place = isListedPlace(tokens, of + 1, s.end, gaz);
    if (!org && !place) continue;
    spans.splice(n, 1, { ...s, end: of, type: partyOf ? "MISC" : s.type }, { start: of + 1, end: s.end, type: place ? "LOC" : "ORG", score: s.score });
  }
}

/** Step 3o of {@link applyConventions}: party members and the party adjective are MISC. */
function partyMembers(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer): void {
  // 3o. Party members and the party adjective are MISC ("Democrats", "a Republican senator"), also when the tagger ran
  //     them into the organisation before them ("Senate Republicans" -> ORG "Senate", MISC "Republicans"); not as the
  //     head of a longer name ("Republican Party", "Democratic National Committee").
  for (let i = sentStart; i < sentEnd; i++) {
    const w = tokens[i].text;
    const adjective = w === "Democratic" && i > sentStart && i + 1 < sentEnd && /^\p{Ll}/u.test(tokens[i + 1].text);
    if (!PARTY_MEMBERS.has(w) && !adjective) continue;
    if (i + 1 < sentEnd && isCap(tokens[i + 1].text)) continue;
    if (miscWord(spans, i)) continue;
    const k = spans.findIndex((o) => o.start <= i && o.end > i);
    const at = spans[k];
    if (at.type === "ORG" && at.end === i + 1 && gaz.has(tokens[i - 1].text, "orgkey")) {
      at.end = i;
      spans.splice(k + 1, 0, { start: i, end: i + 1, type: "MISC", score: at.score });
    } else if (at.type !== "LOC" && at.end === i + 1 && at.start < i && isListedPlace(tokens, at.start, i, gaz)) {
      // A listed place and a party word taken as one name are the place and the members ("Texas Republicans").
      spans.splice(k, 1, { ...at, end: i, type: "LOC" }, { start: i, end: i + 1, type: "MISC", score: at.score });
    }
  }
}

/** Steps 3q and 3u of {@link applyConventions}: facility, street and natural-place heads make places; institution heads after a person's name make organisations. */
function headsMakeTypes(tokens: readonly RuleToken[], spans: SpanCandidate[], gaz: Gazetteer): void {
  // 3q. A name ending in a facility or street word, or opening with a street word, is a place ("Ben Gurion
  //     International Airport", "Avenue Montaigne"), unless an organisation list knows it.
  for (const s of spans) {
    if (s.type === "LOC" || s.type === "MISC" || s.settled || s.end - s.start < 2) continue;
    const last = tokens[s.end - 1].text;
    const first = tokens[s.start].text;
    if (!FACILITY_HEADS.has(last) && !(first === "Avenue" || first === "Rue")) continue;
    // (A person's two words stay: "Carla Hills", "Lisa Street".)
    if (s.type === "PERSON" && s.end - s.start === 2 && gaz.has(first, "first")) continue;
    // (A listed organisation keeps its type, but not a street standing for one: "Wall Street", "Downing Street" are
    // places in CoNLL-2003, as a country acting is.)
    if ((last !== "Street" && isGazetteerEntry(tokens, s.start, s.end, "orgname", gaz)) || tokens.slice(s.start, s.end - 1).some((t) => gaz.has(t.text, "orgkey"))) continue;
    s.type = "LOC";
  }
  // 3u. A person's name ending in an organisation keyword is an organisation named after someone ("Betty Ford Center",
  //     "Johns Hopkins University"). (A one-word MISC that is a listed place made LOC was tried: wikigold -0.05.)
  for (const s of spans) {
    if (s.settled || s.type !== "PERSON" || s.end - s.start < 2) continue;
    const head = tokens[s.end - 1].text;
    if (!isCap(head) || !gaz.has(head, "orgkey")) continue;
    // (Two words: only an institution's head, not a surname that is a keyword too: "John Fund", "Tom Church".)
    if (s.end - s.start === 2 && !INSTITUTION_HEADS.has(head)) continue;
    s.type = "ORG";
  }
}

/** Step 3v of {@link applyConventions}: after a role and "of", a word and a person's name is the person. */
function personAfterRoleOf(tokens: readonly RuleToken[], sentStart: number, spans: SpanCandidate[], gaz: Gazetteer): void {
  // 3v. "Secretary of State Condoleezza Rice", "Chancellor of the Exchequer Alastair Darling": after a role and "of", a
  //     span of one word and a person's name (a listed given name and more) is that person; the word ends the role.
  for (const s of spans) {
    if ((s.type !== "ORG" && s.type !== "LOC") || s.settled || s.end - s.start < 3) continue;
    let k = s.start - 1;
    if (k >= sentStart && tokens[k].text === "the") k--;
    if (k < sentStart + 1 || tokens[k].text !== "of" || !gaz.has(tokens[k - 1].text, "role")) continue;
    const given = tokens[s.start + 1].text;
    if (!/^\p{Lu}\p{Ll}/u.test(given) || !gaz.has(given, "first") || gaz.has(given, "common") || isPlaceWord(tokens[s.start + 1], gaz)) continue;
    if (tokens.slice(s.start + 1, s.end).some((t) => !isCap(t.text) || gaz.has(t.text, "orgkey"))) continue;
    s.start++;
    s.type = "PERSON";
  }
}

/** Step 3w of {@link applyConventions}: a listed acronym taken for a person, or ending a person's name, is the organisation. */
function acronymOrganisations(tokens: readonly RuleToken[], spans: SpanCandidate[], gaz: Gazetteer): void {
  // 3w. A span typed PERSON that is exactly a listed organisation, and no given name or surname, is that organisation
  //     ("UN"). (Any type made ORG so was tried: GMB -0.14, which types "U.N." a place.)
  //     A person's name ending in such a word is the person and the organisation ("Farhan Haq UN").
  // (An acronym: "Un" is a surname too.)
  const personOrg = (k: number): boolean => gaz.has(tokens[k].text, "orgname") && /^(?:\p{Lu}\.?){2,}$/u.test(tokens[k].text);
  for (let n = 0; n < spans.length; n++) {
    const s = spans[n];
    if (s.type !== "PERSON" || s.settled) continue;
    if (s.end - s.start >= 3 && personOrg(s.end - 1)) {
      spans.splice(n + 1, 0, { start: s.end - 1, end: s.end, type: "ORG", score: s.score });
      s.end--;
      continue;
    }
    if (s.end - s.start > MAX_ORG_AS_PERSON_WORDS || !isGazetteerEntry(tokens, s.start, s.end, "orgname", gaz)) continue;
    if (s.end - s.start === 1 && !personOrg(s.start) && (gaz.has(tokens[s.start].text, "first") || gaz.has(tokens[s.start].text, "sur"))) continue;
    s.type = "ORG";
  }
}

/** Step 3x of {@link applyConventions}: holidays are MISC. */
function holidays(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[]): void {
  // 3x. Holidays are MISC ("Christmas", "Ramadan"), whatever the tagger said.
  for (let i = sentStart; i < sentEnd; i++) {
    if (!HOLIDAYS.has(tokens[i].text)) continue;
    miscWord(spans, i);
  }
}

/** Step 3r of {@link applyConventions}: unlisted acronyms taken for places or MISC names are organisations. */
function unlistedAcronyms(tokens: readonly RuleToken[], sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer, mode: CaseMode): void {
  // 3r. In running text an acronym that no place or nationality list knows names an organisation ("BP", "NYPD"), not a
  //     place or a MISC name. (A span that is exactly a listed organisation made ORG whatever its type was tried: GMB
  //     -0.14.)
  for (const s of mode === "normal" ? spans : []) {
    if (s.settled || s.end - s.start !== 1) continue;
    // A MISC acronym too, when a lower-case word or a possessive follows ("BP shareholders", "BP's"), not an
    // interjection shouted in a tweet ("OWW.").
    const next = s.end < sentEnd ? tokens[s.end].text : "";
    if (s.type !== "LOC" && !(s.type === "MISC" && (/^\p{Ll}{2,}$/u.test(next) || POSSESSIVES.has(next)))) continue;
    const w = tokens[s.start].text;
    // (Not a word shouted in capitals: "LOVE", "MONEY".)
    if (!ACRONYM.test(w) || w === "US" || (["country", "city", "region", "demonym", "misckey", "common"] as const).some((c) => gaz.has(w, c))) continue;
    s.type = "ORG";
  }
}

/** Step 3t of {@link applyConventions}: two names that together are a listed place join. */
function joinListedPlaces(tokens: readonly RuleToken[], spans: SpanCandidate[], gaz: Gazetteer): void {
  // 3t. Two names side by side that together are a listed place are that place ("Czech" + "Republic").
  for (let n = 0; n + 1 < spans.length; n++) {
    const [a, b] = [spans[n], spans[n + 1]];
    if (a.end !== b.start || a.settled || b.settled || !isListedPlace(tokens, a.start, b.end, gaz)) continue;
    if (isGazetteerEntry(tokens, a.start, b.end, "orgname", gaz)) continue;
    spans.splice(n, 2, { start: a.start, end: b.end, type: "LOC", score: Math.max(a.score, b.score) });
  }
}

/**
 * Step 3y of {@link applyConventions}: two places in one span are two names. A span made of a listed
 * city and a listed state or country ("Dallas Texas", typed ORG) is two LOC; a place or person span joined
 * by a lower-case "and" or "or" ("Baytown and Houston") is two of that type. Not a span that is
 * itself a listed name ("Trinidad and Tobago", "New York"), and not an organisation ("Procter and Gamble").
 */
function splitPlacePairs(tokens: readonly RuleToken[], spans: SpanCandidate[], gaz: Gazetteer): void {
  for (let n = 0; n < spans.length; n++) {
    const s = spans[n];
    if (s.settled || s.end - s.start < 2 || isListedName(tokens, s.start, s.end, gaz)) continue;
    let parts: [SpanCandidate, SpanCandidate] | undefined;
    const and = tokens.slice(s.start + 1, s.end - 1).findIndex((t) => t.text === "and" || t.text === "or") + s.start + 1;
    if (and > s.start && (s.type === "LOC" || s.type === "PERSON") && isCap(tokens[and - 1].text) && isCap(tokens[and + 1].text)) {
      if (s.type === "PERSON" || isListedPlace(tokens, s.start, and, gaz) || isListedPlace(tokens, and + 1, s.end, gaz)) parts = [{ ...s, end: and }, { ...s, start: and + 1 }];
    } else if (s.type !== "MISC") {
      // a city, then its state or country written out ("Dallas Texas"; not "Washington DC", "West Germany")
      for (let k = s.start + 1; k < s.end && !parts; k++) {
        if (COMPASS.has(tokens[s.start].text) || COMPASS.has(tokens[k].text) || !/^\p{Lu}\p{Ll}/u.test(tokens[k].text)) continue;
        if (isGazetteerEntry(tokens, s.start, k, "city", gaz) && (isGazetteerEntry(tokens, k, s.end, "region", gaz) || isGazetteerEntry(tokens, k, s.end, "country", gaz)) && !isListedPlace(tokens, s.start, s.end, gaz)) {
          parts = [{ ...s, end: k, type: "LOC" }, { ...s, start: k, type: "LOC" }];
        }
      }
    }
    if (parts) spans.splice(n, 1, ...parts);
  }
}

/** Step 3s of {@link applyConventions}: a capitalised run ending in a law or event word is one MISC name. */
function lawAndEventRuns(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer, mode: CaseMode): SpanCandidate[] {
  // 3s. In running text, a run of capitalised words ending in a law or event word is one MISC name, however the tagger
  //     cut it ("Endangered Species" + "Act", "Violence Against" + PERSON "Women" + "Act"); not "The" before it, and not
  //     when the head word ends a person's name or a name runs across the run's edge.
  for (let i = sentStart + 1; i < sentEnd && mode === "normal"; i++) {
    const head = tokens[i].text;
    const c = head.charCodeAt(0);
    if (c < 65 || c > 90 || head.length < 3 || !gaz.has(head, "misckey") || AMBIGUOUS_MISC_HEADS.has(lookupForm(head))) continue;
    let b = i;
    for (;;) {
      if (b - 1 >= sentStart && isCap(tokens[b - 1].text) && !/^\p{Lu}{2,}$/u.test(tokens[b - 1].text)) b--;
      else if (b - 2 >= sentStart && MISC_CONNECTORS.has(tokens[b - 1].text) && isCap(tokens[b - 2].text)) b -= 2;
      else break;
    }
    // Not the article or a common word that opens the sentence ("Perhaps World War", "With the ... Act").
    while (b < i && (ARTICLES.has(tokens[b].text) || MISC_CONNECTORS.has(tokens[b].text) || (b === sentStart && (isFunctionWord(tokens[b].text) || isCommonNonName(tokens[b].text, gaz))))) b++;
    if (b === i) continue;
    const inside = spans.filter((o) => o.end > b && o.start <= i);
    if (inside.some((o) => o.start < b || o.end > i + 1 || (o.type === "PERSON" && o.end === i + 1))) continue;
    if (inside.length === 1 && inside[0].start === b && inside[0].end === i + 1) continue;
    spans = spans.filter((o) => !inside.includes(o));
    spans.push({ start: b, end: i + 1, type: "MISC", score: inside.length ? Math.max(...inside.map((o) => o.score)) : CONVENTION_SCORE });
    spans.sort((x, y) => x.start - y.start);
  }
  return spans;
}

/** Steps 4c and 4b of {@link applyConventions}: a prefix and a name in one word, and a name hyphenated to a lower-case word, are one MISC word. */
function hyphenatedNames(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[]): void {
  // 4c. A prefix and a name written as one word is one MISC word ("anti-American", "sub-Saharan", "pro-Western"), as
  //     CoNLL-2003 tags such tokens (GMB does not: -0.11 there). (Also making an untagged listed place before a hyphen
  //     and a lower-case word a name for 4b, "Gaza" of "Gaza-bound", was tried: GMB -0.2 for news dev +0.09.)
  for (let i = sentStart; i < sentEnd; i++) {
    const w = tokens[i].text;
    const c = w.charCodeAt(0);
    if (c < 97 || c > 122 || !PREFIXED_NAME.test(w)) continue;
    miscWord(spans, i);
  }
  // 4b. A name and a lower-case word joined by a hyphen is one MISC word ("Gaza-bound", "Obama-era", "U.S.-based").
  for (let n = 0; n < spans.length; n++) {
    const s = spans[n];
    const k = s.end;
    if (s.end - s.start !== 1 || k + 1 >= sentEnd || tokens[k].text !== "-" || !touching(tokens[s.start], tokens[k]) || !touching(tokens[k], tokens[k + 1])) continue;
    // (Not a dash before a function word in informal writing: "McCain-you", "GOP-but".)
    if (!/^\p{Ll}+$/u.test(tokens[k + 1].text) || isFunctionWord(tokens[k + 1].text) || (k + 2 < sentEnd && touching(tokens[k + 1], tokens[k + 2]) && /^[-\p{L}]/u.test(tokens[k + 2].text))) continue;
    if (s.start > sentStart && touching(tokens[s.start - 1], tokens[s.start]) && /[-\p{L}]$/u.test(tokens[s.start - 1].text)) continue;
    s.end = k + 2;
    s.type = "MISC";
  }
}

/** Which of the word-triggered steps of {@link applyConventions} (3o, 3x, 3s) have anything to do: one pass over the words. */
function wordTriggers(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, gaz: Gazetteer): { party: boolean; holiday: boolean; miscHead: boolean } {
  let party = false;
  let holiday = false;
  let miscHead = false;
  for (let i = sentStart; i < sentEnd; i++) {
    const w = tokens[i].text;
    const c = w.charCodeAt(0);
    if (c < 65 || c > 90) continue;
    if (PARTY_MEMBERS.has(w) || w === "Democratic") party = true;
    else if (HOLIDAYS.has(w)) holiday = true;
    else if (i > sentStart && w.length >= 3 && gaz.has(w, "misckey")) miscHead = true;
  }
  return { party, holiday, miscHead };
}

/**
 * Types the one word at token `i` as a MISC name: a span of exactly that word is retyped, one is added where no span
 * covers the word; a longer span over it is left alone (false). Keeps `spans` sorted.
 */
function miscWord(spans: SpanCandidate[], i: number): boolean {
  const at = spans.find((o) => o.start <= i && o.end > i);
  if (at && (at.start !== i || at.end !== i + 1)) return false;
  if (at) at.type = "MISC";
  else {
    spans.push({ start: i, end: i + 1, type: "MISC", score: CONVENTION_SCORE });
    spans.sort((a, b) => a.start - b.start);
  }
  return true;
}

/** Step 3d of {@link applyConventions}: a nationality word right before a MISC name of other words opens it. */
function nationalityOpensMisc(tokens: readonly RuleToken[], sentStart: number, spans: SpanCandidate[], gaz: Gazetteer): void {
  for (let n = 0; n < spans.length; n++) {
    const s = spans[n];
    const d = s.start - 1;
    if (s.type !== "MISC" || d < sentStart || !isCap(tokens[d].text) || !gaz.has(tokens[d].text, "demonym") || isPlaceWord(tokens[d], gaz)) continue;
    if (gaz.has(tokens[s.start].text, "demonym") || !isCap(tokens[s.start].text)) continue;
    const before = spans.find((o) => o.start <= d && o.end > d);
    if (before && (before.type !== "MISC" || before.start !== d || before.end !== d + 1)) continue;
    if (before) spans.splice(spans.indexOf(before), 1);
    s.start = d;
    n = -1;
  }
}
