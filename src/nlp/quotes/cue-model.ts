/**
 * A learned cue detector that extends the rule system's recall: an averaged perceptron (src/nlp/ner/perceptron.ts)
 * that reads one candidate word the rules did not turn into a cue ("complained", "unleashed", "pushed back") and says
 * whether it is the head of an attribution cue. The rules then read the source and content around an accepted word
 * (see findAttributions), so the model only proposes cues; it never draws spans itself.
 *
 * Features are dependency-free: the word, its suffix and tag, its neighbours, what follows it (a "that", a quote mark,
 * a colon, a comma), whether a subject-like word (a name or a pronoun) stands before it, and the rule lexicons' own
 * opinion of the word. Trained on PolNeAR by scripts/train-quotes.ts; weights in models/quotes/.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Token } from "../../model.js";
import { deserializeModel, scoreFeatures, type PerceptronModel } from "../ner/perceptron.js";
import { OBJECT_CUES, PHRASAL_FORMS, STRONG_CUES, WEAK_CUES } from "./cues.js";

/** Classes of the cue perceptron: not a cue head, a cue head. */
export const CUE_CLASSES = ["O", "CUE"];
/** File name of the shipped cue weights inside models/quotes/. */
export const CUE_MODEL_FILE = "cue-model.json.gz";
/**
 * Margin (score of CUE minus score of O) a candidate needs to be accepted. Above zero trades recall for precision:
 * every accepted word adds a cue, and a wrong one costs precision on all three roles. Chosen by 2-fold cross-validation
 * over documents (scripts/train-quotes.ts), not per item.
 */
export const CUE_MARGIN = 0;
/** How far back (in tokens) a subject-like word may stand before a candidate. */
const SUBJECT_WINDOW = 4;

/** Is token i a word the model should judge (a lower-case content word, not inside quotation marks)? */
export function isCueCandidate(tok: Token): boolean {
  return (tok.pos === "VERB" || tok.pos === "NOUN" || tok.pos === "ADJ") && /^[a-z][a-z-]{2,}$/.test(tok.text);
}

/** A crude lemma: the rule lexicons' base form when the word is in them, else the word without -s/-ed/-ing. */
function lemma(norm: string): string {
  const known = STRONG_CUES.get(norm) ?? WEAK_CUES.get(norm) ?? OBJECT_CUES.get(norm) ?? PHRASAL_FORMS.get(norm);
  if (known) return known;
  return norm.replace(/(ing|ed|es|s)$/, "") || norm;
}

/** The rule lexicons' class of a word: strong, weak, object, phrasal or none. */
function lexClass(norm: string): string {
  if (STRONG_CUES.has(norm)) return "strong";
  if (WEAK_CUES.has(norm)) return "weak";
  if (OBJECT_CUES.has(norm)) return "object";
  if (PHRASAL_FORMS.has(norm)) return "phrasal";
  return "none";
}

/** What a token looks like to the features: its word for function words and punctuation, its tag otherwise. */
function shape(tok: Token | undefined, isOpen: (t: Token) => boolean, isClose: (t: Token) => boolean): string {
  if (!tok) return "<none>";
  if (isOpen(tok)) return "<open>";
  if (isClose(tok)) return "<close>";
  if (tok.pos === "PROPN") return "<propn>";
  if (tok.pos === "NUM") return "<num>";
  return tok.norm;
}

/**
 * The features of candidate token i in the sentence [a, b). `isOpen`/`isClose` tell whether a token opens or closes a
 * quotation.
 */
export function cueFeatures(tokens: readonly Token[], i: number, a: number, b: number, isOpen: (t: Token) => boolean, isClose: (t: Token) => boolean): string[] {
  const t = tokens[i];
  const w = t.norm;
  const lem = lemma(w);
  const lex = lexClass(w);
  const p1 = i - 1 >= a ? tokens[i - 1] : undefined;
  const p2 = i - 2 >= a ? tokens[i - 2] : undefined;
  const n1 = i + 1 < b ? tokens[i + 1] : undefined;
  const n2 = i + 2 < b ? tokens[i + 2] : undefined;
  const sp1 = shape(p1, isOpen, isClose);
  const sn1 = shape(n1, isOpen, isClose);
  const sn2 = shape(n2, isOpen, isClose);
  let subject = "none";
  for (let k = i - 1; k >= a && i - k <= SUBJECT_WINDOW; k--) {
    const x = tokens[k];
    if (x.pos === "PRON" && /^(he|she|they|we|i|it|who)$/.test(x.norm)) { subject = "pron"; break; }
    if (x.pos === "PROPN") { subject = "propn"; break; }
    if (x.pos === "VERB" || x.text === "," || x.text === ".") break;
  }
  let quoteInSentence = false;
  for (let k = a; k < b && !quoteInSentence; k++) quoteInSentence = isOpen(tokens[k]);
  const suffix = /ing$/.test(w) ? "ing" : /ed$/.test(w) ? "ed" : /s$/.test(w) ? "s" : "-";
  return [
    "bias",
    `w=${w}`,
    `l=${lem}`,
    `suf3=${w.slice(-3)}`,
    `pos=${t.pos}`,
    `lex=${lex}`,
    `lex+pos=${lex}|${t.pos}`,
    `lex+sn1=${lex}|${sn1}`,
    `infl=${suffix}|${t.pos}`,
    `p1=${sp1}`,
    `p1pos=${p1?.pos ?? "<none>"}`,
    `p2pos=${p2?.pos ?? "<none>"}`,
    `p2p1=${p2?.pos ?? "<none>"}|${sp1}`,
    `n1=${sn1}`,
    `n1pos=${n1?.pos ?? "<none>"}`,
    `n2=${sn2}`,
    `n1n2=${sn1}|${sn2}`,
    `l+n1=${lem}|${sn1}`,
    `l+n1pos=${lem}|${n1?.pos ?? "<none>"}`,
    `l+p1=${lem}|${sp1}`,
    `pos+n1=${t.pos}|${sn1}`,
    `subj=${subject}`,
    `subj+pos=${subject}|${t.pos}`,
    `subj+l=${subject}|${lem}`,
    `first=${i === a}`,
    `quote=${quoteInSentence}`,
    `quote+l=${quoteInSentence}|${lem}`,
  ];
}

/** The margin of the CUE class over O for a feature list. */
export function cueMargin(model: PerceptronModel, features: readonly string[], scratch: Float64Array): number {
  scoreFeatures(model, features, scratch);
  return scratch[1] - scratch[0];
}

const shipped = new Map<string, PerceptronModel | null>();

/**
 * A shipped model of the quotes stage (models/quotes/FILE, found by walking up from this module; the environment
 * variable PARALLAX_QUOTES_MODEL_DIR overrides the folder), or null when there is none: the rules then run alone.
 */
export function shippedQuotesModel(file: string): PerceptronModel | null {
  const known = shipped.get(file);
  if (known !== undefined) return known;
  const env = process.env.PARALLAX_QUOTES_MODEL_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  const candidates: string[] = env ? [join(env, file)] : [];
  for (;;) {
    candidates.push(join(dir, "models", "quotes", file));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const path = candidates.find((p) => existsSync(p));
  const model = path ? deserializeModel(gunzipSync(readFileSync(path)).toString("utf8")) : null;
  shipped.set(file, model);
  return model;
}
