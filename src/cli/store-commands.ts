/**
 * Commands over the store: analyze (ingest + link + report), ingest, stories, story,
 * articles, search. Each opens the store, does one thing, closes it.
 */
import { writeFileSync } from "node:fs";
import { openSqliteStore } from "../store/sqlite.js";
import type { ArticleSummary, Store, StorySummary } from "../store/store.js";
import type { Article } from "../model.js";
import { ingestPaths, type IngestStats } from "../engine/ingest.js";
import { linkStore, relinkStore, type LinkStats } from "../engine/link.js";
import type { Story } from "../story/types.js";
import { renderHtml } from "../report/html.js";
import { renderJson } from "../report/json.js";
import { renderMarkdown } from "../report/markdown.js";
import { renderTerminal } from "../report/terminal.js";
import { ParallaxError } from "../errors.js";
import { progress, type Verbosity } from "./progress.js";
import { countInputs } from "./count-inputs.js";

type Format = "md" | "json" | "html";

interface CommonOpts {
  db: string;
}

function withStore<T>(db: string, fn: (s: Store) => T | Promise<T>, readonly = false): Promise<T> {
  const store = openSqliteStore(db, { readonly });
  return Promise.resolve()
    .then(() => fn(store))
    .finally(() => store.close());
}

function emit(text: string, out?: string): void {
  if (out) {
    try {
      writeFileSync(out, text);
    } catch (e) {
      throw new ParallaxError("E_WRITE", `Could not write the report to ${out}: ${(e as Error).message}`, "Choose a path in a folder you can write to.");
    }
    return;
  }
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

function render(stories: Story[], format: Format, toFile: boolean): string {
  if (format === "json") return renderJson(stories);
  if (format === "html") return renderHtml(stories);
  return !toFile && process.stdout.isTTY ? renderTerminal(stories, { color: true }) : renderMarkdown(stories);
}

/** The reports of the given stories (a report is read only when it is shown: at 100k articles they run to gigabytes). */
function loadReports(store: Store, list: readonly StorySummary[]): Story[] {
  return list.map((s) => store.getStory(s.id)!.json as Story);
}

async function ingestWithProgress(store: Store, paths: string[], maxBytes: number | undefined, verbosity: Verbosity): Promise<IngestStats> {
  const p = progress("ingest", verbosity);
  if (verbosity !== "quiet" && process.stderr.isTTY) p.total(countInputs(paths));
  const stats = await ingestPaths(store, paths, {
    maxBytes,
    progress: p,
    onFailure: (path, d, index) => {
      if (verbosity !== "quiet") process.stderr.write(`skipped ${path}${index !== undefined ? ` #${index + 1}` : ""}: ${d.message} [${d.code}]\n`);
    },
  });
  p.done(
    verbosity === "quiet"
      ? undefined
      : `ingested ${stats.read} input(s): ${stats.inserted} new, ${stats.unchanged} already stored, ${stats.failed} failed (${stats.seconds.toFixed(1)}s)`,
  );
  return stats;
}

export async function analyzeCommand(
  paths: string[],
  o: CommonOpts & { format: Format; out?: string; top: number; maxBytes?: number; verbosity: Verbosity },
): Promise<number> {
  return withStore(o.db, async (store) => {
    const stats = await ingestWithProgress(store, paths, o.maxBytes, o.verbosity);
    const link = linkStore(store);
    if (o.verbosity !== "quiet") process.stderr.write(`${linkLine(link)}\n`);
    const stories = store.listStories();
    if (!stories.length) {
      process.stderr.write("No articles to report on: every input failed (see the messages above, or `parallax articles`).\n");
      return 1;
    }
    const shown = loadReports(store, stories.slice(0, Math.max(1, o.top)));
    let text = render(shown, o.format, !!o.out);
    if (stories.length > shown.length && o.format === "md") {
      text += `\n\n## ${stories.length - shown.length} more stories\n\n${stories
        .slice(shown.length)
        .map((s) => `- \`${s.id}\` ${s.headline} (${s.articleIds.length} articles, ${s.independentSources ?? 0} independent sources)`)
        .join("\n")}\n\nShow one with \`parallax story ID\`.\n`;
    }
    emit(text, o.out);
    return stats.failed > 0 ? 1 : 0;
  });
}

export async function ingestCommand(paths: string[], o: CommonOpts & { maxBytes?: number; verbosity: Verbosity }): Promise<number> {
  return withStore(o.db, async (store) => {
    const stats = await ingestWithProgress(store, paths, o.maxBytes, o.verbosity);
    const link = linkStore(store);
    if (o.verbosity !== "quiet") process.stderr.write(`${linkLine(link)}\n`);
    return stats.failed > 0 ? 1 : 0;
  });
}

/** `parallax relink`: recomputes duplicates, rewrites, stories and the link state from scratch. */
export async function relinkCommand(o: CommonOpts & { verbosity: Verbosity }): Promise<number> {
  return withStore(o.db, (store) => {
    const link = relinkStore(store);
    if (o.verbosity !== "quiet") process.stderr.write(`${linkLine(link)}\n`);
    return 0;
  });
}

/** One line saying what a link run did. */
function linkLine(l: LinkStats): string {
  const what = l.mode === "full" ? `linked ${l.articles} article(s)` : `linked ${l.added} new article(s) (${l.articles} in all)`;
  return `${what} into ${l.stories} story(ies), ${l.storiesChanged} written; ${l.relations} new duplicate/rewrite relation(s) (${l.seconds.toFixed(1)}s)`;
}

export async function storiesCommand(o: CommonOpts & { format: "text" | "json" }): Promise<number> {
  return withStore(
    o.db,
    (store) => {
      const stories = store.listStories();
      if (o.format === "json") {
        emit(JSON.stringify(stories.map((s) => ({ id: s.id, headline: s.headline, articles: s.articleIds.length, independentSources: s.independentSources ?? 0, period: s.period ?? {} })), null, 2));
        return 0;
      }
      if (!stories.length) {
        process.stderr.write("The store holds no stories yet: run `parallax ingest PATH` first.\n");
        return 0;
      }
      for (const s of stories) {
        const p = s.period ?? {};
        const period = p.from ? `, ${p.from}${p.to && p.to !== p.from ? `..${p.to}` : ""}` : "";
        emit(`${s.id}  ${s.headline}  [${s.articleIds.length} articles, ${s.independentSources ?? 0} independent sources${period}]`);
      }
      return 0;
    },
    true,
  );
}

export async function storyCommand(id: string, o: CommonOpts & { format: Format; out?: string }): Promise<number> {
  return withStore(
    o.db,
    (store) => {
      const rec = store.getStory(id);
      if (!rec) throw new ParallaxError("E_NO_STORY", `No story with id "${id}" in ${o.db}.`, "List the stories with `parallax stories`.", 1);
      emit(render([rec.json as Story], o.format, !!o.out), o.out);
      return 0;
    },
    true,
  );
}

export async function articlesCommand(o: CommonOpts & { limit: number; format: "text" | "json"; story?: string }): Promise<number> {
  return withStore(
    o.db,
    (store) => {
      let list: Listed[];
      let total: number;
      let failures = store.listFailures();
      if (o.story !== undefined) {
        const story = store.getStory(o.story);
        if (!story) throw new ParallaxError("E_NO_STORY", `No story with id "${o.story}" in ${o.db}.`, "List the stories with `parallax stories`.", 1);
        total = story.articleIds.length;
        list = summaries(store.getArticles(story.articleIds.slice(0, o.limit)));
        failures = [];
      } else {
        total = store.countArticles();
        list = store.listArticles({ limit: o.limit, order: "published-asc" });
      }
      if (o.format === "json") {
        const full = list.map((a) => ({ ...a, diagnostics: store.getArticle(a.id)?.diagnostics ?? [] }));
        emit(JSON.stringify({ total, articles: full, failures }, null, 2));
        return 0;
      }
      const what = o.story !== undefined ? `in story ${o.story}` : "stored";
      emit(`${total} article(s) ${what}${list.length < total ? `, showing ${list.length}` : ""}`);
      for (const a of list) {
        const art = store.getArticle(a.id)!;
        const date = a.published?.slice(0, 10) ?? (art.meta.impliedDate ? `(no date; about ${art.meta.impliedDate.date}, implied)` : "(no date)");
        emit(`\n${a.id}  ${date}  ${a.outlet ?? "(no outlet)"}  ${a.title ?? "(no title)"}`);
        emit(`  ${a.source.path ?? ""}${a.source.index !== undefined ? ` #${a.source.index + 1}` : ""}  ${a.chars} chars`);
        for (const d of art.diagnostics) {
          const what = d.text ? `: "${truncate(d.text.replace(/\s+/g, " "), 60)}"` : "";
          emit(`  ${d.severity.padEnd(7)} ${d.code}  ${d.message}${what}`);
        }
      }
      if (failures.length) {
        emit(`\n${failures.length} input(s) produced no article:`);
        for (const f of failures) emit(`  ${f.path}${f.index !== undefined ? ` #${f.index + 1}` : ""}  ${f.diagnostic.code}  ${f.diagnostic.message}`);
      }
      return 0;
    },
    true,
  );
}

export async function searchCommand(query: string, o: CommonOpts & { limit: number }): Promise<number> {
  return withStore(
    o.db,
    (store) => {
      const hits = store.search(query, o.limit);
      if (!hits.length) process.stderr.write(`No article matches "${query}".\n`);
      for (const h of hits) emit(`${h.id}  ${h.title ?? "(no title)"}\n  ${h.snippet.replace(/\s+/g, " ")}`);
      return 0;
    },
    true,
  );
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** What the article list shows of an article. */
type Listed = Omit<ArticleSummary, "ingestedAt">;

/** Articles as the list shows them (the story's order: earliest first). */
function summaries(articles: Article[]): Listed[] {
  return articles.map((a) => ({ id: a.id, title: a.meta.title, published: a.meta.published, outlet: a.meta.outlet, url: a.meta.url, source: a.source, chars: a.text.length, diagnosticCount: a.diagnostics.length }));
}
