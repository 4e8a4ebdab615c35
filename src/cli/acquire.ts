/**
 * `parallax fetch URL...` and `parallax watch FEED...`: download pages and feeds politely
 * (robots.txt, per-host limits, retries, conditional GET) and safely (no private addresses
 * unless --allow-private) into the store, then relink the stories.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { openSqliteStore } from "../store/sqlite.js";
import type { AcquireOptions, AcquireStats, WatchStats } from "../acquire/job.js";
import { DEFAULT_DELAY_MS, DEFAULT_FETCH_MAX_BYTES, DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from "../acquire/fetcher.js";
import { formatDuration, parseDuration } from "../acquire/duration.js";
import { progress, type Verbosity } from "./progress.js";

/** Default polling interval of `watch`. */
const DEFAULT_EVERY = "15m";
/** Shortest polling interval accepted (feeds rarely change faster; polling faster is impolite). */
const MIN_EVERY_MS = 10_000;

type Globals = () => { db: string; quiet?: boolean; verbose?: boolean };

interface CliAcquireOpts {
  allowPrivate?: boolean;
  userAgent?: string;
  timeout: number;
  maxBytes: number;
  delay: number;
  retries: number;
  force?: boolean;
}

function durationArg(v: string): number {
  const ms = parseDuration(v);
  if (ms === undefined) throw new InvalidArgumentError(`"${v}" is not a duration; write e.g. 30s, 15m or 2h.`);
  return ms;
}

function intArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`"${v}" is not a whole number.`);
  return n;
}

function addCommonOptions(cmd: Command): Command {
  return cmd
    .option("--allow-private", "allow private, loopback and link-local addresses (your own network)")
    .option("--user-agent <ua>", "User-Agent header sent", DEFAULT_USER_AGENT)
    .addOption(new Option("--timeout <duration>", "time limit per request, e.g. 30s").argParser(durationArg).default(DEFAULT_TIMEOUT_MS, formatDuration(DEFAULT_TIMEOUT_MS)))
    .option("--max-bytes <n>", "refuse responses larger than this", intArg, DEFAULT_FETCH_MAX_BYTES)
    .addOption(new Option("--delay <duration>", "minimum gap between requests to one host").argParser(durationArg).default(DEFAULT_DELAY_MS, formatDuration(DEFAULT_DELAY_MS)))
    .option("--retries <n>", "retries on 429, 5xx and network errors", intArg, DEFAULT_RETRIES);
}

function verbosity(g: ReturnType<Globals>): Verbosity {
  return g.quiet ? "quiet" : g.verbose ? "verbose" : "normal";
}

/** Builds acquirer options from the command line, printing failures (and notes with --verbose). */
function acquireOptions(o: CliAcquireOpts, v: Verbosity, signal: AbortSignal): AcquireOptions {
  return {
    allowPrivate: !!o.allowPrivate,
    userAgent: o.userAgent,
    timeoutMs: o.timeout,
    maxBytes: o.maxBytes,
    delayMs: o.delay,
    retries: o.retries,
    force: o.force,
    signal,
    onFailure: (url, d, index) => {
      if (v === "quiet") return;
      const where = `${url}${index !== undefined ? ` #${index + 1}` : ""}`;
      process.stderr.write(`failed ${d.message.startsWith(url) ? d.message : `${where}: ${d.message}`} [${d.code}]\n`);
    },
    onNote: v === "verbose" ? (line) => process.stderr.write(`${line}\n`) : undefined,
    log: v === "verbose" ? (line) => process.stderr.write(`${line}\n`) : undefined,
  };
}

/** Stops on the first Ctrl-C (a second one kills the process as usual). */
function interruptible(): { signal: AbortSignal; dispose: () => void } {
  const ctl = new AbortController();
  const onSigint = () => {
    process.stderr.write("\nstopping (press Ctrl-C again to force)...\n");
    ctl.abort();
    process.removeListener("SIGINT", onSigint);
  };
  process.on("SIGINT", onSigint);
  return { signal: ctl.signal, dispose: () => process.removeListener("SIGINT", onSigint) };
}

function summary(s: AcquireStats): string {
  const link = s.link ? `; ${s.link.articles} article(s) in ${s.link.stories} story(ies)` : "";
  return `${s.downloaded} downloaded, ${s.notModified} not modified, ${s.fetchFailed} failed to download; ` +
    `${s.ingest.inserted} new article(s), ${s.ingest.unchanged} already stored, ${s.ingest.failed} unreadable${link}`;
}

function failedAny(s: AcquireStats): boolean {
  return s.fetchFailed > 0 || s.ingest.failed > 0;
}

/** `parallax fetch`: exit 1 when any URL (or any document it held) failed. */
export async function fetchCommand(urls: string[], o: CliAcquireOpts, g: ReturnType<Globals>): Promise<number> {
  const v = verbosity(g);
  const stop = interruptible();
  const store = openSqliteStore(g.db);
  try {
    const p = progress("fetch", v);
    const { Acquirer } = await import("../acquire/job.js");
    const stats = await new Acquirer(store, { ...acquireOptions(o, v, stop.signal), progress: p }).fetchUrls(urls);
    p.done(v === "quiet" ? undefined : `fetched ${urls.length} URL(s): ${summary(stats)}`);
    return failedAny(stats) ? 1 : 0;
  } finally {
    stop.dispose();
    store.close();
  }
}

/** `parallax watch`: with --once, exit 1 when anything failed; otherwise runs until Ctrl-C and exits 0. */
export async function watchCommand(feeds: string[], o: CliAcquireOpts & { every: number; once?: boolean }, g: ReturnType<Globals>): Promise<number> {
  const v = verbosity(g);
  if (o.every < MIN_EVERY_MS) {
    process.stderr.write(`error: --every ${formatDuration(o.every)} is too short; poll at most every ${formatDuration(MIN_EVERY_MS)}.\n`);
    return 2;
  }
  const stop = interruptible();
  const store = openSqliteStore(g.db);
  try {
    const { Acquirer, watchFeeds } = await import("../acquire/job.js");
    const acquirer = new Acquirer(store, acquireOptions(o, v, stop.signal));
    if (!o.once && v !== "quiet") process.stderr.write(`watching ${feeds.length} feed(s) every ${formatDuration(o.every)}; Ctrl-C stops.\n`);
    const last = await watchFeeds(acquirer, feeds, {
      everyMs: o.every,
      once: o.once,
      signal: stop.signal,
      onRound: (s: WatchStats, round) => {
        if (v !== "quiet") process.stderr.write(`${new Date().toISOString()} round ${round}: ${s.newItems} new item(s), ${s.seenItems} seen before; ${summary(s)}\n`);
      },
    });
    if (stop.signal.aborted) return 0;
    return last && failedAny(last) ? 1 : 0;
  } finally {
    stop.dispose();
    store.close();
  }
}

/** Registers `fetch` and `watch` on the program; `globals` reads --db, --quiet and --verbose. */
export function registerAcquireCommands(program: Command, globals: Globals): void {
  addCommonOptions(
    program
      .command("fetch")
      .description("download pages or feeds (http/https) politely into the store and update the stories")
      .argument("<urls...>", "URLs of article pages, RSS/Atom feeds or JSON Feeds"),
  )
    .option("--force", "ignore stored ETag/Last-Modified and download again")
    .action(async (urls: string[], o: CliAcquireOpts) => {
      process.exitCode = await fetchCommand(urls, o, globals());
    });

  addCommonOptions(
    program
      .command("watch")
      .description("poll RSS/Atom/JSON feeds and fetch each new item's page into the store")
      .argument("<feeds...>", "feed URLs"),
  )
    .addOption(new Option("--every <duration>", "polling interval, e.g. 30s, 15m, 2h").argParser(durationArg).default(durationArg(DEFAULT_EVERY), DEFAULT_EVERY))
    .option("--once", "poll once and exit")
    .action(async (feeds: string[], o: CliAcquireOpts & { every: number; once?: boolean }) => {
      process.exitCode = await watchCommand(feeds, o, globals());
    });
}
