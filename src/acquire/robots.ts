/**
 * robots.txt (RFC 9309): groups by user agent, Allow/Disallow rules with `*` and `$`, the
 * longest matching rule wins (Allow on a tie), and Crawl-delay as a politeness hint.
 */

/** What a robots.txt says for one user agent. */
export interface RobotsRules {
  /** [pattern, allow] pairs that apply to this agent. */
  rules: { pattern: string; allow: boolean }[];
  /** Crawl-delay in milliseconds, when the group gives one. */
  crawlDelayMs?: number;
  /** When set, every path is refused (robots.txt unreachable): the reason, for messages. */
  disallowAll?: string;
  /** With `disallowAll`: a failure code that explains it better than "robots" (e.g. a refused address). */
  disallowCode?: string;
}

/** Rules that allow everything (no robots.txt, or a 4xx answer for it). */
export const ALLOW_ALL: RobotsRules = { rules: [] };

/** The product token robots.txt groups are matched against: the user agent up to the first "/" or space, lower-cased. */
export function productToken(userAgent: string): string {
  return userAgent.trim().split(/[\/\s]/)[0].toLowerCase();
}

/**
 * Parses robots.txt text and keeps the rules for `agent` (a product token such as "parallax"):
 * the groups naming it, else the `*` groups.
 */
export function parseRobots(text: string, agent: string): RobotsRules {
  interface Group { agents: string[]; rules: RobotsRules["rules"]; delay?: number }
  const groups: Group[] = [];
  let current: Group | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === "user-agent") {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === "allow" || key === "disallow") {
      if (value !== "") current.rules.push({ pattern: value, allow: key === "allow" });
    } else if (key === "crawl-delay") {
      const secs = Number(value);
      if (Number.isFinite(secs) && secs >= 0) current.delay = secs * 1000;
    }
  }
  const token = agent.toLowerCase();
  let chosen = groups.filter((g) => g.agents.some((a) => a !== "*" && productToken(a) === token));
  if (!chosen.length) chosen = groups.filter((g) => g.agents.includes("*"));
  const out: RobotsRules = { rules: chosen.flatMap((g) => g.rules) };
  const delays = chosen.map((g) => g.delay).filter((d): d is number => d !== undefined);
  if (delays.length) out.crawlDelayMs = Math.max(...delays);
  return out;
}

/** Normalises percent-encoding so "%7e" and "~" compare equal (unreserved characters decoded, hex upper-cased). */
function normalise(path: string): string {
  return path.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => {
    const c = String.fromCharCode(parseInt(h, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${h.toUpperCase()}`;
  });
}

function patternToRegExp(pattern: string): RegExp {
  const anchored = pattern.endsWith("$");
  const body = normalise(anchored ? pattern.slice(0, -1) : pattern)
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`);
}

/**
 * True when `pathAndQuery` (e.g. "/news/a.html?id=3") may be fetched under `rules`.
 * /robots.txt itself is always allowed.
 */
export function isAllowed(rules: RobotsRules, pathAndQuery: string): boolean {
  if (pathAndQuery === "/robots.txt") return true;
  if (rules.disallowAll) return false;
  const path = normalise(pathAndQuery || "/");
  let best: { len: number; allow: boolean } | undefined;
  for (const r of rules.rules) {
    if (!patternToRegExp(r.pattern).test(path)) continue;
    const len = r.pattern.length;
    if (!best || len > best.len || (len === best.len && r.allow && !best.allow)) best = { len, allow: r.allow };
  }
  return best ? best.allow : true;
}
