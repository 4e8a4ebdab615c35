/**
 * Text features shared by duplicate, rewrite and cluster code: normalised words, a light
 * English stemmer, stopwords, capitalised names and numbers. Pure functions, no I/O.
 */

/** Words shorter than this (letters only) are ignored as content terms. */
const MIN_CONTENT_WORD_LENGTH = 2;
/** Words at most this long are never stemmed (too short to carry a suffix safely). */
const MIN_STEM_LENGTH = 4;

/** English function words and reporting boilerplate that carry no topical content. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all almost also although always am among an and another any anyone anything are " +
    "around as at back be became because become been before being below between both but by can cannot could did do does " +
    "doing done down during each either else enough even ever every few first for from further get gets getting got had has " +
    "have having he her here hers herself him himself his how however i if in into is it its itself just last least less " +
    "like made make many may me might more most much must my myself near neither never new next no nor not now of off " +
    "often on once one only or other others our ours ourselves out over own per perhaps put rather really said same say " +
    "saying says see seen several shall she should since so some still such than that the their theirs them themselves " +
    "then there these they this those though through thus to told too under until up upon us very via was we well were " +
    "what when where whether which while who whom whose why will with within without would yet you your yours yourself " +
    "mr mrs ms dr according added adding asked including told tuesday monday wednesday thursday friday saturday sunday " +
    "year years today yesterday week weeks day days time times people percent news reported report reports http https " +
    "www com html htm org net index article"
  ).split(" "),
);

/** Lower-cases and folds typographic variants (curly quotes, dashes, NBSP) so copies compare equal. */
export function normalizeText(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

const WORD_RE = /[\p{L}\p{N}]+(?:['\u2019.,][\p{L}\p{N}]+)*/gu;

/** Lower-cased word tokens of `s` (letters/digits, keeping inner apostrophes, dots and digit commas). */
export function words(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(WORD_RE)) out.push(m[0].toLowerCase().replace(/\u2019/g, "'"));
  return out;
}

/** True for a token that is a number (digits with optional separators). */
export function isNumber(w: string): boolean {
  return /^\d[\d.,]*$/.test(w);
}

/** Normalises a number token: "1,400" -> "1400", "7.0" -> "7". */
export function normalizeNumber(w: string): string {
  let n = w.replace(/,(?=\d{3}\b)/g, "");
  if (/^\d+\.\d+$/.test(n)) n = String(Number(n));
  return n;
}

/**
 * A light English stemmer (plural, -ing, -ed, final -e), enough to match "killed"/"kills"/"killing"
 * and "guarantee"/"guaranteed" without a dictionary. Conservative on short words.
 */
export function stem(w: string): string {
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length <= MIN_STEM_LENGTH || /\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && w.length > 4) w = undouble(w.slice(0, -2));
  if (w.endsWith("e") && w.length > MIN_STEM_LENGTH) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

/** Content terms: stems of non-stopword words plus normalised numbers, in text order. */
export function contentTerms(s: string): string[] {
  const out: string[] = [];
  for (const w of words(s)) {
    if (isNumber(w)) {
      out.push(normalizeNumber(w));
      continue;
    }
    const bare = w.replace(/'s$/, "");
    if (bare.length < MIN_CONTENT_WORD_LENGTH || STOPWORDS.has(bare)) continue;
    out.push(stem(bare));
  }
  return out;
}

/** Capitalised words that do not start a name on their own (sentence openers, titles, months). */
const NAME_STOP: ReadonlySet<string> = new Set(
  "The A An In On At For By And But Or Of To As It He She They We I His Her Their Its This That These Those There Here When While After Before Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(" "),
);

const NAME_RE = /\p{Lu}[\p{L}'\u2019-]*(?:\s+(?:(?:of|de|la|al|bin|van|von|the)\s+)?\p{Lu}[\p{L}'\u2019-]*)*/gu;

/**
 * Capitalised word sequences ("Mikhail Bogdanov", "Gaza Strip") lower-cased, plus each of their
 * words, as cheap stand-ins for named entities when none are annotated. Leading function words dropped.
 */
export function capitalizedNames(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(NAME_RE)) {
    const parts = m[0].split(/\s+/).map((p) => p.replace(/['\u2019]s$/, ""));
    while (parts.length && NAME_STOP.has(parts[0])) parts.shift();
    if (!parts.length) continue;
    if (parts.every((p) => p.length < 2)) continue;
    const full = parts.join(" ").toLowerCase();
    out.push(full);
    if (parts.length > 1) for (const p of parts) if (p.length > 2 && !STOPWORDS.has(p.toLowerCase())) out.push(p.toLowerCase());
  }
  return out;
}

/** Normalised numbers in `s` ("1,400" -> "1400"), in order. */
export function numbers(s: string): string[] {
  return words(s).filter(isNumber).map(normalizeNumber);
}
