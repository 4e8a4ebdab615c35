/**
 * A sentence-level view of a Doc for argument finding: tokens, the entity covering each
 * token (name mentions before nominal and pronoun mentions), and name resolution through
 * `refersTo` / `canonical`.
 */
import type { Doc, Entity, EventArg, Token } from "../../model.js";
import { normOf } from "./triggers.js";

/** Possessive pronouns: a coreference mention "his" modifies a noun, it is not a participant. */
const POSSESSIVE_PRONOUN = /^(his|her|hers|its|their|theirs|our|my)$/i;
/** Longest refersTo chain followed before giving up (guards against cycles). */
const MAX_REFERS_DEPTH = 8;

export interface DocView {
  doc: Doc;
  tokens: readonly Token[];
  entities: readonly Entity[];
  byId: ReadonlyMap<string, Entity>;
  /** Token index -> the entity mention that covers it (the preferred one where several overlap). */
  entityAt: ReadonlyMap<number, Entity>;
  /** Entity id -> [first token, last token] (inclusive). */
  tokenRange: ReadonlyMap<string, [number, number]>;
}

/** Preference among overlapping mentions: names first, then nominals, then pronouns; shorter names win. */
function rank(e: Entity): number {
  const m = e.mention ?? "name";
  return m === "name" ? 0 : m === "nominal" ? 1 : 2;
}

/** Builds the view; tokens must be sorted by offset (as tokenize gives them). */
export function buildView(doc: Doc, tokens: readonly Token[]): DocView {
  const entities = (doc.entities ?? []).filter((e) => e.end > e.start);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const entityAt = new Map<number, Entity>();
  const tokenRange = new Map<string, [number, number]>();
  const starts = tokens.map((t) => t.start);
  for (const e of entities) {
    let i = lowerBound(starts, e.start);
    if (i > 0 && tokens[i - 1].end > e.start) i--;
    let first = -1;
    let last = -1;
    for (; i < tokens.length && tokens[i].start < e.end; i++) {
      if (tokens[i].end <= e.start) continue;
      if (first < 0) first = i;
      last = i;
      const cur = entityAt.get(i);
      if (!cur || rank(e) < rank(cur) || (rank(e) === rank(cur) && e.end - e.start < cur.end - cur.start)) entityAt.set(i, e);
    }
    if (first >= 0) tokenRange.set(e.id, [first, last]);
  }
  return { doc, tokens, entities, byId, entityAt, tokenRange };
}

function lowerBound(arr: readonly number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entity a mention finally refers to (following refersTo), or the mention itself. */
export function rootOf(view: DocView, e: Entity): Entity {
  let cur = e;
  for (let d = 0; d < MAX_REFERS_DEPTH && cur.refersTo; d++) {
    const next = view.byId.get(cur.refersTo);
    if (!next || next === cur) break;
    cur = next;
  }
  return cur;
}

/** The display name of a mention: its canonical name, else its root's canonical name or text. */
export function nameOf(view: DocView, e: Entity): string {
  const root = rootOf(view, e);
  return e.canonical ?? root.canonical ?? root.text;
}

/** An event argument for an entity mention (span = the mention; entityId = the mention it resolves to). */
export function entityArg(view: DocView, e: Entity): EventArg {
  const root = rootOf(view, e);
  return { start: e.start, end: e.end, text: e.text, entityId: root.id, name: nameOf(view, e) };
}

/** A text-only argument covering tokens [a, b] inclusive (a described but unnamed participant). */
export function spanArg(view: DocView, a: number, b: number, name?: string, entityId?: string): EventArg {
  const start = view.tokens[a].start;
  const end = view.tokens[b].end;
  const arg: EventArg = { start, end, text: view.doc.text.slice(start, end) };
  if (name) arg.name = name;
  if (entityId) arg.entityId = entityId;
  return arg;
}

/** Whether the entity is a possessive modifier ("Qatar's Minister"): followed by 's or a bare apostrophe. */
export function isPossessive(view: DocView, e: Entity): boolean {
  if (POSSESSIVE_PRONOUN.test(e.text)) return true;
  const r = view.tokenRange.get(e.id);
  if (!r) return false;
  const last = view.tokens[r[1]];
  if (/['’]s$/i.test(last.text) && last.end <= e.end + 2 && /['’]s$/i.test(view.doc.text.slice(e.start, last.end))) return true;
  const next = view.tokens[r[1] + 1];
  return !!next && next.start === last.end && (normOf(next) === "'s" || normOf(next) === "'");
}

/** Finds the entity (if any) whose canonical name or text equals `name`, for linking a country named by an adjective. */
export function entityNamed(view: DocView, name: string): Entity | undefined {
  const lower = name.toLowerCase();
  return view.entities.find((e) => (e.canonical ?? e.text).toLowerCase() === lower && (e.mention ?? "name") === "name");
}
