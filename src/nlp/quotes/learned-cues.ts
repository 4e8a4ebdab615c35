/**
 * A cue lexicon learned from annotated attributions: verbs outside the hand-written lists of cues.ts that head a gold
 * cue often enough ("ruled", "voted", "complained about"), with the particles that join them in the cue. The rules read
 * a learned verb as a stance verb: SOURCE CUE CONTENT only, its object or clause the content.
 *
 * Built by scripts/train-quote-lexicon.ts (support and precision thresholds there, checked by 2-fold cross-validation
 * over documents) and shipped as models/quotes/cue-lexicon.json; absent, the rules run with their own lists alone.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Token } from "../../model.js";
import { OBJECT_CUES, PHRASAL_FORMS, STRONG_CUES, WEAK_CUES } from "./cues.js";

/** File name of the shipped lexicon inside models/quotes/. */
export const CUE_LEXICON_FILE = "cue-lexicon.json";

/** One learned cue verb. */
export interface LearnedCue {
  /** The crude stem of the verb ({@link cueStem}): every inflection with this stem is a cue. */
  stem: string;
  /** Particles that PolNeAR includes in the cue right after the verb ("about" in "complained about"). */
  particles: string[];
  /** Gold cues headed by the verb in the training documents. */
  support: number;
  /** Share of the verb's occurrences (tagged VERB, outside quotes) that head a gold cue. */
  precision: number;
}

/** A learned cue lexicon as written to models/quotes/cue-lexicon.json. */
export interface CueLexicon {
  /** Where the data came from (a licence note travels with it). */
  source: string;
  entries: LearnedCue[];
}

/** A lexicon ready for look-up: stem -> entry. */
export type CueLexiconIndex = ReadonlyMap<string, LearnedCue>;

/**
 * A crude, consistent stem of a lower-case word form ("ruled", "rules", "ruling" -> "rul"): enough to group the
 * regular inflections of one verb; irregular forms ("made") stay apart.
 */
export function cueStem(norm: string): string {
  if (/ies$|ied$/.test(norm)) return `${norm.slice(0, -3)}y`;
  const s = norm.replace(/(ing|ed|es|e|(?<!s)s)$/, "");
  // "submitted" / "submitting" -> "submit".
  return s.length > 3 && /([bdgklmnprt])\1$/.test(s) ? s.slice(0, -1) : s;
}

/** Is this word form in one of the hand-written cue lists (so the learned lexicon never overrides them)? */
export function isListedCue(norm: string): boolean {
  return STRONG_CUES.has(norm) || WEAK_CUES.has(norm) || OBJECT_CUES.has(norm) || PHRASAL_FORMS.has(norm);
}

/** Is token `tok` a word the lexicon may learn or read (a lower-case verb outside the hand-written lists)? */
export function isLexiconCandidate(tok: Token): boolean {
  return tok.pos === "VERB" && /^[a-z][a-z-]+$/.test(tok.text) && !isListedCue(tok.norm);
}

/** Index of a lexicon, by stem. */
export function indexLexicon(lexicon: CueLexicon | null): CueLexiconIndex {
  return new Map((lexicon?.entries ?? []).map((e) => [e.stem, e]));
}

let shipped: CueLexiconIndex | undefined;

/**
 * The shipped lexicon (models/quotes/cue-lexicon.json, searched upwards from this file; PARALLAX_QUOTES_MODEL_DIR
 * overrides the folder), or an empty index when there is none.
 */
export function shippedCueLexicon(): CueLexiconIndex {
  if (shipped) return shipped;
  const env = process.env.PARALLAX_QUOTES_MODEL_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  const candidates: string[] = env ? [join(env, CUE_LEXICON_FILE)] : [];
  for (;;) {
    candidates.push(join(dir, "models", "quotes", CUE_LEXICON_FILE));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const path = candidates.find((p) => existsSync(p));
  shipped = indexLexicon(path ? (JSON.parse(readFileSync(path, "utf8")) as CueLexicon) : null);
  return shipped;
}
