/**
 * Name lists (gazetteers) used as features by the entity tagger and by its rule layer.
 *
 * Lists are plain data ({@link GazetteerLists}); this module does no I/O. Single words are
 * looked up by their lower-cased form; multi-word entries ("united states", "world bank")
 * are matched over token sequences with a longest-match phrase trie. Word clusters learned
 * from unlabelled text ({@link WordClusters}) travel with the lists, as one more lexical resource.
 */
import type { WordClusters } from "./clusters.js";

/** The lists, each a set of lower-cased entries (single words or space-separated phrases). */
export interface GazetteerLists {
  /** Given names ("john", "fatima"). */
  firstNames: string[];
  /** Family names ("smith", "nguyen"). */
  surnames: string[];
  /** Country names and aliases ("qatar", "united states", "u.s."). */
  countries: string[];
  /** Demonyms / nationality adjectives and their plurals ("qatari", "palestinians"). */
  demonyms: string[];
  /** Populous cities and national capitals ("doha", "new york"). */
  cities: string[];
  /** First-level regions, provinces, states ("california", "gaza strip"). */
  regions: string[];
  /** Words that head organisation names ("ministry", "council", "inc."). */
  orgKeywords: string[];
  /** Known organisation names ("united nations", "reuters", "hamas"). */
  orgNames: string[];
  /** Role and title nouns that precede person names ("minister", "envoy", "president"). */
  roleNouns: string[];
  /** Common lower-case English words (a capitalised token whose lower form is here may be no name). */
  commonWords: string[];
  /**
   * Words that end names of events, laws, prizes and other MISC entities ("war", "cup", "act");
   * optional (older model folders have none).
   */
  miscKeywords?: string[];
}

/** The gazetteer classes, used as feature names. */
export type GazClass = "first" | "sur" | "country" | "demonym" | "city" | "region" | "orgkey" | "orgname" | "role" | "common" | "misckey";

/** Classes whose multi-word entries are matched as phrases over tokens. */
const PHRASE_CLASSES: readonly GazClass[] = ["country", "city", "region", "orgname", "role"];

/** Longest phrase (in tokens) the trie will try to match. */
const MAX_PHRASE_TOKENS = 6;

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Classes of phrases ending here. */
  classes: GazClass[];
}

/** One phrase match over a token range [start, end). */
export interface PhraseMatch {
  start: number;
  end: number;
  cls: GazClass;
}

/** Splits a gazetteer phrase into tokens the way the tokenizer does for the common cases (spaces, hyphens). */
export function phraseTokens(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/\s+|(?=-)|(?<=-)/)
    .filter((t) => t.length > 0);
}

/** Normalises a token for lookup: lower case, curly apostrophes straightened. */
export function lookupForm(token: string): string {
  const lower = token.toLowerCase();
  return lower.includes("\u2019") || lower.includes("\u2018") ? lower.replace(/[\u2018\u2019]/g, "'") : lower;
}

/** Fast membership tests over the lists. */
export class Gazetteer {
  private readonly words = new Map<string, GazClass[]>();
  private readonly trie: TrieNode = { next: new Map(), classes: [] };
  readonly lists: GazetteerLists;
  /** Word clusters (tagger features), when the model folder has them. */
  readonly clusters: WordClusters | undefined;

  constructor(lists: GazetteerLists, clusters?: WordClusters) {
    this.lists = lists;
    this.clusters = clusters;
    const add = (cls: GazClass, entries: string[]): void => {
      for (const raw of entries) {
        const entry = lookupForm(raw.trim());
        if (!entry) continue;
        const toks = /[\s-]/.test(entry) ? phraseTokens(entry) : [entry];
        if (toks.length === 1) {
          const have = this.words.get(toks[0]);
          if (!have) this.words.set(toks[0], [cls]);
          else if (!have.includes(cls)) have.push(cls);
        }
        if (PHRASE_CLASSES.includes(cls) && toks.length > 1 && toks.length <= MAX_PHRASE_TOKENS) this.addPhrase(toks, cls);
      }
    };
    add("first", lists.firstNames);
    add("sur", lists.surnames);
    add("country", lists.countries);
    add("demonym", lists.demonyms);
    add("city", lists.cities);
    add("region", lists.regions);
    add("orgkey", lists.orgKeywords);
    add("orgname", lists.orgNames);
    add("role", lists.roleNouns);
    add("common", lists.commonWords);
    add("misckey", lists.miscKeywords ?? []);
  }

  private addPhrase(toks: string[], cls: GazClass): void {
    let node = this.trie;
    for (const t of toks) {
      let n = node.next.get(t);
      if (!n) {
        n = { next: new Map(), classes: [] };
        node.next.set(t, n);
      }
      node = n;
    }
    if (!node.classes.includes(cls)) node.classes.push(cls);
  }

  /** Classes of a single word (any case), or an empty list. */
  classesOf(word: string): readonly GazClass[] {
    return this.words.get(lookupForm(word)) ?? EMPTY;
  }

  /** Classes of a word already in lookup form ({@link lookupForm}). */
  classesOfForm(form: string): readonly GazClass[] {
    return this.words.get(form) ?? EMPTY;
  }

  /** True when the word (any case) is in the given class. */
  has(word: string, cls: GazClass): boolean {
    return this.classesOf(word).includes(cls);
  }

  /** True when the whole phrase (one word or several, any case) is an entry of the given class. */
  hasEntry(phrase: string, cls: GazClass): boolean {
    const toks = phraseTokens(lookupForm(phrase.trim()));
    if (toks.length === 1) return this.classesOfForm(toks[0]).includes(cls);
    return this.matchPhrases(toks).some((m) => m.start === 0 && m.end === toks.length && m.cls === cls);
  }

  /** True when the phrase (one word or several, any case) is a listed country, city or region. */
  isPlace(phrase: string): boolean {
    return this.hasEntry(phrase, "country") || this.hasEntry(phrase, "city") || this.hasEntry(phrase, "region");
  }

  /** True when some multi-word entry starts with this lookup form ({@link lookupForm}); else {@link matchPhrases} finds nothing starting there. */
  startsPhrase(form: string): boolean {
    return this.trie.next.has(form);
  }

  /**
   * Longest multi-word matches over a token sequence (left to right, non-overlapping per class).
   * `forms` are lookup forms ({@link lookupForm}) of the tokens.
   */
  matchPhrases(forms: readonly string[]): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < forms.length; i++) {
      let node: TrieNode | undefined = this.trie;
      let best: { end: number; classes: GazClass[] } | undefined;
      for (let j = i; j < forms.length && j - i < MAX_PHRASE_TOKENS; j++) {
        node = node.next.get(forms[j]);
        if (!node) break;
        if (node.classes.length > 0) best = { end: j + 1, classes: node.classes };
      }
      if (best) for (const cls of best.classes) out.push({ start: i, end: best.end, cls });
    }
    return out;
  }
}

const EMPTY: readonly GazClass[] = [];

/** An empty gazetteer (every lookup misses): for tests and for tagging without lists. */
export function emptyGazetteerLists(): GazetteerLists {
  return { firstNames: [], surnames: [], countries: [], demonyms: [], cities: [], regions: [], orgKeywords: [], orgNames: [], roleNouns: [], commonWords: [] };
}
