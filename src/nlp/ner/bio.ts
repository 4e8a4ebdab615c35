/**
 * BIO tag sequences <-> typed spans, and entity-level precision/recall/F1 (CoNLL scoring:
 * an entity counts only when its type and both boundaries are exact).
 */

/** A typed range [start, end) over tokens or characters. */
export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

/** Spans of a BIO sequence (token indices). A stray `I-X` starts a new span, as conlleval does. */
export function bioToSpans(tags: readonly string[]): TypedSpan[] {
  const out: TypedSpan[] = [];
  let cur: TypedSpan | undefined;
  tags.forEach((tag, i) => {
    const type = tag === "O" ? "" : tag.slice(2);
    const continues = cur !== undefined && tag.startsWith("I-") && cur.type === type;
    if (continues) {
      cur!.end = i + 1;
      return;
    }
    if (cur) out.push(cur);
    cur = tag === "O" ? undefined : { start: i, end: i + 1, type };
  });
  if (cur) out.push(cur);
  return out;
}

/** True when a tag set is BILOU (has `U-` unit and `L-` last tags) rather than BIO. */
export function isBilouTagSet(classes: readonly string[]): boolean {
  return classes.some((c) => c.startsWith("U-"));
}

/**
 * Whether tag `next` may follow tag `prev` (`<S>` at the start). BIO: `I-X` only after `B-X` or
 * `I-X`. BILOU: `I-X` and `L-X` only after `B-X` or `I-X`; `O`, `B-` and `U-` only where no name is open.
 */
export function tagAllowed(prev: string, next: string, bilou: boolean): boolean {
  const open = prev.startsWith("B-") || prev.startsWith("I-");
  if (next.startsWith("I-") || (bilou && next.startsWith("L-"))) return open && prev.slice(2) === next.slice(2);
  return !bilou || !open;
}

/** Whether a sentence may end on `tag` (BILOU: not inside an open name). */
export function canEndOn(tag: string, bilou: boolean): boolean {
  return !bilou || !(tag.startsWith("B-") || tag.startsWith("I-"));
}

/** For each class of a tag set, whether a sentence may end on it ({@link canEndOn}). */
export function endAllowed(classes: readonly string[]): boolean[] {
  const bilou = isBilouTagSet(classes);
  return classes.map((c) => canEndOn(c, bilou));
}

/** BIO -> BILOU: a one-token name is `U-X`, the last token of a longer one `L-X`. */
export function bioToBilou(tags: readonly string[]): string[] {
  return tags.map((t, i) => {
    if (t === "O") return t;
    const ends = !(tags[i + 1]?.startsWith("I-") && tags[i + 1].slice(2) === t.slice(2));
    if (t.startsWith("B-")) return ends ? `U-${t.slice(2)}` : t;
    return ends ? `L-${t.slice(2)}` : t;
  });
}

/** BILOU -> BIO (`U-X` -> `B-X`, `L-X` -> `I-X`); BIO tags pass unchanged. */
export function bilouToBio(tags: readonly string[]): string[] {
  return tags.map((t) => (t.startsWith("U-") ? `B-${t.slice(2)}` : t.startsWith("L-") ? `I-${t.slice(2)}` : t));
}

/** BIO tags for `n` tokens from non-overlapping token spans. */
export function spansToBio(n: number, spans: readonly TypedSpan[]): string[] {
  const tags = new Array<string>(n).fill("O");
  for (const s of spans) for (let i = s.start; i < s.end; i++) tags[i] = `${i === s.start ? "B" : "I"}-${s.type}`;
  return tags;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  /** Gold entities. */
  gold: number;
  /** Predicted entities. */
  predicted: number;
  /** Exact matches. */
  correct: number;
}

/** Entity-level scores, overall and per type. */
export interface EntityScores {
  overall: PRF;
  byType: Record<string, PRF>;
}

function prf(gold: number, predicted: number, correct: number): PRF {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted, correct };
}

/** Scores predicted spans against gold spans (exact start, end and type). */
export function scoreEntities(gold: readonly TypedSpan[], predicted: readonly TypedSpan[]): EntityScores {
  const key = (s: TypedSpan): string => `${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(gold.map(key));
  const types = new Set([...gold, ...predicted].map((s) => s.type));
  const byType: Record<string, PRF> = {};
  let correct = 0;
  for (const p of predicted) if (goldKeys.has(key(p))) correct++;
  for (const t of [...types].sort()) {
    const g = gold.filter((s) => s.type === t);
    const p = predicted.filter((s) => s.type === t);
    const gk = new Set(g.map(key));
    byType[t] = prf(g.length, p.length, p.filter((s) => gk.has(key(s))).length);
  }
  return { overall: prf(gold.length, predicted.length, correct), byType };
}
