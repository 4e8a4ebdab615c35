import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Article } from "../model.js";
import { toArticle } from "./article.js";
import { readInputs } from "./read.js";

const DIR = join(import.meta.dirname, "..", "..", "test", "fixtures", "extract");

async function articles(): Promise<Map<string, Article>> {
  const out = new Map<string, Article>();
  for await (const item of readInputs([DIR])) {
    if (!item.ok) throw new Error(item.diagnostic.message);
    out.set(relative(DIR, item.doc.path), toArticle(item.doc));
  }
  return out;
}

/** Every offset segment covers identical characters of the cleaned text and the raw page. */
function expectOffsetsExact(a: Article): void {
  expect(a.offsets?.length).toBeGreaterThan(0);
  for (const s of a.offsets ?? []) expect(a.text.slice(s.cleanStart, s.cleanStart + s.length)).toBe(a.raw.slice(s.rawStart, s.rawStart + s.length));
}

describe("saved HTML pages (test/fixtures/extract)", async () => {
  const all = await articles();

  it("reads every page in the folder", () => {
    // multilingual/ and pagetypes/ have their own tests (src/clean/extract/multilingual.test.ts, pagetypes.test.ts).
    expect([...all.keys()].filter((k) => !k.startsWith("multilingual") && !k.startsWith("pagetypes")).sort()).toEqual(["blog-fr.html", "forum-de.html", "legacy-es.html", "news-wire.html"]);
  });

  it("news page: keeps paragraphs, subheading, list and quote; drops navigation, share bar, related links, tags, comments, banners", () => {
    const a = all.get("news-wire.html")!;
    for (const s of ["ROTTERDAM – Dock workers", "6.5% in the first year & 4% in the second.", "What the deal includes", "Night-shift allowances", "“This is a fair result", "Talks on a separate agreement"]) {
      expect(a.text).toContain(s);
    }
    for (const s of ["cookies", "Business", "Facebook", "Strike enters second week", "Ports", "Finally!", "Most read", "morning briefing", "All rights reserved", "Cranes at the container", "Mara Lindqvist"]) {
      expect(a.text).not.toContain(s);
    }
    expect(a.meta).toMatchObject({ title: "Port workers end strike after pay deal", published: "2024-03-14T08:15:00+01:00", author: "Mara Lindqvist", outlet: "Harbour Times", language: "en" });
    expectOffsetsExact(a);
    // Evidence maps back into the page: a sentence's offsets point at the same words in the HTML.
    const at = a.text.indexOf("Employers said");
    const seg = a.offsets!.find((s) => s.cleanStart <= at && at < s.cleanStart + s.length)!;
    expect(a.raw.slice(seg.rawStart + at - seg.cleanStart).startsWith("Employers said")).toBe(true);
  });

  it("French blog: keeps the post with its headings; drops menu, sharing, tags, author box, comment form and sidebar; date from the URL", () => {
    const a = all.get("blog-fr.html")!;
    expect(a.text.startsWith("Depuis que je vais au travail à vélo, j’ai appris")).toBe(true);
    expect(a.text).toContain("2. Régler les freins");
    expect(a.text).toContain("jusqu’à ce que le freinage soit franc.");
    for (const s of ["Accueil", "Partager", "Étiquettes", "Léa écrit", "Laisser un commentaire", "Articles récents", "courriel", "WordPress", "Publié le"]) {
      expect(a.text).not.toContain(s);
    }
    expect(a.meta).toMatchObject({ title: "Réparer un vélo de ville soi-même", published: "2023-09-27", outlet: "Le carnet de Léa", language: "fr" });
    expect(a.meta.sources?.published).toBe("url");
    expectOffsetsExact(a);
  });

  it("German forum thread: keeps every post, drops breadcrumbs, profiles, pagination and footer", () => {
    const a = all.get("forum-de.html")!;
    for (const s of ["seit dem Umstieg auf eine neue Gastherme", "Das klingt nach der Nachtabsenkung", "Seit ich die Absenkung reduziert habe"]) expect(a.text).toContain(s);
    for (const s of ["Anmelden", "Beiträge: 12", "Seite 1 von 1", "Impressum"]) expect(a.text).not.toContain(s);
    expect(a.meta).toMatchObject({ title: "Heizung macht nachts Geräusche", language: "de" });
    expectOffsetsExact(a);
  });

  it("old table layout without paragraphs: keeps the <br>-separated text, drops the menu row and link column", () => {
    const a = all.get("legacy-es.html")!;
    expect(a.text).toContain("El pleno municipal aprobó ayer por mayoría");
    expect(a.text).toContain("La oposición votó en contra");
    expect(a.text.split("\n\n").length).toBeGreaterThanOrEqual(3);
    for (const s of ["Portada", "Hemeroteca", "Esquelas", "Aviso legal"]) expect(a.text).not.toContain(s);
    expect(a.meta.published).toBe("2022-05-06");
    expectOffsetsExact(a);
  });
});
