/**
 * Teams in sports copy, read over the whole document.
 *
 * Wire sports stories name clubs by their home place: "Leicestershire beat Somerset by an innings", "Barcelona have
 * won only two of their eight league games", "title rivals Essex , Derbyshire and Surrey". CoNLL-2003 (and OntoNotes)
 * type such a club ORG, a national team named by its country LOC (the country), and the town where a match is played
 * LOC. A tagger trained mostly on political news reads every one of those places as LOC, and the sentence-level sports
 * rules ({@link ./sports.ts}) only act on result lines, tables and club words. This step reads the document:
 *
 * 1. Is it sports copy? All of a document under a wire headline that opens with a sport ("CRICKET - ..."; the label
 *    itself names nothing); else a sentence with sports words or a score within {@link SPORTS_WINDOW} sentences, in a
 *    stretch of {@link STORY_WINDOW} sentences either way that holds words only sport uses ({@link STRONG_TERMS}): a
 *    scraped page of many stories may hold one sports item among politics, which speaks of winning races too.
 * 2. A name in a side's slot is a side: the subject of a match verb ("Leicestershire beat", "Barcelona have won",
 *    "Madrid lead the league"), after one ("beat Somerset", "against Hamburg", "a 2-0 win over Parma", "drew 1-1 with
 *    Newcastle", "lost 2-0 at home to Leeds", "a 2-1 win at Cagliari"), before a player's or coach's role ("Essex
 *    captain", "Hamburg 's coach"), a British plural verb after a one-word place ("Uzbekistan are", "Leeds have"), after
 *    a side's title ("champions Auxerre"), or one of a list with such a side ("Essex , Derbyshire and Surrey").
 * 3. Such a place that is no country (a listed town, or an unlisted name not in capitals; a one-word name the tagger
 *    took for a person only where a side alone stands) becomes ORG, and so does every other mention of the same name in
 *    the document's sports sentences (case aside, so the headline's "BARCELONA" too), except where it reads as a place
 *    ("in Madrid", "at Chelmsford", the dateline "MADRID 1996-10-20"). A country, or a nation that plays as one
 *    ("England", "West Indies"), is LOC, whatever the tagger said. A name tagged ORG where a match is played and no
 *    side of the document ("at the Nou Camp", "at Camden Yards", a listed town after "at" or "in") is LOC.
 *
 * Spans are over document token indices; `words` are the tokens' texts.
 */
import type { EntityType } from "../../model.js";
import { LOCATIVES } from "./consistency.js";

/** A span over token indices with a type, as {@link sportsTeams} reads and returns them. */
export interface TeamSpan {
  start: number;
  end: number;
  type: EntityType;
  score: number;
  settled?: string;
}

/** What {@link sportsTeams} needs to know about names. */
export interface TeamWords {
  /** A listed country (words joined by spaces): a national team, LOC in CoNLL-2003. */
  isCountry(name: string): boolean;
  /** A listed city or region (words joined by spaces): a club may be named after it. */
  isTown(name: string): boolean;
}

/** Sentence bounds over token indices. */
export interface SentenceBounds {
  tokenStart: number;
  tokenEnd: number;
}

/** Sports that open a wire headline ("SOCCER - ...", "RUGBY UNION - ..."), lower-cased. */
const SPORT_LABELS = [
  "soccer", "football", "cricket", "tennis", "golf", "basketball", "baseball", "rugby union", "rugby league", "rugby", "ice hockey", "hockey",
  "athletics", "cycling", "motor racing", "motorcycling", "formula one", "boxing", "skiing", "alpine skiing", "nordic skiing", "horse racing",
  "racing", "squash", "badminton", "volleyball", "handball", "swimming", "rowing", "yachting", "sailing", "snooker", "darts", "judo", "wrestling",
  "gymnastics", "triathlon", "american football", "nfl", "nba", "nhl", "mlb", "ncaa", "olympics", "table tennis", "speed skating", "figure skating",
  "bobsleigh", "luge", "biathlon", "equestrianism", "fencing", "weightlifting", "canoeing", "diving", "water polo", "field hockey", "polo",
].map((l) => l.split(" "));
/** Words (lower-cased) that sport alone uses. */
const STRONG_TERMS = new Set([
  "striker", "strikers", "midfielder", "midfielders", "goalkeeper", "goalkeepers", "winger", "innings", "wicket", "wickets", "batsman",
  "batsmen", "bowler", "bowlers", "bowled", "half-time", "halftime", "equaliser", "equalizer", "semifinal", "semifinals", "semi-final",
  "semi-finals", "quarterfinal", "quarterfinals", "quarter-final", "quarter-finals", "touchdown", "touchdowns", "quarterback", "pitcher",
  "inning", "homer", "homers", "rebounds", "birdie", "birdies", "bogey", "bogeys", "putt", "seeded", "unseeded", "hat-trick", "goalless",
  "scoreless", "relegation", "relegated", "playoff", "playoffs", "play-off", "play-offs", "scorers",
  "unbeaten", "not out", "overs", "lbw", "stumps", "fairway", "free-kick", "freekick", "corner-kick", "offside", "sixes", "fours",
]);
/** Words (lower-cased) that sport uses often, among other things. */
const COMMON_TERMS = new Set([
  "goal", "goals", "scored", "match", "matches", "league", "cup", "tournament", "coach", "season", "championship", "champions", "title",
  "stadium", "team", "teams", "club", "clubs", "players", "player", "fans", "final", "finals", "game", "games", "points", "victory", "defeat",
  "beat", "drew", "draw", "win", "won", "minute", "minutes", "round", "squad", "manager", "captain", "race", "lap", "medal", "champion",
]);
/** Sports words or scores within this many sentences make a sentence sports copy ... */
const SPORTS_WINDOW = 1;
/** ... where the sentences within this many either way (a story of a page of many) hold ... */
const STORY_WINDOW = 5;
/** ... this many distinct words only sport uses, or one and a score. */
const MIN_STRONG_TERMS = 2;
/** A sentence speaks of sport with one strong word, a score, or this many distinct common sports words. */
const MIN_COMMON_IN_SENTENCE = 2;
/** A match score or a set's score as one token ("2-1", "6-3", "110-98"); no date ("1996-08-30"). */
const SCORE = /^\d{1,3}[-\u2013]\d{1,3}$/;

/** Verbs whose subject is a side in a match ("Leicestershire beat", "Madrid lead the league"), lower-cased. */
const SUBJECT_VERBS = new Set([
  "beat", "beats", "defeated", "defeats", "drew", "draws", "lost", "lose", "loses", "won", "win", "wins", "trailed", "trail", "trails", "led",
  "lead", "leads", "edged", "edge", "thrashed", "hammered", "crushed", "routed", "overcame", "downed", "outplayed", "stunned", "host", "hosts",
  "hosted", "face", "faces", "faced", "visit", "visits", "play", "plays", "played", "meet", "meets", "need", "needs", "needed", "clinched",
  "snatched", "collapsed", "declared", "finished", "moved", "climbed", "slipped", "stayed", "remain", "remained", "scored", "equalised",
  "equalized", "replied", "reached", "sacked", "signed", "conceded", "dominated", "held", "survived", "rallied",
  "advanced", "eliminated", "qualified", "slumped", "struggled", "recovered", "resumed", "chased", "bowled", "batted", "fielded",
]);
/** Verbs a side is the object of ("beat Somerset", "against Hamburg"), lower-cased. */
const OBJECT_WORDS = new Set([
  "beat", "beats", "beating", "defeated", "defeating", "defeats", "against", "v", "v.", "vs", "vs.", "versus", "edged", "thrashed", "thrashing",
  "hammered", "crushed", "routed", "downed", "overcame", "outplayed", "stunned", "hosts", "host", "hosted", "hosting", "face", "faces",
  "faced", "facing", "meet", "meets", "play", "plays", "played", "playing", "entertain", "entertained", "eliminated",
  "joined", "joining",
]);
/** Words before a name that only a side follows ("champions Auxerre", "title rivals Essex"), lower-cased. */
const SIDE_TITLES = new Set(["champions", "holders", "newcomers", "visitors", "hosts", "rivals", "leaders", "runners-up", "neighbours", "neighbors", "opponents", "strugglers", "promoted"]);
/** Words of a result before "at" that make the name after it the side played away ("a 2-1 win at Cagliari"), lower-cased. */
const AWAY_HEADS = new Set(["win", "draw", "defeat", "victory", "loss", "point", "draws", "wins", "defeats", "lost", "won", "drew"]);
/** A word before the object that needs a word of the match further back: "win over Parma", "lost to Leeds", "drew with Newcastle", "beaten by Leeds", "played for Ajax". */
const PARTICLE_HEADS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["over", new Set(["win", "victory", "triumph", "lead", "success", "won"])],
  ["to", new Set(["lost", "lose", "loses", "losing", "defeat", "defeats", "beaten", "fell", "crashed", "slumped", "succumbed", "went"])],
  ["with", new Set(["drew", "draw", "drawn", "tied", "tie", "level", "draws", "drawing"])],
  ["by", new Set(["beaten", "defeated", "held", "thrashed", "hammered", "crushed", "routed", "edged", "eliminated"])],
  ["for", new Set(["played", "plays", "playing", "scored", "signed", "scoring", "appeared", "debut"])],
]);
/** Words between a particle and its head that do not break it ("lost 2-0 at home to Leeds"). */
const PARTICLE_GAP = 4;
/** Roles a player or official holds in a side ("Essex captain", "Hamburg 's coach"), lower-cased. */
const SIDE_ROLES = new Set([
  "captain", "coach", "manager", "striker", "midfielder", "goalkeeper", "keeper", "defender", "winger", "forward", "skipper", "player",
  "players", "chairman", "president", "squad", "batsman", "bowler", "opener", "all-rounder", "pitcher", "quarterback",
  "guard", "boss", "debutant", "substitute", "defence", "defense", "midfield", "goalscorer", "scorer", "trainer", "spinner", "seamer",
  "wicketkeeper", "wicket-keeper", "centre-back", "full-back", "sweeper", "playmaker", "teammate", "team-mate",
]);
/** Words between a side and its match verb ("Barcelona have won", "Leeds will face"). */
const AUXILIARIES = new Set(["have", "has", "had", "will", "would", "could", "can", "must", "also", "then", "now", "still", "should", "may", "might", "were", "are", "never", "again", "finally"]);
/** Most auxiliaries between a side and its verb ("Barcelona have also won"). */
const MAX_AUXILIARIES = 2;
/** Plural verbs after a one-word place: a British side ("Uzbekistan are", "Leeds have"). */
const PLURAL_VERBS = new Set(["are", "were", "have"]);
/** Words of an institution's name: such a name after "at" is the body, not a ground. */
const INSTITUTION_WORDS = new Set([
  "university", "college", "school", "institute", "academy", "council", "congress", "fed", "party", "bank", "ministry", "department", "agency",
  "company", "corp", "inc", "group", "association", "federation", "union", "committee", "commission", "foundation", "church", "court", "senate",
  "house", "office", "board", "bureau", "service", "authority", "police", "army", "navy", "hospital", "center", "centre", "museum", "library",
]);
/** Joiners of a list of sides ("Essex , Derbyshire and Surrey"). */
const LIST_JOINERS = new Set([",", "and", "or", "&"]);
/** A dateline's date after a place ("MADRID 1996-10-20"). */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A name written in capitals ("SAMPRAS"): a headline's, where the tagger's type is a guess. */
const isCapitals = (name: string): boolean => !/\p{Ll}/u.test(name);

/** Sides that play as nations though the place lists hold them as regions ("England", "West Indies"), lower-cased: LOC as countries are. */
const NATIONS = new Set(["england", "scotland", "wales", "northern ireland", "great britain", "britain", "west indies", "ireland", "hong kong", "taiwan", "puerto rico", "faroe islands", "gibraltar", "catalonia", "basque country"]);

/** The tokens [start, end) of a wire headline's sport label ("RUGBY UNION" of "RUGBY UNION - ENGLAND ..."), if any. */
function sportLabel(lower: readonly string[], sentences: readonly SentenceBounds[]): [number, number] | undefined {
  for (const s of sentences.slice(0, 2)) {
    const w = lower.slice(s.tokenStart, s.tokenEnd);
    const l = SPORT_LABELS.find((l) => l.every((x, k) => w[k] === x) && (w[l.length] === "-" || w[l.length] === ":" || w[l.length] === "--"));
    if (l) return [s.tokenStart, s.tokenStart + l.length];
  }
  return undefined;
}

/**
 * Which sentences are sports copy (see the module comment): all of a document under a sport's headline; else those
 * with sports words or a score within {@link SPORTS_WINDOW} sentences, in a stretch of {@link STORY_WINDOW} sentences
 * either way that holds at least {@link MIN_STRONG_TERMS} distinct words only sport uses (or one and a score).
 */
export function sportsSentences(words: readonly string[], sentences: readonly SentenceBounds[]): boolean[] {
  const lower = words.map((w) => w.toLowerCase());
  return sportsCopy(lower, sentences, sportLabel(lower, sentences));
}

/** {@link sportsSentences} over lower-cased words, the headline's sport label found already. */
function sportsCopy(lower: readonly string[], sentences: readonly SentenceBounds[], label: [number, number] | undefined): boolean[] {
  if (label) return sentences.map(() => true);
  // Per sentence: its distinct strong words, its scores, and whether it speaks of sport at all.
  const strong: Set<string>[] = [];
  const scores: number[] = [];
  const signal = sentences.map((s, k) => {
    const st = new Set<string>();
    const common = new Set<string>();
    let sc = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const w = lower[i];
      const two = i + 1 < s.tokenEnd ? `${w} ${lower[i + 1]}` : "";
      if (STRONG_TERMS.has(w)) st.add(w);
      else if (STRONG_TERMS.has(two)) st.add(two);
      else if (COMMON_TERMS.has(w)) common.add(w);
      else if (SCORE.test(w)) sc++;
    }
    strong[k] = st;
    scores[k] = sc;
    return st.size > 0 || sc > 0 || common.size >= MIN_COMMON_IN_SENTENCE;
  });
  return sentences.map((_, k) => {
    if (!signal.slice(Math.max(0, k - SPORTS_WINDOW), k + SPORTS_WINDOW + 1).some(Boolean)) return false;
    const near = new Set<string>();
    let sc = 0;
    for (let j = Math.max(0, k - STORY_WINDOW); j <= Math.min(sentences.length - 1, k + STORY_WINDOW); j++) {
      for (const w of strong[j]) near.add(w);
      sc += scores[j];
    }
    return near.size >= MIN_STRONG_TERMS || (near.size >= 1 && sc >= 1);
  });
}

/** Where a name stands: in a slot only a side fills ("Auxerre coach", "Leeds have", "champions Auxerre"), in one a side or a player fills ("beat Somerset"), or neither. */
export type Slot = "side" | "match" | undefined;

/**
 * Where the span [a, b) stands (see the module comment, step 2), by its neighbours within the sentence [lo, hi).
 */
export function teamSlot(lower: readonly string[], a: number, b: number, lo: number, hi: number): Slot {
  // After: the possessive and a role, a role in the side, a British plural verb, or a match verb (past auxiliaries).
  if (b < hi && /^['’]s$/.test(lower[b])) return b + 1 < hi && SIDE_ROLES.has(lower[b + 1]) ? "side" : undefined;
  if (b < hi && SIDE_ROLES.has(lower[b])) return "side";
  // (Not the last of a list: "Hastings , Obama and Wright have".)
  if (b < hi && PLURAL_VERBS.has(lower[b]) && b - a === 1 && !lower[a].endsWith("s") && !(a - 1 >= lo && LIST_JOINERS.has(lower[a - 1]))) return "side";
  const prev = a - 1 >= lo ? lower[a - 1] : undefined;
  if (prev !== undefined && SIDE_TITLES.has(prev)) return "side";
  if (prev === "at" && awayGround(lower, a, b, lo)) return "side";
  let k = b;
  while (k < hi && k - b < MAX_AUXILIARIES && AUXILIARIES.has(lower[k])) k++;
  if (k < hi && SUBJECT_VERBS.has(lower[k])) return "match";
  // Before: a word whose object is a side, or a particle with its head a few words back.
  if (prev === undefined) return undefined;
  if (OBJECT_WORDS.has(prev)) return "match";
  const heads = PARTICLE_HEADS.get(prev);
  if (!heads) return undefined;
  for (let j = a - 2; j >= lo && j >= a - 2 - PARTICLE_GAP; j--) if (heads.has(lower[j])) return "match";
  return undefined;
}

/**
 * "a 2-1 win at Cagliari", "lost 1-0 at Udinese": after a result, "at" and one word name the side played away (not "by
 * 30 runs at Taunton", nor "beat Benfica 2-1 at the Stadium of Light", "101-88 at Madison Square Garden").
 */
function awayGround(lower: readonly string[], a: number, b: number, lo: number): boolean {
  if (b - a !== 1) return false;
  const before = a - 2 >= lo ? lower[a - 2] : "";
  return AWAY_HEADS.has(before) || SCORE.test(before);
}

/** Whether the span [a, b) reads as the place where it stands: after "at"/"in" (not an away side), or a dateline's place. */
function inVenue(lower: readonly string[], a: number, b: number, lo: number, hi: number): boolean {
  const prev = a - 1 >= lo ? lower[a - 1] : "";
  if (LOCATIVES.has(prev)) return !(b < hi && /^['’]s$/.test(lower[b])) && !(prev === "at" && awayGround(lower, a, b, lo));
  return b < hi && (DATE.test(lower[b]) || (lower[b] === "," && b + 2 < hi && DATE.test(lower[b + 2])));
}

/**
 * "at the Nou Camp", "at Camden Yards": a name the tagger typed ORG where a match is played, after "at the", or after
 * "at" when of two words or more; not an institution ("at the University of Wisconsin", "at NASA").
 */
function atGround(words: readonly string[], lower: readonly string[], a: number, b: number, lo: number): boolean {
  if (isCapitals(words.slice(a, b).join(" ")) || lower.slice(a, b).some((w) => INSTITUTION_WORDS.has(w))) return false;
  const prev = a - 1 >= lo ? lower[a - 1] : "";
  if (prev === "the") return a - 2 >= lo && lower[a - 2] === "at";
  // (One word after a bare "at" is as often the side played away, "Minnesota 's game at Northwestern": left alone.)
  return prev === "at" && b - a > 1 && !awayGround(lower, a, b, lo);
}

/**
 * Retypes the teams of sports copy (see the module comment). `spans` are the document's spans, sorted by start; the
 * result holds them changed in place, plus any team added where the tagger found none, sorted by start.
 */
export function sportsTeams<T extends TeamSpan>(words: readonly string[], sentences: readonly SentenceBounds[], spans: T[], known: TeamWords, make: (start: number, end: number) => T): T[] {
  const lex: TeamWords = { isCountry: (n) => known.isCountry(n) || NATIONS.has(n.toLowerCase()), isTown: known.isTown };
  const lower = words.map((w) => w.toLowerCase());
  const label = sportLabel(lower, sentences);
  const inSports = sportsCopy(lower, sentences, label);
  if (!inSports.some(Boolean)) return spans;
  // The headline's sport ("RUGBY UNION - ...") names nothing.
  if (label) spans = spans.filter((s) => s.start >= label[1] || s.end <= label[0]);
  const sentenceOf = new Int32Array(words.length).fill(-1);
  sentences.forEach((s, k) => sentenceOf.fill(k, s.tokenStart, s.tokenEnd));
  const bounds = (i: number): [number, number] => {
    const s = sentences[sentenceOf[i]];
    return [s.tokenStart, s.tokenEnd];
  };
  const text = (s: { start: number; end: number }): string => words.slice(s.start, s.end).join(" ");
  // "Holders Japan", "Champions Auxerre": a side's title opening its sentence is no part of its name.
  for (const s of spans) {
    if (s.end - s.start > 1 && !s.settled && SIDE_TITLES.has(lower[s.start]) && sentenceOf[s.start] >= 0 && inSports[sentenceOf[s.start]]) {
      s.start++;
      if (lex.isCountry(text(s))) s.type = "LOC";
    }
  }
  const key = (s: { start: number; end: number }): string => lower.slice(s.start, s.end).join(" ");
  // Multi-word people of the document: their parts stay people ("Kent" of "Paul Kent").
  const personParts = new Set<string>();
  for (const s of spans) if (s.type === "PERSON" && s.end - s.start > 1) personParts.add(lower[s.start]).add(lower[s.end - 1]);
  const sporty = (s: { start: number }): boolean => sentenceOf[s.start] >= 0 && inSports[sentenceOf[s.start]];
  const slots = new Map<T, Slot>();
  for (const s of spans) {
    if (!sporty(s) || s.settled || (s.type !== "LOC" && s.type !== "PERSON" && s.type !== "ORG")) continue;
    const [lo, hi] = bounds(s.start);
    const slot = teamSlot(lower, s.start, s.end, lo, hi);
    if (slot && !inVenue(lower, s.start, s.end, lo, hi)) slots.set(s, slot);
  }
  /**
   * A span that may be a team named after a town in this slot: a LOC that is a listed town or not written in capitals,
   * or a one-word PERSON that is a listed town or, where only a side stands, no part of a person's full name.
   */
  const teamLike = (s: T, slot: Slot): boolean => {
    if (s.settled || lex.isCountry(text(s))) return false;
    if (s.type === "LOC") return lex.isTown(text(s)) || !isCapitals(text(s));
    return s.type === "PERSON" && s.end - s.start === 1 && !personParts.has(lower[s.start]) && (lex.isTown(text(s)) || slot === "side");
  };
  // Lists: a side's neighbours joined by commas and "and" are sides too.
  const ordered = spans.filter(sporty);
  for (let n = 0; n < ordered.length; n++) {
    let m = n;
    while (m + 1 < ordered.length && ordered[m + 1].start > ordered[m].end && ordered[m + 1].start - ordered[m].end <= 2 &&
      lower.slice(ordered[m].end, ordered[m + 1].start).every((w) => LIST_JOINERS.has(w)) && sentenceOf[ordered[m + 1].start] === sentenceOf[ordered[n].start]) m++;
    const group = ordered.slice(n, m + 1);
    const side = group.find((s) => slots.has(s) && (teamLike(s, slots.get(s)) || s.type === "ORG"));
    if (group.length > 1 && side) for (const s of group) if (s.type !== "MISC" && !s.settled && !slots.has(s)) slots.set(s, "match");
    n = m;
  }
  // Names of the document's sides: towns in a side's slot, clubs a rule or the tagger typed ORG there, table teams.
  const teams = new Set<string>();
  for (const s of spans) {
    if (!sporty(s) || lex.isCountry(text(s))) continue;
    const slot = slots.get(s);
    if ((slot && (teamLike(s, slot) || s.type === "ORG")) || (s.settled === "team" && s.type === "ORG")) teams.add(key(s));
  }
  for (const s of spans) {
    if (!sporty(s)) continue;
    const [lo, hi] = bounds(s.start);
    const slot = slots.get(s);
    if (slot ? teamLike(s, slot) : teams.has(key(s)) && teamLike(s, "side") && !inVenue(lower, s.start, s.end, lo, hi)) s.type = "ORG";
    // A country or a nation that plays as one is LOC, its national team, as CoNLL-2003 has it ("West Indies reached 384").
    else if (s.type === "ORG" && !s.settled && lex.isCountry(text(s))) s.type = "LOC";
    else if (s.type === "ORG" && !s.settled && !teams.has(key(s)) && (atGround(words, lower, s.start, s.end, lo) || (s.end - s.start === 1 && lex.isTown(text(s)) && inVenue(lower, s.start, s.end, lo, hi)))) s.type = "LOC";
  }
  // An untagged listed town in a side's slot, or a repeat of a side's name.
  const covered = new Uint8Array(words.length);
  for (const s of spans) covered.fill(1, s.start, s.end);
  const added: T[] = [];
  for (let i = 0; i < words.length; i++) {
    if (covered[i] || sentenceOf[i] < 0 || !inSports[sentenceOf[i]] || !/^\p{Lu}\p{Ll}/u.test(words[i]) || !lex.isTown(words[i]) || lex.isCountry(words[i])) continue;
    const [lo, hi] = bounds(i);
    if (i === lo && !teams.has(lower[i])) continue;
    if ((teams.has(lower[i]) && !inVenue(lower, i, i + 1, lo, hi)) || teamSlot(lower, i, i + 1, lo, hi)) {
      const s = make(i, i + 1);
      s.type = "ORG";
      added.push(s);
    }
  }
  return added.length ? [...spans, ...added].sort((x, y) => x.start - y.start) : spans;
}
