/**
 * What an event says, read from the words after its trigger: for an appeal, who is addressed and what is
 * asked ("called on the international community to play its role" → addressee "the international
 * community", content "to play its role"; "called for restraint" → content "restraint"); for criticism or
 * support, its object ("condemned “all acts that harm civilians”"). Used to write event labels that read
 * as complete clauses; works on the plain text of one sentence, so it never invents words.
 */
import type { Span } from "../../model.js";
import { isCountryName } from "./home.js";

/** The parts of an event's clause after its trigger. */
export interface EventContent {
  /** Who an appeal is addressed to ("the international community" in "called on the international community to …"). */
  addressee?: string;
  /** What is asked, criticized or supported: a noun phrase ("restraint") or an infinitive ("to exercise restraint"). */
  content?: string;
}

/** Most words an addressee may have before its "to" ("urged the UN Security Council to act"). */
const MAX_ADDRESSEE_WORDS = 8;
/** Content is cut at a coordinator ("and", "but", "or") once it has at least this many words (keeps "peace and stability"). */
const MIN_WORDS_BEFORE_COORDINATION = 4;
/** Content longer than this many words is cut, at a word that does not leave it dangling. */
const MAX_CONTENT_WORDS = 10;
/** A headline's title-case span: at least this share of its words of more than three letters are capitalised. */
const TITLE_CASE_SHARE = 0.8;

/** Words that end a clause: what follows is another clause, not the content ("… during a meeting"). */
const CLAUSE_BREAK = /\s(?:while|whereas|during|amid|amidst|as|after|before|since|because|when|which|who|where|saying|adding|noting|stressing|according)\b/i;
/** Punctuation that ends a clause, and quotation marks that open or close one. */
const PUNCT_BREAK = /[,;:()[\]—–"“”*|\\]|``|''|\s-\s|\s-LRB-|\s-RRB-/;
/** Words a shortened clause must not end on (it would dangle: "a solution to", "restraint and"). */
const DANGLING = /\s+(?:a|an|the|to|of|for|in|on|at|by|with|from|into|and|or|but|its|their|his|her|our|this|that|these|those|all|any|more|further)$/i;
/** Prepositions (and the infinitive "to") that open a modifier a shortened clause may drop. */
const PREPOSITION = /^(?:to|of|for|in|on|at|by|with|from|into|over|against|about|under|between)$/i;
/** Determiners that already open a noun phrase (no article needs adding). */
const DETERMINER = /^(?:a|an|the|no|some|any|all|every|each|more|further|greater|its|their|his|her|our|this|that|these|those|[\p{Lu}][\p{L}.'’-]*['’]s)\b/iu;
/** Words that are not nouns heading an object (a pronoun or subordinator after the trigger means no object NP). */
const NOT_AN_OBJECT = /^(?:that|it|this|he|she|they|we|i|you|him|her|them|us|me|on|upon|for|to|in|at|by|with|from|into|as|and|or|but|if|whether|against|about|over)$/i;
/** Words a headline capitalises that stay lower case in a sentence even when not a name. */
const SMALL_WORDS = /^(?:a|an|the|and|or|but|of|in|on|at|to|for|by|with|from|over|into|as)$/i;

/**
 * The addressee and content of the clause after a trigger, within its sentence.
 * `text` is the article text, `trigger` the trigger span, `sentenceEnd` where its sentence ends.
 */
export function eventContent(text: string, trigger: Span, sentenceEnd: number): EventContent {
  const triggerText = text.slice(trigger.start, trigger.end);
  let rest = text.slice(trigger.end, sentenceEnd).replace(/\s+/g, " ").replace(/[.!?]+\s*$/, "").trim();
  if (!rest) return {};
  // "called on X to Y", "appealed to X to Y": the preposition introduces the addressee
  const viaPrep = /\b(?:on|upon)$/i.test(triggerText) ? "" : (/^(?:on|upon)\s/i.exec(rest)?.[0] ?? "");
  const forContent = /\bfor$/i.test(triggerText) || /^for\s/i.test(rest);
  if (forContent) rest = rest.replace(/^for\s+/i, "");
  else if (viaPrep) rest = rest.slice(viaPrep.length);
  // a quoted object: the words inside the quotation marks ("condemning “all acts that harm civilians”")
  const quoted = /^["“]([^"“”]{3,120})["”]/.exec(rest);
  if (quoted) return { content: shortenClause(quoted[1]) };
  if (!forContent) {
    const m = /^(.+?)\s+((?:not\s+)?to\s+\p{Ll}[\p{L}-]*.*)$/u.exec(rest);
    const addressee = m?.[1];
    if (m && addressee && !PUNCT_BREAK.test(addressee) && !CLAUSE_BREAK.test(` ${addressee}`) && addressee.split(" ").length <= MAX_ADDRESSEE_WORDS && !/^no$/i.test(addressee.split(" ")[0]) && !NOT_AN_OBJECT.test(addressee.split(" ")[0])) {
      return { addressee, content: withoutSplitAdverb(shortenClause(m[2])) };
    }
    if (viaPrep) {
      const who = shortenClause(rest);
      return who ? { addressee: who } : {};
    }
  }
  const first = rest.split(" ")[0];
  if (NOT_AN_OBJECT.test(first) || !/^["“]?[\p{L}\d]/u.test(first)) return {};
  const content = shortenClause(rest);
  return content ? { content } : {};
}

/** "to effectively play its role" → "to play its role": an adverb splitting the infinitive is dropped. */
function withoutSplitAdverb(s: string): string {
  return s.replace(/^((?:not\s+)?to)\s+\p{Ll}+ly\s+(?=\p{Ll})/u, "$1 ");
}

/**
 * The first clause of `s`, short enough for a label: cut at punctuation or a word that opens another clause,
 * at a coordinator once the clause has a few words, and at MAX_CONTENT_WORDS; never ending on a dangling word.
 */
export function shortenClause(s: string): string {
  let out = s;
  const p = PUNCT_BREAK.exec(out);
  if (p) out = out.slice(0, p.index);
  const c = CLAUSE_BREAK.exec(out);
  if (c) out = out.slice(0, c.index);
  const words = out.trim().split(/\s+/).filter(Boolean);
  // a coordinator before a past-tense verb opens another predicate ("to exercise restraint and stressed that …")
  const coord = words.findIndex(
    (w, i) => /^(?:and|but|or)$/i.test(w) && (i >= MIN_WORDS_BEFORE_COORDINATION || /^\p{Ll}+ed$/u.test(words[i + 1] ?? "")),
  );
  let kept = coord >= 0 ? words.slice(0, coord) : words;
  if (kept.length > MAX_CONTENT_WORDS) {
    // too long: end before the first preposition that opens a modifier, else at the limit
    const prep = kept.findIndex((w, i) => i >= MIN_WORDS_BEFORE_COORDINATION && PREPOSITION.test(w));
    kept = kept.slice(0, prep > 0 && prep <= MAX_CONTENT_WORDS ? prep : MAX_CONTENT_WORDS);
  }
  let joined = kept.join(" ");
  for (let prev = ""; prev !== joined; ) {
    prev = joined;
    joined = joined.replace(DANGLING, "");
  }
  return /^(?:to|a|an|the)?$/i.test(joined) ? "" : joined;
}

/**
 * A headline's title-case noun phrase in sentence case, with an article where a headline drops one
 * ("Immediate Ceasefire" → "an immediate ceasefire"). Words that are names stay capitalised: country
 * names and any word `isName` accepts (e.g. the article's entity names). Text not in title case is returned as is.
 */
export function sentenceCase(s: string, isName: (word: string) => boolean = () => false): string {
  const words = s.split(" ");
  const long = words.filter((w) => w.replace(/[^\p{L}]/gu, "").length > 3);
  if (words.length < 2 || long.length === 0) return s;
  const caps = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (caps / long.length < TITLE_CASE_SHARE) return s;
  const named = (w: string) =>
    isName(w) || w.split("-").some((part) => isCountryName(part)) || /^\p{Lu}[\p{Lu}\d.]+$/u.test(w);
  const lowered = words.map((w) => (named(w) || (!/^\p{Lu}\p{Ll}/u.test(w) && !SMALL_WORDS.test(w)) ? w : w.toLowerCase()));
  const out = lowered.join(" ");
  // a plural head ("Talks", "Sanctions") or a name first needs no article
  if (DETERMINER.test(out) || named(words[0]) || /[^s]s$/i.test(lastNounBeforePrep(lowered))) return out;
  return `${/^[aeiou]/i.test(out) ? "an" : "a"} ${out}`;
}

/** The last word before the first preposition (the head noun of a headline phrase: "ceasefire" in "immediate ceasefire in Gaza"). */
function lastNounBeforePrep(words: string[]): string {
  const i = words.findIndex((w, k) => k > 0 && SMALL_WORDS.test(w));
  return words[(i < 0 ? words.length : i) - 1] ?? "";
}
