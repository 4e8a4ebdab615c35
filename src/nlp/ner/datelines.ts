/**
 * Places written in capitals: datelines and all-capitals place names.
 *
 * Wire copy opens with a dateline line, "LONDON 1996-08-30" or "DUBAI , United Arab Emirates
 * 1996-12-06": one or two place names, then the date, and nothing else. The tagger, trained on
 * running text with no datelines, reads a lone capitalised word as an acronym (ORG) there. A line
 * of that shape names places only, so its place runs are LOC. Where the lines were joined, a place
 * run in capitals before an ISO date is read the same way, and so is one before a bracketed agency and a dash
 * ("WASHINGTON (CNN) --").
 *
 * Elsewhere, a span in capitals that the tagger typed ORG or MISC and that is, as a whole, a
 * country, or a city or region of at least {@link MIN_CAPS_PLACE_LETTERS} letters, in the
 * gazetteer (and no listed organisation, nationality word, given name or common word) is a place too:
 * "MOSCOW", "SYDNEY" in headlines; in a line written in capitals, such places the tagger left
 * untagged are LOC ("SOCCER - ENGLAND BEAT POLAND").
 */
import { type CaseMode, sentenceCaseMode } from "./casing.js";
import { Gazetteer, type GazClass, lookupForm } from "./gazetteer.js";
import { isCalendarWord, isTimeZone, type RuleToken, type SpanCandidate } from "./rules.js";

/** Most words in one place run of a dateline ("RIO DE JANEIRO", "SAN SEBASTIAN"). */
const MAX_PLACE_WORDS = 5;
/** Capitals cities and regions shorter than this stay as tagged ("MAN", "VAN" are more often something else). */
const MIN_CAPS_PLACE_LETTERS = 4;
/** Score of the spans these rules set. */
const PLACE_SCORE = 0.75;

const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
/** A month name or abbreviation alone: where a place run ends ("KIGALI Mar. 5"). */
const MONTH_WORD = new RegExp(`^${MONTH}$`, "i");
/** The date that ends a dateline line: ISO, "Dec 6", "Dec. 6, 1996", "6 December 1996", "12/06/96". */
const DATELINE_DATE = new RegExp(
  `^(?:\\d{4}-\\d{1,2}-\\d{1,2}|${MONTH}\\s+\\d{1,2}(?:\\s*,\\s*\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?|\\d{1,2}/\\d{1,2}/\\d{2,4})$`,
  "i",
);
/** Lower-case words allowed inside a place name ("Rio de Janeiro", "Stratford-upon-Avon"). */
const PLACE_PARTICLES = new Set(["de", "da", "do", "dos", "das", "del", "la", "le", "les", "el", "al", "of", "on", "upon", "am", "an", "der"]);

/** A capitalised word: a capital, then letters, dots, apostrophes, hyphens ("LONDON", "St.", "O'Hare"). */
export const isCapWord = (w: string): boolean => /^\p{Lu}[\p{L}.'’-]*$/u.test(w);
const isHyphen = (w: string): boolean => w === "-" || w === "\u2010" || w === "\u2011";

/** End (exclusive) of a place run of words starting at i, or i when there is none. */
function placeRun(tokens: readonly RuleToken[], i: number, end: number): number {
  let j = i;
  let words = 0;
  while (j < end && words < MAX_PLACE_WORDS) {
    const w = tokens[j].text;
    if (isCapWord(w) && !MONTH_WORD.test(w)) {
      words++;
      j++;
    } else if (words > 0 && PLACE_PARTICLES.has(w) && j + 1 < end && isCapWord(tokens[j + 1].text)) {
      j++;
    } else if (words > 0 && isHyphen(w) && tokens[j - 1].end === tokens[j].start && j + 1 < end && tokens[j].end === tokens[j + 1].start && isCapWord(tokens[j + 1].text)) {
      j++; // "AL-AIN"
    } else break;
  }
  return words > 0 ? j : i;
}

/**
 * The place runs [start, end) of a dateline line (token indices), or undefined when the
 * sentence is not one: PLACE [, PLACE] [,] DATE, with nothing after the date but punctuation.
 */
export function datelinePlaces(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, gaz?: Gazetteer): [number, number][] | undefined {
  let end = sentEnd;
  while (end > sentStart && /^[\p{P}]+$/u.test(tokens[end - 1].text) && !/\d/.test(tokens[end - 1].text)) end--;
  const first = placeRun(tokens, sentStart, end);
  if (first === sentStart) return undefined;
  const runs: [number, number][] = [[sentStart, first]];
  let i = first;
  if (i < end && tokens[i].text === ",") {
    const second = placeRun(tokens, i + 1, end);
    if (second === i + 1) return undefined;
    runs.push([i + 1, second]);
    i = second;
  }
  // "Retrieved 2012-03-05", "Last Updated March 5": common words alone, and no listed place, are no dateline.
  if (gaz && runs.some(([a, b]) => commonWordsOnly(tokens, a, b, gaz))) return undefined;
  if (i < end && tokens[i].text === ",") i++; // "SAO PAULO , Brazil , March 5"
  if (i >= end) return undefined;
  // The rest is the date, spaced as written (a tokenizer may split "1996-08-30").
  let dateText = tokens[i].text;
  for (let k = i + 1; k < end; k++) dateText += (tokens[k].start > tokens[k - 1].end ? " " : "") + tokens[k].text;
  return DATELINE_DATE.test(dateText) ? runs : undefined;
}

/** An ISO date token ("1996-12-06"): inside running text, the end of a dateline the layout ran on. */
const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;
/** Most tokens a dateline before an ISO date spans ("RIO DE JANEIRO , United Arab Emirates"). */
const MAX_DATELINE_TOKENS = 12;

const isCapsRun = (tokens: readonly RuleToken[], a: number, b: number): boolean =>
  tokens.slice(a, b).every((t) => !/\p{Ll}/u.test(t.text)) && tokens.slice(a, b).some((t) => /\p{L}{2}/u.test(t.text));

/**
 * Datelines run on with the text around them ("Nadim Ladki AL-AIN , United Arab Emirates
 * 1996-12-06 Japan began ..." when a document's lines were joined): before an ISO date, a place
 * run in capitals, optionally followed by ", Place". The place runs [start, end), or [].
 */
export function inlineDatelinePlaces(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, gaz?: Gazetteer): [number, number][] {
  const out: [number, number][] = [];
  for (let k = sentStart + 1; k < sentEnd; k++) {
    if (!ISO_DATE.test(tokens[k].text)) continue;
    for (let s = Math.max(sentStart, k - MAX_DATELINE_TOKENS); s < k; s++) {
      if (!isCapWord(tokens[s].text) || (s > sentStart && isCapsRun(tokens, s - 1, s) && /\p{L}/u.test(tokens[s - 1].text))) continue;
      const first = placeRun(tokens, s, k);
      if (first === s || !isCapsRun(tokens, s, first)) continue;
      const runs: [number, number][] = [[s, first]];
      let i = first;
      if (i < k && tokens[i].text === ",") {
        const second = placeRun(tokens, i + 1, k);
        if (second === i + 1) continue;
        runs.push([i + 1, second]);
        i = second;
      }
      if (i !== k || (gaz && runs.some(([a, b]) => commonWordsOnly(tokens, a, b, gaz)))) continue;
      out.push(...runs);
      break;
    }
  }
  return out;
}

/** Most words between the brackets of an agency dateline ("(Agence France-Presse)"). */
const MAX_AGENCY_WORDS = 4;
/** What follows an agency dateline's brackets: a dash or a colon. */
const DATELINE_BREAK = /^(?:-|--|\u2013|\u2014|:)$/;

/**
 * Agency datelines: "WASHINGTON (CNN) --", "BEIJING (Reuters) :", "GENEVA, Switzerland (AP) -", "GHAZAIA, Libya, July 31
 * (Reuters) -", also run on after a time ("4:23 pm EST WASHINGTON (Reuters) -"): a place run in capitals (with an optional ", Place") before a bracketed
 * agency name and a dash or colon. The capitals run's longest tail that is a listed place counts ("EST WASHINGTON" ->
 * "WASHINGTON"); with none, the line is no dateline. The place runs [start, end), or [].
 */
export function agencyDatelinePlaces(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, gaz?: Gazetteer): [number, number][] {
  const out: [number, number][] = [];
  for (let k = sentStart + 1; k + 3 < sentEnd; k++) {
    if (tokens[k].text !== "(") continue;
    let close = k + 1;
    while (close < sentEnd && close - k - 1 <= MAX_AGENCY_WORDS && tokens[close].text !== ")") close++;
    if (close >= sentEnd || tokens[close].text !== ")" || close === k + 1 || close + 1 >= sentEnd || !DATELINE_BREAK.test(tokens[close + 1].text)) continue;
    if (!tokens.slice(k + 1, close).every((t) => /^\p{Lu}/u.test(t.text) || /^[\p{P}]$/u.test(t.text))) continue;
    // An agency's name, not a transcript's note ("(THROUGH TRANSLATOR):", "(voice-over)").
    if (gaz && commonWordsOnly(tokens, k + 1, close, gaz)) continue;
    const runs: [number, number][] = [];
    let e = k;
    // A date before the brackets ("GHAZAIA, Libya, July 31 (Reuters) -").
    if (e - 3 > sentStart && /^\d{1,2}$/.test(tokens[e - 1].text) && isCalendarWord(tokens[e - 2].text) && tokens[e - 3].text === ",") e -= 3;
    // ", Switzerland" before the brackets.
    const second = e - 1 > sentStart && tokens[e - 1].text !== "," ? secondRun(tokens, sentStart, e) : undefined;
    if (second) {
      runs.push(second);
      e = second[0] - 1;
    }
    let s0 = e;
    while (s0 > sentStart && e - s0 < MAX_PLACE_WORDS && isCapWord(tokens[s0 - 1].text) && !/\p{Ll}/u.test(tokens[s0 - 1].text)) s0--;
    if (s0 === e || !isCapsRun(tokens, s0, e)) continue;
    // The longest tail of the run that is a listed place ("EST WASHINGTON" -> "WASHINGTON"); a transcript's speaker
    // label before "(through translator):" is none.
    const listed = (a: number): boolean => !!gaz && gaz.isPlace(tokens.slice(a, e).map((t) => t.text).join(" "));
    let start = -1;
    for (let a = s0; a < e && start < 0; a++) if (listed(a)) start = a;
    // An unlisted town before a listed place ("GHAZAIA, Libya (Reuters) -") is a place: the whole run, when the run
    // is no common words ("UNIDENTIFIED MALE, CNN (voice-over):" is no dateline).
    if (start < 0 && second && gaz?.isPlace(tokens.slice(second[0], second[1]).map((t) => t.text).join(" ")) && !commonWordsOnly(tokens, s0, e, gaz)) {
      start = s0;
      // (Not a time zone before it: "2:27 pm EDT GHAZAIA".)
      while (start < e - 1 && /^\p{Lu}+$/u.test(tokens[start].text) && isTimeZone(tokens[start].text)) start++;
    }
    if (start < 0) continue;
    out.push([start, e], ...runs);
  }
  return out;
}

/** The ", Place" run right before `end` ("GENEVA, Switzerland"), as [start, end), when there is one. */
function secondRun(tokens: readonly RuleToken[], sentStart: number, end: number): [number, number] | undefined {
  let a = end;
  while (a > sentStart && end - a < MAX_PLACE_WORDS && isCapWord(tokens[a - 1].text)) a--;
  return a < end && a - 1 > sentStart && tokens[a - 1].text === "," ? [a, end] : undefined;
}

/** True when the run's words are all common words and the run is no listed place. */
function commonWordsOnly(tokens: readonly RuleToken[], a: number, b: number, gaz: Gazetteer): boolean {
  const words = tokens.slice(a, b).map((t) => t.text);
  const phrase = words.join(" ");
  if (gaz.isPlace(phrase)) return false;
  return words.every((w) => gaz.has(w, "common") || PLACE_PARTICLES.has(w) || isHyphen(w));
}

/** Letters of a word or phrase. */
const letterCount = (s: string): number => (s.match(/\p{L}/gu) ?? []).length;

/**
 * Sets dateline places to LOC and retypes capitals place names the tagger typed ORG or MISC.
 */
export function retypeCapitalPlaces(
  tokens: readonly RuleToken[],
  sentStart: number,
  sentEnd: number,
  spans: SpanCandidate[],
  gaz: Gazetteer,
  mode: CaseMode = sentenceCaseMode(tokens.slice(sentStart, sentEnd).map((t) => t.text), gaz),
): SpanCandidate[] {
  const runs = datelinePlaces(tokens, sentStart, sentEnd, gaz) ?? [...inlineDatelinePlaces(tokens, sentStart, sentEnd, gaz), ...agencyDatelinePlaces(tokens, sentStart, sentEnd, gaz)];
  let out = spans;
  if (runs.length) {
    // A name running into the dateline ends before it ("Nadim Ladki AL-AIN" -> "Nadim Ladki").
    const cutOff = new Set<SpanCandidate>();
    for (const s of spans) {
      const cut = runs.find(([a, b]) => s.start < a && s.end > a && s.end <= b);
      if (cut) {
        s.end = cut[0];
        cutOff.add(s);
      }
    }
    out = spans.filter((s) => !runs.some(([a, b]) => s.start < b && s.end > a));
    // What a cut left of a time zone glued to the dateline ("7:32 pm EDT GENEVA" -> "EDT") is no name.
    out = out.filter((s) => !(cutOff.has(s) && s.end - s.start === 1 && /^\p{Lu}{2,4}$/u.test(tokens[s.start].text)));
    for (const [a, b] of runs) out.push({ start: a, end: b, type: "LOC", score: PLACE_SCORE });
    out.sort((x, y) => x.start - y.start);
  }
  const isCapsPlace = (phrase: string): boolean => {
    if (/\p{Ll}/u.test(phrase) || letterCount(phrase) < 2) return false;
    // Listed organisations, nationality words ("CANADIAN"), given names ("JAMES") and common words ("REPUBLICAN") are no place here.
    // (A country that is a common word too, "JAPAN", "TURKEY", is the country in a capitals line.)
    const country = gaz.hasEntry(phrase, "country");
    if (NOT_PLACE_CLASSES.some((c) => gaz.hasEntry(phrase, c) && !(c === "common" && country))) return false;
    // A phrase of common words alone ("THE CITY", "EASTERN PROVINCE") is more often no name.
    const words = phrase.split(" ");
    if (words.length > 1 && words.every((w) => gaz.has(w, "common"))) return false;
    const long = letterCount(phrase) >= MIN_CAPS_PLACE_LETTERS;
    return gaz.hasEntry(phrase, "country") || (long && (gaz.hasEntry(phrase, "city") || gaz.hasEntry(phrase, "region")));
  };
  for (const s of out) {
    if ((s.type === "ORG" || s.type === "MISC") && !s.settled && isCapsPlace(tokens.slice(s.start, s.end).map((t) => t.text).join(" "))) s.type = "LOC";
  }
  // A listed place of several words in capitals ("NEW YORK", "SOUTH AFRICA") is one LOC, in any
  // line, where the tagger took only part of it (as ORG, MISC or LOC) or nothing.
  // (Only where two capitals words stand side by side: most sentences have none.)
  let capsPair = false;
  for (let i = sentStart + 1; i < sentEnd && !capsPair; i++) capsPair = isCapsRun(tokens, i - 1, i + 1);
  if (capsPair) {
    const forms = tokens.slice(sentStart, sentEnd).map((t) => lookupForm(t.text));
    for (const m of gaz.matchPhrases(forms)) {
      if (m.end - m.start < 2 || (m.cls !== "country" && m.cls !== "city" && m.cls !== "region")) continue;
      const [a, b] = [sentStart + m.start, sentStart + m.end];
      if (!isCapsPlace(tokens.slice(a, b).map((t) => t.text).join(" "))) continue;
      const inside = out.filter((x) => x.start < b && x.end > a);
      if (inside.some((x) => x.start < a || x.end > b || x.type === "PERSON" || x.settled) || (inside.length === 1 && inside[0].start === a && inside[0].end === b && inside[0].type === "LOC")) continue;
      out = [...out.filter((x) => !inside.includes(x)), { start: a, end: b, type: "LOC" as const, score: PLACE_SCORE }].sort((x, y) => x.start - y.start);
    }
  }
  // A capitals line ("SOCCER - ENGLAND BEAT POLAND"): places the tagger left untagged; and in a headline's length, no
  // person of two or more common words alone ("JAPAN GET LUCKY WIN": a headline's words read as a name; one such word
  // may be a surname, "BUSH"; a long capitals line is shouted prose, where "BIN LADEN" is the man).
  if (mode === "upper") {
    if (sentEnd - sentStart <= MAX_HEADLINE_TOKENS) out = out.filter((s) => s.type !== "PERSON" || s.settled || s.end - s.start < 2 || !tokens.slice(s.start, s.end).every((t) => gaz.has(t.text, "common")));
    const covered = new Uint8Array(sentEnd - sentStart);
    for (const s of out) covered.fill(1, s.start - sentStart, s.end - sentStart);
    const forms = tokens.slice(sentStart, sentEnd).map((t) => lookupForm(t.text));
    const added: SpanCandidate[] = [];
    // One-word places are not in the phrase index: add them as matches of one token.
    const single = forms.map((f, k) => ({ start: k, end: k + 1, cls: (["country", "city", "region"] as const).find((c) => gaz.classesOfForm(f).includes(c)) }));
    const matches = [...gaz.matchPhrases(forms), ...single.filter((m) => m.cls !== undefined)].sort((x, y) => x.start - y.start || y.end - x.end);
    for (const m of matches) {
      if (m.cls !== "country" && m.cls !== "city" && m.cls !== "region") continue;
      if (covered.subarray(m.start, m.end).some((c) => c === 1)) continue;
      // Not the first part of a hyphenated compound ("DUBAI - BASED").
      const next = sentStart + m.end;
      if (next < sentEnd && isHyphen(tokens[next].text)) continue;
      if (!isCapsPlace(tokens.slice(sentStart + m.start, sentStart + m.end).map((t) => t.text).join(" "))) continue;
      covered.fill(1, m.start, m.end);
      added.push({ start: sentStart + m.start, end: sentStart + m.end, type: "LOC", score: PLACE_SCORE });
    }
    if (added.length) out = [...out, ...added].sort((x, y) => x.start - y.start);
  }
  return out;
}

/** A capitals line of at most this many tokens may be a headline. */
const MAX_HEADLINE_TOKENS = 14;

/** Gazetteer classes that keep a capitals word from being read as a place. */
const NOT_PLACE_CLASSES: readonly GazClass[] = ["orgname", "demonym", "first", "common"];
