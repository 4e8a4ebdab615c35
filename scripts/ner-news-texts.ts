/**
 * The texts of the hand-annotated news articles (bench/ner-news/gold.jsonl and train.jsonl), read
 * from ../shared/bench: the repository holds only offsets, so every reader (the benchmark, the
 * tagger's training, the annotation tools) must rebuild exactly the same strings. One function per
 * source; the scorer-backed sources go through the scorers' `inputs` commands.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface NewsText {
  text: string;
  /** Publication date when the source gives one (YYYY-MM-DD). */
  dct?: string;
}

/** The scorer whose `inputs` command gives each scorer-backed source's texts. */
const SCORERS: Record<string, string> = { "timex-tempeval3": "timex.mjs", "clustering-ecbplus": "clustering.mjs", "timeline-t17": "timeline.mjs", "summaries-neus": "summaries.mjs" };

/** The sources whose texts are read straight from their data files. */
const DIRECT = ["timeline-semeval2015", "extraction-zyte"] as const;

export const NEWS_SOURCES = [...Object.keys(SCORERS), ...DIRECT];

/**
 * Every text of one source by id. A timeline input's articles go by their own ids; a NeuS
 * cluster's articles by `CLUSTER/ARTICLE` with the title as the first line; a SemEval-2015
 * Wikinews document is its headline and date lines, then its sentences run together; a Zyte
 * extraction page is its ground-truth article body.
 */
export function newsTexts(shared: string, source: string): Map<string, NewsText> {
  const map = new Map<string, NewsText>();
  if (source === "timeline-semeval2015") {
    for (const line of readFileSync(join(shared, source, "docs.jsonl"), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { corpus: string; doc_id: string; dct: string; sentences: string[] };
      const [head = "", date = "", ...body] = d.sentences;
      map.set(`${d.corpus}/${d.doc_id}`, { text: `${head}\n${date}\n\n${body.join(" ")}`, dct: d.dct });
    }
    return map;
  }
  if (source === "extraction-zyte") {
    const truth = JSON.parse(readFileSync(join(shared, source, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string }>;
    for (const [id, page] of Object.entries(truth)) map.set(id, { text: page.articleBody });
    return map;
  }
  const scorer = SCORERS[source];
  if (!scorer) throw new Error(`unknown news source ${source} (known: ${NEWS_SOURCES.join(", ")})`);
  const out = execFileSync(process.execPath, [join(shared, "score", scorer), "inputs", join(shared, source)], { maxBuffer: 1 << 30, encoding: "utf8" });
  for (const line of out.split("\n")) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { id: string; text?: string; dct?: string; articles?: { id: string; date?: string; title?: string; text: string }[] };
    if (source === "summaries-neus") for (const a of d.articles ?? []) map.set(`${d.id}/${a.id}`, { text: `${a.title ?? ""}\n\n${a.text}` });
    else if (d.articles) for (const a of d.articles) map.set(a.id, { text: a.text, dct: a.date });
    else map.set(d.id, { text: d.text ?? "", dct: d.dct });
  }
  return map;
}
