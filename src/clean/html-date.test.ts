import { describe, expect, it } from "vitest";
import { parseLocalDate } from "./html-date.js";

describe("parseLocalDate", () => {
  it("reads day-month-year with month names in many languages", () => {
    const cases: [string, string][] = [
      ["Donnerstag, 23. Oktober 2025", "2025-10-23"], ["le 3 mars 2025 à 10h", "2025-03-03"], ["23 de octubre de 2025", "2025-10-23"], ["15 marzo 2025", "2025-03-15"],
      ["3 de março de 2025", "2025-03-03"], ["23 октября 2025 г.", "2025-10-23"], ["23 października 2025", "2025-10-23"], ["23 Ekim 2025", "2025-10-23"],
      ["23 oktober 2025", "2025-10-23"], ["٢٣ أكتوبر ٢٠٢٥", "2025-10-23"], ["Oct 23, 2025", "2025-10-23"],
    ];
    for (const [input, want] of cases) expect(parseLocalDate(input), input).toBe(want);
  });

  it("reads numeric and East Asian forms; a time without a zone is dropped", () => {
    expect(parseLocalDate("23.10.2025, 14:05 Uhr")).toBe("2025-10-23");
    expect(parseLocalDate("2025/10/23")).toBe("2025-10-23");
    expect(parseLocalDate("10/23/2025")).toBe("2025-10-23"); // month first when the first number cannot be a month
    expect(parseLocalDate("2025年10月23日 10時30分")).toBe("2025-10-23");
    expect(parseLocalDate("2025년 10월 23일")).toBe("2025-10-23");
  });

  it("gives nothing for text that is no full date", () => {
    for (const s of ["nope 2025", "31.02.2025", "Oktober 2025", ""]) expect(parseLocalDate(s), s).toBeUndefined();
  });
});
