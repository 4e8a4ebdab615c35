/**
 * A title is no entity of its own: once roles are attached, an entity that lies inside a
 * person's role span and holds a role noun ("Deputy FM and Special Presidential Representative",
 * tagged ORG by the tagger) is dropped. Organisations named inside a role ("the Ministry of
 * Foreign Affairs" in "Minister of State at the Ministry of Foreign Affairs") hold no role noun
 * and stay.
 */
import type { Entity } from "../../model.js";
import { isRoleNoun, ROLE_ABBREVIATIONS } from "./lexicon.js";

export function dropTitleEntities(entities: Entity[]): Entity[] {
  const roles = entities.filter((e) => e.type === "PERSON" && e.role).map((e) => e.role!);
  if (!roles.length) return entities;
  return entities.filter((e) => {
    if (e.type === "PERSON" && e.role) return true;
    const inside = roles.some((r) => e.start >= r.start && e.end <= r.end);
    if (!inside) return true;
    const words = e.text.split(/[\s-]+/);
    return !words.some((w) => isRoleNoun(w) || w.toLowerCase() in ROLE_ABBREVIATIONS);
  });
}
