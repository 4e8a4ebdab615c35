/**
 * A multi-class averaged perceptron (Collins 2002; the tagger design of Honnibal's
 * "A good POS tagger in about 200 lines"), with string features.
 *
 * Training interns features to integer ids and keeps weights, running totals and
 * timestamps in flat typed arrays (lazy averaging). The trained model is a map from
 * feature string to a row of per-class weights, serialised as compact JSON.
 */
import { ParallaxError } from "../../errors.js";

/** Serialised weights are stored as integers: weight * WEIGHT_SCALE, rounded. */
const WEIGHT_SCALE = 1000;
/** Format name written into serialised models (checked on load). */
const MODEL_FORMAT = "parallax-perceptron";
const MODEL_VERSION = 1;
/** Initial room for this many features in the trainer (grows by doubling). */
const INITIAL_FEATURE_CAPACITY = 1 << 16;

/** A trained model: classes and one row of class weights per feature. */
export interface PerceptronModel {
  classes: string[];
  /** Feature string -> row index into `weights`. */
  index: Map<string, number>;
  /** Row-major weights, `classes.length` per feature. */
  weights: Float32Array;
  /** Free-form metadata written by the trainer (corpora, scores, date). */
  meta?: Record<string, unknown>;
}

/** Adds the weights of `features` into `out` (one score per class; `out` is zeroed first). */
export function scoreFeatures(model: PerceptronModel, features: readonly string[], out: Float64Array): void {
  const k = model.classes.length;
  out.fill(0);
  const w = model.weights;
  for (const f of features) {
    const row = model.index.get(f);
    if (row === undefined) continue;
    const base = row * k;
    for (let c = 0; c < k; c++) out[c] += w[base + c];
  }
}

/** Index of the best class (ties go to the lower index). */
export function argmax(scores: ArrayLike<number>, allowed?: (c: number) => boolean): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < scores.length; c++) {
    if (allowed && !allowed(c)) continue;
    if (scores[c] > bestScore) {
      bestScore = scores[c];
      best = c;
    }
  }
  return best;
}

/** Trains an averaged perceptron over interned integer features. */
export class PerceptronTrainer {
  readonly classes: string[];
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private w: Float64Array;
  private totals: Float64Array;
  private stamps: Float64Array;
  /** Number of instances seen (the averaging clock). */
  private clock = 0;

  constructor(classes: string[]) {
    if (classes.length < 2) throw new ParallaxError("E_NER_TRAIN", "A perceptron needs at least two classes.", "Pass the full tag set.");
    this.classes = classes;
    const size = INITIAL_FEATURE_CAPACITY * classes.length;
    this.w = new Float64Array(size);
    this.totals = new Float64Array(size);
    this.stamps = new Float64Array(size);
  }

  /** Number of interned features. */
  get size(): number {
    return this.names.length;
  }

  /** The id of a feature; interns it when `create` is true, else returns -1 for unknown features. */
  featureId(name: string, create = true): number {
    const id = this.ids.get(name);
    if (id !== undefined) return id;
    if (!create) return -1;
    const nid = this.names.length;
    this.ids.set(name, nid);
    this.names.push(name);
    if ((nid + 1) * this.classes.length > this.w.length) this.grow();
    return nid;
  }

  private grow(): void {
    const size = this.w.length * 2;
    const copy = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.w = copy(this.w);
    this.totals = copy(this.totals);
    this.stamps = copy(this.stamps);
  }

  /** Scores of every class for a list of feature ids (negative ids are skipped). */
  scores(ids: ArrayLike<number>, out: Float64Array): void {
    const k = this.classes.length;
    out.fill(0);
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j];
      if (id < 0) continue;
      const base = id * k;
      for (let c = 0; c < k; c++) out[c] += this.w[base + c];
    }
  }

  /** Advances the averaging clock: call once per training instance. */
  tick(): void {
    this.clock++;
  }

  /** Perceptron update: +1 to the true class, -1 to the guessed class, for each feature. */
  update(truth: number, guess: number, ids: ArrayLike<number>): void {
    if (truth === guess) return;
    const k = this.classes.length;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j];
      if (id < 0) continue;
      this.bump(id * k + truth, 1);
      this.bump(id * k + guess, -1);
    }
  }

  /** Adds `v` to the weight of class `cls` for each feature (structured updates: gold +1, guess -1). */
  adjust(cls: number, ids: ArrayLike<number>, v: number): void {
    const k = this.classes.length;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j];
      if (id >= 0) this.bump(id * k + cls, v);
    }
  }

  private bump(idx: number, v: number): void {
    this.totals[idx] += (this.clock - this.stamps[idx]) * this.w[idx];
    this.stamps[idx] = this.clock;
    this.w[idx] += v;
  }

  /**
   * The averaged model. Features whose largest absolute averaged weight is below
   * `minWeight` are dropped (they barely change any decision and bloat the file).
   */
  finish(minWeight = 0): PerceptronModel {
    const k = this.classes.length;
    const keep: number[] = [];
    const avg = new Float64Array(k);
    const rows: number[] = [];
    for (let id = 0; id < this.names.length; id++) {
      let max = 0;
      for (let c = 0; c < k; c++) {
        const idx = id * k + c;
        const total = this.totals[idx] + (this.clock - this.stamps[idx]) * this.w[idx];
        avg[c] = this.clock > 0 ? total / this.clock : 0;
        max = Math.max(max, Math.abs(avg[c]));
      }
      if (max === 0 || max < minWeight) continue;
      keep.push(id);
      for (let c = 0; c < k; c++) rows.push(avg[c]);
    }
    const index = new Map<string, number>();
    keep.forEach((id, row) => index.set(this.names[id], row));
    return { classes: [...this.classes], index, weights: Float32Array.from(rows) };
  }
}

interface SerializedModel {
  format: string;
  version: number;
  classes: string[];
  scale: number;
  features: string[];
  /** Row-major integer weights (weight * scale). */
  weights: number[];
  meta?: Record<string, unknown>;
}

/** Serialises a model to JSON (weights quantised to 1/WEIGHT_SCALE; features with all-zero rows dropped). */
export function serializeModel(model: PerceptronModel): string {
  const k = model.classes.length;
  const features: string[] = [];
  const weights: number[] = [];
  for (const [name, row] of model.index) {
    const q: number[] = [];
    let any = false;
    for (let c = 0; c < k; c++) {
      const v = Math.round(model.weights[row * k + c] * WEIGHT_SCALE);
      q.push(v);
      if (v !== 0) any = true;
    }
    if (!any) continue;
    features.push(name);
    weights.push(...q);
  }
  const out: SerializedModel = { format: MODEL_FORMAT, version: MODEL_VERSION, classes: model.classes, scale: WEIGHT_SCALE, features, weights, meta: model.meta };
  return JSON.stringify(out);
}

/** Reads a model written by {@link serializeModel}; throws ParallaxError on anything else. */
export function deserializeModel(json: string): PerceptronModel {
  let data: SerializedModel;
  try {
    data = JSON.parse(json) as SerializedModel;
  } catch (err) {
    throw new ParallaxError("E_NER_MODEL", `The NER model is not valid JSON (${(err as Error).message}).`, "Re-run `npm run train` or restore models/ner/ from the repository.");
  }
  if (data?.format !== MODEL_FORMAT || data.version !== MODEL_VERSION || !Array.isArray(data.features) || !Array.isArray(data.weights)) {
    throw new ParallaxError("E_NER_MODEL", "The NER model file has an unknown format or version.", "Re-run `npm run train` or restore models/ner/ from the repository.");
  }
  const k = data.classes.length;
  if (data.weights.length !== data.features.length * k) {
    throw new ParallaxError("E_NER_MODEL", "The NER model file is truncated (weights do not match features).", "Re-run `npm run train` or restore models/ner/ from the repository.");
  }
  const index = new Map<string, number>();
  data.features.forEach((f, i) => index.set(f, i));
  const weights = new Float32Array(data.weights.length);
  for (let i = 0; i < weights.length; i++) weights[i] = data.weights[i] / data.scale;
  return { classes: data.classes, index, weights, meta: data.meta };
}
