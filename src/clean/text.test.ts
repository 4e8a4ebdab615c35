import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanPlainText } from "./text.js";
import type { CleanResult } from "./types.js";

const SAMPLES = join(import.meta.dirname, "../../examples/zhai-doha");
const sample = (prefix: string): string => {
  const f = readdirSync(SAMPLES).find((n) => n.startsWith(prefix));
  if (!f) throw new Error(`sample ${prefix} missing`);
  return readFileSync(join(SAMPLES, f), "utf8");
};

/** Every offset segment copies identical characters; every raw-span diagnostic's text is the raw slice. */
function assertFaithful(raw: string, r: CleanResult): void {
  let covered = 0;
  for (const s of r.offsets) {
    expect(r.text.slice(s.cleanStart, s.cleanStart + s.length)).toBe(raw.slice(s.rawStart, s.rawStart + s.length));
    covered += s.length;
  }
  // Everything but generated separators is mapped.
  expect(covered).toBeGreaterThanOrEqual(r.text.replace(/\n/g, "").length);
  for (const d of r.diagnostics) {
    if (!d.span) continue;
    const base = d.on === "text" ? r.text : raw;
    expect(base.slice(d.span.start, d.span.end)).toBe(d.text);
  }
  if (r.meta.dateline) {
    expect(r.meta.dateline.end).toBeGreaterThan(r.meta.dateline.start);
  }
}

/** The cleaned lines are the raw lines minus the removed ones (and a removed prefix), otherwise untouched. */
function assertBodyUntouched(raw: string, r: CleanResult): void {
  const removed = r.diagnostics.filter((d) => d.on === "raw" && d.span);
  const expected: string[] = [];
  for (const line of raw.split("\n")) {
    let t = line.trim();
    for (const d of removed) if (t.startsWith(d.text!) && t !== d.text) t = t.slice(d.text!.length).trim();
    if (t === "" || removed.some((d) => d.text === t)) continue;
    expected.push(t);
  }
  expect(r.text.split("\n").filter((l) => l !== "")).toEqual(expected);
}

describe("cleanPlainText on the sample corpus", () => {
  it("000: header line gives the date and is removed; no title is invented", () => {
    const raw = sample("000");
    const r = cleanPlainText(raw);
    expect(r.meta.published).toBe("2023-10-20");
    expect(r.meta.sources?.published).toBe("header-line");
    expect(r.meta.title).toBeUndefined();
    expect(r.text.startsWith("China is seeking to promote the de-escalation")).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["clean/header-line"]);
    assertFaithful(raw, r);
    assertBodyUntouched(raw, r);
  });

  it("001: header, breadcrumb and the repeated title are removed; the crumb is the title", () => {
    const raw = sample("001");
    const r = cleanPlainText(raw);
    expect(r.meta.published).toBe("2023-10-12");
    expect(r.meta.title).toBe("China Calls for Ceasefire and Resumption of Peace Talks in Palestine-Israel Conflict");
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toEqual(["clean/header-line", "clean/breadcrumb", "clean/duplicate-title", "clean/heading"]);
    expect(r.diagnostics[1].text).toMatch(/^Home » China Calls/);
    expect(r.text).not.toContain("Home »");
    expect(r.text).not.toContain("China Calls for Ceasefire");
    // The standfirst stays, flagged as a heading; the body starts with its own date.
    expect(r.text.startsWith("China Urges Immediate Ceasefire in Palestine-Israel Conflict\n\nOctober 11, 2023 – In a phone call")).toBe(true);
    assertFaithful(raw, r);
    assertBodyUntouched(raw, r);
  });

  it("002: a text with no debris is unchanged apart from whitespace", () => {
    const raw = sample("002");
    const r = cleanPlainText(raw);
    expect(r.meta.title).toBeUndefined();
    expect(r.diagnostics).toEqual([]);
    expect(r.text).toBe(raw.trim());
    assertFaithful(raw, r);
  });

  it("003: first-line title, and the Reuters dateline kept in text", () => {
    const raw = sample("003");
    const r = cleanPlainText(raw);
    expect(r.meta.title).toBe("Chinese Mideast envoy calls for rights guarantees for Palestinians");
    expect(r.meta.sources?.title).toBe("first-line");
    expect(r.meta.dateline).toMatchObject({ place: "Beijing", agency: "Reuters" });
    const dl = r.meta.dateline!;
    expect(r.text.slice(dl.start, dl.end)).toBe("BEIJING (Reuters) :");
    expect(r.meta.outlet).toBe("Reuters");
    expect(r.meta.sources?.outlet).toBe("dateline");
    expect(r.text.startsWith("BEIJING (Reuters) : China’s special envoy")).toBe(true);
    assertFaithful(raw, r);
    assertBodyUntouched(raw, r);
  });

  it("004: slug caption, photo credit and Leave a Reply removed; heading kept", () => {
    const raw = sample("004");
    const r = cleanPlainText(raw);
    expect(r.meta.title).toBe("China supports Russia in brokering a ceasefire in Palestine");
    const removed = r.diagnostics.filter((d) => d.on === "raw").map((d) => [d.code, d.text]);
    expect(removed).toEqual([
      ["clean/title", "China supports Russia in brokering a ceasefire in Palestine"],
      ["clean/caption", "china and russia collaborate in palestine"],
      ["clean/caption", "Representative photo"],
      ["clean/trailing-debris", "Leave a Reply"],
    ]);
    expect(r.text).toContain("\n\nSuffering Palestine\n\n");
    expect(r.diagnostics.find((d) => d.code === "clean/heading")?.text).toBe("Suffering Palestine");
    expect(r.text.startsWith("In a significant diplomatic development")).toBe(true);
    expect(r.text).not.toContain("Leave a Reply");
    // The glued sentences stay as they were.
    expect(r.text).toContain("conflict.China’s Foreign");
    assertFaithful(raw, r);
    assertBodyUntouched(raw, r);
  });
});

describe("cleanPlainText rules", () => {
  const body = "The minister said on Tuesday that talks would resume next week in the capital, officials confirmed.";

  it("reads other header forms and keeps the rest of the line", () => {
    const r = cleanPlainText(`Published: October 20, 2023 ${body}`);
    expect(r.meta.published).toBe("2023-10-20");
    expect(r.text).toBe(body);
  });

  it("does not take a body line starting with a date as a header", () => {
    const raw = `October 11, 2023 – ${body}`;
    expect(cleanPlainText(raw).text).toBe(raw);
  });

  it("removes other breadcrumb forms and keeps body lines with slashes", () => {
    for (const crumb of ["Home > World > Middle East", "News / Politics /", "World › Asia › China"]) {
      const r = cleanPlainText(`${crumb}\n\n${body}`);
      expect(r.text).toBe(body);
      expect(r.diagnostics[0].code).toBe("clean/breadcrumb");
    }
    const slashes = "Prices rose 3% year/year > expectations / analysts said.";
    expect(cleanPlainText(`${slashes}\n${body}`).text).toBe(`${slashes}\n${body}`);
  });

  it("removes photo credit lines between paragraphs", () => {
    for (const credit of ["Photo: Reuters", "File photo", "(AP Photo/Jane Doe)", "Image: Xinhua", "Representative image"]) {
      const r = cleanPlainText(`${body}\n\n${credit}\n\n${body}`);
      expect(r.text).toBe(`${body}\n\n${body}`);
      expect(r.diagnostics).toMatchObject([{ code: "clean/caption", text: credit }]);
    }
  });

  it("keeps ordinary sentences that mention photos", () => {
    const raw = `${body}\n\nPhotos of the meeting were released by the ministry on Friday.`;
    expect(cleanPlainText(raw).text).toBe(raw);
  });

  it("removes a trailing comment/share block from its first marker to the end", () => {
    const raw = `${body}\n\n${body}\n\nShare this:\nTwitter\nFacebook\n\nLike this:\n\nLeave a Reply\nYour email address will not be published. Required fields are marked *\nName *\nEmail *`;
    const r = cleanPlainText(raw);
    expect(r.text).toBe(`${body}\n\n${body}`);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].text!.startsWith("Share this:")).toBe(true);
    expect(r.diagnostics[0].text!.endsWith("Email *")).toBe(true);
  });

  it("keeps a debris-like phrase that is followed by more article text", () => {
    const raw = `${body}\n\nRelated posts\n\n${body}`;
    expect(cleanPlainText(raw).text).toBe(raw);
  });

  it("recognises dateline forms", () => {
    const cases: [string, string, string | undefined, string][] = [
      ["WASHINGTON, Oct 19 (AP) — ", "Washington", "AP", "WASHINGTON, Oct 19 (AP) —"],
      ["GAZA CITY — ", "Gaza City", undefined, "GAZA CITY —"],
      ["BEIJING (Reuters) - ", "Beijing", "Reuters", "BEIJING (Reuters) -"],
      ["Beijing (Xinhua) -- ", "Beijing", "Xinhua", "Beijing (Xinhua) --"],
    ];
    for (const [prefix, place, agency, span] of cases) {
      const r = cleanPlainText(`A headline about the talks\n\n${prefix}${body}`);
      expect(r.meta.dateline?.place).toBe(place);
      expect(r.meta.dateline?.agency).toBe(agency);
      expect(r.text.slice(r.meta.dateline!.start, r.meta.dateline!.end)).toBe(span);
    }
    expect(cleanPlainText(`US officials - ${body}`).meta.dateline).toBeUndefined();
    expect(cleanPlainText(body).meta.dateline).toBeUndefined();
  });

  it("explicit hints win over guessed metadata and a repeated hinted title is dropped", () => {
    const raw = `date 2023-10-20 Talks resume in Doha\n\nBEIJING (Reuters) - ${body}`;
    const r = cleanPlainText(raw, { title: "Talks resume in Doha", published: "2023-10-21", outlet: "Xinhua", source: "input:jsonl" });
    expect(r.meta.published).toBe("2023-10-21");
    expect(r.meta.sources?.published).toBe("input:jsonl");
    expect(r.meta.outlet).toBe("Xinhua");
    expect(r.meta.title).toBe("Talks resume in Doha");
    expect(r.text.startsWith("BEIJING (Reuters) - ")).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["clean/header-line", "clean/duplicate-title"]);
    assertFaithful(raw, r);
  });

  it("does not take a lone line or a sentence as a title", () => {
    expect(cleanPlainText("Short headline only").meta.title).toBeUndefined();
    expect(cleanPlainText(`${body}\n\n${body}`).meta.title).toBeUndefined();
  });

  it("collapses blank-line runs to one blank line and trims line ends, mapping back to raw", () => {
    const raw = `A headline about the talks  \r\n\r\n\r\n\r\n  ${body}   \n${body}\n\n\n`;
    const r = cleanPlainText(raw);
    expect(r.text).toBe(`${body}\n${body}`);
    assertFaithful(raw, r);
  });
});

describe("cleanPlainText on hard-wrapped text", () => {
  it("does not take a first line that continues on the next as a title", () => {
    const raw = "The envoy met his counterparts in Doha\non Thursday and called for a ceasefire.";
    const r = cleanPlainText(raw);
    expect(r.meta.title).toBeUndefined();
    expect(r.text).toBe(raw);
  });
});

describe("cleanPlainText menu rule", () => {
  const body = "The minister said on Tuesday that talks would resume next week in the capital, officials confirmed.";
  it("removes a leading run of menu entries", () => {
    const raw = `Sign In\nHome\nNews\nSports\nBusiness\nReal Estate\n\n${body}`;
    const r = cleanPlainText(raw);
    expect(r.text).toBe(body);
    expect(r.diagnostics).toMatchObject([{ code: "clean/menu", text: "Sign In\nHome\nNews\nSports\nBusiness\nReal Estate" }]);
  });
  it("keeps a short list inside the article", () => {
    const raw = `${body}\n\nGaza\nWest Bank\nLebanon\n\n${body}`;
    expect(cleanPlainText(raw).text).toBe(raw);
  });
});
