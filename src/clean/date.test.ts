import { describe, expect, it } from "vitest";
import { normaliseDate } from "./date.js";

describe("normaliseDate", () => {
  it("keeps dates and full date-times with their offset", () => {
    expect(normaliseDate("2023-10-20")).toBe("2023-10-20");
    expect(normaliseDate("2023-10-20T08:00:00Z")).toBe("2023-10-20T08:00:00+00:00");
    expect(normaliseDate("2023-10-20T08:00:00.123+0530")).toBe("2023-10-20T08:00:00+05:30");
  });
  it("drops a time that has no zone rather than inventing one", () => {
    expect(normaliseDate("2023-10-20T08:00:00")).toBe("2023-10-20");
  });
  it("reads RSS (RFC 822) and written dates", () => {
    expect(normaliseDate("Thu, 19 Oct 2023 08:00:00 GMT")).toBe("2023-10-19T08:00:00+00:00");
    expect(normaliseDate("Thu, 19 Oct 2023 08:00:00 -0400")).toBe("2023-10-19T08:00:00-04:00");
    expect(normaliseDate("October 20, 2023")).toBe("2023-10-20");
    expect(normaliseDate("20 October 2023")).toBe("2023-10-20");
  });
  it("rejects incomplete or impossible dates", () => {
    expect(normaliseDate("2023-02-30")).toBeUndefined();
    expect(normaliseDate("yesterday")).toBeUndefined();
    expect(normaliseDate("Oct 20")).toBeUndefined();
    expect(normaliseDate("")).toBeUndefined();
  });
});

describe("normaliseDate: dates written in other languages (html-date.ts)", () => {
  it("reads month names and local numeric forms the English readers miss", () => {
    const cases: [string, string][] = [
      ["23. Oktober 2025", "2025-10-23"], ["Publié le 3 mars 2025", "2025-03-03"], ["23 de octubre de 2025", "2025-10-23"], ["15 marzo 2025", "2025-03-15"],
      ["23 октября 2025 г.", "2025-10-23"], ["23.10.2025", "2025-10-23"], ["2025年10月23日", "2025-10-23"], ["٢٣ أكتوبر ٢٠٢٥", "2025-10-23"],
    ];
    for (const [input, want] of cases) expect(normaliseDate(input), input).toBe(want);
  });
  it("keeps English and ISO readings, and still rejects what is no full date", () => {
    expect(normaliseDate("October 20, 2023")).toBe("2023-10-20");
    expect(normaliseDate("Oktober 2025")).toBeUndefined();
    expect(normaliseDate("31.02.2025")).toBeUndefined();
  });
});
