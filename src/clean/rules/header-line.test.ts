import { describe, expect, it } from "vitest";
import { cleanPlainText } from "../text.js";

describe("header-line rule", () => {
  it.each([
    ["date 2023-10-20\nThe envoy met his counterpart in Doha on Thursday.", "2023-10-20"],
    ["Published: October 20, 2023\nThe envoy met his counterpart.", "2023-10-20"],
    ["Veröffentlicht am 23. Oktober 2025\nDer Gesandte traf seinen Amtskollegen in Doha.", "2025-10-23"],
    ["Publié le 3 mars 2025\nL'envoyé a rencontré son homologue à Doha.", "2025-03-03"],
    ["Publicado el 5 de mayo de 2024\nEl enviado se reunió con su homólogo en Doha.", "2024-05-05"],
    ["Опубликовано: 23 октября 2025\nПосланник встретился с коллегой в Дохе.", "2025-10-23"],
    ["发布时间：2023年10月20日\n特使在多哈会见了俄罗斯副外长。", "2023-10-20"],
    ["Datum: 20.10.2023\nDer Gesandte traf seinen Amtskollegen in Doha.", "2023-10-20"],
  ])("reads %j as published %s and removes the header", (raw, date) => {
    const r = cleanPlainText(raw);
    expect(r.meta.published).toBe(date);
    expect(r.meta.sources?.published).toBe("header-line");
    expect(r.diagnostics.map((d) => d.code)).toContain("clean/header-line");
  });

  it("leaves a first line that only mentions a date in running text", () => {
    const r = cleanPlainText("Dated agreements from 2019 were cited.\nMore text follows here.");
    expect(r.meta.sources?.published).not.toBe("header-line");
  });
});
