/**
 * Entities across the articles of one story: the same person, organisation or place under its
 * spellings and short forms, with the roles the articles give it, each with evidence.
 *
 * Every name mention is cleaned ("the", a possessive, a leading title dropped) and keyed so that
 * spelling variants meet ({@link matchKey}: "Al-Khulaifi" / "al Khulaifi", "Gadhafi" / "Gaddafi").
 * Then, across the story:
 * - a one-word person name joins the one longer person name that holds it; where an article names
 *   two people sharing it ("Bill Clinton", "Hillary Clinton"), its bare "Clinton" goes to the one
 *   the article means (the only full mention close before it, or the one the article names far
 *   more often) or stays apart: two people sharing a surname are never merged;
 * - an acronym joins the one name with those initials ("ICC" -> "International Criminal Court");
 * - an organisation or place joins its longer form that only adds a generic word ("Gaza" ->
 *   "Gaza Strip", "Hamas" -> "Hamas movement");
 * - a capital acting as its government ("Washington said") joins the country; elsewhere it stays the city.
 * Each alias keeps evidence: the entity's evidence holds a span of every alias first.
 */
import type { Entity, EntityType, Evidence, Span } from "../model.js";
import type { StoryEntity } from "./types.js";
import { evidenceOf, rootMention, type StoryInput } from "./input.js";
import { nameKey } from "./terms.js";
import { CAPITALS, NAME_ALIASES, acronymOf, actsAsGovernment, cleanName, governmentPosition, initialsOf, matchKey, titleCase } from "./entity-names.js";

/** At most this many evidence spans are kept per entity besides one per alias (one per article first). */
const MAX_ENTITY_EVIDENCE = 12;
/** Acronyms of this many letters join their full name without being introduced next to it (two letters are too ambiguous). */
const MIN_FREE_ACRONYM = 3;
/** A two-letter acronym is introduced when it follows its full name within this many characters. */
const ACRONYM_INTRO_CHARS = 40;
/** At most this many aliases get their own evidence span. */
const MAX_ALIAS_EVIDENCE = 12;
/** Entities listed per story (the most widely mentioned); roles kept per entity. */
const MAX_STORY_ENTITIES = 150;
const MAX_ROLES = 8;
/**
 * A bare surname shared by two full names in one article goes to the only one of them mentioned
 * within this many characters before it (about two sentences).
 */
const NEAR_FULL_MENTION_CHARS = 300;
/** ...or, failing that, to the one the article names at least this many times as often as all the others together. */
const ARTICLE_DOMINANCE_RATIO = 3;
/** A bare name that several of the story's people share joins one only with this many times the others' mentions together. */
const STORY_DOMINANCE_RATIO = 5;
/**
 * A mention whose within-article antecedent has another type than its own text has across the
 * story (a "Libya" that coref tied to a PERSON "western Libya") keeps its own name when that type
 * wins at least this share of the votes for the text.
 */
const TYPE_OVERRIDE_SHARE = 0.75;
/** Words an organisation or place name may add to its short form and still be the same entity. */
const GENERIC_NAME_WORDS = new Set([
  "movement", "group", "organization", "organisation", "party", "alliance", "militia", "network", "inc", "corp", "corporation",
  "co", "ltd", "company", "strip", "city", "province", "region", "state", "island", "islands", "republic", "kingdom", "emirate",
  "county", "district", "governorate", "valley", "airport", "the", "of",
].map(matchKey));

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
  typeVotes: Map<EntityType, number>;
  /** Cleaned forms of the name as written -> how often; first-seen order. */
  forms: Map<string, number>;
  /** Cleaned canonical (within-article full) names -> how often. */
  canonicals: Map<string, number>;
  /** Display name forced by a table (a capital read as its country). */
  preferred?: string;
  /** First evidence of each written form (by lower-cased form). */
  aliasEvidence: Map<string, Evidence>;
  roles: Map<string, { text: string; evidence: Evidence[] }>;
  mentions: number;
  articles: Set<string>;
  evidence: Evidence[];
  members: string[];
  /** Where its mentions are: article id -> [start, end] pairs. */
  spans: Map<string, number[]>;
  parent?: Group;
}

/** One name mention, cleaned, before it is grouped. */
interface NameMention {
  article: StoryInput["article"];
  e: Entity;
  type: EntityType;
  form: { text: string; span: Span };
  canonical: string;
  key: string;
  ownKey: string;
  preferred?: string;
}

function find(g: Group): Group {
  while (g.parent) g = g.parent;
  return g;
}

/** Builds the story's entity list from every article's mentions. */
export function mergeEntities(items: StoryInput[]): EntityIndex {
  const keyCache = new Map<string, string>();
  const keyOf = (name: string): string => {
    let k = keyCache.get(name);
    if (k === undefined) keyCache.set(name, (k = matchKey(name)));
    return k;
  };

  const mentions: NameMention[] = [];
  for (const item of items) mentions.push(...articleMentions(item, keyOf));

  // Votes per written name, to catch a mention that coref tied to a name of another type.
  const ownVotes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    const v = ownVotes.get(m.ownKey) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    ownVotes.set(m.ownKey, v);
  }

  const groups = new Map<string, Group>();
  const mentionGroup = new Map<string, Group>();
  for (const m of mentions) {
    let key = m.key;
    if (key !== m.ownKey) {
      const votes = ownVotes.get(m.ownKey)!;
      const total = [...votes.values()].reduce((a, b) => a + b, 0);
      const top = majority(votes);
      if (top !== m.type && votes.get(top)! >= TYPE_OVERRIDE_SHARE * total && !m.preferred) key = m.ownKey;
    }
    if (!key) continue;
    let g = groups.get(key);
    if (!g) {
      g = { key, typeVotes: new Map(), forms: new Map(), canonicals: new Map(), aliasEvidence: new Map(), roles: new Map(), mentions: 0, articles: new Set(), evidence: [], members: [key], spans: new Map() };
      groups.set(key, g);
    }
    if (m.preferred) g.preferred = m.preferred;
    g.typeVotes.set(m.type, (g.typeVotes.get(m.type) ?? 0) + 1);
    g.mentions++;
    if ((m.e.mention ?? "name") === "name") {
      g.forms.set(m.form.text, (g.forms.get(m.form.text) ?? 0) + 1);
      const lower = m.form.text.toLowerCase();
      if (!g.aliasEvidence.has(lower)) g.aliasEvidence.set(lower, evidenceOf(m.article, m.form.span));
    }
    if (key === m.key) g.canonicals.set(m.canonical, (g.canonicals.get(m.canonical) ?? 0) + 1);
    if (!g.articles.has(m.article.id) || g.evidence.length < MAX_ENTITY_EVIDENCE / 2) {
      if (g.evidence.length < MAX_ENTITY_EVIDENCE) g.evidence.push(evidenceOf(m.article, m.e));
    }
    g.articles.add(m.article.id);
    const at = g.spans.get(m.article.id) ?? [];
    at.push(m.e.start, m.e.end);
    g.spans.set(m.article.id, at);
    if (m.e.role) addRole(g, m.e, m.article);
    mentionGroup.set(`${m.article.id}:${m.e.id}`, g);
  }

  const typeOf = new Map<Group, EntityType>();
  for (const g of groups.values()) typeOf.set(g, majority(g.typeVotes));
  mergeAcross(groups, typeOf);

  const roots = [...new Set([...groups.values()].map(find))];
  for (const g of groups.values()) {
    const r = find(g);
    if (r !== g) absorb(r, g);
  }
  const ordered = roots.sort(
    (a, b) => b.articles.size - a.articles.size || b.mentions - a.mentions || a.key.localeCompare(b.key),
  );
  const entities: StoryEntity[] = [];
  const byKey = new Map<string, StoryEntity>();
  const byGroup = new Map<Group, StoryEntity>();
  ordered.slice(0, MAX_STORY_ENTITIES).forEach((g, i) => {
    const type = majority(g.typeVotes);
    const name = displayName(g, type);
    const aliases = aliasesOf(g, name);
    const aliasEv = aliases.slice(0, MAX_ALIAS_EVIDENCE).map((a) => g.aliasEvidence.get(a.toLowerCase())!).filter(Boolean);
    const nameEv = g.aliasEvidence.get(name.toLowerCase());
    const seen = new Set<string>();
    const evidence = [...(nameEv ? [nameEv] : []), ...aliasEv, ...g.evidence].filter((ev) => {
      const k = `${ev.articleId}:${ev.start}:${ev.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }).slice(0, MAX_ENTITY_EVIDENCE + aliasEv.length);
    const se: StoryEntity = {
      id: `ent${i + 1}`,
      name,
      type,
      aliases,
      roles: [...g.roles.values()].sort((a, b) => b.evidence.length - a.evidence.length).slice(0, MAX_ROLES).map((r) => ({ text: r.text, evidence: r.evidence.slice(0, MAX_ENTITY_EVIDENCE) })),
      mentions: g.mentions,
      articleCount: g.articles.size,
      evidence,
    };
    entities.push(se);
    byGroup.set(g, se);
    for (const k of g.members) byKey.set(k, se);
  });

  const byMention = new Map<string, StoryEntity>();
  for (const [m, g] of mentionGroup) {
    const se = byGroup.get(find(g));
    if (se) byMention.set(m, se);
  }
  return {
    entities,
    byMention,
    byName: (name) => byKey.get(keyOf(cleanName(name, { start: 0, end: name.length }, true).text)) ?? byKey.get(keyOf(name)),
  };
}

/** The name mentions of one article, cleaned and keyed, with bare surnames resolved where the article allows. */
function articleMentions({ article, ann }: StoryInput, keyOf: (name: string) => string): NameMention[] {
  const byId = new Map(ann.entities.map((e) => [e.id, e]));
  const out: NameMention[] = [];
  for (const e of ann.entities) {
    const root = rootMention(byId, e);
    if (root.mention && root.mention !== "name") continue; // an unresolved pronoun or nominal
    const person = e.type === "PERSON";
    const form = cleanName(e.text, e, person);
    const canonical = cleanName(root.canonical ?? root.text, root, root.type === "PERSON").text;
    const m: NameMention = { article, e, type: e.type, form, canonical, key: keyOf(canonical), ownKey: keyOf(form.text) };
    if (e.type === "LOC" && (e.mention ?? "name") === "name") {
      const country = CAPITALS[nameKey(form.text)];
      const speaks = () => governmentPosition(article.text, e) && ann.attributions.some((a) => a.speaker?.entityId === e.id);
      if (country && (actsAsGovernment(article.text, e) || speaks())) {
        m.key = keyOf(country);
        m.preferred = titleCase(country);
      }
    }
    out.push(m);
  }
  resolveSharedSurnames(out, keyOf);
  return out;
}

/**
 * In one article, a one-word person name that two or more of the article's full names hold
 * ("Clinton" with "Bill Clinton" and "Hillary Clinton") goes to the only one of them mentioned
 * within NEAR_FULL_MENTION_CHARS before it, else to one the article names ARTICLE_DOMINANCE_RATIO
 * times as often as the rest together; otherwise it stays apart, marked ambiguous.
 */
function resolveSharedSurnames(mentions: NameMention[], keyOf: (name: string) => string): void {
  const full = mentions.filter((m) => m.type === "PERSON" && m.key.includes(" "));
  if (full.length === 0) return;
  // Indexed once per article (full names' keys never change below): full names by key, in order,
  // and the keys holding each word, in order of first mention.
  const byKey = new Map<string, NameMention[]>();
  const byWord = new Map<string, string[]>();
  for (const f of full) {
    const same = byKey.get(f.key);
    if (same) {
      same.push(f);
      continue;
    }
    byKey.set(f.key, [f]);
    for (const w of new Set(f.key.split(" "))) {
      const keys = byWord.get(w);
      if (keys) keys.push(f.key);
      else byWord.set(w, [f.key]);
    }
  }
  for (const m of mentions) {
    if (m.type !== "PERSON" || m.key.includes(" ")) continue;
    const hosts = byWord.get(m.key) ?? [];
    if (hosts.length < 2) continue;
    const at = m.e.start;
    const near = hosts.filter((h) => byKey.get(h)!.some((f) => f.e.end <= at && at - f.e.end <= NEAR_FULL_MENTION_CHARS));
    let chosen: string | undefined = near.length === 1 ? near[0] : undefined;
    if (!chosen) {
      const counts = hosts.map((h) => byKey.get(h)!.length);
      const best = counts.indexOf(Math.max(...counts));
      const rest = counts.reduce((a, b) => a + b, 0) - counts[best];
      if (counts[best] >= ARTICLE_DOMINANCE_RATIO * rest) chosen = hosts[best];
    }
    if (chosen) {
      m.key = chosen;
      m.canonical = byKey.get(chosen)![0].canonical;
    } else {
      m.key = `${keyOf(m.form.text)} ?`; // ambiguous in this article: never joins a full name
    }
  }
}

/**
 * Joins groups across the story (union-find on `parent`): a one-word person name to the unique
 * person name holding it, an acronym to the unique name with its initials, an organisation or
 * place to its unique longer form that only adds generic words.
 */
function mergeAcross(groups: Map<string, Group>, typeOf: Map<Group, EntityType>): void {
  const multi = [...groups.values()].filter((g) => g.key.includes(" ") && !g.key.endsWith(" ?"));
  const byWord = new Map<string, Group[]>();
  for (const l of multi) for (const w of new Set(l.key.split(" "))) byWord.set(w, [...(byWord.get(w) ?? []), l]);
  const byInitials = new Map<string, Group[]>();
  for (const l of multi) {
    if (typeOf.get(l) === "PERSON") continue;
    for (const ini of new Set([...l.forms.keys(), ...l.canonicals.keys()].map(initialsOf))) {
      if (ini) byInitials.set(ini, [...(byInitials.get(ini) ?? []), l]);
    }
  }
  const join = (g: Group, host: Group) => {
    if (find(g) !== find(host)) find(g).parent = find(host);
  };
  for (const g of groups.values()) {
    const type = typeOf.get(g)!;
    if (g.key.endsWith(" ?")) continue;
    // Acronyms: "ICC", "U.N." -> the one name with those initials.
    const acro = g.key.includes(" ") ? undefined : [...g.forms.keys()].map(acronymOf).find((a) => a !== undefined);
    if (acro && type !== "PERSON") {
      // A two-letter acronym must follow its full name closely in some article ("the African Union (AU)").
      const hosts = (byInitials.get(acro) ?? []).filter(
        (h) => h !== g && [...h.forms.keys()].some(titleCased) && (acro.length >= MIN_FREE_ACRONYM || introduced(h, g)),
      );
      if (hosts.length === 1) {
        join(g, hosts[0]);
        continue;
      }
    }
    if (type === "PERSON") {
      if (g.key.includes(" ")) continue;
      const hosts = (byWord.get(g.key) ?? []).filter((l) => typeOf.get(l) === "PERSON");
      if (hosts.length === 1) join(g, hosts[0]);
      else if (hosts.length > 1) {
        // Namesakes: the bare name goes to one only when the story is about that one far more than the others.
        const sorted = [...hosts].sort((a, b) => b.mentions - a.mentions);
        const rest = sorted.slice(1).reduce((n, h) => n + h.mentions, 0);
        if (sorted[0].mentions >= STORY_DOMINANCE_RATIO * rest) join(g, sorted[0]);
      }
      continue;
    }
    if (type !== "ORG" && type !== "LOC") continue;
    const words = g.key.split(" ");
    const hosts = (byWord.get(words[0]) ?? []).filter((l) => {
      if (l === g || typeOf.get(l) !== type) return false;
      const lw = l.key.split(" ");
      for (let i = 0; i + words.length <= lw.length; i++) {
        if (!words.every((w, j) => lw[i + j] === w)) continue;
        const extra = [...lw.slice(0, i), ...lw.slice(i + words.length)];
        if (extra.length > 0 && extra.every((w) => GENERIC_NAME_WORDS.has(w))) return true;
      }
      return false;
    });
    if (hosts.length === 1 && !words.every((w) => GENERIC_NAME_WORDS.has(w))) join(g, hosts[0]);
  }
}

/** True when some article gives `acro` within ACRONYM_INTRO_CHARS after a mention of `host` ("the African Union (AU)"). */
function introduced(host: Group, acro: Group): boolean {
  for (const [article, a] of acro.spans) {
    const h = host.spans.get(article);
    if (!h) continue;
    for (let i = 0; i < a.length; i += 2) for (let j = 1; j < h.length; j += 2) if (a[i] >= h[j] && a[i] - h[j] <= ACRONYM_INTRO_CHARS) return true;
  }
  return false;
}

/** Moves what `g` holds into its representative `r`. */
function absorb(r: Group, g: Group): void {
  r.mentions += g.mentions;
  for (const [t, c] of g.typeVotes) r.typeVotes.set(t, (r.typeVotes.get(t) ?? 0) + c);
  for (const [f, c] of g.forms) r.forms.set(f, (r.forms.get(f) ?? 0) + c);
  for (const [f, c] of g.canonicals) r.canonicals.set(f, (r.canonicals.get(f) ?? 0) + c);
  for (const [k, ev] of g.aliasEvidence) if (!r.aliasEvidence.has(k)) r.aliasEvidence.set(k, ev);
  for (const a of g.articles) r.articles.add(a);
  for (const [k, role] of g.roles) if (!r.roles.has(k)) r.roles.set(k, role);
  for (const ev of g.evidence) if (r.evidence.length < MAX_ENTITY_EVIDENCE) r.evidence.push(ev);
  r.preferred ??= g.preferred;
  r.members.push(...g.members);
}

const isAllCaps = (s: string) => /\p{Lu}{2}/u.test(s) && !/\p{Ll}/u.test(s);
/** Every word of a name of two or more words starts upper case and goes on lower case ("African Union"). */
const titleCased = (s: string) => /\s/.test(s) && s.split(/\s+/).every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Ll}{1,3}$/u.test(w));
/** Keys the alias table maps to -> the table's full form, shown as the name ("United States", not "America"). */
const ALIAS_TARGETS = new Map(Object.values(NAME_ALIASES).map((t) => [matchKey(t), t]));
/** A form with an initialism inside ("U.N. Security Council") is shown only when no spelled-out form exists. */
const hasInitialism = (s: string) => s.split(/\s+/).some((w) => acronymOf(w) !== undefined);

/**
 * The entity's display name: for a person the longest full name the articles give; otherwise the
 * written form the articles use most (one in mixed case first), preferring the alias table's full
 * form ("United States" over "U.S.") and a table name for a capital read as its country.
 */
function displayName(g: Group, type: EntityType): string {
  const all = new Map(g.forms);
  for (const [c, n] of g.canonicals) all.set(c, (all.get(c) ?? 0) + n);
  const forms = [...all].filter(([f]) => f.trim());
  if (forms.length === 0) return g.preferred ?? titleCase(g.key);
  const mixed = forms.filter(([f]) => !isAllCaps(f) && /^\p{Lu}/u.test(f));
  const pool = mixed.length ? mixed : forms;
  if (type === "PERSON") {
    return pool.sort((a, b) => b[0].split(" ").length - a[0].split(" ").length || b[1] - a[1] || b[0].length - a[0].length)[0][0];
  }
  const key = find(g).key;
  if (g.preferred && !forms.some(([f]) => matchKey(f) === key)) return g.preferred;
  const spelled = pool.filter(([f]) => !acronymOf(f));
  let cands = spelled.length ? spelled : pool;
  const target = ALIAS_TARGETS.get(key);
  if (target && cands.some(([f]) => nameKey(f) === target)) cands = cands.filter(([f]) => nameKey(f) === target);
  return cands.sort((a, b) => Number(hasInitialism(a[0])) - Number(hasInitialism(b[0])) || b[1] - a[1] || b[0].length - a[0].length)[0][0];
}

/** Distinct written forms other than the display name, one per spelling regardless of case. */
function aliasesOf(g: Group, name: string): string[] {
  const best = new Map<string, [string, number]>();
  for (const [f, n] of g.forms) {
    const k = f.toLowerCase();
    if (!f.trim() || k === name.toLowerCase()) continue;
    const cur = best.get(k);
    const score = n + (isAllCaps(f) ? 0 : 1e6);
    if (!cur || score > cur[1]) best.set(k, [f, score]);
  }
  return [...best.values()].map(([f]) => f).sort();
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
