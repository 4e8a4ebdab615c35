import { describe, expect, it } from "vitest";
import { consistentTypes } from "./consistency.js";

describe("document-level type consistency", () => {
  it("makes a surname mention a PERSON when the full name is one", () => {
    expect(consistentTypes([{ text: "Zhai Jun", type: "PERSON" }, { text: "Zhai", type: "LOC" }])).toEqual(["PERSON", "PERSON"]);
  });

  it("applies a clear majority type and leaves ties alone", () => {
    const qatar = [
      { text: "Qatar", type: "LOC" as const },
      { text: "Qatar", type: "LOC" as const },
      { text: "Qatar", type: "ORG" as const },
    ];
    expect(consistentTypes(qatar)).toEqual(["LOC", "LOC", "LOC"]);
    expect(consistentTypes([{ text: "Apple", type: "ORG" }, { text: "Apple", type: "MISC" }])).toEqual(["ORG", "MISC"]);
  });
});
