/**
 * Quotes and attributions: who (source) said (cue) what (content), as exact spans of the article text.
 *
 * Rule-based over tokens, following PolNeAR's span conventions (learned from its dev annotations):
 * - the cue is the speech verb with its auxiliaries and adverbs ("has said", "also said", "called on"), plus a colon
 *   right after it ("said:"); "according to" is a cue;
 * - the source is the speaker's noun phrase as written, determiners and titles included ("a spokesperson at the
 *   Chinese foreign ministry", "longtime Democratic pollster Pat Caddell", "he", "who"); an appositive closed by a
 *   comma before the cue is part of it, with that comma ("Douglas Holtz-Eakin, an economist and tax expert,");
 * - the content is the reported clause with its "that" and without the sentence's final full stop, or the quotation
 *   with its marks and the punctuation inside them; a quote interrupted by its cue ("“A,” he said. “B.”", "A, he said,
 *   is B") is one content from its first to its last character.
 * - a source that ends a longer noun phrase opening the sentence is that whole phrase ("A 2014 study by X found");
 *   a relative clause in an appositive source stays in it unless it holds a cue of its own ("X, who argued ..., said");
 * - a reported clause keeps its subordinate clauses (", because ...", ", if ...") and ends before ", though/but ...";
 *   a stance verb's object ends before a time or occasion adjunct ("endorsed X in a statement on Friday").
 * - attributions do not nest (PolNeAR marks almost none inside another's content): a cue inside the content of another
 *   attribution is part of what that source said ("Trump said he opposes the deal": "opposes" is no attribution of its own);
 * - a reported clause ends before a second predicate of the writer's subject ("X said A but noted B", "urged X to Y and
 *   repeatedly says Z") and before a coordinated clause whose own source and speech verb follow ("A, while 73 percent said B").
 * Frames: "SRC CUE CONTENT", "CONTENT, SRC CUE", "CONTENT, CUE SRC", "A, SRC CUE, B" (also with an adjunct after the
 * cue: "A, SRC CUE then, B"), "according to SRC, CONTENT", "CONTENT was CUE by SRC" (passive with agent),
 * "..., saying CONTENT" and "... by saying CONTENT" (the source is the clause's subject), "CONTENT, as SRC CUE.",
 * "what/which SRC CUE ..." (the whole relative clause is the content), "SRC CUE:" closing a paragraph (the next
 * paragraph is the content). Verbs of the learned cue lexicon
 * (learned-cues.ts, models/quotes/cue-lexicon.json) read as stance verbs. Speakers are resolved through coreference
 * mentions. Errors against PolNeAR, bucketed by boundary and by missed cue: src/nlp/quotes/error-analysis.ts.
 */
import type { Attribution, AttributionKind, Doc, Entity, Speaker, Token } from "../../model.js";
import { resolveCoreference } from "../coref/index.js";
import { ensureTokens, isCapitalized, isPossessiveMarker, spanOf } from "../roles/doc-utils.js";
import { HONORIFICS, ROLE_NOUNS } from "../roles/lexicon.js";
import { ADDRESSEE_VERBS, CUE_PREFIX_WORDS, OBJECT_CUES, PHRASAL_CUES, PHRASAL_FORMS, STRONG_CUES, WEAK_CUES } from "./cues.js";
import { findLineFrames } from "./line-frames.js";
import { CUE_MARGIN, CUE_MODEL_FILE, cueFeatures, cueMargin, isCueCandidate, shippedQuotesModel } from "./cue-model.js";
import { CONTENT_MODEL_FILE, contentCandidates, pickContent, type ContentCandidates } from "./content-model.js";
import type { PerceptronModel } from "../ner/perceptron.js";
import { sourceType } from "./speaker-type.js";
import { cueStem, indexLexicon, isLexiconCandidate, shippedCueLexicon, type CueLexicon, type CueLexiconIndex, type LearnedCue } from "./learned-cues.js";
import { findQuotes, type QuoteSpan } from "./quote-marks.js";

/** Longest source noun phrase to the left of a cue, in tokens. */
const MAX_SOURCE_TOKENS = 16;
/** Longest speaker phrase of a cue sentence that follows a quoted question ("“...?” Rep. Jim Jordan said."), in tokens. */
const MAX_SHORT_SOURCE_TOKENS = 8;
/** Longest comma-closed appositive between a name and its cue ("X, an economist and tax expert, said"), in tokens. */
const MAX_APPOSITIVE_TOKENS = 30;
/** Longest addressee skipped after "told" ("told Breitbart News Daily host Alex Marlow on Thursday"), in tokens. */
const MAX_ADDRESSEE_TOKENS = 10;
/** Longest quoted title skipped inside an addressee ("MSNBC’s “Morning Joe”"), in characters. */
const MAX_TITLE_CHARS = 40;
/** Fewest tokens a reported (unquoted) content may have. */
const MIN_REPORTED_CONTENT_TOKENS = 2;
/** Longest adjunct skipped between a cue and its that-clause ("said in the meeting that ..."), in tokens. */
const MAX_ADJUNCT_TOKENS = 10;

/**
 * A verb that states a position, with the position noun as its object, reports speech like "said":
 * "..., Zhai expressed China's position to the Russian and Qatari sides.", "she reiterated her view that ...".
 */
const POSITION_VERBS = new Set(["express", "expressed", "expresses", "expressing", "state", "stated", "states", "reiterate", "reiterated", "reiterates", "restate", "restated", "outline", "outlined", "outlines", "convey", "conveyed", "conveys", "explain", "explained", "explains", "set", "sets"]);
const POSITION_NOUNS = new Set(["position", "positions", "stance", "view", "views", "viewpoint", "viewpoints"]);
/** Longest owner between a position verb and its noun ("China's principled", "the Chinese government's"), in tokens. */
const MAX_POSITION_OWNER_TOKENS = 5;

/** Nouns of statement that are cues with a speaker and a that-clause ("Trump’s claim that ..."). */
const SPEECH_NOUNS = new Set([
  "claim", "claims", "report", "reports", "statement", "assertion", "suggestion", "argument", "warning", "promise",
  "pledge", "insistence", "allegation", "allegations", "accusation", "belief", "view", "contention", "announcement",
  "admission", "prediction", "comment", "comments", "remarks", "charge", "declaration", "vow", "hope", "fear",
]);
/** Dashes that open an aside or afterthought, which PolNeAR leaves out of a reported clause. */
const DASH_TOKENS = new Set(["—", "―", "–", "--"]);
const SENTENCE_FINAL = new Set([".", "!", "?", ";"]);
/** A manner adverb right before the cue belongs to it ("generally supported", "angrily denied"). */
const MANNER_ADVERB = /^[a-z]{3,}ly$/;
/** Forms of "be" that make a progressive cue ("is calling for") or a passive ("is expected", never a cue). */
const BE_FORMS = new Set(["is", "are", "was", "were", "am"]);
const OPEN_MARKS = new Set(["“", "\"", "'", "«", "‘"]);
const CLOSE_MARKS = new Set(["”", "\"", "'", "»", "’"]);
/** Negations that stand between an auxiliary and its cue verb ("isn’t saying", "did not say"). */
const NEGATIONS = new Set(["not", "n't", "n’t", "never"]);
/** Possessive determiners, inside a noun phrase ("on its website", "his aides"). */
const POSSESSIVES = new Set(["his", "her", "their", "its", "our", "my", "your"]);
/** Words before a time head inside a time phrase ("just this month", "on Monday", "late last week"). */
const TIME_MODIFIERS = new Set(["this", "last", "next", "that", "on", "in", "earlier", "late", "early", "just", "also", "the", "same", "previous", "following"]);
/** Prepositions and conjunctions that open a time adjunct after a stance verb's object ("during", "since"). */
const ADJUNCT_PREPOSITIONS = new Set(["during", "since", "amid", "when", "while"]);
/** Occasions of a statement, heads of an adjunct after its object ("in a statement", "at a rally", "on its website"). */
const OCCASION_NOUNS = new Set([
  "statement", "interview", "speech", "rally", "tweet", "tweets", "letter", "email", "post", "video", "ad", "event",
  "debate", "meeting", "conference", "hearing", "website", "ruling", "report", "op-ed", "editorial", "address", "forum",
  "briefing", "appearance", "stop", "session", "visit", "message", "column", "article", "town",
]);
/** Prepositions before a gerund cue whose speaker is the clause's subject ("responded by saying", "before asking"). */
const GERUND_PREPOSITIONS = new Set(["by", "before", "after", "for", "from", "despite", "without", "while"]);
/** Raising and aspect verbs whose "to" and cue verb make one cue ("seemed to think", "continues to insist"). */
const RAISING_VERBS = new Set(["appear", "seem", "continue", "continu", "begin", "began", "start", "need", "try", "tri"]);
/** Conjunctions that open a subordinate clause after a cue, which is never its content ("said as ...", "said after ..."). */
const ADJUNCT_CLAUSE_OPENERS = new Set(["as", "while", "after", "before", "because", "since", "during", "following", "although", "though"]);
/** Days of the week, which PolNeAR keeps in a cue that they end ("said Monday."). */
const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
/** A place or state abbreviation after a comma, which continues a source ("of Ashton, Md.,", "Springfield, Va.,"). */
const PLACE_LIKE = /^[A-Z][a-z]{0,4}\.$|^[A-Z]{2}$/;
/** Prepositions that join the cue verb they follow ("complained about", "warned against", "spoke of"). */
const CUE_PARTICLES = new Set(["about", "against"]);
/** Can token t open the object of a prepositional cue (a noun phrase, a pronoun, a gerund, a "wh" clause)? */
function objectStart(t: Token): boolean {
  // "has said about 20 people ...": "about" before a number is "nearly", not a preposition.
  if (TEMPORAL_HEADS.has(t.norm)) return false;
  return ["DET", "NOUN", "PROPN", "PRON", "ADJ"].includes(t.pos) || (t.pos === "VERB" && /ing$/.test(t.norm)) || OPEN_MARKS.has(t.text);
}
/** Lower-case particles inside personal names ("Bill de Blasio", "Ludwig van Beethoven"). */
const NAME_PARTICLES = new Set(["de", "van", "von", "der", "del", "da", "di", "du", "la", "le", "bin", "al", "ibn"]);
/** Adverbs of degree that open a quantified source ("nearly eight of 10 voters", "only 52 percent of them"). */
const DEGREE_ADVERBS = new Set(["nearly", "only", "about", "almost", "roughly", "just", "some", "over", "fewer", "more", "approximately"]);
/** Words that begin a content clause right after a cue. */
const CONTENT_OPENERS = new Set(["that", "how", "what", "why", "whether", "if", "when", "where", "who"]);
/** Pronouns that make a whole source on their own. */
const PRONOUN_SOURCES = new Set(["he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "those", "these", "one", "someone", "others", "many", "some"]);
/** Words that end a source phrase to the right of an inverted cue ("said Zhai on Thursday"). */
const RIGHT_SOURCE_STOPS = new Set([
  "during", "after", "before", "when", "while", "last", "yesterday", "today", "tonight", "this", "earlier",
  "later", "as", "because", "and", "but", "to", "with", "by", "monday", "tuesday", "wednesday", "thursday", "friday",
  "saturday", "sunday", "adding", "saying", "noting", "according",
]);
/** Connectors allowed inside a source phrase ("spokesperson AT the ministry", "Secretary OF State"). */
const SOURCE_CONNECTORS = new Set(["of", "at", "for", "from", "'s", "’s", "-", "&", "(", ")"]);
/** Heads that make a time phrase, never a speaker ("last year found", "this month announced"). */
const TEMPORAL_HEADS = new Set([
  "year", "years", "month", "months", "week", "weeks", "day", "days", "time", "times", "night", "morning", "afternoon",
  "evening", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
  "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "today",
  "yesterday", "tonight", "weekend", "hour", "hours", "minute", "minutes",
]);
/** Verbs of thinking and wanting, which PolNeAR leaves inside the content of a statement that reports them. */
const COGNITION_CUES = new Set(["think", "believe", "hope", "want", "feel", "expect", "plan", "consider", "seek", "fear", "worry", "wonder", "know", "intend", "prefer"]);
/** Words after a comma that end a reported clause: a concession or contrast, or a relative "who" about the last noun. */
const CLAUSE_CUTS = new Set(["though", "although", "but", "who", "whereas", "when", "since", "after", "before"]);
/** Words that open a relative clause about the noun before them. */
const RELATIVE_OPENERS = new Set(["who", "whose", "which", "whom"]);
/** Is this word form a cue verb of any list (speech, cognition, stance)? */
function isCueWord(norm: string): boolean {
  return STRONG_CUES.has(norm) || WEAK_CUES.has(norm) || OBJECT_CUES.has(norm);
}
/** Tokens that cut a content clause short (", according to ...", ", adding ..."). */
const CONTENT_CUTS = new Set(["according", "adding", "saying", "noting"]);

interface Unit {
  start: number;
  end: number;
  /** First token and one past the last. */
  a: number;
  b: number;
}

interface Found {
  kind: AttributionKind;
  source?: [number, number];
  cue: [number, number];
  content: [number, number];
}

/**
 * Finds the attributions of one article. Needs `doc.text`; uses `doc.tokens` (tokenizes if missing) and
 * `doc.entities` (optional) to name speakers: when the entities hold no coreference mentions yet, they are resolved
 * here on a copy (doc.entities is never changed).
 */
export function findAttributions(doc: Doc, options: AttributionOptions = {}): Attribution[] {
  const { tokens, sentences } = ensureTokens(doc);
  learned = options.cueLexicon === undefined ? shippedCueLexicon() : indexLexicon(options.cueLexicon);
  const model = options.cueModel === undefined ? shippedQuotesModel(CUE_MODEL_FILE) : options.cueModel;
  const boundaries = options.contentModel === undefined ? shippedQuotesModel(CONTENT_MODEL_FILE) : options.contentModel;
  const judge = options.onCandidate ?? (model ? modelJudge(model) : undefined);
  const text = doc.text;
  const quotes = findQuotes(text);
  const units = buildUnits(text, tokens, sentences.map((s) => s.start), quotes);
  // Tokens that start inside a quotation (q.start <= token start < q.end), marked once.
  const quotedStart = new Uint8Array(tokens.length);
  for (const q of quotes) {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < q.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < tokens.length && tokens[k].start < q.end; k++) quotedStart[k] = 1;
  }
  const isOpen = (t: Token) => quotes.some((q) => q.start === t.start);
  const isClose = (t: Token) => quotes.some((q) => q.end === t.end && q.start !== t.start);

  const found: Found[] = [];
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    const taken = new Set<number>();
    for (let i = unit.a; i < unit.b; i++) {
      if (taken.has(i) || quotedStart[i]) continue;
      let f = attributionAt(text, tokens, unit, i, quotes);
      // A word the rules do not read as a cue: the learned model may propose it, and the rules' frames then read
      // its source and content as for any strong cue.
      if (!f && judge && isCueCandidate(tokens[i]) && judge(i, cueFeatures(tokens, i, unit.a, unit.b, isOpen, isClose))) {
        f = attributionAt(text, tokens, unit, i, quotes, true) ?? proposedFrame(text, tokens, unit, i, quotes);
      }
      if (!f) continue;
      for (let k = f.cue[0]; k < f.cue[1]; k++) taken.add(k);
      widenOverFollowingQuotes(text, tokens, units, u, f, quotes);
      found.push(f);
    }
  }
  // Transcript/headline labels and dash signatures, where no verb cue already covers the line.
  for (const lf of findLineFrames(text, tokens)) {
    const clash = found.some((f) => f.cue[0] < lf.content[1] && lf.content[0] < f.cue[1] && f.content[0] <= lf.content[0] && lf.content[1] <= f.content[1]);
    if (clash) continue;
    found.push({ kind: kindOf(text, lf.content, tokens, quotes), source: lf.source, cue: lf.cue, content: lf.content });
  }
  found.sort((x, y) => x.cue[0] - y.cue[0]);
  const decide = options.onContent ?? (boundaries ? (c: ContentCandidates) => pickContent(boundaries, c) : undefined);
  if (decide) for (const f of found) refineContent(text, tokens, units, f, quotes, decide);
  return toAttributions(doc, tokens, withoutNested(text, tokens, quotes, dedupe(found)));
}

/**
 * PolNeAR marks almost no attribution inside the content of another (6 of 2,192 in its dev split): "Trump said she
 * opposes the deal" is one attribution, whose content holds "opposes". Drops each attribution whose cue lies inside
 * another's content (a pair that holds each other's cues, as an interrupted quote and its cue, is no nesting), except
 * (1) a cue in the writer's words between the quoted parts of a direct quotation ("“A,” said X, speaking of Y. “B.”"),
 * (2) a speech verb with its own source after "and", "but" or "while" that the other content ran over ("A, while 73
 * percent said B"): that content is cut before the conjunction instead,
 * (3) a stance whose object ran over the comma into the source of a trailing speech cue ("China opposes the siege,
 * the envoy said."): it is cut at the comma, and then nests in what the envoy said.
 */
function withoutNested(text: string, tokens: readonly Token[], quotes: readonly QuoteSpan[], found: Found[]): Found[] {
  // a content cut to end before token `at` (trailing punctuation trimmed), unless nothing would be left
  const cutBefore = (g: Found, at: number) => {
    const end = trimEnd(text, tokens, g.content[0], at, quotes);
    if (end > g.content[0]) g.content = [g.content[0], end];
  };
  const holds = (g: Found, f: Found) => g !== f && g.content[0] <= f.cue[0] && f.cue[1] <= g.content[1] && !(f.content[0] <= g.cue[0] && g.cue[1] <= f.content[1]);
  for (const f of found) {
    const j = f.source ? f.source[0] - 1 : -1;
    const speech = STRONG_CUES.has(tokens[f.cue[1] - 1].norm) || (tokens[f.cue[1] - 1].text === ":" && STRONG_CUES.has(tokens[f.cue[1] - 2]?.norm ?? ""));
    if (!f.source || f.source[0] >= f.cue[0] || !speech || j < 0 || !CLAUSE_JOINERS.has(tokens[j].norm) || tokens[f.source[0]].norm === "that") continue;
    for (const g of found) {
      if (g === f || !holds(g, f) || g.content[0] >= j || g.cue[1] > j) continue;
      cutBefore(g, j);
    }
  }
  // (3) "China opposes the siege, the envoy said.": a stance inside the content of a trailing speech cue whose object ran
  // over the comma into that cue's source is cut at the comma (and then nests in it).
  for (const f of found) {
    const comma = f.source ? f.source[0] - 1 : -1;
    if (!f.source || comma < 0 || f.source[0] >= f.cue[0] || tokens[comma].text !== "," || f.content[1] > comma + 1) continue;
    if (!tokens.slice(f.cue[0], f.cue[1]).some((t) => STRONG_CUES.has(t.norm) || POSITION_VERBS.has(t.norm))) continue;
    for (const g of found) {
      if (g === f || g.cue[1] > comma || g.content[0] >= comma || g.content[1] <= comma || g.content[0] < f.content[0]) continue;
      cutBefore(g, comma);
    }
  }
  const narration = (f: Found) => !inQuotes(tokens[f.cue[0]], quotes) && found.some((g) => g.kind === "direct" && holds(g, f));
  return found.filter((f) => !found.some((g) => holds(g, f)) || narration(f));
}

/** Conjunctions before a second clause with a source of its own ("..., while 73 percent said ..."). */
const CLAUSE_JOINERS = new Set(["and", "but", "while", "whereas"]);

// ---------------------------------------------------------------------------------------------------------------
// Units: sentences, re-joined where a quotation crosses a sentence boundary.
// ---------------------------------------------------------------------------------------------------------------

function buildUnits(text: string, tokens: readonly Token[], starts: number[], quotes: readonly QuoteSpan[]): Unit[] {
  let bounds = starts.slice(1);
  bounds = bounds
    .map((b) => {
      const q = quotes.find((x) => x.start < b && b < x.end);
      if (!q) return b;
      // The splitter cut a closing mark in two ("'' he said" after "judge,'") : move the boundary past the mark.
      if (/^['"”’]+$/.test(text.slice(b, q.end))) return q.end;
      return -1;
    })
    .filter((b) => b > 0)
    // "“How many times ...?” Clinton said.": a question or exclamation in quotes ends the splitter's sentence, but
    // the short cue sentence after it still frames it.
    .filter((b) => !(/[?!]\s*[”"']+\s*$/.test(text.slice(Math.max(0, b - 4), b)) && cueSentenceAt(tokens, b)))
    // The splitter cut after an abbreviation ("(R-Ga.) said ..."): a sentence never starts in lower case.
    .filter((b) => !/^[a-z)\],;]/.test(text.charAt(b)) || text.slice(Math.max(0, b - 3), b).includes("\n"))
    // "(D-N.C.)", "U.S. Rep.": the splitter cut between two initials, which never end a sentence.
    .filter((b) => !(/(^|[\s(\-.])[A-Z]\.\s*$/.test(text.slice(Math.max(0, b - 4), b)) && /^[A-Z]\.(?=[\s,;:)\-]|$)/.test(text.slice(b, b + 3))));
  const cuts = [0, ...new Set(bounds), text.length].sort((x, y) => x - y);
  const units: Unit[] = [];
  let t = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const e = cuts[k + 1];
    const a = t;
    while (t < tokens.length && tokens[t].start < e) t++;
    if (t > a) units.push({ start: tokens[a].start, end: tokens[t - 1].end, a, b: t });
  }
  return units;
}

/** Does the sentence at offset `b` open with a speech verb after at most a short noun phrase ("Clinton said", "said Graham")? */
function cueSentenceAt(tokens: readonly Token[], b: number): boolean {
  let i = tokens.findIndex((t) => t.start >= b);
  if (i < 0) return false;
  for (let n = 0; n <= MAX_SHORT_SOURCE_TOKENS && i < tokens.length; n++, i++) {
    const t = tokens[i];
    if (STRONG_CUES.has(t.norm) && (t.pos === "VERB" || t.pos === "AUX")) return true;
    if (!(npToken(t) || t.pos === "PRON" || CUE_PREFIX_WORDS.has(t.norm))) return false;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// One cue
// ---------------------------------------------------------------------------------------------------------------

/** The learned cue lexicon of the current findAttributions call (set at its start; calls never interleave). */
let learned: CueLexiconIndex = new Map();

/** The learned cue entry of token `tok`, if the lexicon holds its verb. */
function learnedCue(tok: Token): LearnedCue | undefined {
  return learned.size && isLexiconCandidate(tok) ? learned.get(cueStem(tok.norm)) : undefined;
}

/** Every word form that can start a cue by the lists alone (verbs of every list, statement nouns, "according"). */
const ANY_CUE_FORM: ReadonlySet<string> = new Set([...STRONG_CUES.keys(), ...WEAK_CUES.keys(), ...OBJECT_CUES.keys(), ...PHRASAL_FORMS.keys(), ...SPEECH_NOUNS, ...POSITION_VERBS, "according"]);

/** Options of {@link findAttributions}. */
export interface AttributionOptions {
  /** The learned cue model: undefined for the shipped one (models/quotes/, if present), null for the rules alone. */
  cueModel?: PerceptronModel | null;
  /**
   * Decides on each candidate word the rules did not read as a cue (token index, its cue-model features); true makes
   * it a cue. Replaces the model (training and cross-validation record candidates through it).
   */
  onCandidate?: (i: number, features: string[]) => boolean;
  /** The learned cue lexicon: undefined for the shipped one (models/quotes/cue-lexicon.json, if present), null for none. */
  cueLexicon?: CueLexicon | null;
  /** The learned content-boundary model: undefined for the shipped one (if present), null for the rules' boundaries. */
  contentModel?: PerceptronModel | null;
  /**
   * Chooses a content's boundaries among its candidates (token indices, [start, end)); undefined keeps the rules'.
   * Replaces the content model (training records candidates through it).
   */
  onContent?: (candidates: ContentCandidates, content: [number, number]) => [number, number] | undefined;
}

/**
 * Lets the content-boundary model move the start and end of a content that lies within its cue's sentence (a content
 * that spans sentences, as a quotation continued after its cue, keeps the rules' boundaries).
 */
function refineContent(
  text: string, tokens: readonly Token[], units: readonly Unit[], f: Found, quotes: readonly QuoteSpan[],
  decide: (c: ContentCandidates, content: [number, number]) => [number, number] | undefined,
): void {
  const unit = units.find((u) => u.a <= f.cue[0] && f.cue[0] < u.b);
  if (!unit || f.content[0] < unit.a || f.content[1] > unit.b) return;
  const within = f.content[0] >= f.cue[1] || f.content[1] <= f.cue[0];
  if (!within || (f.source && f.content[0] < f.source[1] && f.source[0] < f.content[1])) return;
  const isMark = (t: Token) => quotes.some((q) => q.start === t.start || q.end === t.end);
  const head = tokens[f.cue[1] - 1].text === ":" ? tokens[f.cue[1] - 2] : tokens[f.cue[1] - 1];
  const c0 = f.content[0] >= f.cue[1] ? f.cue[0] : Math.min(f.cue[0], f.source?.[0] ?? f.cue[0]);
  const cands = contentCandidates(tokens, unit.a, unit.b, f.content[0], f.content[1], c0, f.cue[1], head.norm, isMark);
  const pick = decide(cands, f.content);
  if (!pick || (pick[0] === f.content[0] && pick[1] === f.content[1])) return;
  f.content = pick;
  f.kind = kindOf(text, pick, tokens, quotes, [f.source, f.cue]);
}

/** The shipped decision: the model's CUE margin over the threshold. */
function modelJudge(model: PerceptronModel): (i: number, features: string[]) => boolean {
  const scratch = new Float64Array(model.classes.length);
  return (_i, features) => cueMargin(model, features, scratch) > CUE_MARGIN;
}

/**
 * Tries to read an attribution whose cue verb is token i. `forced`: the learned model proposed the word, which is then
 * read as a strong cue whatever its tag.
 */
function attributionAt(text: string, tokens: readonly Token[], unit: Unit, i: number, quotes: readonly QuoteSpan[], forced = false): Found | undefined {
  const tok = tokens[i];
  // Most words are in no cue list (and are no verb the learned lexicon could hold): done at once.
  if (!forced && !ANY_CUE_FORM.has(tok.norm) && !(learned.size && tok.pos === "VERB")) return undefined;
  if (tok.norm === "according" && tokens[i + 1]?.norm === "to") return accordingTo(text, tokens, unit, i, quotes);
  // "Trump’s claim that ...": a statement noun; "But Trump claims that ...": the same word read as a noun by the
  // tagger between a subject and its object is the verb.
  if (SPEECH_NOUNS.has(tok.norm) && tok.pos === "NOUN" && !nounTaggedVerb(tokens, unit, i)) return nounCue(text, tokens, unit, i, quotes);
  // A phrasal verb with its particle ("called for", "pointed out") is a cue in any frame.
  const phrasal = PHRASAL_FORMS.get(tok.norm);
  const withParticle = !!phrasal && i + 1 < unit.b && PHRASAL_CUES[phrasal].includes(tokens[i + 1].norm);
  let strong = STRONG_CUES.get(tok.norm) ?? (withParticle ? phrasal : undefined) ?? (forced ? tok.norm : undefined);
  let weak = strong ? undefined : WEAK_CUES.get(tok.norm);
  // A verb of the learned lexicon reads as a stance verb: its object or clause is the content.
  const lex = strong || weak || OBJECT_CUES.has(tok.norm) ? undefined : learnedCue(tok);
  let object = strong || weak ? undefined : OBJECT_CUES.get(tok.norm) ?? (lex ? tok.norm : undefined);
  const lexParticle = !!lex && i + 1 < unit.b && lex.particles.includes(tokens[i + 1].norm);
  if (object && withParticle) strong = object;
  // "expressed China's position", "set out its stance": the verb and its position noun are one cue, as "said".
  const positionEnd = POSITION_VERBS.has(tok.norm) ? positionPhraseEnd(tokens, unit, i, quotes) : -1;
  if (positionEnd > 0) [strong, object] = ["say", undefined];
  const base = strong ?? weak ?? object;
  if (!base) return undefined;
  const ing = /ing$/.test(tok.norm);
  const prevTok = tokens[i - 1];
  const progressive = ing && prevTok && i > unit.a && (BE_FORMS.has(prevTok.norm) || (/^['’](s|re)$/.test(prevTok.norm) && prevTok.pos === "AUX"));
  if (!forced && tok.pos !== "VERB" && !(tok.pos === "AUX" && base === "say") && !(base === "say" && tok.pos !== "ADJ") && !(progressive && tok.pos === "ADJ") && !nounTaggedVerb(tokens, unit, i) && !participleAfterComma(tokens, unit, i)) return undefined;
  // "was first reported by The Post", "is supported by X": a passive with its agent.
  if (!ing && tokens[i + 1]?.norm === "by" && i + 1 < unit.b) {
    const passive = passiveBy(tokens, unit, i, quotes);
    if (passive) return passive;
  }
  // "appeared to suggest", "went on to explain", "continues to insist": a raising verb and its "to" join the cue.
  // Speech verbs only: a stance verb after one ("continue to support") is a plan or a trend more often than a cue.
  const raised = prevTok?.norm === "to" && i - 1 > unit.a && STRONG_CUES.has(tok.norm) ? raisingVerbBefore(tokens, unit, i - 1) : -1;
  if (raised < 0 && prevTok && i > unit.a && (prevTok.norm === "to" || prevTok.norm === "be" || prevTok.norm === "been")) return undefined; // "to say", passive
  // "is expected", "was called": a passive has no source before it.
  if (!ing && prevTok && i > unit.a && (BE_FORMS.has(prevTok.norm) || tokens[i - 2]?.norm === "been")) return undefined;
  // "so-called", "a group called X": a name, not a statement.
  if (object === "call" && !withParticle && (prevTok?.text === "-" || prevTok?.norm === "so" || tokens[i - 2]?.norm === "so")) return undefined;
  // "called a meeting", "called into the show", "called back": convening or phoning, not naming.
  if (object === "call" && !withParticle && tokens[i + 1] && (/^(a|an|up|back|off|out)$/.test(tokens[i + 1].norm) || tokens[i + 1].pos === "ADP")) return undefined;

  // Cue span: auxiliaries/adverbs before (and "is" of a progressive), phrasal particle and colon after.
  let c0 = raised >= 0 ? raised : i;
  if (progressive) c0--;
  while (c0 - 1 >= unit.a && (CUE_PREFIX_WORDS.has(tokens[c0 - 1].norm) || NEGATIONS.has(tokens[c0 - 1].norm) || MANNER_ADVERB.test(tokens[c0 - 1].norm) && tokens[c0 - 1].pos === "ADV") && tokens[c0 - 1].pos !== "PRON") c0--;
  // "is once again questioning", "isn’t saying": the "be" of a progressive before its adverbs is part of the cue.
  if (ing && !progressive && c0 < i && c0 - 1 >= unit.a && BE_FORMS.has(tokens[c0 - 1].norm)) {
    c0--;
    while (c0 - 1 >= unit.a && CUE_PREFIX_WORDS.has(tokens[c0 - 1].norm) && tokens[c0 - 1].pos !== "PRON") c0--;
  }
  if (tok.norm === "saying" && tokens[c0 - 1]?.norm === "quoted") {
    c0--;
    while (c0 - 1 >= unit.a && (tokens[c0 - 1].pos === "AUX" || tokens[c0 - 1].pos === "ADV")) c0--;
  }
  if (positionEnd > 0) weak = undefined;
  let c1 = positionEnd > 0 ? positionEnd : i + 1;
  // "complained about X", "warned against X", "spoke of X": a preposition right after the verb, before its object,
  // belongs to the cue (PolNeAR's convention; "that"/"to" clauses and adverbial phrases are not objects).
  const particle = positionEnd < 0 && !withParticle && !lexParticle && i + 2 < unit.b && CUE_PARTICLES.has(tokens[i + 1].norm) && !inQuotes(tokens[i + 1], quotes) && objectStart(tokens[i + 2]);
  if (withParticle || lexParticle || particle) c1++;
  const colon = tokens[c1]?.text === ":" && c1 < unit.b;
  if (colon) c1++;
  // "“...,” Gowdy said sarcastically.", "he said then.", "Jordan said Monday.": a lone adverb or weekday between the
  // cue and the end of the sentence (or a comma) belongs to the cue.
  const trailing = tokens[c1];
  if (!colon && trailing && c1 + 1 < unit.b && /^[.,]$/.test(tokens[c1 + 1].text) && !inQuotes(trailing, quotes) &&
    ((trailing.pos === "ADV" && (MANNER_ADVERB.test(trailing.norm) || /^(then|later|again|too)$/.test(trailing.norm))) || WEEKDAYS.has(trailing.norm))) c1++;
  // "“...,” he said in a phone interview.": an occasion that runs to the end of the sentence belongs to the cue (before
  // a that-clause it does not: "said in a statement that ...").
  if (!colon) c1 = occasionToEnd(tokens, unit, c1, quotes) ?? c1;

  const after = c1;
  const isWeak = !!weak;
  const opensContent = (k: number) => k < unit.b && (colon || tokens[k].norm === "that" || isOpenQuoteAt(text, tokens[k].start, quotes) || (tokens[k].text === "," && isOpenQuoteAt(text, tokens[k + 1]?.start ?? -1, quotes)));

  // "..., telling O'Reilly that ...", "before asking her, “...”": a participle or gerund skips its addressee too.
  const addressed = ADDRESSEE_VERBS.has(base) && !colon ? skipAddressee(text, tokens, unit, after, quotes) : after;
  const contentFrom = addressed < unit.b && tokens[addressed].text === "," && isOpenQuoteAt(text, tokens[addressed + 1]?.start ?? -1, quotes) ? addressed + 1 : addressed;

  // Participle: "..., saying CONTENT" -> the clause's subject speaks.
  if (/ing$/.test(tok.norm) && tokens[c0 - 1]?.text === "," && c0 - 1 > unit.a) {
    const content = contentAfter(text, tokens, unit, contentFrom, quotes, base, tok);
    // "Chastened by the analyses, Trump revised his plan, promising ...": past an opening verb with no subject.
    const subject = clauseSubject(tokens, unit, c0 - 1, quotes) ?? clauseSubject(tokens, unit, c0 - 1, quotes, true);
    if (!content || (isWeak && !opensContent(after))) return undefined;
    return { kind: kindOf(text, content, tokens, quotes, [subject, [c0, c1]]), source: subject, cue: [c0, c1], content };
  }

  // Gerund after a preposition: "responded by saying ...", "before asking her, “...”" -> the clause's subject speaks.
  if (ing && c0 - 1 > unit.a && GERUND_PREPOSITIONS.has(tokens[c0 - 1].norm) && !object) {
    const content = contentAfter(text, tokens, unit, contentFrom, quotes, base, tok);
    const subject = clauseSubject(tokens, unit, c0 - 1, quotes);
    if (!content || !subject || (isWeak && !opensContent(after))) return undefined;
    return { kind: kindOf(text, content, tokens, quotes, [subject, [c0, c1]]), source: subject, cue: [c0, c1], content };
  }

  let left = sourceLeft(tokens, unit, c0 - 1, quotes);
  if (left) left = wholeSubject(tokens, unit, left);
  // "Wells Fargo this month announced", "Trump on Monday said": a time phrase between the source and its cue.
  if (!left) {
    const before = skipTimeBack(tokens, unit, c0 - 1);
    if (before < c0 - 1) left = sourceLeft(tokens, unit, before, quotes);
  }
  // "The latest Reuters/Ipsos opinion poll released Friday shows": a subject the head-based reading cannot close.
  if (!left) left = subjectToCue(tokens, unit, c0, quotes);
  // Coordinated predicates: "Trump is telling veterans that ... and says he will ..." -> the clause's subject speaks.
  const coordinated = !left && c0 - 1 > unit.a && /^(and|but)$/.test(tokens[c0 - 1].norm) && !inQuotes(tokens[c0 - 1], quotes);
  if (coordinated) left = clauseSubject(tokens, unit, c0 - 1, quotes);
  // "Russia, which has ties with Iran, has repeatedly said ...": an auxiliary-led cue after a comma is no
  // inversion; its subject stands before the relative clause.
  if (!left && c0 > unit.a && tokens[c0 - 1].text === "," && tokens[c0].pos === "AUX") {
    left = subjectBeforeRelative(tokens, unit, c0 - 1);
    if (!left) return undefined;
  }
  // Inverted: "..., said Zhai." / "“...,” said a spokesperson at the ministry."
  if (!left && !coordinated && !object && c0 > unit.a && (tokens[c0 - 1].text === "," || CLOSE_MARKS.has(tokens[c0 - 1].text))) {
    const src = sourceRight(tokens, unit, c1, quotes);
    if (!src) return undefined;
    const content = contentBefore(text, tokens, unit, c0, quotes);
    if (!content) return undefined;
    const widened = widenAfterSource(text, tokens, unit, src[1], content, quotes);
    return { kind: kindOf(text, widened, tokens, quotes, [src, [c0, c1]]), source: src, cue: [c0, c1], content: widened };
  }
  if (!left) return undefined;

  // Content after the cue: "Zhai said (that) ...", "Zhai told Bogdanov that ...", "X urged Israel to ...".
  let k = after;
  if (ADDRESSEE_VERBS.has(base) && !colon) k = skipAddressee(text, tokens, unit, k, quotes);
  if (!colon && tokens[k]?.text === "," && isOpenQuoteAt(text, tokens[k + 1]?.start ?? -1, quotes)) k++;
  k = skipAdjunct(tokens, unit, k);
  // A bare adjunct after the cue ("he said in August.", "said to the TV.") is no content.
  const leftIsAfterComma = left[0] > unit.a && (tokens[left[0] - 1].text === "," || CLOSE_MARKS.has(tokens[left[0] - 1].text));
  // "“...,” he said as the crowd moved on.": after a content before the source, a subordinate clause of time or
  // reason is an adjunct of the cue, not its content.
  const bareAdjunct = k < unit.b && ((leftIsAfterComma && ADJUNCT_CLAUSE_OPENERS.has(tokens[k].norm)) || ((tokens[k].pos === "ADP" || TEMPORAL_HEADS.has(tokens[k].norm)) && !opensContent(k) && !reachesClause(tokens, unit, k)) || timeToEnd(tokens, unit, k, quotes));
  // "“...,” Graham told The New York Times then.", "“...,” she said several months later.": after a quotation that
  // opens the sentence, broken off at a comma (or a question or exclamation), and its speaker, what follows the cue is
  // an adjunct or addressee unless it opens a content of its own ("that ...", a quotation, a colon).
  const afterQuote = leftIsAfterComma && quotes.some((q) => q.end === tokens[left[0] - 1].end && q.start <= tokens[unit.a].start && /[,?!]\s*[”"'’]+$/.test(text.slice(q.start, q.end)));
  // "He said:" closing a paragraph: the next paragraph is the content.
  if (colon && c1 >= unit.b) {
    const next = nextParagraph(text, tokens, c1, quotes);
    if (next) return { kind: kindOf(text, next, tokens, quotes), source: left, cue: [c0, c1], content: next };
  }
  const clauseFollows = k < unit.b && !SENTENCE_FINAL.has(tokens[k].text) && tokens[k].text !== "," && !bareAdjunct && !(afterQuote && !opensContent(k));

  // "The truth, the senator said then, was that ...", "These employees, X explained earlier in the hearing, were ...":
  // an interjected source and cue with an adjunct of its own, between a subject and its verb; the content runs from
  // the sentence start to its end.
  const adjunctEnd = !isWeak && !object && leftIsAfterComma && tokens[left[0] - 1].text === "," ? commaClosedAdjunct(tokens, unit, c1, quotes) : -1;
  if (adjunctEnd > 0 && adjunctEnd + 1 < unit.b && (tokens[adjunctEnd + 1].pos === "VERB" || tokens[adjunctEnd + 1].pos === "AUX")) {
    const before = contentBefore(text, tokens, unit, left[0], quotes);
    if (before) {
      const end = trimEnd(text, tokens, unit.a, unit.b, quotes);
      return { kind: kindOf(text, [before[0], end], tokens, quotes, [left, [c0, c1]]), source: left, cue: [c0, c1], content: [before[0], end] };
    }
  }

  if (clauseFollows) {
    if (isWeak && !opensContent(k)) return undefined;
    if (COGNITION_CUES.has(base) && nestedInSpeech(tokens, unit, left)) return undefined;
    const content = contentAfter(text, tokens, unit, k, quotes, base, tok);
    if (!content) return undefined;
    // "called his mother yesterday", "called Machado on Friday": a phone call (naming is "called X Y" with no time).
    // "a group called Lashkar-e-Taiba was listed": a participle naming its noun, not a speaker calling X Y.
    if (object === "call" && !withParticle && tokens.slice(content[0], content[1]).some((t) => (TEMPORAL_HEADS.has(t.norm) || t.pos === "AUX") && !inQuotes(t, quotes))) return undefined;
    if (object === "call" && !withParticle && left[1] - left[0] === 2 && /^(a|an)$/.test(tokens[left[0]].norm)) return undefined;
    // “A,” the narrator says, “B.”: one content from A to B.
    if (leftIsAfterComma && isOpenQuoteAt(text, tokens[content[0]].start, quotes)) {
      const before = contentBefore(text, tokens, unit, left[0], quotes);
      if (before && quotes.some((q) => q.end === tokens[before[1] - 1].end)) return { kind: "direct", source: left, cue: [c0, c1], content: [before[0], content[1]] };
    }
    // "what Turnbull called North Korea's “reckless” actions", "which advocates say disadvantages needy schools": in a
    // relative clause the content is the whole clause from its "what" or "which", source and cue included.
    // A content that is a clause of its own ("which he said he was ...", "which she said, “...”") is not the gap.
    const wh = tokens[left[0] - 1];
    const ownClause = tokens[content[0]].norm === "that" || isOpenQuoteAt(text, tokens[content[0]].start, quotes) || /^(he|she|they|it|we|i|you)$/.test(tokens[content[0]].norm);
    if (wh && left[0] - 1 >= unit.a && /^(what|which)$/.test(wh.norm) && !inQuotes(wh, quotes) && !ownClause && !RELATIVE_OPENERS.has(tokens[left[0]].norm)) {
      // "in which the United States would pledge ...": the preposition leads the clause.
      const w = left[0] - 2 >= unit.a && tokens[left[0] - 2].pos === "ADP" && wh.norm === "which" ? left[0] - 2 : left[0] - 1;
      const whole: [number, number] = [w, content[1]];
      return { kind: kindOf(text, whole, tokens, quotes, [left, [c0, c1]]), source: left, cue: [c0, c1], content: whole };
    }
    return { kind: kindOf(text, content, tokens, quotes, [left, [c0, c1]]), source: left, cue: [c0, c1], content };
  }
  if (isWeak || object || coordinated) return undefined;
  // Content before the source: "CONTENT, Zhai said." or interjected "A, he said, B."
  // "It does not answer whether Scott had a gun, as police have said.": "as" after the comma introduces the source.
  const asSource = left[0] - 2 > unit.a && tokens[left[0] - 1].norm === "as" && tokens[left[0] - 2].text === "," && after < unit.b && SENTENCE_FINAL.has(tokens[after].text);
  if (!leftIsAfterComma && !asSource) return undefined;
  const content = contentBefore(text, tokens, unit, asSource ? left[0] - 1 : left[0], quotes);
  if (!content) return undefined;
  const rest = k < unit.b && tokens[k].text === "," ? k + 1 : -1;
  // "A, he said, and “B.”", "A, he said, until B": the sentence goes on with a quotation or a subordinate clause that
  // is still the speaker's (a quotation before the cue goes on only through widenAfterSource).
  const goesOn = rest > 0 && rest + 1 < unit.b && ((/^(and|but)$/.test(tokens[rest].norm) && isOpenQuoteAt(text, tokens[rest + 1].start, quotes) && !quotes.some((q) => q.end === tokens[content[1] - 1].end)) ||
    CONTINUING_SUBORDINATORS.has(tokens[rest].norm));
  const interjected = goesOn || (rest > 0 && rest < unit.b && !SENTENCE_FINAL.has(tokens[rest].text) && !["ADP", "CCONJ", "SCONJ", "ADV", "PROPN"].includes(tokens[rest].pos) && (!/ing$/.test(tokens[rest].norm) || PREPOSITIONAL_PARTICIPLES.has(tokens[rest].norm)));
  if (interjected) {
    const end = trimEnd(text, tokens, unit.a, unit.b, quotes);
    return { kind: kindOf(text, [content[0], end], tokens, quotes, [left, [c0, c1]]), source: left, cue: [c0, c1], content: [content[0], end] };
  }
  const widened = widenAfterSource(text, tokens, unit, c1, content, quotes);
  return { kind: kindOf(text, widened, tokens, quotes, [left, [c0, c1]]), source: left, cue: [c0, c1], content: widened };
}

/**
 * The end (exclusive) of a position phrase after the verb at `i` ("expressed China's position", "set out its
 * stance", "reiterated the government's principled view"): an owner (a possessive, a name with "'s", adjectives)
 * and a position noun; -1 when none follows.
 */
function positionPhraseEnd(tokens: readonly Token[], unit: Unit, i: number, quotes: readonly QuoteSpan[]): number {
  let j = i + 1;
  if ((tokens[i].norm === "set" || tokens[i].norm === "sets") && tokens[j]?.norm === "out") j++;
  const last = Math.min(unit.b, j + MAX_POSITION_OWNER_TOKENS + 1);
  let owned = false;
  for (; j < last; j++) {
    const t = tokens[j];
    if (inQuotes(t, quotes)) return -1;
    if (POSITION_NOUNS.has(t.norm)) return owned ? j + 1 : -1;
    if (POSSESSIVES.has(t.norm) || isPossessiveMarker(t)) owned = true;
    else if (!(t.pos === "PROPN" || t.pos === "ADJ" || t.pos === "NOUN" || t.norm === "the")) return -1;
  }
  return -1;
}

/** The paragraph that starts at token k after a line break (to the token before the next line break), or undefined. */
function nextParagraph(text: string, tokens: readonly Token[], k: number, quotes: readonly QuoteSpan[]): [number, number] | undefined {
  const breakBefore = (i: number) => text.slice(tokens[i - 1].end, tokens[i].start).includes("\n");
  if (k <= 0 || k >= tokens.length || !breakBefore(k)) return undefined;
  let e = k + 1;
  while (e < tokens.length && !breakBefore(e)) e++;
  const end = trimEnd(text, tokens, k, e, quotes);
  return end > k ? [k, end] : undefined;
}

/** Subordinators after an interjected "he said," that continue the speaker's sentence ("A, he said, until B"). */
const CONTINUING_SUBORDINATORS = new Set(["since", "until", "because", "unless", "although", "though", "so"]);

/**
 * The index of a raising or aspect verb right before the "to" at `to` ("seemed to", "continues to", "went on to"),
 * or -1.
 */
function raisingVerbBefore(tokens: readonly Token[], unit: Unit, to: number): number {
  const v = to - 1;
  if (tokens[v]?.norm === "on" && v - 1 >= unit.a && /^(go|goes|went|gone|going)$/.test(tokens[v - 1].norm)) return v - 1;
  if (v < unit.a) return -1;
  const t = tokens[v];
  return t.pos === "VERB" && RAISING_VERBS.has(t.norm.replace(/(ed|d|s|ing)$/, "")) ? v : -1;
}

/** Does the cue span of a passive include its "by" ("was first reported by")? PolNeAR marks it both ways. */
const PASSIVE_CUE_WITH_BY = false;

/**
 * "The registration issue was first reported by The Washington Post": a cue verb in the passive with its agent. The
 * agent after "by" is the source, the subject before the auxiliaries the content, the cue the auxiliaries and verb.
 */
function passiveBy(tokens: readonly Token[], unit: Unit, i: number, quotes: readonly QuoteSpan[]): Found | undefined {
  let c0 = i;
  let be = false;
  while (c0 - 1 >= unit.a) {
    const p = tokens[c0 - 1];
    if (BE_FORMS.has(p.norm) || p.norm === "been" || p.norm === "being" || p.norm === "be") be = true;
    else if (!(CUE_PREFIX_WORDS.has(p.norm) || NEGATIONS.has(p.norm) || (p.pos === "ADV" && /^[a-z]+$/.test(p.norm)))) break;
    if (p.pos === "PRON") break;
    c0--;
  }
  if (!be) return undefined;
  const source = sourceRight(tokens, unit, i + 2, quotes);
  const content = sourceLeft(tokens, unit, c0 - 1, quotes);
  if (!source || !content || content[0] < unit.a) return undefined;
  const cue: [number, number] = [c0, PASSIVE_CUE_WITH_BY ? i + 2 : i + 1];
  return { kind: "reported", source, cue, content };
}

/**
 * The plain frame of a cue the learned model proposed where the rules' frames found none: SOURCE CUE CONTENT, the
 * cue with its auxiliaries, adverbs and a progressive "is" ("is once again questioning"), the source the noun phrase
 * before it (or the clause's subject), the content the rest of the clause after it.
 */
function proposedFrame(text: string, tokens: readonly Token[], unit: Unit, i: number, quotes: readonly QuoteSpan[]): Found | undefined {
  let c0 = i;
  while (c0 - 1 >= unit.a) {
    const p = tokens[c0 - 1];
    if (p.pos === "PRON" || !(CUE_PREFIX_WORDS.has(p.norm) || BE_FORMS.has(p.norm) || (p.pos === "ADV" && /^[a-z]+$/.test(p.norm)))) break;
    c0--;
  }
  let c1 = i + 1;
  if (c1 < unit.b && tokens[c1].text === ":") c1++;
  const left = sourceLeft(tokens, unit, c0 - 1, quotes) ?? clauseSubject(tokens, unit, c0, quotes);
  if (!left || left[1] > c0) return undefined;
  let k = c1;
  if (k < unit.b && tokens[k].text === "," && isOpenQuoteAt(text, tokens[k + 1]?.start ?? -1, quotes)) k++;
  const content = contentAfter(text, tokens, unit, k, quotes, "according", tokens[i]);
  if (!content) return undefined;
  return { kind: kindOf(text, content, tokens, quotes, [left, [c0, c1]]), source: left, cue: [c0, c1], content };
}

/**
 * The tagger reads "reports", "support", "plans" after a name as nouns ("The Post reports that ...", "China and Russia
 * support the government"): a cue word between a name or subject pronoun and a determiner, pronoun, name, "that",
 * "to", a colon or a quote is a verb.
 */
function nounTaggedVerb(tokens: readonly Token[], unit: Unit, i: number): boolean {
  const tok = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (tok.pos !== "NOUN" || isCapitalized(tok) || i <= unit.a || i + 1 >= unit.b || !prev || !next) return false;
  // A name, a subject pronoun, a quantifier pronoun ("some note that") or a relative ("which notes that").
  const subject = prev.pos === "PROPN" || ((prev.pos === "PRON" || prev.pos === "DET") && /^(he|she|they|we|i|it|who|which|some|many|others|both)$/.test(prev.norm));
  const object = ["DET", "PRON", "PROPN", "NUM"].includes(next.pos) || /^(that|to|:)$/.test(next.norm) || OPEN_MARKS.has(next.text);
  return subject && object;
}

/**
 * "..., promising to lift ...", "..., warning that ...": an -ing cue word right after a comma, before "to", "that", a
 * determiner, a pronoun or a quote, is a participle whatever the tagger read (it reads some as adjectives or nouns).
 */
function participleAfterComma(tokens: readonly Token[], unit: Unit, i: number): boolean {
  const tok = tokens[i];
  const next = tokens[i + 1];
  if (!/ing$/.test(tok.norm) || i - 1 <= unit.a || tokens[i - 1].text !== "," || !next || i + 1 >= unit.b) return false;
  return /^(to|that)$/.test(next.norm) || next.pos === "DET" || next.pos === "PRON" || OPEN_MARKS.has(next.text);
}

/** "Clinton said she thinks ...": a thought reported inside a statement is part of its content, not a second attribution. */
function nestedInSpeech(tokens: readonly Token[], unit: Unit, left: [number, number]): boolean {
  if (left[1] - left[0] !== 1 || tokens[left[0]].pos !== "PRON") return false;
  let p = left[0] - 1;
  if (p >= unit.a && tokens[p].norm === "that") p--;
  return p >= unit.a && STRONG_CUES.has(tokens[p].norm);
}

/**
 * A statement noun with its speaker and a that-clause: "Trump’s claim that ...", "a New York Times report that ...".
 * The source is the possessor (with its "’s") or the name that modifies the noun; the cue is the noun.
 */
function nounCue(text: string, tokens: readonly Token[], unit: Unit, i: number, quotes: readonly QuoteSpan[]): Found | undefined {
  const that = tokens[i + 1];
  const next = tokens[i + 2];
  // "the claim that was made": a relative clause, not the claim's content.
  if (!that || that.norm !== "that" || !next || next.pos === "VERB" || next.pos === "AUX" || i + 2 >= unit.b) return undefined;
  let source: [number, number] | undefined;
  const prev = tokens[i - 1];
  if (prev && i - 1 > unit.a && isPossessiveMarker(prev)) {
    const owner = sourceLeft(tokens, unit, i - 2, quotes);
    if (owner) source = [owner[0], i];
  } else {
    let a = i;
    while (a - 1 >= unit.a && tokens[a - 1].pos === "PROPN" && isCapitalized(tokens[a - 1])) a--;
    if (a < i && a - 1 >= unit.a && tokens[a - 1].pos === "DET") source = [a - 1, i];
  }
  if (!source || inQuotes(tokens[i], quotes)) return undefined;
  const content = contentAfter(text, tokens, unit, i + 1, quotes, "according");
  if (!content) return undefined;
  return { kind: kindOf(text, content, tokens, quotes), source, cue: [i, i + 1], content };
}

/** Longest source read after "according to" when the tagger misread its words ("According to police/VERB ,"), in tokens. */
const MAX_LOOSE_SOURCE_TOKENS = 6;

/**
 * The words after "according to" up to the next comma or the sentence end, when the tagger read one of them as a verb
 * ("according to police", "according to show insiders"): a short run of lower-case or capitalised words, no auxiliary.
 */
function looseSourceRight(tokens: readonly Token[], unit: Unit, first: number, quotes: readonly QuoteSpan[]): [number, number] | undefined {
  let e = first;
  while (e < unit.b && e - first <= MAX_LOOSE_SOURCE_TOKENS && tokens[e].text !== "," && !(SENTENCE_FINAL.has(tokens[e].text) && !innerDot(tokens, e))) {
    const t = tokens[e];
    if (t.pos === "AUX" || t.pos === "PRON" && !POSSESSIVES.has(t.norm) || inQuotes(t, quotes) || !/^[\p{L}\p{N}'’.-]+$/u.test(t.text)) return undefined;
    e++;
  }
  return e > first && e - first <= MAX_LOOSE_SOURCE_TOKENS && e < unit.b ? [first, e] : undefined;
}

/** "according to SRC, CONTENT" / "CONTENT, according to SRC." / "A, according to SRC, B". */
function accordingTo(text: string, tokens: readonly Token[], unit: Unit, i: number, quotes: readonly QuoteSpan[]): Found | undefined {
  let src = sourceRight(tokens, unit, i + 2, quotes) ?? looseSourceRight(tokens, unit, i + 2, quotes);
  if (!src) return undefined;
  // "According to Ham, the current administration has ...": an unclosed "the ..." after the name is the content.
  const comma = tokens.slice(src[0], src[1]).findIndex((t) => t.text === ",") + src[0];
  if (comma > src[0] && tokens[src[1] - 1].text !== "," && tokens.slice(comma, src[1]).some((t) => t.pos === "AUX" || (t.pos === "VERB" && !/(ing|ed)$/.test(t.norm)))) src = [src[0], comma];
  const cue: [number, number] = [i, i + 2];
  const afterSrc = src[1];
  const atStart = i === unit.a || (i === unit.a + 1 && tokens[unit.a].pos === "CCONJ");
  if (atStart) {
    const k = tokens[afterSrc]?.text === "," ? afterSrc + 1 : afterSrc;
    const content = contentAfter(text, tokens, unit, k, quotes, "according");
    return content ? { kind: "according-to", source: src, cue, content } : undefined;
  }
  if (tokens[i - 1]?.text !== ",") return undefined;
  const before = contentBefore(text, tokens, unit, i, quotes);
  if (!before) return undefined;
  const end = afterSrc < unit.b && tokens[afterSrc].text === "," ? trimEnd(text, tokens, unit.a, unit.b, quotes) : before[1];
  return { kind: "according-to", source: src, cue, content: [before[0], end] };
}

// ---------------------------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------------------------

/** A capitalised word the tagger read as a verb or adjective ("Lynch said", "Trump said"): a name. */
function misTaggedName(tok: Token): boolean {
  return (tok.pos === "VERB" || tok.pos === "ADJ") && /^[A-Z][a-z]+$/.test(tok.text) && !STRONG_CUES.has(tok.norm);
}

/** Subject pronouns of a reduced relative clause inside a source ("the experts I interviewed"). */
const REDUCED_RELATIVE_SUBJECTS = new Set(["i", "we", "you", "they", "he", "she"]);

/** Can this token be inside a source noun phrase? */
function npToken(tok: Token): boolean {
  if (misTaggedName(tok)) return true;
  if (SOURCE_CONNECTORS.has(tok.norm) || isPossessiveMarker(tok)) return true;
  if (HONORIFICS[tok.norm] !== undefined) return true;
  return tok.pos === "PROPN" || tok.pos === "NOUN" || tok.pos === "ADJ" || tok.pos === "DET" || tok.pos === "NUM" || (tok.pos === "PUNCT" && tok.text === ".");
}

/**
 * "A 2014 study by Loyola Law School professor Justin Levitt found", "The Clinton campaign and DNC said": when the
 * source phrase is the end of a longer noun phrase that opens the sentence (linked by a preposition, "and" or a
 * participle, with no verb, comma or quote before it), the whole opening phrase is the source.
 */
function wholeSubject(tokens: readonly Token[], unit: Unit, src: [number, number]): [number, number] {
  let a = unit.a;
  while (a < src[0] && (tokens[a].pos === "CCONJ" || (tokens[a].pos === "ADV" && tokens[a].norm !== "only"))) a++;
  if (a >= src[0] || src[0] - a > MAX_SOURCE_TOKENS) return src;
  const link = tokens[src[0] - 1];
  if (!(link.pos === "ADP" || link.norm === "and" || (link.pos === "VERB" && /(ed|ing)$/.test(link.norm)))) return src;
  if (!["DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON"].includes(tokens[a].pos) || (tokens[a].pos === "PRON" && !POSSESSIVES.has(tokens[a].norm))) return src;
  for (let k = a; k < src[0]; k++) {
    const t = tokens[k];
    const participle = t.pos === "VERB" && /(ed|ing)$/.test(t.norm) && !STRONG_CUES.has(t.norm);
    if (!(npToken(t) || t.pos === "ADP" || t.norm === "and" || POSSESSIVES.has(t.norm) || participle || t.norm === "being") || t.text === "," || t.text === "." || OPEN_MARKS.has(t.text) || CLOSE_MARKS.has(t.text)) return src;
  }
  return [a, src[1]];
}

/**
 * The token before a time phrase that ends at `j` ("this month", "on Monday", "last week", "just yesterday"), or `j`
 * when none ends there.
 */
function skipTimeBack(tokens: readonly Token[], unit: Unit, j: number): number {
  if (j <= unit.a || !TEMPORAL_HEADS.has(tokens[j].norm)) return j;
  let k = j - 1;
  while (k > unit.a && TIME_MODIFIERS.has(tokens[k].norm)) k--;
  return k >= unit.a && tokens[k].pos !== "ADP" && tokens[k].pos !== "DET" ? k : j;
}

/**
 * "The latest Reuters/Ipsos opinion poll released Friday shows", "The Real Clear Politics average of polls taken over the
 * past two weeks shows": the noun phrase (with participles, prepositional phrases and a time phrase inside it, no verb,
 * comma or quote) that runs from the start of the sentence (after a conjunction) to the cue at c0 is its subject.
 */
function subjectToCue(tokens: readonly Token[], unit: Unit, c0: number, quotes: readonly QuoteSpan[]): [number, number] | undefined {
  let a = unit.a;
  while (a < c0 && tokens[a].pos === "CCONJ") a++;
  if (a >= c0 || c0 - a > MAX_SOURCE_TOKENS) return undefined;
  const first = tokens[a];
  if (!["DET", "NOUN", "PROPN", "ADJ", "NUM"].includes(first.pos) && !POSSESSIVES.has(first.norm)) return undefined;
  let noun = false;
  for (let k = a; k < c0; k++) {
    const t = tokens[k];
    if (inQuotes(t, quotes) || OPEN_MARKS.has(t.text) || CLOSE_MARKS.has(t.text) || t.text === "," || (SENTENCE_FINAL.has(t.text) && !innerDot(tokens, k))) return undefined;
    if (t.pos === "NOUN" || t.pos === "PROPN") noun = true;
    // "report released last year", "reports newly filed": a participle after a common noun (or its -ly adverb); after
    // a name it is the finite verb of a clause ("Scott beamed and said").
    const participle = t.pos === "VERB" && /(ed|en|ing)$/.test(t.norm) && !isCueWord(t.norm) && k > a && (tokens[k - 1].pos === "NOUN" || (tokens[k - 1].pos === "ADV" && /ly$/.test(tokens[k - 1].norm)));
    const manner = t.pos === "ADV" && /ly$/.test(t.norm) && tokens[k + 1]?.pos === "VERB";
    const ok = npToken(t) || t.pos === "ADP" || t.norm === "and" || POSSESSIVES.has(t.norm) || participle || manner || t.pos === "SYM" || t.text === "-" ||
      DASH_TOKENS.has(t.text) || TEMPORAL_HEADS.has(t.norm) || TIME_MODIFIERS.has(t.norm);
    if (!ok) return undefined;
  }
  const last = tokens[c0 - 1];
  if (!noun || ["ADP", "DET", "CCONJ"].includes(last.pos)) return undefined;
  // "The Times on Saturday wrote": a time phrase right after the head noun is no part of the subject.
  if (TEMPORAL_HEADS.has(last.norm)) {
    let p = c0 - 1;
    while (p - 1 > a && (TIME_MODIFIERS.has(tokens[p - 1].norm) || ["NUM", "ADJ"].includes(tokens[p - 1].pos))) p--;
    if (p < c0 - 1 && TIME_MODIFIERS.has(tokens[p].norm) && ["NOUN", "PROPN"].includes(tokens[p - 1].pos)) return [a, p];
  }
  return [a, c0];
}

/** The source noun phrase ending at token `last` (inclusive), or undefined. */
function sourceLeft(tokens: readonly Token[], unit: Unit, last: number, quotes: readonly QuoteSpan[]): [number, number] | undefined {
  if (last < unit.a) return undefined;
  const tok = tokens[last];
  if (tok.pos === "PRON" && PRONOUN_SOURCES.has(tok.norm)) return [last, last + 1];
  if (tok.text === ",") return appositiveSource(tokens, unit, last, quotes);
  // "all the experts I interviewed said": a noun with a reduced relative clause (a subject pronoun and a past verb).
  if (tok.pos === "VERB" && /ed$/.test(tok.norm) && !isCueWord(tok.norm) && last - 2 >= unit.a && REDUCED_RELATIVE_SUBJECTS.has(tokens[last - 1].norm) && tokens[last - 2].pos === "NOUN") {
    const head = sourceLeft(tokens, unit, last - 2, quotes);
    return head ? [head[0], last + 1] : undefined;
  }
  // "The attorney general is confirming": a head the tagger read as an adjective after a noun.
  const adjHead = tok.pos === "ADJ" && last > unit.a && tokens[last - 1].pos === "NOUN";
  if (!(tok.pos === "PROPN" || tok.pos === "NOUN" || tok.text === ")" || (tok.pos === "NUM" && isCapitalized(tok)) || misTaggedName(tok) || adjHead)) return undefined;
  let a = last;
  while (a - 1 >= unit.a && last - a < MAX_SOURCE_TOKENS && !inQuotes(tokens[a - 1], quotes)) {
    const t = tokens[a - 1];
    // A determiner opens the phrase unless a connector chains it on ("the board OF the Post").
    if (tokens[a].pos === "DET" && !SOURCE_CONNECTORS.has(t.norm)) break;
    // "Mayor Bill de Blasio": a lower-case particle inside a name.
    const nameParticle = NAME_PARTICLES.has(t.norm) && tokens[a].pos === "PROPN" && (isCapitalized(t) || (!!tokens[a - 2] && isCapitalized(tokens[a - 2])));
    // "In an interview Trump said": a common noun right before a name ends the phrase unless it is a title, or it
    // modifies a title ("Tulsa police Chief Chuck Jordan", "state Senator").
    if (!nameParticle && t.pos === "NOUN" && !isCapitalized(t) && tokens[a].pos === "PROPN" && isCapitalized(tokens[a]) && !ROLE_NOUNS.has(t.norm) && !ROLE_NOUNS.has(tokens[a].norm)) break;
    // "registered voters", "elected officials": a participle the tagger read as a verb, modifying the noun after it.
    const modifier = t.pos === "VERB" && /ed$/.test(t.norm) && !isCueWord(t.norm) && (tokens[a].pos === "NOUN" || tokens[a].pos === "ADJ") &&
      (a - 2 < unit.a || ["DET", "ADP", "NUM", "ADJ", "PUNCT", "CCONJ"].includes(tokens[a - 2].pos));
    // "Flight attendants' union": a plural possessive apostrophe glued to its noun (not a quotation mark).
    const pluralPossessive = /^['’]$/.test(t.text) && a - 2 >= unit.a && tokens[a - 2].end === t.start && /s$/.test(tokens[a - 2].norm) && !quotes.some((q) => q.start === t.start || q.end === t.end);
    if (npToken(t) || nameParticle || modifier || pluralPossessive || (t.norm === "and" && tokens[a]?.pos === "PROPN" && tokens[a - 2]?.pos === "PROPN")) a--;
    else if (t.pos === "PRON" && /^(his|her|their|its|our|my|your)$/.test(t.norm)) {
      a--;
      break;
    } else break;
  }
  while (a < last && (SOURCE_CONNECTORS.has(tokens[a].norm) || tokens[a].norm === "and" || tokens[a].text === ".")) a++;
  // "Nearly eight of 10 voters say", "Only 52 percent of voters agreed": a degree adverb before a number opens it.
  if (a - 1 >= unit.a && tokens[a].pos === "NUM" && DEGREE_ADVERBS.has(tokens[a - 1].norm)) a--;
  // "last year found" is a time, "The New York Times reported" a name.
  if (TEMPORAL_HEADS.has(tok.norm) && !(isCapitalized(tok) && last > a && tokens[last - 1].pos === "PROPN" && isCapitalized(tokens[last - 1]) && !TEMPORAL_HEADS.has(tokens[last - 1].norm))) return undefined;
  // "The discussions in Doha showed", "Officials in Kyiv said": the place modifies a common-noun head before it.
  const prep = tokens[a - 1];
  if (prep && a - 2 >= unit.a && /^(in|from|across|inside)$/.test(prep.norm) && tokens[a - 2].pos === "NOUN" && !TEMPORAL_HEADS.has(tokens[a - 2].norm)) {
    const head = sourceLeft(tokens, unit, a - 2, quotes);
    if (head) return [head[0], last + 1];
  }
  return [a, last + 1];
}

/** "Douglas Holtz-Eakin, an economist and tax expert, told" -> the name, its appositive and the closing comma. */
function appositiveSource(tokens: readonly Token[], unit: Unit, comma: number, quotes: readonly QuoteSpan[]): [number, number] | undefined {
  let k = comma - 1;
  while (k > unit.a && comma - k <= MAX_APPOSITIVE_TOKENS && tokens[k].text !== "," && !SENTENCE_FINAL.has(tokens[k].text)) k--;
  if (k <= unit.a || tokens[k].text !== ",") return undefined;
  const name = sourceLeft(tokens, unit, k - 1, quotes);
  // "Rep. Jim Jordan (R-Ohio), an oversight panel member,": a name may end with its parenthesised party and state.
  const nameEnd = name && tokens[name[1] - 1].text === ")" ? tokens.slice(name[0], name[1]).findIndex((t) => t.text === "(") + name[0] - 1 : name ? name[1] - 1 : -1;
  if (!name || nameEnd < name[0] || !(tokens[nameEnd].pos === "PROPN" || tokens[nameEnd].pos === "PRON")) return describedName(tokens, unit, k, comma, name, quotes);
  const first = tokens[k + 1];
  // "with Republicans, and the meeting deteriorated from there, said X": a coordinated clause, no appositive.
  if (first.pos === "CCONJ") return undefined;
  // "Mr. Kamin, who emphasized that ..., said": a relative clause that holds an attribution of its own stays out of
  // the source (its "who" is that attribution's source); any other ("X, who runs Y, said") is part of it.
  if (RELATIVE_OPENERS.has(first.norm) && tokens.slice(k + 2, comma).some((t) => t.pos === "VERB" && isCueWord(t.norm))) return name;
  // "Michael Mulgrew, president of the teachers' union, which represents ..., said": a "which" clause is about the
  // organisation of an earlier appositive; the source is the name with that appositive.
  if (first.norm === "which" && tokens[name[0] - 1]?.text === ",") {
    const before = appositiveSource(tokens, unit, k, quotes);
    if (before) return before;
  }
  // "Wang Yi, while condemning ..., declared": a clause, not an appositive -> the name alone.
  if (first.pos === "SCONJ" || first.pos === "VERB" || first.pos === "ADV" || first.pos === "ADP") return name;
  return [earlierParts(tokens, unit, name[0], quotes), comma + 1];
}

/**
 * "A lawyer for the news outlets, David Schulz, said", "In a statement, one of the family's attorneys, Justin Bamberg,
 * said": a description (a common-noun phrase that opens the sentence or follows a comma) before the name between the
 * commas k and `comma`: the source is both, with the closing comma. `desc` is the phrase before k, if any.
 */
function describedName(tokens: readonly Token[], unit: Unit, k: number, comma: number, desc: [number, number] | undefined, quotes: readonly QuoteSpan[]): [number, number] | undefined {
  if (!desc || tokens[desc[1] - 1].pos !== "NOUN") return undefined;
  if (desc[0] > unit.a && tokens[desc[0] - 1].text !== ",") return undefined;
  const name = sourceLeft(tokens, unit, comma - 1, quotes);
  if (!name || name[0] !== k + 1 || !tokens.slice(name[0], name[1]).every((t) => t.pos === "PROPN" || t.text === ".")) return undefined;
  return [desc[0], comma + 1];
}

/** Most comma-separated parts read before an appositive source ("Johnnie Wilson, 59, of Springfield, Va., said"). */
const MAX_SOURCE_PARTS = 3;

/**
 * "Donna Rawlings, 59, of Ashton, Md., said": the source found so far starts at `s`, after "," or ", of"; the parts
 * before it (a name, an age) belong to it while each is a whole noun phrase or number that starts after a comma or
 * opens the sentence (or follows a quote). Returns the new start.
 */
function earlierParts(tokens: readonly Token[], unit: Unit, s: number, quotes: readonly QuoteSpan[]): number {
  for (let n = 0; n < MAX_SOURCE_PARTS; n++) {
    let c = s - 1;
    if (c > unit.a && tokens[c].norm === "of") c--;
    if (c <= unit.a || tokens[c].text !== "," || (c === s - 1 && tokens[s].pos !== "NUM" && tokens[s].norm !== "of" && !PLACE_LIKE.test(tokens[s].text))) return s;
    let j = c - 1;
    while (j >= unit.a && tokens[j].text !== "," && !(SENTENCE_FINAL.has(tokens[j].text) && !innerDot(tokens, j)) && !CLOSE_MARKS.has(tokens[j].text) && !inQuotes(tokens[j], quotes)) j--;
    const start = j + 1;
    if (start >= c || c - start > MAX_SOURCE_TOKENS) return s;
    const age = c - start === 1 && tokens[start].pos === "NUM";
    const seg = age ? [start, c] : sourceLeft(tokens, unit, c - 1, quotes);
    // A part may be "of Ashton" (the town after a name and age).
    const ofPart = !!seg && tokens[start].norm === "of" && seg[0] === start + 1;
    if (!seg || (seg[0] !== start && !ofPart) || !(age || tokens[c - 1].pos === "PROPN")) return s;
    s = start;
    // A name that opens the sentence (or follows a quote) is the head: stop there.
    if (!age && !ofPart && (j < unit.a || tokens[j].text !== ",")) return s;
  }
  return s;
}

/** A full stop glued to the words on both sides ("D-N.C."): an abbreviation's dot, not a sentence end. */
function innerDot(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t.text === "." && tokens[i - 1]?.end === t.start && tokens[i + 1]?.start === t.end;
}

/** The source noun phrase starting at token `first` (after an inverted cue or "according to"). */
function sourceRight(tokens: readonly Token[], unit: Unit, first: number, quotes: readonly QuoteSpan[]): [number, number] | undefined {
  if (first >= unit.b) return undefined;
  const t0 = tokens[first];
  if (t0.pos === "PRON" && PRONOUN_SOURCES.has(t0.norm) && t0.norm !== "that") return [first, first + 1];
  if (!(npToken(t0) && !SOURCE_CONNECTORS.has(t0.norm))) return undefined;
  let b = first;
  while (b < unit.b && b - first < MAX_SOURCE_TOKENS && !inQuotes(tokens[b], quotes)) {
    const t = tokens[b];
    // "Alliance to Reclaim Our Schools": "to" and a capitalised verb after a capitalised word are inside a name
    // ("said Trump to Obama" is not: a name after "to" is an addressee).
    const inName = t.norm === "to" && b > first && isCapitalized(tokens[b - 1]) && !!tokens[b + 1] && isCapitalized(tokens[b + 1]) && tokens[b + 1].pos === "VERB";
    if (inName) {
      b++;
      while (b < unit.b && isCapitalized(tokens[b])) b++;
      continue;
    }
    if (b > first && (RIGHT_SOURCE_STOPS.has(t.norm) || (SENTENCE_FINAL.has(t.text) && !innerDot(tokens, b)))) break;
    // "on Thursday", "in a statement" end the source; "on the Middle East issue" does not.
    if (b > first && (t.norm === "on" || t.norm === "in") && tokens[b + 1] && (TEMPORAL_HEADS.has(tokens[b + 1].norm) || tokens[b + 1].pos === "NUM" || /^(a|an|his|her|their|its)$/.test(tokens[b + 1].norm))) break;
    if (!npToken(t) && !(t.pos === "PRON" && /^(his|her|their|its)$/.test(t.norm)) && !(b > first && (t.norm === "on" || t.norm === "in"))) break;
    b++;
  }
  while (b > first && ((SOURCE_CONNECTORS.has(tokens[b - 1].norm) && tokens[b - 1].text !== ")") || tokens[b - 1].norm === "on" || tokens[b - 1].norm === "in")) b--;
  if (b === first) return undefined;
  // ", who heads ..." / ", the chief executive of ..." belongs to the source.
  // ", head of the Congressional Black Caucus." too: a role noun with its organisation.
  const roleAppositive = !!tokens[b + 1] && ((ROLE_NOUNS.has(tokens[b + 1].norm) && !isCapitalized(tokens[b + 1]) && /^(of|at|for)$/.test(tokens[b + 2]?.norm ?? "")) || appositiveToEnd(tokens, unit, b + 1, quotes));
  if (tokens[b]?.text === "," && (/^(who|whose|a|an|the)$/.test(tokens[b + 1]?.norm ?? "") || roleAppositive)) {
    let e = b + 1;
    while (e < unit.b && tokens[e].text !== "," && !SENTENCE_FINAL.has(tokens[e].text) && !inQuotes(tokens[e], quotes)) e++;
    const relative = tokens[b + 1].norm === "who" || tokens[b + 1].norm === "whose";
    if (e < unit.b && tokens[e].text === "," && !relative) e++;
    // "according to Ham, the current administration has ...": an unclosed "the ..." is the content, not an appositive.
    b = e;
    while (b > first && tokens[b - 1].text !== "," && SENTENCE_FINAL.has(tokens[b - 1].text)) b--;
    // "said Peter Morgan, a lawyer for the Sierra Club, who has been challenging ...": a relative clause after the
    // appositive describes the speaker too.
    if (!relative && tokens[b - 1]?.text === "," && /^(who|whose)$/.test(tokens[b]?.norm ?? "")) {
      let r = b;
      while (r < unit.b && tokens[r].text !== "," && !(SENTENCE_FINAL.has(tokens[r].text) && !innerDot(tokens, r)) && !inQuotes(tokens[r], quotes)) r++;
      b = r;
    }
  }
  return [first, b];
}

/**
 * ", executive director of the Arms Control Association.", ", now a consultant on Burma in the private sector.": a
 * verbless noun phrase from token i to the end of the sentence, after an inverted cue's name, describes the speaker.
 */
function appositiveToEnd(tokens: readonly Token[], unit: Unit, i: number, quotes: readonly QuoteSpan[]): boolean {
  let head = false;
  for (let k = i; k < unit.b && k - i <= MAX_APPOSITIVE_TOKENS; k++) {
    const t = tokens[k];
    if (SENTENCE_FINAL.has(t.text) && !innerDot(tokens, k)) return head && k > i + 1;
    if (inQuotes(t, quotes) || OPEN_MARKS.has(t.text) || t.text === ",") return false;
    if (t.pos === "NOUN" || t.pos === "PROPN") head = true;
    else if (!(npToken(t) || t.pos === "ADP" || t.norm === "and" || POSSESSIVES.has(t.norm) || (k === i && t.norm === "now"))) return false;
  }
  return false;
}

/** The subject before a comma-closed relative clause that ends at `comma` (", which ...,", ", who ...,"). */
function subjectBeforeRelative(tokens: readonly Token[], unit: Unit, comma: number): [number, number] | undefined {
  for (let k = comma - 1; k > unit.a; k--) {
    if (tokens[k].text === "," && /^(which|who|whose)$/.test(tokens[k + 1]?.norm ?? "")) return sourceLeft(tokens, unit, k - 1, []);
  }
  return undefined;
}

/**
 * The subject of the clause that ends at token `end` (exclusive): the noun phrase before its first verb outside
 * quotation marks (with `pastSubjectless`, before its first verb that has one).
 */
function clauseSubject(tokens: readonly Token[], unit: Unit, end: number, quotes: readonly QuoteSpan[] = [], pastSubjectless = false): [number, number] | undefined {
  for (let k = unit.a; k < end; k++) {
    // A verb inside quotation marks belongs to the quote, not to the writer's clause ("“We pay,” he said, adding ...").
    if (quotes.length && inQuotes(tokens[k], quotes)) continue;
    if (tokens[k].pos === "VERB" || tokens[k].pos === "AUX") {
      let j = k - 1;
      while (j >= unit.a && (tokens[j].pos === "ADV" || tokens[j].pos === "AUX" || tokens[j].pos === "PART")) j--;
      const subject = j >= unit.a ? sourceLeft(tokens, unit, j, []) : undefined;
      // pastSubjectless: a verb with no subject before it opens a phrase ("Chastened by ..., Trump revised"); go on.
      if (subject || !pastSubjectless) return subject;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Contents
// ---------------------------------------------------------------------------------------------------------------

function inQuotes(tok: Token, quotes: readonly QuoteSpan[]): boolean {
  return quotes.some((q) => q.start < tok.start && tok.end < q.end);
}

function isOpenQuoteAt(_text: string, off: number, quotes: readonly QuoteSpan[]): boolean {
  return off >= 0 && quotes.some((q) => q.start === off);
}

/** Skips the addressee of "told": a noun phrase (with a comma-closed appositive) before the content. */
function skipAddressee(text: string, tokens: readonly Token[], unit: Unit, k: number, quotes: readonly QuoteSpan[]): number {
  // "told an invited crowd at the Union League club that ...": a longer addressee with prepositions and participles,
  // taken only when a that-clause or a quotation follows it.
  const long = longAddressee(tokens, unit, k, quotes);
  if (long > k) return long;
  let e = k;
  while (e < unit.b && e - k < MAX_ADDRESSEE_TOKENS && tokens[e].text !== ".") {
    const t = tokens[e];
    // A programme's quoted name inside the addressee ("told MSNBC’s “Morning Joe” on Friday that ...").
    const title = e > k ? quotes.find((q) => q.start === t.start) : undefined;
    if (title && title.end - title.start <= MAX_TITLE_CHARS && !/[,.!?]\s*[”"']*$/.test(text.slice(title.start, title.end))) {
      while (e < unit.b && tokens[e].start < title.end) e++;
      continue;
    }
    if (!(npToken(t) || (t.pos === "PRON" && t.norm !== "that")) || CONTENT_OPENERS.has(t.norm) || inQuotes(t, quotes)) break;
    // A subject pronoun after the addressee starts the reported clause ("told voters this week he would ...").
    if (e > k && /^(he|she|they|we|i)$/.test(t.norm)) break;
    e++;
  }
  if (e === k) return k;
  const next = tokens[e];
  // Skip the addressee only when content of its own follows ("told X that ...", "told X: ...", "told X, “...”").
  if (!next || CONTENT_OPENERS.has(next.norm) || next.text === ":" || next.text === "," || SENTENCE_FINAL.has(next.text) || OPEN_MARKS.has(next.text)) return next?.text === ":" ? e + 1 : e;
  // "told African-Americans this weekend he would ...": a clause with a subject pronoun of its own follows.
  if (e + 1 < unit.b && /^(he|she|they|it|we|i)$/.test(next.norm) && (tokens[e + 1].pos === "VERB" || tokens[e + 1].pos === "AUX")) return e;
  return skipAdjunct(tokens, unit, e) !== e ? skipAdjunct(tokens, unit, e) : k;
}

/** Longest addressee with prepositional phrases read before a that-clause or quotation, in tokens. */
const MAX_LONG_ADDRESSEE_TOKENS = 14;

/**
 * The end of an addressee noun phrase with prepositions and participles ("an invited crowd at Philadelphia's Union
 * League club", "one of his young protegés on a regular basis") when "that" follows it, else k.
 */
function longAddressee(tokens: readonly Token[], unit: Unit, k: number, quotes: readonly QuoteSpan[]): number {
  let e = k;
  let preposition = false;
  for (; e < unit.b && e - k < MAX_LONG_ADDRESSEE_TOKENS && tokens[e].norm !== "that"; e++) {
    const t = tokens[e];
    if (OPEN_MARKS.has(t.text) || inQuotes(t, quotes)) return k;
    if (e > k && t.pos === "ADP" && t.norm !== "to" && !CONTENT_OPENERS.has(t.norm)) preposition = true;
    else if (!(npToken(t) || POSSESSIVES.has(t.norm) || (t.pos === "PRON" && e === k) || (e > k && t.pos === "VERB" && /ed$/.test(t.norm) && /^(a|an|the)$/.test(tokens[e - 1].norm)))) return k;
  }
  // Only a phrase with a preposition: a plain noun phrase is the simple addressee's.
  return preposition && e > k && e < unit.b && tokens[e].norm === "that" ? e : k;
}

/** Skips a short prepositional adjunct ("in the meeting", "on Thursday") when a that-clause or quote follows it. */
function skipAdjunct(tokens: readonly Token[], unit: Unit, k: number): number {
  const t = tokens[k];
  if (!t || !((t.pos === "ADP" && t.norm !== "that") || TEMPORAL_HEADS.has(t.norm))) return k;
  for (let e = k + 1; e < unit.b && e - k <= MAX_ADJUNCT_TOKENS; e++) {
    const x = tokens[e];
    if (CONTENT_OPENERS.has(x.norm)) return e;
    if (x.text === "," && tokens[e + 1] && (OPEN_MARKS.has(tokens[e + 1].text) || tokens[e + 1].norm === "that")) return e + 1;
    // "said after the convention he would ...", "decided after a long investigation not to ...": a clause or an
    // infinitive right after the adjunct's noun.
    if (e > k + 1 && ["NOUN", "PROPN"].includes(tokens[e - 1].pos) && tokens[e + 1] && (
      (/^(he|she|they|we|i)$/.test(x.norm) && (tokens[e + 1].pos === "VERB" || tokens[e + 1].pos === "AUX")) ||
      (x.norm === "not" && tokens[e + 1].norm === "to") || (x.norm === "to" && tokens[e + 1].pos === "VERB"))) return e;
    // "at a campaign stop": an occasion noun the tagger read as a verb.
    if (!(npToken(x) || x.pos === "ADP" || x.text === "," || POSSESSIVES.has(x.norm) || OCCASION_NOUNS.has(x.norm))) return k;
  }
  return k;
}

/** Content that starts at token k and runs to the end of the clause (or of the quote that opens it). */
function contentAfter(text: string, tokens: readonly Token[], unit: Unit, k: number, quotes: readonly QuoteSpan[], base: string, cueTok?: Token): [number, number] | undefined {
  if (k >= unit.b) return undefined;
  if (tokens[k].text === "," || tokens[k].text === ":") k++;
  if (k >= unit.b) return undefined;
  const q = quotes.find((x) => x.start === tokens[k].start);
  if (q && q.end >= unit.end - 1) {
    let e = k;
    while (e < tokens.length && tokens[e].end <= q.end) e++;
    return [k, e];
  }
  if (q) {
    // A quote followed by more of the sentence: the quote alone when a new clause follows, else up to the clause end.
    let e = k;
    while (e < tokens.length && tokens[e].end <= q.end) e++;
    if (e < unit.b && (tokens[e].text === "," || SENTENCE_FINAL.has(tokens[e].text) || tokens[e].pos === "ADP")) return [k, e];
  }
  // "endorsed Clinton in a statement on Thursday": the object of a stance verb ends before a time or occasion adjunct.
  const objectContent = !!cueTok && (OBJECT_CUES.has(cueTok.norm) || !!learnedCue(cueTok)) && !STRONG_CUES.has(cueTok.norm) && !CONTENT_OPENERS.has(tokens[k].norm) && tokens[k].norm !== "to" && !q;
  const fronted = inFrontedClause(tokens, unit, k);
  const relative = inInsertedRelative(tokens, unit, k);
  let e = k;
  let npObject = false;
  while (e < unit.b) {
    const t = tokens[e];
    const quoted = inQuotes(t, quotes);
    if (objectContent && e > k && !quoted && startsAdjunct(tokens, e)) break;
    // "touted her deep ties to black churches while at the convention": a noun-phrase object of any cue verb ends
    // there too (a reported clause, with a verb of its own, keeps its adjuncts).
    // "predicts a tightening race as Trump consolidates ...": so does a subordinate clause with a subject of its own.
    const subordinate = SUBORDINATORS.has(t.norm) && subjectThenVerb(tokens, e + 1);
    if (!objectContent && e > k && !q && (subordinate || startsAdjunct(tokens, e)) && !quoted && nounPhraseOnly(tokens, k, e, quotes)) {
      npObject = true;
      break;
    }
    // "that, if elected, he'd ...": a comma right after the opener starts an inserted phrase, not a new clause.
    if (!quoted && e > k && !(e === k + 1 && CONTENT_OPENERS.has(tokens[k].norm)) && t.text === "," && tokens[e + 1] && startsNewClause(tokens, e + 1)) break;
    // "While Democrats worried about X, Obama is rolling out ...": in a fronted subordinate clause, the content ends
    // at the comma where the main clause (its own subject and verb) begins.
    if (fronted && !quoted && e > k && t.text === "," && mainClauseAt(tokens, e + 1)) break;
    // "Obama, who understood that a push would fail, told his advisers ...": a relative clause between a subject and
    // its verb ends at the comma before that verb.
    if (relative && !quoted && e > k && t.text === "," && tokens[e + 1] && (tokens[e + 1].pos === "VERB" || tokens[e + 1].pos === "AUX") && !/ing$/.test(tokens[e + 1].norm)) break;
    // "opposed all actions that harm civilians, Zhai expressed China's position": a clause of its own whose verb is a
    // speech cue attributes what comes before it; it is no part of this content.
    if (!quoted && e > k + 1 && t.text === "," && speechClauseAt(tokens, e + 1)) break;
    if (!quoted && e > k && t.norm === "and" && tokens[e + 1]?.pos === "VERB" && sameVerbForm(tokens[e + 1], cueTok)) break;
    // "said it's too early ... but noted that ...", "urges her husband to come out and repeatedly says ...": a second
    // predicate of the cue's subject (no comma before it) ends the content.
    if (!quoted && e > k + 1 && /^(and|but)$/.test(t.norm) && tokens[e - 1].text !== "," && secondPredicate(tokens, e + 1, cueTok)) break;
    if (!quoted && e > k && t.text === ";") break;
    // "ruled that the claim is “true,” but ...": a clause cut after a comma inside a closing quotation mark.
    if (e > k + 1 && tokens[e - 1].text === "," && quotes.some((x) => x.end === t.end && x.start < t.start) && tokens[e + 1] && e + 1 < unit.b && startsNewClause(tokens, e + 1)) {
      e++;
      break;
    }
    // "open more land to drilling ― probably not what Graham had in mind": a dash aside that runs to the end of the
    // sentence, or one whose closing dash does not lead back into the clause, is left out.
    if (DASH_TOKENS.has(t.text) && e > k + 1 && !quoted) {
      const closing = resumesAfterDash(tokens, unit, e, quotes);
      if (closing < 0) break;
      // The clause goes on after the closing dash: read on from there (the aside and its dashes stay in).
      e = closing + 1;
      continue;
    }
    // A relative ", which ..." ends a noun-phrase or infinitive content; a that-clause keeps one whose "which" is the
    // subject (PolNeAR reads it as part of the statement: "warned that X was losing leverage over the military, which
    // retains power"), not one with a subject of its own ("..., which the court has put on hold").
    if (!quoted && e > k + 1 && t.text === "," && /^(which|whose)$/.test(tokens[e + 1]?.norm ?? "") && !(tokens[k].norm === "that" && relativeSubject(tokens, e + 1))) break;
    if (!quoted && e > k + 1 && t.text === "," && finalAppositive(tokens, unit, e + 1, quotes)) break;
    // ", implicitly putting his name on the line", ", in effect daring him to ...": a participle phrase after a comma
    // is the writer's comment on the report, not part of it.
    if (!quoted && e > k + 1 && t.text === "," && participleComment(tokens, unit, e + 1, quotes)) break;
    // "polls show a close contest in the state, where 18 votes are up for grabs": a relative "where" about the place
    // of a noun-phrase object is the writer's.
    if (!quoted && e > k + 1 && t.text === "," && tokens[e + 1]?.norm === "where" && nounPhraseOnly(tokens, k, e, quotes)) break;
    e++;
  }
  const end = trimEnd(text, tokens, k, e, quotes);
  // A stance verb's object may be one word ("endorsed Clinton on Friday"); a reported clause may not.
  const oneWordObject = (objectContent || npObject) && end === k + 1 && ["PROPN", "NOUN", "PRON"].includes(tokens[k].pos);
  if (end - k < MIN_REPORTED_CONTENT_TOKENS && !oneWordObject && !quotes.some((x) => x.start === tokens[k].start) && base !== "according") return undefined;
  return end > k ? [k, end] : undefined;
}

/**
 * "that Trump — even as he says ... — has proposed little", "chose Shriver — a member of the clan — to replace ...":
 * the index of the dash that closes the aside opened by the dash at `d` when the clause goes on after it (a verb, an
 * auxiliary or an infinitive), else -1.
 */
function resumesAfterDash(tokens: readonly Token[], unit: Unit, d: number, quotes: readonly QuoteSpan[]): number {
  for (let e = d + 1; e < unit.b; e++) {
    if (DASH_TOKENS.has(tokens[e].text) && !inQuotes(tokens[e], quotes)) {
      const next = tokens[e + 1];
      const resumes = !!next && e + 1 < unit.b && (next.pos === "VERB" || next.pos === "AUX" || (next.pos === "ADV" && ["VERB", "AUX"].includes(tokens[e + 2]?.pos ?? "")) ||
        (next.norm === "to" && tokens[e + 2]?.pos === "VERB"));
      return resumes ? e : -1;
    }
  }
  return -1;
}

/** Words that open a fronted subordinate clause or participle phrase ("While ...", "Asked about ...", "Knowing ..."). */
const FRONTED_OPENERS = new Set(["while", "as", "after", "before", "although", "though", "when", "if", "because", "since", "despite", "even", "whether", "once", "until", "unless", "with"]);

/**
 * Is token k (a content start) inside a subordinate clause or participle phrase that comes before its main clause, with
 * no comma before k? The clause opens the sentence ("While Democrats worried about ..., X did ...", "Asked about ...,
 * X said ...") or a that-clause ("is that once he has said his piece, he is ready ...").
 */
function inFrontedClause(tokens: readonly Token[], unit: Unit, k: number): boolean {
  for (let j = k - 1; j >= unit.a; j--) {
    const t = tokens[j];
    if (t.text === "," || SENTENCE_FINAL.has(t.text)) return false;
    const opener = FRONTED_OPENERS.has(t.norm) || (t.pos === "VERB" && /(ing|ed)$/.test(t.norm) && t.norm !== "according");
    if (!opener) continue;
    let a = unit.a;
    while (a < j && (OPEN_MARKS.has(tokens[a].text) || /^(and|but|so)$/.test(tokens[a].norm))) a++;
    if (a === j || (FRONTED_OPENERS.has(t.norm) && tokens[j - 1]?.norm === "that")) return true;
  }
  return false;
}

/** Is token k inside a comma-opened relative clause (", who understood ...") with no comma between them? */
function inInsertedRelative(tokens: readonly Token[], unit: Unit, k: number): boolean {
  for (let j = k - 1; j > unit.a; j--) {
    const t = tokens[j];
    if (t.text === "," || SENTENCE_FINAL.has(t.text)) return false;
    if (/^(who|which)$/.test(t.norm)) return tokens[j - 1].text === ",";
  }
  return false;
}

/** A subject (a pronoun or short noun phrase), an optional adverb, then a finite verb or auxiliary, from token i. */
function mainClauseAt(tokens: readonly Token[], i: number): boolean {
  if (subjectThenVerb(tokens, i)) return true;
  // "Ham also noted": skip one adverb between a one- or two-word subject and its verb.
  for (let n = 1; n <= 2; n++) {
    const adv = tokens[i + n];
    if (!adv || adv.pos !== "ADV" || !tokens.slice(i, i + n).every((t) => t.pos === "PROPN" || t.pos === "PRON")) continue;
    const v = tokens[i + n + 1];
    if (v && (v.pos === "AUX" || (v.pos === "VERB" && !/ing$/.test(v.norm)))) return true;
  }
  return false;
}

/** Adverbial lead-ins before a comment participle ("in effect daring", "thereby forcing"). */
const COMMENT_LEADS = new Set(["implicitly", "thereby", "effectively", "apparently", "perhaps", "essentially", "again", "also", "even"]);

/**
 * ", implicitly putting his name on the line", ", in effect daring him": does a participle phrase (an -ing verb after
 * a commenting adverb or "in effect") start at token i and run, outside quotation marks, to the sentence end?
 */
function participleComment(tokens: readonly Token[], unit: Unit, i: number, quotes: readonly QuoteSpan[]): boolean {
  let j = i;
  if (tokens[j]?.norm === "in" && tokens[j + 1]?.norm === "effect") j += 2;
  else if (tokens[j] && COMMENT_LEADS.has(tokens[j].norm)) j++;
  // A bare participle often continues the report in PolNeAR ("said it would help, creating jobs"): only a marked comment ends it.
  if (j === i) return false;
  const v = tokens[j];
  // After an explicit lead, an -ing word is the participle whatever the tagger made of it ("daring").
  if (!v || j >= unit.b || !/^\p{L}+ing$/u.test(v.norm) || inQuotes(v, quotes)) return false;
  for (let e = j; e < unit.b; e++) if (inQuotes(tokens[e], quotes)) return false;
  return true;
}

/**
 * ", the presumed Putin favorite.", ", a key factor driving the economy.": does a verbless noun phrase that comments on
 * the last noun (an appositive, a relative or participle of its own allowed after its head) run from token i to the
 * end of the sentence? PolNeAR leaves such a writer's gloss out of the content.
 */
function finalAppositive(tokens: readonly Token[], unit: Unit, i: number, quotes: readonly QuoteSpan[]): boolean {
  // After a name, the appositive says who the person is ("Terence Crutcher, a 40-year-old unarmed man"): kept.
  if (i >= unit.b || !/^(a|an|the)$/.test(tokens[i].norm) || inQuotes(tokens[i], quotes) || tokens[i - 2]?.pos === "PROPN") return false;
  let modifier = false;
  for (let j = i + 1; j < unit.b; j++) {
    const t = tokens[j];
    if (SENTENCE_FINAL.has(t.text) && !innerDot(tokens, j)) return j + 1 >= unit.b || CLOSE_MARKS.has(tokens[j + 1]?.text ?? "");
    // A coordination ("tax fairness, the closure of loopholes that ... and relief") makes a list, not an appositive.
    if (t.pos === "CCONJ" || inQuotes(t, quotes)) return false;
    if (RELATIVE_OPENERS.has(t.norm) || t.norm === "that" || (t.pos === "VERB" && /ing$/.test(t.norm))) modifier = true;
    // A verb before any relative or participle makes a clause ("..., the footage showed."), not an appositive.
    if (!modifier && (t.text === "," || t.pos === "AUX" || t.pos === "VERB")) return false;
  }
  return true;
}

/** "which retains ...", "which, even today, inflame ...": is the "which" at i the subject of its clause (a verb follows)? */
function relativeSubject(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return !!next && tokens[i].norm === "which" && (next.pos === "VERB" || next.pos === "AUX" || next.text === "," || (next.pos === "ADV" && ["VERB", "AUX"].includes(tokens[i + 2]?.pos ?? "")));
}

/** Conjunctions that open a subordinate clause ending a noun-phrase object ("a tightening race as Trump gains"). */
const SUBORDINATORS = new Set(["as", "while", "because", "after", "before", "since", "although"]);

/** Are tokens [a, e) a noun phrase (no verb or auxiliary outside quotation marks, a relative clause or a participle)? */
function nounPhraseOnly(tokens: readonly Token[], a: number, e: number, quotes: readonly QuoteSpan[]): boolean {
  // "that argument": a demonstrative before a noun (and no verb after it) opens a noun phrase, not a clause.
  const demonstrative = tokens[a].norm === "that" && a + 1 < e && tokens[a + 1].pos === "NOUN" && !["VERB", "AUX"].includes(tokens[a + 2]?.pos ?? "");
  if ((CONTENT_OPENERS.has(tokens[a].norm) && !demonstrative) || tokens[a].norm === "to") return false;
  let relative = false;
  for (let i = a; i < e; i++) {
    const t = tokens[i];
    // "her support of the raid that killed bin Laden": a relative clause or a participle inside the noun phrase.
    if (i > a && /^(that|which|who)$/.test(t.norm)) relative = true;
    // "the Affordable Care Act": a capitalised word of a name the tagger read as a verb.
    if ((t.pos === "VERB" || t.pos === "AUX") && !relative && !(i > a && t.pos === "VERB" && /(ing|ed)$/.test(t.norm) && tokens[i - 1].pos === "NOUN") && !(i > a && misTaggedName(t)) && !inQuotes(t, quotes)) return false;
  }
  return true;
}

/**
 * Does token i open a time or occasion adjunct ("during the debate", "since Monday", "on Thursday", "in a statement",
 * "at a rally")?
 */
function startsAdjunct(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (ADJUNCT_PREPOSITIONS.has(t.norm)) return true;
  if (!/^(in|on|at)$/.test(t.norm)) return false;
  const n = tokens[i + 1];
  if (!n) return false;
  if (TEMPORAL_HEADS.has(n.norm) || (n.pos === "NUM" && /^\d{4}$/.test(n.text))) return true;
  const head = /^(a|an|the|his|her|their|its|our)$/.test(n.norm) ? tokens[i + 2] : undefined;
  return !!head && (OCCASION_NOUNS.has(head.norm) || TEMPORAL_HEADS.has(head.norm) || (tokens[i + 3] && OCCASION_NOUNS.has(tokens[i + 3].norm) && head.pos === "ADJ") === true);
}

/**
 * The index of the comma that closes a short verbless adjunct starting at k ("then,", "earlier in the hearing,",
 * "on Friday,"), or -1.
 */
function commaClosedAdjunct(tokens: readonly Token[], unit: Unit, k: number, quotes: readonly QuoteSpan[]): number {
  for (let e = k; e < unit.b && e - k <= MAX_ADJUNCT_TOKENS; e++) {
    const t = tokens[e];
    if (t.text === ",") return e > k ? e : -1;
    if (t.pos === "VERB" || t.pos === "AUX" || SENTENCE_FINAL.has(t.text) || CONTENT_OPENERS.has(t.norm) || quotes.some((q) => q.start === t.start)) return -1;
    if (!(t.pos === "ADV" || t.pos === "ADP" || npToken(t) || POSSESSIVES.has(t.norm))) return -1;
  }
  return -1;
}

/** Longest occasion adjunct read into a cue ("in an interview with CNN’s Wolf Blitzer"), in tokens. */
const MAX_OCCASION_TOKENS = 10;

/**
 * The end (exclusive) of an occasion adjunct that starts at token k ("in an interview", "during a rally in Kenansville")
 * and runs to the end of the sentence, or undefined.
 */
function occasionToEnd(tokens: readonly Token[], unit: Unit, k: number, quotes: readonly QuoteSpan[]): number | undefined {
  const t = tokens[k];
  if (!t || k >= unit.b || !/^(in|at|during)$/.test(t.norm) || inQuotes(t, quotes)) return undefined;
  let e = k + 1;
  let occasion = false;
  for (; e < unit.b && e - k <= MAX_OCCASION_TOKENS; e++) {
    const x = tokens[e];
    if (OCCASION_NOUNS.has(x.norm)) occasion = true;
    if ((SENTENCE_FINAL.has(x.text) && !innerDot(tokens, e)) || x.text === ",") break;
    if (!(npToken(x) || x.pos === "ADP" || POSSESSIVES.has(x.norm) || TEMPORAL_HEADS.has(x.norm)) || CONTENT_OPENERS.has(x.norm) || inQuotes(x, quotes) || OPEN_MARKS.has(x.text)) return undefined;
  }
  if (!occasion || e >= unit.b || e - k > MAX_OCCASION_TOKENS) return undefined;
  // A comma may only close it before a quotation or the end ("said during a rally, “...”").
  if (tokens[e].text === "," && !(e + 1 >= unit.b || OPEN_MARKS.has(tokens[e + 1].text))) return undefined;
  return e;
}

/** Does a time phrase run from token k to the end of the sentence ("last month.", "earlier this week.")? */
function timeToEnd(tokens: readonly Token[], unit: Unit, k: number, quotes: readonly QuoteSpan[]): boolean {
  let e = k;
  let head = false;
  for (; e < unit.b && (TIME_MODIFIERS.has(tokens[e].norm) || TEMPORAL_HEADS.has(tokens[e].norm)); e++) if (TEMPORAL_HEADS.has(tokens[e].norm)) head = true;
  return head && e > k && (e >= unit.b || (SENTENCE_FINAL.has(tokens[e].text) && !inQuotes(tokens[e], quotes)) || tokens[e].text === ",");
}

/** True when the adjunct at k runs into a clause (a verb) before the sentence ends: "said on Friday the plan is dead". */
function reachesClause(tokens: readonly Token[], unit: Unit, k: number): boolean {
  for (let e = k; e < unit.b && e - k <= MAX_ADJUNCT_TOKENS; e++) {
    const t = tokens[e];
    if (t.pos === "VERB" || t.pos === "AUX") return true;
    if (t.text === "," || SENTENCE_FINAL.has(t.text) || OPEN_MARKS.has(t.text)) return false;
  }
  return false;
}

/** After a comma inside a reported clause: does a new clause start here (", according to", ", though", ", who")? */
function startsNewClause(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  // PolNeAR keeps subordinate clauses (", because ...", ", if ...", ", even as ...", ", while ...") in the content and
  // ends it before a concessive or contrasting clause (", though ...", ", but ...").
  if (CONTENT_CUTS.has(t.norm) || CLAUSE_CUTS.has(t.norm)) return true;
  if (t.pos === "VERB" && /ing$/.test(t.norm) && !PREPOSITIONAL_PARTICIPLES.has(t.norm)) return true;
  // ", and has called for ...": a second predicate of the speaker, with its auxiliary.
  if (t.norm === "and" && (tokens[i + 1]?.pos === "VERB" || (tokens[i + 1]?.pos === "AUX" && tokens[i + 2]?.pos === "VERB"))) return true;
  // ", and Hillary Clinton is promising ...", ", but human rights groups warned ...": a coordinated clause with a
  // subject of its own.
  return /^(and|but)$/.test(t.norm) && subjectThenVerb(tokens, i + 1);
}

/** Participles that work as prepositions (", including ..."): they extend a noun of the clause, never open a new one. */
const PREPOSITIONAL_PARTICIPLES = new Set(["including", "excluding", "regarding", "concerning"]);

/** Longest subject noun phrase read before the verb of a coordinated clause, in tokens. */
const MAX_COORDINATED_SUBJECT_TOKENS = 6;

/** Does a subject (a name or a pronoun) followed directly by a past-tense speech cue start at token i ("Zhai expressed", "he said")? */
function speechClauseAt(tokens: readonly Token[], i: number): boolean {
  let k = i;
  if (tokens[k]?.pos === "PRON" && /^(he|she|they|we)$/.test(tokens[k].norm)) k++;
  else while (k < tokens.length && k - i < MAX_COORDINATED_SUBJECT_TOKENS && tokens[k].pos === "PROPN") k++;
  const v = tokens[k];
  return k > i && !!v && v.pos === "VERB" && /ed$|^said$|^told$/.test(v.norm) && isCueWord(v.norm);
}

/** Does a subject (a pronoun or a short noun phrase) followed by a finite verb or auxiliary start at token i? */
function subjectThenVerb(tokens: readonly Token[], i: number): boolean {
  const first = tokens[i];
  if (!first) return false;
  if (first.pos === "PRON" && /^(he|she|they|we|i|it|you|that|this)$/.test(first.norm)) return tokens[i + 1]?.pos === "VERB" || tokens[i + 1]?.pos === "AUX";
  let k = i;
  while (k < tokens.length && k - i < MAX_COORDINATED_SUBJECT_TOKENS && (npToken(tokens[k]) || POSSESSIVES.has(tokens[k].norm)) && tokens[k].text !== "." ) k++;
  if (k === i || k >= tokens.length) return false;
  const v = tokens[k];
  return (v.pos === "AUX" || (v.pos === "VERB" && !/ing$/.test(v.norm))) && ["NOUN", "PROPN", "PRON"].includes(tokens[k - 1].pos);
}

/**
 * "but noted", "and has since left", "and then purged": from token i, adverbs then a finite verb in the cue's form, or
 * an auxiliary in the cue's form (or before a speech verb) and its verb.
 */
function secondPredicate(tokens: readonly Token[], i: number, cue: Token | undefined): boolean {
  let j = i;
  while (tokens[j]?.pos === "ADV") j++;
  const v = tokens[j];
  if (!v) return false;
  if (v.pos !== "AUX") return v.pos === "VERB" && sameVerbForm(v, cue);
  let w = j + 1;
  while (tokens[w] && (tokens[w].pos === "ADV" || tokens[w].pos === "PART")) w++;
  return tokens[w]?.pos === "VERB" && (sameVerbForm(v, cue) || STRONG_CUES.has(tokens[w].norm));
}

/** "tweeted that ... and encouraged ...": a second verb of the speaker in the cue's tense ends the content. */
function sameVerbForm(verb: Token, cue: Token | undefined): boolean {
  if (!cue) return false;
  if (STRONG_CUES.has(verb.norm)) return true;
  const past = (w: string) => /ed$/.test(w) || w === "said" || w === "told";
  return (past(verb.norm) && past(cue.norm)) || (/[^s]s$/.test(verb.norm) && /[^s]s$/.test(cue.norm));
}

/** Content that ends just before the comma (or closing mark) before token `cueOrSource`. */
function contentBefore(text: string, tokens: readonly Token[], unit: Unit, cueOrSource: number, quotes: readonly QuoteSpan[]): [number, number] | undefined {
  let e = cueOrSource;
  const closing = quotes.find((q) => q.end === tokens[e - 1]?.end || (tokens[e - 1]?.text === "," && q.end === tokens[e - 2]?.end));
  if (closing) {
    if (tokens[e - 1].text === "," && tokens[e - 1].start >= closing.end) e--;
    // A quote followed by its cue: from the sentence start (a lead-in is part of it, as in PolNeAR), or from where
    // the quote opened if that was in an earlier sentence.
    let a = unit.a;
    while (a > 0 && tokens[a - 1].start >= closing.start) a--;
    // "As for complexity, ''...'' said X": a verbless lead-in phrase closed by a comma stays out.
    const open = tokens.findIndex((t) => t.start === closing.start);
    if (open > a + 1 && tokens[open - 1].text === "," && !tokens.slice(a, open).some((t) => t.pos === "VERB" || t.pos === "AUX" || t.text === "“" || t.text === "\"")) a = open;
    return [skipDateline(tokens, a, e), e];
  }
  if (tokens[e - 1]?.text === ",") e--;
  // Leading conjunctions stay in the content (PolNeAR keeps "But ...").
  if (e - unit.a < MIN_REPORTED_CONTENT_TOKENS) return undefined;
  return [skipConnective(tokens, skipDateline(tokens, unit.a, e), e), e];
}

/** Sentence connectives of two words that PolNeAR leaves out of a content that follows them. */
const TWO_WORD_CONNECTIVES = new Set(["in addition", "in fact", "of course", "for example", "for instance", "by contrast", "in contrast"]);

/**
 * "However, slower growth ...", "In addition, the campaign plans ...": the writer's connective and its comma at the
 * start of a content before its cue are not part of it ("Well," of a speaker in a transcript is, and stays).
 */
function skipConnective(tokens: readonly Token[], a: number, e: number): number {
  const t = tokens[a];
  if (a + 3 < e && t.pos === "ADV" && isCapitalized(t) && t.norm !== "well" && tokens[a + 1].text === ",") return a + 2;
  if (a + 4 < e && tokens[a + 2].text === "," && TWO_WORD_CONNECTIVES.has(`${t.norm} ${tokens[a + 1].norm}`)) return a + 3;
  return a;
}

/** "WASHINGTON ― Donald Trump’s ...": a dateline (capitals and a dash) before a content is not part of it. */
function skipDateline(tokens: readonly Token[], a: number, e: number): number {
  let k = a;
  while (k < e && k - a < 4 && /^[A-Z][A-Z.,]+$/.test(tokens[k].text)) k++;
  return k > a && k + 1 < e && DASH_TOKENS.has(tokens[k].text) ? k + 1 : a;
}

/** `“A,” he said, “B.”`: widens the content over a quote right after the source/cue. */
function widenAfterSource(text: string, tokens: readonly Token[], unit: Unit, from: number, content: [number, number], quotes: readonly QuoteSpan[]): [number, number] {
  let k = from;
  if (tokens[k]?.text === ",") k++;
  // “A,” he said, but “B.” / “A,” Tester said, referring to the excuse, “B.”: a quote broken off at a comma goes on
  // after a conjunction or a short participle phrase.
  const broken = /,\s*[”"'’]+$/.test(text.slice(tokens[content[0]].start, tokens[content[1] - 1].end));
  if (broken && k < unit.b && /^(but|and)$/.test(tokens[k].norm) && isOpenQuoteAt(text, tokens[k + 1]?.start ?? -1, quotes)) k++;
  // ("..., adding later, “...”" is an attribution of its own: its cue is a speech verb.)
  else if (broken && k < unit.b && tokens[k].pos === "VERB" && /ing$/.test(tokens[k].norm) && !CONTENT_CUTS.has(tokens[k].norm)) {
    let e = k + 1;
    while (e < unit.b && e - k <= MAX_ADJUNCT_TOKENS && tokens[e].text !== "," && !SENTENCE_FINAL.has(tokens[e].text) && !OPEN_MARKS.has(tokens[e].text)) e++;
    if (tokens[e]?.text === "," && isOpenQuoteAt(text, tokens[e + 1]?.start ?? -1, quotes)) k = e + 1;
  }
  const q = k < unit.b ? quotes.find((x) => x.start === tokens[k].start) : undefined;
  if (!q) return content;
  let e = k;
  while (e < tokens.length && tokens[e].end <= q.end) e++;
  return [content[0], e];
}

/** `“A,” he said. “B.”`: a following sentence that is only a quote continues the content. */
function widenOverFollowingQuotes(text: string, tokens: readonly Token[], units: readonly Unit[], u: number, f: Found, quotes: readonly QuoteSpan[]): void {
  // The content opens with a quotation, or ends with one ("Both parties “saw ...,” said X. “...”").
  const last = tokens[f.content[1] - 1];
  if (!quotes.some((q) => (q.start <= tokens[f.content[0]].start && tokens[f.content[0]].start < q.end) || q.end === last.end)) return;
  for (let n = u + 1; n < units.length; n++) {
    const next = units[n];
    if (text.slice(units[n - 1].end, next.start).includes("\n")) return;
    const q = quotes.find((x) => x.start === next.start && x.end >= next.end - 1);
    if (!q) return;
    f.content = [f.content[0], next.b];
    f.kind = "direct";
  }
}

/** Drops the final full stop (or comma) of a clause, keeping punctuation inside a closing quote. */
function trimEnd(text: string, tokens: readonly Token[], a: number, e: number, quotes: readonly QuoteSpan[]): number {
  while (e > a) {
    const t = tokens[e - 1];
    if ((SENTENCE_FINAL.has(t.text) || t.text === "," || t.text === ":" || t.text === "—") && !inQuotes(t, quotes)) e--;
    else if (OPEN_MARKS.has(t.text) && quotes.some((q) => q.start === t.start)) e--;
    else break;
  }
  return e;
}

/**
 * "direct" when the content is quotation marks and what they hold (plus the interrupting source and cue), "mixed"
 * when the content also has the writer's own words ("declared that “...”"), "reported" when it has no quotation.
 */
function kindOf(text: string, content: [number, number], tokens: readonly Token[], quotes: readonly QuoteSpan[], skip: ([number, number] | undefined)[] = []): AttributionKind {
  const s = tokens[content[0]].start;
  const e = tokens[content[1] - 1].end;
  const inner = quotes.filter((q) => q.start < e && s < q.end);
  if (!inner.length) return "reported";
  for (let i = content[0]; i < content[1]; i++) {
    const t = tokens[i];
    if (!/[\p{L}\p{N}]/u.test(t.text) || inner.some((q) => q.start <= t.start && t.end <= q.end)) continue;
    if (skip.some((r) => r && r[0] <= i && i < r[1])) continue;
    return "mixed";
  }
  return "direct";
}

function dedupe(found: Found[]): Found[] {
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = `${f.cue[0]}:${f.content[0]}:${f.content[1]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Output and speakers
// ---------------------------------------------------------------------------------------------------------------

function toAttributions(doc: Doc, tokens: readonly Token[], found: readonly Found[]): Attribution[] {
  const mentions = mentionsFor(doc);
  const byId = new Map(mentions.map((e) => [e.id, e]));
  const within = mentionsWithin(mentions);
  const span = (r: [number, number]) => spanOf(doc.text, tokens[r[0]].start, tokens[r[1] - 1].end);
  return found.map((f, n) => {
    const source = f.source ? span(f.source) : undefined;
    const joint = f.source ? jointSpeakers(doc.text, tokens, f.source, mentions, byId, within) : undefined;
    return {
      id: `q${n + 1}`, kind: f.kind, source, cue: span(f.cue), content: span(f.content),
      speaker: joint ? joint[0] : source && f.source ? speakerFor(source.start, source.end, source.text, mentions, byId, tokens.slice(f.source[0], f.source[1]), within) : undefined,
      ...(joint ? { coSpeakers: joint.slice(1) } : {}),
    };
  });
}

/** Most speakers read from one coordinated source ("A, B and C told ..."). */
const MAX_JOINT_SPEAKERS = 4;

/**
 * "Bogdanov and Khulaifi told Zhai ...": a source made of names joined by "and" (and commas) speaks for each of
 * them. Returns the speakers in order, or undefined when the source is not such a list or a part of it is no
 * named entity ("the minister and his aides" stays one speaker, as written).
 */
function jointSpeakers(
  text: string, tokens: readonly Token[], src: [number, number], mentions: readonly Entity[], byId: Map<string, Entity>,
  within: (start: number, end: number) => Entity[],
): Speaker[] | undefined {
  const parts: [number, number][] = [];
  let a = src[0];
  let joined = false;
  for (let k = src[0]; k <= src[1]; k++) {
    const sep = k < src[1] && (tokens[k].norm === "and" || tokens[k].text === ",");
    if (k < src[1] && !sep) continue;
    if (k < src[1] && tokens[k].norm === "and") joined = true;
    if (k > a) parts.push([a, k]);
    a = k + 1;
  }
  if (!joined || parts.length < 2 || parts.length > MAX_JOINT_SPEAKERS) return undefined;
  const speakers: Speaker[] = [];
  for (const [x, y] of parts) {
    const start = tokens[x].start;
    const end = tokens[y - 1].end;
    // Each part is one named entity as a whole (a leading title or "both" aside): else no joint reading.
    const named = within(start, end).filter((e) => e.mention === "name" && e.end === end);
    if (!named.length) return undefined;
    const sp = speakerFor(start, end, text.slice(start, end), mentions, byId, tokens.slice(x, y), within);
    if (!sp.entityId) return undefined;
    speakers.push(sp);
  }
  return new Set(speakers.map((sp) => sp.entityId)).size === speakers.length ? speakers : undefined;
}

/** doc.entities plus coreference mentions (computed on a copy when the doc has none yet). */
function mentionsFor(doc: Doc): Entity[] {
  const ents = doc.entities ?? [];
  if (!ents.length || ents.some((e) => e.mention === "nominal" || e.mention === "pronoun")) return ents;
  const copy: Doc = { ...doc, entities: ents.map((e) => ({ ...e })) };
  return [...copy.entities!, ...resolveCoreference(copy)];
}

/**
 * The mentions inside [start, end], in list order: `mentions.filter((e) => e.start >= start && e.end <= end)`,
 * by binary search when the list is sorted by start (as the pipeline leaves it), so long articles stay linear.
 */
function mentionsWithin(mentions: readonly Entity[]): (start: number, end: number) => Entity[] {
  for (let i = 1; i < mentions.length; i++) {
    if (mentions[i].start < mentions[i - 1].start) return (a, b) => mentions.filter((e) => e.start >= a && e.end <= b);
  }
  return (a, b) => {
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid].start < a) lo = mid + 1;
      else hi = mid;
    }
    const out: Entity[] = [];
    // A mention inside the span starts at or before its end (start <= end <= b).
    for (let i = lo; i < mentions.length && mentions[i].start <= b; i++) if (mentions[i].end <= b) out.push(mentions[i]);
    return out;
  };
}

/**
 * Names the speaker of a source span from the entities and mentions inside it; without one, types it by its head
 * ("a senior official" PERSON, "the campaign" ORG, "This crisis" UNKNOWN: no agent, see speaker-type.ts).
 */
function speakerFor(
  start: number, end: number, text: string, mentions: readonly Entity[], byId: Map<string, Entity>, sourceTokens: readonly Token[],
  within: (start: number, end: number) => Entity[] = (a, b) => mentions.filter((e) => e.start >= a && e.end <= b),
): Speaker {
  const inside = within(start, end);
  const person = inside.find((e) => e.type === "PERSON" && e.start === start) ?? inside.filter((e) => e.type === "PERSON").pop();
  // A person named in a relative clause or a prepositional phrase of the source is not the speaker, unless the
  // source starts with them (or with their title).
  const titled = person?.role && person.role.start >= start && person.role.end <= end;
  if (person && (person.start - start < 2 || titled || !/\b(at|of|for|from|who|whose)\b/i.test(text.slice(0, person.start - start)))) {
    const head = person.refersTo ? byId.get(person.refersTo) : person;
    const role = person.role?.text ?? head?.role?.text ?? mentions.find((e) => e.refersTo === head?.id && e.role)?.role?.text;
    return { entityId: head?.id ?? person.id, name: person.canonical ?? head?.canonical ?? person.text, role, type: "PERSON" };
  }
  const org = inside.find((e) => e.type === "ORG");
  if (org) {
    const head = org.refersTo ? byId.get(org.refersTo) : org;
    // "a spokesperson at the Chinese foreign ministry": named as written, affiliated with the ORG.
    const name = org.start === start && org.end === end ? (org.canonical ?? org.text) : text;
    return { entityId: head?.id ?? org.id, name, type: "ORG" };
  }
  // A LOC or MISC speaks only when it is the whole source ("Russia has said ..."); "a Chinese official" is named as written.
  const whole = inside.find((e) => e.start === start && e.end === end);
  if (whole) return { entityId: whole.id, name: whole.canonical ?? whole.text, type: whole.type };
  return { name: text, type: sourceType(sourceTokens) };
}
