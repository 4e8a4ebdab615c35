/**
 * The ingest job: read inputs, clean them into articles, annotate them, and store both,
 * committing in batches so a crash mid-run loses nothing already committed. Inputs that
 * produce no article are stored as failures with their reason, and the batch goes on.
 */
import type { Article, Diagnostic } from "../model.js";
import type { Store } from "../store/store.js";
import { readInputs } from "../ingest/read.js";
import type { InputItem } from "../ingest/types.js";
import { toArticle } from "../ingest/article.js";
import { annotate, ANNOTATOR_VERSION } from "../nlp/annotate.js";
import type { Progress } from "../cli/progress.js";

/** Articles written per transaction. */
export const INGEST_BATCH = 200;

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
  const flush = () => {
    if (!batch.length) return;
    const todo = batch;
    batch = [];
    // Annotate outside the transaction (CPU), write inside it (I/O), so a batch lands whole or not at all.
    const fresh = todo.filter((a) => store.getAnnotations(a.id)?.annotatorVersion !== ANNOTATOR_VERSION);
    const annotations = new Map(
      fresh.map((a) => [a.id, annotate({ id: a.id, text: a.text, published: a.meta.published?.slice(0, 10), title: a.meta.title, diagnostics: a.diagnostics })]),
    );
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
    if (batch.length >= INGEST_BATCH) flush();
  }
  flush();
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}
