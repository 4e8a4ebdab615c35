import { describe, expect, it } from "vitest";
import { addMonths, isoWeek, parseYmd, resolveRelativeDate, weekdayOnOrBefore } from "./calendar.js";
import { shifted, weekdayFor, yearFor } from "./resolve.js";
import { tenseAt } from "./tense.js";
import { splitSentences } from "./sentences.js";

describe("calendar", () => {
  it("computes ISO weeks, including across New Year", () => {
    expect(isoWeek("2023-10-20")).toBe("2023-W42");
    expect(isoWeek("2013-03-22")).toBe("2013-W12");
    expect(isoWeek("2021-01-01")).toBe("2020-W53");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
  });

  it("parses and validates dates", () => {
    expect(parseYmd("2023-02-29")).toBeUndefined();
    expect(parseYmd("2024-02-29")).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseYmd("2023-10-20T08:00:00Z")).toEqual({ y: 2023, m: 10, d: 20 });
    expect(addMonths({ y: 2023, m: 1, d: 31 }, 1)).toEqual({ y: 2023, m: 2, d: 28 });
  });

  it("finds the latest weekday on or before a date", () => {
    expect(weekdayOnOrBefore({ y: 2023, m: 10, d: 20 }, 5)).toEqual({ y: 2023, m: 10, d: 20 });
    expect(weekdayOnOrBefore({ y: 2023, m: 10, d: 20 }, 5, true)).toEqual({ y: 2023, m: 10, d: 13 });
  });

  it("turns TIMEX3 values into calendar ranges", () => {
    expect(resolveRelativeDate("2023-10-19")).toEqual({ start: "2023-10-19", end: "2023-10-19", granularity: "day" });
    expect(resolveRelativeDate("2023-W42")).toEqual({ start: "2023-10-16", end: "2023-10-22", granularity: "week" });
    expect(resolveRelativeDate("2023-02")?.end).toBe("2023-02-28");
    expect(resolveRelativeDate("2023-Q3")).toMatchObject({ start: "2023-07-01", end: "2023-09-30" });
    expect(resolveRelativeDate("199")).toMatchObject({ start: "1990-01-01", end: "1999-12-31" });
    expect(resolveRelativeDate("PAST_REF")).toBeUndefined();
    expect(resolveRelativeDate("XXXX-10-07")).toBeUndefined();
  });
});

describe("resolution helpers", () => {
  const fri = { y: 2023, m: 10, d: 20 };
  it("shifts at the unit's granularity", () => {
    expect(shifted(fri, "week", -1).value).toBe("2023-W41");
    expect(shifted(fri, "day", -7).value).toBe("2023-10-13");
    expect(shifted(fri, "quarter", 0).value).toBe("2023-Q4");
    expect(shifted(fri, "weekend", 0).value).toBe("2023-W42-WE");
  });

  it("resolves weekdays and month years by tense", () => {
    expect(weekdayFor(fri, 4, undefined, "past")).toEqual({ y: 2023, m: 10, d: 19 });
    expect(weekdayFor(fri, 1, undefined, "future")).toEqual({ y: 2023, m: 10, d: 23 });
    expect(weekdayFor(fri, 5, "last", "unknown")).toEqual({ y: 2023, m: 10, d: 13 });
    expect(yearFor(fri, 12, 1, "past")).toBe(2022);
    expect(yearFor(fri, 12, 1, "future")).toBe(2023);
    expect(yearFor(fri, 3, undefined, "unknown")).toBe(2024);
    expect(yearFor(fri, 5, undefined, "unknown")).toBe(2023);
  });

  it("guesses tense from cues in the clause, then after the expression", () => {
    expect(tenseAt("Talks will begin on April 7, the FAA said.", 20, 27)).toBe("future");
    expect(tenseAt("On Feb. 28, Deutsche Bank released a note saying it would rise.", 3, 10)).toBe("past");
    expect(tenseAt("The vote is in March.", 15, 20)).toBe("unknown");
  });

  it("splits sentences without breaking at abbreviations", () => {
    const text = "On Oct. 7, Hamas attacked at 3 p.m. Friday. Mr. Blinken visited.\nNext line";
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "On Oct. 7, Hamas attacked at 3 p.m. Friday.", "Mr. Blinken visited.", "Next line",
    ]);
  });
});
