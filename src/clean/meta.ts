/**
 * Merging metadata the input states (hints) with metadata the cleaner guessed: explicit input
 * fields win, and `meta.sources` records where each value came from.
 */
import type { ArticleMeta } from "../model.js";
import { normaliseDate } from "./date.js";
import type { CleanHints } from "./types.js";

const HINT_FIELDS = ["title", "published", "outlet", "author", "url"] as const;

/**
 * Puts the hints into `meta` over any guessed value (dates normalised; a hinted date that is not a
 * date is ignored with the guessed one kept). Returns the fields taken from the hints.
 */
export function applyHints(meta: ArticleMeta, hints: CleanHints | undefined): void {
  if (!hints) return;
  const source = hints.source ?? "input";
  for (const f of HINT_FIELDS) {
    const raw = hints[f]?.trim();
    if (!raw) continue;
    const value = f === "published" ? normaliseDate(raw) : raw;
    if (!value) continue;
    meta[f] = value;
    (meta.sources ??= {})[f] = source;
  }
}

/** Fills `meta.outlet` from the dateline's agency when nothing else named the outlet. */
export function outletFromDateline(meta: ArticleMeta): void {
  if (meta.outlet || !meta.dateline?.agency) return;
  meta.outlet = meta.dateline.agency;
  (meta.sources ??= {}).outlet = "dateline";
}
