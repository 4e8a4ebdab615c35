/**
 * Feature extraction for the entity tagger: one list of string features per token.
 *
 * Features are split in two: "static" features depend only on the words (computed once per
 * sentence) and "history" features depend on the tags already chosen for earlier tokens
 * (computed during greedy decoding). Forms are normalised (curly apostrophes, digits) so
 * that training corpora tokenised differently from wink-nlp still give the same features.
 */
import { GenerationCache } from "./generations.js";
import { CaseMode, isCommonNonName, sentenceCaseMode } from "./casing.js";
import { Gazetteer, lookupForm } from "./gazetteer.js";
import { NEIGHBOUR_PREFIX, clusterSelfFeatures } from "./clusters.js";

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
/** Padding token before the first token of a sentence. */
export const PAD_BEFORE = "<s>";
/** Padding token after the last token of a sentence. */
export const PAD_AFTER = "</s>";

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

/** Features whose value depends on letter case (cased word, shapes, capitalisation flags, and POS tags, which wink guesses from case). */
const CASE_SENSITIVE = /^(w=|s=|ss=|ss3=|s[-+][12]=|title|caps|init|gT=|roleT|pos)/;

/** Static features of every token of a sentence, plus the values history features need. */
export interface SentenceFeatures {
  feats: string[][];
  info: TokenInfo[];
  /**
   * With `splitSelf`: per token, the word's own features (one shared array per word form and case
   * mode, {@link modeSelfFeatures}, so a scorer can cache their summed weights), left out of `feats`.
   */
  self?: (readonly string[] | undefined)[];
}

const isTitle = (w: string): boolean => /^\p{Lu}[\p{Ll}'’\-.]/u.test(w) || /^\p{Lu}$/u.test(w);
const isAllCaps = (w: string): boolean => /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);

/** Everything about one word form that does not depend on its neighbours (cached per form). */
export interface WordFeats {
  form: string;
  norm: string;
  sshape: string;
  title: boolean;
  gaz: readonly string[];
  /** Features of the word itself. */
  self: string[];
  /** The word as seen by its neighbours: [l-1, l-2, l+1, l+2, s-1, s+1, s-2, s+2]. */
  ctx: string[];
  /** Gazetteer classes as seen from the next / previous token. */
  gazLeft: string[];
  gazRight: string[];
  /** Cluster features as seen from the next / previous token (empty without clusters). */
  clLeft: string[];
  clRight: string[];
  /** Features added in title-case and capitals lines (prefix "M|" replaced by the mode). */
  modeFeats: string[];
  /** Cache of {@link modeSelfFeatures} per case mode (filled on demand). */
  modeSelf?: Partial<Record<CaseMode, readonly string[]>>;
}

/**
 * The word's own features as a title-case or capitals line gives them to each of its tokens:
 * the case-sensitive ones prefixed with the mode, then `M=<mode>` and the mode's lexical
 * features. Cached per word form and mode, so a scorer can cache their summed weights.
 */
export function modeSelfFeatures(w: WordFeats, mode: CaseMode): readonly string[] {
  if (mode === "normal") return w.self;
  const cache = (w.modeSelf ??= {});
  let f = cache[mode];
  if (!f) {
    const out = w.self.map((x) => (CASE_SENSITIVE.test(x) ? `${mode}|${x}` : x));
    out.push(`M=${mode}`);
    for (const x of w.modeFeats) out.push(`${mode}|${x}`);
    cache[mode] = f = out;
  }
  return f;
}

/** Typographic double quotes and guillemets, read as a plain '"'. */
const CURLY_QUOTES = /[\u201c\u201d\u201e\u201f\u00ab\u00bb]/;
const CURLY_QUOTES_ALL = /[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g;

/**
 * Word forms per generation of the word-feature cache: when the current generation is full it becomes
 * the previous one (an entry found there moves back) and the one before is dropped, so memory stays
 * bounded while the frequent words stay cached.
 */
export const WORD_FEATURE_GENERATION = 30_000;
const wordCache = new WeakMap<Gazetteer, GenerationCache<string, WordFeats>>();
/** Every cache made, for {@link releaseWordFeatureCaches}. */
const allCaches: WeakRef<GenerationCache<string, WordFeats>>[] = [];

/** Drops every cached word's features (after a large ingest: they would otherwise stay for the process's life). */
export function releaseWordFeatureCaches(): void {
  for (let i = allCaches.length - 1; i >= 0; i--) {
    const c = allCaches[i].deref();
    if (c) c.clear();
    else allCaches.splice(i, 1);
  }
}

/** The neighbour-independent features of one word form (cached per gazetteer and form). */
export function wordFeats(raw: string, gaz: Gazetteer): WordFeats {
  let cache = wordCache.get(gaz);
  if (!cache) {
    cache = new GenerationCache(WORD_FEATURE_GENERATION);
    wordCache.set(gaz, cache);
    allCaches.push(new WeakRef(cache));
  }
  const hit = cache.get(raw);
  if (hit) return hit;
  if (cache.full()) cache.rotate();
  // Typographic double quotes are the corpora's plain ones (training text rarely has them).
  const text = CURLY_QUOTES.test(raw) ? raw.replace(CURLY_QUOTES_ALL, '"') : raw;
  const form = lookupForm(text);
  let norm = /\d/.test(form) ? form.replace(/\d/g, "0") : form;
  if (norm.length > MAX_WORD_FEATURE_CHARS) norm = norm.slice(0, MAX_WORD_FEATURE_CHARS);
  let cased = text.replace(/\d/g, "0").replace(/[\u2018\u2019]/g, "'");
  if (cased.length > MAX_WORD_FEATURE_CHARS) cased = cased.slice(0, MAX_WORD_FEATURE_CHARS);
  const shape = wordShape(text);
  const sshape = shortShape(shape);
  const title = isTitle(text);
  const gaz1 = gaz.classesOfForm(form);
  const self = ["b", `w=${cased}`, `l=${norm}`, `s=${shape}`, `ss=${sshape}`];
  for (let k = 1; k <= MAX_AFFIX && k <= norm.length; k++) self.push(`p${k}=${norm.slice(0, k)}`, `x${k}=${norm.slice(-k)}`);
  if (title) self.push("title");
  if (isAllCaps(text)) self.push("caps");
  if (/\d/.test(text)) self.push("digit");
  if (text.includes("-")) self.push("hyph");
  if (text.includes(".")) self.push("period");
  for (const c of gaz1) {
    self.push(`g=${c}`);
    if (title) self.push(`gT=${c}`);
  }
  let clLeft: string[] = [];
  let clRight: string[] = [];
  if (gaz.clusters) {
    const path = gaz.clusters.pathOf(text);
    self.push(...clusterSelfFeatures(path));
    const p = path === undefined ? "none" : path.slice(0, NEIGHBOUR_PREFIX);
    clLeft = [`c-1=${p}`];
    clRight = [`c+1=${p}`];
  }
  const wf: WordFeats = {
    form,
    norm,
    sshape,
    title,
    gaz: gaz1,
    self,
    ctx: [`l-1=${norm}`, `l-2=${norm}`, `l+1=${norm}`, `l+2=${norm}`, `s-1=${shape}`, `s+1=${shape}`, `s-2=${sshape}`, `s+2=${sshape}`],
    gazLeft: gaz1.map((c) => `g-1=${c}`),
    gazRight: gaz1.map((c) => `g+1=${c}`),
    clLeft,
    clRight,
    modeFeats: [...gaz1.map((c) => `g=${c}`), ...(isCommonNonName(text, gaz) ? ["common"] : [])],
    modeSelf: undefined,
  };
  cache.set(raw, wf);
  return wf;
}

/** Lower-case words allowed inside a run of capitalised words ("Bank of England", "Party for Freedom"). */
const RUN_CONNECTORS = new Set(["of", "for", "and", "on", "the", "de", "del", "du"]);
/** Gazetteer classes of a run's last word that become run features (what kind of name it ends as). */
const RUN_LAST_CLASSES = ["orgkey", "misckey", "role", "country", "city", "region", "demonym"] as const;
/** Gazetteer classes of a run's first word that become run features. */
const RUN_FIRST_CLASSES = ["demonym", "country", "city", "region", "role", "orgname"] as const;

/**
 * Features of runs of capitalised words (two or more, connectors allowed inside): every token of
 * the run learns the gazetteer classes of the run's last word ("Reform Party", "World Cup", "Patriot
 * Act") and first word ("Iraqi Army"), with its position in the run (B, I or E). Returns undefined
 * when the sentence has no such run, else one list per token (empty outside runs).
 */
export function runFeatures(words: readonly WordFeats[]): string[][] | undefined {
  let out: string[][] | undefined;
  const n = words.length;
  for (let i = 0; i < n; ) {
    if (!words[i].title) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      if (end < n && words[end].title) end++;
      else if (end + 1 < n && RUN_CONNECTORS.has(words[end].form) && words[end + 1].title) end += 2;
      else break;
    }
    if (end - i >= 2) {
      const last = words[end - 1].gaz;
      const first = words[i].gaz;
      const tags = [...RUN_LAST_CLASSES.filter((c) => last.includes(c)).map((c) => `rl=${c}`), ...RUN_FIRST_CLASSES.filter((c) => first.includes(c)).map((c) => `rf=${c}`)];
      if (tags.length) {
        out ??= words.map(() => []);
        for (let k = i; k < end; k++) {
          const p = k === i ? "B" : k === end - 1 ? "E" : "I";
          for (const t of tags) out[k].push(`${t}|${p}`);
        }
      }
    }
    i = end;
  }
  return out;
}

/** Context features of the padding before / after a sentence (same slots as {@link WordFeats.ctx}). */
export const PAD_CTX_BEFORE = [`l-1=${PAD_BEFORE}`, `l-2=${PAD_BEFORE}`, "", "", `s-1=${PAD_BEFORE}`, "", `s-2=${PAD_BEFORE}`, ""];
export const PAD_CTX_AFTER = ["", "", `l+1=${PAD_AFTER}`, `l+2=${PAD_AFTER}`, "", `s+1=${PAD_AFTER}`, "", `s+2=${PAD_AFTER}`];

/**
 * Computes the static features of each token of one sentence.
 * Feature names are short prefixes ("l=", "s-1=") followed by a value. Word-level features
 * are cached per word form, so only features of word pairs are built per token.
 * fasttag.ts scores the same features from tables (it mirrors the feature names built here
 * and in {@link historyFeatures}); fasttag.test.ts fails if the two drift apart.
 */
export function sentenceFeatures(tokens: readonly FeatToken[], gaz: Gazetteer, opts: { splitSelf?: boolean } = {}): SentenceFeatures {
  const n = tokens.length;
  const words = tokens.map((t) => wordFeats(t.text, gaz));
  const mode: CaseMode = sentenceCaseMode(tokens.map((t) => t.text), gaz);
  const pos = tokens.map((t) => t.pos ?? "X");
  const phrase: string[][] = tokens.map(() => []);
  for (const m of gaz.matchPhrases(words.map((w) => w.form))) {
    phrase[m.start].push(`gp=B-${m.cls}`);
    for (let k = m.start + 1; k < m.end; k++) phrase[k].push(`gp=I-${m.cls}`);
  }
  const ctx = (i: number, slot: number): string => (i < 0 ? PAD_CTX_BEFORE[slot] : i >= n ? PAD_CTX_AFTER[slot] : words[i].ctx[slot]);
  const normAt = (i: number): string => (i < 0 ? PAD_BEFORE : i >= n ? PAD_AFTER : words[i].norm);
  const sshapeAt = (i: number): string => (i < 0 ? PAD_BEFORE : i >= n ? PAD_AFTER : words[i].sshape);
  const posAt = (i: number): string => (i < 0 ? PAD_BEFORE : i >= n ? PAD_AFTER : pos[i]);

  const feats: string[][] = [];
  const split = !!opts.splitSelf;
  // Runs of capitalised words only mean something in ordinary lines.
  const runs = mode === "normal" ? runFeatures(words) : undefined;
  const self: (readonly string[] | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const f = split ? [] : w.self.slice();
    self.push(split ? modeSelfFeatures(w, mode) : undefined);
    if (i === 0) f.push(w.title ? "init-title" : "init");
    const pm1 = posAt(i - 1);
    const pp1 = posAt(i + 1);
    f.push(`pos=${pos[i]}`, `pos-1=${pm1}`, `pos+1=${pp1}`, `pos-1|pos=${pm1}|${pos[i]}`, `pos|pos+1=${pos[i]}|${pp1}`);
    f.push(ctx(i - 1, 0), ctx(i - 2, 1), ctx(i + 1, 2), ctx(i + 2, 3), `l-1|l=${normAt(i - 1)}|${w.norm}`, `l|l+1=${w.norm}|${normAt(i + 1)}`);
    f.push(ctx(i - 1, 4), ctx(i + 1, 5), ctx(i - 2, 6), ctx(i + 2, 7));
    f.push(`ss3=${sshapeAt(i - 1)}|${w.sshape}|${sshapeAt(i + 1)}`);
    if (i > 0) f.push(...words[i - 1].gazLeft, ...words[i - 1].clLeft);
    if (i + 1 < n) f.push(...words[i + 1].gazRight, ...words[i + 1].clRight);
    f.push(...phrase[i]);
    if (runs) f.push(...runs[i]);
    if (i > 0 && words[i - 1].gaz.includes("role")) f.push(words[i - 1].title ? "roleT-1" : "role-1");
    if (i > 1 && words[i - 2].gaz.includes("role")) f.push("role-2");
    if (w.title && i > 0 && words[i - 1].title) f.push("title-1");
    if (w.title && i + 1 < n && words[i + 1].title) f.push("title+1");
    // Headline / capitals lines: capitalisation means something else there, so case-sensitive
    // features get their own weights (prefixed with the mode) and lexical evidence is added.
    // With `splitSelf` the word's own part of this ({@link modeSelfFeatures}) is cached per word.
    if (mode !== "normal") {
      for (let k = 0; k < f.length; k++) if (CASE_SENSITIVE.test(f[k])) f[k] = `${mode}|${f[k]}`;
      if (!split) {
        f.push(`M=${mode}`);
        for (const x of w.modeFeats) f.push(`${mode}|${x}`);
      }
    }
    feats.push(f);
  }
  const info = words.map((w) => ({ norm: w.norm, sshape: mode === "normal" ? w.sshape : `${mode}|${w.sshape}` }));
  return opts.splitSelf ? { feats, info, self } : { feats, info };
}

/** Features that depend on the tags chosen for the previous two tokens. */
export function historyFeatures(info: TokenInfo, prev1: string, prev2: string): string[] {
  return [`t-1=${prev1}`, `t-2|t-1=${prev2}|${prev1}`, `t-1|l=${prev1}|${info.norm}`, `t-1|ss=${prev1}|${info.sshape}`];
}

/** Tag used for "no previous token". */
export const START_TAG = "<S>";
