/**
 * The ingest stage's public surface: read inputs, turn them into articles.
 */
export { readInputs, readFileInputs, DEFAULT_MAX_BYTES } from "./read.js";
export { toArticle, cleanRawDoc, articleId, extractForBenchmark, benchmarkId, type ExtractRecord } from "./article.js";
export { decodeBytes } from "./decode.js";
export { ACCEPTED_FORMATS } from "./sniff.js";
export type { InputItem, RawDoc, RawHints, ReadOptions } from "./types.js";
