/**
 * Names typed by the text's own definition of them: "Atwick is a village in Holderness", "Champdor is a commune",
 * "Grantham , a market town in Lincolnshire , ...", "Orgy is a band from Los Angeles". A name followed by "is/was
 * a(n)" or by a comma and "a(n)", and then (after at most {@link MAX_MODIFIERS} modifiers) a head noun of a known
 * kind, is of that kind: places LOC, organisations ORG, works and languages MISC, people PERSON. The head must end
 * its noun phrase (a comma, a preposition, a participle or the end follows), so "a party to the treaty" or "a
 * village elder" are not read as kinds.
 *
 * Spans are over token indices of one sentence, as in {@link ./rules.ts}.
 */
import type { EntityType } from "../../model.js";
import { isFunctionWord } from "./casing.js";
import type { Gazetteer } from "./gazetteer.js";
import type { RuleToken, SpanCandidate } from "./rules.js";

/** Head nouns of definitions, by the entity type they give the name. */
const HEADS: ReadonlyMap<string, EntityType> = new Map([
  ...["village", "town", "city", "municipality", "commune", "parish", "suburb", "hamlet", "district", "county", "province", "region", "island",
    "river", "lake", "mountain", "valley", "neighbourhood", "neighborhood", "capital", "port", "state", "country", "township", "borough",
    "settlement", "peninsula", "archipelago", "desert", "sea", "bay", "airport", "stadium"].map((w) => [w, "LOC"] as const),
  ...["band", "company", "firm", "corporation", "organisation", "organization", "club", "team", "university", "college", "school",
    "newspaper", "magazine", "airline", "bank", "agency", "charity", "association", "federation", "union", "ministry", "militia",
    "brand", "label", "broadcaster", "network", "conglomerate", "manufacturer", "retailer", "publisher", "insurer", "trust"].map((w) => [w, "ORG"] as const),
  ...["album", "film", "movie", "novel", "song", "book", "single", "opera", "musical", "language", "dialect", "poem", "painting", "sculpture",
    "video game", "treaty", "operation", "festival", "tournament", "award", "prize"].map((w) => [w, "MISC"] as const),
  ...["singer", "actor", "actress", "politician", "writer", "author", "poet", "footballer", "player", "painter", "composer", "musician",
    "journalist", "businessman", "businesswoman", "lawyer", "novelist", "rapper", "guitarist", "drummer", "philosopher", "historian",
    "economist", "scientist", "physicist", "chemist", "mathematician", "priest", "bishop", "general", "diplomat", "activist", "cricketer"].map((w) => [w, "PERSON"] as const),
]);
/** Words between "a(n)" and the head: adjectives, nouns used as modifiers ("a market town", "a rock band"). */
const MAX_MODIFIERS = 3;
/** Words that may follow the head and end its noun phrase. */
const AFTER_HEAD = new Set([",", ".", ";", ":", "in", "on", "near", "from", "of", "based", "located", "situated", "founded", "formed", "that", "which", "who", "by", "and", "(", "with", "released", "written", "directed", "published"]);
/** Score of the spans this rule retypes. */
const DEFINITION_SCORE = 0.75;

/** The type a definition starting at token i ("is a village ...", ", a market town ...") gives, if any. */
function definedType(tokens: readonly RuleToken[], i: number, end: number): EntityType | undefined {
  let j = i;
  if (tokens[j]?.text === ",") j++;
  else if (/^(is|was)$/.test(tokens[j]?.text ?? "")) j++;
  else return undefined;
  if (!/^(a|an)$/i.test(tokens[j]?.text ?? "")) return undefined;
  j++;
  for (let m = 0; m <= MAX_MODIFIERS && j < end; m++, j++) {
    const w = tokens[j].text.toLowerCase();
    // A head is lower case (a capitalised word here is part of a name: "a Fiat dealer").
    const type = /^\p{Ll}/u.test(tokens[j].text) ? HEADS.get(w) : undefined;
    if (type) {
      const next = tokens[j + 1]?.text;
      return next === undefined || j + 1 >= end || AFTER_HEAD.has(next) ? type : undefined;
    }
    // Modifiers are content words: a preposition or article ends the noun phrase ("a spokesman for the company").
    if (!/^[\p{L}-]+$/u.test(tokens[j].text) || isFunctionWord(tokens[j].text)) return undefined;
  }
  return undefined;
}

/**
 * Retypes a name that the sentence defines: the span must end right before the definition, and (for "is a") open
 * the sentence, so "the mayor of Atwick is a farmer" defines the mayor, not Atwick.
 */
export function retypeDefinedNames(tokens: readonly RuleToken[], sentStart: number, sentEnd: number, spans: SpanCandidate[], gaz: Gazetteer): SpanCandidate[] {
  for (const s of spans) {
    const copula = tokens[s.end]?.text === "is" || tokens[s.end]?.text === "was";
    if (copula && s.start !== sentStart) continue;
    // After a comma, a listed place is more often an item of a list ("in London, a British soccer team, ...").
    const name = tokens.slice(s.start, s.end).map((t) => t.text).join(" ");
    if (!copula && gaz.isPlace(name)) continue;
    // "Ervenik ( Serbian Cyrillic : ... ) is a village": a parenthesis between the name and the definition.
    let at = s.end;
    if (tokens[at]?.text === "(") {
      let depth = 0;
      for (; at < sentEnd; at++) {
        if (tokens[at].text === "(") depth++;
        else if (tokens[at].text === ")" && --depth === 0) break;
      }
      at++;
      if (s.start !== sentStart) continue;
    }
    const type = definedType(tokens, at, sentEnd);
    if (!type || type === s.type) continue;
    s.type = type;
    s.score = DEFINITION_SCORE;
  }
  return spans;
}
