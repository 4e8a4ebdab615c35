/**
 * Types shared by the ingest stage: what reading a file yields before cleaning.
 */
import type { Diagnostic, InputFormat } from "../model.js";

/** Metadata an input states explicitly (JSON Lines fields, feed item fields). These win over guessed values. */
export interface RawHints {
  title?: string;
  published?: string;
  outlet?: string;
  author?: string;
  url?: string;
}

/** One document read from an input file, decoded to text but not yet cleaned. */
export interface RawDoc {
  /** The file it came from. */
  path: string;
  format: InputFormat;
  /** Line number (JSON Lines, 0-based) or item index (feeds, 0-based). */
  index?: number;
  /** An id given by the input (JSON Lines `id`, feed `guid`). */
  externalId?: string;
  /** The decoded text: plain text, or HTML when `html` is true. */
  raw: string;
  /** True when `raw` is HTML (HTML files, JSON Lines `html`, feed item content). */
  html?: boolean;
  hints: RawHints;
  /** Charset the bytes were decoded with (e.g. "utf-8", "windows-1252"). */
  encoding?: string;
  /** Notes from reading (charset fallback and the like); carried into the article's diagnostics. */
  diagnostics?: Diagnostic[];
}

/** What {@link readInputs} yields: a document, or one clear failure for one file (or one line of it). */
export type InputItem =
  | { ok: true; doc: RawDoc }
  | { ok: false; path: string; index?: number; diagnostic: Diagnostic };

/** Options for reading inputs. */
export interface ReadOptions {
  /** Largest file (and largest decompressed gzip content) accepted, in bytes. */
  maxBytes?: number;
}
