import { describe, expect, it } from "vitest";
import { buildDoc } from "../../../test/fixtures/events/build-doc.js";
import { offsetDays, shiftDate, UNKNOWN_DATE } from "./dates.js";
import { findEvents } from "./index.js";

const byType = (doc: ReturnType<typeof buildDoc>, type: string) => findEvents(doc).find((e) => e.type === type);

describe("relative dating: '<duration> after/before X'", () => {
  it("dates the event of the 'after' clause from the dated main event", () => {
    const text = "Egypt called for a ceasefire on Tuesday, two days after Israel attacked Gaza.";
    const doc = buildDoc(text, [{ text: "Egypt", type: "LOC" }, { text: "Israel", type: "LOC" }, { text: "Gaza", type: "LOC" }], [
      { text: "Tuesday", value: "2023-10-17" },
      { text: "two days", value: "P2D", type: "DURATION" },
    ]);
    expect(byType(doc, "appeal")?.date).toBe("2023-10-17");
    expect(byType(doc, "attack")?.date).toBe("2023-10-15");
  });

  it("does not let the main clause's date date the event of a leading 'A day after' clause", () => {
    const text = "A day after Israel attacked Gaza, Egypt called for a ceasefire on Tuesday.";
    const doc = buildDoc(text, [{ text: "Egypt", type: "LOC" }, { text: "Israel", type: "LOC" }, { text: "Gaza", type: "LOC" }], [
      { text: "A day", value: "P1D", type: "DURATION" },
      { text: "Tuesday", value: "2023-10-17" },
    ]);
    expect(byType(doc, "appeal")?.date).toBe("2023-10-17");
    expect(byType(doc, "attack")?.date).toBe("2023-10-16");
  });

  it("dates the main event from a date inside the 'after' clause", () => {
    const text = "Egypt called for a ceasefire a day after Israel attacked Gaza on Monday.";
    const doc = buildDoc(text, [{ text: "Egypt", type: "LOC" }, { text: "Israel", type: "LOC" }, { text: "Gaza", type: "LOC" }], [
      { text: "a day", value: "P1D", type: "DURATION" },
      { text: "Monday", value: "2023-10-16" },
    ]);
    expect(byType(doc, "appeal")?.date).toBe("2023-10-17");
    expect(byType(doc, "attack")?.date).toBe("2023-10-16");
  });

  it("leaves both events undated when neither side has a date", () => {
    const text = "Egypt condemned the raid a day after Israel attacked Gaza.";
    const doc = buildDoc(text, [{ text: "Egypt", type: "LOC" }, { text: "Israel", type: "LOC" }, { text: "Gaza", type: "LOC" }], [
      { text: "a day", value: "P1D", type: "DURATION" },
    ]);
    const crit = byType(doc, "criticize");
    expect(crit?.date).toBeUndefined();
    expect(crit?.time?.value).toBe(UNKNOWN_DATE);
  });
});

describe("relative dating: sequence phrases with nothing to count from", () => {
  it("leaves 'The next day' resolved against the publication date undated", () => {
    const text = "The next day, Egypt called for a ceasefire.";
    const doc = buildDoc(text, [{ text: "Egypt", type: "LOC" }], [{ text: "The next day", value: "2023-10-21" }], "2023-10-20");
    const ev = byType(doc, "appeal");
    expect(ev?.date).toBeUndefined();
    expect(ev?.time?.value).toBe(UNKNOWN_DATE);
  });

  it("keeps an ordinary date ('on Friday')", () => {
    const text = "Egypt called for a ceasefire on Friday.";
    const doc = buildDoc(text, [{ text: "Egypt", type: "LOC" }], [{ text: "Friday", value: "2023-10-20" }]);
    expect(byType(doc, "appeal")?.date).toBe("2023-10-20");
  });
});

describe("date arithmetic", () => {
  it("counts durations in days and shifts dates across months", () => {
    expect(offsetDays("P2D")).toBe(2);
    expect(offsetDays("P1W")).toBe(7);
    expect(offsetDays("PT5H")).toBe(0);
    expect(offsetDays("P3M")).toBeUndefined();
    expect(shiftDate("2023-10-01", -2)).toBe("2023-09-29");
  });
});
