/**
 * The language layer as a pipeline of named stages over a {@link Doc}:
 * tokens and sentences, dates, entities, roles, coreference, quotes, events.
 *
 * Each stage declares what it needs and what it produces; the order is checked once
 * at load time. Optional stages that fail leave a diagnostic and the article goes on.
 */
import type { Annotations, Doc, Entity } from "../model.js";
import { checkOrder, runPipeline, type Stage } from "../pipeline.js";
import { tokenize } from "./tokenize.js";
import { findTimexes } from "./timex/index.js";
import { recognizeEntities } from "./ner/index.js";
import { releaseTaggerCaches } from "./ner/fasttag.js";
import { releaseWordFeatureCaches } from "./ner/features.js";
import { attachRoles } from "./roles/index.js";
import { dropTitleEntities } from "./roles/title-entities.js";
import { resolveCoreference } from "./coref/index.js";
import { findAttributions } from "./quotes/index.js";
import { findEvents } from "./events/index.js";

/** Bumped whenever a stage's output changes, so stored annotations can be recomputed. */
export const ANNOTATOR_VERSION = "4";

const tokenizeStage: Stage<Doc> = {
  name: "nlp/tokenize",
  requires: ["text"],
  produces: ["sentences", "tokens"],
  run(doc) {
    const r = tokenize(doc.text);
    doc.sentences = r.sentences;
    doc.tokens = r.tokens;
  },
};

const timexStage: Stage<Doc> = {
  name: "nlp/timex",
  requires: ["sentences"],
  produces: ["timexes"],
  optional: true,
  run(doc) {
    doc.timexes = findTimexes(doc.text, { published: doc.published, sentences: doc.sentences });
  },
};

const entityStage: Stage<Doc> = {
  name: "nlp/entities",
  requires: ["tokens", "sentences"],
  produces: ["entities"],
  optional: true,
  run(doc) {
    doc.entities = recognizeEntities({ text: doc.text, tokens: doc.tokens!, sentences: doc.sentences! });
  },
};

const roleStage: Stage<Doc> = {
  name: "nlp/roles",
  requires: ["entities"],
  produces: ["roles"],
  optional: true,
  run(doc) {
    attachRoles(doc);
    doc.entities = dropTitleEntities(doc.entities ?? []);
  },
};

const corefStage: Stage<Doc> = {
  name: "nlp/coref",
  requires: ["entities", "roles"],
  produces: ["mentions"],
  optional: true,
  run(doc) {
    const mentions = resolveCoreference(doc);
    doc.entities = mergeMentions(doc.entities ?? [], mentions);
  },
};

const quoteStage: Stage<Doc> = {
  name: "nlp/quotes",
  requires: ["entities", "mentions"],
  produces: ["attributions"],
  optional: true,
  run(doc) {
    doc.attributions = findAttributions(doc);
  },
};

const eventStage: Stage<Doc> = {
  name: "nlp/events",
  requires: ["entities", "mentions", "timexes"],
  produces: ["events"],
  optional: true,
  run(doc) {
    doc.events = findEvents(doc);
  },
};

/** The default language pipeline, in order. */
export const NLP_STAGES: readonly Stage<Doc>[] = [
  tokenizeStage,
  timexStage,
  entityStage,
  roleStage,
  corefStage,
  quoteStage,
  eventStage,
];
checkOrder(NLP_STAGES, ["text"]);

/**
 * Drops the language layer's word caches (the entity tagger's per-word features and scores). They
 * are bounded, but a long ingest fills them and they would stay for the life of the process: a
 * command that goes on to link calls this first. Annotation afterwards refills them as needed.
 */
export function releaseAnnotationCaches(): void {
  releaseTaggerCaches();
  releaseWordFeatureCaches();
}

/**
 * Runs the language layer over one document and returns every layer (empty where a stage failed;
 * the failure is recorded in `doc.diagnostics`).
 */
export function annotate(doc: Doc, stages: readonly Stage<Doc>[] = NLP_STAGES): Annotations {
  const failures = runPipeline(stages, doc);
  for (const f of failures) {
    doc.diagnostics.push({
      code: `${f.stage}/failed`,
      severity: "warning",
      stage: f.stage,
      message: `The ${f.stage} stage failed on this article and was skipped: ${f.message}`,
    });
  }
  return {
    sentences: doc.sentences ?? [],
    tokens: doc.tokens ?? [],
    entities: doc.entities ?? [],
    timexes: doc.timexes ?? [],
    attributions: doc.attributions ?? [],
    events: doc.events ?? [],
  };
}

/** Adds coreference mentions to the entity list, in text order, without duplicating a name mention. */
function mergeMentions(entities: Entity[], mentions: Entity[]): Entity[] {
  const seen = new Set(entities.map((e) => `${e.start}:${e.end}`));
  const out = entities.slice();
  for (const m of mentions) {
    if (seen.has(`${m.start}:${m.end}`)) continue;
    seen.add(`${m.start}:${m.end}`);
    out.push(m);
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
