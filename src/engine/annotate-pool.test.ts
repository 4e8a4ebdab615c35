import { readFileSync, readdirSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Doc } from "../model.js";
import { annotate } from "../nlp/annotate.js";
import { AnnotatorPool, MAX_ANNOTATE_WORKERS, WORKERS_ENV, defaultWorkerCount, type AnnotateReply } from "./annotate-pool.js";

/**
 * Starts the TypeScript worker through tsx's loader (the compiled annotate-worker.js does not exist under vitest);
 * "tsx/esm/api" resolves from the working directory, the repository root under vitest.
 */
function startTsWorker(): Worker {
  const entry = new URL("./annotate-worker.ts", import.meta.url).href;
  const code = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true });
}

const examples = new URL("../../examples/zhai-doha/", import.meta.url);
const texts: string[] = [
  // Read before the next text by one thread, but not by the worker that gets the next text: wink-nlp used to
  // keep "Gadhafi's" whole after this sentence, so the two disagreed.
  "The colonel's son spoke of Gadhafi's.",
  "Forces loyal to Gadhafi's regime shelled Misrata on Thursday. The U.S.-led coalition met in Doha on Friday.\nNATO said: “Strikes will go on.”",
  ...readdirSync(examples)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(new URL(f, examples), "utf8")),
  "Москва и Пекин. Владимир Путин встретился с Си Цзиньпином в понедельник.",
  "Saif al-Islam, Abdel-Fattah el-Sisi and Wen Jiabao met at 10 a.m. on Monday in Tripoli, Libya, the ministry said.",
  "Ajdabiya's hospital was hit, rebels said on Sunday. Ras Lanuf's port; Brega's refinery. Zintan-based fighters agreed.",
];
const docOf = (text: string, i: number): Doc => ({ id: `t${i}`, text, published: "2011-03-20", diagnostics: [] });

describe("AnnotatorPool", () => {
  let pool: AnnotatorPool | undefined;
  beforeAll(async () => {
    pool = AnnotatorPool.create(2, startTsWorker);
    // Both workers load their models now, just before the in-thread run loads its own (the model files are
    // read once per thread; loading them at nearly the same time keeps a model being rewritten out of the test).
    await Promise.all([0, 1].map((i) => pool?.annotate(docOf("Warm-up.", -1 - i))));
  });
  afterAll(async () => {
    await pool?.close();
  });

  it("gives the same annotations and diagnostics as annotating in-thread, in any order", async () => {
    expect(pool).toBeDefined();
    const inThread = texts.map((t, i) => {
      const doc = docOf(t, i);
      return { annotations: annotate(doc), diagnostics: doc.diagnostics };
    });
    // The same texts in-thread in reverse order: a different history, the same results.
    const reversed = texts
      .map((t, i) => [t, i] as const)
      .reverse()
      .map(([t, i]) => annotate(docOf(t, i)))
      .reverse();
    expect(reversed).toEqual(inThread.map((r) => r.annotations));
    const replies: AnnotateReply[] = await Promise.all(texts.map((t, i) => pool!.annotate(docOf(t, i))));
    replies.forEach((r, i) => {
      expect(r.error).toBeUndefined();
      if (r.error !== undefined) return;
      expect(r.annotations).toEqual(inThread[i].annotations);
      expect(r.diagnostics).toEqual(inThread[i].diagnostics);
    });
  });
});

describe("defaultWorkerCount", () => {
  it("uses cores - 1 workers on machines with 4+ cores unless the environment says otherwise", () => {
    const saved = process.env[WORKERS_ENV];
    try {
      delete process.env[WORKERS_ENV];
      expect(defaultWorkerCount(2)).toBe(0);
      expect(defaultWorkerCount(4)).toBe(3);
      expect(defaultWorkerCount(16)).toBe(MAX_ANNOTATE_WORKERS);
      process.env[WORKERS_ENV] = "0";
      expect(defaultWorkerCount(16)).toBe(0);
      process.env[WORKERS_ENV] = "2";
      expect(defaultWorkerCount(16)).toBe(2);
      expect(defaultWorkerCount(1)).toBe(1);
    } finally {
      if (saved === undefined) delete process.env[WORKERS_ENV];
      else process.env[WORKERS_ENV] = saved;
    }
  });
});
