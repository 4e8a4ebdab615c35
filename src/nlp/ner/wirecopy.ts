/**
 * Two shapes of wire copy that name organisations where the tagger sees none, read from the lines of the text:
 *
 * - A press digest ("PRESS DIGEST - Bulgaria - Oct 29 .") lists a country's leading stories by newspaper: a line that
 *   holds only the paper's name ("TRUD", "24 CHASA", "THE NEWS", "Magyar Hirlap"), then the items from it, each opening
 *   with a dash. The tagger reads such names as people, places or nothing; in a digest the line is the newspaper, ORG.
 * - A desk's sign-off names the bureau: "-- Sofia Newsroom , +359 2 84561", ORG as a whole (not the place in it).
 *
 * A step on candidate spans: the spans it adds replace the ones they overlap.
 */
import { isCapWord } from "./datelines.js";

/** How far down the text a digest's headline may sit (in non-empty lines: a headline, maybe a slug line before it). */
const MAX_HEADLINE_LINE = 2;
/** Most words in a newspaper's name line. */
const MAX_PAPER_WORDS = 5;
/** Most place words before "Newsroom". */
const MAX_BUREAU_WORDS = 3;

const DIGEST_HEADLINE = /\bpress\s+digest\b/i;
/** How much of the text's opening is searched for a digest's headline before its lines are read. */
const HEAD_CHARS = 600;
const NEWSROOM = "newsroom";
/** One word of a newspaper's name: letters or digits, inner apostrophes, dots, hyphens, ampersands ("24", "CHASA", "ZYCIE-WARSZAWY"). */
const PAPER_WORD = /^[\p{L}\d][\p{L}\d'’.&-]*$/u;
const HAS_CAPITAL = /\p{Lu}/u;
/** A date in the line makes it a dateline ("SOFIA 1996-10-29"), not a paper. */
const DATE_WORD = /^\d{1,4}[-/.]\d{1,2}/;

interface TokenSpan {
  start: number;
  end: number;
}

/** Lines of the text as [start, end) character ranges, empty ones left out. */
function lines(text: string): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    const lead = line.length - line.trimStart().length;
    if (line.trim()) out.push([at + lead, at + line.trimEnd().length]);
    at += line.length + 1;
  }
  return out;
}

/** Token indices [a, b) inside the character range [from, to). */
function tokensIn(tokens: readonly { start: number; end: number }[], from: number, to: number): [number, number] {
  let a = 0;
  while (a < tokens.length && tokens[a].start < from) a++;
  let b = a;
  while (b < tokens.length && tokens[b].end <= to) b++;
  return [a, b];
}

/** Is the line a newspaper's name: a few name words, one with a capital, no date, no closing full stop. */
function paperLine(line: string): boolean {
  const words = line.split(/\s+/);
  return words.length <= MAX_PAPER_WORDS && words.every((w) => PAPER_WORD.test(w) && !DATE_WORD.test(w)) && words.some((w) => HAS_CAPITAL.test(w)) && !line.endsWith(".");
}

/**
 * The spans with the newspapers of a press digest and the bureaux of sign-offs made ORG; `make` builds a span from a
 * token range. Returns `spans` itself when nothing applies.
 */
export function wireOrganisations<T extends TokenSpan>(text: string, tokens: readonly { start: number; end: number; text: string }[], spans: T[], make: (start: number, end: number) => T): T[] {
  const found: [number, number][] = [];
  // (Lines are read only where the opening of the text names a digest: this runs on every document.)
  const ls = DIGEST_HEADLINE.test(text.slice(0, HEAD_CHARS)) ? lines(text) : [];
  const digest = ls.slice(0, MAX_HEADLINE_LINE).some(([a, b]) => DIGEST_HEADLINE.test(text.slice(a, b)));
  if (digest) {
    for (let k = 1; k + 1 < ls.length; k++) {
      const [a, b] = ls[k];
      if (!paperLine(text.slice(a, b)) || !/^[-–—]/.test(text.slice(ls[k + 1][0], ls[k + 1][1]))) continue;
      const [ta, tb] = tokensIn(tokens, a, b);
      if (tb > ta) found.push([ta, tb]);
    }
  }
  for (let i = 1; i < tokens.length; i++) {
    const w = tokens[i].text;
    if (w.length !== NEWSROOM.length || w.toLowerCase() !== NEWSROOM || !isCapWord(w)) continue;
    let a = i;
    while (a > 0 && i - a < MAX_BUREAU_WORDS && isCapWord(tokens[a - 1].text) && tokens[a - 1].text.toLowerCase() !== "the") a--;
    if (a < i) found.push([a, i + 1]);
  }
  if (!found.length) return spans;
  const kept = spans.filter((s) => !found.some(([a, b]) => s.start < b && a < s.end));
  return [...kept, ...found.map(([a, b]) => make(a, b))].sort((x, y) => x.start - y.start);
}
