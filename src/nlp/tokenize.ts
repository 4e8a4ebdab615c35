/**
 * Sentences and tokens with exact character offsets, from wink-nlp.
 *
 * wink-nlp keeps each token's original value and the whitespace before it, so summing
 * them gives exact UTF-16 offsets into the input. Line breaks always end a sentence:
 * in cleaned articles a line is a paragraph, a heading or a caption, never half a sentence.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Sentence, Token } from "../model.js";

type WinkNLP = ReturnType<typeof winkNLP>;
let nlpInstance: WinkNLP | undefined;

/**
 * The wink-nlp annotations we use: sentence boundaries and POS tags. wink's own entities,
 * negation and sentiment are never read, and each costs an automaton pass per document;
 * none of them feeds sentence detection or POS tagging, so leaving them out changes no output.
 */
const WINK_PIPE = ["sbd", "pos"];

/** The shared wink-nlp instance (loaded on first use: loading the model takes ~100 ms). */
export function wink(): WinkNLP {
  nlpInstance ??= winkNLP(model, WINK_PIPE);
  return nlpInstance;
}

export interface Tokenized {
  sentences: Sentence[];
  tokens: Token[];
}

/** Pieces of at most this many characters are fed to wink-nlp one at a time (memory stays flat). */
const MAX_CHUNK_CHARS = 20_000;

/**
 * Splits `text` into sentences and tokens. Whitespace is never a token; every token's
 * `text` equals `text.slice(start, end)`.
 *
 * @example tokenize("Zhai met Bogdanov.\nHe said so.").sentences.length === 2
 */
export function tokenize(text: string): Tokenized {
  const nlp = wink();
  const its = nlp.its;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];

  for (const [chunkStart, chunkEnd] of paragraphChunks(text)) {
    const chunk = text.slice(chunkStart, chunkEnd);
    if (!chunk.trim()) continue;
    const doc = nlp.readDoc(chunk);
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];
    // wink token index -> our token index (whitespace tokens are dropped)
    const map = new Array<number>(values.length).fill(-1);
    let offset = chunkStart;
    for (let i = 0; i < values.length; i++) {
      offset += spaces[i].length;
      const v = values[i];
      const start = offset;
      offset += v.length;
      if (!v.trim()) continue;
      map[i] = tokens.length;
      tokens.push({ start, end: offset, text: v, pos: pos[i], norm: v.toLowerCase(), sentence: -1 });
    }
    for (const [a, b] of spans) {
      let first = -1;
      let last = -1;
      for (let i = a; i <= b; i++) {
        if (map[i] < 0) continue;
        if (first < 0) first = map[i];
        last = map[i];
      }
      if (first < 0) continue;
      pushSplitAtNewlines(text, tokens, first, last + 1, sentences);
    }
  }
  sentences.forEach((s, i) => {
    for (let t = s.tokenStart; t < s.tokenEnd; t++) tokens[t].sentence = i;
  });
  return { sentences, tokens };
}

/** Cuts the text into pieces at paragraph breaks, each at most MAX_CHUNK_CHARS long where possible. */
function paragraphChunks(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + MAX_CHUNK_CHARS);
    if (end < text.length) {
      const nl = text.lastIndexOf("\n", end);
      if (nl > start) end = nl + 1;
      else {
        const sp = text.lastIndexOf(" ", end);
        if (sp > start) end = sp + 1;
      }
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** Adds the sentence made of tokens [first, end), split wherever a line break falls between two tokens. */
function pushSplitAtNewlines(text: string, tokens: Token[], first: number, end: number, out: Sentence[]): void {
  let s = first;
  for (let t = first + 1; t < end; t++) {
    if (hasNewline(text, tokens[t - 1].end, tokens[t].start)) {
      out.push({ start: tokens[s].start, end: tokens[t - 1].end, tokenStart: s, tokenEnd: t });
      s = t;
    }
  }
  out.push({ start: tokens[s].start, end: tokens[end - 1].end, tokenStart: s, tokenEnd: end });
}

/** True when `text[from, to)` holds a line break (no substring is built). */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}
