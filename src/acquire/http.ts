/**
 * One HTTP GET, without redirects or retries: through the guarded DNS lookup, under a time
 * limit (connect, headers and body together) and a size cap (on the bytes received and on the
 * bytes after gzip/deflate/brotli decoding, so a compression bomb stops at the cap).
 */
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable, Transform } from "node:stream";
import type { AllowPrivate } from "./address.js";
import { checkUrl, guardedLookup } from "./guard.js";

/** A response: status, headers and the (decoded) body. */
export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What went wrong on the wire; `code` is stable and `retryable` says whether trying again may help. */
export class HttpError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export interface RequestOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  allowPrivate: AllowPrivate;
  signal?: AbortSignal;
}

/** Network error codes worth a retry (the connection failed or broke, not the name). */
const RETRYABLE_NET = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ECONNABORTED", "UND_ERR_SOCKET"]);

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function decoderFor(encoding: string | undefined): Transform | undefined {
  const e = (encoding ?? "").trim().toLowerCase();
  if (e === "gzip" || e === "x-gzip") return createGunzip();
  if (e === "deflate") return createInflate();
  if (e === "br") return createBrotliDecompress();
  return undefined;
}

/** Performs one GET of `url` (already checked by {@link checkUrl}); rejects with {@link HttpError} or a GuardError. */
export function requestOnce(url: URL, o: RequestOptions): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    checkUrl(url, o.allowPrivate); // a throw here rejects the promise
    let settled = false;
    const lib = url.protocol === "https:" ? https : http;
    const finish = (err: Error | undefined, res?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener("abort", onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(res!);
    };
    const req = lib.request(url, {
      method: "GET",
      headers: { ...o.headers, "accept-encoding": "gzip, deflate, br", connection: "close" },
      lookup: guardedLookup(o.allowPrivate) as never,
      agent: false,
    });
    const timer = setTimeout(
      () => finish(new HttpError("fetch/timeout", `no complete answer within ${(o.timeoutMs / 1000).toFixed(1)}s`, true)),
      o.timeoutMs,
    );
    const onAbort = () => finish(new HttpError("fetch/aborted", "stopped", false));
    if (o.signal?.aborted) return onAbort();
    o.signal?.addEventListener("abort", onAbort, { once: true });
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (err.name === "GuardError") return finish(err);
      const code = err.code ?? "";
      if (code === "ENOTFOUND") return finish(new HttpError("fetch/dns", `the host name ${url.hostname} does not resolve`, false));
      const tls = code.startsWith("ERR_TLS") || /certificate|SSL|TLS/i.test(err.message);
      if (tls) return finish(new HttpError("fetch/tls", `the TLS connection failed (${err.message})`, false));
      finish(new HttpError("fetch/network", `the connection failed (${code || err.message})`, RETRYABLE_NET.has(code) || /socket hang up/i.test(err.message)));
    });
    req.on("response", (res) => {
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > o.maxBytes) {
        res.destroy();
        return finish(new HttpError("fetch/too-large", `the response is ${mb(declared)}, over the size cap of ${mb(o.maxBytes)}`, false));
      }
      const tooLarge = () => new HttpError("fetch/too-large", `the response is over the size cap of ${mb(o.maxBytes)}`, false);
      let received = 0;
      res.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > o.maxBytes) finish(tooLarge());
      });
      const decoder = decoderFor(res.headers["content-encoding"]);
      const stream: Readable = decoder ? res.pipe(decoder) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > o.maxBytes) finish(tooLarge());
        else chunks.push(chunk);
      });
      stream.on("error", (err: Error) =>
        finish(decoder
          ? new HttpError("fetch/bad-encoding", `the ${res.headers["content-encoding"]} response body is corrupt (${err.message})`, true)
          : new HttpError("fetch/network", `the connection broke while reading (${err.message})`, true)),
      );
      res.on("aborted", () => finish(new HttpError("fetch/network", "the connection broke while reading the body", true)));
      stream.on("end", () => finish(undefined, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.end();
  });
}
