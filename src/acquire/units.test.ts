import { describe, expect, it } from "vitest";
import { forbiddenReason, isAddressAllowed, parseIp } from "./address.js";
import { checkUrl } from "./guard.js";
import { isAllowed, parseRobots } from "./robots.js";
import { formatDuration, parseDuration } from "./duration.js";
import { parseRetryAfter } from "./fetcher.js";
import { bodyToItems, parseContentType } from "./content.js";

describe("address guard", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.1", "loopback"],
    ["2130706433", "loopback"],
    ["0x7f000001", "loopback"],
    ["0177.0.0.1", "loopback"],
    ["0x7f.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "CGNAT"],
    ["100.127.255.255", "CGNAT"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["0.0.0.0", "this network"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["[::ffff:10.0.0.1]", "private"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::c0a8:101", "private"],
    ["2002:c0a8:101::1", "private"],
  ])("refuses %s (%s)", (addr, why) => {
    expect(forbiddenReason(addr)).toContain(why);
    expect(isAddressAllowed(addr.replace(/^\[|\]$/g, ""))).toBe(false);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8", "2606:4700::1111"])("allows public %s", (addr) => {
    expect(forbiddenReason(addr)).toBeUndefined();
    expect(isAddressAllowed(addr)).toBe(true);
  });

  it("parses odd IPv4 forms and rejects non-addresses", () => {
    expect(Array.from(parseIp("127.1")!)).toEqual([127, 0, 0, 1]);
    expect(Array.from(parseIp("0xc0.0250.1")!)).toEqual([192, 168, 0, 1]);
    expect(parseIp("256.1.1.1")).toBeUndefined();
    expect(parseIp("1.2.3.4.5")).toBeUndefined();
    expect(parseIp("example.com")).toBeUndefined();
  });

  it("allows non-public addresses only when told to, or within listed ranges", () => {
    expect(isAddressAllowed("127.0.0.1", true)).toBe(true);
    expect(isAddressAllowed("127.0.0.1", ["127.0.0.1"])).toBe(true);
    expect(isAddressAllowed("10.9.8.7", ["10.0.0.0/8"])).toBe(true);
    expect(isAddressAllowed("169.254.169.254", ["127.0.0.1"])).toBe(false);
  });

  it("checks URLs: scheme, credentials, IP literals in every form the URL parser accepts", () => {
    expect(() => checkUrl("file:///etc/passwd")).toThrow(/only http and https/);
    expect(() => checkUrl("ftp://example.com/a")).toThrow(/only http and https/);
    expect(() => checkUrl("not a url")).toThrow(/not a valid URL/);
    expect(() => checkUrl("http://user:pw@example.com/")).toThrow(/user name or password/);
    for (const u of ["http://127.0.0.1/", "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]:8080/"]) {
      expect(() => checkUrl(u), u).toThrow(/--allow-private/);
    }
    expect(checkUrl("https://example.com/news").hostname).toBe("example.com");
    expect(checkUrl("http://127.0.0.1:8080/", true).port).toBe("8080");
  });
});

describe("robots.txt", () => {
  const text = [
    "# comment",
    "User-agent: *",
    "Disallow: /private/",
    "Allow: /private/open",
    "Disallow: /*.pdf$",
    "",
    "User-agent: Parallax",
    "User-agent: OtherBot",
    "Disallow: /no-parallax/",
    "Crawl-delay: 2",
  ].join("\n");

  it("uses the group naming the agent, longest match wins, Allow wins ties", () => {
    const own = parseRobots(text, "parallax");
    expect(isAllowed(own, "/no-parallax/a")).toBe(false);
    expect(isAllowed(own, "/private/x")).toBe(true); // the * group does not apply to a named agent
    expect(own.crawlDelayMs).toBe(2000);
    const other = parseRobots(text, "somebot");
    expect(isAllowed(other, "/private/x")).toBe(false);
    expect(isAllowed(other, "/private/open/a")).toBe(true);
    expect(isAllowed(other, "/doc.pdf")).toBe(false);
    expect(isAllowed(other, "/doc.pdf?x=1")).toBe(true);
    expect(isAllowed(other, "/robots.txt")).toBe(true);
    expect(isAllowed(parseRobots("User-agent: *\nDisallow:", "x"), "/a")).toBe(true);
    expect(isAllowed(parseRobots("User-agent: *\nDisallow: /", "x"), "/a")).toBe(false);
    expect(isAllowed(parseRobots("User-agent: *\nDisallow: /a%7eb", "x"), "/a~b")).toBe(false);
  });
});

describe("durations and headers", () => {
  it("parses 30s/15m/2h and combinations", () => {
    expect(parseDuration("30s")).toBe(30_000);
    expect(parseDuration("15m")).toBe(900_000);
    expect(parseDuration("2h")).toBe(7_200_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("250ms")).toBe(250);
    expect(parseDuration("45")).toBe(45_000);
    expect(parseDuration("soon")).toBeUndefined();
    expect(parseDuration("15x")).toBeUndefined();
    expect(formatDuration(5_400_000)).toBe("1h30m");
  });

  it("parses Retry-After as seconds or a date", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    const now = Date.parse("2024-01-01T00:00:00Z");
    expect(parseRetryAfter("Mon, 01 Jan 2024 00:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("garbage")).toBeUndefined();
  });

  it("parses Content-Type", () => {
    expect(parseContentType('text/html; charset="Shift_JIS"')).toEqual({ type: "text/html", charset: "Shift_JIS" });
    expect(parseContentType(undefined)).toEqual({});
  });
});

describe("bodies to documents", () => {
  it("reads a JSON Feed as one document per item", () => {
    const feed = JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title: "Example News",
      items: [{ id: "1", url: "https://example.com/a", title: "A", content_html: "<p>Alpha text.</p>", date_published: "2024-05-01T10:00:00Z" }],
    });
    const items = bodyToItems(Buffer.from(feed), "application/feed+json", "https://example.com/feed.json");
    expect(items).toHaveLength(1);
    const doc = items[0].ok ? items[0].doc : undefined;
    expect(doc?.hints).toMatchObject({ title: "A", url: "https://example.com/a", outlet: "Example News", published: "2024-05-01T10:00:00Z" });
    expect(doc?.externalId).toBe("1");
  });

  it("refuses binary and unknown content with a clear message", () => {
    const png = bodyToItems(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), "image/png", "https://example.com/a.png");
    expect(png[0].ok).toBe(false);
    if (!png[0].ok) expect(png[0].diagnostic.message).toMatch(/binary content/);
  });
});
