/**
 * Organisation names with prepositional complements, which a left-to-right tagger often cuts
 * short ("University of" + "Leicester", "Reform Party" + "United States of America"):
 *
 * - a capitalised organisation keyword ("University", "Party", "Ministry", "Association", ...)
 *   followed by "of" / "for" / "on" (optionally "the") and capitalised words is ONE ORG with its
 *   complement and with the capitalised words before the keyword ("Delft University of Technology",
 *   "National Association for the Advancement of Colored People", "Ministry of Foreign Affairs");
 * - no name ends with a lower-case connector ("National Organization for" -> trimmed).
 *
 * Not applied to capitals lines; in title-case lines (headlines, or lists of names that look
 * like one) only words in a name list or organisation keywords extend a name.
 * Spans are over token indices of one sentence, as in {@link ./rules.ts}.
 */
import { CaseMode, isCommonNonName } from "./casing.js";
import { Gazetteer, lookupForm } from "./gazetteer.js";
import { type RuleToken, type SpanCandidate, isCalendarWord } from "./rules.js";

/** Prepositions that join an organisation keyword to its complement. */
const CONNECTORS = new Set(["of", "for", "on"]);
/** Lower-case words that may never end a name. */
const TRAILING_FUNCTION_WORDS = new Set(["of", "for", "on", "the", "and", "in", "at", "to", "by", "de", "du", "des"]);
/** Leading words not taken into an extended organisation name. */
const DETERMINERS = new Set(["the", "a", "an"]);
/** Most complements ("of X", "for Y") chained after one keyword. */
const MAX_COMPLEMENTS = 3;
/** Score given to spans this rule builds from parts. */
const ORG_PHRASE_SCORE = 0.75;

const isCapWord = (w: string): boolean => /^\p{Lu}/u.test(w) && /\p{L}/u.test(w);

/**
 * End (exclusive) of the run of capitalised non-calendar words starting at `i` (i itself when
 * there is none); with `namesOnly` (headline lines) common words in no name list also end it.
 */
function capRun(tokens: readonly RuleToken[], i: number, end: number, gaz: Gazetteer, namesOnly: boolean): number {
  let j = i;
  while (j < end && isCapWord(tokens[j].text) && !isCalendarWord(tokens[j].text) && !(namesOnly && isCommonNonName(tokens[j].text, gaz) && !gaz.has(tokens[j].text, "orgkey"))) j++;
  return j;
}

/** Place classes whose names end an organisation's complement. */
const PLACE_CLASSES = ["country", "region", "city"] as const;

/**
 * End of a complement run [k, e) that opens with a place name followed by a given name:
 * "Party of Canada Jeff Watson" ends after "Canada" (the person is another name). Else e.
 */
export function placeComplementEnd(tokens: readonly RuleToken[], k: number, e: number, gaz: Gazetteer): number {
  const forms = tokens.slice(k, e).map((t) => lookupForm(t.text));
  let placeEnd = PLACE_CLASSES.some((c) => gaz.has(tokens[k].text, c)) ? 1 : 0;
  for (const m of gaz.matchPhrases(forms)) if (m.start === 0 && (PLACE_CLASSES as readonly string[]).includes(m.cls)) placeEnd = Math.max(placeEnd, m.end);
  if (placeEnd === 0 || placeEnd >= forms.length) return e;
  const next = tokens[k + placeEnd].text;
  return gaz.has(next, "first") && !gaz.has(next, "orgkey") ? k + placeEnd : e;
}

/**
 * Extends and merges ORG spans around "keyword of/for Name" phrases and trims trailing
 * connectors; returns non-overlapping candidates sorted by start.
 */
export function extendOrgPhrases(
  tokens: readonly RuleToken[],
  sentStart: number,
  sentEnd: number,
  candidates: readonly SpanCandidate[],
  gaz: Gazetteer,
  mode: CaseMode = "normal",
): SpanCandidate[] {
  let spans = candidates.map((c) => ({ ...c }));
  // In capitals every word looks like a name; in title case only name-list words are trusted.
  if (mode === "upper") return spans.sort((a, b) => a.start - b.start);
  const namesOnly = mode === "title";
  for (let i = sentStart; i < sentEnd; i++) {
    if (!isCapWord(tokens[i].text) || !gaz.has(tokens[i].text, "orgkey")) continue;
    // Complements: "of [the] Name Name", up to MAX_COMPLEMENTS of them.
    let end = i + 1;
    for (let n = 0; n < MAX_COMPLEMENTS; n++) {
      if (end >= sentEnd || !CONNECTORS.has(tokens[end].text)) break;
      let k = end + 1;
      if (k < sentEnd && tokens[k].text === "the") k++;
      let e = capRun(tokens, k, sentEnd, gaz, namesOnly);
      if (e === k) break;
      e = placeComplementEnd(tokens, k, e, gaz);
      end = e;
    }
    if (end === i + 1) continue;
    // Start: the capitalised words before the keyword (a span already there, or a run of names).
    let start = i;
    while (start > sentStart && isCapWord(tokens[start - 1].text) && !DETERMINERS.has(lookupForm(tokens[start - 1].text))) {
      if (namesOnly && isCommonNonName(tokens[start - 1].text, gaz)) break;
      // A capitalised common word opening the sentence ("In", "Under") is no part of the name.
      if (start - 1 === sentStart && gaz.has(tokens[start - 1].text, "common") && !gaz.has(tokens[start - 1].text, "orgkey")) break;
      start--;
    }
    const forms = tokens.slice(start, end).map((t) => lookupForm(t.text));
    // A country's official name ("Union of Soviet Socialist Republics") stays a place.
    if (gaz.matchPhrases(forms).some((m) => m.start === 0 && m.end === forms.length && m.cls === "country")) continue;
    // A name of another type that reaches out of the phrase keeps its words ("... Ministry of
    // Foreign Affairs Mohammed bin Abdulaziz": the person starts at "Mohammed").
    for (const o of spans) {
      if (o.type === "ORG" || o.start >= end || o.end <= start) continue;
      if (o.end > end && o.start > i) end = o.start;
      else if (o.start < start && o.end <= i) start = o.end;
    }
    if (end <= i + 2 || start > i) continue;
    const inside = spans.filter((s) => s.start < end && s.end > start);
    // Keep the words of an ORG span that reaches further left or right; the rest is one ORG.
    const from = Math.min(start, ...inside.map((s) => s.start));
    const to = Math.max(end, ...inside.map((s) => s.end));
    spans = spans.filter((s) => !inside.includes(s));
    spans.push({ start: from, end: to, type: "ORG", score: inside.length ? Math.max(...inside.map((s) => s.score)) : ORG_PHRASE_SCORE });
    i = to - 1;
  }
  for (const s of spans) while (s.end - s.start > 1 && TRAILING_FUNCTION_WORDS.has(tokens[s.end - 1].text)) s.end--;
  return spans.sort((a, b) => a.start - b.start);
}
