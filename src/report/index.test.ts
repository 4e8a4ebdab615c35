import { describe, expect, it } from "vitest";
import { fixtureStory } from "../../test/fixtures/report/hostile.js";
import { isParallaxError } from "../errors.js";
import { renderReport, REPORT_FORMATS } from "./index.js";

describe("renderReport", () => {
  const story = fixtureStory();

  it("dispatches to each format", () => {
    expect(renderReport(story, "markdown")).toMatch(/^# China's envoy/);
    expect(renderReport(story, "terminal")).toMatch(/^China's envoy/);
    expect(renderReport(story, "html")).toMatch(/^<!doctype html>/);
    expect(JSON.parse(renderReport(story, "json")).stories[0].id).toBe(story.id);
    expect(REPORT_FORMATS).toHaveLength(4);
  });

  it("throws a coded ParallaxError with a fix for an unknown format", () => {
    try {
      renderReport(story, "pdf");
      expect.unreachable();
    } catch (err) {
      expect(isParallaxError(err) && err.code).toBe("E_REPORT_FORMAT");
      expect(isParallaxError(err) && err.fix).toContain("markdown, terminal, html, json");
    }
  });
});
