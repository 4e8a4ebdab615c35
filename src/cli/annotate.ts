/**
 * `parallax annotate [FILE]`: JSON Lines `{id, text, published?}` (or `dct`) in, one line per
 * input out with entities, timexes, attributions and events (the benchmark interface).
 */
import type { Doc } from "../model.js";
import { annotate } from "../nlp/annotate.js";
import { readJsonLines, str, writeLine } from "./jsonl.js";
import { progress, type Verbosity } from "./progress.js";

const DATE_PREFIX = /^\d{4}-\d\d-\d\d/;

export async function annotateCommand(file: string | undefined, verbosity: Verbosity): Promise<number> {
  const p = progress("annotate", verbosity);
  let bad = 0;
  for await (const item of readJsonLines(file)) {
    if ("error" in item) {
      bad++;
      process.stderr.write(`annotate: skipped ${item.error}\n`);
      await writeLine({ id: null, line: item.line, error: item.error });
      continue;
    }
    const v = item.value;
    const id = str(v.id) ?? `line-${item.line}`;
    const text = str(v.text);
    if (text === undefined) {
      bad++;
      await writeLine({ id, line: item.line, error: `line ${item.line} has no "text" string` });
      continue;
    }
    const published = str(v.published) ?? str(v.dct);
    const doc: Doc = { id, text, published: published && DATE_PREFIX.test(published) ? published.slice(0, 10) : undefined, diagnostics: [] };
    const ann = annotate(doc);
    await writeLine({
      id,
      entities: ann.entities
        .filter((e) => (e.mention ?? "name") === "name")
        .map((e) => ({ start: e.start, end: e.end, type: e.type, text: e.text, ...(e.canonical && e.canonical !== e.text ? { canonical: e.canonical } : {}), ...(e.role ? { role: e.role } : {}) })),
      mentions: ann.entities
        .filter((e) => e.mention && e.mention !== "name")
        .map((e) => ({ start: e.start, end: e.end, text: e.text, mention: e.mention, refersTo: e.canonical })),
      timexes: ann.timexes.map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value, text: t.text, ...(t.anchor ? { anchor: t.anchor } : {}) })),
      attributions: ann.attributions.map((a) => ({
        kind: a.kind,
        ...(a.source ? { source: { start: a.source.start, end: a.source.end } } : {}),
        ...(a.cue ? { cue: { start: a.cue.start, end: a.cue.end } } : {}),
        content: { start: a.content.start, end: a.content.end },
        ...(a.speaker ? { speaker: a.speaker.name } : {}),
        ...(a.coSpeakers?.length ? { coSpeakers: a.coSpeakers.map((c) => c.name) } : {}),
      })),
      events: ann.events.map((e) => ({
        type: e.type,
        cameo: e.cameo,
        trigger: { start: e.trigger.start, end: e.trigger.end, text: e.trigger.text },
        actors: e.actors.map((a) => a.name ?? a.text),
        targets: e.targets.map((a) => a.name ?? a.text),
        ...(e.place ? { place: e.place.name ?? e.place.text } : {}),
        ...(e.date ? { date: e.date } : {}),
        negated: e.negated,
        modality: e.modality,
        sentence: { start: e.sentence.start, end: e.sentence.end },
      })),
      ...(doc.diagnostics.length ? { diagnostics: doc.diagnostics } : {}),
    });
    p.tick();
  }
  p.done();
  return bad > 0 ? 1 : 0;
}
