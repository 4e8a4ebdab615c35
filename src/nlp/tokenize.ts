/**
 * Sentences and tokens with exact character offsets, from wink-nlp.
 *
 * wink-nlp keeps each token's original value and the whitespace before it, so summing
 * them gives exact UTF-16 offsets into the input. Line breaks always end a sentence:
 * in cleaned articles a line is a paragraph, a heading or a caption, never half a sentence.
 *
 * Tokenization is a function of the text alone, whatever was read before: see {@link WinkSession}.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Sentence, Token } from "../model.js";

type WinkNLP = ReturnType<typeof winkNLP>;

/**
 * The wink-nlp annotations we use: sentence boundaries and POS tags. wink's own entities,
 * negation and sentiment are never read, and each costs an automaton pass per document;
 * none of them feeds sentence detection or POS tagging, so leaving them out changes no output.
 */
const WINK_PIPE = ["sbd", "pos"];

/**
 * Out-of-vocabulary lexemes an instance may hold (read and forgotten) before it is replaced by a fresh one.
 * Forgotten lexemes keep their slot (see {@link WinkSession}), so memory grows by ~100 bytes per OOV word per
 * document until then; a fresh instance costs ~100 ms. The bound also keeps OOV lexeme ids far below
 * 1,048,575, where wink's automata start using ids for their own events (hints, "otherwise").
 */
const MAX_FORGOTTEN_LEXEMES = 200_000;

/** One wink feature table (`lexeme`, `prefix`, `suffix`, `shape`): value -> id and id -> value. */
interface FeatureTable {
  hash: Record<string, number>;
  list: string[];
  index: number;
}

/** The per-instance language model that wink-nlp's `core()` returns (only the part we reset). */
interface CoreModel {
  features: Record<string, Partial<FeatureTable> | undefined>;
}

/**
 * A wink-nlp instance whose vocabulary is put back to its pristine state before each text.
 *
 * Root cause of the history dependence: wink-nlp's per-instance lexicon cache (wink-nlp/src/cache.js) adds
 * every out-of-vocabulary word it reads to the model's lexeme table (`features.lexeme.hash`/`list`) and its
 * new prefixes, suffixes and shapes to their tables. The tokenizer then asks `isLexeme()` (that same table)
 * whether to keep a piece whole or split it (after "... spoke of Gadhafi's." it keeps "Gadhafi's" whole
 * everywhere, where a fresh instance splits "Gadhafi" "'s"), and a word's token type and features are those
 * of its first reading; so after reading other documents, the same text can tokenize, split into sentences
 * and POS-tag differently (390 of the first 1,000 T17 articles did). Unbounded, the prefix/suffix/shape ids
 * would also overflow their bit fields in the packed lexicon (shape has 14 bits, next to isAbbrev and pos).
 *
 * Fix: {@link WinkSession.forget} removes from the tables every entry added since the instance was loaded.
 * Prefix/suffix/shape tables are cut back to their pristine length. The lexeme table keeps its slots,
 * because wink stores an OOV word's features in a private array indexed by its slot, but the forgotten
 * words leave the hash, so every lookup answers exactly as on a fresh instance; a word read again gets a
 * new slot with features computed from the word alone. OOV slot numbers are never matched by wink's
 * sentence and POS automata (their events are in-vocabulary ids and hint codes >= 1,080,000), so output
 * equals a fresh instance's (tests compare the two).
 */
class WinkSession {
  readonly nlp: WinkNLP;
  /** Per feature table: its pristine length and how far it has been cleaned. */
  private readonly tables: { name: string; table: FeatureTable; pristine: number; cleaned: number }[] = [];

  constructor() {
    let core: CoreModel | undefined;
    // Same model, but keep a handle on the per-instance tables that `core()` builds (a fresh copy each call),
    // and load the custom-entity meta model once: its loader re-stringifies a module-level string on every
    // call (the string grows each time), so after a few instances a process fails with "Invalid string length".
    const loaders = model as unknown as { core: () => CoreModel; metaCER: () => unknown };
    metaCER ??= loaders.metaCER();
    const meta = metaCER;
    const tracked = Object.assign(Object.create(null) as typeof model, model, {
      core: () => (core = loaders.core()),
      metaCER: () => meta,
    });
    this.nlp = winkNLP(tracked, WINK_PIPE);
    if (!core) throw new Error("wink-nlp did not load its core model");
    for (const [name, f] of Object.entries(core.features)) {
      if (!f || !f.hash || !Array.isArray(f.list) || typeof f.index !== "number") continue;
      const table = f as FeatureTable;
      this.tables.push({ name, table, pristine: table.list.length, cleaned: table.list.length });
    }
  }

  /** OOV lexemes forgotten so far (their slots are still held). */
  get forgottenLexemes(): number {
    const t = this.tables.find((x) => x.name === "lexeme");
    return t ? t.table.list.length - t.pristine : 0;
  }

  /** Removes every lexeme, prefix, suffix and shape added since the instance was loaded. */
  forget(): void {
    for (const t of this.tables) {
      const { hash, list } = t.table;
      if (list.length === t.cleaned) continue;
      for (let i = t.cleaned; i < list.length; i++) if (hash[list[i]] === i) delete hash[list[i]];
      if (t.name === "lexeme") {
        t.cleaned = list.length;
      } else {
        list.length = t.pristine;
        t.table.index = t.pristine;
      }
    }
  }
}

let session: WinkSession | undefined;
/** wink-eng-lite-web-model's custom-entity meta model, loaded once per process (see WinkSession). */
let metaCER: unknown;

/**
 * The shared wink-nlp instance (loaded on first use: loading the model takes ~100 ms). Its vocabulary is
 * reset before each text {@link tokenize} reads; a caller reading documents itself should call
 * {@link resetWink} first to get history-free results.
 */
export function wink(): WinkNLP {
  session ??= new WinkSession();
  return session.nlp;
}

/**
 * Puts the shared wink-nlp instance back to its pristine vocabulary (and replaces it by a fresh one when it
 * holds more than MAX_FORGOTTEN_LEXEMES forgotten words). Cheap: proportional to the words added since the last reset.
 */
export function resetWink(): void {
  if (!session) return;
  session.forget();
  if (session.forgottenLexemes > MAX_FORGOTTEN_LEXEMES) session = new WinkSession();
}

/** A wink-nlp instance of its own, never shared (tests compare the shared one against it). */
export function freshWink(): WinkNLP {
  return new WinkSession().nlp;
}

export interface Tokenized {
  sentences: Sentence[];
  tokens: Token[];
}

/** Pieces of at most this many characters are fed to wink-nlp one at a time (memory stays flat). */
const MAX_CHUNK_CHARS = 20_000;

/**
 * Splits `text` into sentences and tokens. Whitespace is never a token; every token's
 * `text` equals `text.slice(start, end)`. The result depends on `text` alone: the shared instance's
 * vocabulary is reset first ({@link resetWink}). `instance` (tests) reads with that instance as it is.
 *
 * @example tokenize("Zhai met Bogdanov.\nHe said so.").sentences.length === 2
 */
export function tokenize(text: string, instance?: WinkNLP): Tokenized {
  let nlp = instance;
  if (!nlp) {
    resetWink();
    nlp = wink();
  }
  const its = nlp.its;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];

  for (const [chunkStart, chunkEnd] of paragraphChunks(text)) {
    const chunk = text.slice(chunkStart, chunkEnd);
    if (!chunk.trim()) continue;
    const doc = nlp.readDoc(forWink(chunk));
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];
    // wink token index -> our first and last token index (whitespace tokens are dropped; a glued possessive is two)
    const map = new Array<number>(values.length).fill(-1);
    const mapLast = new Array<number>(values.length).fill(-1);
    let offset = chunkStart;
    for (let i = 0; i < values.length; i++) {
      offset += spaces[i].length;
      const v = values[i];
      const start = offset;
      offset += v.length;
      if (!v.trim()) continue;
      map[i] = tokens.length;
      const original = text.slice(start, offset);
      const glued = GLUED_POSSESSIVE.exec(original);
      if (glued) {
        const cut = offset - glued[1].length;
        tokens.push({ start, end: cut, text: text.slice(start, cut), pos: pos[i], norm: text.slice(start, cut).toLowerCase(), sentence: -1 });
        tokens.push({ start: cut, end: offset, text: glued[1], pos: "PART", norm: glued[1].toLowerCase(), sentence: -1 });
      } else tokens.push({ start, end: offset, text: original, pos: pos[i], norm: original.toLowerCase(), sentence: -1 });
      mapLast[i] = tokens.length - 1;
    }
    for (const [a, b] of spans) {
      let first = -1;
      let last = -1;
      for (let i = a; i <= b; i++) {
        if (map[i] < 0) continue;
        if (first < 0) first = map[i];
        last = mapLast[i];
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

/**
 * A capitalised word with its possessive glued on, which wink-nlp sometimes keeps as one token (after
 * some words, before a full stop: "now Obama's."); it is two tokens like everywhere else ("Obama" "'s").
 */
const GLUED_POSSESSIVE = /^\p{Lu}[\p{L}.-]*\p{L}(['\u2019]s)$/u;

/** A left single quote between a letter and "s"/"t"/"ll"... used as an apostrophe ("China‘s"). */
const LEFT_QUOTE_APOSTROPHE = /(?<=\p{L})\u2018(?=(?:s|t|d|ll|re|ve|m)\b)/gu;
/**
 * A decimal written without its leading zero after a space or a line start (".556" in a standings table): wink-nlp reads
 * its point as a full stop and ends the sentence there.
 */
const BARE_DECIMAL_POINT = /(?<=^|[ \t(])\.(?=\d)/gm;
/** Latin letters outside Latin-1 (ā, ō, ễ, ș...): wink-nlp splits a word at them ("Māori" -> "M ā ori"). */
const EXTENDED_LATIN = /[\u0100-\u024f\u1e00-\u1eff]/g;

/**
 * The text wink-nlp reads: the same length in UTF-16 units (so offsets hold) with characters its
 * tokenizer mishandles replaced by look-alikes it knows: a left single quote used as an apostrophe
 * becomes "'", and an extended Latin letter that is a base letter with diacritics becomes the base
 * letter, and the point of a bare decimal (".556") becomes "0". Tokens keep the original text.
 */
export function forWink(text: string): string {
  return text.replace(LEFT_QUOTE_APOSTROPHE, "'").replace(BARE_DECIMAL_POINT, "0").replace(EXTENDED_LATIN, (c) => {
    const base = c.normalize("NFD")[0];
    return base.length === 1 && base.charCodeAt(0) < 0x80 ? base : c;
  });
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
