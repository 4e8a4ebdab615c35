/**
 * `parallax extract PATH...`: one JSON line per HTML file `{id, title, published, author, outlet, text}`
 * (id: the file name without .html/.htm/.gz). A file that fails gets a line with its error.
 */
import { readInputs } from "../ingest/read.js";
import { extractForBenchmark } from "../ingest/article.js";
import { writeLine } from "./jsonl.js";
import { progress, type Verbosity } from "./progress.js";
import { basename } from "node:path";

export async function extractCommand(paths: string[], verbosity: Verbosity): Promise<number> {
  const p = progress("extract", verbosity);
  let bad = 0;
  for await (const item of readInputs(paths)) {
    p.tick();
    if (!item.ok) {
      bad++;
      process.stderr.write(`skipped ${item.path}: ${item.diagnostic.message} [${item.diagnostic.code}]\n`);
      await writeLine({ id: basename(item.path).replace(/(\.html?|\.gz)+$/i, ""), error: item.diagnostic.message, code: item.diagnostic.code });
      continue;
    }
    try {
      await writeLine(extractForBenchmark(item.doc));
    } catch (e) {
      bad++;
      process.stderr.write(`skipped ${item.doc.path}: ${(e as Error).message}\n`);
    }
  }
  p.done();
  return bad > 0 ? 1 : 0;
}
