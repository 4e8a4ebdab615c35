/**
 * Reading CoNLL-style training corpora (`word<TAB>BIO-tag`, blank line between sentences)
 * and mapping their entity types onto the CoNLL-2003 types PERSON/ORG/LOC/MISC.
 * Pure functions over strings; the training script does the file reading.
 */
import type { EntityType } from "../../model.js";
import { bioToSpans, spansToBio } from "./bio.js";
import { Gazetteer } from "./gazetteer.js";
import { personPrefix } from "./titles.js";

/** One sentence of a corpus: words and one tag per word. */
export interface ConllSentence {
  words: string[];
  tags: string[];
}

/** Parses `word<TAB>tag` lines (also `word tag`); blank lines separate sentences. */
export function parseConll(text: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let cur: ConllSentence = { words: [], tags: [] };
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) {
      if (cur.words.length) out.push(cur);
      cur = { words: [], tags: [] };
      continue;
    }
    const tab = line.lastIndexOf("\t");
    const cut = tab >= 0 ? tab : line.lastIndexOf(" ");
    const word = cut >= 0 ? line.slice(0, cut) : line;
    const tag = cut >= 0 ? line.slice(cut + 1).trim() : "O";
    if (!word.trim()) continue;
    cur.words.push(word.trim());
    cur.tags.push(tag || "O");
  }
  if (cur.words.length) out.push(cur);
  return out;
}

/** Maps a corpus entity (its original type and its words) to a CoNLL type, or null to drop it. */
export type TypeMapper = (type: string, words: readonly string[]) => EntityType | null;

/**
 * Re-tags a sentence with mapped types. PERSON spans lose leading titles ("President",
 * "Mr.", "Foreign Minister"): CoNLL does not include them, and the corpora disagree.
 */
export function mapSentence(s: ConllSentence, mapType: TypeMapper, gaz?: Gazetteer): ConllSentence {
  const spans = [];
  for (const sp of bioToSpans(s.tags)) {
    const words = s.words.slice(sp.start, sp.end);
    const type = mapType(sp.type, words);
    if (!type) continue;
    let start = sp.start;
    if (type === "PERSON") {
      const p = personPrefix(words, gaz);
      if (p.leadType) spans.push({ start, end: start + 1, type: p.leadType });
      start += p.prefix;
    }
    spans.push({ start, end: sp.end, type });
  }
  return { words: s.words, tags: spansToBio(s.words.length, spans) };
}

/**
 * GMB types: per, org, geo, gpe (nationalities; country names -> LOC), tim (dropped), art/eve/nat (MISC).
 * CoNLL-2003 conventions are imposed where GMB differs: a bare country name is LOC even when GMB
 * tags it org (a government: "Iran said") or per (noise), and a bare nationality is MISC.
 */
export function gmbMapper(gaz: Gazetteer): TypeMapper {
  return (type, words) => {
    const phrase = words.join(" ");
    if (["per", "org", "geo", "gpe"].includes(type) && gaz.hasEntry(phrase, "country")) return "LOC";
    if (["per", "org"].includes(type) && words.length === 1 && gaz.has(phrase, "demonym")) return "MISC";
    switch (type) {
      case "per":
        return "PERSON";
      case "org":
        return "ORG";
      case "geo":
        return "LOC";
      case "gpe":
        return "MISC";
      case "art":
      case "eve":
      case "nat":
        return "MISC";
      default:
        return null;
    }
  };
}

/** CoNLL-style corpora (wikigold, sec-filings): PER/ORG/LOC/MISC. */
export const conllMapper: TypeMapper = (type) => {
  switch (type.toUpperCase()) {
    case "PER":
    case "PERSON":
      return "PERSON";
    case "ORG":
      return "ORG";
    case "LOC":
      return "LOC";
    case "MISC":
      return "MISC";
    default:
      return null;
  }
};

/** CrossNER politics types. Elections and events are MISC; a bare country is LOC. */
export const crossnerPoliticsMapper: TypeMapper = (type) => {
  switch (type) {
    case "politician":
    case "person":
      return "PERSON";
    case "politicalparty":
    case "organisation":
      return "ORG";
    case "country":
    case "location":
      return "LOC";
    case "misc":
    case "event":
    case "election":
      return "MISC";
    default:
      return null;
  }
};
