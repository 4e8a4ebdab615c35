/**
 * The line-oriented report (Markdown and terminal share it): one function per section, laid out
 * through a small {@link TextFlavor} that says how to write a heading, bold text, citations and
 * article text. Every string that comes from articles goes through `flavor.text` (escaping/sanitising).
 */
import type { Story, StoryEvent, StoryFact, StoryParticipant } from "../story/types.js";
import { asStoryList } from "./input.js";
import {
  buildStoryView,
  describeDiagnostics,
  formatPeriod,
  percent,
  plural,
  quoteBody,
  SINGLE_SOURCE_MAX,
  truncate,
  type Cite,
  type StoryView,
} from "./view.js";

/** Options shared by the text renderers. */
export interface TextReportOptions {
  /** Most items listed per section before "… and N more" (0 = no limit). Default {@link DEFAULT_MAX_ITEMS}. */
  maxItems?: number;
}

/** Default cap on items per section: enough for a real story, short enough to read. */
export const DEFAULT_MAX_ITEMS = 30;
/** Longest quote shown in the ledger, in characters. */
const MAX_QUOTE_CHARS = 320;
/** Longest fact or sentence shown, in characters. */
const MAX_SENTENCE_CHARS = 400;
/** How many of a rewrite's added sentences are quoted, and how long each may be. */
const MAX_ADDITIONS_SHOWN = 3;
const MAX_ADDITION_CHARS = 140;
/** How many aliases and roles are listed per entity. */
const MAX_ALIASES = 6;
const MAX_ROLES = 4;

/** How one output format writes the pieces of the report. */
export interface TextFlavor {
  heading(level: 1 | 2 | 3, text: string): string;
  strong(text: string): string;
  /** De-emphasised text (citations, counts). */
  dim(text: string): string;
  /** Escapes or sanitises a string that comes from the data. */
  text(s: string): string;
  /** Citation markers such as "[1][3]". */
  cites(cites: Cite[]): string;
  /** Separator between stories. */
  rule: string;
}

/** Citation markers "[1][3]" ("[?]" for an article id missing from the article list); empty for none. */
export function citeMarkers(cites: Cite[]): string {
  return cites.map((c) => `[${c.n ?? "?"}]`).join("");
}

/** Renders one or more stories as lines of text in the given flavor. */
export function renderText(stories: Story[] | Story, flavor: TextFlavor, opts: TextReportOptions = {}): string {
  const list = asStoryList(stories);
  if (list.length === 0) return "No stories.\n";
  const max = opts.maxItems ?? DEFAULT_MAX_ITEMS;
  return list.map((s) => renderStory(buildStoryView(s), flavor, max).join("\n")).join(`\n\n${flavor.rule}\n\n`) + "\n";
}

function renderStory(v: StoryView, f: TextFlavor, max: number): string[] {
  const sections = [header(v, f), summary(v, f, max), timeline(v, f, max), events(v, f, max), quotes(v, f, max), sureness(v, f, max), entities(v, f, max), articles(v, f, max)];
  return sections.filter((s) => s.length > 0).flatMap((s, i) => (i === 0 ? s : ["", ...s]));
}

/** Caps a list, returning the kept items and a trailing "… and N more" line when items were left out. */
function capped<T>(items: readonly T[], max: number, f: TextFlavor, indent = ""): { items: readonly T[]; more: string[] } {
  if (max <= 0 || items.length <= max) return { items, more: [] };
  return { items: items.slice(0, max), more: [`${indent}- ${f.dim(`… and ${items.length - max} more`)}`] };
}

function withCites(text: string, cites: Cite[], f: TextFlavor): string {
  const marks = f.cites(cites);
  return marks ? `${text} ${marks}` : text;
}

function header(v: StoryView, f: TextFlavor): string[] {
  const s = v.story;
  const headline = s.headline?.text?.trim() || "(no headline)";
  const period = formatPeriod(s.period) ?? "dates unknown";
  const n = s.coverage?.articles ?? v.articles.length;
  const sources = s.independentSources ?? n;
  const line = `${period} · ${plural(n, "article")} from ${plural(sources, "independent source")}${s.coverage ? " (in the articles read)" : ""} · story ${s.id}`;
  const out = [f.heading(1, f.text(headline)), "", f.dim(f.text(line))];
  if (s.coverage) out.push(f.dim(f.text(`Report ${s.coverage.note}; \`parallax articles --story ${s.id}\` lists them all.`)));
  return out;
}

function summary(v: StoryView, f: TextFlavor, max: number): string[] {
  const items = v.story.summary ?? [];
  if (items.length === 0) return [];
  const { items: kept, more } = capped(items, max, f);
  return [
    f.heading(2, "The story in short"),
    "",
    ...kept.map((c) => `- ${withCites(f.text(truncate(c.text, MAX_SENTENCE_CHARS)), v.cite(c.cites, c.evidence), f)}`),
    ...more,
  ];
}

function timeline(v: StoryView, f: TextFlavor, max: number): string[] {
  const items = v.story.timeline ?? [];
  if (items.length === 0) return [];
  const { items: kept, more } = capped(items, max, f);
  return [
    f.heading(2, "Timeline"),
    "",
    ...kept.map((t) => `- ${f.strong(f.text(t.date))} — ${withCites(f.text(truncate(t.text, MAX_SENTENCE_CHARS)), v.cite(t.cites, t.evidence), f)}`),
    ...more,
  ];
}

/** "Zhai Jun (China's special envoy)" */
export function participant(p: StoryParticipant): string {
  return p.role ? `${p.name} (${p.role})` : p.name;
}

/** The "single source" / "N independent sources" phrase for an event, quote or fact. */
export function sourcesPhrase(independent: number | undefined): string {
  const n = independent ?? 0;
  return n <= SINGLE_SOURCE_MAX ? "single source" : `${n} independent sources`;
}

/** "meet, CAMEO 043" plus modality and negation when they are not the plain case. */
export function eventKind(e: StoryEvent): string {
  const parts = [`${e.type}, CAMEO ${e.cameo}`];
  if (e.modality && e.modality !== "asserted") parts.push(e.modality);
  if (e.negated) parts.push("negated: did NOT happen");
  return parts.join(", ");
}

function events(v: StoryView, f: TextFlavor, max: number): string[] {
  const items = v.story.events ?? [];
  if (items.length === 0) return [];
  const { items: kept, more } = capped(items, max, f);
  const out = [f.heading(2, "What happened"), ""];
  kept.forEach((e, i) => {
    out.push(`${i + 1}. ${withCites(f.strong(f.text(e.label)), v.cite(e.articleIds, e.evidence), f)}`);
    const when = e.date ? `${e.date}${e.dateBasis ? ` (${e.dateBasis})` : ""}` : "date unknown";
    out.push(`   - When: ${f.text(when)}${e.place ? ` · Where: ${f.text(e.place)}` : ""} · ${f.dim(f.text(eventKind(e)))}`);
    const who: string[] = [];
    if (e.actors?.length) who.push(`${e.actors.length > 1 ? "Actors" : "Actor"}: ${e.actors.map((p) => f.text(participant(p))).join("; ")}`);
    if (e.targets?.length) who.push(`${e.targets.length > 1 ? "Targets" : "Target"}: ${e.targets.map((p) => f.text(participant(p))).join("; ")}`);
    if (who.length) out.push(`   - ${who.join(" · ")}`);
    const single = (e.independentSources ?? 0) <= SINGLE_SOURCE_MAX;
    const sources = `Sources: ${plural(e.independentSources ?? 0, "independent source")} in ${plural(e.articleIds?.length ?? 0, "article")}`;
    out.push(`   - ${sources}${single ? ` — ${f.strong("single source")}` : ""}`);
  });
  return [...out, ...more];
}

function quotes(v: StoryView, f: TextFlavor, max: number): string[] {
  const items = v.story.quotes ?? [];
  if (items.length === 0) return [];
  const { items: kept, more } = capped(items, max, f);
  return [
    f.heading(2, "Who said what"),
    "",
    ...kept.map((q) => {
      const who = f.strong(f.text(q.speaker?.name || "unknown speaker")) + (q.speaker?.role ? ` (${f.text(q.speaker.role)})` : "");
      const said = `“${f.text(truncate(quoteBody(q.text), MAX_QUOTE_CHARS))}”`;
      return `- ${who}: ${said} — ${q.kind} — ${withCites(f.dim(sourcesPhrase(q.independentSources)), v.cite(q.articleIds, q.evidence), f)}`;
    }),
    ...more,
  ];
}

function factLine(v: StoryView, fact: StoryFact, f: TextFlavor, showCount: boolean): string {
  const text = f.text(truncate(fact.text, MAX_SENTENCE_CHARS));
  const count = showCount ? ` — ${f.dim(sourcesPhrase(fact.independentSources))}` : "";
  return `- ${withCites(text + count, v.cite(fact.articleIds, fact.evidence), f)}`;
}

function sureness(v: StoryView, f: TextFlavor, max: number): string[] {
  if (v.corroborated.length + v.singleSource.length + v.contradicted.length === 0) return [];
  const out = [f.heading(2, "How sure we are")];
  if (v.corroborated.length) {
    const { items, more } = capped(v.corroborated, max, f);
    out.push("", f.heading(3, "Corroborated (2+ independent sources)"), "", ...items.map((x) => factLine(v, x, f, true)), ...more);
  }
  if (v.singleSource.length) {
    const { items, more } = capped(v.singleSource, max, f);
    out.push("", f.heading(3, "Single source"), "", ...items.map((x) => factLine(v, x, f, false)), ...more);
  }
  if (v.contradicted.length) {
    const { items, more } = capped(v.contradicted, max, f);
    out.push("", f.heading(3, "Contradictions"), "");
    for (const x of items) {
      out.push(`- ${withCites(`“${f.text(truncate(x.text, MAX_SENTENCE_CHARS))}”`, v.cite(x.articleIds, x.evidence), f)}`);
      for (const c of x.conflicts ?? []) {
        out.push(`  - ${f.strong("vs.")} ${withCites(`“${f.text(truncate(c.text, MAX_SENTENCE_CHARS))}”`, v.cite([], c.evidence), f)}`);
      }
    }
    out.push(...more);
  }
  return out;
}

function entities(v: StoryView, f: TextFlavor, max: number): string[] {
  if (v.entityGroups.length === 0) return [];
  const out = [f.heading(2, "People, organizations and places")];
  for (const g of v.entityGroups) {
    const { items, more } = capped(g.entities, max, f);
    out.push("", f.heading(3, g.heading), "");
    for (const e of items) {
      const parts = [f.strong(f.text(e.name))];
      const roles = (e.roles ?? []).slice(0, MAX_ROLES).map((r) => withCites(f.text(r.text), v.cite([], r.evidence), f));
      if (roles.length) parts.push(roles.join("; "));
      const aliases = (e.aliases ?? []).filter((a) => a !== e.name).slice(0, MAX_ALIASES);
      if (aliases.length) parts.push(`also: ${aliases.map((a) => f.text(a)).join(", ")}`);
      parts.push(f.dim(`${plural(e.mentions ?? 0, "mention")} in ${plural(e.articleCount ?? 0, "article")}`));
      out.push(`- ${parts.join(" — ")}`);
    }
    out.push(...more);
  }
  return out;
}

function articles(v: StoryView, f: TextFlavor, _max: number): string[] {
  if (v.articles.length === 0) return [];
  // Never capped: citation numbers must always resolve.
  const out = [f.heading(2, "Articles"), ""];
  for (const a of v.articles) {
    const art = a.article;
    const bits = [
      art.outlet ? f.strong(f.text(art.outlet)) : f.dim("unknown outlet"),
      art.title ? `“${f.text(art.title)}”` : f.dim("(untitled)"),
      art.published ? f.text(art.published) : art.impliedDate ? f.dim(`undated (about ${f.text(art.impliedDate.date)}: ${f.text(art.impliedDate.basis)})`) : f.dim("undated"),
    ];
    out.push(`- ${f.strong(`[${a.n}]`)} ${bits.join(" — ")}`);
    const where = [art.url, art.path].filter((x): x is string => !!x).map((x) => f.text(x));
    out.push(`  - ${f.dim(`id ${f.text(art.id)}${where.length ? ` · ${where.join(" · ")}` : ""}`)}`);
    for (const r of a.relations) {
      const other = `[${r.other.n ?? "?"}]`;
      if (r.direction === "by") {
        out.push(`  - ${r.kind === "rewrite" ? "rewritten" : "duplicated"} by ${other}`);
        continue;
      }
      const share = r.share === undefined ? "" : r.kind === "rewrite" ? `: ${percent(r.share)} of its sentences aligned` : `: ${percent(r.share)} similar`;
      const reason = r.reason ? ` (${f.text(r.reason)})` : "";
      out.push(`  - ${f.strong(`${r.kind} of ${other}`)}${share}${reason}`);
      if (r.kind === "rewrite" && r.additions.length) {
        const shown = r.additions.slice(0, MAX_ADDITIONS_SHOWN).map((e) => `“${f.text(truncate(e.text, MAX_ADDITION_CHARS))}”`);
        const rest = r.additions.length - shown.length;
        out.push(`  - adds ${plural(r.additions.length, "sentence")}: ${shown.join(" ")}${rest > 0 ? ` ${f.dim(`and ${rest} more`)}` : ""}`);
      }
    }
    const diags = describeDiagnostics(a.diagnosticCounts);
    if (diags !== "none") out.push(`  - ${f.dim(`diagnostics: ${diags}`)}`);
  }
  return out;
}
