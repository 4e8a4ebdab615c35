/**
 * Left-to-right BIO sequence tagger over the averaged perceptron.
 *
 * Each token is scored from its static features plus features of the two tags before it; an
 * `I-X` tag is only allowed after `B-X` or `I-X`, so output is always valid BIO. Two ways to
 * train and decode:
 * - greedy (beam 1): each tag is decided in turn; training uses the tagger's own predicted
 *   history (as at run time);
 * - structured (beam > 1, the shipped model): a whole-sentence perceptron (Collins 2002) trained
 *   with beam search and early update (Collins & Roark 2004) and decoded with the same beam, so a
 *   tag can be chosen for what it lets the next tags be ("New" + "York" beats "New" alone). The
 *   model's meta records the beam width it was trained with.
 * Sentences are shuffled each epoch. A BILOU tag set (Ratinov & Roth 2009) can be trained too
 * (`scheme`); output is always BIO.
 */
import { FeatToken, START_TAG, TokenInfo, historyFeatures, sentenceFeatures } from "./features.js";
import { taggerTables } from "./fasttag.js";
import { Gazetteer } from "./gazetteer.js";
import { PerceptronModel, PerceptronTrainer, argmax, scoreFeatures } from "./perceptron.js";
import { bilouToBio, bioToBilou, endAllowed, isBilouTagSet, tagAllowed } from "./bio.js";
import { prng } from "../../prng.js";

/** The BIO tag set over the four CoNLL types. */
export const NER_TAGS = ["O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
/** The BILOU tag set over the same types (Ratinov & Roth 2009): unit and last tags added. */
export const NER_TAGS_BILOU = ["O", ...["PERSON", "ORG", "LOC", "MISC"].flatMap((t) => ["B", "I", "L", "U"].map((p) => `${p}-${t}`))];

/** A training sentence: tokens and one BIO tag per token. */
export interface TaggedSentence {
  tokens: FeatToken[];
  tags: string[];
  /** Extra static features per token (the document features of the second stage, docstage.ts). */
  extra?: (readonly string[])[];
}

export interface TrainOptions {
  /** Passes over the data. */
  epochs?: number;
  /** Static features seen fewer times than this in the training data are ignored. */
  minFeatureCount?: number;
  /** Averaged weights below this (absolute) are pruned from the final model. */
  minWeight?: number;
  /** Seed for the per-epoch shuffle (training is deterministic for a given seed). */
  seed?: number;
  /** Progress callback (epoch number, token accuracy on the training data during that epoch, dev score if any). */
  onEpoch?: (epoch: number, accuracy: number, devScore?: number) => void;
  /**
   * Early stopping: scores the averaged model after each epoch on held-aside data (higher is
   * better); training keeps the best model and stops after `patience` epochs without a gain.
   */
  dev?: (model: PerceptronModel) => number;
  /** Epochs without a dev gain before stopping (default 2). */
  patience?: number;
  /**
   * Beam width: 1 trains a greedy tagger (each tag decided in turn); more trains a structured
   * perceptron over whole sentences with beam search and early update (Collins & Roark 2004),
   * and the model then decodes with the same beam (written into its meta as `beam`).
   */
  beam?: number;
  /** Tag scheme of the model: BIO (default) or BILOU; training data is always given in BIO. */
  scheme?: "BIO" | "BILOU";
}

/** Default number of training epochs. */
const DEFAULT_EPOCHS = 6;
/** Default minimum count for a static feature to be kept. */
const DEFAULT_MIN_FEATURE_COUNT = 2;
/** Default early-stopping patience (epochs without a dev improvement). */
const DEFAULT_PATIENCE = 2;
/** Default pruning threshold on averaged weights. */
const DEFAULT_MIN_WEIGHT = 0.005;

/** The beam width a model decodes with (its meta `beam`; greedy when absent). */
export function modelBeam(model: PerceptronModel): number {
  const b = model.meta?.beam;
  return typeof b === "number" && b > 1 ? Math.floor(b) : 1;
}

/** True when tag `next` may follow tag `prev` in BIO. */
export function bioAllowed(prev: string, next: string): boolean {
  return tagAllowed(prev, next, false);
}


/** Static features with the extra per-token features appended. */
function withExtra(feats: string[][], extra: readonly (readonly string[] | undefined)[] | undefined): string[][] {
  if (extra) feats.forEach((f, t) => f.push(...(extra[t] ?? [])));
  return feats;
}

/** Trains a tagger model on BIO-tagged sentences. */
export function trainTagger(data: readonly TaggedSentence[], gaz: Gazetteer, opts: TrainOptions = {}): PerceptronModel {
  const epochs = opts.epochs ?? DEFAULT_EPOCHS;
  const minCount = opts.minFeatureCount ?? DEFAULT_MIN_FEATURE_COUNT;
  const classes = opts.scheme === "BILOU" ? NER_TAGS_BILOU : NER_TAGS;
  const bilou = isBilouTagSet(classes);
  const trainer = new PerceptronTrainer(classes);
  const tagIndex = new Map(classes.map((t, i) => [t, i]));

  // Pass 1: count static features; pass 2: intern the frequent ones (features are recomputed
  // rather than kept, so memory stays at one sentence's strings).
  const counts = new Map<string, number>();
  for (const s of data) for (const f of withExtra(sentenceFeatures(s.tokens, gaz).feats, s.extra)) for (const x of f) counts.set(x, (counts.get(x) ?? 0) + 1);
  for (const [f, c] of counts) if (c >= minCount) trainer.featureId(f);
  counts.clear();
  const staticIds: Int32Array[][] = [];
  const infos: TokenInfo[][] = [];
  for (const s of data) {
    const sf = sentenceFeatures(s.tokens, gaz);
    const info = sf.info;
    const feats = withExtra(sf.feats, s.extra);
    const flat: number[] = [];
    const bounds = [0];
    for (const f of feats) {
      for (const x of f) {
        const id = trainer.featureId(x, false);
        if (id >= 0) flat.push(id);
      }
      bounds.push(flat.length);
    }
    const arr = Int32Array.from(flat);
    staticIds.push(feats.map((_, t) => arr.subarray(bounds[t], bounds[t + 1])));
    infos.push(info);
  }

  const gold = data.map((s) => (bilou ? bioToBilou(s.tags) : s.tags).map((t) => tagIndex.get(t) ?? 0));
  const order = data.map((_, i) => i);
  const random = prng(opts.seed ?? 1);
  const scores = new Float64Array(classes.length);
  const extra = new Float64Array(classes.length);
  const hist: number[] = [];
  const beamWidth = Math.max(1, Math.floor(opts.beam ?? 1));
  const finish = (): PerceptronModel => {
    const m = trainer.finish(opts.minWeight ?? DEFAULT_MIN_WEIGHT);
    if (beamWidth > 1) m.meta = { ...m.meta, beam: beamWidth };
    return m;
  };
  let best: { model: PerceptronModel; score: number; epoch: number } | undefined;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const si of order) {
      const ids = staticIds[si];
      if (beamWidth > 1) {
        const r = beamTrainSentence(trainer, ids, infos[si], gold[si], beamWidth, scores, extra);
        correct += r.correct;
        total += ids.length;
        continue;
      }
      let prev1 = START_TAG;
      let prev2 = START_TAG;
      for (let t = 0; t < ids.length; t++) {
        hist.length = 0;
        for (const h of historyFeatures(infos[si][t], prev1, prev2)) hist.push(trainer.featureId(h));
        trainer.tick();
        trainer.scores(ids[t], scores);
        trainer.scores(hist, extra);
        for (let c = 0; c < scores.length; c++) scores[c] += extra[c];
        const p = prev1;
        const guess = argmax(scores, (c) => tagAllowed(p, classes[c], bilou));
        const truth = gold[si][t];
        if (guess !== truth) {
          trainer.update(truth, guess, ids[t]);
          trainer.update(truth, guess, hist);
        } else correct++;
        total++;
        prev2 = prev1;
        prev1 = classes[guess];
      }
    }
    if (opts.dev) {
      const model = finish();
      const score = opts.dev(model);
      opts.onEpoch?.(epoch, total ? correct / total : 1, score);
      if (!best || score > best.score) best = { model, score, epoch };
      else if (epoch - best.epoch >= (opts.patience ?? DEFAULT_PATIENCE)) break;
    } else opts.onEpoch?.(epoch, total ? correct / total : 1);
  }
  return best?.model ?? finish();
}

/** A partial tag sequence in the beam (a linked list back to the sentence start). */
interface BeamItem {
  score: number;
  /** Last tag (class index; `k` = start) and the one before. */
  prev1: number;
  prev2: number;
  parent: BeamItem | undefined;
  /** True while the sequence is the gold prefix. */
  gold: boolean;
}

/** The best `width` items of one step's candidates (merged by their last two tags), best first, ties in insertion order. */
function bestItems<T extends BeamItem>(next: ReadonlyMap<number, T>, width: number): T[] {
  return [...next.values()].sort((a, b) => b.score - a.score).slice(0, width);
}

/** The tags of a beam item's sequence, first to last. */
function beamTags(item: BeamItem): number[] {
  const out: number[] = [];
  for (let x: BeamItem | undefined = item; x?.parent; x = x.parent) out.push(x.prev1);
  return out.reverse();
}

/**
 * One sentence of structured training: beam search with the current weights; as soon as the gold
 * prefix falls out of the beam (or at the end, if the best sequence is not gold), the features of
 * the gold prefix are rewarded and those of the best prefix in the beam penalised ("early update").
 * Returns the number of tokens tagged right (of the prefix searched).
 */
function beamTrainSentence(trainer: PerceptronTrainer, ids: Int32Array[], info: TokenInfo[], gold: number[], width: number, st: Float64Array, hs: Float64Array): { correct: number } {
  const classes = trainer.classes;
  const allowedAfter = transitions(classes);
  const ends = endAllowed(classes);
  const k = classes.length;
  const name = (c: number): string => (c === k ? START_TAG : classes[c]);
  const histIds = (t: number, p1: number, p2: number, create: boolean): number[] => historyFeatures(info[t], name(p1), name(p2)).map((h) => trainer.featureId(h, create));
  let beam: BeamItem[] = [{ score: 0, prev1: k, prev2: k, parent: undefined, gold: true }];
  let stop = ids.length - 1;
  for (let t = 0; t < ids.length; t++) {
    trainer.tick();
    trainer.scores(ids[t], st);
    const next = new Map<number, BeamItem>();
    for (const h of beam) {
      trainer.scores(histIds(t, h.prev1, h.prev2, false), hs);
      for (let c = 0; c < k; c++) {
        if (!allowedAfter[h.prev1][c] || (t === ids.length - 1 && !ends[c])) continue;
        const score = h.score + st[c] + hs[c];
        const key = h.prev1 * (k + 1) + c;
        const old = next.get(key);
        const isGold = h.gold && gold[t] === c;
        if (old && (old.score > score || (old.score === score && !isGold))) continue;
        next.set(key, { score, prev1: c, prev2: h.prev1, parent: h, gold: isGold });
      }
    }
    beam = bestItems(next, width);
    if (!beam.some((b) => b.gold)) {
      stop = t;
      break;
    }
  }
  const pred = beamTags(beam[0]);
  let correct = 0;
  for (let t = 0; t < pred.length; t++) if (pred[t] === gold[t]) correct++;
  if (beam[0].gold) return { correct };
  for (let t = 0; t <= stop; t++) {
    const g = gold[t];
    const p = pred[t];
    const gp1 = t >= 1 ? gold[t - 1] : k;
    const gp2 = t >= 2 ? gold[t - 2] : k;
    const pp1 = t >= 1 ? pred[t - 1] : k;
    const pp2 = t >= 2 ? pred[t - 2] : k;
    if (g === p && gp1 === pp1 && gp2 === pp2) continue;
    if (g !== p) trainer.update(g, p, ids[t]);
    trainer.adjust(g, histIds(t, gp1, gp2, true), 1);
    trainer.adjust(p, histIds(t, pp1, pp2, true), -1);
  }
  return { correct };
}

/** Beam decoding of a structured model (the reference implementation; output as {@link tagSentence}). */
function beamTagSentence(model: PerceptronModel, gaz: Gazetteer, tokens: readonly FeatToken[], width: number, opts: TagOptions): TaggedOutput {
  const { feats, info, self } = sentenceFeatures(tokens, gaz, { splitSelf: true });
  if (opts.extra) withExtra(feats, opts.extra);
  const k = model.classes.length;
  const allowedAfter = transitions(model.classes);
  const st = new Float64Array(k);
  const own = new Float64Array(k);
  const hs = new Float64Array(k);
  const name = (c: number): string => (c === k ? START_TAG : model.classes[c]);
  const ends = endAllowed(model.classes);
  type Item = BeamItem & { conf: number };
  let beam: Item[] = [{ score: 0, prev1: k, prev2: k, parent: undefined, gold: false, conf: 1 }];
  for (let t = 0; t < tokens.length; t++) {
    scoreFeatures(model, feats[t], st);
    const selfFeats = self?.[t];
    if (selfFeats) {
      scoreFeatures(model, selfFeats, own);
      for (let c = 0; c < k; c++) st[c] += own[c];
    }
    const next = new Map<number, Item>();
    for (const h of beam) {
      scoreFeatures(model, historyFeatures(info[t], name(h.prev1), name(h.prev2)), hs);
      const allowed = allowedAfter[h.prev1];
      let top = -Infinity;
      for (let c = 0; c < k; c++) if (allowed[c]) top = Math.max(top, st[c] + hs[c]);
      let z = 0;
      for (let c = 0; c < k; c++) if (allowed[c]) z += Math.exp(st[c] + hs[c] - top);
      for (let c = 0; c < k; c++) {
        if (!allowed[c] || (t === tokens.length - 1 && !ends[c])) continue;
        const score = h.score + st[c] + hs[c];
        const key = h.prev1 * (k + 1) + c;
        const old = next.get(key);
        if (old && old.score >= score) continue;
        next.set(key, { score, prev1: c, prev2: h.prev1, parent: h, gold: false, conf: Math.exp(st[c] + hs[c] - top) / z });
      }
    }
    beam = bestItems(next, width);
  }
  const tags: string[] = [];
  const confidence: number[] = [];
  for (let x: Item | undefined = beam[0]; x?.parent; x = x.parent as Item) {
    tags.push(model.classes[x.prev1]);
    confidence.push(x.conf);
  }
  return { tags: bilouToBio(tags.reverse()), confidence: confidence.reverse() };
}

/** The tags of one sentence and, per token, the probability (softmax of the scores) of the chosen tag. */
export interface TaggedOutput {
  tags: string[];
  confidence: number[];
}

/** For each class pair [prev][next], whether BIO allows `next` after `prev` (cached per class list). */
const transitionCache = new WeakMap<string[], boolean[][]>();
function transitions(classes: string[]): boolean[][] {
  let t = transitionCache.get(classes);
  if (!t) {
    const bilou = isBilouTagSet(classes);
    t = [...classes, START_TAG].map((p) => classes.map((n) => tagAllowed(p, n, bilou)));
    transitionCache.set(classes, t);
  }
  return t;
}

/**
 * Summed weights of a word form's own features, per model, keyed by the word's (cached, shared)
 * feature array: most tokens are frequent words, so most of their scoring is a lookup.
 */
const selfCache = new WeakMap<PerceptronModel, WeakMap<readonly string[], Float64Array>>();
function selfScoreCache(model: PerceptronModel): WeakMap<readonly string[], Float64Array> {
  let c = selfCache.get(model);
  if (!c) selfCache.set(model, (c = new WeakMap()));
  return c;
}

/** Options of {@link tagSentence}. */
export interface TagOptions {
  /**
   * Score every sentence from feature strings (the reference implementation) instead of the
   * precomputed tables of {@link taggerTables}; the output is the same, only slower.
   */
  reference?: boolean;
  /** Extra static features per token (as given in training, {@link TaggedSentence.extra}). */
  extra?: readonly (readonly string[])[];
}

/** Tags one sentence with a trained model. */
export function tagSentence(model: PerceptronModel, gaz: Gazetteer, tokens: readonly FeatToken[], opts: TagOptions = {}): TaggedOutput {
  const width = modelBeam(model);
  if (!opts.reference) {
    const fast = taggerTables(model, gaz).tag(tokens, transitions(model.classes), opts.extra, width);
    if (fast) return isBilouTagSet(model.classes) ? { tags: bilouToBio(fast.tags), confidence: fast.confidence } : fast;
  }
  if (width > 1) return beamTagSentence(model, gaz, tokens, width, opts);
  const { feats, info, self } = sentenceFeatures(tokens, gaz, { splitSelf: true });
  if (opts.extra) withExtra(feats, opts.extra);
  const k = model.classes.length;
  const scores = new Float64Array(k);
  const selfScores = selfScoreCache(model);
  const hscores = new Float64Array(k);
  const tags: string[] = [];
  const confidence: number[] = [];
  const allowedAfter = transitions(model.classes);
  let prevIdx = k; // START_TAG row
  let prev1 = START_TAG;
  let prev2 = START_TAG;
  for (let t = 0; t < tokens.length; t++) {
    scoreFeatures(model, feats[t], scores);
    const own = self?.[t];
    if (own) {
      let cached = selfScores.get(own);
      if (!cached) {
        cached = new Float64Array(k);
        scoreFeatures(model, own, cached);
        selfScores.set(own, cached);
      }
      for (let c = 0; c < k; c++) scores[c] += cached[c];
    }
    scoreFeatures(model, historyFeatures(info[t], prev1, prev2), hscores);
    const allowed = allowedAfter[prevIdx];
    let best = -1;
    for (let c = 0; c < k; c++) {
      scores[c] += hscores[c];
      if (allowed[c] && (best < 0 || scores[c] > scores[best])) best = c;
    }
    let z = 0;
    for (let c = 0; c < k; c++) if (allowed[c]) z += Math.exp(scores[c] - scores[best]);
    tags.push(model.classes[best]);
    confidence.push(1 / z);
    prev2 = prev1;
    prev1 = model.classes[best];
    prevIdx = best;
  }
  return { tags: bilouToBio(tags), confidence };
}
