/**
 * Clubs and teams named after their home place ("Pittsburgh Pirates", "St. Louis Cardinals",
 * "Toronto Maple Leafs") are ORG in CoNLL-2003, but a tagger that knows the place often calls
 * the whole span LOC. A LOC or PERSON span that starts with a listed place and goes on with
 * capitalised words ending in a plural noun that is no geographic feature ("Islands",
 * "Heights") becomes ORG. Spans are over token indices of one sentence, as in {@link ./rules.ts}.
 */
import { Gazetteer, GazClass, lookupForm } from "./gazetteer.js";
import type { RuleToken, SpanCandidate } from "./rules.js";

/** Place classes a team name may start with. */
const PLACE_CLASSES: readonly GazClass[] = ["city", "region", "country"];
/** Plural nouns of geographic names ("Cayman Islands", "Golan Heights"): such spans stay places. */
const GEO_PLURALS = new Set([
  "islands", "isles", "keys", "cays", "mountains", "alps", "hills", "heights", "highlands", "lowlands", "falls", "lakes", "springs",
  "plains", "rapids", "territories", "provinces", "states", "emirates", "fields", "woods", "downs", "flats", "narrows", "sands", "rocks",
  "valleys", "straits", "marshes", "ridges", "peaks", "banks", "gardens", "docks", "towers", "halls", "grounds", "commons", "estates",
]);
/** Plural nouns for people that follow a place in headlines ("Cairo Protesters"): no team. */
const PEOPLE_PLURALS = new Set([
  "protesters", "protestors", "residents", "officials", "voters", "workers", "students", "leaders", "lawmakers", "authorities", "citizens",
  "troops", "forces", "rebels", "militants", "activists", "demonstrators", "supporters", "opponents", "farmers", "doctors", "teachers",
  "firefighters", "survivors", "victims", "families", "children", "women", "men", "people", "police", "witnesses", "investigators",
]);
/** Shortest plural word taken as a team name ("Reds" qualifies, "Bus" does not). */
const MIN_PLURAL_CHARS = 4;

const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);
/** A plural-looking capitalised word: ends in "s" but not "ss" / "us" / "is" ("Pirates", not "Congress", "Olympus", "Paris"). */
const isPluralName = (w: string): boolean => isCap(w) && w.length >= MIN_PLURAL_CHARS && /\p{Ll}s$/u.test(w) && !/(ss|us|is)$/u.test(w);

/**
 * Retypes place-plus-plural team names as ORG (the candidates are changed in place and returned),
 * joining a place span and the plural right after it when the tagger split them ("Chicago" +
 * "Cubs"; the plural untagged or a one-word span of its own) in running text (`joinSplit`; a
 * headline capitalises every plural).
 */
export function retypeTeamNames(tokens: readonly RuleToken[], candidates: SpanCandidate[], gaz: Gazetteer, joinSplit = true): SpanCandidate[] {
  for (let n = 0; joinSplit && n < candidates.length; n++) {
    const s = candidates[n];
    const p = s.end;
    if (s.type !== "LOC" || p >= tokens.length || !isPluralName(tokens[p].text) || GEO_PLURALS.has(lookupForm(tokens[p].text))) continue;
    // A city or region ("Chicago Cubs", "Florida Marlins"); not a country ("U.S. Marines": its forces), nor a nationality plural.
    const place = tokens.slice(s.start, s.end).map((t) => t.text).join(" ");
    if (!(["city", "region"] as const).some((c) => gaz.hasEntry(place, c)) || gaz.hasEntry(place, "country") || gaz.has(tokens[p].text, "demonym")) continue;
    if (PEOPLE_PLURALS.has(lookupForm(tokens[p].text))) continue; // "Cairo Protesters fill streets"
    if (p + 1 < tokens.length && isCap(tokens[p + 1].text)) continue;
    const next = candidates[n + 1];
    if (next && next.start === p && next.end !== p + 1) continue;
    if (next && next.start === p) candidates.splice(n + 1, 1);
    else if (next && next.start < p + 1) continue;
    s.end = p + 1;
    s.type = "ORG";
  }
  for (const s of candidates) {
    if ((s.type !== "LOC" && s.type !== "PERSON") || s.end - s.start < 2) continue;
    const words = tokens.slice(s.start, s.end).map((t) => t.text);
    const last = words[words.length - 1];
    if (!isPluralName(last) || GEO_PLURALS.has(lookupForm(last))) continue;
    const forms = words.map((w) => lookupForm(w));
    const matches = gaz.matchPhrases(forms).filter((m) => m.start === 0 && PLACE_CLASSES.includes(m.cls));
    // The whole span a listed place ("Netherlands Antilles"): not a team.
    if (matches.some((m) => m.end === forms.length)) continue;
    const placeEnd = Math.max(0, ...matches.map((m) => m.end), PLACE_CLASSES.some((c) => gaz.has(words[0], c)) ? 1 : 0);
    if (placeEnd === 0 || !words.slice(placeEnd).every(isCap)) continue;
    s.type = "ORG";
  }
  return candidates;
}
