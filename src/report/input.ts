/**
 * Input checks shared by the renderers: one story or a list, each at least shaped like a Story.
 * Misuse (nothing, a string, an object without an id or articles) throws a ParallaxError; an empty list is fine.
 */
import { ParallaxError } from "../errors.js";
import type { Story } from "../story/types.js";

/** The list fields every renderer walks; a story missing one is treated as having an empty list. */
const LIST_FIELDS = ["articles", "relations", "entities", "events", "quotes", "facts", "summary", "timeline"] as const;

/** Normalises the renderers' argument to a list and checks each item looks like a Story. */
export function asStoryList(stories: Story[] | Story): Story[] {
  const list = Array.isArray(stories) ? stories : [stories];
  list.forEach((s, i) => {
    if (s === null || typeof s !== "object" || typeof (s as Partial<Story>).id !== "string") {
      throw new ParallaxError(
        "E_REPORT_INPUT",
        `Story #${i + 1} is not a story object (expected an object with a string "id").`,
        "Pass the Story objects built by src/story (or a parsed story JSON document's `stories`).",
      );
    }
    for (const f of LIST_FIELDS) {
      const v = (s as unknown as Record<string, unknown>)[f];
      if (v !== undefined && !Array.isArray(v)) {
        throw new ParallaxError(
          "E_REPORT_INPUT",
          `Story "${s.id}": field "${f}" must be a list, got ${typeof v}.`,
          "Check the story against docs/story.schema.json.",
        );
      }
    }
  });
  return list;
}
