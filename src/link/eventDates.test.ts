import { describe, expect, it } from "vitest";
import { EVENT_DATE_MAX_GAP_DAYS, eventDaysConflict, leadEventDays } from "./eventDates.js";

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

describe("leadEventDays", () => {
  it("reads explicit and relative lead dates, relative ones against the publication date", () => {
    expect(leadEventDays(undefined, "October 11, 2023 – In a phone call, the envoy urged a ceasefire.", "2023-10-12")).toEqual([day("2023-10-11")]);
    expect(leadEventDays(undefined, "The envoy met his Russian counterpart on Thursday in Doha.", "2023-10-20")).toEqual([day("2023-10-19")]);
  });

  it("names no day for an unresolvable weekday or an undated lead", () => {
    expect(leadEventDays(undefined, "The envoy met his Russian counterpart on Thursday in Doha.")).toEqual([]);
    expect(leadEventDays(undefined, "The envoy met his Russian counterpart in Doha.", "2023-10-20")).toEqual([]);
  });
});

describe("eventDaysConflict", () => {
  it("separates leads a week apart, not undated ones or ones that also cite the other's day", () => {
    expect(eventDaysConflict([day("2023-10-11")], [day("2023-10-19")])).toBe(true);
    expect(eventDaysConflict([day("2023-10-18")], [day("2023-10-19")])).toBe(false);
    expect(eventDaysConflict([day("2023-10-11")], undefined)).toBe(false);
    expect(eventDaysConflict([day("2023-10-11"), day("2023-10-19")], [day("2023-10-19")])).toBe(false);
  });

  it("leaves reports further apart than EVENT_DATE_MAX_GAP_DAYS to content (a later stage)", () => {
    expect(eventDaysConflict([day("2023-01-01")], [day("2023-01-01") + EVENT_DATE_MAX_GAP_DAYS + 1])).toBe(false);
  });
});
