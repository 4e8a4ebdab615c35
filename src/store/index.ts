/**
 * The storage layer's public surface: the {@link Store} interface, the SQLite implementation
 * and the batched ingest writer. Import from here rather than from the individual files.
 */
export type * from "./store.js";
export { openSqliteStore, type SqliteStoreOptions } from "./sqlite.js";
export { ArticleBatchWriter, putArticles, DEFAULT_BATCH_SIZE, type BatchStats, type BatchWriterOptions } from "./batch.js";
export { toFtsQuery } from "./fts-query.js";
export { LATEST_SCHEMA_VERSION } from "./migrations.js";
