/**
 * Titles, honorifics and role words that precede person names but are not part of them
 * under CoNLL conventions ("President Joe Biden" -> PERSON "Joe Biden").
 * Used to clean training data and by the rule layer.
 */
import { Gazetteer, lookupForm } from "./gazetteer.js";

/** Honorifics, ranks and role words (lower case, without trailing period). */
const TITLE_WORDS = new Set([
  "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "madam", "mister",
  "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "general", "deputy", "acting", "first",
  "foreign", "interior", "defense", "defence", "finance", "justice", "trade", "state", "senior", "special", "assistant",
  "king", "queen", "prince", "princess", "emperor", "sheikh", "sheik", "emir", "sultan", "shah", "crown",
  "pope", "cardinal", "bishop", "archbishop", "reverend", "rev", "father", "imam", "mullah", "ayatollah", "grand", "rabbi", "saint", "prophet",
  "senator", "sen", "congressman", "congresswoman", "representative", "rep", "governor", "gov", "mayor", "ambassador", "envoy",
  "judge", "justice", "chairman", "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson", "chief", "director", "commander",
  "colonel", "col", "lieutenant", "lt", "major", "maj", "captain", "capt", "sergeant", "sgt", "admiral", "adm", "brigadier", "brig", "gen",
  "field", "marshal", "corporal", "cpl", "private", "pvt", "officer", "fm", "counterpart", "leader", "opposition", "former", "late",
  "economy", "energy", "health", "education", "agriculture", "information", "labor", "labour", "security", "national", "of", "the",
]);

/** Words that may sit inside a title but never start one ("Secretary of State"). */
const TITLE_INNER_ONLY = new Set(["of", "the"]);

/** True when `word` is a title/role word (hand list, or a role noun in the gazetteer). */
export function isTitleWord(word: string, gaz?: Gazetteer, position: "first" | "inner" = "first"): boolean {
  const w = lookupForm(word).replace(/\.$/, "");
  if (position === "first" && TITLE_INNER_ONLY.has(w)) return false;
  return TITLE_WORDS.has(w) || (gaz?.has(w, "role") ?? false);
}

/**
 * How many leading tokens of a person-name span are title words.
 * At least one token is always left (a span made only of title words keeps its last word).
 */
export function leadingTitleLength(words: readonly string[], gaz?: Gazetteer): number {
  let k = 0;
  while (k < words.length - 1 && isTitleWord(words[k], gaz, k === 0 ? "first" : "inner")) k++;
  // Never leave a span that starts with "of"/"the".
  while (k > 0 && TITLE_INNER_ONLY.has(lookupForm(words[k]).replace(/\.$/, ""))) k--;
  return k;
}

/** How a person span's words split into a leading place/nationality, a title and the name. */
export interface PersonPrefix {
  /** Leading nationality or country tokens before the title ("Chinese", "Russia 's"): 0, 1 or 2. */
  lead: number;
  /** The type the lead becomes on its own (MISC for nationalities, LOC for countries). */
  leadType?: "MISC" | "LOC";
  /** Tokens (lead included) before the name proper. */
  prefix: number;
}

/**
 * Splits "Chinese Foreign Minister Wang Yi" into lead "Chinese" (MISC), title "Foreign Minister"
 * and name "Wang Yi"; "Russia 's Deputy FM Mikhail Bogdanov" into lead "Russia 's" (LOC), ...
 * A lead is split off when a title follows it, or when it is a nationality word (no given name) before two or more words.
 */
export function personPrefix(words: readonly string[], gaz?: Gazetteer): PersonPrefix {
  let lead = 0;
  let leadType: PersonPrefix["leadType"];
  if (gaz && words.length > 2) {
    if (gaz.has(words[0], "demonym")) leadType = "MISC";
    else if (gaz.has(words[0], "country")) leadType = "LOC";
    if (leadType) lead = leadType === "LOC" && /^['\u2019]s$/.test(words[1]) ? 2 : 1;
  }
  if (lead > 0) {
    const k = leadingTitleLength(words.slice(lead), gaz);
    if (k > 0) return { lead, leadType, prefix: lead + k };
    // A nationality noun before a full name is no part of it ("Dutchman Ruud Gullit", "Briton Tim Henman"), unless
    // it is a given name too ("German Efromovich").
    if (leadType === "MISC" && words.length - lead >= 2 && !gaz?.has(words[0], "first")) return { lead, leadType, prefix: lead };
  }
  return { lead: 0, prefix: leadingTitleLength(words, gaz) };
}
