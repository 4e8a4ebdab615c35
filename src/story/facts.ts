/**
 * How sure we are: sentences that several articles carry (near-paraphrases of one claim)
 * become one fact, counted by independent sources; facts only one source reports are kept
 * apart, and aligned claims whose numbers disagree are flagged as contradictions.
 */
import type { Evidence, Span } from "../model.js";
import type { StoryFact } from "./types.js";
import type { SourceGroups } from "./sources.js";
import { evidenceOf, sentenceAt, type StoryInput } from "./input.js";
import { sentenceTerms } from "./terms.js";
import { denseIds } from "../link/dense-ids.js";

/** A sentence needs at least this many content terms to state a checkable claim. */
const MIN_FACT_TERMS = 5;
/** Two sentences state the same claim when the shorter's terms recur this much in the longer... */
const SAME_CLAIM_CONTAINMENT = 0.5;
/** ...and the two term sets overlap at least this much overall. */
const SAME_CLAIM_JACCARD = 0.25;
/** Terms found in more than this share of all sentences are too common to retrieve candidates by. */
const MAX_POSTING_SHARE = 0.2;
/** ...and terms found in more sentences than this at all (bounds the work on very large stories). */
const MAX_POSTING = 100;
/** Corroborated or contradicted facts listed at most (the most widely reported first). */
const MAX_MULTI_SOURCE_FACTS = 40;
/** Evidence spans kept per fact (one per article first), and conflicting pairs shown per fact. */
const MAX_FACT_EVIDENCE = 12;
const MAX_CONFLICTS = 3;
/** Two sentences are compared only when they share at least this many retrievable terms. */
const MIN_SHARED_TERMS = 3;
/** Single-source facts listed at most (the strongest first: with events, numbers, quotes). */
const MAX_SINGLE_SOURCE_FACTS = 12;

/** One sentence of one article, ready to compare. */
export interface Unit {
  articleId: string;
  span: Span;
  evidence: Evidence;
  terms: Set<string>;
  numbers: { value: string; unit: string }[];
  /** 0 for an article's first sentence, growing after. */
  position: number;
  /** The sentence reports an event or a quote. */
  salient: boolean;
}

export interface FactGroup {
  units: Unit[];
  articleIds: string[];
  independentSources: number;
  conflicts: { a: Unit; b: Unit }[];
}

/** A claim is a full sentence: it ends with sentence punctuation (possibly inside closing quotes). */
const SENTENCE_END = /[.!?]["”’)\]]*\s*$/u;

const NUMBER_WITH_UNIT = /(\d[\d,.]*)\s*(million|billion|thousand|hundred)?\s+([\p{L}]+)/gu;

/** Splits every article into comparable sentence units. */
export function sentenceUnits(items: StoryInput[]): Unit[] {
  const units: Unit[] = [];
  for (const { article, ann } of items) {
    const salientStarts = new Set<number>([
      ...ann.events.map((e) => e.sentence.start),
      ...ann.attributions.map((a) => sentenceAt(ann, a.content.start)?.start ?? -1),
    ]);
    const termsOf = sentenceTerms(article.text, ann);
    ann.sentences.forEach((s, i) => {
      const text = article.text.slice(s.start, s.end);
      if (!SENTENCE_END.test(text)) return; // a heading, caption or fragment states no claim
      const terms = new Set(termsOf[i]);
      if (terms.size < MIN_FACT_TERMS) return;
      const numbers = [...text.matchAll(NUMBER_WITH_UNIT)]
        .filter((m) => !/^(19|20)\d\d$/.test(m[1]))
        .map((m) => ({ value: `${m[1].replace(/,/g, "")}${m[2] ? ` ${m[2]}` : ""}`, unit: m[3].toLowerCase() }));
      units.push({ articleId: article.id, span: s, evidence: evidenceOf(article, s), terms, numbers, position: i, salient: salientStarts.has(s.start) });
    });
  }
  return units;
}

/** Groups units from different articles that state the same claim. */
export function groupClaims(units: Unit[], groups: SourceGroups): FactGroup[] {
  // Terms as dense integer ids, each unit's terms as an ascending id array (intersections by merge).
  const { ids, df } = denseIds(units.map((u) => u.terms));
  for (const a of ids) a.sort();
  const maxDf = Math.min(MAX_POSTING, Math.max(2, Math.floor(units.length * MAX_POSTING_SHARE)));
  // Each unit's retrievable terms (those not too common), and the postings over them: term t's units
  // (ascending) are post[start[t] .. start[t + 1]), one flat array for all terms.
  const start = new Int32Array(df.length + 1);
  const retrievable: Int32Array[] = ids.map((a) => {
    const r = a.filter((t) => df[t] <= maxDf);
    for (const t of r) start[t + 1]++;
    return r;
  });
  for (let t = 0; t < df.length; t++) start[t + 1] += start[t];
  const post = new Int32Array(start[df.length]);
  const fill = start.slice(0, df.length);
  retrievable.forEach((r, i) => {
    for (const t of r) post[fill[t]++] = i;
  });
  const parent = units.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  // Count shared retrievable terms per candidate first; only candidates sharing enough are compared.
  // (Components do not depend on the order pairs are joined in, so counts live in a reused array.)
  const hits = new Int32Array(units.length);
  const articleIndex = new Map<string, number>();
  const art = Int32Array.from(units, (u) => {
    let a = articleIndex.get(u.articleId);
    if (a === undefined) articleIndex.set(u.articleId, (a = articleIndex.size));
    return a;
  });
  const touched: number[] = [];
  for (let i = 0; i < units.length; i++) {
    const ai = art[i];
    for (const t of retrievable[i]) {
      // postings ascend: only the later units (j > i) are candidates
      for (let k = start[t + 1] - 1; k >= start[t]; k--) {
        const j = post[k];
        if (j <= i) break;
        if (art[j] === ai) continue;
        if (hits[j]++ === 0) touched.push(j);
      }
    }
    const a = ids[i];
    for (const j of touched) {
      const n = hits[j];
      hits[j] = 0;
      if (n < MIN_SHARED_TERMS) continue;
      const b = ids[j];
      const inter = sharedCount(a, b);
      // containment (share of the smaller set) and Jaccard, as terms.ts defines them
      if (inter / Math.min(a.length, b.length) >= SAME_CLAIM_CONTAINMENT && inter / (a.length + b.length - inter) >= SAME_CLAIM_JACCARD) {
        parent[find(i)] = find(j);
      }
    }
    touched.length = 0;
  }
  const byRoot = new Map<number, Unit[]>();
  units.forEach((u, i) => {
    const r = find(i);
    const list = byRoot.get(r);
    if (list) list.push(u);
    else byRoot.set(r, [u]);
  });
  const out: FactGroup[] = [];
  for (const list of byRoot.values()) {
    // most units state a claim no other sentence does: one article, nothing to compare
    const articleIds = list.length === 1 ? [list[0].articleId] : [...new Set(list.map((u) => u.articleId))];
    const conflicts: FactGroup["conflicts"] = [];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (list[i].articleId === list[j].articleId) continue;
        if (conflicts.length < MAX_CONFLICTS && numbersDisagree(list[i], list[j])) conflicts.push({ a: list[i], b: list[j] });
      }
    }
    out.push({ units: list, articleIds, independentSources: groups.count(articleIds), conflicts });
  }
  return out;
}

/** Number of ids two ascending id arrays share. */
function sharedCount(a: Int32Array, b: Int32Array): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

function numbersDisagree(a: Unit, b: Unit): boolean {
  for (const x of a.numbers) {
    for (const y of b.numbers) if (x.unit === y.unit && x.value !== y.value) return true;
  }
  return false;
}

/** Turns claim groups into the story's facts: corroborated and contradicted first, then single-source. */
export function factsOf(claims: FactGroup[], groups: SourceGroups): StoryFact[] {
  const facts: StoryFact[] = [];
  const multi = claims.filter((c) => c.articleIds.length > 1 && (c.independentSources > 1 || c.conflicts.length > 0));
  const single = claims
    .filter((c) => c.independentSources === 1 && c.conflicts.length === 0)
    .filter((c) => c.units.some((u) => u.salient || u.numbers.length > 0))
    .sort((a, b) => rank(b) - rank(a))
    .slice(0, MAX_SINGLE_SOURCE_FACTS);
  const strongest = multi.sort((a, b) => b.independentSources - a.independentSources || rank(b) - rank(a)).slice(0, MAX_MULTI_SOURCE_FACTS);
  for (const c of [...strongest, ...single]) {
    const rep = representative(c, groups);
    const fact: StoryFact = {
      id: "",
      text: rep.evidence.text,
      status: c.conflicts.length ? "contradicted" : c.independentSources > 1 ? "corroborated" : "single-source",
      independentSources: c.independentSources,
      articleIds: c.articleIds,
      evidence: capEvidence(c.units.map((u) => u.evidence), MAX_FACT_EVIDENCE),
    };
    if (c.conflicts.length) {
      fact.conflicts = c.conflicts.map((k) => ({ text: `${k.a.evidence.text} <> ${k.b.evidence.text}`, evidence: [k.a.evidence, k.b.evidence] }));
    }
    facts.push(fact);
  }
  facts.forEach((f, i) => (f.id = `f${i + 1}`));
  return facts;
}

function rank(c: FactGroup): number {
  const best = Math.min(...c.units.map((u) => u.position));
  return c.independentSources * 4 + c.articleIds.length + (c.units.some((u) => u.salient) ? 2 : 0) - Math.min(best, 10) * 0.2;
}

/** The unit whose wording stands for the group: from an original (not a rewrite), earliest in its article. */
export function representative(c: FactGroup, groups: SourceGroups): Unit {
  return [...c.units].sort(
    (a, b) =>
      Number(groups.groupOf.get(b.articleId) === b.articleId) - Number(groups.groupOf.get(a.articleId) === a.articleId) ||
      a.position - b.position ||
      a.evidence.text.length - b.evidence.text.length,
  )[0];
}

export function claimRank(c: FactGroup): number {
  return rank(c);
}

/** At most `max` evidence spans, one per article first (so every supporting article stays visible). */
export function capEvidence(list: Evidence[], max: number): Evidence[] {
  if (list.length <= max) return list;
  const seen = new Set<string>();
  const first: Evidence[] = [];
  const rest: Evidence[] = [];
  for (const e of list) {
    if (seen.has(e.articleId)) rest.push(e);
    else {
      seen.add(e.articleId);
      first.push(e);
    }
  }
  return [...first, ...rest].slice(0, max);
}
