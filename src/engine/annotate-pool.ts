/**
 * Annotation on worker threads. annotate() is pure CPU work on one document, so ingest hands documents
 * to a small pool of workers and keeps reading, cleaning and writing on the main thread. Each document's
 * result is exactly what annotate() returns in-thread; the caller stores results in input order.
 *
 * The pool is used only from the built code (dist/), where the worker script exists as JavaScript; under a
 * TypeScript runner (tests, tsx) {@link AnnotatorPool.create} returns undefined and ingest annotates in-thread.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Annotations, Diagnostic, Doc } from "../model.js";

/** Upper bound on workers, whatever the core count (each holds its own NER model, ~100 MB). */
export const MAX_ANNOTATE_WORKERS = 4;

/** Environment variable that sets the worker count (0: annotate in-thread). */
export const WORKERS_ENV = "PARALLAX_ANNOTATE_WORKERS";

/** One document sent to a worker. */
export interface AnnotateRequest {
  seq: number;
  doc: Doc;
}

/** A worker's answer: the annotations and the document's diagnostics after annotation, or an error message. */
export type AnnotateReply =
  | { seq: number; annotations: Annotations; diagnostics: Diagnostic[]; error?: undefined }
  | { seq: number; error: string };

interface Task {
  seq: number;
  doc: Doc;
  resolve: (r: AnnotateReply) => void;
}

const WORKER_URL = new URL("./annotate-worker.js", import.meta.url);

/** With at least this many cores (and no {@link WORKERS_ENV}), ingest annotates on cores - 1 workers. */
export const AUTO_POOL_MIN_CORES = 4;

/**
 * Workers to start: the value of {@link WORKERS_ENV} when set (0: annotate in-thread), else cores - 1
 * (at most {@link MAX_ANNOTATE_WORKERS}) on a machine with {@link AUTO_POOL_MIN_CORES} or more cores, else 0.
 *
 * Results are identical to in-thread annotation: tokenize() resets wink-nlp's vocabulary before each text, so a
 * document's annotations do not depend on which documents the same thread read before (src/nlp/tokenize.ts;
 * annotate-pool.test.ts compares the two). Each worker loads its own models (~100 MB, ~1 s), so the pool only
 * pays off where cores are free: small machines annotate in-thread.
 */
export function defaultWorkerCount(cores = availableParallelism()): number {
  const env = process.env[WORKERS_ENV];
  if (env === undefined || env.trim() === "" || !Number.isFinite(Number(env))) {
    return cores >= AUTO_POOL_MIN_CORES ? Math.min(MAX_ANNOTATE_WORKERS, cores - 1) : 0;
  }
  return Math.min(MAX_ANNOTATE_WORKERS, cores, Math.max(0, Math.floor(Number(env))));
}

/** A pool of annotation workers fed from one queue; documents go to whichever worker is free. */
export class AnnotatorPool {
  private readonly queue: Task[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly idle: Worker[] = [];
  private seq = 0;
  private failure: Error | undefined;

  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on("message", (reply: AnnotateReply) => this.done(w, reply));
      w.on("error", (err) => this.fail(w, err));
      this.idle.push(w);
    }
  }

  /**
   * Starts `size` workers, or returns undefined when size < 1 or there is no compiled worker script.
   * `startWorker` replaces the compiled script (tests start the TypeScript worker through tsx).
   */
  static create(size = defaultWorkerCount(), startWorker?: () => Worker): AnnotatorPool | undefined {
    if (size < 1) return undefined;
    if (!startWorker) {
      if (!existsSync(fileURLToPath(WORKER_URL))) return undefined;
      startWorker = () => new Worker(WORKER_URL);
    }
    return new AnnotatorPool(Array.from({ length: size }, startWorker));
  }

  /** Annotates one document on a worker; resolves to the reply (rejects only if a worker dies). */
  annotate(doc: Doc): Promise<AnnotateReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve) => {
      this.queue.push({ seq: ++this.seq, doc, resolve });
      this.pump();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const t = this.queue.shift()!;
      this.busy.set(w, t);
      const msg: AnnotateRequest = { seq: t.seq, doc: t.doc };
      w.postMessage(msg);
    }
  }

  private done(w: Worker, reply: AnnotateReply): void {
    const t = this.busy.get(w);
    this.busy.delete(w);
    this.idle.push(w);
    t?.resolve(reply);
    this.pump();
  }

  private fail(w: Worker, err: Error): void {
    this.failure = err;
    const t = this.busy.get(w);
    this.busy.delete(w);
    const reply: AnnotateReply = { seq: t?.seq ?? 0, error: `annotation worker failed: ${err.message}` };
    t?.resolve(reply);
    for (const q of this.queue.splice(0)) q.resolve({ seq: q.seq, error: reply.error });
  }
}
