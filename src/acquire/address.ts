/**
 * Which network addresses Parallax may connect to. By default only public unicast addresses:
 * private, loopback, link-local, unique-local, CGNAT, multicast, reserved and documentation
 * ranges are refused (IPv4 and IPv6, including IPv4 embedded in IPv6: mapped, compatible,
 * NAT64 and 6to4), so a URL (or a redirect, or a DNS name) cannot make Parallax reach a
 * machine on the user's own network or a cloud metadata service.
 */
import { isIP } from "node:net";

/** An IP address parsed to bytes: 4 for IPv4, 16 for IPv6. */
export type IpBytes = Uint8Array;

/**
 * Parses an IPv4 address in any form `inet_aton` accepts (and browsers normalise):
 * 1 to 4 dot-separated parts, each decimal, octal (leading 0) or hex (0x), the last part
 * filling the remaining bytes ("127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.1").
 */
export function parseIPv4(s: string): IpBytes | undefined {
  const parts = s.split(".");
  if (parts.length === 0 || parts.length > 4) return undefined;
  if (parts[parts.length - 1] === "" && parts.length > 1) parts.pop(); // a trailing dot, as URL hosts allow
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(p)) n = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) n = p.length === 1 ? 0 : parseInt(p.slice(1), 8);
    else if (/^[1-9][0-9]*$/.test(p)) n = parseInt(p, 10);
    else return undefined;
    if (!Number.isFinite(n)) return undefined;
    nums.push(n);
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255)) return undefined;
  const lastBytes = 4 - nums.length;
  if (last >= 2 ** (8 * lastBytes)) return undefined;
  const out = new Uint8Array(4);
  nums.forEach((n, i) => (out[i] = n));
  for (let i = 0; i < lastBytes; i++) out[3 - i] = Math.floor(last / 2 ** (8 * i)) % 256;
  return out;
}

/** Parses an IPv6 address ("::1", "::ffff:127.0.0.1", "fe80::1%eth0", with or without brackets). */
export function parseIPv6(s: string): IpBytes | undefined {
  let t = s.startsWith("[") && s.endsWith("]") ? s.slice(1, -1) : s;
  const zone = t.indexOf("%");
  if (zone >= 0) t = t.slice(0, zone);
  if (isIP(t) !== 6) return undefined;
  const lastColon = t.lastIndexOf(":");
  if (t.slice(lastColon + 1).includes(".")) {
    const v4 = parseIPv4(t.slice(lastColon + 1));
    if (!v4) return undefined;
    const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
    t = `${t.slice(0, lastColon + 1)}${hex(v4[0], v4[1])}:${hex(v4[2], v4[3])}`;
  }
  const [headS, tailS] = t.includes("::") ? t.split("::") : [t, undefined];
  const groups = (x: string) => (x === "" ? [] : x.split(":").map((g) => parseInt(g, 16)));
  const head = groups(headS);
  const mid = tailS === undefined ? [] : groups(tailS);
  const fill = 8 - head.length - mid.length;
  if (fill < 0 || (tailS === undefined && fill !== 0)) return undefined;
  const all = [...head, ...new Array<number>(fill).fill(0), ...mid];
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 0xff;
  });
  return out;
}

/** Parses any IP literal (IPv4 in any form, or IPv6); undefined for a host name. */
export function parseIp(s: string): IpBytes | undefined {
  return s.includes(":") || s.startsWith("[") ? parseIPv6(s) : parseIPv4(s);
}

/** A CIDR range: the address bytes and the prefix length. */
interface Range {
  net: IpBytes;
  bits: number;
  why: string;
}

function cidr(s: string, why: string): Range {
  const [a, b] = s.split("/");
  return { net: parseIp(a)!, bits: Number(b), why };
}

function inRange(ip: IpBytes, r: Range): boolean {
  if (ip.length !== r.net.length) return false;
  for (let bit = 0; bit < r.bits; bit += 8) {
    const take = Math.min(8, r.bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((ip[bit / 8] & mask) !== (r.net[bit / 8] & mask)) return false;
  }
  return true;
}

/** IPv4 ranges that are not public unicast (RFC 6890 special-purpose registry). */
const V4_FORBIDDEN: Range[] = [
  cidr("0.0.0.0/8", "a 'this network' address"),
  cidr("10.0.0.0/8", "a private address"),
  cidr("100.64.0.0/10", "a carrier-grade NAT (CGNAT) address"),
  cidr("127.0.0.0/8", "a loopback address"),
  cidr("169.254.0.0/16", "a link-local address"),
  cidr("172.16.0.0/12", "a private address"),
  cidr("192.0.0.0/24", "an IETF protocol address"),
  cidr("192.0.2.0/24", "a documentation address"),
  cidr("192.88.99.0/24", "a 6to4 relay address"),
  cidr("192.168.0.0/16", "a private address"),
  cidr("198.18.0.0/15", "a benchmarking address"),
  cidr("198.51.100.0/24", "a documentation address"),
  cidr("203.0.113.0/24", "a documentation address"),
  cidr("224.0.0.0/4", "a multicast address"),
  cidr("240.0.0.0/4", "a reserved or broadcast address"),
];

/** IPv6 ranges that are not public unicast (embedded-IPv4 ranges are handled separately). */
const V6_FORBIDDEN: Range[] = [
  cidr("::/128", "the unspecified address"),
  cidr("::1/128", "a loopback address"),
  cidr("64:ff9b:1::/48", "a local-use NAT64 address"),
  cidr("100::/64", "a discard-only address"),
  cidr("2001:db8::/32", "a documentation address"),
  cidr("fc00::/7", "a unique-local address"),
  cidr("fe80::/10", "a link-local address"),
  cidr("fec0::/10", "a site-local address"),
  cidr("ff00::/8", "a multicast address"),
];

/** IPv6 ranges that carry an IPv4 address: prefix, and the byte offset of the IPv4 address. */
const V6_EMBEDDING_V4: { range: Range; at: number }[] = [
  { range: cidr("::ffff:0:0/96", "IPv4-mapped"), at: 12 },
  { range: cidr("::/96", "IPv4-compatible"), at: 12 },
  { range: cidr("64:ff9b::/96", "NAT64"), at: 12 },
  { range: cidr("2002::/16", "6to4"), at: 2 },
];

/**
 * Why an address must not be connected to ("a loopback address"), or undefined for a public
 * unicast address. Accepts the bytes from {@link parseIp} or an address string.
 */
export function forbiddenReason(addr: IpBytes | string): string | undefined {
  const ip = typeof addr === "string" ? parseIp(addr) : addr;
  if (!ip) return "not an IP address";
  if (ip.length === 4) return V4_FORBIDDEN.find((r) => inRange(ip, r))?.why;
  for (const r of V6_FORBIDDEN) if (inRange(ip, r)) return r.why;
  for (const e of V6_EMBEDDING_V4) {
    if (!inRange(ip, e.range)) continue;
    const v4 = ip.subarray(e.at, e.at + 4);
    const why = V4_FORBIDDEN.find((r) => inRange(v4, r))?.why;
    if (why) return `${why} (${e.range.why} in IPv6)`;
  }
  return undefined;
}

/**
 * Which non-public addresses the user allows: `true` (all, `--allow-private`), `false` (none),
 * or a list of CIDR ranges / single addresses ("127.0.0.1", "10.0.0.0/8").
 */
export type AllowPrivate = boolean | readonly string[];

/** True when `ip` may be connected to under `allow`. */
export function isAddressAllowed(ip: string, allow: AllowPrivate = false): boolean {
  const bytes = parseIp(ip);
  if (!bytes) return false;
  if (allow === true) return true;
  if (!forbiddenReason(bytes)) return true;
  if (allow === false) return false;
  return allow.some((a) => {
    const [addr, bits] = a.split("/");
    const net = parseIp(addr);
    if (!net) return false;
    const r: Range = { net, bits: bits === undefined ? net.length * 8 : Number(bits), why: "" };
    return inRange(bytes, r);
  });
}
