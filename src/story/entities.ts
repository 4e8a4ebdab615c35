/**
 * Entities across the articles of one story: the same person, organisation or place under
 * its spellings and short forms, with the roles the articles give it, each with evidence.
 *
 * A short name ("Zhai", "Khulaifi") joins a longer one only when exactly one longer name of
 * the same type contains it: two people sharing a surname are never merged.
 */
import type { Entity, EntityType, Evidence } from "../model.js";
import type { StoryEntity } from "./types.js";
import { evidenceOf, rootMention, type StoryInput } from "./input.js";
import { nameKey } from "./terms.js";

/** At most this many evidence spans are kept per entity (one per article first). */
const MAX_ENTITY_EVIDENCE = 12;
/** Entities listed per story (the most widely mentioned); roles kept per entity. */
const MAX_STORY_ENTITIES = 150;
const MAX_ROLES = 8;
/** Names that are one country or organisation written several ways. */
const ALIASES: Record<string, string> = {
  "us": "united states",
  "u s": "united states",
  "usa": "united states",
  "united states of america": "united states",
  "america": "united states",
  "uk": "united kingdom",
  "u k": "united kingdom",
  "britain": "united kingdom",
  "great britain": "united kingdom",
  "un": "united nations",
  "u n": "united nations",
  "un security council": "united nations security council",
  "u n security council": "united nations security council",
  "security council": "united nations security council",
  "eu": "european union",
  "prc": "china",
  "people s republic of china": "china",
  "russian federation": "russia",
};

/** Resolves an article's entity mention to the story entity it belongs to. */
export interface EntityIndex {
  entities: StoryEntity[];
  /** `${articleId}:${entityId}` -> story entity. */
  byMention: Map<string, StoryEntity>;
  /** Looks up a story entity by a name as written (any alias). */
  byName(name: string): StoryEntity | undefined;
}

interface Group {
  key: string;
  type: EntityType;
  display: string;
  typeVotes: Map<EntityType, number>;
  aliases: Set<string>;
  roles: Map<string, { text: string; evidence: Evidence[] }>;
  mentions: number;
  articles: Set<string>;
  evidence: Evidence[];
  members: string[];
}

function keyOf(name: string): string {
  const k = nameKey(name);
  return ALIASES[k] ?? k;
}

/** Builds the story's entity list from every article's mentions. */
export function mergeEntities(items: StoryInput[]): EntityIndex {
  const groups = new Map<string, Group>();
  const mentionKey = new Map<string, string>();
  /** keyOf per distinct name (a story repeats its names many times). */
  const keys = new Map<string, string>();

  for (const { article, ann } of items) {
    const byId = new Map(ann.entities.map((e) => [e.id, e]));
    for (const e of ann.entities) {
      const root = rootMention(byId, e);
      if (root.mention && root.mention !== "name") continue; // an unresolved pronoun or nominal
      const canonical = root.canonical ?? root.text;
      let key = keys.get(canonical);
      if (key === undefined) keys.set(canonical, (key = keyOf(canonical)));
      if (!key) continue;
      let g = groups.get(key);
      if (!g) {
        g = { key, type: root.type, display: canonical, typeVotes: new Map(), aliases: new Set(), roles: new Map(), mentions: 0, articles: new Set(), evidence: [], members: [] };
        groups.set(key, g);
      }
      g.typeVotes.set(e.type, (g.typeVotes.get(e.type) ?? 0) + 1);
      g.mentions++;
      if ((e.mention ?? "name") === "name") g.aliases.add(e.text);
      if (canonical.length > g.display.length) g.display = canonical;
      if (!g.articles.has(article.id) || g.evidence.length < MAX_ENTITY_EVIDENCE / 2) {
        if (g.evidence.length < MAX_ENTITY_EVIDENCE) g.evidence.push(evidenceOf(article, e));
      }
      g.articles.add(article.id);
      if (e.role) addRole(g, e, article);
      mentionKey.set(`${article.id}:${e.id}`, key);
    }
  }

  for (const g of groups.values()) g.type = majority(g.typeVotes);
  const merged = mergeShortForms(groups);

  const entities: StoryEntity[] = [];
  const byKey = new Map<string, StoryEntity>();
  const ordered = [...new Set(merged.values())].sort(
    (a, b) => b.articles.size - a.articles.size || b.mentions - a.mentions || a.display.localeCompare(b.display),
  );
  ordered.slice(0, MAX_STORY_ENTITIES).forEach((g, i) => {
    const se: StoryEntity = {
      id: `ent${i + 1}`,
      name: g.display,
      type: g.type,
      aliases: [...g.aliases].filter((a) => a !== g.display).sort(),
      roles: [...g.roles.values()].sort((a, b) => b.evidence.length - a.evidence.length).slice(0, MAX_ROLES).map((r) => ({ text: r.text, evidence: r.evidence.slice(0, MAX_ENTITY_EVIDENCE) })),
      mentions: g.mentions,
      articleCount: g.articles.size,
      evidence: g.evidence,
    };
    entities.push(se);
    for (const k of g.members) byKey.set(k, se);
  });

  const byMention = new Map<string, StoryEntity>();
  for (const [m, key] of mentionKey) {
    const se = byKey.get(key);
    if (se) byMention.set(m, se);
  }
  return {
    entities,
    byMention,
    byName: (name) => byKey.get(keyOf(name)),
  };
}

function addRole(g: Group, e: Entity, article: StoryInput["article"]): void {
  const role = e.role!;
  const k = nameKey(role.text);
  let r = g.roles.get(k);
  if (!r) {
    r = { text: role.text, evidence: [] };
    g.roles.set(k, r);
  }
  r.evidence.push(evidenceOf(article, role));
}

function majority(votes: Map<EntityType, number>): EntityType {
  let best: EntityType = "MISC";
  let n = -1;
  for (const [t, c] of votes) if (c > n) [best, n] = [t, c];
  return best;
}

/**
 * Joins a one-word name to the unique longer name of the same type that contains it as a word.
 * Returns key -> group (several keys may share one group).
 */
function mergeShortForms(groups: Map<string, Group>): Map<string, Group> {
  const out = new Map<string, Group>();
  for (const g of groups.values()) {
    g.members.push(g.key);
    out.set(g.key, g);
  }
  // Multi-word names indexed by each of their words, so a short name finds its hosts directly.
  const byWord = new Map<string, Group[]>();
  for (const l of groups.values()) {
    if (!l.key.includes(" ")) continue;
    for (const w of new Set(l.key.split(" "))) byWord.set(w, [...(byWord.get(w) ?? []), l]);
  }
  for (const g of groups.values()) {
    if (g.key.includes(" ") || (g.type !== "PERSON" && g.type !== "ORG")) continue;
    const hosts = (byWord.get(g.key) ?? []).filter((l) => l.type === g.type);
    if (hosts.length !== 1) continue; // none, or namesakes: stay apart
    const host = hosts[0];
    host.mentions += g.mentions;
    for (const a of g.aliases) host.aliases.add(a);
    for (const a of g.articles) host.articles.add(a);
    for (const [k, r] of g.roles) if (!host.roles.has(k)) host.roles.set(k, r);
    for (const ev of g.evidence) if (host.evidence.length < MAX_ENTITY_EVIDENCE) host.evidence.push(ev);
    host.members.push(g.key);
    out.set(g.key, host);
  }
  return out;
}
