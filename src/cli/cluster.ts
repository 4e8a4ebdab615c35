/**
 * `parallax cluster [FILE]`: JSON Lines `{id, title?, text, published?}` in, `{id, cluster}` out,
 * through the same clustering code the store's stories use.
 */
import { StoryClusterer, byPublicationOrder, type PreparedDoc } from "../link/cluster.js";
import type { LinkDoc } from "../link/types.js";
import { readJsonLines, str, writeLine } from "./jsonl.js";
import type { Verbosity } from "./progress.js";

export async function clusterCommand(file: string | undefined, level: "event" | "story", verbosity: Verbosity): Promise<number> {
  // Each article is reduced to its term arrays as it is read (its text is dropped), then all are added in
  // publication order: the batch method of clusterDocs, in memory that does not hold the texts.
  const c = new StoryClusterer();
  const prepared: PreparedDoc[] = [];
  const seen = new Set<string>();
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
    const id = str(v.id) ?? `line-${item.line}`;
    if (seen.has(id)) {
      bad++;
      process.stderr.write(`cluster: skipped line ${item.line}: id "${id}" appears twice (give every article a unique id)\n`);
      continue;
    }
    seen.add(id);
    const doc: LinkDoc = { id, text, title: str(v.title), published: str(v.published) ?? str(v.date) ?? str(v.dct) };
    prepared.push(c.prepare(doc));
  }
  const order = prepared.map((p) => p.id);
  c.updatePrepared(byPublicationOrder(prepared));
  prepared.length = 0;
  for (const id of order) {
    const r = c.get(id)!;
    await writeLine({ id, cluster: level === "story" ? r.storyId : r.eventId });
  }
  if (verbosity === "verbose") process.stderr.write(`clustered ${order.length} document(s) into ${c.stories().length} stories\n`);
  return bad > 0 ? 1 : 0;
}
