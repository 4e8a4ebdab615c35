/**
 * Batched ingest writes: articles and failures are buffered and committed together,
 * one transaction per batch. One transaction per article would cost a WAL sync each;
 * one transaction for a whole run would lose everything on a crash. With batches, a crash
 * loses at most the batch in flight, and never leaves a half-written batch behind.
 */
import type { Article } from "../model.js";
import type { FailureInput, Store } from "./store.js";

/** Articles (plus failures) committed per transaction by default. */
export const DEFAULT_BATCH_SIZE = 200;

/** Totals over everything a writer has committed. */
export interface BatchStats {
  /** New articles written. */
  inserted: number;
  /** Articles already stored, rewritten with new metadata. */
  updated: number;
  /** Articles already stored unchanged. */
  unchanged: number;
  /** Old articles removed because a changed file replaced them at their location. */
  replaced: number;
  failures: number;
  /** Transactions committed. */
  batches: number;
}

export interface BatchWriterOptions {
  /** Items per transaction (default {@link DEFAULT_BATCH_SIZE}). */
  batchSize?: number;
  /** Called after each commit with the running totals (progress reporting). */
  onCommit?: (stats: Readonly<BatchStats>) => void;
}

/**
 * Buffers articles and failures and commits them to a {@link Store} every `batchSize` items.
 * Call {@link flush} at the end of a run (it is safe to call repeatedly). Works with async
 * readers: `add` is synchronous and only touches the database when a batch is full.
 */
export class ArticleBatchWriter {
  private readonly batchSize: number;
  private readonly onCommit?: (stats: Readonly<BatchStats>) => void;
  private pending: ({ article: Article } | { failure: FailureInput })[] = [];
  private readonly totals: BatchStats = { inserted: 0, updated: 0, unchanged: 0, replaced: 0, failures: 0, batches: 0 };

  constructor(
    private readonly store: Store,
    opts: BatchWriterOptions = {},
  ) {
    this.batchSize = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_BATCH_SIZE));
    this.onCommit = opts.onCommit;
  }

  /** Queues an article; commits the batch when it is full. */
  add(article: Article): void {
    this.pending.push({ article });
    if (this.pending.length >= this.batchSize) this.flush();
  }

  /** Queues a failed input (stored with the same batch as the articles around it). */
  addFailure(failure: FailureInput): void {
    this.pending.push({ failure });
    if (this.pending.length >= this.batchSize) this.flush();
  }

  /**
   * Commits everything queued in one transaction and returns the running totals.
   * If the commit throws, nothing of this batch is stored and the queue is kept for a retry.
   */
  flush(): Readonly<BatchStats> {
    if (this.pending.length === 0) return { ...this.totals };
    const batch = this.pending;
    const delta = this.store.transaction(() => {
      const d = { inserted: 0, updated: 0, unchanged: 0, replaced: 0, failures: 0 };
      for (const item of batch) {
        if ("failure" in item) {
          this.store.recordFailure(item.failure);
          d.failures++;
          continue;
        }
        const r = this.store.putArticle(item.article);
        if (r.inserted) d.inserted++;
        else if (r.updated) d.updated++;
        else d.unchanged++;
        d.replaced += r.replaced?.length ?? 0;
      }
      return d;
    });
    this.pending = [];
    this.totals.inserted += delta.inserted;
    this.totals.updated += delta.updated;
    this.totals.unchanged += delta.unchanged;
    this.totals.replaced += delta.replaced;
    this.totals.failures += delta.failures;
    this.totals.batches++;
    this.onCommit?.({ ...this.totals });
    return { ...this.totals };
  }

  /** Items queued and not yet committed. */
  get queued(): number {
    return this.pending.length;
  }

  /** Running totals of committed work. */
  get stats(): Readonly<BatchStats> {
    return { ...this.totals };
  }
}

/** Puts many articles in batches of `batchSize` (one transaction each); returns the totals. */
export function putArticles(store: Store, articles: Iterable<Article>, opts: BatchWriterOptions = {}): Readonly<BatchStats> {
  const w = new ArticleBatchWriter(store, opts);
  for (const a of articles) w.add(a);
  return w.flush();
}
