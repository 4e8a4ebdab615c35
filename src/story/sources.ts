/**
 * Independent sources: a wire story and its duplicates and rewrites count once.
 * Articles joined by a duplicate or rewrite relation form one source group, named
 * after the group's original (the article that is no other's rewrite, earliest first).
 */
import type { ArticleRelation } from "../model.js";
import type { StoryInput } from "./input.js";

export interface SourceGroups {
  /** article id -> group id (the id of the group's original article). */
  groupOf: Map<string, string>;
  /** Number of distinct groups among the given article ids. */
  count(articleIds: Iterable<string>): number;
}

export function sourceGroups(items: StoryInput[], relations: ArticleRelation[]): SourceGroups {
  const parent = new Map<string, string>();
  for (const { article } of items) parent.set(article.id, article.id);
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (parent.get(c) !== r) {
      const n = parent.get(c)!;
      parent.set(c, r);
      c = n;
    }
    return r;
  };
  const derived = new Set<string>();
  for (const rel of relations) {
    if (!parent.has(rel.from) || !parent.has(rel.to)) continue;
    derived.add(rel.from);
    const a = find(rel.from);
    const b = find(rel.to);
    if (a !== b) parent.set(a, b);
  }
  // Name each group after its original: not derived from another, earliest published, then id.
  const members = new Map<string, StoryInput[]>();
  for (const it of items) {
    const r = find(it.article.id);
    members.set(r, [...(members.get(r) ?? []), it]);
  }
  const groupOf = new Map<string, string>();
  for (const list of members.values()) {
    const original = [...list].sort(
      (x, y) =>
        Number(derived.has(x.article.id)) - Number(derived.has(y.article.id)) ||
        (x.article.meta.published ?? "9999").localeCompare(y.article.meta.published ?? "9999") ||
        x.article.id.localeCompare(y.article.id),
    )[0];
    for (const it of list) groupOf.set(it.article.id, original.article.id);
  }
  return {
    groupOf,
    count(ids) {
      const g = new Set<string>();
      for (const id of ids) g.add(groupOf.get(id) ?? id);
      return g.size;
    },
  };
}
