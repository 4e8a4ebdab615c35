/**
 * Name forms for matching entities across articles: what is stripped from a written name
 * ("the", a possessive, a leading title), the key two spellings of one name share
 * ("Al-Khulaifi" / "al Khulaifi"; "Gadhafi" / "Gaddafi" / "Qaddafi"), acronyms ("U.N." ->
 * initials of "United Nations") and capital-for-government metonymy ("Washington said").
 * Pure functions and small tables; no I/O.
 */
import type { Span } from "../model.js";
import { HONORIFICS, ROLE_ABBREVIATIONS, ROLE_MODIFIERS, ROLE_NOUNS } from "../nlp/roles/lexicon.js";
import { nameKey } from "./terms.js";

/** Names that are one country or organisation written several ways (keys as {@link nameKey} gives them). */
export const NAME_ALIASES: Readonly<Record<string, string>> = {
  "us": "united states",
  "usa": "united states",
  "united states of america": "united states",
  "america": "united states",
  "uk": "united kingdom",
  "britain": "united kingdom",
  "great britain": "united kingdom",
  "un": "united nations",
  "un security council": "united nations security council",
  "security council": "united nations security council",
  "eu": "european union",
  "prc": "china",
  "people s republic of china": "china",
  "russian federation": "russia",
  "mideast": "middle east",
};

/**
 * Capitals that news writing uses for their government ("Washington said", "Moscow has warned"),
 * mapped to the key of the country (or union) they stand for. Only LOC mentions in a speech or
 * action context are read this way; every other mention stays the city.
 */
export const CAPITALS: Readonly<Record<string, string>> = {
  washington: "united states", moscow: "russia", beijing: "china", london: "united kingdom", paris: "france",
  berlin: "germany", tokyo: "japan", tehran: "iran", ankara: "turkey", damascus: "syria", tripoli: "libya",
  cairo: "egypt", riyadh: "saudi arabia", doha: "qatar", kabul: "afghanistan", baghdad: "iraq", kyiv: "ukraine",
  kiev: "ukraine", brussels: "european union", pyongyang: "north korea", seoul: "south korea", "new delhi": "india",
  islamabad: "pakistan", ottawa: "canada", canberra: "australia", rome: "italy", madrid: "spain", caracas: "venezuela",
  havana: "cuba", minsk: "belarus", warsaw: "poland", taipei: "taiwan", hanoi: "vietnam", manila: "philippines",
  jakarta: "indonesia", amman: "jordan", beirut: "lebanon", sanaa: "yemen", "abu dhabi": "united arab emirates",
  muscat: "oman", tokio: "japan", "addis ababa": "ethiopia", nairobi: "kenya", pretoria: "south africa", abuja: "nigeria",
  "mexico city": "mexico", brasilia: "brazil", "buenos aires": "argentina", athens: "greece", budapest: "hungary",
  stockholm: "sweden", oslo: "norway", copenhagen: "denmark", helsinki: "finland", "the hague": "netherlands",
  bern: "switzerland", vienna: "austria", khartoum: "sudan", algiers: "algeria", rabat: "morocco", tunis: "tunisia",
};

/** Particles before Arabic names that spellings keep or drop ("al-Assad" / "Assad"): ignored in keys. */
const NAME_PARTICLES = new Set(["al", "el"]);
/** Words shorter than this are compared as written; longer ones by their spelling skeleton (see {@link skeleton}). */
const SKELETON_MIN_LETTERS = 5;
/** Titles not in the role lexicon that precede a name ("Gen.", "Sheikh", "King"). */
const EXTRA_TITLES = new Set([
  "gen", "general", "col", "colonel", "lt", "sgt", "capt", "captain", "maj", "adm", "admiral", "cmdr", "brig",
  "king", "queen", "prince", "princess", "sheikh", "sheik", "emir", "sultan", "pope", "rev", "reverend", "imam",
  "ayatollah", "field", "marshal", "sen", "rep", "gov", "pres", "dr", "prof", "professor", "secretary-general",
]);

/** A name as written with its span, after stripping what is not part of the name. */
export interface NameForm {
  text: string;
  span: Span;
}

function titleWord(w: string): boolean {
  const k = w.toLowerCase().replace(/\.$/, "");
  if (HONORIFICS[k] !== undefined || HONORIFICS[`${k}.`] !== undefined || EXTRA_TITLES.has(k) || ROLE_ABBREVIATIONS[k] !== undefined) return true;
  return k.split("-").every((p) => p !== "" && (ROLE_NOUNS.has(p) || ROLE_MODIFIERS.has(p) || EXTRA_TITLES.has(p)));
}

/** True when a word names a role (not a modifier): a run of title words must hold one to be stripped. */
function headTitleWord(w: string): boolean {
  const k = w.toLowerCase().replace(/\.$/, "");
  if (HONORIFICS[k] !== undefined || HONORIFICS[`${k}.`] !== undefined || EXTRA_TITLES.has(k) || ROLE_ABBREVIATIONS[k] !== undefined) return true;
  return k.split("-").some((p) => ROLE_NOUNS.has(p) || EXTRA_TITLES.has(p));
}

/**
 * The name part of a mention: leading punctuation, "the", a possessive and (for people) a
 * leading title run holding a role word ("White House Press Secretary Jay Carney" -> "Jay Carney")
 * are dropped; at least one word stays. The span is narrowed to match.
 */
export function cleanName(text: string, span: Span, person: boolean): NameForm {
  const key = `${person ? "p" : "n"}${text}`;
  let cut = cleanCache.get(key);
  if (cut === undefined) {
    cut = nameBounds(text, person);
    remember(cleanCache, key, cut);
  }
  const [start, end] = cut;
  return { text: text.slice(start, end), span: { start: span.start + start, end: span.start + end } };
}

/**
 * Names recur across a story's articles (a story's report reads hundreds of mentions of the same
 * few names): the string functions below remember this many results each, then start afresh.
 */
const NAME_CACHE_SIZE = 20_000;
const cleanCache = new Map<string, [number, number]>();
const matchKeyCache = new Map<string, string>();

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= NAME_CACHE_SIZE) cache.clear();
  cache.set(key, value);
}

/** Start and end of the name part in a mention's text (see {@link cleanName}). */
function nameBounds(text: string, person: boolean): [number, number] {
  let start = 0;
  let end = text.length;
  const lead = /^[^\p{L}\p{N}]+/u.exec(text);
  if (lead) start = lead[0].length;
  const the = /^(?:the|of|in|at|on|for|from|to|by|and|with|an?)\s+/u.exec(text.slice(start)) ?? /^the\s+/iu.exec(text.slice(start));
  if (the && text.length - start - the[0].length > 1) start += the[0].length;
  const tail = /(?:\s*['’]s?|[^\p{L}\p{N}.)]+)$/u.exec(text.slice(start, end));
  if (tail && tail.index > 0) end = start + tail.index;
  if (person) {
    const words = [...text.slice(start, end).matchAll(/\S+/g)];
    let k = 0;
    while (k < words.length - 1 && titleWord(words[k][0])) k++;
    if (k > 0 && words.slice(0, k).some((w) => headTitleWord(w[0]))) start += words[k].index!;
  }
  return [start, end];
}

/**
 * A spelling skeleton that transliteration variants share: digraphs folded (dh, kh, gh, ph, th),
 * q -> g, o -> u, e -> i, final y -> i, doubled letters collapsed. "Gadhafi", "Gaddafi", "Qaddafi",
 * "Gadaffi" -> "gadafi"; "Moammar" / "Muammar" -> "muamar". Hassan and Hussein stay apart.
 */
export function skeleton(word: string): string {
  if (word.length < SKELETON_MIN_LETTERS || /\d/.test(word)) return word;
  return word
    .replace(/([dkgpt])h/g, "$1")
    .replace(/q/g, "g")
    .replace(/ph/g, "f")
    .replace(/o/g, "u")
    .replace(/e/g, "i")
    .replace(/y$/, "i")
    .replace(/(.)\1+/g, "$1");
}

/** Dotted or spaced initials joined ("u s" -> "us"); other keys unchanged. */
function joinInitials(k: string): string {
  const parts = k.split(" ");
  if (parts.length > 1 && parts.every((p) => p.length === 1)) return parts.join("");
  return k.replace(/^((?:\p{L} )+\p{L})(?= )/u, (m) => m.replace(/ /g, ""));
}

/**
 * The matching key of a cleaned name: {@link nameKey}, initials joined, the alias table applied,
 * name particles dropped and each word reduced to its {@link skeleton}.
 */
export function matchKey(name: string): string {
  let k = matchKeyCache.get(name);
  if (k === undefined) remember(matchKeyCache, name, (k = computeMatchKey(name)));
  return k;
}

function computeMatchKey(name: string): string {
  let k = joinInitials(nameKey(name));
  k = NAME_ALIASES[k] ?? k;
  const words = k.split(" ").filter(Boolean);
  const kept = words.filter((w) => !NAME_PARTICLES.has(w));
  return (kept.length ? kept : words).map(skeleton).join(" ");
}

/** Words skipped when taking the initials of a name ("Organization OF the Petroleum ..."). */
const INITIALS_SKIP = new Set(["of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "al", "el", "to", "a"]);
/** Acronyms have at least / at most this many letters. */
const MIN_ACRONYM = 2;
const MAX_ACRONYM = 6;

/** The lower-case initials of a multi-word name ("International Criminal Court" -> "icc"), or undefined. */
export function initialsOf(name: string): string | undefined {
  const words = nameKey(name).split(" ").filter((w) => w && !INITIALS_SKIP.has(w));
  if (words.length < MIN_ACRONYM || words.length > MAX_ACRONYM) return undefined;
  return words.map((w) => w[0]).join("");
}

/** The lower-case letters of a written acronym ("ICC", "U.N.", "NATO"), or undefined when the form is not one. */
export function acronymOf(form: string): string | undefined {
  const letters = form.replace(/\./g, "");
  if (!/^\p{Lu}+$/u.test(letters) || letters.length < MIN_ACRONYM || letters.length > MAX_ACRONYM) return undefined;
  return letters.toLowerCase();
}

/** Auxiliaries and adverbs allowed between a capital and its verb ("Moscow has repeatedly warned"). */
const VERB_GAP = /^(?:has|have|had|is|was|were|are|will|would|could|should|may|might|must|also|has also|had also|now|then|again|not|still|already|quickly|swiftly|officially|publicly|\w+ly)$/i;
/** Verb stems of speech and state action: a capital that does these is its government. */
const GOVERNMENT_VERBS = new Set((
  "say said tell told warn urg call announc accus deni deny reject condemn criticiz criticis demand insist respond repli reply " +
  "welcom protest threaten vow pledg promis declar stat claim blam argu propos offer agre refus recogniz recognis support " +
  "back oppos impos sanction expel recall summon sent send deploy approv veto vote sign order ask hope want believ fear " +
  "consider see saw view regard expect plan intend seek sought push press lobbi lobby respond retaliat freez froze suspend " +
  "emphasiz emphasis underlin reaffirm express voic expell halt cut ban block dismiss slam hail prais note stress reiterat maintain acknowledg admit confirm " +
  "work tri try aim"
).split(" "));

/** Nouns after a capital's possessive that make it its government ("Beijing's alignment", "Moscow's position"). */
const GOVERNMENT_NOUNS = new Set((
  "alignment position positions stance policy policies support decision decisions response reaction relations ties " +
  "envoy envoys ambassador diplomats diplomacy government leadership allies ally demands demand proposal proposals offer plan " +
  "plans objections concerns call calls backing opposition approach strategy sanctions veto refusal insistence push bid efforts " +
  "role ambitions interests influence claims warnings threat threats view views"
).split(" "));

/** A relation noun and "with" or "between" right before a capital make it a government ("alignment with Moscow"). */
const RELATION_BEFORE = /(?:^|[^\p{L}])(?:alignment|ties|relations|talks|cooperation|coordination|agreement|deal|rift|dispute|tensions?|partnership|alliance|negotiations|dialogue|rapprochement|standoff) (?:with|between)\s+$/iu;

/** True when a verb form belongs to {@link GOVERNMENT_VERBS} (by its stem). */
function governmentVerb(word: string): boolean {
  const w = word.toLowerCase();
  for (const stem of [w, w.replace(/(?:ed|es|s|d|ing)$/, ""), w.replace(/(?:ied|ies)$/, "y"), w.replace(/e[ds]$/, "")]) {
    if (GOVERNMENT_VERBS.has(stem)) return true;
  }
  return false;
}

/** Words before a capital that make it a place ("officials in Tripoli said", "residents of Tripoli"). */
const PLACE_PREPOSITION = /(?:^|[^\p{L}])(?:in|of|at|from|to|near|around|outside|inside|into|across|via|through|toward|towards|between|and|embassy|visit|visited|visiting)\s+$/iu;

/** Words read after a capital when looking for its verb. */
const GOVERNMENT_LOOKAHEAD_WORDS = 4;

/**
 * True when the place mention at `span` acts as a government in `text`: it is directly followed
 * (after auxiliaries and adverbs) by a speech or action verb ("Washington said", "Beijing has urged"),
 * or its possessive by a noun of policy ("Beijing's alignment"), and no preposition before it makes it
 * a place ("officials in Tripoli said"); or a relation noun with "with" comes before it ("ties with Moscow").
 */
export function actsAsGovernment(text: string, span: Span): boolean {
  const before = text.slice(Math.max(0, span.start - 30), span.start);
  if (RELATION_BEFORE.test(before)) return true;
  if (!governmentPosition(text, span)) return false;
  const after = text.slice(span.end, span.end + 80);
  const possessive = /^['\u2019\u2018]s\s+(\p{L}+)/u.exec(after);
  if (possessive) return GOVERNMENT_NOUNS.has(possessive[1].toLowerCase());
  if (!/^\s/.test(after)) return false; // "Washington-based", "Washington, D.C."
  const words = after.trim().split(/\s+/).slice(0, GOVERNMENT_LOOKAHEAD_WORDS);
  for (const raw of words) {
    const w = raw.replace(/[^\p{L}]+$/u, "");
    if (w !== "" && governmentVerb(w)) return true;
    if (w !== raw || !VERB_GAP.test(w)) return false; // punctuation or another word ends the verb group
  }
  return false;
}

/** True when nothing before the capital makes it a place (a preposition: "in Washington"). */
export function governmentPosition(text: string, span: Span): boolean {
  return !PLACE_PREPOSITION.test(text.slice(Math.max(0, span.start - 20), span.start));
}

/** The display form of a country key from {@link CAPITALS} ("united states" -> "United States"). */
export function titleCase(key: string): string {
  return key.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
