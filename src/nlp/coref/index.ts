/**
 * Within-article coreference, conservative (precision over recall).
 *
 * - Name mentions: a short form ("Zhai", "Khulaifi", "Mr. Bogdanov") joins the one longer name in the article that
 *   holds it at its start or end ("Zhai Jun", "Mohammed bin Abdulaziz bin Saleh Al Khulaifi"). When two different
 *   full names share it ("Bill Clinton", "Hillary Clinton"), the short form stays unresolved.
 * - Role nominals: "the envoy", "China's envoy", "the minister" -> the most recent earlier person whose role (see
 *   attachRoles) has that head noun and agrees with any national qualifier ("China's" ~ "Chinese").
 * - Pronouns he/him/his/she/her: the subject-most compatible person earlier in the same sentence, else the first
 *   compatible person in one of the previous sentences. Gender from honorifics, gendered role nouns and a first-name
 *   list; unknown gender agrees with both. "they"/"it" are left alone.
 * - Organizations: "the ministry" -> the most recent earlier ORG whose name holds "Ministry".
 */
import type { Doc, Entity, Token } from "../../model.js";
import { ensureTokens, isCapitalized, isPossessiveMarker, spanOf, tokenAtOrAfter } from "../roles/doc-utils.js";
import { GENDERED_ROLE_NOUNS, HONORIFICS, ROLE_MODIFIERS, ROLE_NOUNS, WEAK_ROLE_NOUNS } from "../roles/lexicon.js";
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from "./first-names.js";

/** How many sentences back a pronoun may look for its antecedent (0 = same sentence only). */
const PRONOUN_SENTENCE_WINDOW = 2;
/** Longest role nominal, in tokens ("the Palestinian first deputy foreign minister"). */
const MAX_NOMINAL_TOKENS = 7;
/** Characters two qualifiers must share at their start to agree ("China" ~ "Chinese", "Russia" ~ "Russian"). */
const QUALIFIER_PREFIX_CHARS = 4;
/** Confidence given to the mentions this stage creates. */
const NOMINAL_SCORE = 0.7;
const PRONOUN_SCORE = 0.6;

/** Head nouns of organization nominals ("the ministry") and the word an ORG name must hold to be their antecedent. */
const ORG_NOMINAL_HEADS = new Set([
  "ministry", "government", "council", "agency", "company", "party", "committee", "department", "commission",
  "administration", "organization", "organisation", "office", "bank", "court", "parliament", "campaign", "union",
]);

const MALE_PRONOUNS = new Set(["he", "him", "his", "himself"]);
const FEMALE_PRONOUNS = new Set(["she", "her", "hers", "herself"]);

type Gender = "male" | "female" | "unknown";

interface Cluster {
  /** Id of the first mention that carries the canonical name. */
  headId: string;
  canonical: string;
  gender: Gender;
  /** Lower-cased words of every role given to the person (for nominal matching). */
  roleWords: Set<string>;
  /** Lower-cased role texts (for qualifier agreement). */
  roleText: string;
}

interface PersonMention {
  start: number;
  end: number;
  sentence: number;
  cluster: Cluster;
  /** The mention is directly followed by a verb (skipping auxiliaries, adverbs and one comma-closed appositive). */
  subject?: boolean;
}

/**
 * Links mentions within one article. Sets `canonical` and `refersTo` on PERSON name entities in `doc.entities`
 * (short forms point at the first full mention) and returns NEW nominal and pronoun mentions (mention "nominal" /
 * "pronoun", with `canonical` and `refersTo`); the caller appends them to `doc.entities`.
 * Run after {@link attachRoles} so that "the envoy" can find the person titled envoy.
 */
export function resolveCoreference(doc: Doc): Entity[] {
  const entities = doc.entities ?? [];
  const { tokens } = ensureTokens(doc);
  const names = entities.filter((e) => e.type === "PERSON" && (e.mention ?? "name") === "name").sort((a, b) => a.start - b.start);
  const clusterOf = clusterNames(doc.text, tokens, names);

  const mentions: PersonMention[] = names
    .filter((e) => clusterOf.has(e))
    .map((e) => ({
      start: e.start, end: e.end, sentence: tokens[tokenAtOrAfter(tokens, e.start)]?.sentence ?? 0,
      cluster: clusterOf.get(e)!, subject: followedByVerb(tokens, tokenAtOrAfter(tokens, e.end)),
    }));

  const out: Entity[] = [];
  const ids = new Set(entities.map((e) => e.id));
  let counter = 0;
  const nextId = (): string => {
    let id: string;
    do id = `m${++counter}`;
    while (ids.has(id));
    ids.add(id);
    return id;
  };

  // Role nominals first: they become antecedents for later pronouns.
  for (const nom of findRoleNominals(doc.text, tokens, entities)) {
    const cluster = latestWithRole(mentions, nom.start, nom.head, nom.qualifiers);
    if (!cluster) continue;
    out.push({ id: nextId(), ...spanOf(doc.text, nom.start, nom.end), type: "PERSON", mention: "nominal", canonical: cluster.canonical, refersTo: cluster.headId, score: NOMINAL_SCORE });
    mentions.push({ start: nom.start, end: nom.end, sentence: tokens[nom.tokenIndex].sentence, cluster });
  }
  mentions.sort((a, b) => a.start - b.start);

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const gender: Gender | undefined = MALE_PRONOUNS.has(tok.norm) ? "male" : FEMALE_PRONOUNS.has(tok.norm) ? "female" : undefined;
    if (!gender || tok.pos !== "PRON") continue;
    const cluster = antecedentForPronoun(mentions, tok, gender);
    if (!cluster) continue;
    out.push({ id: nextId(), ...spanOf(doc.text, tok.start, tok.end), type: "PERSON", mention: "pronoun", canonical: cluster.canonical, refersTo: cluster.headId, score: PRONOUN_SCORE });
  }

  out.push(...resolveOrgNominals(doc.text, tokens, entities, nextId));
  return out.sort((a, b) => a.start - b.start);
}

/** Name words without honorifics ("Mr. Obama" -> ["Obama"]). */
function nameWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => w && HONORIFICS[w.toLowerCase()] === undefined);
}

/** True when `short` is a contiguous run of `full` that holds its first or last word. */
function isShortFormOf(short: string[], full: string[]): boolean {
  if (short.length >= full.length) return false;
  const at = (k: number) => short.every((w, i) => w === full[k + i]);
  return at(0) || at(full.length - short.length);
}

/** Groups PERSON name mentions; a mention whose short form is ambiguous gets no cluster and no canonical name. */
function clusterNames(text: string, tokens: readonly Token[], names: readonly Entity[]): Map<Entity, Cluster> {
  // Each name's form is computed once (the loops below compare every form with every other).
  const formOf = names.map((e) => nameWords(e.text).join(" "));
  const forms = [...new Set(formOf.filter(Boolean))];
  const wordsOf = forms.map((f) => f.split(" "));
  const canonicalOf = new Map<string, string | undefined>();
  forms.forEach((form, i) => {
    const longer: number[] = [];
    for (let j = 0; j < forms.length; j++) if (isShortFormOf(wordsOf[i], wordsOf[j])) longer.push(j);
    // Keep only the maximal forms ("Joe Biden" within "President Joe Biden" counts once).
    const maximal = longer.filter((f) => !longer.some((g) => g !== f && isShortFormOf(wordsOf[f], wordsOf[g])));
    canonicalOf.set(form, maximal.length === 0 ? form : maximal.length === 1 ? forms[maximal[0]] : undefined);
  });
  const firstWithForm = new Map<string, Entity>();
  names.forEach((n, i) => {
    if (!firstWithForm.has(formOf[i])) firstWithForm.set(formOf[i], n);
  });
  const clusters = new Map<string, Cluster>();
  const out = new Map<Entity, Cluster>();
  names.forEach((e, i) => {
    const canonical = canonicalOf.get(formOf[i]);
    if (!canonical) return;
    let c = clusters.get(canonical);
    if (!c) {
      const head = firstWithForm.get(canonical) ?? e;
      c = { headId: head.id, canonical, gender: "unknown", roleWords: new Set(), roleText: "" };
      clusters.set(canonical, c);
    }
    e.canonical = canonical;
    if (e.id !== c.headId) e.refersTo = c.headId;
    if (e.role) {
      for (const w of e.role.text.toLowerCase().split(/[^a-z\u00c0-\u024f-]+/)) if (w) c.roleWords.add(w);
      c.roleText += ` ${e.role.text.toLowerCase()}`;
    }
    const g = genderOf(text, tokens, e);
    if (g !== "unknown") c.gender = c.gender === "unknown" || c.gender === g ? g : "unknown";
    out.set(e, c);
  });
  return out;
}

/** Gender from an honorific before or inside the name, a gendered role noun, or the first name. */
function genderOf(text: string, tokens: readonly Token[], e: Entity): Gender {
  const first = tokenAtOrAfter(tokens, e.start);
  const prev = tokens[first - 1];
  const words = e.text.split(/\s+/);
  const hon = HONORIFICS[words[0].toLowerCase()] ?? (prev ? HONORIFICS[prev.norm] : undefined);
  if (hon && hon !== "unknown") return hon;
  for (const w of e.role?.text.toLowerCase().split(/\s+/) ?? []) if (GENDERED_ROLE_NOUNS[w]) return GENDERED_ROLE_NOUNS[w];
  const given = nameWords(e.text)[0];
  if (given && nameWords(e.text).length > 1) {
    if (MALE_FIRST_NAMES.has(given)) return "male";
    if (FEMALE_FIRST_NAMES.has(given)) return "female";
  }
  return "unknown";
}

interface RoleNominal {
  start: number;
  end: number;
  tokenIndex: number;
  head: string;
  qualifiers: string[];
}

/**
 * "the envoy", "China's envoy", "the Chinese foreign minister": a definite or possessive-proper-noun phrase headed by
 * a (non-generic) singular role noun, outside every entity and role span and not followed by a name.
 */
function findRoleNominals(text: string, tokens: readonly Token[], entities: readonly Entity[]): RoleNominal[] {
  const out: RoleNominal[] = [];
  const covered = (t: Token) => entities.some((e) => (e.start < t.end && t.start < e.end) || (e.role && e.role.start < t.end && t.start < e.role.end));
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!ROLE_NOUNS.has(tok.norm) || WEAK_ROLE_NOUNS.has(tok.norm) || covered(tok)) continue;
    const next = tokens[i + 1];
    if (next && next.sentence === tok.sentence && (isCapitalized(next) && next.pos === "PROPN")) continue; // a title before a name
    if (next && isPossessiveMarker(next)) continue;
    let j = i - 1;
    const qualifiers: string[] = [];
    while (j >= 0 && i - j < MAX_NOMINAL_TOKENS && tokens[j].sentence === tok.sentence) {
      const t = tokens[j];
      if (ROLE_MODIFIERS.has(t.norm) || t.pos === "ADJ" || (t.pos === "PROPN" && !covered(t))) {
        if (isCapitalized(t) && !ROLE_MODIFIERS.has(t.norm)) qualifiers.push(t.norm);
        j--;
        continue;
      }
      break;
    }
    const det = tokens[j];
    let start: number;
    if (det && det.sentence === tok.sentence && (det.norm === "the" || det.norm === "this")) start = det.start;
    else if (det && isPossessiveMarker(det) && tokens[j - 1] && isCapitalized(tokens[j - 1])) {
      qualifiers.push(tokens[j - 1].norm);
      start = tokens[j - 1].start;
    } else continue;
    out.push({ start, end: tok.end, tokenIndex: i, head: tok.norm, qualifiers });
  }
  return out;
}

/** Two words agree as qualifiers when they share their first QUALIFIER_PREFIX_CHARS letters. */
function qualifierAgrees(q: string, roleText: string): boolean {
  const stem = q.slice(0, QUALIFIER_PREFIX_CHARS);
  return roleText.split(/[^a-z\u00c0-\u024f]+/).some((w) => w.startsWith(stem));
}

/** The cluster of the latest mention before `offset` whose role has `head` and agrees with every qualifier. */
function latestWithRole(mentions: readonly PersonMention[], offset: number, head: string, qualifiers: readonly string[]): Cluster | undefined {
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    if (m.start >= offset) continue;
    if (!m.cluster.roleWords.has(head)) continue;
    if (qualifiers.every((q) => qualifierAgrees(q, m.cluster.roleText))) return m.cluster;
  }
  return undefined;
}

/** The antecedent of a he/she pronoun (see module doc), or undefined when there is none or it is unclear. */
function antecedentForPronoun(mentions: readonly PersonMention[], tok: Token, gender: Gender): Cluster | undefined {
  const ok = (m: PersonMention) => m.cluster.gender === "unknown" || m.cluster.gender === gender;
  for (let back = 0; back <= PRONOUN_SENTENCE_WINDOW; back++) {
    const s = tok.sentence - back;
    if (s < 0) break;
    const here = mentions.filter((m) => m.sentence === s && m.end <= tok.start && ok(m));
    if (!here.length) continue;
    // Same sentence: the nearest person that is the subject of a verb ("Putin held talks with his ..."), else the first.
    if (back === 0) return ([...here].reverse().find((m) => m.subject) ?? here[0]).cluster;
    return here[0].cluster;
    // A sentence with an incompatible person breaks the chain only when it has no compatible one (handled above).
  }
  return undefined;
}

/** Tokens looked at after a mention for its verb. */
const SUBJECT_LOOKAHEAD_TOKENS = 3;

/** True when a verb follows token `i` closely (skipping auxiliaries, adverbs, particles and a comma). */
function followedByVerb(tokens: readonly Token[], i: number): boolean {
  const sentence = tokens[i]?.sentence;
  for (let k = i; k < tokens.length && k < i + SUBJECT_LOOKAHEAD_TOKENS && tokens[k].sentence === sentence; k++) {
    const t = tokens[k];
    if (t.pos === "VERB") return true;
    if (t.pos !== "AUX" && t.pos !== "ADV" && t.pos !== "PART" && t.text !== ",") return false;
  }
  return false;
}

/** "the ministry" -> the latest earlier ORG named "... Ministry ...". */
function resolveOrgNominals(text: string, tokens: readonly Token[], entities: readonly Entity[], nextId: () => string): Entity[] {
  const orgs = entities.filter((e) => e.type === "ORG" && (e.mention ?? "name") === "name");
  const out: Entity[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!ORG_NOMINAL_HEADS.has(tok.norm) || tokens[i - 1].norm !== "the") continue;
    if (entities.some((e) => e.start < tok.end && tok.start < e.end)) continue;
    const ante = orgs.filter((o) => o.end <= tokens[i - 1].start && new RegExp(`\\b${tok.norm}\\b`, "i").test(o.text)).pop();
    if (!ante) continue;
    out.push({
      id: nextId(), ...spanOf(text, tokens[i - 1].start, tok.end), type: "ORG", mention: "nominal",
      canonical: ante.canonical ?? ante.text, refersTo: ante.refersTo ?? ante.id, score: NOMINAL_SCORE,
    });
  }
  return out;
}
