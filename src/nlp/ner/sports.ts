/**
 * Sports copy: clubs named after their home place, result lines and league tables.
 *
 * Wire services carry much sport, and the tagger, trained on politics and encyclopaedia text,
 * reads "Barcelona" as the city and "Juventus" as a person. CoNLL-2003 types clubs ORG and
 * national teams LOC (the country). Two shapes are clear enough to act on:
 *
 * - a place with a club word before or after it ("Real Madrid", "AC Milan", "Manchester United",
 *   "Blackburn Rovers"): ORG, whatever the tagger said ({@link CLUB_PREFIXES}, {@link CLUB_SUFFIXES});
 * - a result line or league table, where names alternate with scores ("Celtic 3 Rangers 1 ,
 *   Aberdeen 0 Hearts 2" or "Barcelona 15 10 3 2 34 15 33"): each name followed by its numbers is
 *   a team, LOC when it is a country, else ORG; a PERSON span that begins with a listed given name
 *   is kept (golf and athletics tables list people with their numbers). Once two names of a line are
 *   found by the tagger or known as places, its other names (not common words) are teams too.
 *
 * Spans are over token indices of one sentence, as in {@link ./rules.ts}.
 */
import { type CaseMode, sentenceCaseMode } from "./casing.js";
import { Gazetteer, lookupForm } from "./gazetteer.js";
import type { RuleToken, SpanCandidate } from "./rules.js";

/** Words that open a club name before its place ("Real Madrid", "AC Milan", "Dynamo Kiev"). */
const CLUB_PREFIXES = new Set([
  "ac", "fc", "sc", "real", "inter", "dynamo", "dinamo", "sporting", "olympique", "borussia", "atletico", "athletic", "racing", "deportivo",
  "rapid", "lokomotiv", "spartak", "torpedo", "bayern", "bayer", "hertha", "werder", "eintracht", "hansa", "arminia", "alemannia", "vfb",
  "vfl", "tsv", "fsv", "steaua", "partizan", "slavia", "sparta", "legia", "ajax", "psv", "feyenoord", "benfica", "galatasaray", "fenerbahce",
  "besiktas", "cska", "zenit", "shakhtar", "anderlecht", "slovan", "ferencvaros", "hajduk", "crvena",
]);
/**
 * Words that close a club name after its place ("Manchester United", "Bolton Wanderers"); not
 * "City", "County", "Town" ("Kansas City", "Orange County" are places) nor a weekday ("Sheffield Wednesday").
 */
const CLUB_SUFFIXES = new Set(["united", "rovers", "wanderers", "athletic", "albion", "hotspur", "fc", "afc", "rangers", "argyle"]);
/** A result line or table needs at least this many name-and-numbers entries. */
const MIN_TABLE_ENTRIES = 2;
/** Most words in one team name of a table. */
const MAX_TEAM_WORDS = 4;
/** A name followed by one number only is a result ("Celtic 3") when the number is at most this ("Windows 95" is not). */
const MAX_SINGLE_SCORE = 20;
/** A name followed by at least this many numbers is a table row ("Barcelona 15 10 3 2 34 15 33"). */
const MIN_ROW_NUMBERS = 3;
/** In a line of two scored names and nothing else, a score may be this high ("CHICAGO 101 Boston 95"). */
const MAX_LINE_SCORE = 200;
/** A number after a name inside a result line's brackets up to this is a minute: the name is a scorer ("( Klinsmann 12 , 67 )"). */
const MAX_MINUTE = 130;
/** Most words of a scorer's name in a result line's brackets. */
const MAX_SCORER_WORDS = 3;
/** Score of the spans these rules set. */
const SPORTS_SCORE = 0.75;

const isCap = (w: string): boolean => /^\p{Lu}\p{L}/u.test(w) || /^\p{Lu}{2,}$/u.test(w) || /^(?:\p{Lu}\.){2,}$/u.test(w);
const isNumber = (w: string): boolean => /^\d{1,3}$/.test(w);
/** A cell of a table row after the name: a count, a decimal with or without its zero (".556", "1.000"), a fraction ("4 1/2") or a dash. */
const isRowItem = (w: string): boolean => /^(\d{1,3}|\d*\.\d+|\d+\/\d+|-)$/.test(w);
const isPlace = (w: string, gaz: Gazetteer): boolean => gaz.has(w, "city") || gaz.has(w, "region") || gaz.has(w, "country");

/**
 * Club names around a place become ORG: the span (of any type) is widened over a club word
 * right before or after it, and a span that already holds one is retyped.
 */
export function retypeClubNames(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer): SpanCandidate[] {
  // A MISC span that is only a club word is the tagger reading "United" as a name of its own ("Manchester United").
  for (const s of spans) if (s.end > s.start && (s.type !== "MISC" || (s.end - s.start === 1 && clubWord(s.start)))) club(s);
  // "City" tagged alone after its untagged place ("Manchester" + MISC "City").
  for (const s of spans) {
    if (s.end - s.start !== 1 || s.start === sentStart || covered(spans, s.start - 1) || !cityClub(s.start - 1, s.start)) continue;
    if (s.start - 1 > sentStart && isCap(tokens[s.start - 2].text)) continue;
    Object.assign(s, { start: s.start - 1, type: "ORG", settled: "name" });
  }
  spans = spans.filter((s) => s.end > s.start);
  // Neither word tagged: "Real Madrid" opening a sentence.
  for (let i = sentStart; i + 1 < sentEnd; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (!isCap(a.text) || !isCap(b.text) || covered(spans, i) || covered(spans, i + 1)) continue;
    const prefixed = CLUB_PREFIXES.has(lookupForm(a.text)) && isPlace(b.text, gaz);
    const suffixed = (CLUB_SUFFIXES.has(lookupForm(b.text)) && isPlace(a.text, gaz)) || (cityClub(i, i + 1) && !(i > sentStart && isCap(tokens[i - 1].text)));
    if (prefixed || suffixed) spans.push({ start: i, end: i + 2, type: "ORG", score: SPORTS_SCORE, ...(cityClub(i, i + 1) ? { settled: "name" as const } : {}) });
  }
  return spans.sort((x, y) => x.start - y.start);
  // "Manchester City", "Leicester City": a listed city (no country) and "City", when the two are no listed
  // city of their own ("Mexico City", "Kansas City").
  function cityClub(place: number, city: number): boolean {
    const p = tokens[place].text;
    if (tokens[city].text !== "City" || !isCap(p) || !gaz.has(p, "city") || gaz.has(p, "country")) return false;
    return !gaz.hasEntry(`${p} City`, "city") && !gaz.hasEntry(`${p} City`, "region");
  }
  function clubWord(i: number): boolean {
    const f = lookupForm(tokens[i].text);
    return CLUB_PREFIXES.has(f) || CLUB_SUFFIXES.has(f);
  }
  function club(s: SpanCandidate): void {
    const first = lookupForm(tokens[s.start].text);
    const last = lookupForm(tokens[s.end - 1].text);
    // "Real Madrid" tagged whole, or "Madrid" with "Real" left outside.
    if (s.end - s.start >= 2 && CLUB_PREFIXES.has(first) && isPlace(tokens[s.start + 1].text, gaz) && isCap(tokens[s.start].text)) s.type = "ORG";
    else if (s.end - s.start === 2 && cityClub(s.start, s.start + 1)) Object.assign(s, { type: "ORG", settled: "name" });
    else if (s.end - s.start === 1 && s.end < sentEnd && cityClub(s.start, s.end) && !(s.start > sentStart && isCap(tokens[s.start - 1].text))) {
      // "Manchester" + "City" (untagged, or tagged alone).
      const city = spans.find((o) => o.start <= s.end && o.end > s.end);
      if (city && (city.start !== s.end || city.end !== s.end + 1)) return;
      if (city) city.end = city.start; // emptied, dropped below
      s.end++;
      s.type = "ORG";
      s.settled = "name"; // (a headline-like line would strip "City", a common word)
    }
    else if (s.end - s.start >= 2 && CLUB_SUFFIXES.has(last) && isPlace(tokens[s.end - 2].text, gaz) && isCap(tokens[s.end - 1].text)) s.type = "ORG";
    else if (s.start > sentStart && CLUB_PREFIXES.has(lookupForm(tokens[s.start - 1].text)) && isCap(tokens[s.start - 1].text) && isPlace(tokens[s.start].text, gaz) && !covered(spans, s.start - 1)) {
      s.start--;
      s.type = "ORG";
    } else if (s.end < sentEnd && CLUB_SUFFIXES.has(lookupForm(tokens[s.end].text)) && isCap(tokens[s.end].text) && isPlace(tokens[s.end - 1].text, gaz) && !covered(spans, s.end)) {
      s.end++;
      s.type = "ORG";
    } else if (s.end - s.start === 1 && CLUB_SUFFIXES.has(first) && s.start > sentStart && isCap(tokens[s.start - 1].text) && isPlace(tokens[s.start - 1].text, gaz) && !covered(spans, s.start - 1)) {
      // The club word alone, its place left untagged before it ("Manchester" + "United").
      s.start--;
      s.type = "ORG";
    } else if (s.end - s.start === 1 && CLUB_PREFIXES.has(first) && s.end < sentEnd && isCap(tokens[s.end].text) && isPlace(tokens[s.end].text, gaz) && !covered(spans, s.end)) {
      // "Borussia" + "Dortmund".
      s.end++;
      s.type = "ORG";
    }
  }
}

const covered = (spans: readonly SpanCandidate[], i: number): boolean => spans.some((s) => s.start <= i && i < s.end);

/**
 * Team entries of a result line or league table: [start, end) of each name followed by its numbers. A single score
 * counts up to `maxScore`; bracketed remarks (scorers: "( Klinsmann 12 , 67 )") are passed over.
 */
export function tableEntries(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, maxScore = MAX_SINGLE_SCORE): [number, number][] {
  const out: [number, number][] = [];
  let i = sentStart;
  while (i < sentEnd) {
    if (tokens[i].text === "(") {
      i = closingBracket(tokens, i, sentEnd) + 1;
      continue;
    }
    if (!isCap(tokens[i].text)) {
      i++;
      continue;
    }
    let j = i;
    while (j < sentEnd && j - i < MAX_TEAM_WORDS && (isCap(tokens[j].text) || (j > i && tokens[j].text === "." && tokens[j - 1].end === tokens[j].start))) j++;
    if (j < sentEnd && isNumber(tokens[j].text) && j > i) {
      // The numbers after the name end the entry: another name, a comma, a bracket, or the end of the line.
      let k = j;
      let numbers = 0;
      while (k < sentEnd && isRowItem(tokens[k].text)) {
        if (tokens[k].text !== "-") numbers++;
        k++;
      }
      const next = k < sentEnd ? tokens[k].text : "";
      const shaped = numbers >= MIN_ROW_NUMBERS || (numbers === 1 && isNumber(tokens[j].text) && Number(tokens[j].text) <= maxScore);
      if (shaped && (k === sentEnd || next === "," || next === ";" || next === "." || next === "(" || isCap(next))) out.push([i, j]);
      i = k;
    } else i = j;
  }
  return out;
}

/** A race time or gap ("46:38.112", "5:19:28", "1:24"). */
const RACE_TIME = /^\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?$/;

/**
 * A results line of a race ("1. Alex Criville ( Spain ) Honda 46:38.112", "2. Richard Virenque ( France ) Festina 1:24
 * behind"): the name between the rider's bracketed country and the time is the team (ORG), whatever the tagger said
 * (often a person: "Honda").
 */
export function retypeRaceTeams(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer): SpanCandidate[] {
  let out = spans;
  for (let k = sentStart + 2; k < sentEnd; k++) {
    if (tokens[k].text !== ")" || tokens[k - 2].text !== "(" || !gaz.has(tokens[k - 1].text, "country")) continue;
    let j = k + 1;
    while (j < sentEnd && j - k - 1 < MAX_TEAM_WORDS && isCap(tokens[j].text)) j++;
    if (j === k + 1 || j >= sentEnd || !RACE_TIME.test(tokens[j].text)) continue;
    const [a, b] = [k + 1, j];
    const inside = out.filter((s) => s.start < b && s.end > a);
    if (inside.some((s) => s.start < a || s.end > b)) continue;
    out = [...out.filter((s) => !inside.includes(s)), { start: a, end: b, type: "ORG" as const, score: SPORTS_SCORE, settled: "team" as const }];
  }
  return out === spans ? spans : out.sort((x, y) => x.start - y.start);
}

/** Index of the ")" closing the "(" at `open` (the sentence's last token when none does). */
function closingBracket(tokens: readonly RuleToken[], open: number, sentEnd: number): number {
  for (let k = open + 1; k < sentEnd; k++) if (tokens[k].text === ")") return k;
  return sentEnd - 1;
}

/** Whether the line holds nothing but the entries, their numbers, punctuation and bracketed remarks ("Celtic 2 Hearts 0"). */
function onlyEntries(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, entries: readonly [number, number][]): boolean {
  let e = 0;
  for (let k = sentStart; k < sentEnd; ) {
    if (e < entries.length && k === entries[e][0]) {
      k = entries[e++][1];
      while (k < sentEnd && isRowItem(tokens[k].text)) k++;
    } else if (tokens[k].text === "(") k = closingBracket(tokens, k, sentEnd) + 1;
    else if (/^\p{P}+$/u.test(tokens[k].text)) k++;
    else return false;
  }
  return e === entries.length;
}

/** A match score written as one token ("2-0", "3-1", "65-53"). */
const SCORE = /^\d{1,3}[-\u2013]\d{1,3}$/;
/** Verbs of a match between the two names before a score ("Creighton defeats Drake 65-53"); "drew with", "lost to" take their particle. */
const MATCH_VERBS = new Set(["beat", "beats", "defeated", "defeats", "edged", "edges", "routed", "routs", "thrashed", "downed", "downs", "upset", "upsets", "crushed", "outlasted", "overcame", "stunned", "drew", "lost", "tied"]);
const MATCH_PARTICLES = new Set(["with", "to", "against"]);

/** Tokens a score takes from `k`: one ("2-0") or three ("65 - 53"), or 0 when there is none. */
function scoreAt(tokens: readonly RuleToken[], k: number, sentEnd: number): number {
  if (k >= sentEnd) return 0;
  if (SCORE.test(tokens[k].text)) return 1;
  return k + 2 < sentEnd && /^\d{1,3}$/.test(tokens[k].text) && /^[-\u2013]$/.test(tokens[k + 1].text) && /^\d{1,3}$/.test(tokens[k + 2].text) ? 3 : 0;
}

/**
 * "Real Madrid beat Valencia 2-0": a listed city right before a score is the club named after it (ORG), whatever
 * the tagger said (a person, the city); a country there is its national team, typed LOC as CoNLL-2003 does. The same
 * holds for the name before a match verb that leads to it ("Creighton defeats Drake 65-53": both); there a one-word
 * person or unlisted place is a team too ("Chelsea", "Drake": given names as well; a player named in full elsewhere is made a person
 * again by the document's consistency step).
 */
export function retypeScoredTeams(tokens: readonly RuleToken[], sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer): SpanCandidate[] {
  const retype = (s: SpanCandidate, matched: boolean): void => {
    if (s.type !== "PERSON" && s.type !== "LOC") return;
    const name = tokens.slice(s.start, s.end).map((t) => t.text).join(" ");
    if (gaz.hasEntry(name, "country")) s.type = "LOC";
    else if (gaz.hasEntry(name, "city") && !(s.end - s.start > 1 && gaz.has(tokens[s.start].text, "first"))) s.type = "ORG";
    else if (matched && s.end - s.start === 1) s.type = "ORG";
    if (matched && s.type !== "PERSON") s.authority = true;
  };
  for (const s of spans) {
    if (!scoreAt(tokens, s.end, sentEnd)) continue;
    let v = s.start - 1;
    if (v >= 0 && MATCH_PARTICLES.has(tokens[v].text)) v--;
    const matched = v >= 0 && MATCH_VERBS.has(tokens[v].text.toLowerCase());
    retype(s, matched);
    const subject = matched ? spans.find((o) => o.end === v) : undefined;
    if (subject) retype(subject, true);
  }
  return spans;
}

/** Types the names of a result line or league table as teams, and the scorers in its brackets as people (see the module comment). */
export function retypeTables(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer): SpanCandidate[] {
  let entries = tableEntries(tokens, sentStart, sentEnd);
  if (entries.length === 1 && isTableRow(tokens, sentStart, sentEnd, entries[0])) return retypeRow(tokens, spans, entries[0], gaz);
  if (entries.length < MIN_TABLE_ENTRIES) {
    // "CHICAGO 101 Boston 95": a line of two scored names and nothing else is a result, whatever the scores.
    // Back to back, one of them a listed place ("Windows 95 , Office 97" lists versions).
    const wide = tableEntries(tokens, sentStart, sentEnd, MAX_LINE_SCORE);
    if (wide.length !== MIN_TABLE_ENTRIES || wide[1][0] !== wide[0][1] + 1 || !onlyEntries(tokens, sentStart, sentEnd, wide)) return spans;
    if (!wide.some(([a, b]) => gaz.isPlace(textOf(tokens, a, b)))) return spans;
    entries = wide;
  }
  // Entries the tagger found or a place list knows; when there are enough of them the line is a
  // table, and its other entries are teams too, unless they are common words ("Total 12"). A line
  // of scored names alone ("Celtic 2 Hearts 0") needs one.
  const whole = onlyEntries(tokens, sentStart, sentEnd, entries);
  const supported = entries.filter(([a, b]) => spans.some((s) => s.start < b && s.end > a) || gaz.isPlace(textOf(tokens, a, b)));
  if (supported.length < (whole ? 1 : MIN_TABLE_ENTRIES)) return spans;
  let out = spans;
  for (const [a, b] of entries) {
    if (!whole && !supported.some(([x]) => x === a) && tokens.slice(a, b).every((t) => gaz.has(t.text, "common"))) continue;
    out = asTeam(tokens, out, [a, b], gaz) ?? out;
  }
  return scorers(tokens, sentStart, sentEnd, out, gaz).sort((x, y) => x.start - y.start);
}

/**
 * In a result line's brackets, a name followed by a minute is a scorer ("( Klinsmann 12 , 67 , Scholl 45 )"): PERSON,
 * whatever the tagger said, unless it is a country.
 */
function scorers(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer): SpanCandidate[] {
  let out = spans;
  for (let k = sentStart; k < sentEnd; k++) {
    if (tokens[k].text !== "(") continue;
    const close = closingBracket(tokens, k, sentEnd);
    for (let i = k + 1; i < close; i++) {
      if (!isCap(tokens[i].text)) continue;
      let j = i;
      while (j < close && j - i < MAX_SCORER_WORDS && (isCap(tokens[j].text) || (j > i && tokens[j].text === "." && tokens[j - 1].end === tokens[j].start))) j++;
      const minute = j < close && isNumber(tokens[j].text) && Number(tokens[j].text) <= MAX_MINUTE;
      if (minute && !gaz.hasEntry(textOf(tokens, i, j), "country")) {
        const inside = out.filter((s) => s.start < j && s.end > i);
        if (!inside.some((s) => s.start < i || s.end > j)) out = [...out.filter((s) => !inside.includes(s)), { start: i, end: j, type: "PERSON", score: SPORTS_SCORE, settled: "team" }];
      }
      i = j;
    }
    k = close;
  }
  return out;
}

const textOf = (tokens: readonly RuleToken[], a: number, b: number): string => tokens.slice(a, b).map((t) => t.text).join(" ");

/**
 * The spans with those over [a, b) replaced by one team: LOC for a country (its national team), else ORG; undefined
 * when a person with a listed given name holds the place (golf and athletics tables list people). A span running on
 * into the numbers ("Bremen 1") is replaced too.
 */
function asTeam(tokens: readonly RuleToken[], spans: SpanCandidate[], [a, b]: [number, number], gaz: Gazetteer): SpanCandidate[] | undefined {
  const inside = spans.filter((s) => s.start < b && s.end > a);
  // (Not a one-word place that is also a given name: "Houston 110 DENVER 98".)
  if (inside.some((s) => s.type === "PERSON" && gaz.has(tokens[s.start].text, "first") && (s.end - s.start > 1 || !gaz.isPlace(tokens[s.start].text)))) return undefined;
  const type = gaz.hasEntry(textOf(tokens, a, b), "country") ? "LOC" : "ORG";
  return [...spans.filter((s) => !inside.includes(s)), { start: a, end: b, type, score: SPORTS_SCORE, settled: "team" }];
}

/** Event names that take "the" and a plural ("the Olympics", "the Oscars"): not teams. */
const PLURAL_EVENTS = new Set(["olympics", "games", "oscars", "grammys", "emmys", "crusades", "paralympics", "playoffs", "finals", "championships", "nationals", "internationals", "proms", "midlands", "balkans", "tropics", "americas", "antipodes", "commons", "lords", "states"]);

/**
 * Words of sport and music: a sentence with one of them talks of teams and bands. Reader comments
 * capitalise plurals for emphasis ("the Banks", "the Terrorists"); without such a word nearby a
 * capitalised plural is left alone.
 */
const TEAM_CONTEXT = new Set([
  "season", "seasons", "game", "games", "play", "plays", "played", "playing", "player", "players", "coach", "coached", "team", "teams",
  "league", "beat", "beats", "lost", "won", "win", "wins", "defeat", "defeated", "scored", "championship", "roster", "traded", "signed",
  "drafted", "manager", "compete", "competes", "match", "matches", "cup", "playoff", "playoffs", "inning", "innings", "quarterback",
  "pitcher", "striker", "goal", "goals", "tournament", "stadium", "fans", "era", "draft", "touchdown", "album", "albums", "band",
  "song", "songs", "tour", "concert", "concerts", "singer", "drummer", "guitarist", "recorded", "released",
]);

/**
 * "the Falcons", "the Pirates": an untagged capitalised plural after "the", inside a sentence of
 * sport or music ({@link TEAM_CONTEXT}) and before no other capitalised word, whose singular is a
 * common noun, names a team or band (ORG). Nationality words, places and given names are left
 * alone, as are events ("the Olympics").
 */
export function theTeamPlurals(
  tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer,
  mode?: CaseMode,
): SpanCandidate[] {
  const added: SpanCandidate[] = [];
  let any = false;
  for (let i = sentStart + 1; i < sentEnd && !any; i++) any = tokens[i - 1].text === "the" && /^\p{Lu}\p{Ll}+s$/u.test(tokens[i].text);
  if (!any) return spans;
  // Only in running text: a headline capitalises every plural ("Claimed Responsibility for the Attacks").
  if ((mode ?? sentenceCaseMode(tokens.slice(sentStart, sentEnd).map((t) => t.text), gaz)) !== "normal") return spans;
  if (!tokens.slice(sentStart, sentEnd).some((t) => TEAM_CONTEXT.has(t.text.toLowerCase()))) return spans;
  for (let i = sentStart + 1; i < sentEnd; i++) {
    const w = tokens[i].text;
    if (tokens[i - 1].text !== "the" || !/^\p{Lu}\p{Ll}+s$/u.test(w) || /(ss|us|is)$/.test(w) || covered(spans, i)) continue;
    // Not before another capitalised word, nor in a complement ("the Wars of the Roses", "War of the Camps").
    if (i + 1 < sentEnd && (isCap(tokens[i + 1].text) || tokens[i + 1].text === "of" || tokens[i + 1].text === "for")) continue;
    if (i - 2 >= sentStart && tokens[i - 2].text === "of" && i - 3 >= sentStart && isCap(tokens[i - 3].text)) continue;
    const form = lookupForm(w);
    if (PLURAL_EVENTS.has(form) || (["demonym", "country", "city", "region", "first", "orgname"] as const).some((c) => gaz.has(w, c))) continue;
    const singular = form.endsWith("ies") ? `${form.slice(0, -3)}y` : form.slice(0, -1);
    if (!gaz.has(singular, "common")) continue;
    added.push({ start: i, end: i + 1, type: "ORG", score: SPORTS_SCORE });
  }
  return added.length ? [...spans, ...added].sort((x, y) => x.start - y.start) : spans;
}

/**
 * A line that is one row of a league table: a name opening the line (after a rank number, if
 * any) and then only cells ({@link isRowItem}: "Barcelona 15 10 3 2 34 15 33", "NEW YORK 74 59 .556 -"),
 * at least {@link MIN_ROW_NUMBERS} numbers.
 */
function isTableRow(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, [a, b]: [number, number]): boolean {
  let first = sentStart;
  while (first < a && (isNumber(tokens[first].text) || /^[\p{P}]+$/u.test(tokens[first].text))) first++;
  if (first !== a) return false;
  let numbers = 0;
  for (let k = b; k < sentEnd; k++) {
    if (isRowItem(tokens[k].text)) numbers += tokens[k].text === "-" ? 0 : 1;
    else if (!/^[\p{P}]+$/u.test(tokens[k].text)) return false;
  }
  return numbers >= MIN_ROW_NUMBERS;
}

/**
 * Types the name of a table row as a team ({@link asTeam}) when the tagger found it, a place list knows it, or it is
 * a club word ("Rangers") or a word no list knows ("Celtic"); not common words ("Total 12 14 16"), nor a listed name
 * (a person's row).
 */
function retypeRow(tokens: readonly RuleToken[], spans: SpanCandidate[], [a, b]: [number, number], gaz: Gazetteer): SpanCandidate[] {
  const inside = spans.filter((s) => s.start < b && s.end > a);
  const words = tokens.slice(a, b).map((t) => t.text);
  const unlisted = words.every((w) => !(["common", "first", "sur"] as const).some((c) => gaz.has(w, c)));
  const clubs = words.length === 1 && CLUB_SUFFIXES.has(lookupForm(words[0]));
  // No span may reach in from before the name (one running on into the numbers, "Bremen 1", is replaced).
  if ((!inside.length && !gaz.isPlace(words.join(" ")) && !unlisted && !clubs) || inside.some((s) => s.start < a)) return spans;
  return (asTeam(tokens, spans, [a, b], gaz) ?? spans).sort((x, y) => x.start - y.start);
}
