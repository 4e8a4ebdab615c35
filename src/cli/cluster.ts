/**
 * `parallax cluster [FILE]`: JSON Lines `{id, title?, text, published?}` in, `{id, cluster}` out,
 * through the same clustering code the store's stories use.
 */
import { clusterDocs } from "../link/cluster.js";
import type { LinkDoc } from "../link/types.js";
import { readJsonLines, str, writeLine } from "./jsonl.js";
import type { Verbosity } from "./progress.js";

export async function clusterCommand(file: string | undefined, level: "event" | "story", verbosity: Verbosity): Promise<number> {
  const docs: LinkDoc[] = [];
  let bad = 0;
  for await (const item of readJsonLines(file)) {
    if ("error" in item) {
      bad++;
      process.stderr.write(`cluster: skipped ${item.error}\n`);
      continue;
    }
    const v = item.value;
    const text = str(v.text);
    if (text === undefined) {
      bad++;
      process.stderr.write(`cluster: skipped line ${item.line}: no "text" string\n`);
      continue;
    }
    docs.push({ id: str(v.id) ?? `line-${item.line}`, text, title: str(v.title), published: str(v.published) ?? str(v.date) ?? str(v.dct) });
  }
  const clusters = clusterDocs(docs, level);
  for (const d of docs) await writeLine({ id: d.id, cluster: clusters.get(d.id) ?? d.id });
  if (verbosity === "verbose") process.stderr.write(`clustered ${docs.length} document(s) into ${new Set(clusters.values()).size} ${level}(s)\n`);
  return bad > 0 ? 1 : 0;
}
