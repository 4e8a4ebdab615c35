/**
 * The story report as ONE self-contained HTML page: inline CSS, no scripts, no external resources.
 * Every citation links to the numbered article list and shows its evidence on hover (title attribute)
 * and on expand (<details>). Article strings are hostile: everything from the data is HTML-escaped,
 * only absolute http(s) URLs become links (rel="noopener noreferrer"), and a Content-Security-Policy
 * meta allows nothing but the page's own stylesheet (by hash).
 */
import { createHash } from "node:crypto";
import type { Evidence } from "../model.js";
import type { Story, StoryFact } from "../story/types.js";
import { asStoryList } from "./input.js";
import { escapeHtml as h, safeHttpUrl } from "./sanitize.js";
import { eventKind, participant, sourcesPhrase } from "./text.js";
import {
  buildStoryView,
  describeDiagnostics,
  formatPeriod,
  percent,
  plural,
  quoteBody,
  SINGLE_SOURCE_MAX,
  type Cite,
  type StoryView,
} from "./view.js";

/** Options for {@link renderHtml}. */
export interface HtmlOptions {
  /** The page title; default: the headline of the only story, or "Parallax: N stories". */
  title?: string;
}

/** Most evidence spans listed under one item (the rest are counted). */
const MAX_EVIDENCE_SHOWN = 8;
/** Longest evidence text put in a hover tooltip, in characters. */
const MAX_TOOLTIP_CHARS = 300;

/** The page's only stylesheet; its hash is the only style the CSP allows. No data is ever put here. */
const CSS = `
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fdfdfb;--muted:#666;--line:#ddd;--accent:#0b5cad;--warn:#a33}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#161616;--muted:#9a9a9a;--line:#333;--accent:#6fb0ff;--warn:#ff8a80}}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0}
main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.6rem;line-height:1.25;margin:1.5rem 0 .25rem}
h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
.meta,.muted,small{color:var(--muted)}
a{color:var(--accent)}
a.cite{text-decoration:none;font-size:.8em;vertical-align:super;margin-left:.1em}
a.cite:hover,a.cite:focus{text-decoration:underline}
ul,ol{padding-left:1.4rem}
li{margin:.3rem 0}
.badge{display:inline-block;font-size:.75em;border:1px solid currentColor;border-radius:.6em;padding:0 .45em;margin-left:.3em;color:var(--muted)}
.badge.single{color:var(--warn)}
details.ev{margin:.15rem 0 .4rem;font-size:.9em}
details.ev summary{cursor:pointer;color:var(--muted)}
details.ev q{font-style:italic}
.vs{margin-left:1rem;border-left:3px solid var(--warn);padding-left:.6rem}
ol.articles>li:target{background:color-mix(in srgb,var(--accent) 12%,transparent)}
nav ol{columns:2}
`;

/** The stylesheet's CSP hash source, e.g. 'sha256-…'. */
const CSS_HASH = `'sha256-${createHash("sha256").update(CSS, "utf8").digest("base64")}'`;

/** Nothing loads, runs, frames or submits; only the inline stylesheet above applies. */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${CSS_HASH}; base-uri 'none'; form-action 'none'`;

/** Anchor id of story `s` (1-based) and of article `n` within it. */
function storyAnchor(s: number): string {
  return `s${s}`;
}
function articleAnchor(s: number, n: number): string {
  return `s${s}-a${n}`;
}

/** One line of tooltip text for an evidence span. */
function evidenceLine(e: Evidence): string {
  const where = `${e.field === "title" ? "title" : "text"} ${e.start}–${e.end}`;
  const text = e.text.length > MAX_TOOLTIP_CHARS ? `${e.text.slice(0, MAX_TOOLTIP_CHARS)}…` : e.text;
  return `“${text}” (${where})`;
}

/** Citation links "[1][3]", each with its evidence as a tooltip. */
function cites(cs: Cite[], s: number): string {
  return cs
    .map((c) => {
      if (c.n === null) return `<span class="cite muted" title="${h(`article ${c.articleId} is not in this story's article list`)}">[?]</span>`;
      const tip = c.evidence.length ? c.evidence.map(evidenceLine).join("\n") : `article ${c.n}`;
      return `<a class="cite" href="#${articleAnchor(s, c.n)}" title="${h(tip)}">[${c.n}]</a>`;
    })
    .join("");
}

/** An expandable list of the evidence spans behind an item (nothing if there is none). */
function evidenceBlock(cs: Cite[], s: number): string {
  const spans = cs.flatMap((c) => c.evidence.map((e) => ({ c, e })));
  if (spans.length === 0) return "";
  const shown = spans.slice(0, MAX_EVIDENCE_SHOWN);
  const items = shown.map(({ c, e }) => {
    const ref = c.n === null ? "[?]" : `<a href="#${articleAnchor(s, c.n)}">[${c.n}]</a>`;
    return `<li>${ref} <q>${h(e.text)}</q> <small>${h(e.field === "title" ? "title" : "text")} ${h(e.start)}–${h(e.end)}</small></li>`;
  });
  const rest = spans.length - shown.length;
  if (rest > 0) items.push(`<li class="muted">… and ${rest} more</li>`);
  return `<details class="ev"><summary>evidence (${spans.length})</summary><ul>${items.join("")}</ul></details>`;
}

/** Text + citations + expandable evidence. */
function cited(textHtml: string, cs: Cite[], s: number): string {
  return `${textHtml}${cites(cs, s)}${evidenceBlock(cs, s)}`;
}

function badge(independent: number | undefined): string {
  const single = (independent ?? 0) <= SINGLE_SOURCE_MAX;
  return `<span class="badge${single ? " single" : ""}">${h(sourcesPhrase(independent))}</span>`;
}

function section(title: string, body: string): string {
  return body ? `<section><h2>${h(title)}</h2>${body}</section>` : "";
}

function list(items: string[], tag: "ul" | "ol" = "ul", cls?: string): string {
  return items.length ? `<${tag}${cls ? ` class="${cls}"` : ""}>${items.map((i) => (i.startsWith("<li") ? i : `<li>${i}</li>`)).join("")}</${tag}>` : "";
}

function renderHeader(v: StoryView): string {
  const st = v.story;
  const period = formatPeriod(st.period) ?? "dates unknown";
  const n = st.coverage?.articles ?? v.articles.length;
  const meta = `${period} · ${plural(n, "article")} from ${plural(st.independentSources ?? n, "independent source")}${st.coverage ? " (in the articles read)" : ""} · story ${st.id}`;
  const note = st.coverage ? `<p class="meta">${h(`Report ${st.coverage.note}.`)}</p>` : "";
  return `<h1>${h(st.headline?.text?.trim() || "(no headline)")}</h1><p class="meta">${h(meta)}</p>${note}`;
}

function renderSummary(v: StoryView, s: number): string {
  return list((v.story.summary ?? []).map((c) => cited(h(c.text), v.cite(c.cites, c.evidence), s)));
}

function renderTimeline(v: StoryView, s: number): string {
  return list((v.story.timeline ?? []).map((t) => cited(`<strong>${h(t.date)}</strong> — ${h(t.text)}`, v.cite(t.cites, t.evidence), s)));
}

function renderEvents(v: StoryView, s: number): string {
  const items = (v.story.events ?? []).map((e) => {
    const when = e.date ? `${e.date}${e.dateBasis ? ` (${e.dateBasis})` : ""}` : "date unknown";
    const details = [`When: ${h(when)}`];
    if (e.place) details.push(`Where: ${h(e.place)}`);
    if (e.actors?.length) details.push(`${e.actors.length > 1 ? "Actors" : "Actor"}: ${e.actors.map((p) => h(participant(p))).join("; ")}`);
    if (e.targets?.length) details.push(`${e.targets.length > 1 ? "Targets" : "Target"}: ${e.targets.map((p) => h(participant(p))).join("; ")}`);
    details.push(`<span class="muted">${h(eventKind(e))} · ${h(plural(e.articleIds?.length ?? 0, "article"))}</span>`);
    const head = `<strong>${h(e.label)}</strong>${badge(e.independentSources)}${cites(v.cite(e.articleIds, e.evidence), s)}`;
    return `${head}<br>${details.join(" · ")}${evidenceBlock(v.cite(e.articleIds, e.evidence), s)}`;
  });
  return list(items, "ol");
}

function renderQuotes(v: StoryView, s: number): string {
  return list(
    (v.story.quotes ?? []).map((q) => {
      const who = `<strong>${h(q.speaker?.name || "unknown speaker")}</strong>${q.speaker?.role ? ` (${h(q.speaker.role)})` : ""}`;
      return cited(`${who}: “${h(quoteBody(q.text))}” <span class="muted">— ${h(q.kind)}</span>${badge(q.independentSources)}`, v.cite(q.articleIds, q.evidence), s);
    }),
  );
}

function renderFacts(v: StoryView, s: number): string {
  const fact = (f: StoryFact, showBadge: boolean): string => cited(`${h(f.text)}${showBadge ? badge(f.independentSources) : ""}`, v.cite(f.articleIds, f.evidence), s);
  const parts: string[] = [];
  if (v.corroborated.length) parts.push(`<h3>Corroborated (2+ independent sources)</h3>${list(v.corroborated.map((f) => fact(f, true)))}`);
  if (v.singleSource.length) parts.push(`<h3>Single source</h3>${list(v.singleSource.map((f) => fact(f, false)))}`);
  if (v.contradicted.length) {
    const items = v.contradicted.map((f) => {
      const conflicts = (f.conflicts ?? []).map((c) => `<div class="vs"><strong>vs.</strong> ${cited(`“${h(c.text)}”`, v.cite([], c.evidence), s)}</div>`).join("");
      return `${cited(`“${h(f.text)}”`, v.cite(f.articleIds, f.evidence), s)}${conflicts}`;
    });
    parts.push(`<h3>Contradictions</h3>${list(items)}`);
  }
  return parts.join("");
}

function renderEntities(v: StoryView, s: number): string {
  return v.entityGroups
    .map((g) => {
      const items = g.entities.map((e) => {
        const parts = [`<strong>${h(e.name)}</strong>`];
        const roles = (e.roles ?? []).map((r) => `${h(r.text)}${cites(v.cite([], r.evidence), s)}`);
        if (roles.length) parts.push(roles.join("; "));
        const aliases = (e.aliases ?? []).filter((a) => a !== e.name);
        if (aliases.length) parts.push(`also: ${aliases.map(h).join(", ")}`);
        parts.push(`<span class="muted">${h(`${plural(e.mentions ?? 0, "mention")} in ${plural(e.articleCount ?? 0, "article")}`)}</span>`);
        return `${parts.join(" — ")}${evidenceBlock(v.cite([], e.evidence), s)}`;
      });
      return `<h3>${h(g.heading)}</h3>${list(items)}`;
    })
    .join("");
}

function renderArticles(v: StoryView, s: number): string {
  const items = v.articles.map((a) => {
    const art = a.article;
    const url = safeHttpUrl(art.url);
    const title = art.title ? `“${h(art.title)}”` : `<span class="muted">(untitled)</span>`;
    const titleHtml = url ? `<a href="${h(url)}" rel="noopener noreferrer">${title}</a>` : title;
    const head = [
      art.outlet ? `<strong>${h(art.outlet)}</strong>` : `<span class="muted">unknown outlet</span>`,
      titleHtml,
      art.published
        ? h(art.published)
        : art.impliedDate
          ? `<span class="muted">undated (about ${h(art.impliedDate.date)}: ${h(art.impliedDate.basis)})</span>`
          : `<span class="muted">undated</span>`,
    ].join(" — ");
    const lines = [`<small>id ${h(art.id)}${art.path ? ` · ${h(art.path)}` : ""}${art.url && !url ? ` · ${h(art.url)} (not a web link)` : ""}</small>`];
    for (const r of a.relations) {
      const other = r.other.n === null ? "[?]" : `<a href="#${articleAnchor(s, r.other.n)}">[${r.other.n}]</a>`;
      if (r.direction === "by") {
        lines.push(`${r.kind === "rewrite" ? "rewritten" : "duplicated"} by ${other}`);
        continue;
      }
      const share = r.share === undefined ? "" : r.kind === "rewrite" ? `: ${percent(r.share)} of its sentences aligned` : `: ${percent(r.share)} similar`;
      let line = `<strong>${h(r.kind)} of</strong> ${other}${share}${r.reason ? ` <span class="muted">(${h(r.reason)})</span>` : ""}`;
      if (r.kind === "rewrite" && r.additions.length) {
        line += `<details class="ev"><summary>adds ${h(plural(r.additions.length, "sentence"))}</summary><ul>${r.additions
          .map((e) => `<li><q>${h(e.text)}</q> <small>text ${h(e.start)}–${h(e.end)}</small></li>`)
          .join("")}</ul></details>`;
      }
      lines.push(line);
    }
    const diags = art.diagnostics ?? [];
    if (diags.length) {
      lines.push(
        `<details class="ev"><summary>diagnostics: ${h(describeDiagnostics(a.diagnosticCounts))}</summary><ul>${diags
          .map((d) => `<li><code>${h(d.code)}</code> ${h(d.severity)}: ${h(d.message)}</li>`)
          .join("")}</ul></details>`,
      );
    }
    return `<li id="${articleAnchor(s, a.n)}" value="${a.n}">${head}<br>${lines.join("<br>")}</li>`;
  });
  return list(items, "ol", "articles");
}

function renderStory(story: Story, s: number): string {
  const v = buildStoryView(story);
  return [
    `<article class="story" id="${storyAnchor(s)}">`,
    renderHeader(v),
    section("The story in short", renderSummary(v, s)),
    section("Timeline", renderTimeline(v, s)),
    section("What happened", renderEvents(v, s)),
    section("Who said what", renderQuotes(v, s)),
    section("How sure we are", renderFacts(v, s)),
    section("People, organizations and places", renderEntities(v, s)),
    section("Articles", renderArticles(v, s)),
    `</article>`,
  ].join("\n");
}

/**
 * Renders one story or several as a single self-contained HTML page (no scripts, no external assets).
 * @example writeFileSync("story.html", renderHtml(stories))
 */
export function renderHtml(stories: Story[] | Story, opts: HtmlOptions = {}): string {
  const list_ = asStoryList(stories);
  const title =
    opts.title ?? (list_.length === 1 ? list_[0].headline?.text || "Parallax story" : `Parallax: ${plural(list_.length, "story", "stories")}`);
  const toc =
    list_.length > 1
      ? `<nav><ol>${list_.map((st, i) => `<li><a href="#${storyAnchor(i + 1)}">${h(st.headline?.text || st.id)}</a></li>`).join("")}</ol></nav>`
      : "";
  const body = list_.length ? list_.map((st, i) => renderStory(st, i + 1)).join("\n<hr>\n") : `<p class="muted">No stories.</p>`;
  const generated = list_[0] ? `Generated by Parallax ${list_[0].version ?? ""} at ${list_[0].generatedAt ?? ""}` : "Generated by Parallax";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(CONTENT_SECURITY_POLICY)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${toc}
${body}
<footer class="muted"><small>${h(generated)}. Citations [n] point to the numbered article list of each story; hover a citation or open “evidence” to see the exact text.</small></footer>
</main>
</body>
</html>
`;
}
