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
 * Frames: "SRC CUE CONTENT", "CONTENT, SRC CUE", "CONTENT, CUE SRC", "A, SRC CUE, B", "according to SRC, CONTENT",
 * "..., saying CONTENT" (the source is the clause's subject). Speakers are resolved through coreference mentions.
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
  const model = options.cueModel === undefined ? shippedQuotesModel(CUE_MODEL_FILE) : options.cueModel;
  const boundaries = options.contentModel === undefined ? shippedQuotesModel(CONTENT_MODEL_FILE) : options.contentModel;
  const judge = options.onCandidate ?? (model ? modelJudge(model) : undefined);
  const text = doc.text;
  const quotes = findQuotes(text);
  const units = buildUnits(text, tokens, sentences.map((s) => s.start), quotes);
  const inQuote = (off: number) => quotes.find((q) => q.start <= off && off < q.end);
  const isOpen = (t: Token) => quotes.some((q) => q.start === t.start);
  const isClose = (t: Token) => quotes.some((q) => q.end === t.end && q.start !== t.start);

  const found: Found[] = [];
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    const taken = new Set<number>();
    for (let i = unit.a; i < unit.b; i++) {
      if (taken.has(i) || inQuote(tokens[i].start)) continue;
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
  return toAttributions(doc, tokens, dedupe(found));
}

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
    .filter((b) => !/^[a-z)\],;]/.test(text.charAt(b)) || text.slice(Math.max(0, b - 3), b).includes("\n"));
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

/** Options of {@link findAttributions}. */
export interface AttributionOptions {
  /** The learned cue model: undefined for the shipped one (models/quotes/, if present), null for the rules alone. */
  cueModel?: PerceptronModel | null;
  /**
   * Decides on each candidate word the rules did not read as a cue (token index, its cue-model features); true makes
   * it a cue. Replaces the model (training and cross-validation record candidates through it).
   */
  onCandidate?: (i: number, features: string[]) => boolean;
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
  if (tok.norm === "according" && tokens[i + 1]?.norm === "to") return accordingTo(text, tokens, unit, i, quotes);
  if (SPEECH_NOUNS.has(tok.norm) && tok.pos === "NOUN") return nounCue(text, tokens, unit, i, quotes);
  // A phrasal verb with its particle ("called for", "pointed out") is a cue in any frame.
  const phrasal = PHRASAL_FORMS.get(tok.norm);
  const withParticle = !!phrasal && i + 1 < unit.b && PHRASAL_CUES[phrasal].includes(tokens[i + 1].norm);
  let strong = STRONG_CUES.get(tok.norm) ?? (withParticle ? phrasal : undefined) ?? (forced ? tok.norm : undefined);
  const weak = strong ? undefined : WEAK_CUES.get(tok.norm);
  const object = strong || weak ? undefined : OBJECT_CUES.get(tok.norm);
  if (object && withParticle) strong = object;
  const base = strong ?? weak ?? object;
  if (!base) return undefined;
  const ing = /ing$/.test(tok.norm);
  const prevTok = tokens[i - 1];
  const progressive = ing && prevTok && i > unit.a && (BE_FORMS.has(prevTok.norm) || (/^['’](s|re)$/.test(prevTok.norm) && prevTok.pos === "AUX"));
  if (!forced && tok.pos !== "VERB" && !(tok.pos === "AUX" && base === "say") && !(base === "say" && tok.pos !== "ADJ") && !(progressive && tok.pos === "ADJ") && !nounTaggedVerb(tokens, unit, i)) return undefined;
  if (prevTok && i > unit.a && (prevTok.norm === "to" || prevTok.norm === "be" || prevTok.norm === "been")) return undefined; // "to say", passive
  // "is expected", "was called": a passive has no source before it.
  if (!ing && prevTok && i > unit.a && (BE_FORMS.has(prevTok.norm) || tokens[i - 2]?.norm === "been")) return undefined;
  // "so-called", "a group called X": a name, not a statement.
  if (object === "call" && !withParticle && (prevTok?.text === "-" || prevTok?.norm === "so" || tokens[i - 2]?.norm === "so")) return undefined;
  // "called a meeting", "called into the show", "called back": convening or phoning, not naming.
  if (object === "call" && !withParticle && tokens[i + 1] && (/^(a|an|up|back|off|out)$/.test(tokens[i + 1].norm) || tokens[i + 1].pos === "ADP")) return undefined;

  // Cue span: auxiliaries/adverbs before (and "is" of a progressive), phrasal particle and colon after.
  let c0 = i;
  if (progressive) c0--;
  while (c0 - 1 >= unit.a && (CUE_PREFIX_WORDS.has(tokens[c0 - 1].norm) || MANNER_ADVERB.test(tokens[c0 - 1].norm) && tokens[c0 - 1].pos === "ADV") && tokens[c0 - 1].pos !== "PRON") c0--;
  if (tok.norm === "saying" && tokens[c0 - 1]?.norm === "quoted") {
    c0--;
    while (c0 - 1 >= unit.a && (tokens[c0 - 1].pos === "AUX" || tokens[c0 - 1].pos === "ADV")) c0--;
  }
  let c1 = i + 1;
  if (withParticle) c1++;
  const colon = tokens[c1]?.text === ":" && c1 < unit.b;
  if (colon) c1++;

  const after = c1;
  const isWeak = !!weak;
  const opensContent = (k: number) => k < unit.b && (colon || tokens[k].norm === "that" || isOpenQuoteAt(text, tokens[k].start, quotes) || (tokens[k].text === "," && isOpenQuoteAt(text, tokens[k + 1]?.start ?? -1, quotes)));

  // Participle: "..., saying CONTENT" -> the clause's subject speaks.
  if (/ing$/.test(tok.norm) && tokens[c0 - 1]?.text === "," && c0 - 1 > unit.a) {
    const content = contentAfter(text, tokens, unit, after, quotes, base, tok);
    const subject = clauseSubject(tokens, unit, c0 - 1);
    if (!content || (isWeak && !opensContent(after))) return undefined;
    return { kind: kindOf(text, content, tokens, quotes, [subject, [c0, c1]]), source: subject, cue: [c0, c1], content };
  }

  let left = sourceLeft(tokens, unit, c0 - 1, quotes);
  // Coordinated predicates: "Trump is telling veterans that ... and says he will ..." -> the clause's subject speaks.
  const coordinated = !left && c0 - 1 > unit.a && tokens[c0 - 1].norm === "and" && !inQuotes(tokens[c0 - 1], quotes);
  if (coordinated) left = clauseSubject(tokens, unit, c0 - 1);
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
  const bareAdjunct = k < unit.b && (tokens[k].pos === "ADP" || TEMPORAL_HEADS.has(tokens[k].norm)) && !opensContent(k) && !reachesClause(tokens, unit, k);
  const clauseFollows = k < unit.b && !SENTENCE_FINAL.has(tokens[k].text) && tokens[k].text !== "," && !bareAdjunct;
  const leftIsAfterComma = left[0] > unit.a && (tokens[left[0] - 1].text === "," || CLOSE_MARKS.has(tokens[left[0] - 1].text));

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
    return { kind: kindOf(text, content, tokens, quotes, [left, [c0, c1]]), source: left, cue: [c0, c1], content };
  }
  if (isWeak || object || coordinated) return undefined;
  // Content before the source: "CONTENT, Zhai said." or interjected "A, he said, B."
  if (!leftIsAfterComma) return undefined;
  const content = contentBefore(text, tokens, unit, left[0], quotes);
  if (!content) return undefined;
  const rest = k < unit.b && tokens[k].text === "," ? k + 1 : -1;
  const interjected = rest > 0 && rest < unit.b && !SENTENCE_FINAL.has(tokens[rest].text) && !["ADP", "CCONJ", "SCONJ", "ADV", "PROPN"].includes(tokens[rest].pos) && !/ing$/.test(tokens[rest].norm);
  if (interjected) {
    const end = trimEnd(text, tokens, unit.a, unit.b, quotes);
    return { kind: kindOf(text, [content[0], end], tokens, quotes, [left, [c0, c1]]), source: left, cue: [c0, c1], content: [content[0], end] };
  }
  const widened = widenAfterSource(text, tokens, unit, c1, content, quotes);
  return { kind: kindOf(text, widened, tokens, quotes, [left, [c0, c1]]), source: left, cue: [c0, c1], content: widened };
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
  const left = sourceLeft(tokens, unit, c0 - 1, quotes) ?? clauseSubject(tokens, unit, c0);
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
  const subject = prev.pos === "PROPN" || (prev.pos === "PRON" && /^(he|she|they|we|i|it|who)$/.test(prev.norm));
  const object = ["DET", "PRON", "PROPN", "NUM"].includes(next.pos) || /^(that|to|:)$/.test(next.norm) || OPEN_MARKS.has(next.text);
  return subject && object;
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

/** "according to SRC, CONTENT" / "CONTENT, according to SRC." / "A, according to SRC, B". */
function accordingTo(text: string, tokens: readonly Token[], unit: Unit, i: number, quotes: readonly QuoteSpan[]): Found | undefined {
  let src = sourceRight(tokens, unit, i + 2, quotes);
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

/** Can this token be inside a source noun phrase? */
function npToken(tok: Token): boolean {
  if (misTaggedName(tok)) return true;
  if (SOURCE_CONNECTORS.has(tok.norm) || isPossessiveMarker(tok)) return true;
  if (HONORIFICS[tok.norm] !== undefined) return true;
  return tok.pos === "PROPN" || tok.pos === "NOUN" || tok.pos === "ADJ" || tok.pos === "DET" || tok.pos === "NUM" || (tok.pos === "PUNCT" && tok.text === ".");
}

/** The source noun phrase ending at token `last` (inclusive), or undefined. */
function sourceLeft(tokens: readonly Token[], unit: Unit, last: number, quotes: readonly QuoteSpan[]): [number, number] | undefined {
  if (last < unit.a) return undefined;
  const tok = tokens[last];
  if (tok.pos === "PRON" && PRONOUN_SOURCES.has(tok.norm)) return [last, last + 1];
  if (tok.text === ",") return appositiveSource(tokens, unit, last, quotes);
  if (!(tok.pos === "PROPN" || tok.pos === "NOUN" || tok.text === ")" || (tok.pos === "NUM" && isCapitalized(tok)) || (misTaggedName(tok)))) return undefined;
  let a = last;
  while (a - 1 >= unit.a && last - a < MAX_SOURCE_TOKENS && !inQuotes(tokens[a - 1], quotes)) {
    const t = tokens[a - 1];
    // A determiner opens the phrase unless a connector chains it on ("the board OF the Post").
    if (tokens[a].pos === "DET" && !SOURCE_CONNECTORS.has(t.norm)) break;
    // "In an interview Trump said": a common noun right before a name ends the phrase unless it is a title.
    if (t.pos === "NOUN" && !isCapitalized(t) && tokens[a].pos === "PROPN" && isCapitalized(tokens[a]) && !ROLE_NOUNS.has(t.norm)) break;
    if (npToken(t) || (t.norm === "and" && tokens[a]?.pos === "PROPN" && tokens[a - 2]?.pos === "PROPN")) a--;
    else if (t.pos === "PRON" && /^(his|her|their|its|our|my|your)$/.test(t.norm)) {
      a--;
      break;
    } else break;
  }
  while (a < last && (SOURCE_CONNECTORS.has(tokens[a].norm) || tokens[a].norm === "and" || tokens[a].text === ".")) a++;
  if (TEMPORAL_HEADS.has(tok.norm)) return undefined;
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
  if (!name || !(tokens[name[1] - 1].pos === "PROPN" || tokens[name[1] - 1].pos === "PRON")) return undefined;
  const first = tokens[k + 1];
  // "Wang Yi, while condemning ..., declared": a clause, not an appositive -> the name alone.
  if (first.pos === "SCONJ" || first.pos === "VERB" || first.pos === "ADV" || first.pos === "ADP") return name;
  return [name[0], comma + 1];
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
    if (b > first && (RIGHT_SOURCE_STOPS.has(t.norm) || SENTENCE_FINAL.has(t.text))) break;
    // "on Thursday", "in a statement" end the source; "on the Middle East issue" does not.
    if (b > first && (t.norm === "on" || t.norm === "in") && tokens[b + 1] && (TEMPORAL_HEADS.has(tokens[b + 1].norm) || tokens[b + 1].pos === "NUM" || /^(a|an|his|her|their|its)$/.test(tokens[b + 1].norm))) break;
    if (!npToken(t) && !(t.pos === "PRON" && /^(his|her|their|its)$/.test(t.norm)) && !(b > first && (t.norm === "on" || t.norm === "in"))) break;
    b++;
  }
  while (b > first && ((SOURCE_CONNECTORS.has(tokens[b - 1].norm) && tokens[b - 1].text !== ")") || tokens[b - 1].norm === "on" || tokens[b - 1].norm === "in")) b--;
  if (b === first) return undefined;
  // ", who heads ..." / ", the chief executive of ..." belongs to the source.
  if (tokens[b]?.text === "," && /^(who|whose|a|an|the)$/.test(tokens[b + 1]?.norm ?? "")) {
    let e = b + 1;
    while (e < unit.b && tokens[e].text !== "," && !SENTENCE_FINAL.has(tokens[e].text) && !inQuotes(tokens[e], quotes)) e++;
    const relative = tokens[b + 1].norm === "who" || tokens[b + 1].norm === "whose";
    if (e < unit.b && tokens[e].text === "," && !relative) e++;
    // "according to Ham, the current administration has ...": an unclosed "the ..." is the content, not an appositive.
    b = e;
    while (b > first && tokens[b - 1].text !== "," && SENTENCE_FINAL.has(tokens[b - 1].text)) b--;
  }
  return [first, b];
}

/** The subject of the clause that ends at token `end` (exclusive): the noun phrase before its first verb. */
/** The subject before a comma-closed relative clause that ends at `comma` (", which ...,", ", who ...,"). */
function subjectBeforeRelative(tokens: readonly Token[], unit: Unit, comma: number): [number, number] | undefined {
  for (let k = comma - 1; k > unit.a; k--) {
    if (tokens[k].text === "," && /^(which|who|whose)$/.test(tokens[k + 1]?.norm ?? "")) return sourceLeft(tokens, unit, k - 1, []);
  }
  return undefined;
}

function clauseSubject(tokens: readonly Token[], unit: Unit, end: number): [number, number] | undefined {
  for (let k = unit.a; k < end; k++) {
    if (tokens[k].pos === "VERB" || tokens[k].pos === "AUX") {
      let j = k - 1;
      while (j >= unit.a && (tokens[j].pos === "ADV" || tokens[j].pos === "AUX" || tokens[j].pos === "PART")) j--;
      return j >= unit.a ? sourceLeft(tokens, unit, j, []) : undefined;
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
    e++;
  }
  if (e === k) return k;
  const next = tokens[e];
  // Skip the addressee only when content of its own follows ("told X that ...", "told X: ...", "told X, “...”").
  if (!next || CONTENT_OPENERS.has(next.norm) || next.text === ":" || next.text === "," || SENTENCE_FINAL.has(next.text) || OPEN_MARKS.has(next.text)) return next?.text === ":" ? e + 1 : e;
  return skipAdjunct(tokens, unit, e) !== e ? skipAdjunct(tokens, unit, e) : k;
}

/** Skips a short prepositional adjunct ("in the meeting", "on Thursday") when a that-clause or quote follows it. */
function skipAdjunct(tokens: readonly Token[], unit: Unit, k: number): number {
  const t = tokens[k];
  if (!t || !((t.pos === "ADP" && t.norm !== "that") || TEMPORAL_HEADS.has(t.norm))) return k;
  for (let e = k + 1; e < unit.b && e - k <= MAX_ADJUNCT_TOKENS; e++) {
    const x = tokens[e];
    if (CONTENT_OPENERS.has(x.norm)) return e;
    if (x.text === "," && tokens[e + 1] && (OPEN_MARKS.has(tokens[e + 1].text) || tokens[e + 1].norm === "that")) return e + 1;
    if (!(npToken(x) || x.pos === "ADP" || x.text === ",")) return k;
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
  let e = k;
  while (e < unit.b) {
    const t = tokens[e];
    // "that, if elected, he'd ...": a comma right after the opener starts an inserted phrase, not a new clause.
    if (!inQuotes(t, quotes) && e > k && !(e === k + 1 && CONTENT_OPENERS.has(tokens[k].norm)) && t.text === "," && tokens[e + 1] && startsNewClause(tokens, e + 1)) break;
    if (!inQuotes(t, quotes) && e > k && t.norm === "and" && tokens[e + 1]?.pos === "VERB" && sameVerbForm(tokens[e + 1], cueTok)) break;
    if (!inQuotes(t, quotes) && e > k && t.text === ";") break;
    if (!inQuotes(t, quotes) && e > k + 1 && t.text === "," && /^(which|whose)$/.test(tokens[e + 1]?.norm ?? "")) break;
    e++;
  }
  const end = trimEnd(text, tokens, k, e, quotes);
  if (end - k < MIN_REPORTED_CONTENT_TOKENS && !quotes.some((x) => x.start === tokens[k].start) && base !== "according") return undefined;
  return end > k ? [k, end] : undefined;
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
  if (CONTENT_CUTS.has(t.norm) || t.pos === "SCONJ" || /^(though|although|but|who|even|while|whereas)$/.test(t.norm)) return true;
  if (t.pos === "VERB" && /ing$/.test(t.norm)) return true;
  return t.norm === "and" && tokens[i + 1]?.pos === "VERB";
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
  return [skipDateline(tokens, unit.a, e), e];
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
  const q = k < unit.b ? quotes.find((x) => x.start === tokens[k].start) : undefined;
  if (!q) return content;
  let e = k;
  while (e < tokens.length && tokens[e].end <= q.end) e++;
  return [content[0], e];
}

/** `“A,” he said. “B.”`: a following sentence that is only a quote continues the content. */
function widenOverFollowingQuotes(text: string, tokens: readonly Token[], units: readonly Unit[], u: number, f: Found, quotes: readonly QuoteSpan[]): void {
  if (!quotes.some((q) => q.start <= tokens[f.content[0]].start && tokens[f.content[0]].start < q.end)) return;
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
    return {
      id: `q${n + 1}`, kind: f.kind, source, cue: span(f.cue), content: span(f.content),
      speaker: source && f.source ? speakerFor(source.start, source.end, source.text, mentions, byId, tokens.slice(f.source[0], f.source[1]), within) : undefined,
    };
  });
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
