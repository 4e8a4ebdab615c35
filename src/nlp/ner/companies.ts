/**
 * Companies in business copy: a name with its legal form ("Commerzbank AG", "Fiat SpA", "Merrill
 * Lynch & Co", "Volvo AB") is one ORG, whatever the tagger made of it (a person, a place, the name
 * without its suffix); and a name the tagger called a person, with no given name, right before
 * "shares" or "stock" moving ("Deutsche Telekom shares fell") is a company; and within a document,
 * the bare name of a company named with its legal form is that company ({@link isLegalForm}, used
 * by ./consistency.ts).
 *
 * Spans are over token indices of one sentence, as in {@link ./rules.ts}.
 */
import { isFunctionWord } from "./casing.js";
import { Gazetteer } from "./gazetteer.js";
import type { RuleToken, SpanCandidate } from "./rules.js";

/** Legal forms of companies, as written after the name (case matters: "AB", not "ab"). */
const LEGAL_FORMS = new Set([
  "AG", "SA", "S.A.", "NV", "N.V.", "BV", "B.V.", "SpA", "S.p.A.", "AB", "ASA", "A/S", "Oyj", "plc", "Plc", "PLC", "Inc", "Inc.",
  "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "LLC", "GmbH", "KGaA", "Bhd", "Berhad", "SE", "SAS", "Pty", "LP", "L.P.", "Bancorp",
]);
/**
 * Words that close a company's name like a legal form but are no legal form: the bare name is not the company
 * ("Munich Re", "Swiss Re": "Munich" alone is the city). Not before ":" (a reply's "Re:").
 */
const NAME_TAILS = new Set(["Re"]);
/** True for a company's legal form as written after its name ("AG", "Corp.", "SpA"). */
export function isLegalForm(word: string): boolean {
  return LEGAL_FORMS.has(word);
}

/** Words after which a name is a listed company ("Volkswagen shares"). */
const SHARE_WORDS = new Set(["shares", "stock", "stocks"]);
/** What follows "shares" when they are a company's ("Telekom shares fell"), not a verb ("Zakaria shares a book"). */
const SHARE_MOVES = new Set([
  "fell", "rose", "gained", "lost", "climbed", "dropped", "jumped", "slipped", "eased", "were", "closed", "traded", "ended", "opened",
  "added", "edged", "tumbled", "surged", "plunged", "rallied", "slid", "soared", "sank", "fell,", "have", "had", "are",
]);
/** Sentence openers that are capitalised at the start and never begin a company's name. */
const OPENERS = new Set(["when", "if", "while", "after", "before", "although", "since", "because", "meanwhile", "then", "so", "yet", "unlike", "like"]);
/** Most words of the name before a legal form. */
const MAX_NAME_WORDS = 5;
/** Score of the spans these rules set. */
const COMPANY_SCORE = 0.75;

const isNameWord = (w: string): boolean => /^\p{Lu}[\p{L}\d.'’-]*$/u.test(w) && !LEGAL_FORMS.has(w);

/** Name start for a legal form at token `f`: capitalised words (and "&") before it; `f` when none. */
function nameStart(tokens: readonly RuleToken[], sentStart: number, f: number, gaz: Gazetteer): number {
  let b = f;
  let words = 0;
  while (b > sentStart && words < MAX_NAME_WORDS) {
    const w = tokens[b - 1].text;
    if (isNameWord(w)) {
      words++;
      b--;
    } else if ((w === "&" || w === "and") && words === 0 && b - 2 >= sentStart && isNameWord(tokens[b - 2].text)) {
      b--; // "Merrill Lynch & Co", "Procter and Gamble Co"
    } else break;
  }
  // A leading "The" or sentence opener is not part of the name ("When Chong Yik Toy Co. ..."), and
  // nationality words alone are no name ("the Japanese Co").
  while (b < f && (isFunctionWord(tokens[b].text) || OPENERS.has(tokens[b].text.toLowerCase()))) b++;
  if (b === f) return f;
  // ("Swiss Re" is a name: the tail is no legal form.)
  if (!NAME_TAILS.has(tokens[f].text) && tokens.slice(b, f).every((t) => gaz.has(t.text, "demonym") || t.text === "&")) return f;
  return words > 0 ? b : f;
}

/** Applies both company rules to the (sorted, non-overlapping) candidates of one sentence. */
export function retypeCompanies(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer): SpanCandidate[] {
  let out = spans;
  for (let f = sentStart + 1; f < sentEnd; f++) {
    if (!LEGAL_FORMS.has(tokens[f].text) && !(NAME_TAILS.has(tokens[f].text) && f + 1 < sentEnd && tokens[f + 1].text !== ":")) continue;
    const b = nameStart(tokens, sentStart, f, gaz);
    if (b === f) continue;
    const end = f + 1;
    // A span reaching past the name on either side is left alone ("Bank of America Corp" tagged whole).
    const inside = out.filter((s) => s.start < end && s.end > b);
    if (inside.some((s) => s.start < b || s.end > end)) continue;
    out = [...out.filter((s) => !inside.includes(s)), { start: b, end, type: "ORG" as const, score: COMPANY_SCORE }].sort((x, y) => x.start - y.start);
  }
  for (const s of out) {
    if (s.type !== "PERSON" || s.end + 1 >= sentEnd || !SHARE_WORDS.has(tokens[s.end].text)) continue;
    const next = tokens[s.end + 1].text;
    if (!SHARE_MOVES.has(next) && !/^[\p{P}]+$/u.test(next)) continue;
    if (gaz.has(tokens[s.start].text, "first")) continue;
    s.type = "ORG";
  }
  return out;
}

/**
 * Companies named in the possessive, whose "'s" is part of the name ("Moody's", "Lloyd's", "McDonald's"; "Poor" of
 * "Standard & Poor's"), by their lower-case stem. Stems that are as often a person's possessive ("Christie's",
 * "Kohl's", "Lowe's", "Wendy's") are left out.
 */
const POSSESSIVE_COMPANIES = new Set(["moody", "lloyd", "mcdonald", "sainsbury", "macy", "kellogg", "harrah", "sotheby", "bloomingdale", "poor"]);
const POSSESSIVE_MARKS = new Set(["'s", "’s"]);
/** Score of the spans {@link possessiveCompanies} sets. */
const POSSESSIVE_COMPANY_SCORE = 0.9;

/**
 * "Moody's Investors Service", "Lloyd's of London", "Standard & Poor's": a listed company stem and its "'s" are one
 * ORG, with the capitalised words after it up to an organisation keyword, or "of" and a listed place; not after a
 * given name ("Dwight Moody's sermons"). The span is settled: later rules neither cut the "'s" nor retype it.
 */
export function possessiveCompanies(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer): SpanCandidate[] {
  let out = spans;
  for (let i = sentStart; i < sentEnd; i++) {
    // (Cheap rejection first: a capital A-Z opening a word of 4+ letters; the stems are such words.)
    const t0 = tokens[i].text;
    const c0 = t0.charCodeAt(0);
    if (c0 < 65 || c0 > 90 || t0.length < 4) continue;
    // "Moody" + "'s", or "Moody's" as one token (before punctuation).
    const whole = t0.endsWith("s") ? /^(\p{Lu}[\p{L}]*)['’]s$/u.exec(t0) : null;
    const stem = whole ? whole[1] : tokens[i].text;
    const sEnd = whole ? i + 1 : i + 2;
    if (!/^\p{Lu}/u.test(stem) || !POSSESSIVE_COMPANIES.has(stem.toLowerCase()) || (!whole && !(i + 1 < sentEnd && POSSESSIVE_MARKS.has(tokens[i + 1].text)))) continue;
    let b = i;
    if (stem.toLowerCase() === "poor") {
      if (i - 2 < sentStart || tokens[i - 1].text !== "&" || tokens[i - 2].text !== "Standard") continue;
      b = i - 2;
    } else if (i > sentStart && gaz.has(tokens[i - 1].text, "first") && /^\p{Lu}/u.test(tokens[i - 1].text)) continue;
    let e = sEnd;
    let k = e;
    while (k < sentEnd && /^\p{Lu}/u.test(tokens[k].text)) {
      k++;
      if (gaz.has(tokens[k - 1].text, "orgkey")) e = k;
    }
    if (e === sEnd && e + 1 < sentEnd && tokens[e].text === "of" && (["country", "city", "region"] as const).some((c) => gaz.has(tokens[e + 1].text, c))) e += 2;
    const inside = out.filter((s) => s.start < e && s.end > b);
    if (inside.some((s) => s.start < b || s.settled)) continue;
    out = [...out.filter((s) => !inside.includes(s)), { start: b, end: e, type: "ORG" as const, score: POSSESSIVE_COMPANY_SCORE, settled: "name" as const }].sort((x, y) => x.start - y.start);
    i = e - 1;
  }
  return out;
}
