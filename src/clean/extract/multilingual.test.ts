import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractHtml } from "../html.js";
import { CALL_TO_ACTION, FURNITURE_TEXT, RELATED_HEADING } from "./patterns.js";
import { textWeight } from "./weight.js";

const DIR = join(import.meta.dirname, "..", "..", "..", "test", "fixtures", "extract", "multilingual");
const page = (name: string): ReturnType<typeof extractHtml> => extractHtml(readFileSync(join(DIR, name), "utf8"));

/** The body keeps every `kept` string and none of the `dropped` ones. */
function expectBody(text: string, kept: string[], dropped: string[]): void {
  for (const s of kept) expect(text).toContain(s);
  for (const s of dropped) expect(text).not.toContain(s);
}

describe("multilingual pages (test/fixtures/extract/multilingual)", () => {
  it("German news: keeps the article; drops cookie banner, menu, byline/date line, ad label, 'Mehr zum Thema' links and share label", () => {
    const r = page("de-news-cookie.html");
    expect(r.text.startsWith("DRESDEN – Nach drei Tagen Dauerregen")).toBe(true);
    expect(r.text.endsWith("nur noch leichten Regen.")).toBe(true);
    expectBody(r.text, ["„Wir sind vorsichtig optimistisch", "Alarmstufe drei"], ["Cookies", "Politik", "Von Jana Vogt", "Anzeige", "Mehr zum Thema", "Pegelvorhersage", "Teilen", "Impressum"]);
    expect(r.meta).toMatchObject({ title: "Hochwasser an der Elbe: Pegel in Dresden sinkt langsam", published: "2025-10-23", language: "de", outlet: "Elbtal Kurier" });
  });

  it("Chinese news: keeps the paragraphs (no spaces between words); drops date/source line, share bar, editor line, related and popular lists", () => {
    const r = page("zh-news.html");
    expect(r.text.startsWith("本报讯 记者从杭州市地铁集团获悉")).toBe(true);
    expectBody(r.text, ["首班车六时发出", "是杭州第二条无人驾驶线路。"], ["来源", "分享到", "微博", "责任编辑", "相关新闻", "十九号线", "热门文章", "版权所有", "首页"]);
    expect(r.meta).toMatchObject({ published: "2025-10-23", language: "zh-cn" });
    expect(r.diagnostics.map((d) => d.code)).not.toContain("clean/extraction-escalated");
  });

  it("Arabic page (dir=rtl): keeps the article; drops the date line, 'اقرأ أيضا' links, share label, most-read sidebar; reads an Arabic-Indic date", () => {
    const r = page("ar-news-rtl.html");
    expect(r.text.startsWith("افتتح وزير الثقافة صباح اليوم الخميس")).toBe(true);
    expectBody(r.text, ["لأدب الطفل", "لزيارات المدارس."], ["نشر في", "اقرأ أيضا", "جائزة الرواية", "الأكثر قراءة", "أسعار الذهب", "جميع الحقوق"]);
    expect(r.text.split("\n\n")).not.toContain("شارك"); // the share label ("بمشاركة" in the text is a word, not the label)
    expect(r.meta).toMatchObject({ title: "افتتاح معرض الكتاب الدولي في دورته الجديدة", published: "2025-10-23", language: "ar" });
  });

  it("Russian forum thread: keeps every post; drops navigation, breadcrumbs, reply links, similar topics and footer", () => {
    const r = page("ru-forum.html");
    expectBody(r.text, ["Добрый день! На участке стоит солнечная панель", "электролит у него не замерзает", "Мы свой увозим в гараж"], [
      "Главная", "Техника и инструменты", "Ответить", "Цитировать", "Похожие темы", "контроллер заряда выбрать", "Все права защищены",
    ]);
  });

  it("Spanish blog: keeps the post; drops date line, newsletter ask, comments, comment form and recent posts", () => {
    const r = page("es-blog-comments.html");
    expect(r.text.startsWith("Hacer masa madre en casa es más fácil")).toBe(true);
    expect(r.text.endsWith("ya está lista para tu primer pan.")).toBe(true);
    expectBody(r.text, ["cincuenta gramos de harina integral"], ["Publicado el", "Suscríbete", "comentarios", "Marta", "harina de trigo normal", "Deja un comentario", "Entradas recientes", "Todos los derechos"]);
    expect(r.meta).toMatchObject({ title: "Cómo hacer masa madre en casa paso a paso", published: "2025-03-15", language: "es" });
  });

  it("Japanese news: keeps the article; drops date line, share bar, related articles and ranking", () => {
    const r = page("ja-news.html");
    expect(r.text.startsWith("北海道は23日朝、強い寒気の影響で")).toBe(true);
    expectBody(r.text, ["札幌管区気象台によると", "早めの交換を呼びかけている。"], ["10時30分", "シェア", "関連記事", "旭川で初雪", "アクセスランキング", "新幹線", "無断転載"]);
    expect(r.meta).toMatchObject({ published: "2025-10-23T10:30:00+09:00", language: "ja" });
  });
});

describe("boilerplate patterns in many languages", () => {
  it("RELATED_HEADING names furniture sections, not article subheadings", () => {
    for (const h of [
      "Related articles", "You may also like...", "Mehr zum Thema", "Das könnte Sie auch interessieren", "À lire aussi", "Les plus lus", "Noticias relacionadas", "Lo más leído",
      "3 comentarios", "Articoli correlati", "Leggi anche", "Você pode gostar...", "Leia também", "Читайте также", "Самые популярные диеты", "Похожие темы", "相关新闻", "猜你喜欢",
      "関連記事", "アクセスランキング", "اقرأ أيضا", "الأكثر قراءة", "İlgili haberler", "En çok okunanlar", "Zobacz też", "Najczęściej czytane", "Lees ook", "Meest gelezen",
    ]) expect(RELATED_HEADING.test(h), h).toBe(true);
    for (const h of ["What the deal includes", "Die Lage am Morgen", "Les négociations", "El primer día", "Что дальше", "交通规划", "今後の見通し", "ردود الفعل", "Comments by the minister on the budget"]) {
      expect(RELATED_HEADING.test(h), h).toBe(false);
    }
  });

  it("CALL_TO_ACTION finds subscription asks with word edges that work beyond ASCII", () => {
    for (const t of ["Subscribe to our newsletter", "Suscríbete a nuestro boletín", "Zapisz się na newsletter", "Abonnez-vous à notre lettre", "Подпишитесь на наш канал", "欢迎关注我们的公众号", "تابعونا على تويتر"]) {
      expect(CALL_TO_ACTION.test(t), t).toBe(true);
    }
    for (const t of ["Readers pay for a digital subscription", "Zapisz sięgnąć", "The subscribers' meeting was long"]) expect(CALL_TO_ACTION.test(t), t).toBe(false);
  });

  it("FURNITURE_TEXT knows ad labels, share bars and 'read more' links in other languages", () => {
    for (const t of ["Anzeige", "Publicidad", "Реклама", "广告", "Teilen", "この記事をシェアする X LINE", "Lire la suite", "Читать далее", "続きを読む"]) expect(FURNITURE_TEXT.test(t), t).toBe(true);
    expect(FURNITURE_TEXT.test("Anzeige gegen Unbekannt erstattet")).toBe(false);
  });

  it("textWeight counts ideographs and kana as words, so length thresholds hold for text without spaces", () => {
    expect(textWeight("Hello  world")).toBe(11);
    expect(textWeight("北京时间")).toBe(12);
    expect(textWeight("시간")).toBe(4);
    expect(textWeight("مرحبا بالعالم")).toBe(13);
  });
});
