/**
 * Online story and event clustering.
 *
 * Each new article joins an existing story or starts one, then joins an event inside that story
 * or starts one, in time that does not grow with the archive:
 * - candidate stories come from an inverted index over each article's top tf-idf key terms
 *   (IDF learned online), which include named entities ("@name") and explicit dates ("~2013-09");
 * - the story decision is the cosine between the article's tf-idf vector (title boosted) and the
 *   story centroid, damped by time distance;
 * - the event decision uses story-local weights: a term most of the story's articles share
 *   (the story's own vocabulary: "earthquake", "Zhai") counts less, so what tells two events of one
 *   story apart (places, numbers, names, dates) decides;
 * - two articles whose leads report event days a few days to two weeks apart (dates in the text,
 *   relative ones resolved against the publication date: src/link/eventDates.ts) are different events,
 *   whatever the words say; publication dates alone never split events (one event is reported for
 *   weeks or years), and undated articles, or leads that cite the other's day too, fall back to content.
 * {@link StoryClusterer.refine} re-clusters the events of each story agglomeratively (average link)
 * and merges stories whose centroids converged; batch callers run it once at the end. It first splits
 * a story into strands (groups with any tie, {@link STRAND_THRESHOLD}), then clusters each strand with
 * the strand's own local weights, adding to each pair's similarity the agreement of the two articles'
 * similarity profiles ({@link addProfileAgreement}): reports of one event resemble the same articles.
 * Time apart weakens the story decision but never vetoes it ({@link STORY_DECAY_FLOOR}); an undated
 * article's dateline dates it but is not one of its event days.
 */
import { Slab } from "./slab.js";
import { ParallaxError } from "../errors.js";
import { dateFeatures, dayNumber, findDates } from "./dates.js";
import { eventDaysConflict, leadEventDays } from "./eventDates.js";
import { contentTerms, isNumber, multiWordNames, wordsEnd } from "./text.js";
import type { LinkDoc } from "./types.js";
import { IdCounts, IdWeights } from "./id-maps.js";

/**
 * IDF assumes this many unseen background articles lacking every term, so a young archive
 * (a handful of articles, all on one story) does not zero the weight of the story's shared words.
 */
export const IDF_PRIOR_DOCS = 50;
/** Title terms count this many times (a headline states what the story is about). */
export const TITLE_BOOST = 2;
/** Weight of a multi-word name or entity feature relative to one plain term occurrence. */
export const NAME_WEIGHT = 1;
/** Weight of an explicit date feature ("~2013", "~2013-09"). */
export const DATE_WEIGHT = 1;
/** The lead (first this many words) states the event; later words weigh LATE_WEIGHT (background, earlier events). */
export const LEAD_WORDS = 150;
export const LATE_WEIGHT = 0.3;
/**
 * Only the first this many words of an article are read for its terms: the rest of a long article
 * is background (earlier events, context) and reading it would make per-article cost grow with length.
 */
export const MAX_TERM_WORDS = 1000;
/** Each article is indexed under its this-many highest tf-idf terms. */
export const KEY_TERMS = 25;
/** At most this many candidate stories are scored per article (the ones sharing most key terms). */
export const MAX_CANDIDATES = 30;
/** A posting list keeps only its most recent stories (bounded work per article). */
export const MAX_POSTING = 50;
/** An article is compared with at most this many of its story's most recently updated events. */
export const MAX_EVENT_CANDIDATES = 20;
/** A story centroid keeps at most this many terms (highest counts). */
export const CENTROID_MAX_TERMS = 400;
/** Cosine of article vs story centroid at or above which the article joins the story. */
export const STORY_THRESHOLD = 0.1;
/** Dates within this many days of a story's dates cost nothing... */
export const STORY_GRACE_DAYS = 30;
/** ...beyond it similarity decays as exp(-extra / STORY_DECAY_DAYS)... */
export const STORY_DECAY_DAYS = 60;
/**
 * ...but never below this factor: time apart weakens the evidence without vetoing it, so a report
 * months or years later that is as close to the story as its own articles are (a trial, a verdict,
 * an anniversary) still joins it, at STORY_THRESHOLD / STORY_DECAY_FLOOR cosine (ECB+ pair F1, odd
 * topics / even topics: 0 0.942 / 0.951, 0.25 0.942 / 0.964, 0.4 0.933 / 0.965).
 */
export const STORY_DECAY_FLOOR = 0.25;
/**
 * Story-local similarity (see module doc) at or above which an article joins an event (ECB+ odd
 * topics, pair F1: 0.055 to 0.07 0.942, 0.05 0.895, 0.08 0.926).
 */
export const EVENT_THRESHOLD = 0.06;
/**
 * Story-local down-weighting of a term in df of the story's n articles: a blend of a local IDF,
 * ln((n+1)/(df+0.5)), and 1, the local part weighing lambda = n / (n + LOCAL_PRIOR_DOCS)
 * (a story of a few articles cannot yet tell its common vocabulary from one event's). ECB+ odd
 * topics 1-35, pair F1: 2 0.933, 4 to 8 0.942, 12 0.895.
 */
export const LOCAL_PRIOR_DOCS = 6;
/**
 * Event level: names ("@..."), dates ("~...") and numbers weigh this many times a plain word: they
 * tell two events of one story apart (ECB+ odd topics 1-35, pair F1: 1 0.888, 2 0.899, 3 0.942, 4 0.929).
 */
export const EVENT_SPECIFIC_WEIGHT = 3;
/** Terms fewer than this many of the story's articles share get no local weight. */
export const MIN_LOCAL_DF = 2;
/** Stories whose centroids reach this cosine are merged by refine(). */
export const STORY_MERGE_THRESHOLD = 0.1;
/**
 * refine(): an article left alone in its event joins the event it is closest to (average link) if that
 * reaches this share of the event threshold: one article rarely is an event of its own within a story.
 */
export const SINGLETON_ATTACH_RATIO = 0.5;
/** refine(): a one-article story joins the closest story at this share of the story merge threshold. */
export const SINGLETON_STORY_RATIO = 0.6;
/** refine() re-clusters events only in stories up to this size (larger ones keep their online events). */
export const REFINE_MAX_DOCS = 400;
/**
 * A cluster's cached tf-idf vector is reused until the cluster, the archive or (for an event) its
 * story has grown by more than this share since it was computed: one more article barely moves the
 * centroid of many, and IDF and story-local weights drift slowly, so the cost of an add stays flat
 * as stories grow without changing decisions materially.
 */
export const CACHE_DRIFT = 0.05;
/** Clusters smaller than this are recomputed on every change (cheap, and one article moves them). */
export const CACHE_MIN_DOCS = 10;
/**
 * refine(): two groups are not merged into one event when more than this share of their dated article
 * pairs report event days that conflict (see {@link eventDaysConflict}): one article whose lead cites
 * another day does not veto a merge the rest of the group's dates support (tuned on ECB+ odd topics).
 */
export const EVENT_CONFLICT_SHARE = 0.67;
/**
 * refine(): a story's strands are the groups of its articles that average link joins at this (low)
 * story-local similarity: a story the online pass grew over two topics that share only a few words
 * splits into them, and each strand's events are found with the strand's own local weights, so the
 * words one strand's articles all share do not count as evidence in the other (ECB+ odd topics,
 * pair F1: 0 to 0.005 0.920, 0.01 0.942, 0.02 0.933).
 */
export const STRAND_THRESHOLD = 0.01;
/**
 * refine(): weight of the profile agreement ({@link addProfileAgreement}) added to the similarity of
 * two articles of a strand of at least PROFILE_MIN_DOCS articles (fewer give too short profiles).
 * ECB+ odd topics, pair F1: 0 0.899, 0.05 0.924, 0.1 to 0.15 0.942 (4 to 10 as minimum: the same).
 */
export const PROFILE_WEIGHT = 0.1;
/** Strands smaller than this get no profile agreement (a profile over fewer than four other articles is noise). */
export const PROFILE_MIN_DOCS = 6;
/** An event keeps at most this many distinct event days (bounded cost of the online date check). */
export const MAX_CLUSTER_EVENT_DAYS = 32;
/** Only the head of the text is searched for an explicit date when `published` is missing. */
const DATE_HEAD_CHARS = 300;

/** Options for {@link StoryClusterer}; each defaults to the constant of the same name. */
export interface ClusterOptions {
  storyThreshold?: number;
  eventThreshold?: number;
  storyMergeThreshold?: number;
  titleBoost?: number;
}

/** A weighted, L2-normalised term vector: term ids ascending, with their weights (fast merge-join cosine). */
interface SparseVec {
  ids: Int32Array;
  w: Float64Array;
}

/** An added article's state (the persisted form is the same). */
type DocState = PersistedDoc;

interface Cluster {
  id: string;
  docs: string[];
  /** Term id -> summed weight. */
  tf: IdWeights;
  /** Bumped on every change of `tf` (invalidates the cached vector). */
  version?: number;
  /** Cached weighted vector and the state it was computed from (see {@link CACHE_DRIFT}). */
  cache?: { vec: SparseVec; version: number; n: number; storyDocs: number; eventDocs?: number };
  /** Story only: number of its docs containing each term (by term id). */
  df?: IdCounts;
  /** Story only: its event ids, least recently updated first. */
  events?: string[];
  minDay?: number;
  maxDay?: number;
  /** Event only: the distinct event days its articles' leads name, ascending. */
  eventDays?: number[];
}

/** One story as returned by {@link StoryClusterer.stories}. */
export interface StorySummary {
  id: string;
  docs: string[];
  events: { id: string; docs: string[]; firstDay?: string; lastDay?: string }[];
  /** Highest-weighted centroid terms, for display and debugging. */
  topTerms: string[];
}

/** Serialised state of a {@link StoryClusterer} (plain JSON). */
export interface ClustererState {
  version: 1;
  opts: ClusterOptions;
  n: number;
  df: [string, number][];
  counter: number;
  docs: { id: string; tf: [string, number][]; day?: number; eventDays?: number[]; story: string; event: string }[];
}

/**
 * Days between an article and a story's date range beyond which the article can no longer join
 * or merge with the story: where the time decay brings even a perfect similarity (1) below the
 * lowest story threshold (Infinity when {@link STORY_DECAY_FLOOR} never lets it).
 */
export const STORY_HORIZON_DAYS =
  STORY_DECAY_FLOOR >= Math.min(STORY_THRESHOLD, STORY_MERGE_THRESHOLD * SINGLETON_STORY_RATIO)
    ? Infinity
    : STORY_GRACE_DAYS + STORY_DECAY_DAYS * Math.log(1 / Math.min(STORY_THRESHOLD, STORY_MERGE_THRESHOLD * SINGLETON_STORY_RATIO));

/**
 * Archive-wide statistics for {@link StoryClusterer.restore} when only part of the archive's
 * articles is restored: the number of articles and each term id's document frequency.
 */
export interface ArchiveStats {
  n: number;
  df: ArrayLike<number>;
}

/**
 * What the clusterer needs of an article, without its text (see {@link StoryClusterer.prepare}):
 * term ids and weights, its day and the event days its lead names. A whole archive of these is a
 * fraction of the size of its texts.
 */
export interface PreparedDoc {
  id: string;
  published?: string;
  tids: Int32Array;
  tw: Float64Array;
  day?: number;
  eventDays?: number[];
}

/** One article's clusterer state with term ids into the clusterer's dictionary (see {@link StoryClusterer.docState}). */
export interface PersistedDoc {
  id: string;
  /** The article's term ids, in the order {@link docTerms} produced the terms... */
  tids: Int32Array;
  /** ...and their weights. */
  tw: Float64Array;
  day?: number;
  /** Days the article's lead names (see {@link leadEventDays}). */
  eventDays?: number[];
  story: string;
  event: string;
}

/** Term-frequency map of an article: content terms, title terms (boosted), names, entities, dates. */
export function docTerms(doc: LinkDoc, titleBoost = TITLE_BOOST): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (t: string, w: number) => tf.set(t, (tf.get(t) ?? 0) + w);
  const body = doc.text.slice(0, wordsEnd(doc.text, MAX_TERM_WORDS));
  const split = wordsEnd(body, LEAD_WORDS);
  for (const t of contentTerms(body.slice(0, split))) add(t, 1);
  for (const t of contentTerms(body.slice(split))) add(t, LATE_WEIGHT);
  if (doc.title) for (const t of contentTerms(doc.title)) add(t, titleBoost);
  const text = doc.title ? `${doc.title}\n${body}` : body;
  for (const n of multiWordNames(text)) add(`@${n}`, NAME_WEIGHT);
  for (const e of doc.entities ?? []) add(`@${(e.canonical ?? e.text).toLowerCase()}`, NAME_WEIGHT);
  for (const d of dateFeatures(text)) add(d, DATE_WEIGHT);
  return tf;
}

/** The article's day number: its publication date, else the first explicit date at the head of its text. */
export function docDay(doc: LinkDoc): number | undefined {
  const p = dayNumber(doc.published);
  if (p !== undefined) return p;
  const head = `${doc.title ?? ""}\n${doc.text.slice(0, DATE_HEAD_CHARS)}`;
  return findDates(head)[0]?.dayNumber;
}

function dayString(d?: number): string | undefined {
  return d === undefined ? undefined : new Date(d * 86_400_000).toISOString().slice(0, 10);
}

/** Days between a day and a [min, max] range (0 inside it); undefined when either is unknown. */
function gapDays(day: number | undefined, min?: number, max?: number): number | undefined {
  if (day === undefined || min === undefined || max === undefined) return undefined;
  return day < min ? min - day : day > max ? day - max : 0;
}

function decay(gap: number | undefined, grace: number, scale: number): number {
  return gap === undefined || gap <= grace ? 1 : Math.max(STORY_DECAY_FLOOR, Math.exp(-(gap - grace) / scale));
}

/**
 * Online two-level clusterer: stories, and events within stories. See the module doc for the method.
 * `add` is O(article terms + key terms x posting length + candidates x centroid size), independent of
 * archive size: centroid vectors are cached as sorted term-id arrays (see {@link CACHE_DRIFT}), so
 * scoring a candidate is one merge of two sorted arrays.
 */
export class StoryClusterer {
  private readonly opts: Required<ClusterOptions>;
  private n = 0;
  /** Document frequency by term id (every observed term has an id). */
  private readonly df: number[] = [];
  private readonly docs = new Map<string, DocState>();
  private readonly storyMap = new Map<string, Cluster>();
  private readonly eventMap = new Map<string, Cluster>();
  /** Term id -> stories indexed under it, least recent first. */
  private readonly postings = new Map<number, string[]>();
  /** Stories merged away by refine() -> the story they went into. */
  private readonly mergedInto = new Map<string, string>();
  private counter = 0;
  /** Term -> dense id, and back (vectors hold ids, so comparing two costs a merge of two sorted arrays). */
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Per term id: 1 for a name, date or number term (see {@link isSpecific}). */
  private readonly specific: number[] = [];
  /** Per term id: its IDF, valid while `idfAt` equals `n` (df only changes when n does). */
  private readonly idfVal: number[] = [];
  private readonly idfAt: number[] = [];
  /** Scratch weights by term id for {@link vector}. */
  private scratch = new Float64Array(1024);
  /** Where the articles' term arrays live (freed with the clusterer as whole slabs: see src/link/slab.ts). */
  private readonly slab = new Slab();

  constructor(opts: ClusterOptions = {}) {
    this.opts = {
      storyThreshold: opts.storyThreshold ?? STORY_THRESHOLD,
      eventThreshold: opts.eventThreshold ?? EVENT_THRESHOLD,
      storyMergeThreshold: opts.storyMergeThreshold ?? STORY_MERGE_THRESHOLD,
      titleBoost: opts.titleBoost ?? TITLE_BOOST,
    };
  }

  /** Number of articles added. */
  get size(): number {
    return this.docs.size;
  }

  /**
   * Counts an article's terms into the IDF statistics without clustering it. Batch callers may
   * observe the whole collection first so early decisions use collection-wide IDF.
   */
  observe(doc: LinkDoc): void {
    this.observeTerms(docTerms(doc, this.opts.titleBoost));
  }

  private observeTerms(tf: Map<string, number>): void {
    this.n++;
    for (const t of tf.keys()) this.df[this.termId(t)]++;
  }

  /** IDF of a term id, cached until the statistics change. */
  private idf(id: number): number {
    if (this.idfAt[id] === this.n) return this.idfVal[id];
    const v = Math.log((this.n + IDF_PRIOR_DOCS + 1) / ((this.df[id] ?? 0) + 0.5));
    this.idfVal[id] = v;
    this.idfAt[id] = this.n;
    return v;
  }

  /** Adds an article; returns the story and event it joined (or started). */
  add(doc: LinkDoc, opts: { observed?: boolean } = {}): { storyId: string; eventId: string } {
    this.checkNew(doc);
    const tf = docTerms(doc, this.opts.titleBoost);
    if (!opts.observed) this.observeTerms(tf);
    const day = docDay(doc);
    return this.addTerms({ id: doc.id, ...this.termArrays(tf), day, eventDays: docEventDays(doc, day) });
  }

  /**
   * Observes every doc (see {@link observe}), then adds them in the given order: the same as
   * `observe` on each and then `add(doc, { observed: true })` on each, with each doc's terms read once.
   */
  addAll(docs: LinkDoc[]): void {
    this.checkBatch(docs);
    // Term ids are handed out in first-seen order, as add() would in this order; compact arrays
    // (not maps) keep the whole collection's terms small while it waits to be added.
    for (const p of docs.map((d) => this.prepare(d))) this.addTerms(p);
  }

  /**
   * Counts an article's terms into the statistics (as {@link observe}) and returns what adding it
   * needs, without its text: callers holding a large collection prepare each article as they read
   * it, then add the prepared articles in publication order ({@link updatePrepared}).
   */
  prepare(doc: LinkDoc): PreparedDoc {
    this.checkNew(doc);
    const tf = docTerms(doc, this.opts.titleBoost);
    this.observeTerms(tf);
    const day = docDay(doc);
    return { id: doc.id, published: doc.published, ...this.termArrays(tf), day, eventDays: docEventDays(doc, day) };
  }

  private checkBatch(docs: readonly { id: string }[]): void {
    const seen = new Set<string>();
    for (const d of docs) {
      this.checkNew(d);
      if (seen.has(d.id)) throw duplicateId(d.id);
      seen.add(d.id);
    }
  }

  private checkNew(doc: { id: string }): void {
    if (this.docs.has(doc.id)) throw duplicateId(doc.id);
  }

  private addTerms(doc: PreparedDoc): { storyId: string; eventId: string } {
    const state: DocState = { id: doc.id, tids: doc.tids, tw: doc.tw, day: doc.day, eventDays: doc.eventDays, story: "", event: "" };
    const vec = this.vector(state.tids, state.tw);
    const keys = this.keyTerms(vec);

    let story: Cluster | undefined;
    let best = this.opts.storyThreshold;
    for (const sid of this.candidateStories(keys)) {
      const s = this.storyMap.get(sid)!;
      const sim = this.cosine(vec, this.storyVector(s)) * decay(gapDays(state.day, s.minDay, s.maxDay), STORY_GRACE_DAYS, STORY_DECAY_DAYS);
      if (sim >= best) {
        best = sim;
        story = s;
      }
    }
    if (!story) {
      story = this.newCluster("s", true);
      this.storyMap.set(story.id, story);
    }
    this.addToCluster(story, state, true);
    state.story = story.id;

    let event: Cluster | undefined;
    let bestE = this.opts.eventThreshold;
    const local = this.localWeights(story);
    const dv = this.vector(state.tids, state.tw, local);
    for (const eid of story.events!.slice(-MAX_EVENT_CANDIDATES)) {
      const e = this.eventMap.get(eid)!;
      if (eventDaysConflict(state.eventDays, e.eventDays)) continue;
      const sim = this.cosine(dv, this.eventVector(e, story, local));
      if (sim >= bestE) {
        bestE = sim;
        event = e;
      }
    }
    if (!event) {
      event = this.newCluster("e", false);
      this.eventMap.set(event.id, event);
    }
    this.addToCluster(event, state, false);
    state.event = event.id;
    touchEvent(story, event.id);
    this.docs.set(doc.id, state);
    this.index(story.id, keys);
    return { storyId: story.id, eventId: event.id };
  }

  /** The story and event of an added article. */
  get(id: string): { storyId: string; eventId: string } | undefined {
    const d = this.docs.get(id);
    return d ? { storyId: d.story, eventId: d.event } : undefined;
  }

  /** All stories with their events, largest first (ties by id). */
  stories(): StorySummary[] {
    const out: StorySummary[] = [];
    for (const s of this.storyMap.values()) {
      const events = new Map<string, string[]>();
      for (const id of s.docs) {
        const e = this.docs.get(id)!.event;
        events.set(e, [...(events.get(e) ?? []), id]);
      }
      const topTerms = this.keyTerms(this.storyVector(s)).slice(0, 10).map(([id]) => this.terms[id]);
      out.push({
        id: s.id,
        docs: [...s.docs],
        events: [...events].map(([id, docs]) => {
          const e = this.eventMap.get(id)!;
          return { id, docs, firstDay: dayString(e.minDay), lastDay: dayString(e.maxDay) };
        }),
        topTerms,
      });
    }
    return out.sort((a, b) => b.docs.length - a.docs.length || (a.id < b.id ? -1 : 1));
  }

  /**
   * Batch refinement: merges stories whose centroids reach the merge threshold, then re-clusters
   * the events of every story by average-link agglomeration on story-local vectors (same
   * similarity and threshold as `add`). Cost grows with story sizes, not the archive.
   */
  refine(): void {
    this.mergeStories();
    for (const s of [...this.storyMap.values()]) if (s.docs.length > 1 && s.docs.length <= REFINE_MAX_DOCS) this.reclusterEvents(s);
  }

  /**
   * Plain-JSON state; `fromJSON(toJSON())` continues with the same stories, events and statistics
   * (cached centroid vectors are recomputed, so a decision on the edge of a threshold may differ).
   */
  toJSON(): ClustererState {
    return {
      version: 1,
      opts: this.opts,
      n: this.n,
      df: this.terms.flatMap((t, i): [string, number][] => (this.df[i] > 0 ? [[t, this.df[i]]] : [])),
      counter: this.counter,
      docs: [...this.docs.values()].map((d) => ({ id: d.id, tf: Array.from(d.tids, (id, i): [string, number] => [this.terms[id], d.tw[i]]), day: d.day, eventDays: d.eventDays, story: d.story, event: d.event })),
    };
  }

  /** Rebuilds a clusterer from {@link toJSON} output. */
  static fromJSON(state: ClustererState): StoryClusterer {
    if (!state || state.version !== 1) throw new ParallaxError("E_LINK_STATE", "Unsupported story clusterer state.", "Pass the object StoryClusterer.toJSON() produced (version 1).");
    const c = new StoryClusterer(state.opts);
    c.n = state.n;
    for (const [t, n] of state.df) c.df[c.termId(t)] = n;
    c.counter = state.counter;
    for (const d of state.docs) {
      const doc: DocState = { id: d.id, ...c.termArrays(new Map(d.tf)), day: d.day, eventDays: d.eventDays, story: d.story, event: d.event };
      c.docs.set(d.id, doc);
      c.attach(doc);
    }
    return c;
  }

  /** Number of distinct terms seen; term ids are 0..termCount-1, handed out in first-seen order and never changed. */
  get termCount(): number {
    return this.terms.length;
  }

  /** The term strings with ids >= `from` (what a persisted dictionary lacks). */
  termsFrom(from: number): string[] {
    return this.terms.slice(from);
  }

  /** Number of articles the statistics count (all added or restored ones, or the archive's as restored). */
  get observed(): number {
    return this.n;
  }

  /** Document frequency of a term id in the statistics. */
  termDf(id: number): number {
    return this.df[id] ?? 0;
  }

  /** Cluster id counter (persisted so restored clusterers hand out fresh ids). */
  get idCounter(): number {
    return this.counter;
  }

  /** Ids of the articles of a story (empty when unknown). */
  storyDocs(storyId: string): string[] {
    return [...(this.storyMap.get(storyId)?.docs ?? [])];
  }

  /** An added article's state with its term ids (see {@link termsFrom}), for persistence; undefined when unknown. */
  docState(id: string): PersistedDoc | undefined {
    const d = this.docs.get(id);
    return d && { id: d.id, tids: d.tids, tw: d.tw, day: d.day, eventDays: d.eventDays, story: d.story, event: d.event };
  }

  /**
   * Rebuilds a clusterer from persisted article states, given in the order they were first added,
   * and the term dictionary their ids refer to. Statistics (document frequencies, centroids, the
   * candidate index) are recomputed from the states, so nothing derived needs storing.
   */
  static restore(opts: ClusterOptions, terms: readonly string[], counter: number, docs: Iterable<PersistedDoc>, stats?: ArchiveStats): StoryClusterer {
    const c = new StoryClusterer(opts);
    for (const t of terms) c.termId(t);
    if (c.terms.length !== terms.length) throw new ParallaxError("E_LINK_STATE", "The persisted term dictionary holds a term twice.", "Re-link from scratch (`parallax relink`).");
    c.counter = counter;
    if (stats) {
      if (stats.df.length !== terms.length) throw new ParallaxError("E_LINK_STATE", "The persisted document frequencies do not match the term dictionary.", "Re-link from scratch (`parallax relink`).");
      c.n = stats.n;
      for (let i = 0; i < terms.length; i++) c.df[i] = stats.df[i];
    }
    const states: DocState[] = [];
    for (const d of docs) {
      if (c.docs.has(d.id)) throw duplicateId(d.id);
      const state: DocState = { id: d.id, tids: d.tids, tw: d.tw, day: d.day, eventDays: d.eventDays, story: d.story, event: d.event };
      c.docs.set(d.id, state);
      for (const t of d.tids) {
        if (t < 0 || t >= terms.length) throw new ParallaxError("E_LINK_STATE", `Persisted article ${d.id} refers to an unknown term.`, "Re-link from scratch (`parallax relink`).");
        if (stats) continue;
        c.df[t]++;
      }
      if (!stats) c.n++;
      states.push(state);
    }
    // Clusters and the candidate index after the statistics, so the key terms are those of the whole archive.
    for (const d of states) c.attach(d);
    return c;
  }

  /** Puts a restored article back into its (possibly new) story and event, and indexes the story under its key terms. */
  private attach(d: DocState): void {
    let s = this.storyMap.get(d.story);
    if (!s) this.storyMap.set(d.story, (s = { id: d.story, docs: [], tf: new IdWeights(), df: new IdCounts(), events: [] }));
    let e = this.eventMap.get(d.event);
    if (!e) this.eventMap.set(d.event, (e = { id: d.event, docs: [], tf: new IdWeights() }));
    this.addToCluster(s, d, true);
    this.addToCluster(e, d, false);
    touchEvent(s, e.id);
    this.index(d.story, this.keyTerms(this.vector(d.tids, d.tw)));
  }

  /**
   * The incremental step: adds new articles (observing the batch first, as {@link addAll}), then
   * refines only the stories they touched (merges with similar stories, events re-clustered).
   * Returns the ids of the stories that changed; every other story is exactly as before. On an
   * empty clusterer this is the batch method of {@link clusterDocs}.
   */
  update(docs: LinkDoc[]): string[] {
    this.checkBatch(docs);
    return this.updatePrepared(docs.map((d) => this.prepare(d)));
  }

  /** {@link update} for articles already prepared (and observed) with {@link prepare}, added in the given order. */
  updatePrepared(docs: PreparedDoc[]): string[] {
    this.checkBatch(docs);
    for (const p of docs) this.addTerms(p);
    const touched = new Set(docs.map((d) => this.docs.get(d.id)!.story));
    const changed = this.mergeStories(touched);
    for (const sid of changed) {
      const s = this.storyMap.get(sid)!;
      if (s.docs.length > 1 && s.docs.length <= REFINE_MAX_DOCS) this.reclusterEvents(s);
    }
    return [...changed].sort();
  }

  // ---------------------------------------------------------------------------

  private newCluster(prefix: string, story: boolean): Cluster {
    return { id: `${prefix}${++this.counter}`, docs: [], tf: new IdWeights(), df: story ? new IdCounts() : undefined, events: story ? [] : undefined };
  }

  private addToCluster(c: Cluster, d: DocState, story: boolean): void {
    c.docs.push(d.id);
    if (!story && d.eventDays?.length) c.eventDays = mergeDays(c.eventDays, d.eventDays);
    c.version = (c.version ?? 0) + 1;
    const { tids, tw } = d;
    for (let i = 0; i < tids.length; i++) {
      const t = tids[i];
      c.tf.add(t, tw[i]);
      if (c.df) c.df.increment(t);
    }
    if (c.tf.size > 2 * CENTROID_MAX_TERMS) this.prune(c);
    if (d.day !== undefined) {
      c.minDay = c.minDay === undefined ? d.day : Math.min(c.minDay, d.day);
      c.maxDay = c.maxDay === undefined ? d.day : Math.max(c.maxDay, d.day);
    }
  }

  /** Keeps the CENTROID_MAX_TERMS heaviest centroid terms (bounded cost per comparison). */
  private prune(c: Cluster): void {
    c.tf.keepHeaviest(CENTROID_MAX_TERMS);
  }

  private termId(t: string): number {
    let id = this.termIds.get(t);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(t, id);
      this.terms.push(t);
      this.specific.push(isSpecific(t) ? 1 : 0);
      this.idfAt.push(-1);
      this.idfVal.push(0);
      this.df.push(0);
    }
    return id;
  }

  /** A term-frequency map as parallel id and weight arrays (map order kept). */
  private termArrays(tf: Map<string, number>): { tids: Int32Array; tw: Float64Array } {
    const tids = this.slab.int32(tf.size);
    const tw = this.slab.float64(tf.size);
    let i = 0;
    for (const [t, w] of tf) {
      tids[i] = this.termId(t);
      tw[i++] = w;
    }
    return { tids, tw };
  }

  /** Sublinear tf x idf (x story-local factor), L2-normalised; `ids` (distinct) with their counts `ws`. */
  private vector(ids: ArrayLike<number>, ws: ArrayLike<number>, local?: (id: number) => number): SparseVec {
    if (this.scratch.length < this.terms.length) this.scratch = new Float64Array(Math.max(this.terms.length, 2 * this.scratch.length));
    const scratch = this.scratch;
    const out = new Int32Array(ids.length);
    let m = 0;
    let norm = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const w = (1 + Math.log(Math.max(1, ws[i]))) * this.idf(id) * (local ? local(id) : 1);
      if (w <= 0) continue;
      out[m++] = id;
      scratch[id] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    const sorted = (m === out.length ? out : out.slice(0, m)).sort();
    const w = new Float64Array(m);
    for (let i = 0; i < m; i++) w[i] = scratch[sorted[i]] / norm;
    return { ids: sorted, w };
  }

  /** The vector of a cluster centroid. */
  private clusterVector(c: Cluster, local?: (id: number) => number): SparseVec {
    return this.vector(c.tf.ids, c.tf.weights, local);
  }

  /** The story centroid's vector, cached (see {@link CACHE_DRIFT}). */
  private storyVector(s: Cluster): SparseVec {
    const c = s.cache;
    if (c && (c.version === (s.version ?? 0) || (c.storyDocs >= CACHE_MIN_DOCS && s.docs.length <= c.storyDocs * (1 + CACHE_DRIFT))) && this.n <= c.n * (1 + CACHE_DRIFT)) return c.vec;
    const vec = this.clusterVector(s);
    s.cache = { vec, version: s.version ?? 0, n: this.n, storyDocs: s.docs.length };
    return vec;
  }

  /** An event centroid's story-local vector, cached (see {@link CACHE_DRIFT}). */
  private eventVector(e: Cluster, story: Cluster, local: (id: number) => number): SparseVec {
    const c = e.cache;
    const fresh = c && (c.version === (e.version ?? 0) || ((c.eventDocs ?? 0) >= CACHE_MIN_DOCS && e.docs.length <= (c.eventDocs ?? 0) * (1 + CACHE_DRIFT)));
    if (c && fresh && this.n <= c.n * (1 + CACHE_DRIFT) && (story.docs.length === c.storyDocs || (c.storyDocs >= CACHE_MIN_DOCS && story.docs.length <= c.storyDocs * (1 + CACHE_DRIFT)))) return c.vec;
    const vec = this.clusterVector(e, local);
    e.cache = { vec, version: e.version ?? 0, n: this.n, storyDocs: story.docs.length, eventDocs: e.docs.length };
    return vec;
  }

  private cosine(a: SparseVec, b: SparseVec): number {
    let s = 0;
    let i = 0;
    let j = 0;
    const na = a.ids.length;
    const nb = b.ids.length;
    while (i < na && j < nb) {
      const x = a.ids[i];
      const y = b.ids[j];
      if (x === y) s += a.w[i++] * b.w[j++];
      else if (x < y) i++;
      else j++;
    }
    return s;
  }

  /** Story-local factor: terms most of the story's articles share weigh less (more so in bigger stories). */
  private localWeights(s: { docs: unknown[]; df?: { get(id: number): number | undefined } }): (id: number) => number {
    const n = s.docs.length;
    const lambda = n / (n + LOCAL_PRIOR_DOCS);
    const specific = this.specific;
    return (id) => {
      const df = s.df?.get(id) ?? 0;
      // a term only one article of the story has says nothing about which articles belong together
      const localIdf = df < MIN_LOCAL_DF ? 0 : Math.max(0, Math.log((n + 1) / (df + 0.5)));
      return (lambda * localIdf + (1 - lambda)) * (specific[id] ? EVENT_SPECIFIC_WEIGHT : 1);
    };
  }

  private resolve(sid: string): string {
    let s = sid;
    while (this.mergedInto.has(s)) s = this.mergedInto.get(s)!;
    return s;
  }

  /**
   * The KEY_TERMS highest-weighted term ids of a vector (ties by term), with their weights: a
   * bounded insertion selection, the same as sorting all terms and keeping the head.
   */
  private keyTerms(vec: SparseVec): [number, number][] {
    const terms = this.terms;
    const top: number[] = []; // indices into vec, best first
    const before = (a: number, b: number) => vec.w[a] > vec.w[b] || (vec.w[a] === vec.w[b] && terms[vec.ids[a]] < terms[vec.ids[b]]);
    for (let i = 0; i < vec.ids.length; i++) {
      if (top.length === KEY_TERMS && !before(i, top[KEY_TERMS - 1])) continue;
      let at = top.length;
      while (at > 0 && before(i, top[at - 1])) at--;
      top.splice(at, 0, i);
      if (top.length > KEY_TERMS) top.pop();
    }
    return top.map((i) => [vec.ids[i], vec.w[i]]);
  }

  private candidateStories(keys: [number, number][]): string[] {
    const hits = new Map<string, number>();
    for (const [t, w] of keys) {
      for (const raw of this.postings.get(t) ?? []) {
        const sid = this.resolve(raw);
        hits.set(sid, (hits.get(sid) ?? 0) + w);
      }
    }
    return [...hits.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_CANDIDATES).map(([s]) => s);
  }

  private index(storyId: string, keys: [number, number][]): void {
    for (const [t] of keys) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = []));
      const at = p.indexOf(storyId);
      if (at >= 0) p.splice(at, 1);
      p.push(storyId);
      if (p.length > MAX_POSTING) p.shift();
    }
  }

  /**
   * Merges similar stories, largest first: each story absorbs smaller candidates that reach the
   * merge threshold. With `touched`, only pairs involving a touched story are considered (an
   * untouched larger candidate absorbs the touched one). Returns the surviving ids of the touched
   * stories and of every story that absorbed another.
   */
  private mergeStories(touched?: Set<string>): Set<string> {
    const changed = new Set(touched ?? []);
    const ordered = [...this.storyMap.values()].filter((s) => !touched || touched.has(s.id)).sort((a, b) => b.docs.length - a.docs.length || (a.id < b.id ? -1 : 1));
    for (const s of ordered) {
      if (!this.storyMap.has(s.id)) continue;
      const v = this.storyVector(s);
      for (const cid of this.candidateStories(this.keyTerms(v))) {
        if (cid === s.id || !this.storyMap.has(cid)) continue;
        const c = this.storyMap.get(cid)!;
        const bigger = c.docs.length > s.docs.length;
        // a larger story was processed before (and absorbed s if it could), unless it is untouched
        if (bigger && (!touched || touched.has(cid))) continue;
        const [into, from] = bigger ? [c, s] : [s, c];
        const sim = this.cosine(bigger ? this.storyVector(c) : v, bigger ? v : this.storyVector(c)) * decay(gapDays(from.minDay, into.minDay, into.maxDay) ?? gapDays(from.maxDay, into.minDay, into.maxDay), STORY_GRACE_DAYS, STORY_DECAY_DAYS);
        const need = from.docs.length === 1 ? this.opts.storyMergeThreshold * SINGLETON_STORY_RATIO : this.opts.storyMergeThreshold;
        if (sim < need) continue;
        this.absorb(into, from);
        changed.delete(from.id);
        changed.add(into.id);
        if (bigger) break; // s is gone: its remaining candidates are left for the story it joined
      }
    }
    return changed;
  }

  /** Moves every article of `from` into `into` and forgets `from`. */
  private absorb(into: Cluster, from: Cluster): void {
    for (const id of from.docs) {
      const d = this.docs.get(id)!;
      d.story = into.id;
      this.addToCluster(into, d, true);
    }
    for (const e of from.events ?? []) touchEvent(into, e);
    this.storyMap.delete(from.id);
    this.mergedInto.set(from.id, into.id);
  }

  private reclusterEvents(s: Cluster): void {
    const members = s.docs.map((id) => this.docs.get(id)!);
    const n = members.length;
    // the story's strands first (see STRAND_THRESHOLD), then the events of each strand with the strand's own local weights
    const storySim = this.similarities(members, this.localWeights(s));
    const strands = n > 2 ? attachSingletons(averageLink(n, storySim, STRAND_THRESHOLD), n, storySim, STRAND_THRESHOLD * SINGLETON_ATTACH_RATIO) : [members.map((_, i) => i)];
    const groups = strands.flatMap((strand) => this.strandEvents(strand.map((i) => members[i])).map((g) => g.map((k) => strand[k])));
    // keep the event id most of a group's members had, if still free; drop the old events
    const used = new Set<string>();
    for (const d of members) this.eventMap.delete(d.event);
    s.events = [];
    const oldIds = members.map((d) => d.event);
    for (const g of groups.sort((a, b) => b.length - a.length || a[0] - b[0])) {
      const votes = new Map<string, number>();
      for (const i of g) votes.set(oldIds[i], (votes.get(oldIds[i]) ?? 0) + 1);
      const pick = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).find(([e]) => !used.has(e))?.[0];
      const e: Cluster = pick ? { id: pick, docs: [], tf: new IdWeights() } : this.newCluster("e", false);
      used.add(e.id);
      this.eventMap.set(e.id, e);
      touchEvent(s, e.id);
      for (const i of g) {
        members[i].event = e.id;
        this.addToCluster(e, members[i], false);
      }
    }
  }

  /** Pairwise cosines (n x n, zero diagonal) of articles' vectors under the given local weights. */
  private similarities(docs: DocState[], local: (id: number) => number): Float64Array {
    const vecs = docs.map((d) => this.vector(d.tids, d.tw, local));
    const n = docs.length;
    const sim = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sim[i * n + j] = sim[j * n + i] = this.cosine(vecs[i], vecs[j]);
    return sim;
  }

  /**
   * The events of one strand of a story (indices into `docs`): average-link agglomeration on
   * strand-local vectors plus the agreement of the articles' similarity profiles
   * ({@link addProfileAgreement}), never linking groups whose leads report conflicting days.
   */
  private strandEvents(docs: DocState[]): number[][] {
    const n = docs.length;
    if (n === 1) return [[0]];
    const df = new Map<number, number>();
    for (const d of docs) for (const t of d.tids) df.set(t, (df.get(t) ?? 0) + 1);
    const sim = this.similarities(docs, this.localWeights({ docs, df }));
    if (n >= PROFILE_MIN_DOCS) addProfileAgreement(sim, n, PROFILE_WEIGHT);
    const conflict = new Uint8Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) conflict[i * n + j] = conflict[j * n + i] = eventDaysConflict(docs[i].eventDays, docs[j].eventDays) ? 1 : 0;
    // two articles whose leads report days too far apart never share an event, whatever the words say
    const canLink = (a: number[], b: number[]) => {
      let dated = 0;
      let bad = 0;
      for (const i of a) {
        if (!docs[i].eventDays) continue;
        for (const j of b) {
          if (!docs[j].eventDays) continue;
          dated++;
          bad += conflict[i * n + j];
        }
      }
      return bad <= EVENT_CONFLICT_SHARE * dated;
    };
    return attachSingletons(averageLink(n, sim, this.opts.eventThreshold, canLink), n, sim, this.opts.eventThreshold * SINGLETON_ATTACH_RATIO, canLink);
  }
}

function duplicateId(id: string): ParallaxError {
  return new ParallaxError("E_LINK_DUPLICATE_ID", `Article "${id}" was already added to the story clusterer.`, "Add each article once; use a unique id per article.");
}

/** The days an article's lead names, relative ones resolved against its publication date (else `day`). */
function docEventDays(doc: LinkDoc, day: number | undefined): number[] | undefined {
  const published = dayNumber(doc.published);
  let days = leadEventDays(doc.title, doc.text, dayString(published ?? day));
  // without a publication date, the head's first date is the dateline (when it was reported, see docDay),
  // not a day the article reports: it anchors relative dates but is no event day
  if (published === undefined && day !== undefined) days = days.filter((d) => d !== day);
  return days.length ? days : undefined;
}

/** Union of two ascending day lists, at most MAX_CLUSTER_EVENT_DAYS (the earliest) kept. */
function mergeDays(a: number[] | undefined, b: number[]): number[] {
  const out = [...new Set([...(a ?? []), ...b])].sort((x, y) => x - y);
  return out.length > MAX_CLUSTER_EVENT_DAYS ? out.slice(0, MAX_CLUSTER_EVENT_DAYS) : out;
}

/** True for a name, date or number term (see {@link EVENT_SPECIFIC_WEIGHT}). */
function isSpecific(t: string): boolean {
  return t.startsWith("@") || t.startsWith("~") || isNumber(t);
}

/**
 * Adds `weight` x the agreement of two articles' similarity profiles to their similarity, for every
 * pair (`sim`: n x n, zero diagonal, changed in place). The agreement is the Pearson correlation of
 * their similarities to the other n - 2 articles: two reports of one event resemble the same articles
 * and differ from the same ones (positive), reports of two events of one story lean to different
 * sides (negative), even where their own words overlap as much as any two reports do. O(n^3).
 */
export function addProfileAgreement(sim: Float64Array, n: number, weight: number): void {
  if (n < 4) return;
  const sum = new Float64Array(n);
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const x = sim[i * n + k];
      sum[i] += x;
      sq[i] += x * x;
    }
  }
  const m = n - 2;
  const agree = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // sums over k != i, j: row i's entry at k = i is 0 and its entry at k = j is sim(i, j), and so for row j
      const sij = sim[i * n + j];
      let dot = 0;
      for (let k = 0; k < n; k++) dot += sim[i * n + k] * sim[j * n + k];
      const sa = sum[i] - sij;
      const sb = sum[j] - sij;
      const va = sq[i] - sij * sij - (sa * sa) / m;
      const vb = sq[j] - sij * sij - (sb * sb) / m;
      const cov = dot - (sa * sb) / m;
      agree[i * n + j] = agree[j * n + i] = va > 1e-12 && vb > 1e-12 ? cov / Math.sqrt(va * vb) : 0;
    }
  }
  for (let x = 0; x < n * n; x++) sim[x] += weight * agree[x];
}

/** Moves an event id to the most-recent end of its story's event list. */
function touchEvent(story: Cluster, eventId: string): void {
  const list = (story.events ??= []);
  const at = list.indexOf(eventId);
  if (at >= 0) list.splice(at, 1);
  list.push(eventId);
}

/** Average-link agglomerative clustering of n items with a symmetric similarity matrix; stops below `threshold`. */
export function averageLink(n: number, sim: Float64Array, threshold: number, canLink?: (a: number[], b: number[]) => boolean): number[][] {
  const groups: number[][] = Array.from({ length: n }, (_, i) => [i]);
  // link[i][j]: summed similarity between groups i and j
  const link: Float64Array[] = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => sim[i * n + j]));
  const alive = new Array<boolean>(n).fill(true);
  for (;;) {
    let best = threshold;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (!alive[j]) continue;
        const avg = link[i][j] / (groups[i].length * groups[j].length);
        if (avg >= best && (!canLink || canLink(groups[i], groups[j]))) {
          best = avg;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    groups[bi] = groups[bi].concat(groups[bj]);
    alive[bj] = false;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi) continue;
      link[bi][k] = link[k][bi] = link[bi][k] + link[bj][k];
    }
  }
  return groups.filter((_, i) => alive[i]);
}

/** Moves each singleton group into the group with the highest average similarity to it, if at least `threshold`. */
export function attachSingletons(groups: number[][], n: number, sim: Float64Array, threshold: number, canLink?: (a: number[], b: number[]) => boolean): number[][] {
  const big = groups.filter((g) => g.length > 1);
  if (!big.length) return groups;
  const out = big.map((g) => [...g]);
  const alone: number[][] = [];
  for (const g of groups) {
    if (g.length > 1) continue;
    const i = g[0];
    let best = threshold;
    let pick = -1;
    big.forEach((b, k) => {
      const avg = b.reduce((s, j) => s + sim[i * n + j], 0) / b.length;
      if (avg >= best && (!canLink || canLink(g, b))) {
        best = avg;
        pick = k;
      }
    });
    if (pick >= 0) out[pick].push(i);
    else alone.push(g);
  }
  return [...out, ...alone];
}

/**
 * Batch convenience: clusters `docs` (in publication-date order, then id order, so the result is
 * deterministic), observing the whole collection's IDF first, then refining. Returns id -> cluster id
 * at the requested level.
 */
export function clusterDocs(docs: LinkDoc[], level: "story" | "event", opts: ClusterOptions = {}): Map<string, string> {
  const c = new StoryClusterer(opts);
  // the store's incremental link step from an empty archive: prepared as read, added in publication order
  c.updatePrepared(byPublicationOrder(docs.map((d) => c.prepare(d))));
  const out = new Map<string, string>();
  for (const d of docs) {
    const r = c.get(d.id)!;
    out.set(d.id, level === "story" ? r.storyId : r.eventId);
  }
  return out;
}

/** Prepared articles in publication-date order, then id order (undated last): the order an archive would have seen them. */
export function byPublicationOrder<T extends { id: string; published?: string }>(docs: T[]): T[] {
  return [...docs].sort((a, b) => {
    const pa = a.published ?? "\uffff";
    const pb = b.published ?? "\uffff";
    if (pa !== pb) return pa < pb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
