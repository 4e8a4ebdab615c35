/**
 * The acquisition jobs: fetch URLs into the store, and poll feeds for new items. Downloads go
 * through {@link Fetcher}; bodies become raw documents ({@link bodyToItems}) and are ingested
 * by the same code path as files ({@link ingestItems}); stories are relinked afterwards.
 * Conditional-GET validators and the feed items already seen live in the store's meta, written
 * only after the articles they stand for are committed.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Diagnostic } from "../model.js";
import type { Store } from "../store/store.js";
import type { InputItem, RawDoc } from "../ingest/types.js";
import { ingestItems, type IngestStats } from "../engine/ingest.js";
import { linkStore, type LinkStats } from "../engine/link.js";
import type { Progress } from "../cli/progress.js";
import { Fetcher, type FetchOutcome, type FetcherOptions, type Validators } from "./fetcher.js";
import { bodyToItems } from "./content.js";

/** Downloads running at once across all hosts (each host is further limited by the fetcher). */
export const DEFAULT_CONCURRENCY = 8;
/** Meta key prefix for a URL's conditional-GET validators. */
export const VALIDATORS_KEY = "acquire:http:";
/** Meta key prefix for a feed item already fetched, by its link (global). */
export const SEEN_LINK_KEY = "acquire:seen:link:";
/** Meta key prefix for a feed item already fetched, by feed URL and guid (guids are only unique per feed). */
export const SEEN_GUID_KEY = "acquire:seen:guid:";

export interface AcquireOptions extends Omit<FetcherOptions, "validators"> {
  /** Ignore stored ETag / Last-Modified and download everything again. */
  force?: boolean;
  /** Downloads at once across hosts. */
  concurrency?: number;
  /** Called once per URL or document that failed (the CLI prints it). */
  onFailure?: (url: string, d: Diagnostic, index?: number) => void;
  /** Called once per URL fetched or found unchanged (the CLI prints it with --verbose). */
  onNote?: (line: string) => void;
  progress?: Progress;
  /** Skip relinking stories (tests that only check storage). */
  noRelink?: boolean;
}

export interface AcquireStats {
  /** URLs (pages or feeds) asked for. */
  urls: number;
  /** Downloaded with a 2xx answer. */
  downloaded: number;
  /** Answered 304 Not Modified (nothing new). */
  notModified: number;
  /** URLs that could not be downloaded (each one recorded as a failure). */
  fetchFailed: number;
  ingest: IngestStats;
  link?: LinkStats;
}

export interface WatchStats extends AcquireStats {
  /** Feed items not seen before (their pages were fetched). */
  newItems: number;
  /** Feed items skipped because they were seen in an earlier round. */
  seenItems: number;
}

/** Runs `fn` over `xs` with at most `n` at once; results in input order. */
async function mapLimit<T, R>(xs: readonly T[], n: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(xs.length);
  let next = 0;
  const worker = async () => {
    while (next < xs.length) {
      const i = next++;
      out[i] = await fn(xs[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, xs.length) }, worker));
  return out;
}

/** A feed item's link made absolute against the feed's URL; undefined unless http(s). */
function absoluteHttpUrl(link: string | undefined, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const u = new URL(link, base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function emptyIngest(): IngestStats {
  return { read: 0, inserted: 0, unchanged: 0, failed: 0, annotated: 0, seconds: 0 };
}

/** Fetches and feeds one store; keeps one {@link Fetcher} (robots.txt cache, host limits) across calls. */
export class Acquirer {
  readonly fetcher: Fetcher;

  constructor(
    private readonly store: Store,
    private readonly o: AcquireOptions = {},
  ) {
    this.fetcher = new Fetcher({ ...o, validators: o.force ? undefined : (url) => store.getMeta<Validators>(VALIDATORS_KEY + url) });
  }

  private get concurrency(): number {
    return Math.max(1, this.o.concurrency ?? DEFAULT_CONCURRENCY);
  }

  /** Records a download failure (unless it was a stop request) and reports it. */
  private fetchFailed(outcome: Extract<FetchOutcome, { kind: "failed" }>): void {
    if (outcome.code === "fetch/aborted") return;
    const d: Diagnostic = { code: outcome.code, severity: "error", stage: "fetch", message: outcome.message };
    this.store.recordFailure({ path: outcome.url, diagnostic: d });
    this.o.onFailure?.(outcome.url, d);
  }

  /** Ingests items, then writes the meta entries that stand for them, then links the new articles when there are any. */
  private async ingestAndCommit(items: InputItem[], meta: [string, unknown][]): Promise<{ ingest: IngestStats; link?: LinkStats }> {
    const ingest = items.length
      ? await ingestItems(this.store, items, { progress: this.o.progress, onFailure: this.o.onFailure })
      : emptyIngest();
    if (meta.length) this.store.transaction(() => meta.forEach(([k, v]) => this.store.setMeta(k, v)));
    const link = ingest.inserted > 0 && !this.o.noRelink ? linkStore(this.store) : undefined;
    return { ingest, link };
  }

  /** `validators` of a 2xx answer as a meta entry, or none when the server sent neither header. */
  private validatorEntry(outcome: Extract<FetchOutcome, { kind: "ok" }>): [string, unknown][] {
    const v = outcome.validators;
    return v.etag || v.lastModified ? [[VALIDATORS_KEY + outcome.finalUrl, { ...v, fetchedAt: new Date().toISOString() }]] : [];
  }

  /**
   * Fetches pages or feeds and ingests what they hold (a page is one article, a feed one
   * article per item, from the item's own content). Never throws for a bad URL.
   */
  async fetchUrls(urls: readonly string[]): Promise<AcquireStats> {
    const stats: AcquireStats = { urls: urls.length, downloaded: 0, notModified: 0, fetchFailed: 0, ingest: emptyIngest() };
    const outcomes = await mapLimit(urls, this.concurrency, (u) => this.fetcher.fetch(u));
    const items: InputItem[] = [];
    const meta: [string, unknown][] = [];
    for (const r of outcomes) {
      if (r.kind === "failed") {
        if (r.code !== "fetch/aborted") stats.fetchFailed++;
        this.fetchFailed(r);
      } else if (r.kind === "not-modified") {
        stats.notModified++;
        this.o.onNote?.(`${r.url}: not modified since the last fetch; nothing new.`);
      } else {
        stats.downloaded++;
        this.store.clearFailures(r.url);
        const got = bodyToItems(r.body, r.headers["content-type"], r.finalUrl);
        this.o.onNote?.(`${r.url}: ${r.body.length} bytes, ${got.filter((i) => i.ok).length} document(s)`);
        items.push(...got);
        meta.push(...this.validatorEntry(r));
      }
    }
    Object.assign(stats, await this.ingestAndCommit(items, meta));
    return stats;
  }

  /**
   * One polling round over feeds: each feed is fetched (conditionally), and each item not seen
   * before (by guid or link) has its link fetched and ingested, with the feed's title, date,
   * author and outlet as hints. An item without a link is ingested from its own content.
   * Items whose page failed for a lasting reason are marked seen; transient failures are retried next round.
   */
  async watchRound(feeds: readonly string[]): Promise<WatchStats> {
    const stats: WatchStats = { urls: feeds.length, downloaded: 0, notModified: 0, fetchFailed: 0, newItems: 0, seenItems: 0, ingest: emptyIngest() };
    const items: InputItem[] = [];
    const meta: [string, unknown][] = [];
    const feedOutcomes = await mapLimit(feeds, this.concurrency, (u) => this.fetcher.fetch(u));
    interface Todo { feedDoc: RawDoc; keys: string[] }
    const todo: Todo[] = [];
    const queued = new Set<string>();
    for (const r of feedOutcomes) {
      if (r.kind === "failed") {
        if (r.code !== "fetch/aborted") stats.fetchFailed++;
        this.fetchFailed(r);
        continue;
      }
      if (r.kind === "not-modified") {
        stats.notModified++;
        this.o.onNote?.(`${r.url}: feed not modified; no new items.`);
        continue;
      }
      stats.downloaded++;
      const got = bodyToItems(r.body, r.headers["content-type"], r.finalUrl);
      const docs = got.filter((i): i is Extract<InputItem, { ok: true }> => i.ok).map((i) => i.doc);
      if (docs.length && docs.every((d) => d.format === "html" || d.format === "txt")) {
        stats.fetchFailed++;
        this.fetchFailed({ kind: "failed", url: r.url, code: "fetch/not-a-feed", transient: false,
          message: `${r.url}: is a web page, not an RSS, Atom or JSON feed. Give the feed's URL (often linked as "RSS"), or fetch the page with \`parallax fetch\`.` });
        continue;
      }
      this.store.clearFailures(r.url);
      items.push(...got.filter((i) => !i.ok)); // malformed feed or items: recorded by the ingest
      meta.push(...this.validatorEntry(r));
      for (const doc of docs) {
        const link = absoluteHttpUrl(doc.hints.url, r.finalUrl);
        const keys = [link ? SEEN_LINK_KEY + link : undefined, doc.externalId ? `${SEEN_GUID_KEY}${r.finalUrl} ${doc.externalId}` : undefined].filter((k): k is string => !!k);
        if (!keys.length) keys.push(`${SEEN_GUID_KEY}${r.finalUrl} #${doc.raw.length}:${doc.hints.title ?? ""}`);
        if (keys.some((k) => queued.has(k) || this.store.getMeta(k) !== undefined)) {
          stats.seenItems++;
          continue;
        }
        keys.forEach((k) => queued.add(k));
        if (link) doc.hints.url = link;
        todo.push({ feedDoc: doc, keys });
      }
    }
    stats.newItems = todo.length;
    const seenAt = new Date().toISOString();
    const pages = await mapLimit(todo, this.concurrency, async (t) => (t.feedDoc.hints.url ? this.fetcher.fetch(t.feedDoc.hints.url) : undefined));
    todo.forEach((t, i) => {
      const page = pages[i];
      const markSeen = () => t.keys.forEach((k) => meta.push([k, seenAt]));
      if (!page) {
        items.push({ ok: true, doc: t.feedDoc }); // no link: the item's own content is the article
        markSeen();
        return;
      }
      if (page.kind === "failed") {
        if (page.code !== "fetch/aborted") stats.fetchFailed++;
        this.fetchFailed(page);
        if (!page.transient && page.code !== "fetch/aborted") markSeen();
        return;
      }
      markSeen();
      if (page.kind === "not-modified") {
        stats.notModified++;
        return;
      }
      stats.downloaded++;
      this.store.clearFailures(page.url);
      meta.push(...this.validatorEntry(page));
      for (const item of bodyToItems(page.body, page.headers["content-type"], page.finalUrl)) {
        if (item.ok) {
          const { url: _feedLink, ...feedHints } = t.feedDoc.hints;
          item.doc.hints = { ...feedHints, url: page.finalUrl };
          if (t.feedDoc.externalId !== undefined && item.doc.externalId === undefined) item.doc.externalId = t.feedDoc.externalId;
        }
        items.push(item);
      }
    });
    Object.assign(stats, await this.ingestAndCommit(items, meta));
    return stats;
  }
}

/**
 * Polls feeds every `everyMs` until `signal` aborts (or once with `once`), calling `onRound`
 * after each round. Resolves with the last round's stats.
 */
export async function watchFeeds(
  acquirer: Acquirer,
  feeds: readonly string[],
  o: { everyMs: number; once?: boolean; signal?: AbortSignal; onRound?: (s: WatchStats, round: number) => void },
): Promise<WatchStats | undefined> {
  let last: WatchStats | undefined;
  for (let round = 1; !o.signal?.aborted; round++) {
    last = await acquirer.watchRound(feeds);
    o.onRound?.(last, round);
    if (o.once || o.signal?.aborted) break;
    try {
      await sleep(o.everyMs, undefined, { signal: o.signal });
    } catch {
      break; // stopped while waiting
    }
  }
  return last;
}
