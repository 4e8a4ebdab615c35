/**
 * A learned re-ranker of content boundaries: the rules draw each content; this model reconsiders where it starts and
 * ends among the nearby token boundaries of its sentence ("that she opposes the deal" vs "the deal", a trailing
 * ", including ..." in or out), with the rules' own boundary as a feature, so it moves a boundary only where the
 * context says so. Two linear scorers (start, end), trained as ranking perceptrons (scripts/train-quotes.ts) on PolNeAR.
 */
import type { Token } from "../../model.js";
import type { PerceptronModel } from "../ner/perceptron.js";

/** How many tokens a boundary may move from where the rules put it. */
export const MAX_SHIFT = 8;
/** File name of the shipped content-boundary weights inside models/quotes/. */
export const CONTENT_MODEL_FILE = "content-model.json.gz";

/** One candidate boundary: a token index (start: first token; end: one past the last) and its features. */
export interface BoundaryCandidate {
  at: number;
  features: string[];
}

/** Every candidate start and end of one content. */
export interface ContentCandidates {
  starts: BoundaryCandidate[];
  ends: BoundaryCandidate[];
}

function bucket(n: number): string {
  return n > 3 ? "+4" : n < -3 ? "-4" : String(n);
}

function word(tok: Token | undefined, isQuoteMark: (t: Token) => boolean): string {
  if (!tok) return "<none>";
  if (isQuoteMark(tok)) return "<q>";
  if (tok.pos === "PROPN") return "<propn>";
  if (tok.pos === "NUM") return "<num>";
  return tok.norm;
}

/**
 * The candidate boundaries of content [s, e) in the sentence [a, b), whose cue is [c0, c1) (cueWord: the cue's head
 * word's lower-case form). A content after its cue starts at or after the cue's end; one before it ends at or before
 * the cue (or source) that follows it.
 */
export function contentCandidates(
  tokens: readonly Token[], a: number, b: number, s: number, e: number, c0: number, c1: number, cueWord: string, isQuoteMark: (t: Token) => boolean,
): ContentCandidates {
  const after = s >= c1;
  const lo = Math.max(after ? c1 : a, s - MAX_SHIFT);
  const hi = Math.min(after ? b : Math.min(b, c0), e + MAX_SHIFT);
  const starts: BoundaryCandidate[] = [];
  for (let j = lo; j <= Math.min(e - 1, s + MAX_SHIFT); j++) {
    const t = tokens[j];
    const w = word(t, isQuoteMark);
    const pw = j > a ? word(tokens[j - 1], isQuoteMark) : "<bos>";
    const rule = j === s;
    starts.push({
      at: j,
      features: [
        `s.rule=${rule}`, `s.rel=${bucket(j - s)}`, `s.dist=${after ? bucket(j - c1) : "before"}`, `s.w=${w}`, `s.pos=${t.pos}`,
        `s.pw=${pw}`, `s.pw+w=${pw}|${w}`, `s.ppos+pos=${j > a ? tokens[j - 1].pos : "<bos>"}|${t.pos}`, `s.cue+pos=${cueWord}|${t.pos}`,
        `s.cue+w=${cueWord}|${w}`, `s.rule+w=${rule}|${w}`, `s.rule+pw=${rule}|${pw}`, `s.rule+pos=${rule}|${t.pos}`,
      ],
    });
  }
  const ends: BoundaryCandidate[] = [];
  for (let k = Math.max(s + 1, e - MAX_SHIFT); k <= hi; k++) {
    const last = tokens[k - 1];
    const lw = word(last, isQuoteMark);
    const nw = k < b ? word(tokens[k], isQuoteMark) : "<eos>";
    const rule = k === e;
    ends.push({
      at: k,
      features: [
        `e.rule=${rule}`, `e.rel=${bucket(k - e)}`, `e.last=${lw}`, `e.lpos=${last.pos}`, `e.next=${nw}`, `e.npos=${k < b ? tokens[k].pos : "<eos>"}`,
        `e.last+next=${lw}|${nw}`, `e.rule+next=${rule}|${nw}`, `e.rule+last=${rule}|${lw}`, `e.eos=${k === b || (k === b - 1 && /^[.!?]$/.test(tokens[k].text))}`,
        `e.cue+next=${cueWord}|${nw}`, `e.after=${after}`,
      ],
    });
  }
  return { starts, ends };
}

/** The score of a candidate under a ranking model (class 1 minus class 0). */
export function boundaryScore(model: PerceptronModel, features: readonly string[]): number {
  let d = 0;
  for (const f of features) {
    const row = model.index.get(f);
    if (row !== undefined) d += model.weights[row * 2 + 1] - model.weights[row * 2];
  }
  return d;
}

/** The best start and end of a content under the model (the end after the start), or undefined to keep the rules'. */
export function pickContent(model: PerceptronModel, cands: ContentCandidates): [number, number] | undefined {
  let best: BoundaryCandidate | undefined;
  let bestScore = -Infinity;
  for (const c of cands.starts) {
    const sc = boundaryScore(model, c.features);
    if (sc > bestScore) { bestScore = sc; best = c; }
  }
  if (!best) return undefined;
  let end: BoundaryCandidate | undefined;
  let endScore = -Infinity;
  for (const c of cands.ends) {
    if (c.at <= best.at) continue;
    const sc = boundaryScore(model, c.features);
    if (sc > endScore) { endScore = sc; end = c; }
  }
  return end ? [best.at, end.at] : undefined;
}
