/**
 * Dev script (not imported by the pipeline): runs findAttributions over the PolNeAR scorer's inputs.
 *   node ../shared/bench/score/quotes.mjs inputs ../shared/bench/quotes-polnear-dev > /tmp/q-in.jsonl
 *   npx tsx src/nlp/quotes/bench-polnear.ts /tmp/q-in.jsonl > /tmp/q-pred.jsonl
 *   node ../shared/bench/score/quotes.mjs score ../shared/bench/quotes-polnear-dev /tmp/q-pred.jsonl
 * No entities are given (the NER is separate): sources are scored as spans, speakers are not.
 */
import { readFileSync } from "node:fs";
import { findAttributions } from "./index.js";

const path = process.argv[2];
if (!path) {
  console.error("usage: bench-polnear.ts INPUTS.jsonl > PRED.jsonl");
  process.exit(2);
}
for (const line of readFileSync(path, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const { id, text } = JSON.parse(line) as { id: string; text: string };
  const atts = findAttributions({ id, text, diagnostics: [] });
  const pick = (s?: { start: number; end: number }) => (s ? { start: s.start, end: s.end } : undefined);
  console.log(JSON.stringify({ id, attributions: atts.map((a) => ({ source: pick(a.source), cue: pick(a.cue), content: pick(a.content) })) }));
}
