/**
 * The line model of the plain-text cleaner: splitting raw text into trimmed lines with raw
 * offsets, recording removals, and joining kept lines back into cleaned text with an offset map.
 */
import type { Diagnostic, OffsetSegment } from "../model.js";
import type { CleanState, Line } from "./types.js";

/** Whitespace trimmed from line ends (includes NBSP and the BOM, which scraped text often carries). */
const EDGE_SPACE = /[\s\uFEFF\u200B]/;

/** Splits raw text into non-blank lines, each trimmed, with raw offsets. */
export function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\n]*(?:\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) && m[0] !== "") {
    let s = m.index;
    let e = m.index + m[0].length;
    while (s < e && EDGE_SPACE.test(raw[s])) s++;
    while (e > s && EDGE_SPACE.test(raw[e - 1])) e--;
    if (e > s) lines.push({ start: s, end: e, text: raw.slice(s, e) });
  }
  return lines;
}

/** Records the removal of raw [start, end) as an info diagnostic `clean/<rule>`. */
export function noteRemoval(state: CleanState, rule: string, start: number, end: number, why: string): void {
  const d: Diagnostic = {
    code: `clean/${rule}`,
    severity: "info",
    stage: "clean",
    message: why,
    span: { start, end },
    on: "raw",
    text: state.raw.slice(start, end),
  };
  state.diagnostics.push(d);
}

/** Removes line `i` entirely, with a diagnostic. */
export function removeLine(state: CleanState, i: number, rule: string, why: string): void {
  const l = state.lines[i];
  noteRemoval(state, rule, l.start, l.end, why);
  state.lines.splice(i, 1);
}

/** Removes the first `len` raw characters of line `i` (and the whitespace after them); drops the line if nothing is left. */
export function removePrefix(state: CleanState, i: number, len: number, rule: string, why: string): void {
  const l = state.lines[i];
  let cut = l.start + len;
  while (cut < l.end && EDGE_SPACE.test(state.raw[cut])) cut++;
  noteRemoval(state, rule, l.start, Math.min(l.start + len, l.end), why);
  if (cut >= l.end) {
    state.lines.splice(i, 1);
    return;
  }
  state.lines[i] = { ...l, start: cut, text: state.raw.slice(cut, l.end) };
}

/** A separator between two kept lines: a blank line when the raw text had one between them, else a newline. */
function separator(raw: string, prevEnd: number, nextStart: number): string {
  // Two or more newlines between kept lines: a blank line (or a removed line) separated them.
  return /\n[\s\S]*\n/.test(raw.slice(prevEnd, nextStart)) ? "\n\n" : "\n";
}

/**
 * Joins the kept lines into the cleaned text and maps it back to the raw text.
 * Separators are copied into a segment when the raw text holds exactly the same characters there.
 */
export function joinLines(raw: string, lines: Line[]): { text: string; offsets: OffsetSegment[]; lineStarts: number[] } {
  let text = "";
  const lineStarts: number[] = [];
  const offsets: OffsetSegment[] = [];
  const push = (cleanStart: number, rawStart: number, length: number): void => {
    const last = offsets[offsets.length - 1];
    if (last && last.cleanStart + last.length === cleanStart && last.rawStart + last.length === rawStart) last.length += length;
    else offsets.push({ cleanStart, rawStart, length });
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (i > 0) {
      const prev = lines[i - 1];
      const sep = separator(raw, prev.end, l.start);
      if (raw.slice(prev.end, l.start) === sep) push(text.length, prev.end, sep.length);
      text += sep;
    }
    lineStarts.push(text.length);
    push(text.length, l.start, l.end - l.start);
    text += l.text;
  }
  return { text, offsets, lineStarts };
}

/** Words of a line (letters/digits runs). */
export function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-]*/gu) ?? [];
}

/** Lower-cased, whitespace- and quote-normalised form for comparing lines. */
export function normalise(s: string): string {
  return s.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();
}
