/** Cross-article linking: near-duplicates, rewrites, story and event clustering. */
export type { LinkDoc } from "./types.js";
export { DuplicateIndex, MinHasher, estimateJaccard, type DuplicateMatch } from "./minhash.js";
export { shingleHashes, jaccard } from "./shingles.js";
export { detectRewrite, findRewrites, findDuplicates, rewriteCandidates, wireAgency, byPublication } from "./rewrite.js";
export { alignSentences, sentenceSimilarity } from "./align.js";
export { StoryClusterer, clusterDocs, docTerms, docDay, type ClusterOptions, type StorySummary, type ClustererState } from "./cluster.js";
