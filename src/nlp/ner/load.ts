/**
 * Loading the shipped NER model and gazetteers from `models/ner/` (the one place in the
 * NER code that reads files). The folder is found by walking up from this module, so it
 * works from `src/` (tsx, vitest) and from `dist/src/` (built package) alike; the
 * environment variable PARALLAX_NER_MODEL_DIR overrides it.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { ParallaxError } from "../../errors.js";
import { GazetteerLists } from "./gazetteer.js";
import { WordClusters, parseClusters } from "./clusters.js";
import { PerceptronModel, deserializeModel } from "./perceptron.js";

/** File name of the serialised perceptron weights inside the model folder. */
export const MODEL_FILE = "model.json.gz";
/** File name of the word clusters inside the model folder (written by scripts/word-clusters.ts). */
export const CLUSTER_FILE = "clusters.tsv.gz";
/** Second-stage (document-level) model file name inside the model folder (optional; see docstage.ts). */
export const DOC_MODEL_FILE = "doc-model.json.gz";
/** Sub-folder of the model folder holding the gazetteer lists. */
export const GAZETTEER_DIR = "gazetteers";

/** Gazetteer list -> file name (one entry a line, `#` comments allowed). */
export const GAZETTEER_FILES: Record<keyof GazetteerLists, string> = {
  firstNames: "first-names.txt",
  surnames: "surnames.txt",
  countries: "countries.txt",
  demonyms: "demonyms.txt",
  cities: "cities.txt",
  regions: "regions.txt",
  orgKeywords: "org-keywords.txt",
  orgNames: "org-names.txt",
  roleNouns: "role-nouns.txt",
  commonWords: "common-words.txt",
  miscKeywords: "misc-keywords.txt",
};

/** Finds `models/ner` by walking up from this file (or uses PARALLAX_NER_MODEL_DIR). */
export function findModelDir(): string {
  const env = process.env.PARALLAX_NER_MODEL_DIR;
  if (env) return env;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "models", "ner");
    if (existsSync(join(candidate, MODEL_FILE))) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new ParallaxError(
    "E_NER_MODEL",
    "The NER model (models/ner/model.json.gz) was not found.",
    "Restore models/ner/ from the repository, run `npm run train`, or set PARALLAX_NER_MODEL_DIR.",
  );
}

/** Reads one list file: one entry a line, blank lines and `#` comments skipped. */
export function parseList(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

/** Reads the gazetteer lists of a model folder (a missing list is empty). */
export function loadGazetteerLists(dir: string): GazetteerLists {
  const out = {} as GazetteerLists;
  for (const [key, file] of Object.entries(GAZETTEER_FILES) as [keyof GazetteerLists, string][]) {
    const path = join(dir, GAZETTEER_DIR, file);
    out[key] = existsSync(path) ? parseList(readFileSync(path, "utf8")) : [];
  }
  return out;
}

/** Reads the perceptron weights of a model folder. */
export function loadPerceptronModel(dir: string): PerceptronModel {
  const path = join(dir, MODEL_FILE);
  if (!existsSync(path)) {
    throw new ParallaxError("E_NER_MODEL", `The NER model file ${path} does not exist.`, "Run `npm run train` or restore models/ner/ from the repository.");
  }
  const buf = readFileSync(path);
  const json = path.endsWith(".gz") ? gunzipSync(buf).toString("utf8") : buf.toString("utf8");
  return deserializeModel(json);
}

/** Reads the word clusters of a model folder, or undefined when it has none (models trained without them). */
export function loadWordClusters(dir: string): WordClusters | undefined {
  const path = join(dir, CLUSTER_FILE);
  if (!existsSync(path)) return undefined;
  const buf = readFileSync(path);
  return parseClusters((path.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8"));
}

/** Reads the second-stage document model of a model folder, or undefined when it has none. */
export function loadDocModel(dir: string): PerceptronModel | undefined {
  const path = join(dir, DOC_MODEL_FILE);
  if (!existsSync(path)) return undefined;
  return deserializeModel(gunzipSync(readFileSync(path)).toString("utf8"));
}
