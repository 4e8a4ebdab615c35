import { describe, expect, it } from "vitest";
import { fixtureStory, hostileStory } from "../../test/fixtures/report/hostile.js";
import { renderTerminal } from "./terminal.js";

describe("renderTerminal", () => {
  const story = fixtureStory();

  it("is plain text without color: no escape sequences, no Markdown escapes, upper-case section titles", () => {
    const out = renderTerminal(story);
    expect(out).not.toContain("\u001b");
    expect(out.split("\n")[0]).toBe("China's envoy Zhai Jun meets Russian and Qatari officials in Doha");
    expect(out).toContain("\nWHAT HAPPENED\n");
    expect(out).toContain("examples/zhai-doha/000_d0bb359a1e8de23b.txt");
    for (const e of story.events) expect(out).toContain(e.label);
  });

  it("uses ANSI bold only when color is on", () => {
    const out = renderTerminal(story, { color: true });
    expect(out).toContain("\u001b[1mWHAT HAPPENED\u001b[0m");
    expect(out).toContain("\u001b[1msingle source\u001b[0m");
  });

  it("strips escape sequences, control and bidi characters that come from the data", () => {
    for (const color of [false, true]) {
      const out = renderTerminal(hostileStory(), { color });
      expect(out).not.toMatch(/\u001b\[31m|\u001b\]0;|\u0007|\u202e/);
      expect(out).toContain("# red evil"); // the visible text survives; escapes and the OSC title payload do not
      expect(out).not.toContain("pwned");
    }
  });
});
