/**
 * Greedy left-to-right BIO sequence tagger over the averaged perceptron.
 *
 * Each token is classified from its static features plus features of the two tags already
 * chosen; an `I-X` tag is only allowed after `B-X` or `I-X`, so output is always valid BIO.
 * Training uses the tagger's own predicted history (as at run time), shuffled each epoch.
 */
import { FeatToken, START_TAG, TokenInfo, historyFeatures, sentenceFeatures } from "./features.js";
import { taggerTables } from "./fasttag.js";
import { Gazetteer } from "./gazetteer.js";
import { PerceptronModel, PerceptronTrainer, argmax, scoreFeatures } from "./perceptron.js";
import { prng } from "../../prng.js";

/** The BIO tag set over the four CoNLL types. */
export const NER_TAGS = ["O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

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
}

/** Default number of training epochs. */
const DEFAULT_EPOCHS = 6;
/** Default minimum count for a static feature to be kept. */
const DEFAULT_MIN_FEATURE_COUNT = 2;
/** Default early-stopping patience (epochs without a dev improvement). */
const DEFAULT_PATIENCE = 2;
/** Default pruning threshold on averaged weights. */
const DEFAULT_MIN_WEIGHT = 0.005;

/** True when tag `next` may follow tag `prev` in BIO. */
export function bioAllowed(prev: string, next: string): boolean {
  if (!next.startsWith("I-")) return true;
  return prev.length > 2 && prev.slice(2) === next.slice(2) && prev !== "O";
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
  const trainer = new PerceptronTrainer(NER_TAGS);
  const tagIndex = new Map(NER_TAGS.map((t, i) => [t, i]));

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

  const gold = data.map((s) => s.tags.map((t) => tagIndex.get(t) ?? 0));
  const order = data.map((_, i) => i);
  const random = prng(opts.seed ?? 1);
  const scores = new Float64Array(NER_TAGS.length);
  const extra = new Float64Array(NER_TAGS.length);
  const hist: number[] = [];
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
        const guess = argmax(scores, (c) => bioAllowed(p, NER_TAGS[c]));
        const truth = gold[si][t];
        if (guess !== truth) {
          trainer.update(truth, guess, ids[t]);
          trainer.update(truth, guess, hist);
        } else correct++;
        total++;
        prev2 = prev1;
        prev1 = NER_TAGS[guess];
      }
    }
    if (opts.dev) {
      const model = trainer.finish(opts.minWeight ?? DEFAULT_MIN_WEIGHT);
      const score = opts.dev(model);
      opts.onEpoch?.(epoch, total ? correct / total : 1, score);
      if (!best || score > best.score) best = { model, score, epoch };
      else if (epoch - best.epoch >= (opts.patience ?? DEFAULT_PATIENCE)) break;
    } else opts.onEpoch?.(epoch, total ? correct / total : 1);
  }
  return best?.model ?? trainer.finish(opts.minWeight ?? DEFAULT_MIN_WEIGHT);
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
    t = [...classes, START_TAG].map((p) => classes.map((n) => bioAllowed(p, n)));
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
  if (!opts.reference) {
    const fast = taggerTables(model, gaz).tag(tokens, transitions(model.classes), opts.extra);
    if (fast) return fast;
  }
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
  return { tags, confidence };
}
