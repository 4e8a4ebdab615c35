/**
 * Inline entity tags of the annotators' tagged copies (`<ORG>Leeds</ORG> beat ...`), shared by
 * scripts/ner-news-gold.ts and scripts/ner-sports-gold.ts.
 */

/** One tagged name: a half-open character span of the untagged text, its type and its text. */
export interface TaggedSpan {
  start: number;
  end: number;
  type: string;
  text: string;
}

const TAG = /<(\/?)(PER|ORG|LOC|MISC)>/g;

/** The text with the tags taken out and the spans they marked; throws on a nested or unmatched tag (naming `id`). */
export function untag(tagged: string, id: string): { text: string; entities: TaggedSpan[] } {
  let text = "";
  let last = 0;
  let open: { type: string; start: number } | undefined;
  const entities: TaggedSpan[] = [];
  for (const m of tagged.matchAll(TAG)) {
    text += tagged.slice(last, m.index);
    last = m.index! + m[0].length;
    if (!m[1]) {
      if (open) throw new Error(`${id}: nested <${m[2]}> at ${m.index}`);
      open = { type: m[2]!, start: text.length };
    } else {
      if (open?.type !== m[2]) throw new Error(`${id}: unmatched </${m[2]}> at ${m.index}`);
      entities.push({ start: open.start, end: text.length, type: open.type, text: text.slice(open.start) });
      open = undefined;
    }
  }
  if (open) throw new Error(`${id}: unclosed <${open.type}>`);
  return { text: text + tagged.slice(last), entities };
}
