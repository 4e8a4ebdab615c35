import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isParallaxError } from "../../errors.js";
import type { Timex } from "../../model.js";
import { findTimexes } from "./index.js";

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/timex/${name}`, import.meta.url), "utf8");

/** Every timex covers exactly its text, results are sorted and never overlap. */
function expectConsistent(text: string, tx: Timex[]): void {
  for (let i = 0; i < tx.length; i++) {
    expect(tx[i].text).toBe(text.slice(tx[i].start, tx[i].end));
    expect(tx[i].end).toBeGreaterThan(tx[i].start);
    if (i > 0) expect(tx[i].start).toBeGreaterThanOrEqual(tx[i - 1].end);
  }
}

/** The single timex whose text is `s` (fails when absent or ambiguous). */
function one(tx: Timex[], s: string): Timex {
  const hits = tx.filter((t) => t.text === s);
  expect(hits.map((t) => t.text), `timex "${s}" in ${JSON.stringify(tx.map((t) => t.text))}`).toEqual([s]);
  return hits[0];
}

const valueOf = (text: string, s: string, published = "2023-10-20"): string => one(findTimexes(text, { published }), s).value;

describe("findTimexes on the sample corpus (Reuters article published 2023-10-20)", () => {
  const text = fixture("zhai-003.txt");
  const tx = findTimexes(text, { published: "2023-10-20" });

  it("keeps every span equal to its text", () => expectConsistent(text, tx));

  it("resolves a bare weekday to the latest such day on or before publication", () => {
    const thursdays = tx.filter((t) => t.text === "Thursday");
    expect(thursdays.length).toBe(2);
    for (const t of thursdays) {
      expect(t.value).toBe("2023-10-19");
      expect(t.anchor).toBe("published");
      expect(t.anchorDate).toBe("2023-10-20");
      expect(text.slice(t.start - 3, t.start)).toBe("on "); // "Thursday", not "on Thursday"
    }
    expect(one(tx, "Monday").value).toBe("2023-10-16");
  });

  it("gives Oct. 7 the year of the publication date", () => {
    expect(one(tx, "Oct. 7")).toMatchObject({ type: "DATE", value: "2023-10-07" });
  });

  it("counts 'a week ago' back from publication and 'a week later' on from the date before it", () => {
    expect(one(tx, "A week ago")).toMatchObject({ type: "DATE", value: "2023-10-13", anchor: "published" });
    expect(one(tx, "A week later")).toMatchObject({ type: "DATE", value: "2023-10-14", anchorDate: "2023-10-07" });
  });

  it("normalises durations, past references and a year used as a modifier", () => {
    expect(one(tx, "more than a decade")).toMatchObject({ type: "DURATION", value: "P10Y" });
    expect(one(tx, "recent days")).toMatchObject({ type: "DATE", value: "PAST_REF" });
    expect(one(tx, "1967")).toMatchObject({ type: "DATE", value: "1967" });
  });

  it("finds nothing in names that look like months or weekdays", () => {
    const names = findTimexes("Zhai Jun met Xi Jinping. Mark Sat down. Theresa May spoke.", { published: "2023-10-20" });
    expect(names).toEqual([]);
  });
});

describe("findTimexes on other sample articles", () => {
  it("reads a full date", () => {
    const text = "October 11, 2023 – In a phone call between Chinese special envoy Zhai Jun and Jadot";
    expect(one(findTimexes(text, { published: "2023-10-12" }), "October 11, 2023")).toMatchObject({ value: "2023-10-11", anchor: "absolute" });
  });

  it("reads 'in recent days' and 'the borders of 1967'", () => {
    const text = "Qatar has emerged as a crucial intermediary in recent days. A state within the borders of 1967.";
    expect(valueOf(text, "recent days")).toBe("PAST_REF");
    expect(valueOf(text, "1967")).toBe("1967");
  });
});

describe("TimeML/TempEval-3 conventions", () => {
  const dct = "2013-03-22"; // a Friday

  it("resolves weekdays, weeks, months and years around the DCT", () => {
    const text = "The FAA on Friday announced the closures. Officials said this week that last year was worse. " +
      "Deaths were reported in the last week. The program will run through June. Sales rose last month and will rise next year.";
    const tx = findTimexes(text, { published: dct });
    expectConsistent(text, tx);
    expect(one(tx, "Friday").value).toBe("2013-03-22");
    expect(one(tx, "this week").value).toBe("2013-W12");
    expect(one(tx, "last year").value).toBe("2012");
    expect(one(tx, "the last week").value).toBe("2013-W11");
    expect(one(tx, "June").value).toBe("2013-06");
    expect(one(tx, "last month").value).toBe("2013-02");
    expect(one(tx, "next year").value).toBe("2014");
  });

  it("picks the year of a month by tense", () => {
    expect(valueOf("Roth told CNN in August that he was innocent.", "August", dct)).toBe("2012-08");
    expect(valueOf("The book is due to be published in May.", "May", dct)).toBe("2013-05");
    expect(valueOf("He died last June.", "last June", dct)).toBe("2012-06");
    expect(valueOf("The season started in early December.", "early December", dct)).toBe("2012-12");
    expect(valueOf("Talks will begin on April 7, the FAA said.", "April 7", dct)).toBe("2013-04-07");
  });

  it("normalises durations with their modifiers inside the extent", () => {
    const text = "He held the post for almost seven years. Over the past two years, a four-week closure and a six-month " +
      "class followed; a sentence of 90 days, 24 hours of talks, between 12 and 18 months, and for years nothing. " +
      "Several days into the search, a 22-year-old son was found.";
    const tx = findTimexes(text, { published: dct });
    expectConsistent(text, tx);
    expect(one(tx, "almost seven years")).toMatchObject({ type: "DURATION", value: "P7Y" });
    expect(one(tx, "the past two years").value).toBe("P2Y");
    expect(one(tx, "four-week").value).toBe("P4W");
    expect(one(tx, "six-month").value).toBe("P6M");
    expect(one(tx, "90 days").value).toBe("P90D");
    expect(one(tx, "24 hours").value).toBe("PT24H");
    expect(one(tx, "12").value).toBe("P12M");
    expect(one(tx, "18 months").value).toBe("P18M");
    expect(one(tx, "years").value).toBe("PXY");
    expect(one(tx, "Several days").value).toBe("PXD");
    expect(tx.some((t) => t.text.includes("22"))).toBe(false); // an age is no timex
  });

  it("normalises sets, references, times, seasons, quarters, decades and centuries", () => {
    const text = "She checks every week and reports weekly, each year. Now it is currently calm, as in the past; " +
      "the future is open. Call me tonight or at 3 p.m. He left on Friday afternoon. Last summer, in the third quarter of 2012 " +
      "and in the 1990s, the 20th century ended. It was two years ago.";
    const tx = findTimexes(text, { published: dct });
    expectConsistent(text, tx);
    expect(one(tx, "every week")).toMatchObject({ type: "SET", value: "P1W" });
    expect(one(tx, "weekly")).toMatchObject({ type: "SET", value: "P1W" });
    expect(one(tx, "each year")).toMatchObject({ type: "SET", value: "P1Y" });
    expect(one(tx, "Now").value).toBe("PRESENT_REF");
    expect(one(tx, "currently").value).toBe("PRESENT_REF");
    expect(one(tx, "the past").value).toBe("PAST_REF");
    expect(one(tx, "the future").value).toBe("FUTURE_REF");
    expect(one(tx, "tonight")).toMatchObject({ type: "TIME", value: "2013-03-22TNI" });
    expect(one(tx, "3 p.m.")).toMatchObject({ type: "TIME", value: "2013-03-22T15:00" });
    expect(one(tx, "Friday afternoon")).toMatchObject({ type: "TIME", value: "2013-03-22TAF" });
    expect(one(tx, "Last summer").value).toBe("2012-SU");
    expect(one(tx, "the third quarter of 2012").value).toBe("2012-Q3");
    expect(one(tx, "1990s").value).toBe("199");
    expect(one(tx, "20th century").value).toBe("19");
    expect(one(tx, "two years ago").value).toBe("2011");
    expect(valueOf("They meet at 3 p.m. on Friday.", "3 p.m. on Friday", dct)).toBe("2013-03-22T15:00");
  });

  it("does not take counts for years", () => {
    const tx = findTimexes("Some 2000 troops and 1,400 people; 2013 people; 1500 km away. In 2011 it began.", { published: dct });
    expect(tx.map((t) => t.text)).toEqual(["2011"]);
  });

  it("splits year ranges into their two years", () => {
    const tx = findTimexes("The pandemic of 2009-2010 and the expedition of 1957-58.", { published: dct });
    expect(tx.map((t) => [t.text, t.value])).toEqual([["2009", "2009"], ["2010", "2010"], ["1957", "1957"], ["58", "1958"]]);
  });
});

describe("anchors without a publication date", () => {
  it("infers the anchor from the article's own first full date", () => {
    const text = "BEIJING, Oct. 19, 2023 -- Zhai met Bogdanov on Thursday. On Oct. 7, Hamas attacked. Last year was bad.";
    const tx = findTimexes(text);
    expectConsistent(text, tx);
    expect(one(tx, "Oct. 19, 2023")).toMatchObject({ value: "2023-10-19", anchor: "absolute" });
    expect(one(tx, "Thursday")).toMatchObject({ value: "2023-10-19", anchor: "inferred", anchorDate: "2023-10-19" });
    expect(one(tx, "Oct. 7")).toMatchObject({ value: "2023-10-07", anchor: "inferred" });
    expect(one(tx, "Last year").value).toBe("2022");
  });

  it("keeps X placeholders when nothing anchors the text", () => {
    const tx = findTimexes("He met him on Thursday and last week, on Oct. 7, in 2021, for two years.");
    expect(one(tx, "Thursday")).toMatchObject({ value: "XXXX-WXX-4", anchor: "none" });
    expect(one(tx, "last week")).toMatchObject({ value: "XXXX-WXX", anchor: "none" });
    expect(one(tx, "Oct. 7")).toMatchObject({ value: "XXXX-10-07", anchor: "none" });
    expect(one(tx, "2021").value).toBe("2021");
    expect(one(tx, "two years").value).toBe("P2Y");
  });

  it("rejects a publication date that is not a date", () => {
    let err: unknown;
    try {
      findTimexes("on Thursday", { published: "last Tuesday" });
    } catch (e) {
      err = e;
    }
    expect(isParallaxError(err) && err.code).toBe("E_TIMEX_DATE");
  });

  it("uses given sentence spans and accepts a date-time as publication date", () => {
    const text = "He left on Monday.\nShe came on Monday.";
    const tx = findTimexes(text, { published: "2023-10-20T08:00:00+02:00", sentences: [{ start: 0, end: 18 }, { start: 19, end: text.length }] });
    expect(tx.map((t) => t.value)).toEqual(["2023-10-16", "2023-10-16"]);
  });
});
