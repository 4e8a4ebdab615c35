import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractHtml } from "../html.js";
import { CONTACT_HEADING, POST_CHROME_TEXT } from "./patterns.js";

const DIR = join(import.meta.dirname, "..", "..", "..", "test", "fixtures", "extract", "pagetypes");
const page = (name: string): ReturnType<typeof extractHtml> => extractHtml(readFileSync(join(DIR, name), "utf8"));
const codes = (r: ReturnType<typeof extractHtml>): string[] => r.diagnostics.map((d) => d.code);

/** The body keeps every `kept` string and none of the `dropped` ones. */
function expectBody(text: string, kept: string[], dropped: string[]): void {
  for (const s of kept) expect(text).toContain(s);
  for (const s of dropped) expect(text).not.toContain(s);
}

describe("page types (test/fixtures/extract/pagetypes)", () => {
  it("forum thread (phpBB, en): keeps every post body; drops profile lines, signatures, reply titles, edit note, buttons, who-is-online", () => {
    const r = page("forum-en-phpbb.html");
    expectBody(r.text, [
      "I swapped the rear pads on my 2004 NB", "New pads on old rotors almost always", "Also check that the anti-rattle clips", "the squeal is gone. Thanks, both of you.",
    ], ["Posts:", "Joined:", "Location:", "Site Admin", "Velocity Red", "brake FAQ", "Re: Rear brake", "Last edited by", "Quote", "Post Reply", "Who is online", "phpBB", "Board index"]);
  });

  it("Q&A page (pt): keeps the question and every answer; drops votes, tags, share/edit links, user cards, comments and the answer form", () => {
    const r = page("qa-pt.html");
    expect(r.text.startsWith("Tenho uma lista de dicionários")).toBe(true);
    expectBody(r.text, ["Existe uma forma mais simples", "sorted(clientes, key=lambda", "o módulo operator tem a função itemgetter", "Complementando: para ordenar do mais velho"], [
      "42", "57", "Compartilhar", "Melhore esta", "perguntada", "respondida", "Luiza Prado", "reputation", "documentação de", "2 Respostas", "Ordenado por", "Responda", "Perguntas relacionadas",
    ]);
    expect(r.text.indexOf("Existe uma forma")).toBeLessThan(r.text.indexOf("Complementando")); // document order
  });

  it("live blog (de): keeps every timestamped entry with its heading and quote; drops the ad slot, share bar and teasers", () => {
    const r = page("liveblog-de.html");
    expectBody(r.text, [
      "Bahn nimmt Verkehr Richtung Hamburg wieder auf", "mehr als 300 Einsätze", "„Wir wollen niemanden unnötig dem Sturm aussetzen“", "151 Kilometern pro Stunde", "Fähren zu den Inseln fallen aus",
      "blockiert die B 6 bei Syke", "auf die höchste Stufe angehoben", "wir starten unseren Liveblog",
    ], ["Anzeige", "Teilen", "WhatsApp", "Deichschau", "Impressum"]);
    expect(r.meta.published).toBe("2025-11-04T06:00:00+01:00");
  });

  it("blog with comments (en): keeps the post, leaves the comments out even without 'comment' classes (heading 'N thoughts on …')", () => {
    const r = page("blog-comments-en.html");
    expect(r.text.startsWith("Two years ago I bought an electric standing desk")).toBe(true);
    expect(r.text.endsWith("try the cheap things first.")).toBe(true);
    expectBody(r.text, [], ["thoughts on", "Same experience here", "Which timer app", "I disagree a bit", "Leave a Reply", "Recent Posts", "Previous:", "Posted in"]);
  });

  it("press release (en): keeps the release and the company description; drops the media contact block and the SOURCE line", () => {
    const r = page("press-release-en.html");
    expect(r.text.startsWith("ROTTERDAM, Netherlands, Sept. 23, 2025")).toBe(true);
    expectBody(r.text, ["Rotterdam puts us within a day's drive", "The first courses start in November", "About Northwind Robotics", "founded in 2014"], [
      "Media contact", "Sam Okafor", "press@", "+1 614", "SOURCE Northwind", "Print", "names new CFO",
    ]);
  });

  it("press release (fr): drops the 'Contact presse' block at the end, not the text before it", () => {
    const r = page("press-release-fr.html");
    expectBody(r.text, ["La Fromagerie des Alpes annonce l'acquisition", "a déclaré Claire Vuillermoz", "Fondée en 1932 à Chambéry"], ["Contact presse", "Julie Martin", "+33 4", "Télécharger", "Mentions légales"]);
  });

  it("listing page (it): returns no text rather than the teasers, with a low-confidence diagnostic", () => {
    const r = page("listing-it.html");
    expect(r.text).toBe("");
    expect(codes(r)).toContain("clean/listing-page");
  });

  it("article pages are not flagged as listings", () => {
    for (const f of ["forum-en-phpbb.html", "qa-pt.html", "liveblog-de.html", "blog-comments-en.html", "press-release-en.html"]) expect(codes(page(f)), f).not.toContain("clean/listing-page");
  });
});

describe("post chrome and press contact patterns", () => {
  it("match profile lines, edit notes and reply titles in several languages, not prose", () => {
    for (const s of ["Posts: 214", "rustybolt Joined: Mon Mar 02, 2015", "Beiträge: 2.304", "Inscrit le : 12 mars 2019", "Сообщений: 3087", "Last edited by x on Thu, edited 1 time in total.", "Re: Heizung"]) {
      expect(POST_CHROME_TEXT.test(s), s).toBe(true);
    }
    for (const s of ["The council met on Tuesday.", "Renewables: a status report"]) expect(POST_CHROME_TEXT.test(s), s).toBe(false);
  });
  it("match contact blocks and end marks, not ordinary lines", () => {
    for (const s of ["Media contact:", "Press Contacts", "Pressekontakt:", "Contact presse", "Contacto de prensa", "###", "- ENDS -"]) expect(CONTACT_HEADING.test(s), s).toBe(true);
    for (const s of ["Media contacted the minister", "Contact us"]) expect(CONTACT_HEADING.test(s), s).toBe(false);
  });
});
