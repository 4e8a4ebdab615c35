/**
 * Turns free user input into a safe FTS5 MATCH expression.
 *
 * FTS5 has its own query language (AND/OR/NOT, NEAR(), column filters, `^`, `*`, quotes),
 * so raw input like `"` or `NEAR(` is a syntax error. Instead of escaping that language
 * we do not expose it: the input is reduced to words and "quoted phrases", each emitted
 * as an FTS5 string literal, joined by implicit AND. Operator words become plain words.
 * A word directly followed by `*` stays a prefix query (`"doh"*`).
 */

/** Most terms kept from one query (longer inputs are truncated, not refused). */
export const MAX_QUERY_TERMS = 32;
/** Shortest prefix accepted for a `word*` prefix query (shorter ones match too much). */
export const MIN_PREFIX_LENGTH = 2;

/** A word: letters, digits and marks, with inner hyphens, apostrophes or dots ("Al-Khulaifi", "U.N"). */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.\-][\p{L}\p{N}\p{M}]+)*(\*)?/gu;
/** A double-quoted phrase typed by the user. */
const PHRASE = /"([^"]*)"/g;

/** Quotes one term as an FTS5 string literal (double quotes inside are doubled). */
function literal(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** Words of a piece of input, as FTS5 literals (prefix words keep their `*`). */
function words(input: string): string[] {
  const out: string[] = [];
  for (const m of input.matchAll(WORD)) {
    const isPrefix = m[1] === "*";
    const word = isPrefix ? m[0].slice(0, -1) : m[0];
    if (isPrefix && word.length >= MIN_PREFIX_LENGTH) out.push(`${literal(word)}*`);
    else out.push(literal(word));
  }
  return out;
}

/**
 * The FTS5 MATCH expression for a user query, or undefined when the input has no
 * searchable word (the caller then returns no hits). Never produces a syntax error.
 */
export function toFtsQuery(input: string): string | undefined {
  const terms: string[] = [];
  let rest = "";
  let last = 0;
  for (const m of input.matchAll(PHRASE)) {
    rest += input.slice(last, m.index) + " ";
    last = (m.index ?? 0) + m[0].length;
    const phraseWords = [...m[1].matchAll(WORD)].map((w) => (w[1] === "*" ? w[0].slice(0, -1) : w[0]));
    if (phraseWords.length > 0) terms.push(literal(phraseWords.join(" ")));
  }
  rest += input.slice(last);
  terms.push(...words(rest));
  if (terms.length === 0) return undefined;
  return terms.slice(0, MAX_QUERY_TERMS).join(" ");
}
