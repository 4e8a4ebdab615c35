/**
 * Content terms for comparing sentences across articles: lower-cased words, stop words
 * removed, a light suffix-stripping stem so "meets", "meeting" and "met" stay close
 * enough for paraphrase-level comparison. No I/O.
 */

/** English function words that carry no content for sentence comparison. */
const STOP_WORDS = new Set(
  (
    "a an the and or but nor so yet of in on at to for from by with about as into onto over under " +
    "than then that this these those there here it its it's is are was were be been being am do does did " +
    "has have had having will would shall should can could may might must not no also just only very " +
    "he she they we you i his her their our your my him them us me who whom whose which what when where why how " +
    "said says say told according after before while during since until upon within without between among " +
    "all any each every both either neither some such more most other another much many own same " +
    "up down out off again further once s"
  ).split(/\s+/),
);

/** Suffixes stripped (longest first) when the remaining stem keeps at least MIN_STEM letters. */
const SUFFIXES = ["ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s", "ly"];
const MIN_STEM = 3;

/** A crude, fast stem: good enough to match inflections across paraphrases. */
export function stem(word: string): string {
  for (const suf of SUFFIXES) {
    if (word.length - suf.length >= MIN_STEM && word.endsWith(suf)) return word.slice(0, -suf.length);
  }
  return word;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/** The content terms of a text (stems of non-stop words; numbers kept as written without separators). */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    let w = m[0].replace(/['’]s$/u, "").replace(/[.'’-]+$/u, "");
    if (/^\d[\d,.]*$/.test(w)) w = w.replace(/,/g, "");
    if (!w || STOP_WORDS.has(w)) continue;
    out.push(/^\d/.test(w) ? w : stem(w));
  }
  return out;
}

/** Jaccard similarity of two term sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (big.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Share of the smaller set's terms found in the larger (a paraphrase that cuts words still scores high). */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (big.has(t)) inter++;
  return inter / small.size;
}

/** Normalises a name for matching across articles: case, diacritics, punctuation, leading "the". */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s$/u, "")
    .replace(/^the\s+/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
