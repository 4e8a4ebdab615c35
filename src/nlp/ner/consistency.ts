/**
 * Document-level consistency ("one sense per discourse") for entity mentions:
 *
 * - a single-word mention that is the first or last word of a multi-word PERSON elsewhere in
 *   the document is a PERSON ("Zhai Jun ... Zhai told"), whatever the model said;
 * - a name tagged with different types in one document takes its majority type when that
 *   type has at least MAJORITY_RATIO times the votes of any other ("Qatar" LOC x6, ORG x1).
 */
import type { EntityType } from "../../model.js";

/** A mention's text and type, as needed here. */
export interface TypedMention {
  text: string;
  type: EntityType;
}

/** Votes the majority type needs over the runner-up to overrule the model. */
const MAJORITY_RATIO = 2;

/** Returns the (possibly corrected) type of each mention, in order. */
export function consistentTypes(mentions: readonly TypedMention[]): EntityType[] {
  const personParts = new Set<string>();
  for (const m of mentions) {
    if (m.type !== "PERSON") continue;
    const parts = m.text.split(/\s+/);
    if (parts.length < 2) continue;
    personParts.add(parts[0]);
    personParts.add(parts[parts.length - 1]);
  }
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    const v = votes.get(m.text) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    votes.set(m.text, v);
  }
  return mentions.map((m) => {
    if (!/\s/.test(m.text) && personParts.has(m.text)) return "PERSON";
    const v = [...(votes.get(m.text) ?? [])].sort((a, b) => b[1] - a[1]);
    if (v.length > 1 && v[0][1] >= MAJORITY_RATIO * v[1][1]) return v[0][0];
    return m.type;
  });
}
