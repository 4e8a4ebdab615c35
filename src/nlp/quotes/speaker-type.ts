/**
 * What kind of speaker a source phrase names when no entity covers it: a person ("a senior official", "critics",
 * "he"), an organisation ("the campaign", "a spokesperson at the ministry" is a person of it) or no agent at all ("This
 * crisis", "The discussions in Doha", "the report"). PolNeAR annotates such non-agent sources too, so the attribution
 * stays; its speaker gets type "UNKNOWN", which a speaker list (the story report) must not show as someone speaking.
 */
import type { Token } from "../../model.js";
import { isCapitalized } from "../roles/doc-utils.js";
import { PLURAL_ROLE_NOUNS, ROLE_NOUNS } from "../roles/lexicon.js";

/** Nouns for people that are not titles (roles are in ROLE_NOUNS): "critics", "voters", "a woman". */
const HUMAN_NOUNS = new Set([
  "person", "people", "man", "men", "woman", "women", "child", "children", "kid", "kids", "family", "families",
  "voter", "voters", "critic", "critics", "expert", "experts", "analyst", "analysts", "resident", "residents", "citizen",
  "citizens", "supporter", "supporters", "opponent", "opponents", "adviser", "advisers", "advisor", "advisors", "aide",
  "aides", "activist", "activists", "source", "sources", "doctor", "doctors", "physician", "physicians", "economist",
  "economists", "scientist", "scientists", "researcher", "researchers", "witness", "witnesses", "protester", "protesters",
  "protestor", "protestors", "demonstrator", "demonstrators", "member", "members", "observer", "observers", "investigator",
  "investigators", "prosecutor", "prosecutors", "lawyer", "lawyers", "attorney", "attorneys", "user", "users", "fan",
  "fans", "viewer", "viewers", "reader", "readers", "friend", "friends", "colleague", "colleagues", "worker", "workers",
  "employee", "employees", "student", "students", "teacher", "teachers", "parent", "parents", "victim", "victims",
  "survivor", "survivors", "veteran", "veterans", "insider", "insiders", "official", "officials", "democrat", "democrats",
  "republican", "republicans", "conservative", "conservatives", "liberal", "liberals", "candidate", "candidates",
  "nominee", "nominees", "lawmaker", "lawmakers", "legislator", "legislators", "author", "authors", "writer", "writers",
  "reporter", "reporters", "journalist", "journalists", "columnist", "columnists", "pollster", "pollsters", "strategist",
  "strategists", "donor", "donors", "owner", "owners", "farmer", "farmers", "refugee", "refugees", "migrant", "migrants",
  "soldier", "soldiers", "troops", "officer", "officers", "police", "host", "narrator", "mayor", "someone", "somebody",
  "everyone", "everybody", "anyone", "nobody", "others", "many", "some", "most", "few", "both", "each", "all", "one",
  "american", "americans", "team", "staff", "crowd", "audience", "public", "majority", "minority", "plurality",
]);

/** Nouns for organisations and institutions that act as speakers ("the ministry said", "the campaign claimed"). */
const ORG_NOUNS = new Set([
  "government", "governments", "administration", "ministry", "ministries", "department", "agency", "agencies", "office",
  "campaign", "campaigns", "committee", "commission", "council", "parliament", "congress", "senate", "house", "assembly",
  "court", "courts", "board", "panel", "company", "companies", "firm", "firms", "bank", "banks", "group", "groups",
  "organization", "organisation", "organizations", "association", "union", "unions", "party", "parties", "coalition",
  "alliance", "institute", "foundation", "university", "newspaper", "paper", "network", "magazine", "outlet", "station",
  "channel", "embassy", "military", "army", "navy", "regime", "authorities", "kremlin", "pentagon", "cabinet",
  "opposition", "delegation", "state", "states", "country", "countries", "nation", "nations", "city", "county", "times",
  "post", "journal", "news", "press", "service", "bureau", "fund", "center", "centre", "team", "club",
]);

/** Pronouns that stand for people; "it", "this", "that", "which" stand for things as often as not. */
const PERSON_PRONOUNS = new Set(["he", "she", "i", "we", "you", "they", "who", "whom", "one", "someone", "others", "many", "some", "those", "these", "each"]);
/** Words that end a source's head phrase ("a spokesperson AT the ministry", "the head OF ...", "X, WHO ..."). */
const HEAD_STOPS = new Set(["of", "at", "for", "from", "in", "on", "with", "who", "which", "that", "whose", ",", "(", "--", "—", "–", "and"]);

/**
 * Classifies a source phrase by its head: "PERSON" for people, titles and person pronouns, "ORG" for institutions,
 * "UNKNOWN" for anything else (things, events, documents). `tokens` are the source phrase's tokens.
 */
export function sourceType(tokens: readonly Token[]): "PERSON" | "ORG" | "UNKNOWN" {
  if (!tokens.length) return "UNKNOWN";
  if (tokens.length === 1 && tokens[0].pos === "PRON") return PERSON_PRONOUNS.has(tokens[0].norm) ? "PERSON" : "UNKNOWN";
  let end = 0;
  while (end < tokens.length && !HEAD_STOPS.has(tokens[end].norm)) end++;
  const head = [...tokens.slice(0, end)].reverse().find((t) => t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "PRON" || t.pos === "NUM");
  if (!head) return "UNKNOWN";
  const w = head.norm.replace(/[’']s$/, "");
  if (ROLE_NOUNS.has(w) || PLURAL_ROLE_NOUNS.has(w) || HUMAN_NOUNS.has(w) || PERSON_PRONOUNS.has(w)) return "PERSON";
  if (ORG_NOUNS.has(w)) return "ORG";
  // A capitalised name no entity covers ("Politifact", "Figueroa"): an agent of some kind; people are likelier.
  if (head.pos === "PROPN" && isCapitalized(head)) return "PERSON";
  return "UNKNOWN";
}
