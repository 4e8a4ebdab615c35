/**
 * Feature extraction for the entity tagger: one list of string features per token.
 *
 * Features are split in two: "static" features depend only on the words (computed once per
 * sentence) and "history" features depend on the tags already chosen for earlier tokens
 * (computed during greedy decoding). Forms are normalised (curly apostrophes, digits) so
 * that training corpora tokenised differently from wink-nlp still give the same features.
 */
import { Gazetteer, lookupForm } from "./gazetteer.js";

/** A token as the tagger sees it: its text and (optionally) its Universal POS tag. */
export interface FeatToken {
  text: string;
  pos?: string;
}

/** Prefixes and suffixes up to this many characters are features. */
const MAX_AFFIX = 4;
/** In word shapes, runs of the same character class longer than this are cut ("Xxxxxxx" -> "Xxxx"). */
const MAX_SHAPE_RUN = 4;
/** Words longer than this are cut before becoming word features (keeps the feature table small). */
const MAX_WORD_FEATURE_CHARS = 30;
/** Padding tokens before the first and after the last token of a sentence. */
const PAD_BEFORE = "<s>";
const PAD_AFTER = "</s>";

/** Word shape: X for upper case, x for lower case, d for digits, other characters kept; long runs cut. */
export function wordShape(word: string): string {
  let out = "";
  let last = "";
  let run = 0;
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    let c: string;
    if (code >= 65 && code <= 90) c = "X";
    else if (code >= 97 && code <= 122) c = "x";
    else if (code >= 48 && code <= 57) c = "d";
    else if (code < 128) c = ch;
    else if (/\p{Lu}/u.test(ch)) c = "X";
    else if (/\p{Ll}/u.test(ch)) c = "x";
    else if (/\p{Nd}/u.test(ch)) c = "d";
    else c = ch;
    if (c === last) {
      run++;
      if (run > MAX_SHAPE_RUN) continue;
    } else {
      last = c;
      run = 1;
    }
    out += c;
  }
  return out;
}

/** Short shape: runs collapsed to one character ("Xxxxx" -> "Xx", "X.X." -> "X.X."). */
export function shortShape(shape: string): string {
  let out = "";
  for (const c of shape) if (out[out.length - 1] !== c) out += c;
  return out;
}

/** Lower-cased form with digits mapped to 0 and curly apostrophes straightened. */
export function normWord(word: string): string {
  const w = lookupForm(word).replace(/\d/g, "0");
  return w.length > MAX_WORD_FEATURE_CHARS ? w.slice(0, MAX_WORD_FEATURE_CHARS) : w;
}

/** Per-token values reused by history features. */
export interface TokenInfo {
  /** Normalised lower-case word. */
  norm: string;
  /** Short shape. */
  sshape: string;
}

/** Static features of every token of a sentence, plus the values history features need. */
export interface SentenceFeatures {
  feats: string[][];
  info: TokenInfo[];
}

const isTitle = (w: string): boolean => /^\p{Lu}[\p{Ll}'’\-.]/u.test(w) || /^\p{Lu}$/u.test(w);
const isAllCaps = (w: string): boolean => /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);

/**
 * Computes the static features of each token of one sentence.
 * Feature names are short prefixes ("l=", "s-1=") followed by a value.
 */
export function sentenceFeatures(tokens: readonly FeatToken[], gaz: Gazetteer): SentenceFeatures {
  const n = tokens.length;
  const forms = tokens.map((t) => lookupForm(t.text));
  const norms = tokens.map((t) => normWord(t.text));
  const cased = tokens.map((t) => {
    const w = t.text.replace(/\d/g, "0").replace(/[\u2018\u2019]/g, "'");
    return w.length > MAX_WORD_FEATURE_CHARS ? w.slice(0, MAX_WORD_FEATURE_CHARS) : w;
  });
  const shapes = tokens.map((t) => wordShape(t.text));
  const sshapes = shapes.map(shortShape);
  const pos = tokens.map((t) => t.pos ?? "X");
  const gazClasses = tokens.map((t) => gaz.classesOf(t.text));
  const phrase: string[][] = tokens.map(() => []);
  for (const m of gaz.matchPhrases(forms)) {
    phrase[m.start].push(`B-${m.cls}`);
    for (let k = m.start + 1; k < m.end; k++) phrase[k].push(`I-${m.cls}`);
  }
  const at = <T>(arr: readonly T[], i: number, pad: T, padAfter: T): T => (i < 0 ? pad : i >= n ? padAfter : arr[i]);

  const feats: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = tokens[i].text;
    const l = norms[i];
    const f: string[] = ["b", `w=${cased[i]}`, `l=${l}`, `s=${shapes[i]}`, `ss=${sshapes[i]}`];
    for (let k = 1; k <= MAX_AFFIX && k <= l.length; k++) {
      f.push(`p${k}=${l.slice(0, k)}`);
      f.push(`x${k}=${l.slice(-k)}`);
    }
    const title = isTitle(w);
    if (title) f.push("title");
    if (isAllCaps(w)) f.push("caps");
    if (/\d/.test(w)) f.push("digit");
    if (w.includes("-")) f.push("hyph");
    if (w.includes(".")) f.push("period");
    if (i === 0) f.push(title ? "init-title" : "init");
    const pm1 = at(pos, i - 1, PAD_BEFORE, PAD_AFTER);
    const pp1 = at(pos, i + 1, PAD_BEFORE, PAD_AFTER);
    f.push(`pos=${pos[i]}`, `pos-1=${pm1}`, `pos+1=${pp1}`, `pos-1|pos=${pm1}|${pos[i]}`, `pos|pos+1=${pos[i]}|${pp1}`);
    const lm1 = at(norms, i - 1, PAD_BEFORE, PAD_AFTER);
    const lm2 = at(norms, i - 2, PAD_BEFORE, PAD_AFTER);
    const lp1 = at(norms, i + 1, PAD_BEFORE, PAD_AFTER);
    const lp2 = at(norms, i + 2, PAD_BEFORE, PAD_AFTER);
    f.push(`l-1=${lm1}`, `l-2=${lm2}`, `l+1=${lp1}`, `l+2=${lp2}`, `l-1|l=${lm1}|${l}`, `l|l+1=${l}|${lp1}`);
    const sm1 = at(sshapes, i - 1, PAD_BEFORE, PAD_AFTER);
    const sp1 = at(sshapes, i + 1, PAD_BEFORE, PAD_AFTER);
    f.push(`s-1=${at(shapes, i - 1, PAD_BEFORE, PAD_AFTER)}`, `s+1=${at(shapes, i + 1, PAD_BEFORE, PAD_AFTER)}`);
    f.push(`s-2=${at(sshapes, i - 2, PAD_BEFORE, PAD_AFTER)}`, `s+2=${at(sshapes, i + 2, PAD_BEFORE, PAD_AFTER)}`);
    f.push(`ss3=${sm1}|${sshapes[i]}|${sp1}`);
    for (const c of gazClasses[i]) {
      f.push(`g=${c}`);
      if (title) f.push(`gT=${c}`);
    }
    if (i > 0) for (const c of gazClasses[i - 1]) f.push(`g-1=${c}`);
    if (i + 1 < n) for (const c of gazClasses[i + 1]) f.push(`g+1=${c}`);
    for (const p of phrase[i]) f.push(`gp=${p}`);
    if (i > 0 && gazClasses[i - 1].includes("role")) f.push(isTitle(tokens[i - 1].text) ? "roleT-1" : "role-1");
    if (i > 1 && gazClasses[i - 2].includes("role")) f.push("role-2");
    if (title && i > 0 && isTitle(tokens[i - 1].text)) f.push("title-1");
    if (title && i + 1 < n && isTitle(tokens[i + 1].text)) f.push("title+1");
    feats.push(f);
  }
  return { feats, info: norms.map((norm, i) => ({ norm, sshape: sshapes[i] })) };
}

/** Features that depend on the tags chosen for the previous two tokens. */
export function historyFeatures(info: TokenInfo, prev1: string, prev2: string): string[] {
  return [`t-1=${prev1}`, `t-2|t-1=${prev2}|${prev1}`, `t-1|l=${prev1}|${info.norm}`, `t-1|ss=${prev1}|${info.sshape}`];
}

/** Tag used for "no previous token". */
export const START_TAG = "<S>";
