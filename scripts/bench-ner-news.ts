/**
 * Entities on whole news articles in CoNLL-2003 conventions: `annotate` (the full language layer,
 * document steps included) against a hand-annotated set (bench/ner-news/gold.jsonl) of the 20
 * TempEval-3 platinum articles (AP, CNN, WSJ, BBC, NYT, 2013), one ECB+ article per topic
 * (33 articles from many outlets, 2008-2013) and 20 Reuters articles of Timeline17 (2009-2011),
 * PER/ORG/LOC/MISC, exact character spans and type.
 *
 * The texts stay in ../shared/bench (they are read through the scorers' `inputs` commands, so the
 * offsets are into exactly those strings); the repository holds only the spans. The documents are
 * split in two: `dev` (read for errors) and `test` (figures only; never read for errors).
 *
 * Also scored, the same way and split the same way, two sets written and annotated for this project (texts included, so
 * their figures need no ../shared): 48 sports wire stories in the style of 1996 Reuters copy (bench/ner-sports/gold.jsonl:
 * clubs named after their towns, national teams, grounds, result lines; `sportsDevF1`, `sportsTestF1`) and the 40
 * held-out stories of bench/ner-wire/stories.jsonl (press digests, world politics, markets and company tables, sports
 * tables, courts and culture; `wireDevF1`, `wireTestF1`).
 *
 * Usage: npx tsx scripts/bench-ner-news.ts [--errors FILE] [--split dev|test]   (last line: JSON figures)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { annotate } from "../src/nlp/annotate.js";
import { NewsText, newsTexts } from "./ner-news-texts.js";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository root from scripts/ (tsx) or dist/scripts/ (compiled). */
const ROOT = existsSync(join(HERE, "..", "package.json")) ? resolve(HERE, "..") : resolve(HERE, "..", "..");
const SHARED = resolve(ROOT, "..", "shared", "bench");
const GOLD = join(ROOT, "bench", "ner-news", "gold.jsonl");
/** The sets written for the project, texts included: file, and the prefix of their figures' names. */
const OWN_SETS = [
  { file: join(ROOT, "bench", "ner-sports", "gold.jsonl"), key: "sports", what: "sports stories" },
  { file: join(ROOT, "bench", "ner-wire", "stories.jsonl"), key: "wire", what: "wire stories in CoNLL-2003 genres" },
] as const;
const TYPES = ["PER", "ORG", "LOC", "MISC"] as const;

interface Span {
  start: number;
  end: number;
  type: string;
  text: string;
}
interface GoldDoc {
  id: string;
  /** `timex-tempeval3` or `clustering-ecbplus`: the bench folder whose scorer gives the text; `sports`, `wire`: the text is here. */
  source: string;
  /** The document's id in that bench's inputs. */
  sourceId?: string;
  /** The text itself (the stories written for this project). */
  text?: string;
  split: "dev" | "test" | "train";
  /** Which written set the story is of (OWN_SETS key), set on reading. */
  own?: string;
  entities: Span[];
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const f1 = (c: Counts): { p: number; r: number; f: number } => {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const pct = (x: number): string => (100 * x).toFixed(2);

function main(): void {
  const read = (file: string): GoldDoc[] => readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc);
  // Without ../shared/bench only the written stories (texts in the repository) are scored; their training split is not.
  const hasShared = existsSync(SHARED);
  if (!hasShared) console.log(`warning: ${SHARED} not found: news articles not scored (the written stories are)`);
  const own = OWN_SETS.flatMap((o) => read(o.file).filter((d) => d.split !== "train").map((d) => ({ ...d, own: o.key })));
  const gold = [...(hasShared ? read(GOLD) : []), ...own];
  const sources = new Map<string, Map<string, NewsText>>();
  const only = arg("split");
  const errorsFile = arg("errors");
  const errors: string[] = [];
  const splitNames = ["dev", "test", "all", ...OWN_SETS.flatMap((o) => [`${o.key}Dev`, `${o.key}Test`])];
  const bySplit: Record<string, Counts> = Object.fromEntries(splitNames.map((s) => [s, empty()]));
  const bySource: Record<string, Counts> = {};
  const byType: Record<string, Counts> = Object.fromEntries(TYPES.map((t) => [t, empty()]));
  let words = 0;
  const t0 = performance.now();
  for (const doc of gold) {
    if (only && doc.split !== only) continue;
    const written = doc.own !== undefined;
    if (!written && !sources.has(doc.source)) sources.set(doc.source, newsTexts(SHARED, doc.source));
    const input: NewsText | undefined = written ? { text: doc.text! } : sources.get(doc.source)!.get(doc.sourceId ?? "");
    if (!input) throw new Error(`${doc.id}: no document ${doc.sourceId} in ${doc.source}`);
    for (const g of doc.entities) {
      if (input.text.slice(g.start, g.end) !== g.text) throw new Error(`${doc.id}: gold span ${g.start}-${g.end} reads ${JSON.stringify(input.text.slice(g.start, g.end))}, not ${JSON.stringify(g.text)}`);
    }
    words += input.text.split(/\s+/).filter(Boolean).length;
    const ann = annotate({ id: doc.id, text: input.text, published: input.dct, diagnostics: [] });
    // names only, as `parallax annotate` prints them (pronouns and "the envoy" are coreference mentions)
    const pred: Span[] = ann.entities.filter((e) => (e.mention ?? "name") === "name").map((e) => ({ start: e.start, end: e.end, type: e.type === "PERSON" ? "PER" : e.type, text: e.text }));
    const key = (s: Span): string => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(doc.entities.map(key));
    const predKeys = new Set(pred.map(key));
    const lineOf = (s: Span): string => input.text.slice(input.text.lastIndexOf("\n", s.start) + 1, Math.max(s.end, input.text.indexOf("\n", s.end) < 0 ? input.text.length : input.text.indexOf("\n", s.end))).slice(0, 300);
    const splitCounts = written ? [bySplit[`${doc.own}${doc.split === "dev" ? "Dev" : "Test"}`]!] : [bySplit[doc.split]!, bySplit.all!];
    for (const c of [...splitCounts, (bySource[doc.source] ??= empty())]) {
      for (const g of doc.entities) {
        if (predKeys.has(key(g))) c.tp++;
        else c.fn++;
      }
      for (const p of pred) if (!goldKeys.has(key(p))) c.fp++;
    }
    for (const t of written ? [] : TYPES) {
      const c = byType[t]!;
      for (const g of doc.entities) {
        if (g.type !== t) continue;
        if (predKeys.has(key(g))) c.tp++;
        else c.fn++;
      }
      for (const p of pred) if (p.type === t && !goldKeys.has(key(p))) c.fp++;
    }
    if (errorsFile && doc.split === "dev") {
      const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
      for (const g of doc.entities) if (!predKeys.has(key(g))) {
        const near = pred.filter((p) => overlaps(p, g)).map((p) => `${p.type} "${p.text}"`).join(", ");
        errors.push(`${doc.id}\tMISSED ${g.type} "${g.text}"${near ? ` (we: ${near})` : ""}\t${lineOf(g)}`);
      }
      for (const p of pred) if (!goldKeys.has(key(p)) && !doc.entities.some((g) => overlaps(g, p))) errors.push(`${doc.id}\tSPURIOUS ${p.type} "${p.text}"\t${lineOf(p)}`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  for (const s of splitNames) {
    const c = bySplit[s]!;
    if (c.tp + c.fn === 0) continue;
    const x = f1(c);
    const set = OWN_SETS.find((o) => s.startsWith(o.key));
    const what = set ? `${set.what}, CoNLL-2003 types (${s.slice(set.key.length).toLowerCase()})` : `news articles, CoNLL-2003 types (${s})`;
    console.log(`${what}: F1 ${pct(x.f)} (P ${pct(x.p)} R ${pct(x.r)}; ${c.tp + c.fn} gold spans)`);
  }
  for (const [source, c] of Object.entries(bySource)) {
    const x = f1(c);
    console.log(`    ${source}: F1 ${pct(x.f)} (P ${pct(x.p)} R ${pct(x.r)}; ${c.tp + c.fn} gold spans)`);
  }
  for (const t of TYPES) {
    const x = f1(byType[t]!);
    console.log(`    ${t}: P ${pct(x.p)} R ${pct(x.r)} F1 ${pct(x.f)} (${byType[t]!.tp + byType[t]!.fn})`);
  }
  console.log(`    ${words} words in ${seconds.toFixed(1)} s`);
  if (errorsFile) {
    writeFileSync(errorsFile, errors.join("\n") + "\n");
    console.log(`    ${errors.length} dev errors -> ${errorsFile}`);
  }
  const fig = (s: string): number => Math.round(1000 * f1(bySplit[s]!).f) / 1000;
  const news = hasShared ? { newsDevF1: fig("dev"), newsTestF1: fig("test"), newsF1: fig("all") } : {};
  const written = Object.fromEntries(OWN_SETS.flatMap((o) => [[`${o.key}DevF1`, fig(`${o.key}Dev`)], [`${o.key}TestF1`, fig(`${o.key}Test`)]]));
  console.log(JSON.stringify({ ...news, ...written }));
}

try {
  main();
} catch (e) {
  console.error(`bench-ner-news: ${(e as Error).message}`);
  process.exit(1);
}
