/**
 * Fast inference path of the tagger (greedy or beam search): the same features and weights as
 * {@link sentenceFeatures} + {@link scoreFeatures}, but scored from precomputed tables instead
 * of building and hashing ~45 feature strings per token.
 *
 * Per (model, gazetteer) pair, {@link TaggerTables} caches:
 * - per word form, five summed class-score vectors: the word's own features and the features
 *   it contributes to each of its neighbours (`l-1=`/`s-1=`/`g-1=`/`c-1=`/`role-1` as the previous
 *   token, `l-2=`/`s-2=`/`role-2` two back, `l+1=`/`s+1=`/`g+1=`/`c+1=` and `l+2=`/`s+2=` ahead);
 * - the model's word-pair features (`l-1|l=a|b`, `l|l+1=a|b`) and history features
 *   (`t-1|l=<tag>|<norm>`, `t-1|ss=<tag>|<shape>`) indexed by their parts, so a word looks up its
 *   rows with the strings it already holds instead of building new ones;
 * - per triple of short shapes the row of `ss3=`, per triple of POS tags the summed vector of
 *   the five POS features.
 *
 * Weights are multiples of 1/1000 stored as float32, so their float64 sums are exact and the
 * order of addition does not matter: scores, tags and confidences are bit-identical to the
 * string path (fasttag.test.ts checks this). For an unquantised in-memory model (during
 * training) sums may differ in the last bit, which can only matter for exact ties. Only ordinary ("normal" case mode) sentences take
 * this path; headline and capitals lines, whose features are rewritten by mode, use the
 * string path.
 */
import { GenerationCache } from "./generations.js";
import { caseModeOf, isRunningText, wordCasing } from "./casing.js";
import { FeatToken, PAD_AFTER, PAD_BEFORE, PAD_CTX_AFTER, PAD_CTX_BEFORE, START_TAG, WordFeats, historyFeatures, runFeatures, wordFeats } from "./features.js";
import { Gazetteer } from "./gazetteer.js";
import { PerceptronModel } from "./perceptron.js";
import { endAllowed } from "./bio.js";

/**
 * Word forms per generation of the word cache: when the current generation is full it becomes the
 * previous one (an entry found there moves back to the current one) and the generation before it is
 * dropped. Memory stays bounded by two generations on any input while the frequent words stay cached
 * (a cache that was cleared when full held up to 100k forms, 2-3 KB each, for the life of the process).
 */
export const WORD_CACHE_GENERATION = 30_000;
/** Distinct short shapes after which every cache is dropped (shapes are few; this only guards odd input). */
const MAX_CACHED_SHAPES = 10_000;
/**
 * Words whose score vectors share one typed array (a slab): one allocation per this many new
 * words instead of one small off-heap buffer per word, and neighbouring entries close in memory.
 */
const VEC_SLAB_WORDS = 2048;
/** Ids of short shapes and POS tags are packed three to a small integer key, so each must stay below this. */
const TRIPLE_ID_LIMIT = 1024;

/** Feature-name prefixes of the word-pair and history features (as built in features.ts). */
const PAIR_FIRST = "l|l+1=";
const PAIR_SECOND = "l-1|l=";
const HIST_NORM = "t-1|l=";
const HIST_SHAPE = "t-1|ss=";

/** Packed rows ({@link TaggerTables.packPair}) of the features `<prefix><a>|<b>`, by a, then by the id of b ({@link NormEntry.pairId}). */
type PairIndex = Map<string, Map<number, number>>;

/** A short shape (or padding) with its id and the rows of `t-1|ss=<prev>|<sshape>` per previous tag. */
interface ShapeEntry {
  id: number;
  sshape: string;
  hist: Int32Array;
}

/** A normalised form (or padding) with the model rows that mention it. */
interface NormEntry {
  norm: string;
  /** Rows of `t-1|l=<prev>|<norm>` per previous-tag index (classes, then START); -1 when absent. */
  hist: Int32Array;
  /**
   * By the next norm's {@link NormEntry.pairId}, the rows of `l-1|l=<norm>|<next>` (used by the
   * next token) and `l|l+1=<norm>|<next>` (used by this one), packed into one number
   * ({@link TaggerTables.packPair}): one integer-keyed look-up per pair of adjacent tokens.
   */
  pairs: Map<number, number> | undefined;
  /** Id of this norm as the second part of some pair feature, or -1 when it is none (no pair can match). */
  pairId: number;
}

/** Everything the fast path needs about one word form. */
interface WordEntry {
  wf: WordFeats;
  /**
   * The slab holding, from {@link WordEntry.off}, 5 * k scores: own features, then as token
   * i-1, i-2, i+1, i+2 of its neighbour.
   */
  vec: Float64Array;
  /** Offset of this word's scores in {@link WordEntry.vec}. */
  off: number;
  norm: NormEntry;
  shape: ShapeEntry;
  /** Casing flags ({@link wordCasing}). */
  casing: number;
  /** True when a gazetteer phrase may start at this word ({@link Gazetteer.startsPhrase}). */
  phraseStart: boolean;
}

/** Offsets of the five score vectors inside {@link WordEntry.vec} (in units of k). */
const SELF = 0;
const LEFT1 = 1;
const LEFT2 = 2;
const RIGHT1 = 3;
const RIGHT2 = 4;

/** Precomputed scoring tables of one model with one gazetteer. */
export class TaggerTables {
  readonly k: number;
  private readonly model: PerceptronModel;
  private readonly gaz: Gazetteer;
  /** Tag names by index, with START_TAG last (index k). */
  private readonly prevNames: string[];
  /** Word entries by form, in two generations (see {@link WORD_CACHE_GENERATION}). */
  private readonly words = new GenerationCache<string, WordEntry>(WORD_CACHE_GENERATION);
  private norms = new Map<string, NormEntry>();
  private shapes = new Map<string, ShapeEntry>();
  private shapeTriples = new Map<number, number>();
  private readonly posIds = new Map<string, number>();
  private readonly posNames: string[] = [];
  private readonly posTriples = new Map<number, Float64Array>();
  /** Rows of `t-1=<prev>` and `t-2|t-1=<prev2>|<prev1>` (index prev2 * (k + 1) + prev1). */
  private readonly histPrev1: Int32Array;
  private readonly histPrev2: Int32Array;
  /** The model's pair and history features, indexed by their parts. */
  private readonly pairs: PairIndex = new Map();
  /** Ids of the strings that occur as second part b of a pair feature. */
  private readonly pairIds = new Map<string, number>();
  /** Packing base of pair rows: larger than any row + 1. */
  private readonly pairBase: number;
  private readonly histNorm = new Map<string, Int32Array>();
  private readonly histShape = new Map<string, Int32Array>();
  /** History rows of a norm or shape the model has no history feature for. */
  private readonly noHist: Int32Array;
  /** Padding contributions to neighbours (k scores each). */
  private readonly padBefore1: Float64Array;
  private readonly padBefore2: Float64Array;
  private readonly padAfter1: Float64Array;
  private readonly padAfter2: Float64Array;
  private readonly rowInit: number;
  private readonly rowInitTitle: number;
  private readonly rowTitleBefore: number;
  private readonly rowTitleAfter: number;
  /** Rows of `gp=B-<cls>` / `gp=I-<cls>` by class name (filled on demand). */
  private readonly phraseRows = new Map<string, number>();
  /** Rows of run features (`rl=<cls>|<B/I/E>`, ...) by name (filled on demand). */
  private readonly runRows = new Map<string, number>();
  /** Rows of `roleT-1`, `role-1` and `role-2`. */
  private readonly rowRoleTitle1: number;
  private readonly rowRole1: number;
  private readonly rowRole2: number;
  /** Current slab of word score vectors and how many of its words are used. */
  private slab: Float64Array;
  private slabUsed = 0;
  /** Scratch: scores of the current token. */
  private readonly scores: Float64Array;
  /** Scratch, reused across sentences: word entries, their features and POS ids of the current sentence. */
  private readonly sentWords: WordEntry[] = [];
  private readonly sentFeats: WordFeats[] = [];
  private sentPos = new Int32Array(64);

  constructor(model: PerceptronModel, gaz: Gazetteer) {
    this.model = model;
    this.gaz = gaz;
    const k = (this.k = model.classes.length);
    this.prevNames = [...model.classes, START_TAG];
    const p = this.prevNames.length;
    this.histPrev1 = new Int32Array(p);
    this.histPrev2 = new Int32Array(p * p);
    const blank = { norm: "", sshape: "" };
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        const h = historyFeatures(blank, this.prevNames[b], this.prevNames[a]);
        this.histPrev2[a * p + b] = this.row(h[1]);
        if (a === 0) this.histPrev1[b] = this.row(h[0]);
      }
    }
    this.noHist = new Int32Array(p).fill(-1);
    this.pairBase = model.index.size + 2;
    this.indexModel();
    this.padBefore1 = this.sum([PAD_CTX_BEFORE[0], PAD_CTX_BEFORE[4]]);
    this.padBefore2 = this.sum([PAD_CTX_BEFORE[1], PAD_CTX_BEFORE[6]]);
    this.padAfter1 = this.sum([PAD_CTX_AFTER[2], PAD_CTX_AFTER[5]]);
    this.padAfter2 = this.sum([PAD_CTX_AFTER[3], PAD_CTX_AFTER[7]]);
    this.rowInit = this.row("init");
    this.rowInitTitle = this.row("init-title");
    this.rowTitleBefore = this.row("title-1");
    this.rowTitleAfter = this.row("title+1");
    this.rowRoleTitle1 = this.row("roleT-1");
    this.rowRole1 = this.row("role-1");
    this.rowRole2 = this.row("role-2");
    this.scores = new Float64Array(k);
    this.hscores = new Float64Array(k);
    this.endOk = endAllowed(model.classes);
    this.slab = new Float64Array(VEC_SLAB_WORDS * 5 * k);
  }

  /**
   * Indexes the pair and history features of the model by their parts. A value may itself
   * contain "|", so every split of `a|b` is registered: a pair (a, b) then finds exactly the
   * row of the string `<prefix>a|b`, as a string look-up would.
   */
  private indexModel(): void {
    const tagIds = new Map(this.prevNames.map((t, i) => [t, i]));
    const addPair = (second: boolean, rest: string, row: number): void => {
      for (let j = rest.indexOf("|"); j >= 0; j = rest.indexOf("|", j + 1)) {
        const a = rest.slice(0, j);
        let m = this.pairs.get(a);
        if (!m) this.pairs.set(a, (m = new Map()));
        const bs = rest.slice(j + 1);
        let b = this.pairIds.get(bs);
        if (b === undefined) this.pairIds.set(bs, (b = this.pairIds.size));
        const old = m.get(b) ?? this.packPair(-1, -1);
        m.set(b, second ? this.packPair(row, this.firstOf(old)) : this.packPair(this.secondOf(old), row));
      }
    };
    const addHist = (index: Map<string, Int32Array>, rest: string, row: number): void => {
      for (let j = rest.indexOf("|"); j >= 0; j = rest.indexOf("|", j + 1)) {
        const tag = tagIds.get(rest.slice(0, j));
        if (tag === undefined) continue;
        const value = rest.slice(j + 1);
        let h = index.get(value);
        if (!h) index.set(value, (h = new Int32Array(this.prevNames.length).fill(-1)));
        h[tag] = row;
      }
    };
    for (const [f, row] of this.model.index) {
      if (f.startsWith(PAIR_FIRST)) addPair(false, f.slice(PAIR_FIRST.length), row);
      else if (f.startsWith(PAIR_SECOND)) addPair(true, f.slice(PAIR_SECOND.length), row);
      else if (f.startsWith(HIST_NORM)) addHist(this.histNorm, f.slice(HIST_NORM.length), row);
      else if (f.startsWith(HIST_SHAPE)) addHist(this.histShape, f.slice(HIST_SHAPE.length), row);
    }
  }

  /** Packs the rows (or -1) of `l-1|l=a|b` and `l|l+1=a|b` into one number. */
  private packPair(second: number, first: number): number {
    return (second + 1) * this.pairBase + (first + 1);
  }

  /** The `l-1|l=a|b` row of a packed pair. */
  private secondOf(packed: number): number {
    return Math.floor(packed / this.pairBase) - 1;
  }

  /** The `l|l+1=a|b` row of a packed pair. */
  private firstOf(packed: number): number {
    return (packed % this.pairBase) - 1;
  }

  private row(feature: string): number {
    return this.model.index.get(feature) ?? -1;
  }

  /** Summed weights of a list of features (k scores), added into `out` at `offset`. */
  private sum(features: readonly string[], out: Float64Array = new Float64Array(this.k), offset = 0): Float64Array {
    const k = this.k;
    const w = this.model.weights;
    for (const f of features) {
      const row = this.model.index.get(f);
      if (row === undefined) continue;
      const base = row * k;
      for (let c = 0; c < k; c++) out[offset + c] += w[base + c];
    }
    return out;
  }

  /** Adds the weights of each feature of `features` into `out` at `offset` (same order as {@link sum}, no allocation). */
  private addAll(features: readonly string[], out: Float64Array, offset: number): void {
    for (let j = 0; j < features.length; j++) this.addRowAt(this.model.index.get(features[j]) ?? -1, out, offset);
  }

  /** Adds one weight row (if any, i.e. row >= 0) into `out` at `offset`. */
  private addRowAt(row: number, out: Float64Array, offset: number): void {
    if (row < 0) return;
    const k = this.k;
    const w = this.model.weights;
    const base = row * k;
    for (let c = 0; c < k; c++) out[offset + c] += w[base + c];
  }

  /** Drops every cached word, norm and shape (the model's own tables stay). */
  releaseCaches(): void {
    this.words.clear();
    this.norms = new Map();
    this.shapes = new Map();
    this.shapeTriples = new Map();
  }

  /** Starts a new generation of the word cache (norm entries are rebuilt on demand; shapes stay: their ids key shapeTriples). */
  private nextGeneration(): void {
    this.words.rotate();
    this.norms = new Map();
  }

  private normEntry(norm: string): NormEntry {
    let e = this.norms.get(norm);
    if (!e) {
      e = { norm, hist: this.histNorm.get(norm) ?? this.noHist, pairs: this.pairs.get(norm), pairId: this.pairIds.get(norm) ?? -1 };
      this.norms.set(norm, e);
    }
    return e;
  }

  private shapeEntry(sshape: string): ShapeEntry {
    let e = this.shapes.get(sshape);
    if (!e) {
      e = { id: this.shapes.size, sshape, hist: this.histShape.get(sshape) ?? this.noHist };
      this.shapes.set(sshape, e);
    }
    return e;
  }

  private wordEntry(text: string): WordEntry {
    let e = this.words.get(text);
    if (e) return e;
    const k = this.k;
    const wf = wordFeats(text, this.gaz);
    const role = wf.gaz.includes("role");
    if (this.slabUsed === VEC_SLAB_WORDS) {
      this.slab = new Float64Array(VEC_SLAB_WORDS * 5 * k);
      this.slabUsed = 0;
    }
    const vec = this.slab;
    const off = this.slabUsed++ * 5 * k;
    const ctx = wf.ctx;
    const index = this.model.index;
    // Same features, in the same order, as the string path gives each neighbour.
    this.addAll(wf.self, vec, off + SELF * k);
    this.addRowAt(index.get(ctx[0]) ?? -1, vec, off + LEFT1 * k);
    this.addRowAt(index.get(ctx[4]) ?? -1, vec, off + LEFT1 * k);
    this.addAll(wf.gazLeft, vec, off + LEFT1 * k);
    this.addAll(wf.clLeft, vec, off + LEFT1 * k);
    if (role) this.addRowAt(wf.title ? this.rowRoleTitle1 : this.rowRole1, vec, off + LEFT1 * k);
    this.addRowAt(index.get(ctx[1]) ?? -1, vec, off + LEFT2 * k);
    this.addRowAt(index.get(ctx[6]) ?? -1, vec, off + LEFT2 * k);
    if (role) this.addRowAt(this.rowRole2, vec, off + LEFT2 * k);
    this.addRowAt(index.get(ctx[2]) ?? -1, vec, off + RIGHT1 * k);
    this.addRowAt(index.get(ctx[5]) ?? -1, vec, off + RIGHT1 * k);
    this.addAll(wf.gazRight, vec, off + RIGHT1 * k);
    this.addAll(wf.clRight, vec, off + RIGHT1 * k);
    this.addRowAt(index.get(ctx[3]) ?? -1, vec, off + RIGHT2 * k);
    this.addRowAt(index.get(ctx[7]) ?? -1, vec, off + RIGHT2 * k);
    e = {
      wf,
      vec,
      off,
      norm: this.normEntry(wf.norm),
      shape: this.shapeEntry(wf.sshape),
      casing: wordCasing(text, this.gaz),
      phraseStart: this.gaz.startsPhrase(wf.form),
    };
    this.words.set(text, e);
    return e;
  }

  /** Row of `ss3=<a>|<b>|<c>` over short shapes (entries a, b, c of those shapes). */
  private shapeTriple(a: ShapeEntry, b: ShapeEntry, c: ShapeEntry): number {
    if (a.id >= TRIPLE_ID_LIMIT || b.id >= TRIPLE_ID_LIMIT || c.id >= TRIPLE_ID_LIMIT) return this.row(`ss3=${a.sshape}|${b.sshape}|${c.sshape}`);
    const key = (a.id * TRIPLE_ID_LIMIT + b.id) * TRIPLE_ID_LIMIT + c.id;
    let r = this.shapeTriples.get(key);
    if (r === undefined) {
      r = this.row(`ss3=${a.sshape}|${b.sshape}|${c.sshape}`);
      this.shapeTriples.set(key, r);
    }
    return r;
  }

  private posId(pos: string): number {
    let id = this.posIds.get(pos);
    if (id === undefined) {
      id = this.posIds.size;
      this.posIds.set(pos, id);
      this.posNames.push(pos);
    }
    return id;
  }

  /** Summed weights of the five POS features of a token with POS ids b, between ids a and c. */
  private posVector(a: number, b: number, c: number): Float64Array {
    const key = a < TRIPLE_ID_LIMIT && b < TRIPLE_ID_LIMIT && c < TRIPLE_ID_LIMIT ? (a * TRIPLE_ID_LIMIT + b) * TRIPLE_ID_LIMIT + c : -1;
    let v = key >= 0 ? this.posTriples.get(key) : undefined;
    if (!v) {
      const [before, tag, after] = [this.posNames[a], this.posNames[b], this.posNames[c]];
      v = this.sum([`pos=${tag}`, `pos-1=${before}`, `pos+1=${after}`, `pos-1|pos=${before}|${tag}`, `pos|pos+1=${tag}|${after}`]);
      if (key >= 0) this.posTriples.set(key, v);
    }
    return v;
  }

  private phraseRow(feature: string): number {
    let r = this.phraseRows.get(feature);
    if (r === undefined) {
      r = this.row(feature);
      this.phraseRows.set(feature, r);
    }
    return r;
  }

  /**
   * Tags one sentence, or returns undefined when it is not in "normal" case mode (the caller
   * then uses the string path). Output is identical to the string path.
   */
  tag(tokens: readonly FeatToken[], allowedAfter: readonly (readonly boolean[])[], extra?: readonly (readonly string[])[], width = 1): { tags: string[]; confidence: number[] } | undefined {
    const n = tokens.length;
    if (this.shapes.size >= MAX_CACHED_SHAPES) this.releaseCaches();
    else if (this.words.full(n)) this.nextGeneration();
    const words = this.sentWords;
    words.length = n;
    let mayHavePhrase = false;
    for (let i = 0; i < n; i++) {
      const e = this.wordEntry(tokens[i].text);
      words[i] = e;
      if (e.phraseStart) mayHavePhrase = true;
    }
    if (caseModeOf(n, (i) => words[i].casing, () => isRunningText(tokens.map((t) => t.text), this.gaz)) !== "normal") return undefined;
    const k = this.k;
    const w = this.model.weights;
    if (this.sentPos.length < n) this.sentPos = new Int32Array(Math.max(n, 2 * this.sentPos.length));
    const pos = this.sentPos;
    for (let i = 0; i < n; i++) pos[i] = this.posId(tokens[i].pos ?? "X");
    const normA = this.normEntry(PAD_AFTER);
    const shapeB = this.shapeEntry(PAD_BEFORE);
    const shapeA = this.shapeEntry(PAD_AFTER);
    const posB = this.posId(PAD_BEFORE);
    const posA = this.posId(PAD_AFTER);
    let phrase: number[][] | undefined;
    // No word starts a gazetteer phrase in most sentences: skip the trie walk there.
    if (mayHavePhrase) {
      const forms = new Array<string>(n);
      for (let i = 0; i < n; i++) forms[i] = words[i].wf.form;
      for (const m of this.gaz.matchPhrases(forms)) {
        phrase ??= [];
        (phrase[m.start] ??= []).push(this.phraseRow(`gp=B-${m.cls}`));
        for (let j = m.start + 1; j < m.end; j++) (phrase[j] ??= []).push(this.phraseRow(`gp=I-${m.cls}`));
      }
    }

    const feats = this.sentFeats;
    feats.length = n;
    for (let i = 0; i < n; i++) feats[i] = words[i].wf;
    const runs = runFeatures(feats);
    const s = this.scores;
    const tags = new Array<string>(n);
    const confidence = new Array<number>(n);
    const p = this.prevNames.length;
    const histPrev1 = this.histPrev1;
    const histPrev2 = this.histPrev2;
    let prev1 = k; // START_TAG index
    let prev2 = k;
    // Rows of `l-1|l=` for token 0 (pair <s>, first word), then carried from pair (i, i + 1).
    const startPair = n > 0 ? pairRows(this.normEntry(PAD_BEFORE), words[0].norm) : undefined;
    let secondRow = startPair === undefined ? -1 : this.secondOf(startPair);
    let prevShape = shapeB;
    let prevTitle = false;
    for (let i = 0; i < n; i++) {
      const we = words[i];
      const wf = we.wf;
      const next = i + 1 < n ? words[i + 1] : undefined;
      // Own vector plus what each neighbour (or the padding) contributes, added in a fixed order.
      const own = we.vec;
      const ownO = we.off + SELF * k;
      const l1 = i >= 1 ? words[i - 1].vec : this.padBefore1;
      const l1o = i >= 1 ? words[i - 1].off + LEFT1 * k : 0;
      const l2 = i >= 2 ? words[i - 2].vec : this.padBefore2;
      const l2o = i >= 2 ? words[i - 2].off + LEFT2 * k : 0;
      const r1 = next ? next.vec : this.padAfter1;
      const r1o = next ? next.off + RIGHT1 * k : 0;
      const r2 = i + 2 < n ? words[i + 2].vec : this.padAfter2;
      const r2o = i + 2 < n ? words[i + 2].off + RIGHT2 * k : 0;
      const pv = this.posVector(i >= 1 ? pos[i - 1] : posB, pos[i], next ? pos[i + 1] : posA);
      for (let c = 0; c < k; c++) s[c] = own[ownO + c] + l1[l1o + c] + l2[l2o + c] + r1[r1o + c] + r2[r2o + c] + pv[c];
      const norm = we.norm;
      const after = next ? next.norm : normA;
      const pair = pairRows(norm, after);
      addRow(s, w, secondRow, k);
      if (pair === undefined) {
        secondRow = -1;
      } else {
        addRow(s, w, this.firstOf(pair), k);
        secondRow = this.secondOf(pair);
      }
      addRow(s, w, this.shapeTriple(prevShape, we.shape, next ? next.shape : shapeA), k);
      prevShape = we.shape;
      if (i === 0) addRow(s, w, wf.title ? this.rowInitTitle : this.rowInit, k);
      const ph = phrase?.[i];
      if (ph) for (const r of ph) addRow(s, w, r, k);
      if (wf.title && prevTitle) addRow(s, w, this.rowTitleBefore, k);
      if (wf.title && next && next.wf.title) addRow(s, w, this.rowTitleAfter, k);
      prevTitle = wf.title;
      const rf = runs?.[i];
      if (rf) for (const x of rf) addRow(s, w, this.runRow(x), k);
      const ex = extra?.[i];
      if (ex) for (const x of ex) addRow(s, w, this.model.index.get(x) ?? -1, k);
      if (width > 1) {
        this.beamStep(i, i === n - 1, width, norm, we.shape, allowedAfter);
        continue;
      }
      // History features.
      addRow(s, w, histPrev1[prev1], k);
      addRow(s, w, histPrev2[prev2 * p + prev1], k);
      addRow(s, w, norm.hist[prev1], k);
      addRow(s, w, we.shape.hist[prev1], k);

      const allowed = allowedAfter[prev1];
      let best = -1;
      for (let c = 0; c < k; c++) if (allowed[c] && (best < 0 || s[c] > s[best])) best = c;
      let z = 0;
      const top = s[best];
      for (let c = 0; c < k; c++) if (allowed[c]) z += Math.exp(s[c] - top);
      tags[i] = this.prevNames[best];
      confidence[i] = 1 / z;
      prev2 = prev1;
      prev1 = best;
    }
    if (width > 1) return this.beamResult(n, width, allowedAfter);
    return { tags, confidence };
  }

  // ------------------------------------------------------------ beam decoding (structured models)
  /** Beam state: per slot the path score, last two tags; per token and slot the back-pointer, tag and confidence. */
  private beamScore = new Float64Array(0);
  private beamP1 = new Int32Array(0);
  private beamP2 = new Int32Array(0);
  private beamSize = 0;
  private backPtr = new Int32Array(0);
  private backTag = new Int32Array(0);
  /** Static scores (all but the history features) of each token of the sentence, k per token. */
  private staticScores = new Float64Array(0);
  private pathTags = new Int32Array(0);
  private readonly hscores: Float64Array;
  /** Per class, whether a sentence may end on it (BILOU: not inside an open name). */
  private readonly endOk: boolean[];
  /** Candidates of one step (at most width * k), by first insertion; slot of each (prev1, tag) key. */
  private candScore = new Float64Array(0);
  private candP1 = new Int32Array(0);
  private candP2 = new Int32Array(0);
  private candParent = new Int32Array(0);
  private candOrder: number[] = [];
  private candSlot = new Int32Array(0);

  /**
   * One token of beam search, as beamTagSentence in tagger.ts: every item of the beam is extended
   * by every allowed tag with its history rows added to the token's static scores (in `this.scores`);
   * items ending in the same two tags are merged (the first best kept) and the best `width` kept,
   * ties in insertion order.
   */
  private beamStep(i: number, last: boolean, width: number, norm: NormEntry, shape: ShapeEntry, allowedAfter: readonly (readonly boolean[])[]): void {
    const k = this.k;
    const w = this.model.weights;
    const p = this.prevNames.length;
    const s = this.scores;
    const hs = this.hscores;
    if (i === 0) {
      if (this.beamScore.length < width) {
        this.beamScore = new Float64Array(width);
        this.beamP1 = new Int32Array(width);
        this.beamP2 = new Int32Array(width);
      }
      this.beamScore[0] = 0;
      this.beamP1[0] = k;
      this.beamP2[0] = k;
      this.beamSize = 1;
    }
    const cap = width * k;
    if (this.candScore.length < cap) {
      this.candScore = new Float64Array(cap);
      this.candP1 = new Int32Array(cap);
      this.candP2 = new Int32Array(cap);
      this.candParent = new Int32Array(cap);
    }
    if (this.candSlot.length < p * k) this.candSlot = new Int32Array(p * k);
    this.candSlot.fill(-1);
    if (this.staticScores.length < (i + 1) * k) {
      const grown = new Float64Array(Math.max((i + 1) * k, 2 * this.staticScores.length));
      grown.set(this.staticScores);
      this.staticScores = grown;
    }
    this.staticScores.set(s, i * k);
    let nc = 0;
    for (let b = 0; b < this.beamSize; b++) {
      const prev1 = this.beamP1[b];
      const prev2 = this.beamP2[b];
      for (let c = 0; c < k; c++) hs[c] = s[c];
      addRow(hs, w, this.histPrev1[prev1], k);
      addRow(hs, w, this.histPrev2[prev2 * p + prev1], k);
      addRow(hs, w, norm.hist[prev1], k);
      addRow(hs, w, shape.hist[prev1], k);
      const allowed = allowedAfter[prev1];
      const base = this.beamScore[b];
      for (let c = 0; c < k; c++) {
        if (!allowed[c] || (last && !this.endOk[c])) continue;
        const score = base + hs[c];
        const key = prev1 * k + c;
        let slot = this.candSlot[key];
        if (slot >= 0) {
          if (this.candScore[slot] >= score) continue;
        } else {
          slot = nc++;
          this.candSlot[key] = slot;
        }
        this.candScore[slot] = score;
        this.candP1[slot] = c;
        this.candP2[slot] = prev1;
        this.candParent[slot] = b;
      }
    }
    // The best `width` candidates, best first, ties in insertion order (insertion into a short sorted list).
    const order = this.candOrder;
    const cs = this.candScore;
    let kept = 0;
    for (let j = 0; j < nc; j++) {
      const v = cs[j];
      if (kept === width && v <= cs[order[kept - 1]]) continue;
      let at = kept < width ? kept++ : kept - 1;
      while (at > 0 && cs[order[at - 1]] < v) {
        order[at] = order[at - 1];
        at--;
      }
      order[at] = j;
    }
    const keep = kept;
    const need = (i + 1) * width;
    if (this.backPtr.length < need) {
      const size = Math.max(need, 2 * this.backPtr.length);
      const grow = (a: Int32Array) => {
        const b = new Int32Array(size);
        b.set(a);
        return b;
      };
      this.backPtr = grow(this.backPtr);
      this.backTag = grow(this.backTag);
    }
    for (let j = 0; j < keep; j++) {
      const c = order[j];
      this.beamScore[j] = cs[c];
      this.beamP1[j] = this.candP1[c];
      this.beamP2[j] = this.candP2[c];
      this.backPtr[i * width + j] = this.candParent[c];
      this.backTag[i * width + j] = this.candP1[c];
    }
    this.beamSize = keep;
  }

  /**
   * The best path of the finished beam search over `n` tokens, with each tag's confidence: the
   * softmax of its scores among the tags allowed after the path's previous tag (computed for this
   * one path only, from the stored static scores and the path's history rows).
   */
  private beamResult(n: number, width: number, allowedAfter: readonly (readonly boolean[])[]): { tags: string[]; confidence: number[] } {
    const k = this.k;
    const p = this.prevNames.length;
    const w = this.model.weights;
    const path = this.pathTags.length >= n ? this.pathTags : (this.pathTags = new Int32Array(2 * n));
    let j = 0;
    for (let i = n - 1; i >= 0; i--) {
      path[i] = this.backTag[i * width + j];
      j = this.backPtr[i * width + j];
    }
    const tags = new Array<string>(n);
    const confidence = new Array<number>(n);
    const hs = this.hscores;
    const words = this.sentWords;
    for (let i = 0; i < n; i++) {
      const prev1 = i >= 1 ? path[i - 1] : k;
      const prev2 = i >= 2 ? path[i - 2] : k;
      for (let c = 0; c < k; c++) hs[c] = this.staticScores[i * k + c];
      addRow(hs, w, this.histPrev1[prev1], k);
      addRow(hs, w, this.histPrev2[prev2 * p + prev1], k);
      addRow(hs, w, words[i].norm.hist[prev1], k);
      addRow(hs, w, words[i].shape.hist[prev1], k);
      const allowed = allowedAfter[prev1];
      let top = -Infinity;
      for (let c = 0; c < k; c++) if (allowed[c] && hs[c] > top) top = hs[c];
      let z = 0;
      for (let c = 0; c < k; c++) if (allowed[c]) z += Math.exp(hs[c] - top);
      tags[i] = this.prevNames[path[i]];
      confidence[i] = Math.exp(hs[path[i]] - top) / z;
    }
    return { tags, confidence };
  }

  /** Row of a run feature (a handful of distinct names, cached). */
  private runRow(feature: string): number {
    let r = this.runRows.get(feature);
    if (r === undefined) {
      r = this.row(feature);
      this.runRows.set(feature, r);
    }
    return r;
  }
}

/** Packed pair rows of norms a then b, or undefined when the model has no pair feature of them. */
function pairRows(a: NormEntry, b: NormEntry): number | undefined {
  return b.pairId >= 0 && a.pairs ? a.pairs.get(b.pairId) : undefined;
}

function addRow(s: Float64Array, w: Float32Array, row: number, k: number): void {
  if (row < 0) return;
  const base = row * k;
  for (let c = 0; c < k; c++) s[c] += w[base + c];
}

const tablesCache = new WeakMap<PerceptronModel, WeakMap<Gazetteer, TaggerTables>>();
/** Every table built, for {@link releaseTaggerCaches} (weakly: a dropped model's tables can go). */
const allTables: WeakRef<TaggerTables>[] = [];

/** The scoring tables of a model with a gazetteer (built on first use, then cached). */
export function taggerTables(model: PerceptronModel, gaz: Gazetteer): TaggerTables {
  let byGaz = tablesCache.get(model);
  if (!byGaz) tablesCache.set(model, (byGaz = new WeakMap()));
  let t = byGaz.get(gaz);
  if (!t) {
    byGaz.set(gaz, (t = new TaggerTables(model, gaz)));
    allTables.push(new WeakRef(t));
  }
  return t;
}

/** Drops the word caches of every tagger's tables (after a large ingest: they would otherwise stay for the process's life). */
export function releaseTaggerCaches(): void {
  for (let i = allTables.length - 1; i >= 0; i--) {
    const t = allTables[i].deref();
    if (t) t.releaseCaches();
    else allTables.splice(i, 1);
  }
}
