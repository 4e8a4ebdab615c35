/**
 * Rules applied after the statistical tagger, for conventions a news analyst relies on
 * and a small model gets wrong:
 *
 * - calendar words (months, weekdays) are never entities on their own;
 * - titles and roles before a name are not part of a PERSON span
 *   ("Chinese Foreign Minister Wang Yi" -> MISC "Chinese", PERSON "Wang Yi");
 * - names with particles are one PERSON ("Mohammed bin Abdulaziz bin Saleh Al Khulaifi",
 *   "Abu Bakr al-Baghdadi", "van der Leyen");
 * - dotted abbreviations the model left untagged become LOC ("U.S.") or ORG ("U.N.");
 * - a lone capitalised common word at the start of a sentence, tagged with low confidence,
 *   is dropped ("Suffering Palestine" keeps only "Palestine");
 * - organisation names with "of"/"for" complements are whole ({@link ./orgphrase.ts});
 * - place-named teams are ORG ({@link ./teams.ts}), as are clubs ("Real Madrid", "Manchester United")
 *   and the names of result lines and league tables ({@link ./sports.ts});
 * - a name with a company's legal form is one ORG ("Commerzbank AG"; {@link ./companies.ts});
 * - CoNLL-2003 conventions and headline lines ({@link ./conventions.ts});
 * - dateline lines name places, and capitals place names are LOC ({@link ./datelines.ts}).
 *
 * Spans here are over token indices of one sentence; the rules never cross sentences.
 */
import type { EntityType } from "../../model.js";
import { type CaseMode, isFunctionWord, sentenceCaseMode } from "./casing.js";
import { possessiveCompanies, retypeCompanies } from "./companies.js";
import { applyConventions, isGazetteerEntry } from "./conventions.js";
import { retypeCapitalPlaces } from "./datelines.js";
import { retypeDefinedNames } from "./definitions.js";
import { Gazetteer, lookupForm } from "./gazetteer.js";
import { extendOrgPhrases } from "./orgphrase.js";
import { retypeClubNames, retypeRaceTeams, retypeScoredTeams, retypeTables, theTeamPlurals } from "./sports.js";
import { retypeTeamNames } from "./teams.js";
import { isTitleWord, personPrefix } from "./titles.js";

/** A token with its character offsets. */
export interface RuleToken {
  text: string;
  start: number;
  end: number;
  pos?: string;
}

/** A candidate entity over token indices [start, end) with a confidence. */
export interface SpanCandidate {
  start: number;
  end: number;
  type: EntityType;
  score: number;
  /**
   * Set by a rule that read the line's layout (a team of a result line) or a name's fixed form (a company named in
   * the possessive, "Moody's"): later rules keep its type and bounds.
   */
  settled?: "team" | "name";
  /**
   * Typed by a rule from strong local evidence ("Creighton defeats Drake 65-53": teams): the document's other mentions
   * of the same words take this type, unless they are part of a person's full name.
   */
  authority?: boolean;
}

/** Months, weekdays and their abbreviations (lower case, without trailing period). */
const CALENDAR_WORDS = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
]);

/** Name particles that join the parts of one person's name. */
const NAME_PARTICLES = new Set([
  "bin", "bint", "ibn", "ben", "al", "el", "ul", "abu", "abd", "van", "von", "der", "den", "de", "del", "della", "di", "da", "du",
  "dos", "das", "la", "le", "ter", "ten", "zu", "st.",
]);

/** Name particles that mean "son / daughter of": only found inside person names (lower case as written). */
const PATRONYMICS = new Set(["bin", "ibn", "bint"]);

/** A sentence-initial single-token entity is dropped when its common-word form has confidence below this. */
const SENTENCE_INITIAL_MIN_CONFIDENCE = 0.9;
/** Score given to entities created by rules rather than by the model. */
const RULE_SCORE = 0.75;
/** Most particles in a row that a name may contain ("bin Abdul", "van der"). */
const MAX_PARTICLE_RUN = 3;

const isPunct = (w: string): boolean => /^[\p{P}\p{S}]+$/u.test(w);
const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);
const formOf = (w: string): string => lookupForm(w).replace(/\.$/, "");

/** True when the word is a month or weekday name (any case, abbreviations included). */
export function isCalendarWord(word: string): boolean {
  const f = formOf(word);
  // "Tuesdays", "Fridays": a weekday in the plural is no name either.
  return CALENDAR_WORDS.has(f) || (f.endsWith("days") && CALENDAR_WORDS.has(f.slice(0, -1)));
}

/** Era abbreviations after a year. */
const ERAS = new Set(["BC", "BCE", "AD", "CE", "B.C.", "A.D."]);
/** Decades, clock times and ordinals written with digits ("1990s", "2pm", "10am", "21st"): never names. */
const DIGIT_WORD = /^\d+(?:s|'s|’s|am|pm|a\.m\.|p\.m\.|st|nd|rd|th)\.?$/i;
/** A score or bowling figure written as one token ("3-35", "28-4-83-3"): never the end of a name. */
const FIGURES = /^\d+(?:-\d+)+$/;
/** Pronouns, contraction pieces and interjections: a span of nothing else names nothing ("I", "I'm", "You", "n't", "Yes"). */
const NOT_NAME_WORDS = new Set([
  "i", "'m", "’m", "'re", "'ve", "'ll", "'d", "you", "we", "they", "he", "she", "it", "me", "my", "n't", "n’t", "yes", "oh", "ok", "let", "well", "so", "now", "hey", "yeah", "hi", "hello", "thanks", "please", "sorry", "wow",
  "i'm", "i’m", "i've", "i’ve", "i'll", "i’ll", "i'd", "i’d", "you're", "you’re", "we're", "we’re", "it's", "it’s",
  // question words ("Where were your fact checkers?"; not "who": "WHO" is an organisation)
  "where", "what", "when", "why", "how", "which", "whose",
]);
/** Time zones and day halves: after a clock time they name nothing ("10:00 ET", "4:57 PM"). */
const TIME_ZONES = new Set([
  "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "akst", "akdt", "hst", "gmt", "bst", "cet", "cest", "utc", "ist",
  "jst", "aest", "aedt", "am", "pm", "a.m.", "p.m.",
]);
/** True for a time zone or day half ("EDT", "GMT", "pm"), any case. */
export function isTimeZone(word: string): boolean {
  return TIME_ZONES.has(word.toLowerCase());
}
/** Auxiliary verbs that open questions and clauses, capitalised: no name before a lower-case word. */
const AUXILIARIES = new Set(["Do", "Does", "Did", "Can", "Could", "Will", "Would", "Should", "Shall", "Must", "Might", "Is", "Are", "Was", "Were", "Has", "Have", "Had"]);
/** Acronyms of common nouns and chat words, abbreviations and titles: alone they name nothing ("TV", "GDP", "LOL", "No."). */
const COMMON_ACRONYMS = new Set([
  "TV", "GDP", "GNP", "IQ", "HQ", "CEO", "CFO", "COO", "PC", "DNA", "HIV", "AIDS", "SUV", "ATM", "GPS", "USB", "VIP", "PhD", "MBA", "FAQ",
  "DIY", "LOL", "FYI", "BTW", "OMG", "IMO", "IMHO", "BS", "OK", "RIP", "PS", "TBA", "TBD", "ASAP", "AKA", "ID", "IT", "PR", "Q&A", "DUI", "DWI", "MVP", "RBI", "CPR", "ICU",
  // diseases, tests and treatments ("BSE", "CJD", the "MMR" vaccine): no entities in CoNLL-2003
  "BSE", "CJD", "vCJD", "MMR", "SARS", "MERS", "TB", "HPV", "STD", "STDs", "ADHD", "PTSD", "MRSA", "COVID", "COVID-19", "H1N1", "H5N1", "IVF", "MRI",
  // and abbreviations and titles alone ("No. 1", "Mr")
  "No.", "Nos.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.",
]);
/** Labels of web pages and comment threads ("Posted by", "Report abuse", "Update"): alone they name nothing. */
const PAGE_LABELS = new Set([
  "posted", "updated", "update", "updates", "report", "reply", "replies", "comment", "comments", "share", "print", "email", "e-mail",
  "advertisement", "related", "tags", "filed", "submitted", "edited", "recommend", "tweet", "subscribe", "login",
  // and of results tables ("Halftime 1-0 . Attendance 31,000")
  "halftime", "half-time", "attendance", "scorers", "standings", "sending-off", "postponed",
]);
/** Most words of a {@link PAGE_PHRASES} entry. */
const MAX_PAGE_PHRASE_WORDS = 3;
/** A web page's furniture in capitalised words, which names nothing ("Privacy Policy", "Terms of Service"), lower-cased. */
const PAGE_PHRASES = new Set([
  "privacy policy", "cookie policy", "terms of service", "terms of use", "terms and conditions", "rules of conduct",
  "contact us", "about us", "site map", "sign up", "sign in", "log in", "read more", "download audio file", "most popular",
  "most read", "most viewed", "all rights reserved",
]);
/**
 * Whether a span of these words names nothing whatever a model said: pronouns, contraction pieces and interjections
 * alone ("I", "I'm", "You", "n't"), a page label alone ("Posted", "Report") or a page's furniture ("Privacy Policy"),
 * a lone capital letter ("Plan B", "Group C"),
 * numbers and clock times ("2010 10:20 AM"), a common noun's acronym alone ("TV", "GDP").
 * Also applied to the spans that document-level steps add.
 */
export function namesNothing(words: readonly string[]): boolean {
  if (words.every((w) => NOT_NAME_WORDS.has(w.toLowerCase()))) return true;
  if (words.length >= 2 && words.length <= MAX_PAGE_PHRASE_WORDS && PAGE_PHRASES.has(words.join(" ").toLowerCase())) return true;
  // A date and clock time ("2010 10:20 AM"): numbers, times and day halves only.
  if (words.some((w) => /\d/.test(w)) && words.every((w) => /^[\d:.,/-]+$/.test(w) || isTimeZone(w))) return true;
  return words.length === 1 && (PAGE_LABELS.has(words[0].toLowerCase()) || COMMON_ACRONYMS.has(words[0]) || (/^\p{Lu}$/u.test(words[0]) && words[0] !== "I"));
}

/** A table's header cell: one to three capital letters ("W", "PCT", "GB"). */
const HEADER_CELL = /^\p{Lu}{1,3}$/u;
/** A line of at least this many header cells and nothing else heads a table ("W L PCT GB"): it names nothing. */
const MIN_HEADER_CELLS = 3;

/** True when tokens a and b touch (no whitespace between them). */
const touching = (a: RuleToken, b: RuleToken): boolean => a.end === b.start;

/** True for a particle token ("bin", "Al", "van"). */
export const isParticle = (t: RuleToken): boolean => NAME_PARTICLES.has(lookupForm(t.text));

/** A name-like token: capitalised word, not a title, not a calendar word. */
function nameLike(t: RuleToken, gaz: Gazetteer): boolean {
  return isCap(t.text) && /\p{L}/u.test(t.text) && !isTitleWord(t.text, gaz) && !isCalendarWord(t.text);
}

/**
 * Length (in tokens) of a particle bridge starting at `i`: particles, possibly glued with
 * hyphens ("al-", "bin"), ending just before a name-like token; 0 when there is none.
 */
function particleBridge(tokens: readonly RuleToken[], i: number, end: number, gaz: Gazetteer): number {
  let j = i;
  let particles = 0;
  while (j < end && particles < MAX_PARTICLE_RUN && isParticle(tokens[j])) {
    particles++;
    j++;
    if (j < end && tokens[j].text === "-" && touching(tokens[j - 1], tokens[j])) {
      if (j + 1 < end && touching(tokens[j], tokens[j + 1])) j++;
      else return 0;
    }
  }
  if (particles === 0 || j >= end || !nameLike(tokens[j], gaz)) return 0;
  return j - i;
}

/** Types whose spans lose trailing lower-case common nouns ({@link trimLowerTails}). */
const TAIL_TRIM_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(["LOC", "PERSON", "ORG"]);
/** Dashes that, with spaces around them, separate the names of a list ("Fine Gael - Labour Party"). */
const LIST_DASHES = new Set(["-", "\u2013", "\u2014"]);

/**
 * A name does not end in a lower-case common noun: "Gaza crisis", "Ukraine war", "Kosovo talks"
 * name an event or topic after a place, and CoNLL-2003 tags only the place ("Gaza" LOC). Trailing
 * lower-case words in the common-word list (not name particles) are cut from PERSON, LOC and ORG
 * spans, and from MISC spans after a nationality word ("North African country"); a span with no capitalised word
 * before them is left to the other rules.
 */
export function trimLowerTails(tokens: readonly RuleToken[], spans: SpanCandidate[], gaz: Gazetteer): void {
  for (const s of spans) {
    if (!TAIL_TRIM_TYPES.has(s.type) && (s.type !== "MISC" || /^\d/.test(tokens[s.start].text))) continue;
    let e = s.end;
    while (e - 1 > s.start && /^\p{Ll}/u.test(tokens[e - 1].text) && gaz.has(tokens[e - 1].text, "common") && !isParticle(tokens[e - 1])) e--;
    // A MISC name loses them only after a nationality word ("African country" -> "African"), and not when it opens with a
    // year: "1998 Australian federal election" names the event.
    if (s.type === "MISC" && !gaz.has(tokens[e - 1].text, "demonym")) continue;
    if (e < s.end && /^\p{Lu}/u.test(tokens[e - 1].text)) s.end = e;
  }
}

/**
 * Names in a list are separate entities: a span is split at a comma and at a dash with spaces
 * around it ("University of Jena, University of Bonn", "Fine Gael - Labour Party"). Two names
 * joined by "or" / "and" are two entities, not one ("Australian Labor Party or
 * Australian Greens", "Liberal Party and Greens"): a span is split at a lower-case "or" (not one
 * inside a complement: "Nobel Prize in Physiology or Medicine"), and at "and" / "&" when the part before it ends with an organisation keyword ("... Party and ..."), unless the
 * whole span is one listed name ("Trinidad and Tobago", "Bosnia and Herzegovina"). Both parts must
 * start with a capital letter; each keeps the span's type.
 */
export function splitCoordinated(tokens: readonly RuleToken[], spans: readonly SpanCandidate[], gaz: Gazetteer): SpanCandidate[] {
  const out: SpanCandidate[] = [];
  for (const s0 of spans) {
    let s = { ...s0 };
    let whole: boolean | undefined;
    for (let k = s.start + 1; k < s.end - 1; k++) {
      const w = tokens[k].text;
      // A list: "University of Jena, University of Bonn"; "Fine Gael - Labour Party" (a dash with spaces).
      const list = w === "," || (LIST_DASHES.has(w) && !touching(tokens[k - 1], tokens[k]) && !touching(tokens[k], tokens[k + 1]));
      if (list && isCap(tokens[k + 1].text) && isCap(tokens[s.start].text)) {
        whole ??= PLACE_OR_ORG.some((c) => isGazetteerEntry(tokens, s.start, s.end, c, gaz));
        if (whole) break;
        out.push({ ...s, end: k });
        s = { ...s, start: k + 1 };
        k = s.start;
        continue;
      }
      if (w !== "or" && w !== "and" && w !== "&") continue;
      // "... Service or the National Oceanic ...": the article opens the second name.
      const next = tokens[k + 1].text === "the" && k + 2 < s.end ? k + 2 : k + 1;
      if (!isCap(tokens[next].text) || !isCap(tokens[s.start].text)) continue;
      // "or" inside a complement ("Nobel Prize in Physiology or Medicine") joins words of one name.
      const ok = w === "or" ? !tokens.slice(s.start, k).some((t) => /^\p{Ll}/u.test(t.text)) : gaz.has(tokens[k - 1].text, "orgkey");
      if (!ok) continue;
      whole ??= PLACE_OR_ORG.some((c) => isGazetteerEntry(tokens, s.start, s.end, c, gaz));
      if (whole) break;
      out.push({ ...s, end: k });
      s = { ...s, start: next };
      k = s.start;
    }
    out.push(s);
  }
  return out;
}

/**
 * A MISC span that runs from a nationality over a role to a name ("Palestinian First Deputy Minister of Foreign
 * Affairs Jadot") is the nationality (MISC) and the person (the capitalised words after the role that are no common
 * or role words); undefined when the span is no such run (or holds an organisation keyword: "Chinese Foreign Ministry").
 */
function splitNationalityRole(tokens: readonly RuleToken[], s: SpanCandidate, gaz: Gazetteer): SpanCandidate[] | undefined {
  let d = s.start;
  while (d < s.end && isCap(tokens[d].text) && gaz.has(tokens[d].text, "demonym")) d++;
  if (d === s.start || s.end - d < 2) return undefined;
  let r = d;
  while (r < s.end && isCap(tokens[r].text) && !gaz.has(lookupForm(tokens[r].text), "role")) r++;
  if (r >= s.end - 1 || !gaz.has(lookupForm(tokens[r].text), "role")) return undefined;
  if (tokens.slice(d, s.end).some((t) => gaz.has(t.text, "orgkey"))) return undefined;
  let p = s.end;
  while (p - 1 > r && isCap(tokens[p - 1].text) && !gaz.has(tokens[p - 1].text, "common") && !gaz.has(lookupForm(tokens[p - 1].text), "role")) p--;
  const parts: SpanCandidate[] = [{ ...s, end: d }];
  if (p < s.end) parts.push({ ...s, start: p, type: "PERSON" });
  return parts;
}

const PLACE_OR_ORG = ["country", "city", "region", "orgname"] as const;

/** Words between a role and its portfolio: "Minister of", "Minister of State for", "Secretary for". */
const PORTFOLIO_LINKS = new Set(["of", "for"]);
/** How far back from the portfolio a role noun is looked for ("First Deputy Minister of State for"). */
const PORTFOLIO_ROLE_REACH = 4;
/** Last words of a government portfolio ("Foreign Affairs", "Homeland Security", "State"). */
const PORTFOLIO_HEADS = new Set(
  "Affairs Agriculture Commerce Communications Cooperation Culture Defence Defense Development Economy Education Energy Environment Finance Health Housing Industry Information Interior Justice Labor Labour Planning Relations Resources Security Services State Tourism Trade Transport Transportation Treasury Welfare Works".split(" "),
);

/**
 * A name that opens a title's portfolio and runs on into the holder's name ("... Minister of |Foreign Affairs Jadot|",
 * "Minister of |State for Foreign Affairs Mohammed Al Khulaifi|", "Secretary of |Homeland Security Janet Napolitano|")
 * is the person: the capitalised words after the portfolio's last word ({@link PORTFOLIO_HEADS}), when they hold no
 * listed place or organisation. The portfolio is part of the title, which the role layer attaches to the person;
 * undefined when the span is no such run.
 */
function splitPortfolioHolder(tokens: readonly RuleToken[], s: SpanCandidate, gaz: Gazetteer): SpanCandidate | undefined {
  if (s.type === "PERSON" || s.end - s.start < 2 || s.start < 2 || !PORTFOLIO_LINKS.has(tokens[s.start - 1].text)) return undefined;
  let roleAt = -1;
  for (let i = s.start - 2; i >= Math.max(0, s.start - 1 - PORTFOLIO_ROLE_REACH) && roleAt < 0; i--) {
    const w = tokens[i].text;
    if (gaz.has(lookupForm(w), "role")) roleAt = i;
    else if (!isCap(w) && !PORTFOLIO_LINKS.has(w)) break;
  }
  // A listed place or organisation is no portfolio ("Democrat of New York").
  if (roleAt < 0 || PLACE_OR_ORG.some((c) => isGazetteerEntry(tokens, s.start, s.end, c, gaz))) return undefined;
  let p = s.end;
  while (p - 1 > s.start && isCap(tokens[p - 1].text) && !gaz.has(tokens[p - 1].text, "common") && !gaz.has(lookupForm(tokens[p - 1].text), "role")) p--;
  if (p === s.end || p === s.start) return undefined;
  if (!PORTFOLIO_HEADS.has(tokens[p - 1].text)) return undefined;
  // The holder's name holds no listed place or organisation ("... Affairs UK"; a given name may be one: "Al").
  for (let i = p; i < s.end; i++) if (!gaz.has(tokens[i].text, "first") && PLACE_OR_ORG.some((c) => isGazetteerEntry(tokens, i, i + 1, c, gaz))) return undefined;
  return { ...s, start: p, type: "PERSON" };
}

/**
 * An organisation or place followed by a role is no longer one name: "United Nations Special
 * Envoy to Haiti" -> ORG "United Nations"; "Liberal Party Senator Jane Hume" -> ORG "Liberal
 * Party" + PERSON "Jane Hume". Applies to ORG and LOC spans whose part before a capitalised role
 * word or phrase is a listed organisation or place or ends with an organisation keyword, and
 * whose part after it has no organisation keyword ("UN General Assembly" stays whole); a part ending in a place's
 * administrative word is a place ("Plaquemines Parish President Billy Nungesser"). The
 * capitalised words right after the role are a PERSON when they start with a listed given name.
 * A MISC span from a nationality over a role to a name is the nationality and the person ({@link splitNationalityRole}),
 * and a name from a title's portfolio into the holder's name is the holder ({@link splitPortfolioHolder}).
 */
export function splitAtRoles(tokens: readonly RuleToken[], spans: readonly SpanCandidate[], gaz: Gazetteer): SpanCandidate[] {
  const out: SpanCandidate[] = [];
  for (const s of spans) {
    const nationalRole = s.type === "MISC" ? splitNationalityRole(tokens, s, gaz) : undefined;
    if (nationalRole) {
      out.push(...nationalRole);
      continue;
    }
    const holder = splitPortfolioHolder(tokens, s, gaz);
    if (holder) {
      out.push(holder);
      continue;
    }
    if ((s.type !== "ORG" && s.type !== "LOC") || s.end - s.start < 2) {
      out.push(s);
      continue;
    }
    const forms = tokens.slice(s.start, s.end).map((t) => lookupForm(t.text));
    const phrases = gaz.matchPhrases(forms).filter((m) => m.cls === "role");
    let cut = -1;
    let roleEnd = -1;
    for (let r = 1; r < forms.length && cut < 0; r++) {
      if (!isCap(tokens[s.start + r].text)) continue;
      const phrase = phrases.find((m) => m.start === r);
      let end = phrase ? phrase.end : gaz.has(forms[r], "role") ? r + 1 : -1;
      if (end < 0) continue;
      // A hyphenated role runs on over its compound ("Secretary" "-" "General").
      while (end + 1 < forms.length && forms[end] === "-" && tokens[s.start + end - 1].end === tokens[s.start + end].start && tokens[s.start + end].end === tokens[s.start + end + 1].start) end += 2;
      if (forms.slice(r).some((f) => gaz.has(f, "orgkey"))) break;
      const head = s.start + r;
      const listed = head - s.start === 1 ? oneWordListed(tokens[s.start].text, gaz) !== undefined : PLACE_OR_ORG.some((c) => isGazetteerEntry(tokens, s.start, head, c, gaz));
      if (!listed && !gaz.has(forms[r - 1], "orgkey") && !PLACE_TAILS.has(tokens[head - 1].text)) continue;
      cut = r;
      roleEnd = end;
    }
    if (cut < 0) {
      out.push(s);
      continue;
    }
    // One listed word keeps a listed organisation's type, a listed place is LOC ("Dallas Mayor Tom Leppert").
    // Several words that are a listed place and no listed organisation are LOC ("New York City Councilman ...").
    const place =
      cut > 1 &&
      !isGazetteerEntry(tokens, s.start, s.start + cut, "orgname", gaz) &&
      (PLACE_OR_ORG.some((c) => c !== "orgname" && isGazetteerEntry(tokens, s.start, s.start + cut, c, gaz)) || PLACE_TAILS.has(tokens[s.start + cut - 1].text));
    out.push({ ...s, end: s.start + cut, type: cut === 1 ? (oneWordListed(tokens[s.start].text, gaz) ?? s.type) : place ? "LOC" : s.type });
    let rest = s.start + roleEnd;
    // More title words after the role ("Deputy Political Director Paul Steinhauser").
    while (rest < s.end - 1 && isCap(tokens[rest].text) && (gaz.has(tokens[rest].text, "role") || (gaz.has(tokens[rest].text, "common") && !gaz.has(tokens[rest].text, "first")))) rest++;
    let personEnd = rest;
    while (personEnd < s.end && isCap(tokens[personEnd].text)) personEnd++;
    // The name after the role: a listed given name opens it, or it is a full name of several words ("Jumaane D. Williams").
    if (personEnd > rest && (gaz.has(tokens[rest].text, "first") || personEnd - rest >= 2)) out.push({ ...s, start: rest, end: personEnd, type: "PERSON" });
  }
  return out;
}

/** Words that end the name of an administrative place ("Plaquemines Parish", "Orange County"). */
const PLACE_TAILS = new Set(["County", "Parish", "Province", "District", "Prefecture", "Borough", "Township"]);

/**
 * What one word before a role is known as: an organisation ("U.N. Secretary-General", "Treasury Secretary") keeps the
 * span's type (undefined means not listed); a place ("Ohio Gov.", "Dallas Mayor") is LOC, unless the word is also a role
 * or common word ("Republican Senator": the region list holds a "Republican").
 */
function oneWordListed(word: string, gaz: Gazetteer): "ORG" | "LOC" | undefined {
  if (gaz.has(word, "orgname")) return "ORG";
  if ((["country", "city", "region"] as const).some((c) => gaz.has(word, c)) && !gaz.has(word, "role") && !gaz.has(word, "common")) return "LOC";
  return undefined;
}

/** Subject pronouns, which a name list may hold as surnames ("He"). */
const PRONOUNS = /^(?:I|He|She|It|We|You|They)$/;
/** An initial or initials written as one token ("M.", "J.R."). */
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;
/** A capitalised word that may be a surname after an initial. */
const SURNAME_LIKE = /^\p{Lu}[\p{Ll}'’-]*\p{Ll}$/u;

/** Religions whose names do not end in "-ism" (those that do are found by their ending, {@link isCreedWord}). */
const RELIGIONS = new Set(["Islam", "Christianity", "Shinto", "Wicca", "Santeria", "Scientology"]);
/** A capitalised -ism: an ideology or religion ("Marxism", "Zionism", "Buddhism", "Thatcherism"). */
const ISM = /^\p{Lu}\p{Ll}{3,}ism$/u;

/** A religion or ideology named in one word (an -ism that is no common word: not "Tourism", "Terrorism"). */
function isCreedWord(w: string, gaz: Gazetteer): boolean {
  return RELIGIONS.has(w) || (ISM.test(w) && !gaz.has(w, "common"));
}

/** A cricket scorecard's dismissal marks between two players: caught, bowled, stumped, leg before wicket. */
const SCORECARD_MARKS = new Set(["c", "b", "st", "lbw", "c&b"]);

/**
 * 3c. A person span across a scorecard's dismissal mark is two people ("M. Atherton c Healy b Warne 31" ->
 * "M. Atherton", "Healy", "Warne"): the mark is lower case between capitalised words.
 */
function splitScorecardNames(tokens: readonly RuleToken[], spans: readonly SpanCandidate[]): SpanCandidate[] {
  const out: SpanCandidate[] = [];
  for (const s0 of spans) {
    let s = { ...s0 };
    if (s.type === "PERSON") {
      for (let k = s.start + 1; k < s.end - 1; k++) {
        if (!SCORECARD_MARKS.has(tokens[k].text) || !isCap(tokens[k - 1].text) || !isCap(tokens[k + 1].text)) continue;
        out.push({ ...s, end: k });
        s = { ...s, start: k + 1 };
      }
    }
    out.push(s);
  }
  return out;
}

/**
 * 3b. An initial before a surname is a person ("M. Atherton", "A. Stewart", "N. Hussain": scorecards and results list
 * people so), whatever the tagger said (often MISC, or the initial alone), unless an organisation or place holds the
 * name ("J. P. Morgan"), the word after the initial is a listed place ("N. Korea"), a calendar word or a common word
 * that is no surname ("I. Unfortunately"), or the initials are a country or organisation ("U.S.").
 */
function initialedPersons(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer): SpanCandidate[] {
  let out = spans;
  for (let i = sentStart; i + 1 < sentEnd; i++) {
    const w = tokens[i].text;
    if (!INITIALS.test(w) || !SURNAME_LIKE.test(tokens[i + 1].text) || gaz.has(w, "country") || gaz.has(w, "orgname")) continue;
    const next = tokens[i + 1].text;
    // Not a place ("N. Korea"), nor a common or calendar word after an outline letter or in a headline ("I. Unfortunately").
    if ((["country", "city", "region"] as const).some((c) => gaz.has(next, c)) || isCalendarWord(next)) continue;
    if ((gaz.has(next, "common") && !gaz.has(next, "sur")) || isFunctionWord(next) || PRONOUNS.test(next)) continue;
    // A compass initial before a word no name list knows is a region ("N. Korea"); a full name with its given name
    // already is a person of its own ("O. Bill Clinton").
    if (/^[NSEW]\.$/.test(w) && !gaz.has(next, "sur") && !gaz.has(next, "first")) continue;
    let start = i;
    while (start > sentStart && INITIALS.test(tokens[start - 1].text)) start--;
    const holder = out.find((s) => s.start <= i + 1 && s.end > i + 1);
    if (holder && (holder.type === "ORG" || holder.type === "LOC")) continue;
    if (holder?.type === "PERSON" && holder.start === i + 1 && holder.end - holder.start > 1 && gaz.has(next, "first")) continue;
    const end = holder ? Math.max(holder.end, i + 2) : i + 2;
    const inside = out.filter((s) => s.start < end && s.end > start);
    if (inside.some((s) => s.start < start)) continue;
    if (inside.length === 1 && inside[0].type === "PERSON" && inside[0].start === start && inside[0].end === end) continue;
    const score = inside.length ? Math.max(...inside.map((s) => s.score)) : RULE_SCORE;
    out = [...out.filter((s) => !inside.includes(s)), { start, end, type: "PERSON" as const, score }].sort((a, b) => a.start - b.start);
    i = end - 1;
  }
  return out;
}

/** Most words of a transcript speaker's name ("KYRA PHILLIPS"). */
const MAX_SPEAKER_WORDS = 3;

/**
 * 3c. A transcript's speaker label: capitals words opening a line before ":" (or before ", CNN ANCHOR:") name the
 * speaker ("BLITZER: We're following...", "KYRA PHILLIPS, CNN ANCHOR: OK."), a PERSON, after any title ("PRESIDENT BARACK
 * OBAMA:"); not a listed place, organisation or nationality; a label of common words alone ("UNIDENTIFIED MALE:",
 * "ANNOUNCER:") names no one, unless they are listed names ("KING:").
 */
function speakerLabel(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer): SpanCandidate[] {
  // (Not a sentence cut inside a word: "FOXSPORTS.COM:".)
  if (sentStart > 0 && tokens[sentStart - 1].end === tokens[sentStart].start) return spans;
  let end = sentStart;
  while (end < sentEnd && /^\p{Lu}[\p{Lu}'’.-]*$/u.test(tokens[end].text) && /\p{Lu}{2}/u.test(tokens[end].text)) end++;
  if (end === sentStart || end >= sentEnd) return spans;
  const after = tokens[end].text;
  let colon = after === ":";
  if (after === ",") for (let k = end + 1; k < sentEnd && !colon && k <= end + 6; k++) colon = tokens[k].text === ":";
  if (!colon) return spans;
  let start = sentStart;
  while (start < end && isTitleWord(tokens[start].text, gaz)) start++;
  if (end - start < 1 || end - start > MAX_SPEAKER_WORDS) return spans;
  const words = tokens.slice(start, end).map((t) => t.text);
  const phrase = words.join(" ");
  if ((["country", "city", "region", "orgname", "demonym"] as const).some((c) => gaz.hasEntry(phrase, c) || words.some((w) => gaz.has(w, c) && !gaz.has(w, "sur")))) return spans;
  const inside = spans.filter((s) => s.start < end && s.end > start);
  // A label of common words ("UNIDENTIFIED FEMALE:", "ANNOUNCER:") names no one.
  if (words.some((w) => gaz.has(w, "common") && !gaz.has(w, "first") && !gaz.has(w, "sur"))) {
    // (Of two words or more: a one-word label may be a country the lists leave out, "US: One death".)
    return words.length > 1 && words.every((w) => gaz.has(w, "common")) ? spans.filter((s) => !(s.start >= start && s.end <= end)) : spans;
  }
  if (inside.some((s) => s.start < start || s.end > end)) return spans;
  return [...spans.filter((s) => !inside.includes(s)), { start, end, type: "PERSON" as const, score: RULE_SCORE }].sort((a, b) => a.start - b.start);
}

/** Whether the sentence is a table's header line: header cells only ({@link HEADER_CELL}), at least {@link MIN_HEADER_CELLS}. */
function isHeaderLine(tokens: readonly RuleToken[], sentStart: number, sentEnd: number): boolean {
  if (sentEnd - sentStart < MIN_HEADER_CELLS) return false;
  for (let i = sentStart; i < sentEnd; i++) if (!HEADER_CELL.test(tokens[i].text)) return false;
  return true;
}

/**
 * Applies the rules to the candidates of one sentence (tokens [sentStart, sentEnd) of `tokens`).
 * Returns non-overlapping candidates sorted by start. `lineMode` is the sentence's case mode, when the caller has it.
 */
export function applyRules(
  tokens: readonly RuleToken[],
  sentStart: number,
  sentEnd: number,
  candidates: readonly SpanCandidate[],
  gaz: Gazetteer,
  lineMode: CaseMode = sentenceCaseMode(tokens.slice(sentStart, sentEnd).map((t) => t.text), gaz),
): SpanCandidate[] {
  let spans = candidates.map((c) => ({ ...c })).sort((a, b) => a.start - b.start);

  // 1. Calendar words: drop spans made only of them, and trim them from the front.
  //    Punctuation never starts or ends a name ("United Nations-" -> "United Nations").
  //    A person's name never ends in digits ("Mark Waugh 56"), nor any name in a score ("Warne 3-35").
  //    A table's header line ("W L PCT GB") names nothing.
  if (isHeaderLine(tokens, sentStart, sentEnd)) return [];
  spans = spans.filter((s) => {
    while (s.start < s.end && (isCalendarWord(tokens[s.start].text) || isPunct(tokens[s.start].text))) s.start++;
    while (s.end > s.start && isPunct(tokens[s.end - 1].text) && !/\p{L}\.$/u.test(tokens[s.end - 1].text)) s.end--;
    const before = s.end;
    while (s.end > s.start + 1 && (FIGURES.test(tokens[s.end - 1].text) || (s.type === "PERSON" && /^\d[\d.,]*$/.test(tokens[s.end - 1].text)))) s.end--;
    // ... and a date cut off with them goes too ("Alan Misenheimer February 2").
    if (s.end < before) while (s.end > s.start + 1 && isCalendarWord(tokens[s.end - 1].text)) s.end--;
    if (s.start >= s.end) return false;
    const words = tokens.slice(s.start, s.end).map((t) => t.text);
    if (!words.some((w) => /\p{L}/u.test(w)) || DIGIT_WORD.test(words.join(""))) return false;
    // An all-lower-case common word is no name ("longstanding").
    if (!words.some((w) => /\p{Lu}/u.test(w)) && words.every((w) => gaz.has(w, "common") || isPunct(w))) return false;
    // Nor a lower-case code with digits ("b-4", "nb-10": a scorecard's extras).
    if (!words.some((w) => /\p{Lu}/u.test(w)) && words.some((w) => /\d/.test(w))) return false;
    // Nor pronouns ("I", "I'm", "You"), a page label ("Posted", "Report"), a lone letter, or a time zone after a clock time ("10:00 ET").
    if (namesNothing(words)) return false;
    const clock = (k: number): boolean => k >= sentStart && (/\d/.test(tokens[k].text) || (isTimeZone(tokens[k].text) && k > sentStart && /\d/.test(tokens[k - 1].text)));
    if (words.length === 1 && isTimeZone(words[0]) && clock(s.start - 1)) return false;
    // A lone short lower-case word ("de facto", "de jure") and an era after a year ("116 AD", "609 BCE") name nothing.
    if (words.length === 1 && /^\p{Ll}{1,3}$/u.test(words[0])) return false;
    if (words.length === 1 && ERAS.has(words[0]) && s.start > sentStart && /^\d+$/.test(tokens[s.start - 1].text)) return false;
    return true;
  });
  trimLowerTails(tokens, spans, gaz);

  // 2. Titles before person names.
  const extra: SpanCandidate[] = [];
  for (const s of spans) {
    if (s.type !== "PERSON") {
      // "Secretary of State Antony Blinken" tagged ORG: a title, then a given name, is a person.
      const words = tokens.slice(s.start, s.end).map((t) => t.text);
      const k = personPrefix(words, gaz).prefix;
      if (k > 0 && k < words.length - 1 && gaz.has(words[k], "first") && words.slice(k).every((w) => isCap(w))) {
        s.start += k;
        s.type = "PERSON";
      }
      continue;
    }
    const words = tokens.slice(s.start, s.end).map((t) => t.text);
    const { leadType, prefix } = personPrefix(words, gaz);
    if (prefix === 0) continue;
    // The lead keeps its own entity (a possessive "'s" is not part of it).
    if (leadType) extra.push({ start: s.start, end: s.start + 1, type: leadType, score: s.score });
    s.start += prefix;
  }
  // The tail of a title phrase is no given name: "Minister of Foreign Affairs Jadot" -> "Jadot".
  // A leading common word that is not a given name, right after a capitalised word or "of", is cut.
  for (const s of spans) {
    if (s.type !== "PERSON") continue;
    while (s.end - s.start > 1 && s.start > sentStart) {
      const first = tokens[s.start].text;
      const prev = tokens[s.start - 1].text;
      if (first.length < 4 || !gaz.has(first, "common") || gaz.has(first, "first") || gaz.has(first, "sur") || !(isCap(prev) || prev === "of")) break;
      s.start++;
    }
  }
  // A person span made only of title words is no person; nor is a one-word place or organisation
  // that is a title before a capitalised word ("Brigadier" of "Brigadier General Ross Hoyt").
  spans = spans.filter((s) => {
    if (s.end - s.start !== 1 || !isTitleWord(tokens[s.start].text, gaz)) return true;
    if (s.type === "PERSON") return false;
    // Party and nationality words stay ("Democrat Ted Kennedy": MISC, "Labour MPs": ORG).
    const w = tokens[s.start].text;
    if (s.type === "MISC" || gaz.has(w, "orgname") || gaz.has(w, "orgkey") || gaz.has(w, "demonym")) return true;
    return !(s.end < sentEnd && isCap(tokens[s.end].text));
  });
  // A span inside a multi-word role phrase is no name ("State" of "Secretary of State").
  const roles = gaz.matchPhrases(tokens.slice(sentStart, sentEnd).map((t) => lookupForm(t.text))).filter((m) => m.cls === "role");
  if (roles.length) spans = spans.filter((s) => !roles.some((m) => m.start + sentStart < s.start && m.end + sentStart >= s.end));
  spans.push(...extra);
  spans.sort((a, b) => a.start - b.start);

  // 3. Name particles: extend person names forwards and backwards across particles.
  // Patronymic particles ("bin", "ibn", "bint") occur only inside person names: a name right after
  // one, itself after a capitalised word, is a person whatever its type ("... Mohammed bin Abdulaziz").
  for (const s of spans) {
    if (s.type !== "PERSON" && s.start - 2 >= sentStart && PATRONYMICS.has(tokens[s.start - 1].text) && isCap(tokens[s.start - 2].text)) s.type = "PERSON";
  }
  for (let n = 0; n < spans.length; n++) {
    const s = spans[n];
    if (s.type !== "PERSON") continue;
    for (;;) {
      const bridge = particleBridge(tokens, s.end, sentEnd, gaz);
      if (bridge === 0) break;
      let e = s.end + bridge;
      while (e < sentEnd && nameLike(tokens[e], gaz)) e++;
      s.end = e;
    }
    // Backwards: "van der Leyen", "al-Baghdadi"; repeated over chains ("Mohammed bin Abdulaziz bin Saleh").
    for (;;) {
      let b = s.start;
      while (b > sentStart) {
        const prev = tokens[b - 1];
        if (isParticle(prev) && !isCap(prev.text)) b--;
        else if (prev.text === "-" && touching(prev, tokens[b]) && b - 2 >= sentStart && isParticle(tokens[b - 2]) && touching(tokens[b - 2], prev)) b -= 2;
        else break;
      }
      if (b === s.start) break;
      const particlesAt = b;
      // Take in the given name before the particles ("Ursula von der Leyen").
      while (b > sentStart && nameLike(tokens[b - 1], gaz) && (gaz.has(tokens[b - 1].text, "first") || !gaz.has(tokens[b - 1].text, "common"))) {
        const other = spans.find((o) => o !== s && o.start <= b - 1 && o.end > b - 1);
        if (other && other.type !== "PERSON") {
          // A one-word name of another type right before the particles is part of the person ("Abdulaziz").
          if (other.end === b && other.end - other.start === 1) {
            other.end = other.start;
            b--;
            continue;
          }
          // "... Ministry of Foreign Affairs Mohammed" + "bin Abdulaziz": the given name belongs to the person.
          if (other.end === b && other.end - other.start > 1 && gaz.has(tokens[b - 1].text, "first")) {
            other.end--;
            b--;
          }
          break;
        }
        b--;
      }
      s.start = b;
      // Particles with no name before them stay out of the chain; stop when nothing was taken in.
      if (b === particlesAt) break;
    }
  }
  spans = spans.filter((s) => s.end > s.start);
  // Merge person spans swallowed by the extension and drop overlaps (earlier, longer spans win).
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SpanCandidate[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end && last.type === s.type) last.end = s.end;
      continue;
    }
    merged.push(s);
  }
  spans = speakerLabel(tokens, sentStart, sentEnd, splitScorecardNames(tokens, initialedPersons(tokens, sentStart, sentEnd, merged, gaz)), gaz);

  // 4. Untagged dotted abbreviations ("U.S.", "U.N.").
  const covered = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) covered.add(i);
  for (let i = sentStart; i < sentEnd; i++) {
    if (covered.has(i) || !/^(\p{Lu}\.){2,}$/u.test(tokens[i].text)) continue;
    const type: EntityType | undefined = gaz.has(tokens[i].text, "country") ? "LOC" : gaz.has(tokens[i].text, "orgname") ? "ORG" : undefined;
    if (type) spans.push({ start: i, end: i + 1, type, score: RULE_SCORE });
  }
  // 4b. Untagged nationality, people and religion words ("Jewish", "Poles", "Buddhist") are MISC
  //     (CoNLL-2003), unless the word is also a name followed by another capitalised word
  //     ("Christian Bale") or the first part of a hyphenated compound ("Egyptian-born").
  for (let i = sentStart; i < (lineMode !== "normal" ? sentStart : sentEnd); i++) {
    const w = tokens[i].text;
    if (covered.has(i) || !/^\p{Lu}/u.test(w) || !gaz.has(w, "demonym") || gaz.has(w, "country") || gaz.has(w, "city")) continue;
    if (i + 1 < sentEnd && tokens[i + 1].text === "-" && tokens[i + 1].start === tokens[i].end) continue; // "Egyptian-born": a compound
    const nextCap = i + 1 < sentEnd && /^\p{Lu}/u.test(tokens[i + 1].text);
    if (nextCap && (gaz.has(w, "first") || gaz.has(w, "sur"))) continue;
    spans.push({ start: i, end: i + 1, type: "MISC", score: RULE_SCORE });
  }
  // 4c. A religion or an -ism is MISC, whatever the tagger said ("interest in Islam" was LOC: GMB tags "Islam" geo),
  //     tagged or not (CoNLL-2003: religions and ideologies).
  for (const s of spans) if (s.end - s.start === 1 && isCreedWord(tokens[s.start].text, gaz)) s.type = "MISC";
  //     An untagged one opening the sentence may be a common noun capitalised ("Capitalism is ...") and stays untagged.
  let firstWord = sentStart;
  while (firstWord < sentEnd && /^\p{P}+$/u.test(tokens[firstWord].text)) firstWord++;
  for (let i = firstWord + 1; i < sentEnd; i++) if (!covered.has(i) && isCreedWord(tokens[i].text, gaz) && !spans.some((s) => s.start <= i && s.end > i)) spans.push({ start: i, end: i + 1, type: "MISC", score: RULE_SCORE });
  spans.sort((a, b) => a.start - b.start);

  // 5. Sentence-initial capitalised common words.
  spans = spans.filter((s) => {
    if (s.end - s.start !== 1) return true;
    let first = sentStart;
    while (first < sentEnd && /^\p{P}+$/u.test(tokens[first].text)) first++;
    if (s.start !== first) return true;
    const w = tokens[s.start].text;
    // An auxiliary opening a question or a clause ("Will the ...", "Can it ...", "Do you ..."), before a lower-case word.
    if (AUXILIARIES.has(w) && s.end < sentEnd && /^\p{Ll}/u.test(tokens[s.end].text)) return false;
    const nameLists = ["first", "sur", "country", "demonym", "city", "region", "orgname"] as const;
    if (!gaz.has(w, "common") || nameLists.some((c) => gaz.has(w, c))) return true;
    return s.score >= SENTENCE_INITIAL_MIN_CONFIDENCE;
  });
  // 6. CoNLL conventions (countries, demonyms, hyphenated compounds, headlines), after
  //    organisation names with "of"/"for" complements are made whole.
  const mode = lineMode; // the same line, read once
  spans = extendOrgPhrases(tokens, sentStart, sentEnd, spans, gaz, mode);
  retypeTeamNames(tokens, spans, gaz, mode === "normal");
  spans = retypeTables(tokens, sentStart, sentEnd, retypeClubNames(tokens, sentStart, sentEnd, spans, gaz), gaz);
  spans = theTeamPlurals(tokens, sentStart, sentEnd, spans, gaz, mode);
  spans = retypeScoredTeams(tokens, sentEnd, spans, gaz);
  spans = retypeRaceTeams(tokens, sentStart, sentEnd, spans, gaz);
  spans = possessiveCompanies(tokens, sentStart, sentEnd, retypeCompanies(tokens, sentStart, sentEnd, spans, gaz), gaz);
  spans = retypeDefinedNames(tokens, sentStart, sentEnd, spans, gaz);
  spans = splitAtRoles(tokens, splitCoordinated(tokens, spans, gaz), gaz);
  // 7. Places in capitals: dateline lines and capitals place names ({@link ./datelines.ts}).
  return retypeCapitalPlaces(tokens, sentStart, sentEnd, applyConventions(tokens, sentStart, sentEnd, spans, gaz, mode), gaz, mode);
}
