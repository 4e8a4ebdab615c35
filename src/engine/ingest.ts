/**
 * The ingest job: read inputs, clean them into articles, annotate them, and store both,
 * committing in batches so a crash mid-run loses nothing already committed. Inputs that
 * produce no article are stored as failures with their reason, and the batch goes on.
 */
import type { Annotations, Article, Diagnostic } from "../model.js";
import type { Store } from "../store/store.js";
import { readInputs } from "../ingest/read.js";
import type { InputItem } from "../ingest/types.js";
import { toArticle } from "../ingest/article.js";
import { annotate, ANNOTATOR_VERSION, releaseAnnotationCaches } from "../nlp/annotate.js";
import type { Progress } from "../cli/progress.js";
import { AnnotatorPool } from "./annotate-pool.js";

/** Articles written per transaction. */
export const INGEST_BATCH = 200;

/**
 * Worker threads are started only once a batch has at least this many articles to annotate: below it,
 * loading the models on each worker costs more than annotating in-thread saves.
 */
export const POOL_MIN_ARTICLES = 32;
/** Articles annotated by one ingest after which the annotator's word caches are released at its end. */
export const RELEASE_CACHES_AFTER = 1000;

export interface IngestOptions {
  maxBytes?: number;
  progress?: Progress;
  /** Called for each input that produced no article (the CLI prints it). */
  onFailure?: (path: string, d: Diagnostic, index?: number) => void;
}

export interface IngestStats {
  /** Documents read (articles and failures). */
  read: number;
  /** New articles stored. */
  inserted: number;
  /** Articles already stored (same content): nothing new written. */
  unchanged: number;
  failed: number;
  /** Articles annotated in this run. */
  annotated: number;
  seconds: number;
}

export async function ingestPaths(store: Store, paths: string[], opts: IngestOptions = {}): Promise<IngestStats> {
  return ingestItems(store, readInputs(paths, { maxBytes: opts.maxBytes }), opts);
}

/**
 * Cleans, annotates and stores already-read input items (what {@link readInputs} yields, or raw
 * documents built elsewhere, e.g. from downloaded pages): the one code path behind {@link ingestPaths}.
 */
export async function ingestItems(store: Store, items: AsyncIterable<InputItem> | Iterable<InputItem>, opts: IngestOptions = {}): Promise<IngestStats> {
  const started = performance.now();
  const stats: IngestStats = { read: 0, inserted: 0, unchanged: 0, failed: 0, annotated: 0, seconds: 0 };
  let batch: Article[] = [];
  const fail = (path: string, d: Diagnostic, index?: number) => {
    stats.failed++;
    store.recordFailure({ path, index, diagnostic: d });
    opts.onFailure?.(path, d, index);
  };
  let pool: AnnotatorPool | undefined;
  let poolTried = false;
  // Ids annotated by an earlier batch of this run: that batch may still be in flight (not yet written),
  // and an article written by it needs no second annotation, exactly as if batches ran one after the other.
  const annotatedIds = new Set<string>();
  let pending: Promise<void> | undefined;
  const flush = async () => {
    if (!batch.length) return;
    const todo = batch;
    batch = [];
    // Annotate outside the transaction (CPU, on workers when there are cores to spare), write inside it (I/O),
    // so a batch lands whole or not at all. The next batch is read and cleaned while this one is annotated.
    const fresh = todo.filter((a) => !annotatedIds.has(a.id) && store.getAnnotations(a.id)?.annotatorVersion !== ANNOTATOR_VERSION);
    for (const a of fresh) annotatedIds.add(a.id);
    if (!poolTried && fresh.length >= POOL_MIN_ARTICLES) {
      poolTried = true;
      pool = AnnotatorPool.create();
    }
    const annotating = annotateAll(fresh, pool);
    const previous = pending;
    pending = (async () => {
      const annotations = await annotating;
      await previous;
      write(todo, annotations);
    })();
    // Its failure is thrown where it is awaited (next flush or the end); this only stops an early unhandled-rejection crash.
    pending.catch(() => undefined);
    // Keep at most one batch in flight behind the one being read.
    if (previous) await previous;
  };
  const write = (todo: Article[], annotations: Map<string, Annotations>) => {
    store.transaction(() => {
      for (const a of todo) {
        const r = store.putArticle(a);
        if (r.inserted) stats.inserted++;
        else stats.unchanged++;
        const ann = annotations.get(a.id);
        if (ann) {
          store.putAnnotations(a.id, ann, ANNOTATOR_VERSION);
          stats.annotated++;
        }
      }
    });
  };

  try {
    for await (const item of items) {
      stats.read++;
      opts.progress?.tick();
      if (!item.ok) {
        fail(item.path, item.diagnostic, item.index);
        continue;
      }
      let article: Article;
      try {
        article = toArticle(item.doc);
      } catch (err) {
        fail(item.doc.path, { code: "clean/failed", severity: "error", stage: "clean", message: `Could not clean this document: ${(err as Error).message}` }, item.doc.index);
        continue;
      }
      if (!article.text.trim()) {
        fail(item.doc.path, {
          code: "clean/no-text",
          severity: "error",
          stage: "clean",
          message: "No article text was left after cleaning (the input holds only markup, navigation or debris).",
        }, item.doc.index);
        continue;
      }
      batch.push(article);
      if (batch.length >= INGEST_BATCH) await flush();
    }
    await flush();
    await pending;
  } finally {
    // Settle any batch still in flight (its error, if any, was already thrown above) before stopping workers.
    await pending?.catch(() => undefined);
    await pool?.close();
    // the tagger's word caches, full after a long ingest, are not needed by what follows (linking)
    if (stats.annotated >= RELEASE_CACHES_AFTER) releaseAnnotationCaches();
  }
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

/**
 * Annotates articles, on the pool's workers when there is one, else in-thread; keyed by article id.
 * Stage failures are added to each article's diagnostics, as annotate() does in-thread.
 */
async function annotateAll(articles: Article[], pool: AnnotatorPool | undefined): Promise<Map<string, Annotations>> {
  const docOf = (a: Article) => ({ id: a.id, text: a.text, published: a.meta.published?.slice(0, 10), title: a.meta.title, diagnostics: a.diagnostics });
  if (!pool) return new Map(articles.map((a) => [a.id, annotate(docOf(a))]));
  const replies = await Promise.all(articles.map((a) => pool.annotate(docOf(a))));
  const out = new Map<string, Annotations>();
  articles.forEach((a, i) => {
    const r = replies[i];
    if (r.error !== undefined) throw new Error(r.error);
    a.diagnostics.splice(0, a.diagnostics.length, ...r.diagnostics);
    out.set(a.id, r.annotations);
  });
  return out;
}
