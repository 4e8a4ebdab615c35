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
