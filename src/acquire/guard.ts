/**
 * The network guard: only http(s) URLs, and only addresses {@link isAddressAllowed} accepts.
 * IP literals are checked before connecting; host names are checked inside the socket's DNS
 * lookup, so the address connected to is the very address that was checked (no DNS-rebinding gap).
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { forbiddenReason, isAddressAllowed, parseIp, type AllowPrivate } from "./address.js";

/** Why a URL or address was refused. `code` is stable (used in failure records). */
export class GuardError extends Error {
  readonly code: "fetch/bad-url" | "fetch/bad-scheme" | "fetch/forbidden-address";
  constructor(code: GuardError["code"], message: string) {
    super(message);
    this.name = "GuardError";
    this.code = code;
  }
}

const PRIVATE_FIX = "Parallax refuses non-public addresses by default; pass --allow-private if you mean to fetch from your own network.";

/**
 * Parses and checks a URL: http or https only; an IP-literal host (in any IPv4 form the URL
 * parser normalises, or IPv6) must be allowed. Throws {@link GuardError}; returns the parsed URL.
 */
export function checkUrl(input: string | URL, allow: AllowPrivate = false): URL {
  let url: URL;
  try {
    url = typeof input === "string" ? new URL(input) : input;
  } catch {
    throw new GuardError("fetch/bad-url", `"${String(input)}" is not a valid URL. Give an absolute URL such as https://example.com/news/article.html.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new GuardError("fetch/bad-scheme", `${url.href}: only http and https URLs can be fetched (not ${url.protocol.replace(/:$/, "")}). Save the document and use \`parallax ingest\` for local files.`);
  }
  if (url.username || url.password) {
    throw new GuardError("fetch/bad-url", `${url.href}: URLs with a user name or password are not fetched. Remove the credentials from the URL.`);
  }
  const host = url.hostname;
  const ip = parseIp(host);
  if (ip && !isAddressAllowed(host.replace(/^\[|\]$/g, ""), allow)) {
    throw new GuardError("fetch/forbidden-address", `${url.href}: ${host} is ${forbiddenReason(ip)}. ${PRIVATE_FIX}`);
  }
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` function for `http.request` / `net.connect`: resolves the name, refuses it when
 * any of its addresses is not allowed, and hands the checked addresses to the socket.
 */
export function guardedLookup(allow: AllowPrivate = false) {
  return (hostname: string, options: { family?: number | string; all?: boolean; hints?: number } | undefined, callback: LookupCallback): void => {
    const family = options?.family === "IPv4" ? 4 : options?.family === "IPv6" ? 6 : typeof options?.family === "number" ? options.family : 0;
    dnsLookup(hostname, { all: true, family, hints: options?.hints }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => !isAddressAllowed(a.address, allow));
      if (bad) {
        const e = new GuardError("fetch/forbidden-address",
          `${hostname} resolves to ${bad.address}, ${forbiddenReason(bad.address)}. ${PRIVATE_FIX}`) as GuardError & NodeJS.ErrnoException;
        return callback(e, []);
      }
      if (options?.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
