/**
 * Acquisition: downloading pages and feeds politely and safely into the store
 * (`parallax fetch`, `parallax watch`).
 */
export { Acquirer, watchFeeds, type AcquireOptions, type AcquireStats, type WatchStats } from "./job.js";
export { Fetcher, DEFAULT_USER_AGENT, type FetcherOptions, type FetchOutcome } from "./fetcher.js";
export { checkUrl, guardedLookup, GuardError } from "./guard.js";
export { forbiddenReason, isAddressAllowed, parseIp, type AllowPrivate } from "./address.js";
export { parseRobots, isAllowed } from "./robots.js";
export { parseDuration, formatDuration } from "./duration.js";
export { bodyToItems } from "./content.js";
