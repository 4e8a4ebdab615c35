/**
 * A pipeline of small named stages over one object (spaCy's `Language.__call__`):
 * each stage declares what it needs and what it produces, and the order is checked
 * once, up front, before anything runs.
 */
import { ParallaxError } from "./errors.js";

export interface Stage<T> {
  /** Short, unique name, e.g. "nlp/tokenize". */
  name: string;
  /** Layers/fields that must exist before the stage runs. */
  requires: readonly string[];
  /** Layers/fields the stage fills in. */
  produces: readonly string[];
  /** Does the work in place. Throwing is caught by {@link runPipeline} when the stage is optional. */
  run(item: T): void;
  /** When true a failure becomes a diagnostic and the item goes on. */
  optional?: boolean;
}

/** Checks that every stage's requirements are produced by an earlier stage or given up front. */
export function checkOrder<T>(stages: readonly Stage<T>[], given: readonly string[] = []): void {
  const have = new Set(given);
  const names = new Set<string>();
  for (const s of stages) {
    if (names.has(s.name)) throw new ParallaxError("E_PIPELINE", `Stage "${s.name}" appears twice in the pipeline.`, "Remove the duplicate stage.");
    names.add(s.name);
    for (const r of s.requires) {
      if (!have.has(r)) {
        throw new ParallaxError(
          "E_PIPELINE",
          `Stage "${s.name}" requires "${r}", which no earlier stage produces.`,
          `Add a stage that produces "${r}" before "${s.name}".`,
        );
      }
    }
    for (const p of s.produces) have.add(p);
  }
}

export interface StageFailure {
  stage: string;
  message: string;
}

/**
 * Runs stages in order over one item. An optional stage that throws is recorded
 * as a failure and the item goes on; a required stage's error propagates.
 */
export function runPipeline<T>(stages: readonly Stage<T>[], item: T): StageFailure[] {
  const failures: StageFailure[] = [];
  for (const s of stages) {
    try {
      s.run(item);
    } catch (err) {
      if (!s.optional) throw err;
      failures.push({ stage: s.name, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return failures;
}
