/**
 * Publication dates written the local way, as pages put them in `<meta>` content and `<time>` text
 * when they give no ISO date: numeric day-month-year forms ("23.11.2026", "23/11/2026"),
 * East Asian forms ("2026年11月23日", "2026년 11월 23일"), and day-month-year with a month name in
 * German, French, Spanish, Italian, Portuguese, Russian, Polish, Turkish, Dutch, Arabic or English
 * ("23. November 2026", "23 de noviembre de 2026", "23 ноября 2026 г."), Arabic-Indic and
 * full-width digits included. ISO and English forms are left to `normaliseDate` (date.ts).
 */

/** Month names (and their usual abbreviations and case forms) by month, lower case, all languages mixed. */
const MONTH_WORDS: string[][] = [
  ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "января", "январь", "янв", "stycznia", "styczeń", "sty", "ocak", "januari", "يناير"],
  ["february", "feb", "februar", "février", "févr", "fevr", "febrero", "febbraio", "fevereiro", "fev", "февраля", "февраль", "фев", "lutego", "luty", "lut", "şubat", "subat", "februari", "فبراير", "شباط"],
  ["march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "марта", "март", "мар", "marca", "marzec", "mart", "maart", "mrt", "مارس", "آذار"],
  ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "апреля", "апрель", "апр", "kwietnia", "kwiecień", "kwi", "nisan", "أبريل", "ابريل", "إبريل", "نيسان"],
  ["may", "mai", "mayo", "maggio", "mag", "maio", "мая", "май", "maja", "maj", "mayıs", "mayis", "mei", "مايو", "أيار", "ايار"],
  ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "июня", "июнь", "июн", "czerwca", "czerwiec", "cze", "haziran", "يونيو", "يونيه", "حزيران"],
  ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "июля", "июль", "июл", "lipca", "lipiec", "lip", "temmuz", "يوليو", "يوليه", "تموز"],
  ["august", "aug", "août", "aout", "agosto", "ago", "августа", "август", "авг", "sierpnia", "sierpień", "sie", "ağustos", "agustos", "augustus", "أغسطس", "اغسطس", "آب"],
  ["september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro", "сентября", "сентябрь", "сен", "września", "wrzesień", "wrz", "eylül", "eylul", "سبتمبر", "أيلول", "ايلول"],
  ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "октября", "октябрь", "окт", "października", "październik", "paź", "ekim", "أكتوبر", "اكتوبر"],
  ["november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноябрь", "ноя", "listopada", "listopad", "lis", "kasım", "kasim", "نوفمبر"],
  ["december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "декабря", "декабрь", "дек", "grudnia", "grudzień", "gru", "aralık", "aralik", "ديسمبر"],
];
const MONTH_OF = new Map<string, number>();
MONTH_WORDS.forEach((words, i) => words.forEach((w) => MONTH_OF.set(w, i + 1)));

/** Filler words between day, month and year ("de", "del", "г.", "року") and weekday names are skipped. */
const DAY_MONTH_YEAR = /(\d{1,2})\s*(?:\.|º|er)?\s*(?:de\s+|del\s+)?([\p{L}]+)\.?,?\s*(?:de\s+|del\s+)?(\d{4})/u;
const MONTH_DAY_YEAR = /([\p{L}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/u;
const NUMERIC_DMY = /(?:^|[^\d])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d])/;
const NUMERIC_YMD = /(?:^|[^\d])(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?![\d])/;
const EAST_ASIAN = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/;

/** Arabic-Indic, Persian and full-width digits to ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g, (c) => {
    const n = c.charCodeAt(0);
    const base = n >= 0xff10 ? 0xff10 : n >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(n - base);
  });
}

function valid(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A local-format date as `YYYY-MM-DD` (a written time is dropped: without a zone it would be
 * guessed, as date.ts does for times without a zone), or undefined. Numeric day-first forms are read day.month.year (the form of most of the world's
 * pages; a month over 12 swaps them).
 *
 * @example parseLocalDate("23. November 2026") // "2026-11-23"
 * @example parseLocalDate("2026年11月23日 14:05") // "2026-11-23"
 */
export function parseLocalDate(input: string): string | undefined {
  const s = asciiDigits(input.normalize("NFC")).toLowerCase();
  let m = EAST_ASIAN.exec(s);
  if (m && valid(+m[1], +m[2], +m[3])) return iso(+m[1], +m[2], +m[3]);
  m = NUMERIC_YMD.exec(s);
  if (m && valid(+m[1], +m[3], +m[4])) return iso(+m[1], +m[3], +m[4]);
  m = NUMERIC_DMY.exec(s);
  if (m) {
    const [a, b, y] = [+m[1], +m[3], +m[4]];
    if (valid(y, b, a)) return iso(y, b, a);
    if (valid(y, a, b)) return iso(y, a, b);
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const mo = MONTH_OF.get(m[2]);
    if (mo && valid(+m[3], mo, +m[1])) return iso(+m[3], mo, +m[1]);
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    const mo = MONTH_OF.get(m[1]);
    if (mo && valid(+m[3], mo, +m[2])) return iso(+m[3], mo, +m[2]);
  }
  return undefined;
}
