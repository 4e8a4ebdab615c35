/**
 * Regression run of the event extractor on the PETRARCH2 unit-test records
 * (../shared/bench/events-petrarch2/PETR.UnitTest.records.xml): sentences about fictional
 * countries (Arnor, Gondor...) with expected CAMEO codings.
 *
 * Each record's text is tokenized; actors come from the suite's own actor dictionary
 * (PETR.Validate.actors.txt) matched over the tokens, plus any other capitalised run of proper
 * nouns; findEvents codes the sentence. Reported: the share of expected codings whose CAMEO root
 * (first two digits) we produce for that record, the exact-code share, both also restricted to
 * the roots the extractor covers, and how often we code records that expect no event.
 *
 * Caveat: the suite's verb dictionary is largely WEIS-derived and stylised (e.g. "welcomed" is
 * coded 041 there), so it is a regression suite, not an accuracy benchmark.
 *
 * Usage: npx tsx scripts/bench-events.ts [DIR] [--verbose]   (prints one line of JSON)
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { Doc, Entity, EventArg, Token } from "../src/model.js";
import { findEvents } from "../src/nlp/events/index.js";
import { tokenize } from "../src/nlp/tokenize.js";

/** CAMEO roots the extractor codes (statement, appeal, intent, consult, cooperate, aid, disapprove, reject, reduce relations, coerce, violence). */
const COVERED_ROOTS = new Set(["01", "02", "03", "04", "05", "07", "11", "12", "16", "17", "18", "19"]);
/** CAMEO roots are 01-20; the suite also uses test codes outside CAMEO (e.g. 222, 911) for pattern features. */
const CAMEO_ROOT = /^(0[1-9]|1\d|20)$/;
/** Longest actor name (in words) looked up in the dictionary. */
const MAX_ACTOR_WORDS = 6;

interface Coding {
  eventcode?: string;
  sourcecode?: string;
  targetcode?: string;
  noevents?: string;
  error?: string;
}

interface Record {
  id: string;
  text: string;
  codings: Coding[];
}

/** Actor dictionary entries: lower-cased word sequences; `prefix` when the last word may be a prefix ("ARGENTIN"); the actor code ("ARN"). */
interface ActorName {
  words: string[];
  prefix: boolean;
  code?: string;
}

function loadActors(path: string): ActorName[] {
  const out: ActorName[] = [];
  const text = readFileSync(path, "utf8").replace(/<!--[\s\S]*?-->/g, "");
  // "+NAME" lines are synonyms of the entry before them and share its code
  let lastCode: string | undefined;
  for (let line of text.split("\n")) {
    line = line.replace(/#.*$/, "").trim();
    if (!line || line.startsWith("<") || line.startsWith("[")) continue;
    const synonym = line.startsWith("+");
    const code = /\[([A-Za-z]{3}[A-Za-z]*)/.exec(line)?.[1]?.toUpperCase();
    if (!synonym) lastCode = code;
    const name = line.replace(/^\+/, "").replace(/\[.*$/, "").trim();
    if (!name || /^[\d\-]/.test(name)) continue;
    const exact = name.endsWith("_");
    const words = name.replace(/_+$/, "").split(/[_\s]+/).filter(Boolean).map((w) => w.toLowerCase());
    if (words.length > 0) out.push({ words, prefix: !exact, code: synonym ? lastCode : code });
  }
  return out;
}

function loadRecords(path: string): Record[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => name === "Sentence" || name === "EventCoding" });
  const xml = parser.parse(readFileSync(path, "utf8"));
  const sentences: any[] = xml?.Validation?.Sentences?.Sentence ?? xml?.Sentences?.Sentence ?? [];
  return sentences
    .filter((s) => typeof s.Text === "string")
    .map((s) => ({ id: String(s.id), text: String(s.Text).replace(/\s+/g, " ").trim().replace(/&amp;/g, "&"), codings: (s.EventCoding ?? []) as Coding[] }));
}

/** Actor entities: dictionary names (longest first), then other capitalised proper-noun runs. */
function actorEntities(text: string, tokens: Token[], actors: ActorName[], codes?: Map<string, string>): Entity[] {
  const out: Entity[] = [];
  const used = new Set<number>();
  const add = (a: number, b: number, code?: string) => {
    const start = tokens[a].start;
    const end = tokens[b].end;
    const id = `e${out.length + 1}`;
    out.push({ id, start, end, text: text.slice(start, end), type: "LOC", mention: "name" });
    if (code) codes?.set(id, code);
    for (let k = a; k <= b; k++) used.add(k);
  };
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    let best = -1;
    let bestCode: string | undefined;
    for (const a of actors) {
      const n = a.words.length;
      if (n > MAX_ACTOR_WORDS || i + n > tokens.length || n - 1 <= best - i) continue;
      let ok = true;
      for (let w = 0; w < n && ok; w++) {
        const tok = tokens[i + w].norm;
        const last = w === n - 1;
        ok = last && a.prefix ? tok.startsWith(a.words[w]) : tok === a.words[w];
      }
      if (ok && /^\p{Lu}/u.test(tokens[i].text)) {
        best = i + n - 1;
        bestCode = a.code;
      }
    }
    if (best >= 0) {
      add(i, best, bestCode);
      i = best;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || tokens[i].pos !== "PROPN" || !/^\p{Lu}/u.test(tokens[i].text)) continue;
    let j = i;
    while (j + 1 < tokens.length && !used.has(j + 1) && tokens[j + 1].pos === "PROPN" && /^\p{Lu}/u.test(tokens[j + 1].text)) j++;
    add(i, j);
    i = j;
  }
  return out.sort((a, b) => a.start - b.start);
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const dir = resolve(args.find((a) => !a.startsWith("--")) ?? "../shared/bench/events-petrarch2");
  const actors = loadActors(join(dir, "PETR.Validate.actors.txt"));
  const records = loadRecords(join(dir, "PETR.UnitTest.records.xml"));

  let codings = 0;
  let rootHits = 0;
  let exactHits = 0;
  let coveredCodings = 0;
  let coveredRootHits = 0;
  let coveredExactHits = 0;
  let recordsWithCodes = 0;
  let recordsRootHit = 0;
  let noEventRecords = 0;
  let noEventCoded = 0;
  let predicted = 0;
  let cameoCodings = 0;
  let sourceRootHits = 0;
  const started = performance.now();
  for (const r of records) {
    const { sentences, tokens } = tokenize(r.text);
    const entityCodes = new Map<string, string>();
    const entities = actorEntities(r.text, tokens, actors, entityCodes);
    const doc: Doc = { id: r.id, text: r.text, sentences, tokens, entities, timexes: [], diagnostics: [] };
    const events = findEvents(doc).filter((e) => !e.negated);
    predicted += events.length;
    const codes = new Set(events.map((e) => e.cameo));
    const roots = new Set(events.map((e) => e.cameo.slice(0, 2)));
    // root + source country: "<root>:<first three letters of an actor's dictionary code>"
    const sourced = new Set(events.flatMap((e) => e.actors.flatMap((a) => argCodes(a, entities, entityCodes)).map((c) => `${e.cameo.slice(0, 2)}:${c.slice(0, 3)}`)));
    const withCodes = r.codings.filter((c) => typeof c.eventcode === "string" && /^\d+$/.test(c.eventcode));
    const expected = withCodes.map((c) => c.eventcode as string);
    if (r.codings.some((c) => c.noevents)) {
      noEventRecords++;
      if (events.length > 0) noEventCoded++;
    }
    if (expected.length === 0) continue;
    recordsWithCodes++;
    let anyRoot = false;
    for (const coding of withCodes) {
      const code = coding.eventcode as string;
      codings++;
      const root = code.slice(0, 2);
      const rootHit = roots.has(root);
      const exactHit = codes.has(code);
      if (rootHit) rootHits++;
      if (exactHit) exactHits++;
      anyRoot ||= rootHit;
      if (CAMEO_ROOT.test(root)) cameoCodings++;
      if (coding.sourcecode && sourced.has(`${root}:${coding.sourcecode.slice(0, 3).toUpperCase()}`)) sourceRootHits++;
      if (COVERED_ROOTS.has(root)) {
        coveredCodings++;
        if (rootHit) coveredRootHits++;
        if (exactHit) coveredExactHits++;
      }
    }
    if (anyRoot) recordsRootHit++;
    if (verbose) console.error(`${r.id}\texpected ${expected.join(",")}\tgot ${[...codes].join(",") || "-"}\t${r.text.slice(0, 100)}`);
  }
  const share = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
  console.log(
    JSON.stringify({
      bench: "events-petrarch2",
      records: records.length,
      recordsWithCodes,
      codings,
      rootShare: share(rootHits, codings),
      exactShare: share(exactHits, codings),
      recordRootShare: share(recordsRootHit, recordsWithCodes),
      sourceRootShare: share(sourceRootHits, codings),
      cameoCodings,
      cameoRootShare: share(rootHits, cameoCodings),
      coveredCodings,
      coveredRootShare: share(coveredRootHits, coveredCodings),
      coveredExactShare: share(coveredExactHits, coveredCodings),
      noEventRecords,
      noEventRecordsCoded: noEventCoded,
      eventsPredicted: predicted,
      ...gigaword(dir, actors, verbose),
      ms: Math.round(performance.now() - started),
    }),
  );
}

/** Dictionary codes of the actor entities inside an event argument's span. */
function argCodes(a: EventArg, entities: readonly Entity[], codes: ReadonlyMap<string, string>): string[] {
  return entities.filter((e) => e.start >= a.start && e.end <= a.end && codes.has(e.id)).map((e) => codes.get(e.id)!);
}

/**
 * The 76 real AFP sentences of GigaWord.sample.PETR.xml carry no expected codings: report how many
 * events we code (and, with --verbose, list them for reading by hand).
 */
function gigaword(dir: string, actors: ActorName[], verbose: boolean): { gigawordSentences?: number; gigawordEvents?: number; gigawordSentencesCoded?: number } {
  const path = join(dir, "GigaWord.sample.PETR.xml");
  if (!existsSync(path)) return {};
  const records = loadRecords(path);
  let events = 0;
  let coded = 0;
  for (const r of records) {
    const { sentences, tokens } = tokenize(r.text);
    const doc: Doc = { id: r.id, text: r.text, sentences, tokens, entities: actorEntities(r.text, tokens, actors), timexes: [], diagnostics: [] };
    const found = findEvents(doc).filter((e) => !e.negated);
    events += found.length;
    if (found.length > 0) coded++;
    if (!verbose) continue;
    for (const e of found) {
      const who = (xs: EventArg[]) => xs.map((x) => x.name ?? x.text).join("; ") || "-";
      console.error(`GIGA ${r.id}\t${e.cameo} ${e.type} "${e.trigger.text}"\t${who(e.actors)} -> ${who(e.targets)}\t${e.modality}\t${r.text.slice(0, 160)}`);
    }
  }
  return { gigawordSentences: records.length, gigawordSentencesCoded: coded, gigawordEvents: events };
}

main();
