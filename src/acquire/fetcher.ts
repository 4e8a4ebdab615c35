/**
 * Polite, safe downloading: robots.txt (cached per host), a per-host concurrency limit and
 * delay, retries with exponential backoff on 429/5xx/network errors (Retry-After honoured),
 * conditional GET (ETag / Last-Modified), at most a few redirects with every hop re-checked,
 * and one clear failure (what, which URL, how to fix) instead of a throw.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { IncomingHttpHeaders } from "node:http";
import { VERSION } from "../version.js";
import type { AllowPrivate } from "./address.js";
import { checkUrl } from "./guard.js";
import { HostGate } from "./gate.js";
import { HttpError, requestOnce, type HttpResponse } from "./http.js";
import { ALLOW_ALL, isAllowed, parseRobots, productToken, type RobotsRules } from "./robots.js";
import { formatDuration } from "./duration.js";

/** The default user agent: product/version and where to read about the crawler. */
export const DEFAULT_USER_AGENT = `Parallax/${VERSION} (+https://example.invalid/parallax)`;
/** Default cap on one response, received and decoded (20 MB, as for files). */
export const DEFAULT_FETCH_MAX_BYTES = 20 * 1024 * 1024;
/** Default time limit for one request, connect to last byte. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Requests in flight to one host at most. */
export const DEFAULT_PER_HOST = 2;
/** Default minimum gap between request starts to one host. */
export const DEFAULT_DELAY_MS = 1000;
/** Retries after the first attempt on 429, 5xx and network errors. */
export const DEFAULT_RETRIES = 3;
/** First backoff delay; doubled on each retry. */
export const DEFAULT_BACKOFF_MS = 1000;
/** Longest backoff between two attempts. */
const MAX_BACKOFF_MS = 60_000;
/** Longest Retry-After we wait for; a server asking for more gets a failure ("try later"). */
export const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;
/** Redirects followed at most. */
export const MAX_REDIRECTS = 5;
/** How long a host's robots.txt is trusted (RFC 9309 says no more than 24 hours). */
const ROBOTS_TTL_MS = 24 * 3_600_000;
/** How long an unreachable robots.txt (which blocks the whole host) is remembered before trying again. */
const ROBOTS_FAILURE_TTL_MS = 5 * 60_000;
/** Largest robots.txt read (RFC 9309 asks crawlers to parse at least 500 KiB). */
const ROBOTS_MAX_BYTES = 512 * 1024;
/** Longest Crawl-delay honoured; a larger one is clipped to this. */
const MAX_CRAWL_DELAY_MS = 60_000;
/** Statuses retried: rate limiting and transient server errors. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface FetcherOptions {
  userAgent?: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** Non-public addresses allowed: true, false (default) or a list of CIDR ranges. */
  allowPrivate?: AllowPrivate;
  perHost?: number;
  delayMs?: number;
  retries?: number;
  backoffMs?: number;
  maxRetryAfterMs?: number;
  /** Honour robots.txt (default true). */
  respectRobots?: boolean;
  /** Stored validators for a URL, sent as If-None-Match / If-Modified-Since. */
  validators?: (url: string) => Validators | undefined;
  /** Stops waits and requests in flight (Ctrl-C). */
  signal?: AbortSignal;
  /** Progress notes (retries, waits) for --verbose. */
  log?: (line: string) => void;
}

/** What conditional GET needs to remember about a URL. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** The result of fetching one URL. `url` is the URL asked for; `finalUrl` the one after redirects. */
export type FetchOutcome =
  | { kind: "ok"; url: string; finalUrl: string; status: number; headers: IncomingHttpHeaders; body: Buffer; validators: Validators }
  | { kind: "not-modified"; url: string; finalUrl: string }
  | { kind: "failed"; url: string; code: string; message: string; /** True when a later try may succeed. */ transient: boolean };

type Failed = Extract<FetchOutcome, { kind: "failed" }>;

/** A fetch failure with a message that says what, where and how to fix it. */
function failed(url: string, code: string, what: string, fix: string, transient: boolean): Failed {
  return { kind: "failed", url, code, message: `${url}: ${what}.${fix ? ` ${fix}` : ""}`, transient };
}

const FIXES: Record<string, string> = {
  "fetch/timeout": "Try again later, or allow more time with --timeout.",
  "fetch/too-large": "Raise the cap with --max-bytes <bytes> if the page is genuine.",
  "fetch/dns": "Check the host name in the URL.",
  "fetch/network": "Check the network connection and the URL, then try again.",
  "fetch/tls": "The site's certificate or TLS setup is broken; check the URL (http vs https).",
  "fetch/bad-encoding": "The server sent a corrupt compressed body; try again later.",
  "fetch/aborted": "",
};

/** Parses Retry-After (seconds or an HTTP date) to milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function statusFix(status: number): string {
  if (status === 401 || status === 403) return "The server refuses access; Parallax does not log in or get round paywalls. Save the page from a browser and use `parallax ingest`.";
  if (status === 404 || status === 410) return "Check the URL; the page may have moved or been removed.";
  if (status === 429) return "The server asks for fewer requests; try again later or raise --delay.";
  if (status >= 500) return "The server is failing; try again later.";
  return "Check the URL.";
}

/** Downloads URLs politely and safely; one instance shares robots.txt and per-host limits across calls. */
export class Fetcher {
  readonly userAgent: string;
  private readonly o: Required<Omit<FetcherOptions, "validators" | "signal" | "log" | "userAgent">> & Pick<FetcherOptions, "validators" | "signal" | "log">;
  private readonly gate: HostGate;
  private readonly robots = new Map<string, { at: number; ttl: number; rules: Promise<RobotsRules> }>();

  constructor(opts: FetcherOptions = {}) {
    this.userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.o = {
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: opts.maxBytes ?? DEFAULT_FETCH_MAX_BYTES,
      allowPrivate: opts.allowPrivate ?? false,
      perHost: opts.perHost ?? DEFAULT_PER_HOST,
      delayMs: opts.delayMs ?? DEFAULT_DELAY_MS,
      retries: opts.retries ?? DEFAULT_RETRIES,
      backoffMs: opts.backoffMs ?? DEFAULT_BACKOFF_MS,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
      respectRobots: opts.respectRobots ?? true,
      validators: opts.validators,
      signal: opts.signal,
      log: opts.log,
    };
    this.gate = new HostGate(this.o.perHost, this.o.delayMs);
  }

  /** Fetches one URL (following redirects); never throws. */
  async fetch(input: string, opts: { conditional?: boolean } = {}): Promise<FetchOutcome> {
    let url: URL;
    try {
      url = checkUrl(input.trim(), this.o.allowPrivate);
    } catch (err) {
      return { kind: "failed", url: input, code: (err as { code?: string }).code ?? "fetch/bad-url", message: (err as Error).message, transient: false };
    }
    for (let hop = 0; ; hop++) {
      if (this.o.respectRobots) {
        const rules = await this.robotsFor(url);
        if (rules.disallowCode) {
          return { kind: "failed", url: input, code: rules.disallowCode, message: `${hop > 0 ? `${input} redirected to ` : ""}${url.href}: ${rules.disallowAll!.replace(/^\S+: /, "")}`, transient: false };
        }
        if (!isAllowed(rules, url.pathname + url.search)) {
          const why = rules.disallowAll ?? `${url.origin}/robots.txt disallows this path for ${productToken(this.userAgent)}`;
          return failed(url.href, "fetch/robots", `not fetched: ${why}`, "Respecting robots.txt is not optional; ask the site for access, or save the page from a browser and use `parallax ingest`.", !!rules.disallowAll);
        }
      }
      const headers: Record<string, string> = { "user-agent": this.userAgent, accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8" };
      const v = opts.conditional === false ? undefined : this.o.validators?.(url.href);
      if (v?.etag) headers["if-none-match"] = v.etag;
      if (v?.lastModified) headers["if-modified-since"] = v.lastModified;
      const r = await this.getWithRetries(url, headers, this.o.maxBytes);
      if ("kind" in r) return hop > 0 ? { ...r, url: input, message: `${input} redirected to ${r.message}` } : { ...r, url: input };
      if (REDIRECT_STATUSES.has(r.status) && r.headers.location) {
        if (hop >= MAX_REDIRECTS) {
          return failed(input, "fetch/too-many-redirects", `more than ${MAX_REDIRECTS} redirects (last to ${r.headers.location})`, "Open the URL in a browser and give the final address.", false);
        }
        try {
          url = checkUrl(new URL(r.headers.location, url), this.o.allowPrivate);
        } catch (err) {
          return { kind: "failed", url: input, code: (err as { code?: string }).code ?? "fetch/bad-url", message: `${input} redirects to a refused address: ${(err as Error).message}`, transient: false };
        }
        continue;
      }
      if (r.status === 304) return { kind: "not-modified", url: input, finalUrl: url.href };
      if (r.status >= 200 && r.status < 300) {
        const validators: Validators = {};
        const etag = r.headers.etag;
        const lm = r.headers["last-modified"];
        if (etag) validators.etag = etag;
        if (lm) validators.lastModified = lm;
        return { kind: "ok", url: input, finalUrl: url.href, status: r.status, headers: r.headers, body: r.body, validators };
      }
      const retryAfter = parseRetryAfter(r.headers["retry-after"] as string | undefined);
      const later = retryAfter !== undefined && retryAfter > this.o.maxRetryAfterMs ? ` and asks to retry after ${formatDuration(retryAfter)}` : "";
      return failed(url.href === input ? input : `${input} (redirected to ${url.href})`, `fetch/http-${r.status}`,
        `the server answered HTTP ${r.status}${r.status >= 500 || r.status === 429 ? ` after ${this.o.retries + 1} attempt(s)` : ""}${later}`,
        statusFix(r.status), RETRY_STATUSES.has(r.status));
    }
  }

  /** The robots.txt rules for `url`'s origin (fetched once per origin per {@link ROBOTS_TTL_MS}). */
  robotsFor(url: URL): Promise<RobotsRules> {
    const cached = this.robots.get(url.origin);
    if (cached && Date.now() - cached.at < cached.ttl) return cached.rules;
    const entry = { at: Date.now(), ttl: ROBOTS_TTL_MS, rules: this.loadRobots(url) };
    void entry.rules.then((r) => {
      if (r.disallowAll) entry.ttl = ROBOTS_FAILURE_TTL_MS;
    });
    this.robots.set(url.origin, entry);
    return entry.rules;
  }

  private async loadRobots(page: URL): Promise<RobotsRules> {
    let url = new URL("/robots.txt", page.origin);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const r = await this.getWithRetries(url, { "user-agent": this.userAgent, accept: "text/plain,*/*;q=0.5" }, ROBOTS_MAX_BYTES);
      if ("kind" in r) {
        if (r.code === "fetch/too-large") return ALLOW_ALL; // RFC 9309 allows ignoring content past the parse limit
        if (r.code === "fetch/forbidden-address" || r.code === "fetch/aborted") return { rules: [], disallowAll: r.message, disallowCode: r.code };
        return { rules: [], disallowAll: `${url.href} could not be read (${r.message.replace(/^\S+: /, "").replace(/\. .*$/, "")}), and RFC 9309 says to assume the whole site is disallowed until it can` };
      }
      if (REDIRECT_STATUSES.has(r.status) && r.headers.location) {
        try {
          url = checkUrl(new URL(r.headers.location, url), this.o.allowPrivate);
        } catch {
          return ALLOW_ALL; // a robots.txt redirect we may not follow counts as "unavailable"
        }
        continue;
      }
      if (r.status >= 200 && r.status < 300) {
        const rules = parseRobots(r.body.toString("utf8"), productToken(this.userAgent));
        if (rules.crawlDelayMs !== undefined) this.gate.setHostDelay(page.host, Math.min(rules.crawlDelayMs, MAX_CRAWL_DELAY_MS));
        return rules;
      }
      if (r.status >= 400 && r.status < 500 && r.status !== 429) return ALLOW_ALL;
      return { rules: [], disallowAll: `${url.href} answered HTTP ${r.status}, and RFC 9309 says to assume the whole site is disallowed until it can be read` };
    }
    return ALLOW_ALL; // too many redirects: "unavailable"
  }

  /** One URL, retrying 429/5xx/network errors with backoff; a failure outcome or the last response. */
  private async getWithRetries(url: URL, headers: Record<string, string>, maxBytes: number): Promise<HttpResponse | Failed> {
    for (let attempt = 0; ; attempt++) {
      let res: HttpResponse | undefined;
      let error: HttpError | Error | undefined;
      let release: (() => void) | undefined;
      try {
        release = await this.gate.acquire(url.host, this.o.signal);
        res = await requestOnce(url, { headers, timeoutMs: this.o.timeoutMs, maxBytes, allowPrivate: this.o.allowPrivate, signal: this.o.signal });
      } catch (err) {
        error = (err as Error).name === "AbortError" ? new HttpError("fetch/aborted", "stopped", false) : (err as Error);
      } finally {
        release?.();
      }
      let waitMs: number | undefined;
      if (error) {
        const retryable = error instanceof HttpError && error.retryable;
        if (!retryable || attempt >= this.o.retries) {
          const code = (error as { code?: string }).code ?? "fetch/network";
          const fix = FIXES[code] ?? "";
          const what = error instanceof HttpError ? `${error.message}${retryable ? ` (after ${attempt + 1} attempt(s))` : ""}` : error.message;
          if (code === "fetch/forbidden-address") return { kind: "failed", url: url.href, code, message: `${url.href}: ${what}`, transient: false };
          return failed(url.href, code, what, fix, retryable);
        }
        waitMs = this.backoff(attempt);
        this.o.log?.(`retrying ${url.href} in ${formatDuration(waitMs)}: ${error.message}`);
      } else if (res && RETRY_STATUSES.has(res.status) && attempt < this.o.retries) {
        const retryAfter = parseRetryAfter(res.headers["retry-after"] as string | undefined);
        if (retryAfter !== undefined && retryAfter > this.o.maxRetryAfterMs) return res;
        waitMs = retryAfter ?? this.backoff(attempt);
        this.o.log?.(`retrying ${url.href} in ${formatDuration(waitMs)}: HTTP ${res.status}`);
      } else return res!;
      try {
        await sleep(waitMs, undefined, { signal: this.o.signal });
      } catch {
        return failed(url.href, "fetch/aborted", "stopped", "", false);
      }
    }
  }

  private backoff(attempt: number): number {
    const base = this.o.backoffMs * 2 ** attempt;
    return Math.min(MAX_BACKOFF_MS, base * (1 + Math.random() * 0.25));
  }
}
