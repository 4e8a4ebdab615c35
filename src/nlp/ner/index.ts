/**
 * Named-entity recognition: PERSON, ORG, LOC and MISC mentions (CoNLL-2003 types) with
 * exact character spans into the article text.
 *
 * The default recognizer is an averaged-perceptron BIO tagger over wink-nlp tokens
 * ({@link ./tagger.ts}), with gazetteer features, followed by a rule layer ({@link ./rules.ts}).
 * Weights and gazetteers ship in `models/ner/` and are loaded on first use.
 *
 * Plugging another model: implement {@link EntityRecognizer} and pass it to
 * {@link setDefaultRecognizer}. For an ONNX token classifier (e.g. a BERT NER export run with
 * `onnxruntime-node`), `recognize` would: take each sentence's tokens
 * (`doc.tokens.slice(s.tokenStart, s.tokenEnd)`), run the model's own sub-word tokenizer on
 * `token.text` and remember which sub-words belong to which token, run the session, take
 * the label of each token's first sub-word, turn the BIO labels into token spans with
 * {@link bioToSpans}, optionally run {@link applyRules}, and build entities with
 * {@link buildEntities} so spans stay snapped to token boundaries.
 */
import type { Entity, EntityType, Sentence, Token } from "../../model.js";
import { bioToSpans } from "./bio.js";
import { consistentTypes, hasPlaceContext, headlineMentions, personPartMentions, personsTakenForOrgs, personsTakenForPlaces, placesTakenForPersons, repeatedMentions, splitPersonPairs } from "./consistency.js";
import { PARTY_MEMBERS, isLoneTitle } from "./conventions.js";
import { Gazetteer } from "./gazetteer.js";
import { findModelDir, loadDocModel, loadGazetteerLists, loadPerceptronModel, loadWordClusters } from "./load.js";
import { type CaseMode, isFunctionWord, sentenceCaseMode } from "./casing.js";
import { Stage1Sentence, documentFeatures } from "./docstage.js";
import { PerceptronModel } from "./perceptron.js";
import { mergeSplitPossessives } from "./possessive.js";
import { SpanCandidate, applyRules, namesNothing } from "./rules.js";
import { sportsTeams } from "./sportsdoc.js";
import { wireOrganisations } from "./wirecopy.js";
import { TaggedOutput, tagSentence } from "./tagger.js";

export { bioToSpans, scoreEntities } from "./bio.js";
export { applyRules } from "./rules.js";
export type { SpanCandidate } from "./rules.js";

/** Month and weekday names, which are never a person's name part standing alone. */
const CALENDAR = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);

/** What a recognizer needs: the text and its tokens and sentences (from `tokenize`). */
export interface NerInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

/** A named-entity recognizer: any model that turns tokens into typed name spans. */
export interface EntityRecognizer {
  /** Short name for logs and diagnostics, e.g. "perceptron". */
  name: string;
  /** Entities of the document, sorted by start, non-overlapping, spans on token boundaries. */
  recognize(doc: NerInput): Entity[];
}

export interface PerceptronRecognizerOptions {
  /** Apply the rule layer after the model (default true). */
  rules?: boolean;
  /** Make types consistent across the document (default: same as `rules`). */
  consistency?: boolean;
  /**
   * Second-stage tagger whose extra features are the document features of the first stage's
   * output ({@link documentFeatures}); none by default.
   */
  docModel?: PerceptronModel;
}

/** Turns token-index candidates into {@link Entity} objects with ids e0, e1, ... */
export function buildEntities(doc: NerInput, candidates: readonly SpanCandidate[]): Entity[] {
  return [...candidates]
    .sort((a, b) => a.start - b.start)
    .map((c, i) => {
      const start = doc.tokens[c.start].start;
      const end = doc.tokens[c.end - 1].end;
      return { id: `e${i}`, type: c.type, start, end, text: doc.text.slice(start, end), mention: "name" as const, score: Math.round(c.score * 1000) / 1000 };
    });
}

/** The default recognizer: the averaged-perceptron tagger plus the rule layer. */
export class PerceptronRecognizer implements EntityRecognizer {
  readonly name = "perceptron";
  constructor(
    readonly model: PerceptronModel,
    readonly gazetteer: Gazetteer,
    readonly options: PerceptronRecognizerOptions = {},
  ) {}

  /** Candidates (token-index spans) of one sentence, before entity objects are built (first stage only). */
  sentenceCandidates(doc: NerInput, sentence: Sentence): SpanCandidate[] {
    const st = this.stage1(doc, sentence);
    return st ? this.candidates(doc, sentence, st.origin, tagSentence(this.model, this.gazetteer, st.tokens)) : [];
  }

  /** A sentence's tokens with split possessives merged, and the first stage's tags when a second stage follows. */
  private stage1(doc: NerInput, sentence: Sentence): (Stage1Sentence & { origin: number[] }) | undefined {
    const toks = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
    if (toks.length === 0) return undefined;
    const merged = mergeSplitPossessives(toks);
    if (!this.options.docModel) return { tokens: merged.tokens, tags: [], mode: "normal", origin: merged.origin };
    const { tags } = tagSentence(this.model, this.gazetteer, merged.tokens);
    const mode = sentenceCaseMode(merged.tokens.map((t) => t.text), this.gazetteer);
    return { tokens: merged.tokens, tags, mode, origin: merged.origin };
  }

  private candidates(doc: NerInput, sentence: Sentence, origin: readonly number[], out: TaggedOutput, mode?: CaseMode): SpanCandidate[] {
    const at = (j: number): number => origin[j] + sentence.tokenStart;
    const cands: SpanCandidate[] = bioToSpans(out.tags).map((s) => {
      let sum = 0;
      for (let i = s.start; i < s.end; i++) sum += out.confidence[i];
      return { start: at(s.start), end: at(s.end), type: s.type as EntityType, score: sum / (s.end - s.start) };
    });
    if (this.options.rules === false) return cands;
    return applyRules(doc.tokens, sentence.tokenStart, sentence.tokenEnd, cands, this.gazetteer, mode);
  }

  recognize(doc: NerInput): Entity[] {
    const all: SpanCandidate[] = [];
    const sents: { s: Sentence; st: Stage1Sentence & { origin: number[] } }[] = [];
    for (const s of doc.sentences) {
      const st = this.stage1(doc, s);
      if (st) sents.push({ s, st });
    }
    const docModel = this.options.docModel;
    const extra = docModel ? documentFeatures(sents.map((x) => x.st)) : undefined;
    const tokenWords = doc.tokens.map((t) => doc.text.slice(t.start, t.end));
    // Each line's case mode, read once for the rules and the headline step.
    const modes = new Map<Sentence, CaseMode>();
    const modeOf = (s: Sentence): CaseMode => {
      let m = modes.get(s);
      if (!m) modes.set(s, (m = sentenceCaseMode(tokenWords.slice(s.tokenStart, s.tokenEnd), this.gazetteer)));
      return m;
    };
    const rules = this.options.rules !== false;
    sents.forEach((x, i) => {
      const out = docModel && extra ? tagSentence(docModel, this.gazetteer, x.st.tokens, { extra: extra[i] }) : tagSentence(this.model, this.gazetteer, x.st.tokens);
      all.push(...this.candidates(doc, x.s, x.st.origin, out, rules ? modeOf(x.s) : undefined));
    });
    if (this.options.consistency ?? rules) {
      const pairs = splitPersonPairs(tokenWords, all);
      all.length = 0;
      all.push(...pairs);
      const gaz = this.gazetteer;
      // Countries only: many towns share a surname ("Belgrano").
      const isPlace = (w: string): boolean => gaz.has(w, "country");
      const listedPlace = (w: string): boolean => gaz.has(w, "city") || gaz.has(w, "region") || gaz.has(w, "country");
      const mentions = all.map((c) => {
        const text = doc.text.slice(doc.tokens[c.start].start, doc.tokens[c.end - 1].end);
        const after = [doc.tokens[c.end]?.text, doc.tokens[c.end + 1]?.text].filter((w): w is string => w !== undefined);
        const placeContext = c.end - c.start === 1 && listedPlace(text) && hasPlaceContext([doc.tokens[c.start - 2]?.text, doc.tokens[c.start - 1]?.text].filter((w): w is string => w !== undefined), after, listedPlace);
        return { text, type: c.type, placeContext };
      });
      // Types set from strong local evidence; a name given two such types has none.
      const authority = new Map<string, EntityType | null>();
      all.forEach((c, i) => {
        if (!c.authority) return;
        const had = authority.get(mentions[i].text);
        authority.set(mentions[i].text, had === undefined || had === c.type ? c.type : null);
      });
      for (const [k, v] of authority) if (v === null) authority.delete(k);
      const types = consistentTypes(mentions, isPlace, (w) => gaz.has(w, "demonym") || PARTY_MEMBERS.has(w), authority as Map<string, EntityType>);
      // A listed place that is no given name; one that is a surname too ("Richardson") only when the document also
      // names it as a place ("BONN 1996-08-30 ... Bonn 's Finance Ministry").
      const locs = new Set(mentions.filter((m, i) => types[i] === "LOC").map((m) => m.text.toLowerCase()));
      const placeName = (w: string): boolean =>
        (gaz.has(w, "city") || gaz.has(w, "country")) && !gaz.has(w, "first") && (!gaz.has(w, "sur") || locs.has(w.toLowerCase()));
      placesTakenForPersons(mentions, placeName).forEach((p, i) => {
        if (p && types[i] === "PERSON") types[i] = "LOC";
      });
      personsTakenForPlaces(mentions, types, (n) => gaz.isPlace(n), (w) => gaz.has(w, "common")).forEach((p, i) => {
        if (p) types[i] = "PERSON";
      });
      personsTakenForOrgs(mentions, types, (w) => gaz.has(w, "orgname")).forEach((p, i) => {
        if (p) types[i] = "PERSON";
      });
      // A team of a result line or table keeps its type ("NEW YORK 74 59 .556": the club, not the dateline's city).
      all.forEach((c, i) => {
        if (!c.settled) c.type = types[i];
      });
      const covered = new Uint8Array(doc.tokens.length);
      for (const c of all) covered.fill(1, c.start, c.end);
      const words = tokenWords;
      const persons = all.filter((c) => c.type === "PERSON").sort((a, b) => a.start - b.start);
      // (Nor a title run into the name: "George Bush President" does not make every "President" him.)
      const blocked = (w: string) => gaz.has(w, "country") || gaz.has(w, "city") || CALENDAR.has(w.toLowerCase()) || isLoneTitle(w, gaz);
      for (const i of personPartMentions(words, (i) => covered[i] === 1, persons, blocked)) {
        all.push({ start: i, end: i + 1, type: "PERSON", score: 0.5 });
        covered[i] = 1;
      }
      // Untagged repeats of names tagged elsewhere in the document.
      const sentStart = new Uint8Array(doc.tokens.length);
      for (const s of doc.sentences) if (s.tokenStart < sentStart.length) sentStart[s.tokenStart] = 1;
      const weak = (w: string): boolean => gaz.has(w, "common") || CALENDAR.has(w.toLowerCase()) || isFunctionWord(w);
      const toks = doc.tokens;
      const hyphen = (a: number, b: number): boolean => a >= 0 && b < toks.length && toks[a].end === toks[b].start && (words[a] === "-" || words[b] === "-");
      const isGlued = (start: number, end: number): boolean => hyphen(start - 1, start) || hyphen(end - 1, end);
      for (const r of repeatedMentions(words, (i) => covered[i] === 1, all, { isWeak: weak, isSentenceStart: (i) => sentStart[i] === 1, isGlued })) all.push({ ...r, score: 0.5 });
      // Capitals lines spell the running text's names in another case ("AUSTRALIAN OPEN"). (Only capitals: title-case
      // lines are as often lists of names as headlines, and the running text's names cut their longer ones.)
      const lines = doc.sentences.map((s) => ({ start: s.tokenStart, end: s.tokenEnd, normal: modeOf(s) !== "upper" }));
      const read = headlineMentions(words, lines, all, {
        isWeak: weak,
        isGivenName: (w) => gaz.has(w, "first"),
        isNationality: (w) => gaz.has(w, "demonym"),
        isPlace: (p) => gaz.isPlace(p),
      });
      all.length = 0;
      for (const m of read) all.push("score" in m ? m : { ...m, score: 0.5, settled: undefined });
      // Sports copy: places standing for the clubs named after them ("Leicestershire beat Somerset").
      const teams = sportsTeams(words, doc.sentences, all, { isCountry: (n) => gaz.hasEntry(n, "country"), isTown: (n) => gaz.hasEntry(n, "city") || gaz.hasEntry(n, "region") }, (start, end) => ({ start, end, type: "ORG", score: 0.5 }));
      if (teams !== all) all.splice(0, all.length, ...teams);
    }
    // Wire copy's newspapers in a press digest ("TRUD" over its items) and bureaux in sign-offs ("Sofia Newsroom").
    if (rules) {
      const papers = wireOrganisations(doc.text, doc.tokens, all, (start, end): SpanCandidate => ({ start, end, type: "ORG", score: 0.75, settled: "name" }));
      if (papers !== all) all.splice(0, all.length, ...papers);
    }
    // A span of function words alone ("In a" opening a sentence) names nothing, nor does a pronoun or a page label a
    // document-level step added ({@link namesNothing}).
    const named = all.filter((c) => {
      const words = tokenWords.slice(c.start, c.end);
      return words.some((w) => !isFunctionWord(w)) && !namesNothing(words);
    });
    return buildEntities(doc, named);
  }
}

let defaultInstance: EntityRecognizer | undefined;

/** Loads the shipped perceptron model and gazetteers from `models/ner/` (or `dir`). */
export function loadPerceptronRecognizer(dir: string = findModelDir(), options: PerceptronRecognizerOptions = {}): PerceptronRecognizer {
  return new PerceptronRecognizer(loadPerceptronModel(dir), new Gazetteer(loadGazetteerLists(dir), loadWordClusters(dir)), { docModel: loadDocModel(dir), ...options });
}

/** The recognizer used by {@link recognizeEntities} (the shipped perceptron unless replaced). */
export function defaultRecognizer(): EntityRecognizer {
  defaultInstance ??= loadPerceptronRecognizer();
  return defaultInstance;
}

/** Replaces the recognizer used by {@link recognizeEntities} (pass undefined to restore the default). */
export function setDefaultRecognizer(recognizer: EntityRecognizer | undefined): void {
  defaultInstance = recognizer;
}

/**
 * Finds PERSON/ORG/LOC/MISC names in a tokenized text.
 *
 * @example
 * const { tokens, sentences } = tokenize(text);
 * recognizeEntities({ text, tokens, sentences }); // [{ id: "e0", type: "PERSON", text: "Zhai Jun", ... }]
 */
export function recognizeEntities(doc: NerInput): Entity[] {
  return defaultRecognizer().recognize(doc);
}
