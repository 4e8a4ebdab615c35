/**
 * Deterministic large news corpora for the scale benchmark (`npm run bench -- scale`), grown from
 * the 4,625 Timeline17 articles (`.bench/t17.jsonl`, JSON Lines `{id, published, text}`, one
 * sentence a line) the way a real archive grows:
 *
 * - **scenarios**: a run of consecutive articles of one T17 topic (a slice of its news flow) is
 *   replayed as a new event: every date in the text that is near the publication date (full dates,
 *   "March 3", "May 2011", the current year) and the publication date itself move by the same
 *   whole number of weeks (weekdays stay right: "on Thursday" still resolves to the moved date), and
 *   a share of the slice's recurring proper names (people, places: capitalised words that never
 *   appear in lower case) are swapped, consistently, for names from a pool (places for words that
 *   follow "in", "at", "from"..., surnames otherwise). Short shifts with few swaps are follow-ups of
 *   the same story; long shifts with many swaps are different events with different actors, so the
 *   number of stories grows with the corpus as it does in an archive. A follow-up also drops a few
 *   body sentences. Some scenarios replay the original events unchanged (shift 0): they only add
 *   more coverage of them (copies and rewrites below).
 * - **syndicated near-duplicates** of a scenario's articles: another outlet and byline, one body
 *   sentence cut, published the same day or the next;
 * - **rewrites**: body sentences reordered (adjacent swaps) and paraphrased (synonym swaps), some
 *   dropped, published up to two days later by another outlet.
 *
 * Everything is drawn from a seeded PRNG (mulberry32): the same base, size and seed give the same
 * corpus byte for byte. Below the base size, the corpus is a seeded sample of base articles.
 * Articles are written in publication order (an archive fed day by day), ties in creation order.
 * Texts are unique (Parallax ids are content hashes): a variant that happens to equal an earlier
 * text gets a wire sign-off line.
 *
 *   npx tsx scripts/make-scale-corpus.ts .bench/t17.jsonl 100000 .bench/scale-100000.jsonl [--seed 17]
 */
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { prng } from "../src/prng.js";
export { prng };

/** One input or output article (JSON Lines record `parallax ingest` and `parallax cluster` read). */
export interface ScaleArticle {
  id: string;
  published: string;
  text: string;
  outlet?: string;
  author?: string;
}

/** Default PRNG seed. */
export const DEFAULT_SEED = 17;
/** A scenario replays this many consecutive articles of a topic, at least... */
export const WINDOW_MIN = 4;
/** ...and fewer than this many. */
export const WINDOW_MAX = 40;
/** Share of scenarios that replay the original events (shift 0, no swaps): more coverage only. */
export const P_SAME_EVENT = 0.15;
/** Share of the other scenarios that are follow-ups (short shift, few swaps); the rest are new events. */
export const P_FOLLOW_UP = 0.3;
/** Follow-ups move by 1 to this many weeks... */
export const FOLLOW_UP_MAX_WEEKS = 8;
/** ...new events by FOLLOW_UP_MAX_WEEKS + 1 to this many weeks (three years). */
export const NEW_EVENT_MAX_WEEKS = 156;
/** Share of the recurring names a follow-up swaps (at most), and the range a new event swaps. */
export const FOLLOW_UP_SWAP = 0.2;
export const NEW_EVENT_SWAP_MIN = 0.4;
export const NEW_EVENT_SWAP_MAX = 0.8;
/** The slice's this many most frequent proper names are the cast a scenario may swap. */
export const CAST_SIZE = 15;
/** A name counts as a place when at least this share of its uses follow a place preposition. */
export const PLACE_SHARE = 0.3;
/** Share of body sentences a replayed (shifted) article drops. */
export const FOLLOW_UP_DROP = 0.1;
/** Chance that a scenario article gets syndicated copies; each further copy has the same chance (geometric, at most 3). */
export const P_SYNDICATE = 0.5;
export const MAX_SYNDICATED = 3;
/** Chance that a scenario article gets a rewrite. */
export const P_REWRITE = 0.35;
/** A rewrite drops between these shares of its body sentences... */
export const REWRITE_DROP_MIN = 0.1;
export const REWRITE_DROP_MAX = 0.3;
/** ...swaps each adjacent pair of body sentences with this chance, and each synonym occurrence with this one. */
export const REWRITE_SWAP = 0.3;
export const SYNONYM_RATE = 0.5;
/** Dates further than this from the publication date are history ("the 1991 war") and do not move. */
export const HISTORY_DAYS = 400;

const DAY_MS = 86_400_000;
/** Articles written per write call. */
const WRITE_SLICE = 1000;


const SURNAMES = (
  "Okafor Lindqvist Moreau Haddad Kowalski Tanaka Ferreira Novak Mensah Castillo Petrenko Abubakar Jansen Rahimi Sorensen " +
  "Valdez Nakamura Achterberg Oyelaran Duarte Kaplan Brennan Szabo Ndiaye Rossetti Halvorsen Qureshi Delacroix Mwangi Ivanova " +
  "Torvalds Bianchi Karimi Olawale Fitzgerald Hoffmann Yildiz Salazar Adeyemi Kristiansen Moretti Banerjee Wojcik Lemaire " +
  "Asante Markovic Ortega Fujita Eriksen Chaudhry Ibarra Papadopoulos Nyberg Kamara Rinaldi Lund Obuya Herrera Vasquez Stavros"
).split(" ");
const PLACES = (
  "Lagos Quito Tbilisi Dhaka Mombasa Valparaiso Gdansk Cebu Tashkent Montevideo Accra Bergen Cordoba Kharkiv Surabaya Dakar " +
  "Asuncion Mandalay Tromso Arequipa Kisumu Plovdiv Chittagong Cusco Antalya Maputo Rosario Yerevan Davao Kumasi Bilbao " +
  "Lusaka Medan Porto Harare Cali Tabriz Kaunas Bamako Iquitos Zanzibar Varna Goma Salta Mosul Debrecen Abidjan Ljubljana"
).split(" ");
const FIRST_NAMES = "Amara Jonas Leila Mateo Ingrid Kofi Sofia Tomas Yuki Nadia Emeka Clara Pavel Rosa Idris Hana Lars Farah Diego Anika".split(" ");
const OUTLETS = (
  "Daily Courier|Evening Herald|Metro Wire|Coastal Times|The Northern Post|Capital Ledger|World Desk|Morning Star Tribune|" +
  "Valley Gazette|Harbour Chronicle|Continental Press|The Observer Review|Plains Journal|Global Dispatch|City Bulletin|" +
  "Riverside Record|National Monitor|The Sentinel|Independent Wire|Summit News"
).split("|");
/** Rewrite paraphrases: word -> replacement (whole words, first-letter case kept). */
const SYNONYMS: [string, string][] = [
  ["said", "stated"], ["says", "states"], ["told", "informed"], ["about", "around"], ["more than", "over"], ["help", "assist"],
  ["big", "large"], ["show", "indicate"], ["begin", "start"], ["began", "started"], ["buy", "purchase"], ["try", "attempt"],
  ["officials", "authorities"], ["however", "but"], ["also", "additionally"], ["people", "individuals"], ["killed", "left dead"],
  ["rose", "climbed"], ["fell", "dropped"], ["expected", "anticipated"], ["announced", "declared"], ["important", "significant"],
  ["need", "require"], ["enough", "sufficient"], ["near", "close to"], ["quickly", "rapidly"], ["called", "described"],
  ["reported", "said"], ["warned", "cautioned"], ["added", "continued"], ["meeting", "talks"], ["attack", "assault"],
];
const SYNONYM_RE = SYNONYMS.map(([w, r]) => ({ re: new RegExp(`\\b${w}\\b`, "gi"), r }));
/** Capitalised words that are not a story's actors (titles, function words, institutions). */
const NOT_NAMES = new Set(
  (
    "The A An I He She It They We You His Her Its Their Our But And Or In On At For With From By Of To As If When While After Before " +
    "This That These Those There Here What Who Why How Mr Mrs Ms Dr Sir President Minister Prime Secretary General Government " +
    "Congress Senate Parliament Army Police United States Nations Kingdom Union European Republic Council Court Ministry " +
    "Department House White Street Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May " +
    "June July August September October November December God Internet English Reuters Associated Press News Times Post"
  ).split(" "),
);
/** Nationality words ("Canadian", "Chinese", "British", "Pakistani") describe, they are not actors. */
const DEMONYM = /(?:ian|ean|ican|ese|ish|ani|ic)$/;
const PLACE_PREPOSITION = /\b(?:in|at|from|near|across|into|to|outside|inside)\s+$/;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTH_RE = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.)";

function monthIndex(m: string): number {
  const k = m.replace(".", "").slice(0, 3).toLowerCase();
  return MONTHS.findIndex((x) => x.slice(0, 3).toLowerCase() === k);
}

/** Writes a month the way the text did (full name or abbreviation with a dot). */
function monthName(i: number, like: string): string {
  if (!like.endsWith(".")) return MONTHS[i];
  return i === 8 && like.startsWith("Sept") ? "Sept." : i === 4 ? "May" : i === 5 ? "June" : i === 6 ? "July" : `${MONTHS[i].slice(0, 3)}.`;
}

const utc = (y: number, m: number, d: number) => Date.UTC(y, m, d);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Moves the dates of `text` by `shiftDays` (a multiple of 7 keeps weekdays right). Dates further
 * than {@link HISTORY_DAYS} from `published` stay; dates without a year take the year that puts
 * them nearest `published`; a bare year moves with the publication year when within one year of it.
 */
export function shiftDates(text: string, published: string, shiftDays: number): string {
  if (!shiftDays) return text;
  const pub = Date.parse(published.slice(0, 10));
  if (!Number.isFinite(pub)) return text;
  const pubYear = new Date(pub).getUTCFullYear();
  const yearDelta = new Date(pub + shiftDays * DAY_MS).getUTCFullYear() - pubYear;
  const near = (t: number) => Math.abs(t - pub) <= HISTORY_DAYS * DAY_MS;
  const moved = (t: number) => new Date(t + shiftDays * DAY_MS);
  const held: string[] = [];
  // Replaced spans become private-use placeholders so a later pattern cannot move them twice.
  const hold = (s: string) => {
    held.push(s);
    return String.fromCharCode(0xe000 + held.length - 1);
  };
  const yearless = (mi: number, d: number) => {
    let best = utc(pubYear, mi, d);
    for (const y of [pubYear - 1, pubYear + 1]) if (Math.abs(utc(y, mi, d) - pub) < Math.abs(best - pub)) best = utc(y, mi, d);
    return best;
  };
  /** A written date (month name, day, optional year) moved, or `all` unchanged when it is not one or not near. */
  const shiftWritten = (all: string, m: string, d: string, y: string | undefined, ySep: string | undefined, format: (n: Date, yearPart: string) => string): string => {
    const mi = monthIndex(m);
    const day = Number(d);
    if (mi < 0 || day < 1 || day > 31) return all;
    const t = y ? utc(Number(y), mi, day) : yearless(mi, day);
    if (!near(t)) return all;
    const n = moved(t);
    return hold(format(n, y ? ySep!.replace(y, String(n.getUTCFullYear())) : ""));
  };
  let out = text;
  // "March 3, 2011", "Mar. 3rd 2011", "March 3"
  out = out.replace(new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(st|nd|rd|th)?\\b(,?\\s+((?:19|20)\\d\\d)\\b)?`, "g"), (all, m: string, d: string, suf: string | undefined, ySep: string | undefined, y: string | undefined) =>
    shiftWritten(all, m, d, y, ySep, (n, yearPart) => `${monthName(n.getUTCMonth(), m)} ${n.getUTCDate()}${suf ?? ""}${yearPart}`));
  // "3 March 2011", "3rd March"
  out = out.replace(new RegExp(`\\b(\\d{1,2})(st|nd|rd|th)?\\s+${MONTH_RE}(,?\\s+((?:19|20)\\d\\d)\\b)?`, "g"), (all, d: string, suf: string | undefined, m: string, ySep: string | undefined, y: string | undefined) =>
    shiftWritten(all, m, d, y, ySep, (n, yearPart) => `${n.getUTCDate()}${suf ?? ""} ${monthName(n.getUTCMonth(), m)}${yearPart}`));
  // "2011-03-03"
  out = out.replace(/\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g, (all, y: string, m: string, d: string) => {
    const t = utc(Number(y), Number(m) - 1, Number(d));
    return Number.isFinite(t) && near(t) ? hold(iso(t + shiftDays * DAY_MS)) : all;
  });
  // "March 2011", "March, 2011": the 15th stands for the month
  out = out.replace(new RegExp(`\\b${MONTH_RE}(,?\\s+)((?:19|20)\\d\\d)\\b`, "g"), (all, m: string, sep: string, y: string) => {
    const mi = monthIndex(m);
    const t = utc(Number(y), mi, 15);
    if (mi < 0 || !near(t)) return all;
    const n = moved(t);
    return hold(`${monthName(n.getUTCMonth(), m)}${sep}${n.getUTCFullYear()}`);
  });
  // a bare current, previous or next year
  if (yearDelta) {
    out = out.replace(/\b((?:19|20)\d\d)\b/g, (all, y: string) => (Math.abs(Number(y) - pubYear) <= 1 ? hold(String(Number(y) + yearDelta)) : all));
  }
  // placeholders live in the private-use area
  return out.replace(/[\ue000-\uf8ff]/g, (c) => held[c.charCodeAt(0) - 0xe000] ?? c);
}

/** Mid-sentence capitalised words of the texts (never seen in lower case), most frequent first, with their place share. */
export function findCast(texts: string[]): { name: string; place: boolean }[] {
  const count = new Map<string, number>();
  const placeUses = new Map<string, number>();
  const lower = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\b[a-z][a-z-]{2,}\b/g)) lower.add(m[0]);
    for (const m of text.matchAll(/(?<=[a-z,;:] )[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?\b/g)) {
      const w = m[0];
      if (NOT_NAMES.has(w) || DEMONYM.test(w)) continue;
      count.set(w, (count.get(w) ?? 0) + 1);
      if (PLACE_PREPOSITION.test(text.slice(Math.max(0, m.index - 12), m.index))) placeUses.set(w, (placeUses.get(w) ?? 0) + 1);
    }
  }
  return [...count.entries()]
    .filter(([w, n]) => n >= 2 && !lower.has(w.toLowerCase()))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, CAST_SIZE)
    .map(([name, n]) => ({ name, place: (placeUses.get(name) ?? 0) / n >= PLACE_SHARE }));
}

function swapNames(text: string, cast: Map<string, string>): string {
  if (!cast.size) return text;
  const re = new RegExp(`\\b(?:${[...cast.keys()].join("|")})\\b`, "g");
  return text.replace(re, (w) => cast.get(w) ?? w);
}

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

/** Drops about `share` of the body lines (never the first, the lead). */
function dropLines(lines: string[], share: number, rnd: () => number): string[] {
  if (lines.length < 3) return lines;
  return lines.filter((_, i) => i === 0 || rnd() >= share);
}

function addDays(published: string, days: number): string {
  return iso(Date.parse(published.slice(0, 10)) + days * DAY_MS);
}

function syndicate(a: ScaleArticle, rnd: () => number): ScaleArticle {
  const lines = a.text.split("\n");
  if (lines.length >= 2) lines.splice(1 + Math.floor(rnd() * (lines.length - 1)), 1);
  return {
    id: "",
    published: addDays(a.published, rnd() < 0.5 ? 0 : 1),
    outlet: pick(rnd, OUTLETS),
    author: `${pick(rnd, FIRST_NAMES)} ${pick(rnd, SURNAMES)}`,
    text: lines.join("\n"),
  };
}

function rewrite(a: ScaleArticle, rnd: () => number): ScaleArticle {
  const share = REWRITE_DROP_MIN + rnd() * (REWRITE_DROP_MAX - REWRITE_DROP_MIN);
  const lines = dropLines(a.text.split("\n"), share, rnd);
  for (let i = 1; i + 1 < lines.length; i++) {
    if (rnd() >= REWRITE_SWAP) continue;
    [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
    i++; // a moved sentence moves once
  }
  const text = lines
    .map((l) => {
      let s = l;
      for (const { re, r } of SYNONYM_RE) s = s.replace(re, (w) => (rnd() < SYNONYM_RATE ? (w[0] === w[0].toUpperCase() ? r[0].toUpperCase() + r.slice(1) : r) : w));
      return s;
    })
    .join("\n");
  return { id: "", published: addDays(a.published, Math.floor(rnd() * 3)), outlet: pick(rnd, OUTLETS), text };
}

/** Reads `{id, published|date, text}` JSON Lines. */
export function readBase(path: string): ScaleArticle[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as { id: string; published?: string; date?: string; text: string };
      return { id: r.id, published: (r.published ?? r.date ?? "").slice(0, 10), text: r.text };
    })
    .filter((a) => a.text && /^\d{4}-\d\d-\d\d$/.test(a.published));
}

/** Figures about a generated corpus. */
export interface CorpusStats {
  articles: number;
  base: number;
  scenarios: number;
  newEvents: number;
  followUps: number;
  replayed: number;
  syndicated: number;
  rewrites: number;
}

/**
 * Builds a corpus of `size` articles from `base` (see the module doc), in publication order.
 * Deterministic in (base, size, seed).
 */
export function makeScaleCorpus(base: ScaleArticle[], size: number, seed = DEFAULT_SEED): { articles: ScaleArticle[]; stats: CorpusStats } {
  const rnd = prng(seed);
  const stats: CorpusStats = { articles: 0, base: 0, scenarios: 0, newEvents: 0, followUps: 0, replayed: 0, syndicated: 0, rewrites: 0 };
  const out: ScaleArticle[] = [];
  if (size <= base.length) {
    const idx = base.map((_, i) => i);
    for (let i = 0; i < size; i++) {
      const j = i + Math.floor(rnd() * (idx.length - i));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    out.push(...idx.slice(0, size).map((i) => base[i]));
    stats.base = size;
  } else {
    out.push(...base);
    stats.base = base.length;
  }
  const seen = new Set(out.map((a) => a.text.replace(/\s+/g, " ").trim()));
  const topics = new Map<string, ScaleArticle[]>();
  for (const a of base) {
    const t = a.id.split("/")[0];
    const list = topics.get(t);
    if (list) list.push(a);
    else topics.set(t, [a]);
  }
  for (const list of topics.values()) list.sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
  const emit = (a: ScaleArticle, kind: string) => {
    let norm = a.text.replace(/\s+/g, " ").trim();
    if (seen.has(norm)) {
      a.text += `\n(Reporting by ${pick(rnd, FIRST_NAMES)} ${pick(rnd, SURNAMES)}; editing by ${pick(rnd, FIRST_NAMES)} ${pick(rnd, SURNAMES)})`;
      norm = a.text.replace(/\s+/g, " ").trim();
      if (seen.has(norm)) return;
    }
    seen.add(norm);
    a.id = `scale/${kind}/${out.length}`;
    out.push(a);
  };
  while (out.length < size) {
    stats.scenarios++;
    // a topic in proportion to its size: a random base article's topic
    const list = topics.get(base[Math.floor(rnd() * base.length)].id.split("/")[0])!;
    const m = Math.min(list.length, WINDOW_MIN + Math.floor(rnd() * (WINDOW_MAX - WINDOW_MIN)));
    const start = Math.floor(rnd() * (list.length - m + 1));
    const slice = list.slice(start, start + m);
    const kind = rnd() < P_SAME_EVENT ? "replay" : rnd() < P_FOLLOW_UP ? "follow-up" : "event";
    const weeks = kind === "replay" ? 0 : kind === "follow-up" ? 1 + Math.floor(rnd() * FOLLOW_UP_MAX_WEEKS) : FOLLOW_UP_MAX_WEEKS + 1 + Math.floor(rnd() * (NEW_EVENT_MAX_WEEKS - FOLLOW_UP_MAX_WEEKS));
    const swapShare = kind === "replay" ? 0 : kind === "follow-up" ? rnd() * FOLLOW_UP_SWAP : NEW_EVENT_SWAP_MIN + rnd() * (NEW_EVENT_SWAP_MAX - NEW_EVENT_SWAP_MIN);
    if (kind === "replay") stats.replayed++;
    else if (kind === "follow-up") stats.followUps++;
    else stats.newEvents++;
    const cast = new Map<string, string>();
    const used = new Set<string>();
    for (const { name, place } of findCast(slice.map((a) => a.text))) {
      if (rnd() >= swapShare) continue;
      const pool = place ? PLACES : SURNAMES;
      let r = pick(rnd, pool);
      for (let k = 0; k < 5 && (used.has(r) || r === name); k++) r = pick(rnd, pool);
      if (used.has(r) || r === name) continue;
      used.add(r);
      cast.set(name, r);
    }
    for (const src of slice) {
      if (out.length >= size) break;
      let a = src;
      if (kind !== "replay") {
        const lines = dropLines(swapNames(shiftDates(src.text, src.published, weeks * 7), cast).split("\n"), FOLLOW_UP_DROP, rnd);
        a = { id: "", published: addDays(src.published, weeks * 7), outlet: pick(rnd, OUTLETS), text: lines.join("\n") };
        emit(a, kind);
      }
      // a replayed article always gets some coverage, else the scenario would add nothing
      for (let k = 0; k < MAX_SYNDICATED && out.length < size && (rnd() < P_SYNDICATE || (kind === "replay" && k === 0)); k++) {
        emit(syndicate(a, rnd), "syndicated");
        stats.syndicated++;
      }
      if (out.length < size && rnd() < P_REWRITE) {
        emit(rewrite(a, rnd), "rewrite");
        stats.rewrites++;
      }
    }
  }
  const order = out.map((a, i) => ({ a, i })).sort((x, y) => x.a.published.localeCompare(y.a.published) || x.i - y.i);
  stats.articles = out.length;
  return { articles: order.map((x) => x.a), stats };
}

/** Writes articles as JSON Lines (one record a line, no trailing blank records). */
export function writeCorpus(path: string, articles: ScaleArticle[]): void {
  const fd = openSync(path, "w");
  try {
    // in slices: a 100k-article corpus is larger than the longest string V8 allows
    for (let i = 0; i < articles.length; i += WRITE_SLICE) writeSync(fd, `${articles.slice(i, i + WRITE_SLICE).map((a) => JSON.stringify(a)).join("\n")}\n`);
  } finally {
    closeSync(fd);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf("--seed");
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : DEFAULT_SEED;
  const [basePath, sizeArg, outPath] = args;
  if (!basePath || !sizeArg || !outPath || !(Number(sizeArg) > 0)) {
    process.stderr.write("usage: make-scale-corpus BASE.jsonl SIZE OUT.jsonl [--seed N]\n");
    process.exit(2);
  }
  const { articles, stats } = makeScaleCorpus(readBase(basePath), Number(sizeArg), seed);
  writeCorpus(outPath, articles);
  process.stderr.write(`${JSON.stringify(stats)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
