/**
 * Rewrite and duplicate relations between articles.
 *
 * A rewrite (an aggregator's paraphrase of a wire story) keeps the source's facts and their
 * order but changes the words: we align sentences monotonically ({@link alignSentences}), measure
 * how much of one article the alignment covers, and decide which article is the source from
 * publication dates, wire attribution, coverage asymmetry and specificity (quotes, numbers).
 */
import type { ArticleRelation, Evidence } from "../model.js";
import { alignSentences, type AlignedPair } from "./align.js";
import { DuplicateIndex } from "./minhash.js";
import { sentenceEvidence, sentenceFeatures, type SentenceFeatures } from "./sentences.js";
import { contentTerms, capitalizedNames, countNumbers } from "./text.js";
import type { LinkDoc } from "./types.js";

/** Share of one article's substantive sentences that must align for it to count as a rewrite. */
export const REWRITE_MIN_COVERAGE = 0.5;
/** A rewrite needs at least this many aligned sentence pairs (short notes do not qualify on one match). */
export const REWRITE_MIN_ALIGNED = 3;
/** Mean similarity of aligned pairs and coverage on both sides at or above which the pair is a duplicate, not a rewrite. */
export const DUPLICATE_MIN_SIMILARITY = 0.9;
export const DUPLICATE_MIN_COVERAGE = 0.9;
/** findRewrites: each doc is indexed under its this-many rarest terms... */
export const CANDIDATE_KEY_TERMS = 40;
/** ...and a pair is compared only when it shares at least this many of them. */
export const CANDIDATE_MIN_SHARED = 6;
/** A term in more than this share of the docs is not a key term (too common to single out a pair). */
/** Sentences of each article considered for alignment (its lead part, where a rewrite's material lies). */
export const MAX_ALIGN_SENTENCES = 150;
/** Terms held by more articles than this are not used to retrieve candidates (bounds the pair loops). */
export const CANDIDATE_MAX_POSTING = 100;
/** Each article is compared with at most this many candidates (those sharing the most rare terms). */
export const CANDIDATES_PER_DOC = 8;
/**
 * A rewrite keeps most of its source's vocabulary: pairs whose smaller term set is less than this
 * share contained in the other are not aligned at all (the sample rewrite scores 0.64; unrelated
 * coverage of the same story 0.29-0.45).
 */
export const REWRITE_MIN_TERM_CONTAINMENT = 0.4;
export const CANDIDATE_MAX_DF_SHARE = 0.5;
/**
 * Prepared originals kept while adding duplicates, the most recently copied first: a wire story's
 * copies come over days, interleaved with other stories' (at 100k articles, 7,128 originals of 82,726
 * copies: 256 kept re-prepare 29,747 times, 512 kept 25,065, 1024 20,280). Each is ~40 KB.
 */
export const PREPARED_CACHE = 512;
/** Votes for the source: dates decide most, then wire attribution, then coverage and specificity. */
const VOTE_EARLIER = 3;
const VOTE_WIRE = 2;
const VOTE_COVERS = 1;
const VOTE_SPECIFIC = 1;
/** Coverage difference that counts as "covers the other's content". */
const COVERAGE_MARGIN = 0.1;
/** Specificity (quotes + numbers per sentence) ratio that counts as "more specific". */
const SPECIFICITY_RATIO = 1.25;

/** Wire agencies recognised in a dateline or credit line when `dateline.agency` is not given. */
const WIRE_RE = /\((Reuters|AP|AFP|Xinhua|Bloomberg|dpa|UPI|ANSA|EFE|Kyodo|Yonhap|TASS|PTI|IANS)\)|\b(Associated Press|Agence France-Presse|Reuters|Xinhua News Agency)\b\s*(?:[:\u2014\u2013-]|reported|said)/;
/** Only the head of the text is searched for a wire credit (a dateline opens the story). */
const WIRE_HEAD_CHARS = 400;

/** Per-article data computed once and reused across comparisons. */
interface Prepared {
  doc: LinkDoc;
  sentences: SentenceFeatures[];
  agency?: string;
  specificity: number;
}

function prepare(doc: LinkDoc): Prepared {
  // Alignment is quadratic in sentences: a news article and its rewrite fit well within the cap,
  // and a book-length input must not stall the batch.
  const sentences = sentenceFeatures(doc, MAX_ALIGN_SENTENCES);
  const quotes = (doc.text.match(/["\u201c\u201d]/g) ?? []).length / 2;
  const specificity = (quotes + countNumbers(doc.text)) / Math.max(1, sentences.length);
  return { doc, sentences, agency: wireAgency(doc), specificity };
}

/** The wire agency credited by the doc's dateline, or found in a dateline/credit at the head of its text. */
export function wireAgency(doc: LinkDoc): string | undefined {
  if (doc.dateline?.agency) return doc.dateline.agency;
  const m = WIRE_RE.exec(doc.text.slice(0, WIRE_HEAD_CHARS));
  return m ? (m[1] ?? m[2]) : undefined;
}

function dayOf(published?: string): string | undefined {
  return published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published : undefined;
}

/** Decides which of two aligned articles is the source. Returns [rewriteIndex, reason]. */
function chooseSource(p: [Prepared, Prepared], coverage: [number, number]): { rewrite: 0 | 1; reason: string } {
  const votes = [0, 0];
  const why: string[][] = [[], []];
  const [da, db] = [dayOf(p[0].doc.published), dayOf(p[1].doc.published)];
  if (da && db && da !== db) {
    const src = da < db ? 0 : 1;
    votes[src] += VOTE_EARLIER;
    why[src].push("earlier publication");
  }
  if (!!p[0].agency !== !!p[1].agency) {
    const src = p[0].agency ? 0 : 1;
    votes[src] += VOTE_WIRE;
    why[src].push(`wire attribution (${p[src].agency})`);
  }
  if (Math.abs(coverage[0] - coverage[1]) >= COVERAGE_MARGIN) {
    // the article whose sentences are mostly found in the other is the rewrite; the other covers it
    const src = coverage[0] < coverage[1] ? 0 : 1;
    votes[src] += VOTE_COVERS;
    why[src].push("covers the other's content");
  }
  const [sa, sb] = [p[0].specificity, p[1].specificity];
  if (Math.max(sa, sb) > 0 && Math.max(sa, sb) >= SPECIFICITY_RATIO * Math.min(sa, sb)) {
    const src = sa > sb ? 0 : 1;
    votes[src] += VOTE_SPECIFIC;
    why[src].push("more specific (quotes, numbers)");
  }
  let src: 0 | 1;
  if (votes[0] !== votes[1]) src = votes[0] > votes[1] ? 0 : 1;
  else {
    src = p[0].doc.text.length >= p[1].doc.text.length ? 0 : 1;
    why[src].push("longer text (tie-break)");
  }
  return { rewrite: src === 0 ? 1 : 0, reason: why[src].join("; ") || "no distinguishing evidence" };
}

function compare(pa: Prepared, pb: Prepared): ArticleRelation | null {
  const A = pa.sentences;
  const B = pb.sentences;
  if (!A.length || !B.length) return null;
  const pairs = alignSentences(A, B);
  const substA = A.filter((s) => s.substantive).length || A.length;
  const substB = B.filter((s) => s.substantive).length || B.length;
  const alignedA = pairs.filter((x) => A[x.a].substantive || substA === A.length).length;
  const alignedB = pairs.filter((x) => B[x.b].substantive || substB === B.length).length;
  const coverage: [number, number] = [Math.min(1, alignedA / substA), Math.min(1, alignedB / substB)];
  if (pairs.length < REWRITE_MIN_ALIGNED && Math.min(substA, substB) >= REWRITE_MIN_ALIGNED) return null;
  const best = Math.max(...coverage);
  if (best < REWRITE_MIN_COVERAGE) return null;
  const meanSim = pairs.reduce((s, x) => s + x.similarity, 0) / Math.max(1, pairs.length);
  const kind = meanSim >= DUPLICATE_MIN_SIMILARITY && Math.min(...coverage) >= DUPLICATE_MIN_COVERAGE ? "duplicate" : "rewrite";
  const { rewrite, reason } = chooseSource([pa, pb], coverage);
  return buildRelation(kind, rewrite === 0 ? pa : pb, rewrite === 0 ? pb : pa, pairs, rewrite === 0, coverage[rewrite], reason);
}

function buildRelation(kind: ArticleRelation["kind"], from: Prepared, to: Prepared, pairs: AlignedPair[], fromIsA: boolean, score: number, reason: string): ArticleRelation {
  const alignments = pairs.map((x) => {
    const [fi, ti] = fromIsA ? [x.a, x.b] : [x.b, x.a];
    return { from: sentenceEvidence(from.doc.id, from.sentences[fi]), to: sentenceEvidence(to.doc.id, to.sentences[ti]), similarity: round(x.similarity) };
  });
  const alignedFrom = new Set(pairs.map((x) => (fromIsA ? x.a : x.b)));
  const additions: Evidence[] = from.sentences.flatMap((s, i) => (alignedFrom.has(i) || !s.substantive ? [] : [sentenceEvidence(from.doc.id, s)]));
  return { kind, from: from.doc.id, to: to.doc.id, score: round(score), reason, alignments, additions };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Decides whether one of two articles paraphrases the other. Returns the relation `from` (the
 * rewrite) -> `to` (the source) with aligned sentence pairs and the rewrite's additions, or null.
 * Kind is "duplicate" when the two are near-identical sentence by sentence.
 */
export function detectRewrite(a: LinkDoc, b: LinkDoc): ArticleRelation | null {
  return compare(prepare(a), prepare(b));
}

/** Publication date, then id: the order in which an archive would have seen the articles. */
export function byPublication(a: LinkDoc, b: LinkDoc): number {
  const pa = a.published ?? "\uffff";
  const pb = b.published ?? "\uffff";
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Candidate pairs for rewrite detection from an inverted index of each doc's rarest terms
 * (content stems and names with collection frequency >= 2): only pairs sharing enough of them.
 */
export function rewriteCandidates(docs: LinkDoc[], termSets = docs.map(termSetOf), groups?: readonly string[]): [number, number][] {
  // Copies of one text (one group) count once: else a syndicated story's copies make its own terms
  // look shared and rare, and its real rewrites lose their partner.
  const df = new Map<string, number>();
  const counted = new Map<string, Set<string>>();
  termSets.forEach((s, i) => {
    const g = groups?.[i];
    let seen: Set<string> | undefined;
    if (g !== undefined) {
      seen = counted.get(g);
      if (!seen) counted.set(g, (seen = new Set()));
    }
    for (const t of s) {
      if (seen) {
        if (seen.has(t)) continue;
        seen.add(t);
      }
      df.set(t, (df.get(t) ?? 0) + 1);
    }
  });
  const maxDf = Math.min(CANDIDATE_MAX_POSTING, Math.max(2, Math.floor(CANDIDATE_MAX_DF_SHARE * docs.length)));
  const postings = new Map<string, number[]>();
  termSets.forEach((s, i) => {
    for (const t of rarestTerms(s, df, maxDf)) {
      const p = postings.get(t);
      if (p) p.push(i);
      else postings.set(t, [i]);
    }
  });
  const shared = new Map<number, number>();
  for (const p of postings.values()) {
    for (let x = 0; x < p.length; x++) for (let y = x + 1; y < p.length; y++) {
      const key = p[x] * docs.length + p[y];
      shared.set(key, (shared.get(key) ?? 0) + 1);
    }
  }
  // Each article keeps its few strongest partners, so the pairs compared grow linearly with the archive.
  const partners = new Map<number, { other: number; n: number }[]>();
  for (const [key, n] of shared) {
    if (n < CANDIDATE_MIN_SHARED) continue;
    const a = Math.floor(key / docs.length);
    const b = key % docs.length;
    // copies of one text are duplicates, not rewrites: never partners
    if (groups && groups[a] === groups[b]) continue;
    for (const [x, y] of [[a, b], [b, a]]) {
      const list = partners.get(x) ?? [];
      list.push({ other: y, n });
      partners.set(x, list);
    }
  }
  const pairs = new Set<number>();
  for (const [x, list] of partners) {
    list.sort((p, q) => q.n - p.n || p.other - q.other);
    for (const { other } of list.slice(0, CANDIDATES_PER_DOC)) pairs.add(Math.min(x, other) * docs.length + Math.max(x, other));
  }
  const out: [number, number][] = [...pairs].map((key) => [Math.floor(key / docs.length), key % docs.length]);
  return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/**
 * The CANDIDATE_KEY_TERMS terms of `s` with the lowest df in [2, maxDf], rarest first (ties by term):
 * a bounded insertion selection, the same as sorting them all and keeping the head.
 */
function rarestTerms(s: Set<string>, df: Map<string, number>, maxDf: number): string[] {
  const top: string[] = [];
  const topDf: number[] = [];
  for (const t of s) {
    const d = df.get(t) ?? 0;
    if (d < 2 || d > maxDf) continue;
    const last = top.length - 1;
    if (top.length === CANDIDATE_KEY_TERMS && (d > topDf[last] || (d === topDf[last] && t > top[last]))) continue;
    let at = top.length;
    while (at > 0 && (d < topDf[at - 1] || (d === topDf[at - 1] && t < top[at - 1]))) at--;
    top.splice(at, 0, t);
    topDf.splice(at, 0, d);
    if (top.length > CANDIDATE_KEY_TERMS) {
      top.pop();
      topDf.pop();
    }
  }
  return top;
}

/** Content stems and capitalised names of a doc: what candidate retrieval and the cheap pre-check compare. */
function termSetOf(d: LinkDoc): Set<string> {
  const out = new Set(contentTerms(d.text));
  for (const n of capitalizedNames(d.text)) out.add(`@${n}`);
  return out;
}

/** Share of the smaller set's terms found in the larger. */
function termContainment(a: Set<string>, b: Set<string>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return 0;
  let n = 0;
  for (const t of small) if (big.has(t)) n++;
  return n / small.size;
}

/** Options for {@link findRewrites}. */
export interface FindRewritesOptions {
  /** Only pairs with at least one article in this set are compared (the incremental linker's new articles). */
  only?: ReadonlySet<string>;
  /** Per-article work kept between calls over overlapping sets of articles (by article id). */
  memo?: RewriteMemo;
  /**
   * The copy group of an article (the duplicate index's root): copies of one text are never compared
   * as rewrites, and count once when candidate terms are weighed.
   */
  copyGroup?: (id: string) => string | undefined;
}

/**
 * What {@link findRewrites} computes per article (term set, sentence features), kept by article id
 * between calls that share articles (the linker's chunks of one story), at most `size` of each,
 * least recently used first out.
 */
export class RewriteMemo {
  private readonly terms = new Map<string, Set<string>>();
  private readonly prepared = new Map<string, Prepared>();
  constructor(private readonly size = 1000) {}
  termSet(d: LinkDoc): Set<string> {
    return this.remember(this.terms, d.id, () => termSetOf(d));
  }
  /** @internal */
  prepare(d: LinkDoc): Prepared {
    return this.remember(this.prepared, d.id, () => prepare(d));
  }
  /** @internal The prepared article of this id when at hand (marked recently used). */
  preparedOf(id: string): Prepared | undefined {
    const p = this.prepared.get(id);
    if (p) {
      this.prepared.delete(id);
      this.prepared.set(id, p);
    }
    return p;
  }
  private remember<T>(m: Map<string, T>, id: string, make: () => T): T {
    let v = m.get(id);
    if (v !== undefined) {
      m.delete(id);
    } else {
      v = make();
      if (m.size >= this.size) m.delete(m.keys().next().value!);
    }
    m.set(id, v);
    return v;
  }
}

/**
 * All rewrite relations among `docs` (pairs pre-selected by {@link rewriteCandidates}). Each
 * article keeps at most one source: the best-scoring one. Near-identical pairs are left to
 * {@link findDuplicates}.
 */
export function findRewrites(docs: LinkDoc[], opts: FindRewritesOptions = {}): ArticleRelation[] {
  const memo = opts.memo ?? new RewriteMemo(Math.max(1, docs.length));
  const get = (i: number) => memo.prepare(docs[i]);
  const best = new Map<string, ArticleRelation>();
  const termSets = docs.map((d) => memo.termSet(d));
  const groups = opts.copyGroup && docs.map((d) => opts.copyGroup!(d.id) ?? d.id);
  for (const [i, j] of rewriteCandidates(docs, termSets, groups)) {
    if (opts.only && !opts.only.has(docs[i].id) && !opts.only.has(docs[j].id)) continue;
    if (termContainment(termSets[i], termSets[j]) < REWRITE_MIN_TERM_CONTAINMENT) continue; // too little shared vocabulary to align
    const r = compare(get(i), get(j));
    if (!r || r.kind !== "rewrite") continue;
    const cur = best.get(r.from);
    if (!cur || r.score > cur.score) best.set(r.from, r);
  }
  return [...best.values()].sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
}

/**
 * Exact and near-duplicate relations among `docs` (MinHash/LSH over word 5-shingles), processed in
 * publication order so `to` is the earliest copy. Alignments are the matching sentences; additions
 * the copy's sentences the original lacks.
 */
export function findDuplicates(docs: LinkDoc[]): ArticleRelation[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return addDuplicates(new DuplicateIndex(), docs, (id) => byId.get(id));
}

/**
 * Adds `docs` (in publication order) to a duplicate index that may already hold earlier articles
 * and returns a relation for each new copy found. `lookup` gives any indexed article (new or
 * earlier) for the sentence alignment. A copy is the later-published of the two; when a new
 * article is published before the indexed text it copies, the relation points the other way.
 */
export function addDuplicates(index: DuplicateIndex, docs: LinkDoc[], lookup: (id: string) => LinkDoc | undefined, memo = new RewriteMemo(PREPARED_CACHE)): ArticleRelation[] {
  const out: ArticleRelation[] = [];
  // A wire story syndicated many times is the original of each copy: it is prepared once while in
  // the memo (which a caller adding chunk after chunk passes to every call), and not looked up again.
  for (const d of [...docs].sort(byPublication)) {
    const m = index.add(d.id, d.text);
    if (!m.duplicateOf) continue;
    let po = memo.preparedOf(m.duplicateOf);
    if (!po) {
      const original = lookup(m.duplicateOf);
      if (!original) continue;
      po = memo.prepare(original);
    }
    // the copy is prepared but not kept: an index's copies are never the original of a later one
    const pd = prepare(d);
    const [pf, pt] = byPublication(d, po.doc) < 0 ? [po, pd] : [pd, po];
    const pairs = alignSentences(pf.sentences, pt.sentences);
    const reason = m.exact ? "exact copy, added earlier" : `near-duplicate (Jaccard ${round(m.jaccard ?? 0)}, containment ${round(m.containment ?? 0)}), earlier in publication order`;
    out.push(buildRelation("duplicate", pf, pt, pairs, true, m.jaccard ?? 1, reason));
  }
  return out;
}
