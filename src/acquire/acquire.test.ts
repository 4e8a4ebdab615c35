/**
 * Fetching and watching against a local HTTP server on 127.0.0.1 (never the internet).
 * Loopback is refused by default, so these tests pass allowPrivate; one test checks the refusal.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqliteStore } from "../store/sqlite.js";
import type { Store } from "../store/store.js";
import { Acquirer, SEEN_LINK_KEY, VALIDATORS_KEY, type AcquireOptions } from "./job.js";
import { buildProgram } from "../cli/program.js";
import { bodyToItems } from "./content.js";

const FIXTURES = new URL("../../test/fixtures/acquire/", import.meta.url);

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

let server: Server;
let base: string;
const routes = new Map<string, Handler>();
/** Paths requested, in order (with the query). */
const requested: string[] = [];
const userAgents: string[] = [];
let inFlight = 0;
let maxInFlight = 0;

function article(title: string, sentence: string): string {
  const para = (i: number) => `<p>${sentence} Officials in the capital confirmed the report on Tuesday, paragraph ${i}, and said further talks would follow next week.</p>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${[1, 2, 3].map(para).join("")}</article></body></html>`;
}

function html(body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers });
    res.end(body);
  };
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    requested.push(req.url ?? "");
    userAgents.push(String(req.headers["user-agent"]));
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    const h = routes.get((req.url ?? "").split("?")[0]);
    if (!h) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    await h(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let store: Store;
function fresh(): Store {
  store = openSqliteStore(":memory:");
  return store;
}
afterEach(() => {
  store?.close();
  routes.clear();
  requested.length = 0;
  userAgents.length = 0;
  maxInFlight = 0;
});

/** Fast options for tests: no delays, short backoff, loopback allowed, no relinking unless asked. */
function opts(extra: Partial<AcquireOptions> = {}): AcquireOptions {
  return { allowPrivate: true, delayMs: 0, backoffMs: 5, retries: 2, timeoutMs: 2000, noRelink: true, ...extra };
}

describe("fetch", () => {
  it("downloads a page, ingests it with its URL, sends the Parallax user agent, relinks", async () => {
    routes.set("/news/a.html", html(article("Ministers meet in Geneva", "Foreign ministers met in Geneva on Monday to discuss trade.")));
    const s = fresh();
    const stats = await new Acquirer(s, opts({ noRelink: false })).fetchUrls([`${base}/news/a.html`]);
    expect(stats).toMatchObject({ downloaded: 1, fetchFailed: 0 });
    expect(stats.ingest.inserted).toBe(1);
    expect(stats.link?.stories).toBe(1);
    const [a] = s.listArticles({ limit: 10 });
    expect(a.source.path).toBe(`${base}/news/a.html`);
    expect(s.getArticle(a.id)!.meta.title).toBe("Ministers meet in Geneva");
    expect(s.getArticle(a.id)!.meta.url).toBe(`${base}/news/a.html`);
    expect(userAgents.every((ua) => /^Parallax\/\d+\.\d+\.\d+ \(\+https:\/\/example\.invalid\/parallax\)$/.test(ua))).toBe(true);
    expect(requested).toContain("/robots.txt");
  });

  it("refuses loopback by default (literal, odd IPv4 forms, mapped IPv6, and names resolving to it)", async () => {
    routes.set("/a", html(article("Never fetched", "This page must not be fetched.")));
    const s = fresh();
    const port = new URL(base).port;
    const urls = [`${base}/a`, `http://2130706433:${port}/a`, `http://0x7f.0.0.1:${port}/a`, `http://[::ffff:127.0.0.1]:${port}/a`, `http://localhost:${port}/a`];
    const stats = await new Acquirer(s, opts({ allowPrivate: false })).fetchUrls(urls);
    expect(stats.fetchFailed).toBe(urls.length);
    expect(requested).toEqual([]);
    const failures = s.listFailures();
    expect(failures.map((f) => f.diagnostic.code)).toEqual(urls.map(() => "fetch/forbidden-address"));
    expect(failures[0].diagnostic.message).toMatch(/loopback.*--allow-private/);
    expect(failures[4].diagnostic.message).toMatch(/localhost resolves to/);
  });

  it("refuses non-http schemes with one clear failure and goes on with the batch", async () => {
    routes.set("/ok", html(article("Talks resume", "Negotiators resumed talks in Doha on Friday.")));
    const s = fresh();
    const stats = await new Acquirer(s, opts()).fetchUrls(["file:///etc/passwd", "nonsense", `${base}/ok`]);
    expect(stats.fetchFailed).toBe(2);
    expect(stats.ingest.inserted).toBe(1);
    expect(s.listFailures().map((f) => f.diagnostic.code)).toEqual(["fetch/bad-scheme", "fetch/bad-url"]);
  });

  it("gives up on a slow response at the time limit", async () => {
    routes.set("/slow", async (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body><p>start");
      await new Promise((r) => setTimeout(r, 1500));
      res.end("</p></body></html>");
    });
    const s = fresh();
    const stats = await new Acquirer(s, opts({ timeoutMs: 150, retries: 0 })).fetchUrls([`${base}/slow`]);
    expect(stats.fetchFailed).toBe(1);
    const f = s.listFailures()[0];
    expect(f.diagnostic.code).toBe("fetch/timeout");
    expect(f.diagnostic.message).toMatch(/--timeout/);
  });

  it("follows redirects, refuses a redirect loop, and refuses a redirect to a private address", async () => {
    routes.set("/r1", (_q, res) => { res.writeHead(301, { location: "/r2" }); res.end(); });
    routes.set("/r2", (_q, res) => { res.writeHead(302, { location: `${base}/final` }); res.end(); });
    routes.set("/final", html(article("After redirects", "The summit opened in Nairobi on Wednesday.")));
    routes.set("/loop", (_q, res) => { res.writeHead(307, { location: "/loop" }); res.end(); });
    routes.set("/to-metadata", (_q, res) => { res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }); res.end(); });
    routes.set("/to-mapped", (_q, res) => { res.writeHead(302, { location: "http://[::ffff:10.0.0.1]/" }); res.end(); });
    const s = fresh();
    // Only the test server's own address is allowed: every redirect hop is checked again.
    const stats = await new Acquirer(s, opts({ allowPrivate: ["127.0.0.1"] })).fetchUrls([`${base}/r1`, `${base}/loop`, `${base}/to-metadata`, `${base}/to-mapped`]);
    expect(stats.ingest.inserted).toBe(1);
    expect(s.listArticles({ limit: 5 })[0].source.path).toBe(`${base}/final`);
    const codes = Object.fromEntries(s.listFailures().map((f) => [f.path.replace(base, ""), f.diagnostic]));
    expect(codes["/loop"].code).toBe("fetch/too-many-redirects");
    expect(codes["/to-metadata"].code).toBe("fetch/forbidden-address");
    expect(codes["/to-metadata"].message).toMatch(/link-local/);
    expect(codes["/to-mapped"].code).toBe("fetch/forbidden-address");
    expect(requested.filter((p) => p === "/loop")).toHaveLength(6);
  });

  it("retries 500 and 503 (honouring Retry-After), does not retry 404, gives up on a long Retry-After", async () => {
    let calls500 = 0;
    routes.set("/flaky", (_q, res) => {
      if (++calls500 < 3) {
        res.writeHead(500);
        res.end("oops");
      } else html(article("Third time lucky", "The ceasefire held in the region on Sunday."))(_q, res);
    });
    let calls503 = 0;
    routes.set("/busy", (_q, res) => {
      if (++calls503 === 1) {
        res.writeHead(503, { "retry-after": "0" });
        res.end();
      } else html(article("Busy then fine", "Parliament passed the budget on Thursday."))(_q, res);
    });
    routes.set("/later", (_q, res) => { res.writeHead(429, { "retry-after": "3600" }); res.end(); });
    routes.set("/down", (_q, res) => { res.writeHead(502); res.end(); });
    const s = fresh();
    const stats = await new Acquirer(s, opts()).fetchUrls([`${base}/flaky`, `${base}/busy`, `${base}/missing`, `${base}/later`, `${base}/down`]);
    expect(stats.ingest.inserted).toBe(2);
    expect(calls500).toBe(3);
    expect(calls503).toBe(2);
    expect(requested.filter((p) => p === "/missing")).toHaveLength(1);
    expect(requested.filter((p) => p === "/later")).toHaveLength(1);
    expect(requested.filter((p) => p === "/down")).toHaveLength(3);
    const byPath = Object.fromEntries(s.listFailures().map((f) => [f.path.replace(base, ""), f.diagnostic]));
    expect(byPath["/missing"].code).toBe("fetch/http-404");
    expect(byPath["/missing"].message).toMatch(/HTTP 404.*Check the URL/);
    expect(byPath["/later"].message).toMatch(/retry after 1h/);
    expect(byPath["/down"].message).toMatch(/after 3 attempt/);
  });

  it("decodes the charset from the header (windows-1252, Shift_JIS), from <meta>, and survives a wrong declaration", async () => {
    const cp1252 = readFileSync(new URL("windows-1252.html", FIXTURES));
    const sjis = readFileSync(new URL("shift_jis.html", FIXTURES));
    routes.set("/cp1252", (_q, res) => { res.writeHead(200, { "content-type": "text/html; charset=windows-1252" }); res.end(cp1252); });
    routes.set("/sjis", (_q, res) => { res.writeHead(200, { "content-type": "text/html; charset=Shift_JIS" }); res.end(sjis); });
    const sjisMeta = Buffer.concat([Buffer.from('<meta charset="shift_jis">'), sjis]);
    routes.set("/sjis-meta", (_q, res) => { res.writeHead(200, { "content-type": "text/html" }); res.end(sjisMeta); });
    routes.set("/lying", (_q, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8" }); res.end(cp1252); });
    const s = fresh();
    const stats = await new Acquirer(s, opts()).fetchUrls([`${base}/cp1252`, `${base}/sjis`, `${base}/sjis-meta`, `${base}/lying`]);
    expect(stats.fetchFailed).toBe(0);
    const byPath = new Map(s.listArticles({ limit: 10 }).map((a) => [a.source.path!.replace(base, ""), s.getArticle(a.id)!]));
    expect(byPath.get("/cp1252")!.text).toContain("“We had a frank and constructive exchange,”");
    expect(byPath.get("/cp1252")!.text).toContain("café");
    expect(byPath.get("/sjis")!.text).toContain("外務省の報道官");
    // /sjis-meta has the same text as /sjis, so it is the same article (same content hash).
    expect(stats.ingest.unchanged + stats.ingest.inserted).toBe(4);
    // /lying declares UTF-8 for windows-1252 bytes: decoded right anyway, with a warning (same text as /cp1252).
    expect(requested).toContain("/lying");
    const lying = bodyToItems(cp1252, "text/html; charset=utf-8", `${base}/lying`)[0];
    expect(lying.ok && lying.doc.raw).toContain("Brasília");
    expect(lying.ok && lying.doc.diagnostics?.map((d) => d.code)).toContain("fetch/charset-mismatch");
  });

  it("reads gzip-encoded responses and caps the decoded size", async () => {
    const page = article("Compressed news", "The central bank cut rates on Wednesday.");
    routes.set("/gz", (_q, res) => { res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }); res.end(gzipSync(page)); });
    routes.set("/bomb", (_q, res) => { res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }); res.end(gzipSync(Buffer.alloc(5_000_000, 32))); });
    routes.set("/big", (_q, res) => { res.writeHead(200, { "content-type": "text/html", "content-length": "9000000" }); res.end(Buffer.alloc(9_000_000, 32)); });
    const s = fresh();
    const stats = await new Acquirer(s, opts({ maxBytes: 1_000_000 })).fetchUrls([`${base}/gz`, `${base}/bomb`, `${base}/big`]);
    expect(stats.ingest.inserted).toBe(1);
    expect(s.getArticle(s.listArticles({ limit: 1 })[0].id)!.text).toContain("central bank cut rates");
    const f = s.listFailures();
    expect(f.map((x) => x.diagnostic.code)).toEqual(["fetch/too-large", "fetch/too-large"]);
    expect(f[0].diagnostic.message).toMatch(/--max-bytes/);
  });

  it("honours robots.txt (fetched once per host) and never requests a disallowed page", async () => {
    routes.set("/robots.txt", (_q, res) => { res.writeHead(200, { "content-type": "text/plain" }); res.end("User-agent: *\nDisallow: /private/\n\nUser-agent: Parallax\nDisallow: /private/\nDisallow: /no-parallax\n"); });
    routes.set("/private/a", html(article("Private", "Never fetched.")));
    routes.set("/no-parallax", html(article("Not for us", "Never fetched.")));
    routes.set("/public", html(article("Public news", "The election results were announced on Monday.")));
    const s = fresh();
    const stats = await new Acquirer(s, opts()).fetchUrls([`${base}/private/a`, `${base}/no-parallax`, `${base}/public`]);
    expect(stats.ingest.inserted).toBe(1);
    expect(requested.filter((p) => p === "/robots.txt")).toHaveLength(1);
    expect(requested).not.toContain("/private/a");
    expect(requested).not.toContain("/no-parallax");
    const f = s.listFailures();
    expect(f.map((x) => x.diagnostic.code)).toEqual(["fetch/robots", "fetch/robots"]);
    expect(f[0].diagnostic.message).toMatch(/robots\.txt disallows/);
  });

  it("treats a failing robots.txt as disallowing the site (RFC 9309)", async () => {
    routes.set("/robots.txt", (_q, res) => { res.writeHead(500); res.end(); });
    routes.set("/page", html(article("Page", "Never fetched.")));
    const s = fresh();
    const stats = await new Acquirer(s, opts({ retries: 0 })).fetchUrls([`${base}/page`]);
    expect(stats.fetchFailed).toBe(1);
    expect(requested).not.toContain("/page");
    expect(s.listFailures()[0].diagnostic.message).toMatch(/robots\.txt.*HTTP 500/);
  });

  it("uses conditional GET: stores ETag/Last-Modified, and a 304 ingests nothing", async () => {
    const page = article("Conditional", "The court ruled on the appeal on Friday.");
    const seen: (string | undefined)[] = [];
    routes.set("/cond", (req, res) => {
      seen.push(req.headers["if-none-match"] as string | undefined);
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304);
        res.end();
        return;
      }
      html(page, { etag: '"v1"', "last-modified": "Mon, 01 Jan 2024 00:00:00 GMT" })(req, res);
    });
    const s = fresh();
    const first = await new Acquirer(s, opts()).fetchUrls([`${base}/cond`]);
    expect(first.ingest.inserted).toBe(1);
    expect(s.getMeta(VALIDATORS_KEY + `${base}/cond`)).toMatchObject({ etag: '"v1"', lastModified: "Mon, 01 Jan 2024 00:00:00 GMT" });
    const second = await new Acquirer(s, opts()).fetchUrls([`${base}/cond`]);
    expect(second).toMatchObject({ notModified: 1, downloaded: 0, fetchFailed: 0 });
    expect(second.ingest.read).toBe(0);
    const forced = await new Acquirer(s, opts({ force: true })).fetchUrls([`${base}/cond`]);
    expect(forced.downloaded).toBe(1);
    expect(forced.ingest.unchanged).toBe(1);
    expect(seen).toEqual([undefined, '"v1"', undefined]);
  });

  it("retries a refused connection, then fails with one clear message", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const s = fresh();
    const stats = await new Acquirer(s, opts({ retries: 1, respectRobots: false })).fetchUrls([`http://127.0.0.1:${port}/a`]);
    expect(stats.fetchFailed).toBe(1);
    const d = s.listFailures()[0].diagnostic;
    expect(d.code).toBe("fetch/network");
    expect(d.message).toMatch(/ECONNREFUSED.*after 2 attempt/);
  });

  it("keeps at most two requests in flight to one host", async () => {
    for (let i = 0; i < 6; i++) {
      routes.set(`/p${i}`, async (_q, res) => {
        await new Promise((r) => setTimeout(r, 40));
        html(article(`Page ${i}`, `Story number ${i} about the harbour reopening.`))(_q, res);
      });
    }
    const s = fresh();
    const stats = await new Acquirer(s, opts()).fetchUrls([0, 1, 2, 3, 4, 5].map((i) => `${base}/p${i}`));
    expect(stats.downloaded).toBe(6);
    expect(maxInFlight).toBeLessThanOrEqual(2);
  });
});

function rss(items: { id: string; title: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example Wire</title>${items
    .map((i) => `<item><title>${i.title}</title><link>${base}/story/${i.id}</link><guid>${i.id}</guid><pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate><description>Short summary of ${i.title}.</description></item>`)
    .join("")}</channel></rss>`;
}

describe("watch", () => {
  const storyRoutes = () => {
    for (const [id, what] of [["a", "The port of Rotterdam reopened on Monday after the strike."], ["b", "Farmers protested in Brussels on Tuesday over subsidies."], ["c", "A new bridge opened in Lisbon on Wednesday to heavy traffic."]]) {
      routes.set(`/story/${id}`, html(article(`Page title ${id}`, what)));
    }
  };

  it("fetches each new item's page once; a changed feed brings only its new items", async () => {
    storyRoutes();
    let feed = rss([{ id: "a", title: "Rotterdam port reopens" }, { id: "b", title: "Farmers protest in Brussels" }]);
    routes.set("/feed.xml", (_q, res) => { res.writeHead(200, { "content-type": "application/rss+xml" }); res.end(feed); });
    const s = fresh();
    const acq = new Acquirer(s, opts());
    const r1 = await acq.watchRound([`${base}/feed.xml`]);
    expect(r1).toMatchObject({ newItems: 2, seenItems: 0, fetchFailed: 0 });
    expect(r1.ingest.inserted).toBe(2);
    expect(requested.filter((p) => p.startsWith("/story/")).sort()).toEqual(["/story/a", "/story/b"]);
    // The feed's title and date win over what the page guesses.
    const titles = s.listArticles({ limit: 10 }).map((a) => s.getArticle(a.id)!.meta.title).sort();
    expect(titles).toEqual(["Farmers protest in Brussels", "Rotterdam port reopens"]);
    expect(s.getMeta(SEEN_LINK_KEY + `${base}/story/a`)).toBeDefined();

    requested.length = 0;
    feed = rss([{ id: "c", title: "Lisbon bridge opens" }, { id: "a", title: "Rotterdam port reopens" }, { id: "b", title: "Farmers protest in Brussels" }]);
    const r2 = await new Acquirer(s, opts()).watchRound([`${base}/feed.xml`]);
    expect(r2).toMatchObject({ newItems: 1, seenItems: 2 });
    expect(requested.filter((p) => p.startsWith("/story/"))).toEqual(["/story/c"]);
    expect(s.countArticles()).toBe(3);
  });

  it("reads JSON Feeds and Atom, and refuses a page given as a feed", async () => {
    storyRoutes();
    routes.set("/feed.json", (_q, res) => {
      res.writeHead(200, { "content-type": "application/feed+json" });
      res.end(JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "JSON Wire", items: [{ id: "j1", url: `${base}/story/a`, title: "Port reopens", summary: "x" }] }));
    });
    routes.set("/atom", (_q, res) => {
      res.writeHead(200, { "content-type": "application/atom+xml" });
      res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><entry><id>urn:b</id><title>Protest</title><link href="${base}/story/b"/><updated>2024-05-07T09:00:00Z</updated><summary>s</summary></entry></feed>`);
    });
    const s = fresh();
    const r = await new Acquirer(s, opts()).watchRound([`${base}/feed.json`, `${base}/atom`, `${base}/story/c`]);
    expect(r.newItems).toBe(2);
    expect(r.ingest.inserted).toBe(2);
    expect(s.listFailures().map((f) => f.diagnostic.code)).toEqual(["fetch/not-a-feed"]);
  });

  it("runs one round from the CLI with --once, and exits non-zero when a URL failed", async () => {
    storyRoutes();
    routes.set("/feed.xml", (_q, res) => { res.writeHead(200, { "content-type": "application/rss+xml" }); res.end(rss([{ id: "a", title: "Rotterdam port reopens" }])); });
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const db = join(mkdtempSync(join(tmpdir(), "parallax-acquire-")), "t.db");
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const before = process.exitCode;
    try {
      await buildProgram().parseAsync(["node", "parallax", "--db", db, "watch", "--once", "--allow-private", "--delay", "0s", `${base}/feed.xml`]);
      expect(process.exitCode).toBe(0);
      await buildProgram().parseAsync(["node", "parallax", "--db", db, "fetch", "--allow-private", "--delay", "0s", "--retries", "0", `${base}/missing`]);
      expect(process.exitCode).toBe(1);
      await buildProgram().parseAsync(["node", "parallax", "--db", db, "fetch", "--retries", "0", `${base}/story/b`]);
      expect(process.exitCode).toBe(1);
      const printed = err.mock.calls.map((c) => String(c[0])).join("");
      expect(printed).toMatch(/failed .*\/missing: .*HTTP 404/);
      expect(printed).toMatch(/loopback address.*--allow-private/);
    } finally {
      err.mockRestore();
      process.exitCode = before;
    }
    const s = openSqliteStore(db, { readonly: true });
    try {
      expect(s.countArticles()).toBe(1);
      expect(s.listStories()).toHaveLength(1);
      expect(s.listFailures().map((f) => f.diagnostic.code).sort()).toEqual(["fetch/forbidden-address", "fetch/http-404"]);
    } finally {
      s.close();
    }
  });
});
