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

/**
 * Workers to start: the value of {@link WORKERS_ENV}, else 0 (annotate in-thread).
 *
 * Off by default because results are not yet guaranteed identical: wink-nlp's lexicon cache grows with every
 * document it reads, and on T17 each worker (seeing only part of the input) tokenised some words differently
 * ("Gadhafi's" split into two tokens) from one thread reading everything in order. Enable only where that is acceptable.
 */
export function defaultWorkerCount(): number {
  const env = process.env[WORKERS_ENV];
  if (env === undefined || env.trim() === "" || !Number.isFinite(Number(env))) return 0;
  return Math.min(MAX_ANNOTATE_WORKERS, availableParallelism(), Math.max(0, Math.floor(Number(env))));
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

  /** Starts `size` workers, or returns undefined when there is no compiled worker script or size < 1. */
  static create(size = defaultWorkerCount()): AnnotatorPool | undefined {
    if (size < 1 || !existsSync(fileURLToPath(WORKER_URL))) return undefined;
    return new AnnotatorPool(Array.from({ length: size }, () => new Worker(WORKER_URL)));
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
