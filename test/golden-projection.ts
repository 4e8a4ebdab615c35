/**
 * What the golden files pin for each sample article and for the story: the analyst-visible
 * results (metadata, removed debris, entities with roles, dates, quotes, events), without
 * volatile fields. Regenerate with `npm run golden` and review the diff.
 */
import type { StoryInput } from "../src/story/input.js";
import type { Story } from "../src/story/types.js";

export function projectArticle({ article, ann }: StoryInput): unknown {
  const byId = new Map(ann.entities.map((e) => [e.id, e]));
  return {
    id: article.id,
    meta: article.meta,
    removed: article.diagnostics.filter((d) => d.stage === "clean").map((d) => ({ code: d.code, text: d.text })),
    entities: ann.entities
      .filter((e) => (e.mention ?? "name") === "name")
      .map((e) => ({ text: e.text, type: e.type, start: e.start, ...(e.canonical && e.canonical !== e.text ? { canonical: e.canonical } : {}), ...(e.role ? { role: e.role.text } : {}) })),
    mentions: ann.entities
      .filter((e) => e.mention && e.mention !== "name")
      .map((e) => ({ text: e.text, start: e.start, refersTo: e.refersTo ? byId.get(e.refersTo)?.text : undefined, canonical: e.canonical })),
    timexes: ann.timexes.map((t) => ({ text: t.text, start: t.start, type: t.type, value: t.value, anchor: t.anchor })),
    attributions: ann.attributions.map((a) => ({
      kind: a.kind,
      source: a.source?.text,
      cue: a.cue?.text,
      content: a.content.text,
      speaker: a.speaker?.name,
      ...(a.coSpeakers?.length ? { coSpeakers: a.coSpeakers.map((c) => c.name) } : {}),
    })),
    events: ann.events.map((e) => ({
      type: e.type,
      cameo: e.cameo,
      trigger: e.trigger.text,
      actors: e.actors.map((x) => x.name ?? x.text),
      targets: e.targets.map((x) => x.name ?? x.text),
      place: e.place?.name ?? e.place?.text,
      date: e.date,
      negated: e.negated,
      modality: e.modality,
    })),
  };
}

export function projectStory(s: Story): unknown {
  return {
    headline: s.headline.text,
    period: s.period,
    independentSources: s.independentSources,
    articles: s.articles.map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, rewriteOf: a.rewriteOf, duplicateOf: a.duplicateOf, sourceGroup: a.sourceGroup })),
    entities: s.entities.filter((e) => e.type === "PERSON").map((e) => ({ name: e.name, aliases: e.aliases, roles: e.roles.map((r) => r.text), articles: e.articleCount })),
    // places with their aliases: a capital standing for its government ("Washington was working") joins its country
    places: s.entities.filter((e) => e.type === "LOC").map((e) => ({ name: e.name, aliases: e.aliases, articles: e.articleCount })),
    events: s.events.map((e) => ({ label: e.label, type: e.type, date: e.date, dateBasis: e.dateBasis, sources: e.independentSources, articles: e.articleIds.length })),
    quotes: s.quotes.map((q) => ({ speaker: q.speaker.name, kind: q.kind, text: q.text, sources: q.independentSources })),
    facts: s.facts.map((f) => ({ status: f.status, sources: f.independentSources, text: f.text })),
    summary: s.summary.map((x) => ({ text: x.text, cites: x.cites })),
    timeline: s.timeline.map((t) => ({ date: t.date, text: t.text, cites: t.cites })),
  };
}
