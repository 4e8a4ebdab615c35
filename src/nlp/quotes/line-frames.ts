/**
 * Attributions framed by a whole line rather than by a cue verb:
 * - transcripts and headlines, "WALLACE: Let’s start ..." / "Pence: Gennifer Flowers Won’t Be at Debate": the name at
 *   the start of a line is the source, the colon the cue and the rest of the line the content;
 * - a quotation signed with a dash, "“He represents our greatest shame.” ― Sonya Herridge": the quotation is the
 *   content, the dash the cue and the name after it the source.
 * Works on tokens; returns token ranges [first, one past the last].
 */
import type { Token } from "../../model.js";
import { isCapitalized } from "../roles/doc-utils.js";

/** Longest speaker label before a line-initial colon ("Rush Limbaugh:", "Rep. Jim Jordan:"), in tokens. */
const MAX_LABEL_TOKENS = 4;
/** Longest signature after a dash ("― Julie A. Diaz Martinez"), in tokens. */
const MAX_SIGNATURE_TOKENS = 6;
/** Fewest tokens of content after a line-initial label. */
const MIN_LINE_CONTENT_TOKENS = 3;

/** Labels that head a line with a colon but name no speaker. */
const NON_SPEAKER_LABELS = new Set([
  "correction", "corrections", "clarification", "update", "updated", "updates", "note", "editor", "source", "sources",
  "photo", "photos", "video", "watch", "read", "related", "see", "also", "listen", "click", "follow", "share", "credit",
  "disclosure", "advertisement", "warning", "spoiler", "breaking", "exclusive", "analysis", "opinion", "transcript",
  "q", "a", "question", "answer", "subscribe", "contact", "email", "tel", "phone", "ps", "p.s", "bottom", "sign",
]);
const DASHES = new Set(["―", "—", "–", "--"]);
const OPENING = /^[“"«„”']/;
const CLOSING = /[”"»“']$/;

/** A line-framed attribution, in token indices. */
export interface LineFrame {
  source: [number, number];
  cue: [number, number];
  content: [number, number];
}

/** Finds the line-framed attributions of a text. */
export function findLineFrames(text: string, tokens: readonly Token[]): LineFrame[] {
  const out: LineFrame[] = [];
  let a = 0;
  while (a < tokens.length) {
    // One line: tokens up to the next newline in the text.
    let b = a + 1;
    while (b < tokens.length && !text.slice(tokens[b - 1].end, tokens[b].start).includes("\n")) b++;
    const f = labelFrame(text, tokens, a, b) ?? signatureFrame(tokens, a, b);
    if (f) out.push(f);
    a = b;
  }
  return out;
}

/** Is this token part of a name-like label (a capitalized proper noun, an initial, an honorific's dot)? */
function nameToken(t: Token): boolean {
  if (t.text === "." || t.text === "-") return true;
  return isCapitalized(t) && (t.pos === "PROPN" || t.pos === "NOUN" || /^[A-Z][A-Z.'’-]+$/.test(t.text));
}

/** "WALLACE: ...", "Pat Caddell: ...": a name, a colon, then the line. */
function labelFrame(text: string, tokens: readonly Token[], a: number, b: number): LineFrame | undefined {
  let s = a;
  // A transcript paragraph may open with a stray straight quote ('"WALLACE: ...').
  if (tokens[s].text === "\"" && s + 1 < b) s++;
  let c = s;
  while (c < b && c - s < MAX_LABEL_TOKENS && tokens[c].text !== ":") {
    if (!nameToken(tokens[c])) return undefined;
    c++;
  }
  if (c === s || c >= b || tokens[c].text !== ":") return undefined;
  if (tokens.slice(s, c).some((t) => NON_SPEAKER_LABELS.has(t.norm.replace(/[’']s$/, "")))) return undefined;
  // A single common noun ("Frustration:") is a rubric; a proper noun or an all-capitals name speaks.
  if (!tokens.slice(s, c).some((t) => t.pos === "PROPN" || /^[A-Z]{2,}$/.test(t.text))) return undefined;
  if (text.slice(tokens[c - 1].end, tokens[c].start).length > 0) return undefined; // "Pence :" is no label
  // A transcript turn ("PENCE: ... my running mate.") keeps its final stop, as a quoted statement does; a headline
  // ("Pence: Flowers Won’t Be at Debate") has none of its own.
  const turn = tokens.slice(s, c).every((t) => /^[A-Z][A-Z.'’-]+$/.test(t.text) || t.text === ".");
  const end = turn ? b : trimLineEnd(tokens, c + 1, b);
  if (end - (c + 1) < MIN_LINE_CONTENT_TOKENS) return undefined;
  return { source: [s, c], cue: [c, c + 1], content: [c + 1, end] };
}

/** "“...” ― Name": a line that is a quotation signed with a dash. */
function signatureFrame(tokens: readonly Token[], a: number, b: number): LineFrame | undefined {
  if (!OPENING.test(tokens[a].text)) return undefined;
  let d = b - 1;
  while (d > a && b - d <= MAX_SIGNATURE_TOKENS + 1 && !DASHES.has(tokens[d].text)) d--;
  if (d <= a + 1 || !DASHES.has(tokens[d].text) || !CLOSING.test(tokens[d - 1].text)) return undefined;
  let e = b;
  while (e > d + 1 && /^[.,;]$/.test(tokens[e - 1].text)) e--;
  if (e === d + 1 || !tokens.slice(d + 1, e).every(nameToken) || !isCapitalized(tokens[d + 1])) return undefined;
  return { source: [d + 1, e], cue: [d, d + 1], content: [a, d] };
}

/** Drops a line's final full stop (not one inside a closing quotation mark). */
function trimLineEnd(tokens: readonly Token[], a: number, b: number): number {
  let e = b;
  while (e > a && /^[.,;:]$/.test(tokens[e - 1].text)) e--;
  return e;
}
