/**
 * Dev script (not imported by the pipeline): error analysis of findAttributions on PolNeAR, per half of the documents.
 *   npx tsx src/nlp/quotes/error-analysis.ts [../shared/bench/quotes-polnear-dev] [--examples BUCKET] [--scores-only] [--no-lexicon]
 * Prints exact/overlap F1 per half (half = FNV-1a hash of the doc id, as scripts/train-quotes.ts), then, per role, the
 * boundary errors (a gold span with an overlapping but not identical prediction) bucketed by what differs at each
 * edge, then the missed gold cues (no overlapping predicted cue) and the spurious predicted cues, by cue word.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { findAttributions } from "./index.js";

interface Span { start: number; end: number }
interface GoldAttribution { source?: Span; cue?: Span; content?: Span }
interface GoldDoc { id: string; text: string; attributions: GoldAttribution[] }
interface PRF { f1: number }
interface Scores { exact: Record<Role, PRF>; overlap: Record<Role, PRF>; attribution: PRF }
type Role = "source" | "cue" | "content";
const ROLES: Role[] = ["source", "cue", "content"];

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith("--") && !args[args.indexOf(a) - 1]?.startsWith("--")) ?? "../shared/bench/quotes-polnear-dev");
const examplesOf = args.includes("--examples") ? args[args.indexOf("--examples") + 1] : undefined;
const scorer = (await import(pathToFileURL(resolve(dir, "../score/quotes.mjs")).href)) as {
  loadGold(d: string): GoldDoc[];
  score(g: GoldDoc[], p: Map<string, GoldAttribution[]>): Scores;
};

/** FNV-1a hash of the document id: the half of a document. */
function half(id: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193) >>> 0;
  return h % 2;
}

const gold = scorer.loadGold(dir);
const pred = new Map<string, GoldAttribution[]>();
for (const g of gold) {
  // --no-lexicon: the rules without the learned cue lexicon (which is fitted on these very documents).
  const atts = findAttributions({ id: g.id, text: g.text, diagnostics: [] }, args.includes("--no-lexicon") ? { cueLexicon: null } : {});
  const pick = (s?: Span) => (s ? { start: s.start, end: s.end } : undefined);
  pred.set(g.id, atts.map((a) => ({ source: pick(a.source), cue: pick(a.cue), content: pick(a.content) })));
}

const fmt = (s: Scores) =>
  `exact ${ROLES.map((r) => s.exact[r].f1.toFixed(3)).join("/")} | overlap ${ROLES.map((r) => s.overlap[r].f1.toFixed(3)).join("/")} | att ${s.attribution.f1.toFixed(3)}`;
for (const h of [0, 1]) {
  const gs = gold.filter((g) => half(g.id) === h);
  console.log(`half ${h} (${gs.length} docs) ${fmt(scorer.score(gs, pred))}`);
}
console.log(`all    (${gold.length} docs) ${fmt(scorer.score(gold, pred))}`);
if (args.includes("--scores-only")) process.exit(0);

/** Buckets the text that one edge of a predicted span has in excess ("+") or lacks ("-") against the gold span. */
function edgeBucket(role: Role, side: "start" | "end", diff: string): string {
  const d = diff.trim().toLowerCase();
  if (!d) return "space";
  if (/^[.,;:!?]+$/.test(d)) return `punct ${d}`;
  if (/^[.,;:!?]*["“”'’]+[.,;:!?]*$/.test(d)) return "quote mark";
  if (/^[.,;:!?"“”'’\s]*(—|―|–|--)/.test(d) || /(—|―|–|--)[.,;:!?"“”'’\s]*$/.test(d)) return "dash aside";
  if (role === "content" && side === "start" && /^(that|whether|if|to)$/.test(d)) return `opener ${d}`;
  if (/^(the|a|an)$/.test(d)) return "determiner";
  if (role === "cue" && /^(has|have|had|will|would|could|can|is|are|was|were|did|does|do|also|not|n't|never)(\s|$)/.test(d)) return "aux/adverb";
  if (role === "cue" && /^(to|that|for|on|out|about|of|in|with|at)$/.test(d)) return `particle ${d}`;
  if (/[.!?]["”’]?\s+["“]?[A-Z]/.test(diff)) return "crosses sentence";
  if (/^[,]/.test(d) || /,$/.test(d)) return "comma phrase";
  const n = d.split(/\s+/).length;
  return n <= 2 ? `words: ${d}` : `long (${n <= 5 ? "3-5" : "6+"} words)`;
}

const buckets = new Map<string, { n: number; ex: string[] }>();
const add = (key: string, ex: string) => {
  const b = buckets.get(key) ?? { n: 0, ex: [] };
  b.n++;
  if (b.ex.length < 40) b.ex.push(ex);
  buckets.set(key, b);
};
const missed = new Map<string, number>();
const spurious = new Map<string, number>();
const missedEx = new Map<string, string[]>();
const ov = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
const uniq = (xs: (Span | undefined)[]) => [...new Map(xs.filter((s): s is Span => !!s).map((s) => [`${s.start}:${s.end}`, s])).values()];

for (const g of gold) {
  const ps = pred.get(g.id) ?? [];
  for (const role of ROLES) {
    const G = uniq(g.attributions.map((a) => a[role]));
    const P = uniq(ps.map((a) => a[role]));
    for (const gs of G) {
      if (P.some((p) => same(p, gs))) continue;
      const cands = P.filter((p) => ov(p, gs));
      if (!cands.length) {
        if (role === "cue") {
          const key = g.text.slice(gs.start, gs.end).toLowerCase().replace(/\s+/g, " ");
          missed.set(key, (missed.get(key) ?? 0) + 1);
          const ctx = g.text.slice(Math.max(0, gs.start - 80), gs.end + 80).replace(/\s+/g, " ");
          missedEx.set(key, [...(missedEx.get(key) ?? []), ctx].slice(0, 6));
        }
        continue;
      }
      const size = (p: Span) => Math.min(p.end, gs.end) - Math.max(p.start, gs.start);
      const p = cands.sort((x, y) => size(y) - size(x))[0];
      const ctx = `${g.id.slice(0, 30)} GOLD[${g.text.slice(gs.start, gs.end)}] PRED[${g.text.slice(p.start, p.end)}]`.replace(/\s+/g, " ");
      if (p.start !== gs.start) {
        const extra = p.start < gs.start;
        add(`${role} start ${extra ? "+" : "-"} ${edgeBucket(role, "start", g.text.slice(Math.min(p.start, gs.start), Math.max(p.start, gs.start)))}`, ctx);
      }
      if (p.end !== gs.end) {
        const extra = p.end > gs.end;
        add(`${role} end ${extra ? "+" : "-"} ${edgeBucket(role, "end", g.text.slice(Math.min(p.end, gs.end), Math.max(p.end, gs.end)))}`, ctx);
      }
    }
    if (role === "cue") {
      for (const p of P) {
        if (G.some((x) => ov(x, p))) continue;
        const key = g.text.slice(p.start, p.end).toLowerCase().replace(/\s+/g, " ");
        spurious.set(key, (spurious.get(key) ?? 0) + 1);
      }
    }
  }
}

if (examplesOf) {
  for (const [k, b] of buckets) if (k.startsWith(examplesOf)) for (const e of b.ex) console.log(`${k}\t${e.slice(0, 600)}`);
  for (const [k, ex] of missedEx) if (`missed ${k}`.startsWith(examplesOf)) for (const e of ex) console.log(`missed ${k}\t${e}`);
  process.exit(0);
}
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v} ${k}`).join(" | ");
for (const role of ROLES) {
  console.log(`\n== ${role} boundary errors`);
  const rows = [...buckets].filter(([k]) => k.startsWith(role)).sort((a, b) => b[1].n - a[1].n);
  for (const [k, b] of rows.slice(0, 30)) console.log(`${String(b.n).padStart(4)} ${k}`);
}
console.log(`\n== missed gold cues (${[...missed.values()].reduce((a, b) => a + b, 0)}): ${top(missed, 80)}`);
console.log(`\n== spurious predicted cues (${[...spurious.values()].reduce((a, b) => a + b, 0)}): ${top(spurious, 50)}`);
