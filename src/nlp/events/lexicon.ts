/**
 * Trigger lexicon: the words and phrases that signal a political event, each with its
 * event type, CAMEO code and how its arguments attach.
 *
 * Pattern syntax: words separated by spaces; `a|b` gives alternatives; a word ending in `~`
 * is inflected (verb forms for `pos: "verb"`, singular/plural for `pos: "noun"`). Between
 * two pattern words a few determiners, adjectives, adverbs or possessives may intervene
 * ("held lengthy talks", "imposed new sanctions"): see MAX_PATTERN_GAP in triggers.ts.
 *
 * Statements are kept deliberately narrow (announce, declare, express concern...): plain
 * "said" is reported speech, which the quote layer handles.
 */
import type { EventType } from "../../model.js";

export interface TriggerEntry {
  pattern: string;
  pos: "verb" | "noun";
  type: EventType;
  cameo: string;
  /** The token right after the match must be one of these (lower-cased). */
  next?: readonly string[];
  /** Prepositions that introduce the target after the trigger; defaults by type (TARGET_PREPS). */
  targetPreps?: readonly string[];
  /** The trigger takes its target as a direct object ("visited Doha", "urged Israel"). */
  directObject?: boolean;
  /** Only a trigger when the sentence mentions a resolution-like noun (RESOLUTION_NOUNS). */
  needsResolution?: boolean;
  /** Refines the CAMEO code by words that follow the trigger (e.g. "called for a ceasefire" -> 0256). */
  refine?: readonly ContentRule[];
}

/** A CAMEO refinement: when one of `words` appears within CONTENT_WINDOW tokens after the trigger. */
export interface ContentRule {
  words: RegExp;
  cameo: string;
}

/** Nouns naming a draft text a body votes on. */
export const RESOLUTION_NOUNS: ReadonlySet<string> = new Set([
  "resolution", "resolutions", "draft", "drafts", "motion", "motions", "bill", "bills", "text", "proposal", "proposals", "measure",
]);

/** Default target-introducing prepositions per event type. */
export const TARGET_PREPS: Readonly<Record<EventType, readonly string[]>> = {
  meet: ["with", "between"],
  call: ["with", "between", "to"],
  visit: ["to", "in"],
  travel: ["to", "in", "for", "at"],
  statement: [],
  appeal: ["on", "upon"],
  criticize: [],
  support: ["for", "to"],
  agree: ["with"],
  vote: [],
  "resolution-fails": [],
  attack: ["on", "against", "into", "in"],
  aid: ["to", "for"],
  sanction: ["on", "against"],
};

/** What an appeal asks for decides its CAMEO sub-code. */
const APPEAL_CONTENT: readonly ContentRule[] = [
  { words: /^(ceasefire|cease-fire|truce|de-escalat\w*|deescalat\w*|restraint|cessation|humanitarian pause)$/, cameo: "0256" },
  { words: /^(release|freeing)$/, cameo: "0253" },
  { words: /^(aid|assistance|help|funding|relief)$/, cameo: "023" },
  { words: /^(talks|negotiations?|dialogue)$/, cameo: "026" },
  { words: /^(rights)$/, cameo: "0243" },
  { words: /^(peace|settlement|solution|resolution)$/, cameo: "027" },
];

const AID_CONTENT: readonly ContentRule[] = [
  { words: /^(humanitarian|food|medical|medicine|relief)$/, cameo: "073" },
  { words: /^(military|weapons|arms|ammunition)$/, cameo: "072" },
  { words: /^(economic|financial|funding|loans?|money|dollars|euros|pounds|yuan|yen|rupees|cash|grants?)$/, cameo: "071" },
];

const ATTACK_CONTENT: readonly ContentRule[] = [
  { words: /^(air|aerial|airstrikes?|drones?|jets?|warplanes?)$/, cameo: "195" },
  { words: /^(artillery|shells?|tanks?|rockets?|mortars?|missiles?)$/, cameo: "194" },
];

/** The trigger lexicon. Order matters only for ties: the longest match wins. */
export const TRIGGERS: readonly TriggerEntry[] = [
  // --- meet / consult (CAMEO 04) ---
  { pattern: "meet~", pos: "verb", type: "meet", cameo: "040", directObject: true },
  { pattern: "meet~ up", pos: "verb", type: "meet", cameo: "040" },
  { pattern: "meeting~", pos: "noun", type: "meet", cameo: "040" },
  { pattern: "summit~", pos: "noun", type: "meet", cameo: "040" },
  { pattern: "hold~ talks|meeting|meetings|discussions|consultations|negotiations|summit", pos: "verb", type: "meet", cameo: "040" },
  { pattern: "talks", pos: "noun", type: "meet", cameo: "040", next: ["with", "between"] },
  { pattern: "discussions|consultations", pos: "noun", type: "meet", cameo: "040", next: ["with", "between"] },
  { pattern: "negotiations", pos: "noun", type: "meet", cameo: "046", next: ["with", "between"] },
  { pattern: "negotiate~", pos: "verb", type: "meet", cameo: "046", next: ["with"] },
  { pattern: "exchange~ views|opinions|ideas", pos: "verb", type: "meet", cameo: "040" },
  { pattern: "talk~", pos: "verb", type: "meet", cameo: "040", next: ["with", "to"] },
  { pattern: "confer~|consult~|discuss~|reaffirm~|coordinate~", pos: "verb", type: "meet", cameo: "040", next: ["with"] },
  { pattern: "sit~ down", pos: "verb", type: "meet", cameo: "040", next: ["with"] },
  { pattern: "host~", pos: "verb", type: "meet", cameo: "043", directObject: true },
  { pattern: "maintain~|keep~|strengthen~|enhance~|resume~ communication|communications|contact|contacts|dialogue", pos: "verb", type: "meet", cameo: "040" },
  // --- phone calls (041) ---
  { pattern: "phone|telephone|video call~", pos: "noun", type: "call", cameo: "041" },
  { pattern: "phone|telephone conversation~|talks", pos: "noun", type: "call", cameo: "041" },
  { pattern: "speak~|talk~ by|over|on phone|telephone", pos: "verb", type: "call", cameo: "041" },
  { pattern: "phone~|telephone~", pos: "verb", type: "call", cameo: "041", directObject: true },
  // --- visits and travel (042) ---
  { pattern: "visit~", pos: "verb", type: "visit", cameo: "042", directObject: true },
  { pattern: "visit~", pos: "noun", type: "visit", cameo: "042" },
  { pattern: "tour~", pos: "verb", type: "visit", cameo: "042", directObject: true },
  { pattern: "land~", pos: "verb", type: "travel", cameo: "042", next: ["in", "at"] },
  { pattern: "arrive~", pos: "verb", type: "travel", cameo: "042", next: ["in", "at"] },
  { pattern: "travel~|fly~|head~", pos: "verb", type: "travel", cameo: "042", next: ["to"] },
  { pattern: "leave~", pos: "verb", type: "travel", cameo: "042", next: ["for"] },
  // --- statements (01), kept narrow ---
  { pattern: "announce~|declare~", pos: "verb", type: "statement", cameo: "010" },
  { pattern: "issue~ statement", pos: "verb", type: "statement", cameo: "010" },
  { pattern: "express~|voice~ concern|concerns|disappointment|sadness|regret|alarm", pos: "verb", type: "statement", cameo: "012" },
  { pattern: "express~|voice~ hope|hopes|optimism", pos: "verb", type: "statement", cameo: "013" },
  { pattern: "express~|offer~ condolences|sympathy|gratitude", pos: "verb", type: "statement", cameo: "018" },
  { pattern: "warn~", pos: "verb", type: "statement", cameo: "012" },
  // --- appeals (02) ---
  { pattern: "call~ for", pos: "verb", type: "appeal", cameo: "020", refine: APPEAL_CONTENT },
  { pattern: "call~ on|upon", pos: "verb", type: "appeal", cameo: "020", refine: APPEAL_CONTENT, directObject: true },
  { pattern: "call~ for", pos: "noun", type: "appeal", cameo: "020", refine: APPEAL_CONTENT },
  { pattern: "urge~", pos: "verb", type: "appeal", cameo: "020", refine: APPEAL_CONTENT, directObject: true },
  { pattern: "appeal~", pos: "verb", type: "appeal", cameo: "020", refine: APPEAL_CONTENT, targetPreps: ["to"] },
  { pattern: "appeal~", pos: "noun", type: "appeal", cameo: "020", refine: APPEAL_CONTENT, next: ["for", "to"] },
  { pattern: "press~", pos: "verb", type: "appeal", cameo: "020", refine: APPEAL_CONTENT, next: ["for"] },
  // --- criticism (11) ---
  { pattern: "condemn~|denounce~|criticize~|criticise~|decry~|censure~|slam~|rebuke~|deplore~", pos: "verb", type: "criticize", cameo: "111", directObject: true },
  { pattern: "condemnation~|criticism~", pos: "noun", type: "criticize", cameo: "111", targetPreps: ["of"] },
  { pattern: "accuse~|blame~", pos: "verb", type: "criticize", cameo: "112", directObject: true },
  { pattern: "oppose~", pos: "verb", type: "criticize", cameo: "110", directObject: true },
  // --- support (05) ---
  { pattern: "express~|voice~|reiterate~|pledge~|offer~ support|backing", pos: "verb", type: "support", cameo: "051" },
  { pattern: "praise~|endorse~|welcome~|hail~|commend~", pos: "verb", type: "support", cameo: "051", directObject: true },
  { pattern: "back~|support~", pos: "verb", type: "support", cameo: "051", directObject: true },
  // --- agreement (03 / 05) ---
  { pattern: "agree~", pos: "verb", type: "agree", cameo: "030", next: ["to", "on", "with", "that"] },
  { pattern: "sign~|conclude~|reach~|strike~ agreement|agreements|accord|deal|treaty|pact|memorandum|ceasefire|truce", pos: "verb", type: "agree", cameo: "057" },
  // --- votes on resolutions (12) ---
  { pattern: "veto~", pos: "verb", type: "vote", cameo: "129", directObject: true },
  { pattern: "veto~", pos: "noun", type: "vote", cameo: "129", targetPreps: ["of", "on"] },
  { pattern: "block~", pos: "verb", type: "vote", cameo: "129", directObject: true, needsResolution: true },
  { pattern: "vote~ against|down", pos: "verb", type: "vote", cameo: "120", directObject: true },
  { pattern: "fail~ to pass|win|gain|secure|get|garner|receive|obtain|muster|clear", pos: "verb", type: "resolution-fails", cameo: "120", needsResolution: true },
  { pattern: "be~ rejected|defeated", pos: "verb", type: "resolution-fails", cameo: "120", needsResolution: true },
  // --- attacks (18 / 19) ---
  { pattern: "attack~|storm~|invade~|raid~|bomb~|shell~|strike~", pos: "verb", type: "attack", cameo: "190", directObject: true, refine: ATTACK_CONTENT },
  { pattern: "attack~|assault~|offensive~|incursion~|invasion~|raid~|bombardment~|bombing~", pos: "noun", type: "attack", cameo: "190", refine: ATTACK_CONTENT },
  { pattern: "air strike~|raid~|attack~", pos: "noun", type: "attack", cameo: "195" },
  { pattern: "airstrike~", pos: "noun", type: "attack", cameo: "195" },
  { pattern: "retaliate~", pos: "verb", type: "attack", cameo: "190", refine: ATTACK_CONTENT, targetPreps: ["against"] },
  { pattern: "fire~|launch~ rockets|missiles|shells|mortars|strikes|attacks", pos: "verb", type: "attack", cameo: "194", refine: ATTACK_CONTENT, targetPreps: ["at", "on", "into", "against"] },
  { pattern: "kill~|shoot~", pos: "verb", type: "attack", cameo: "190", directObject: true },
  { pattern: "besiege~|blockade~", pos: "verb", type: "attack", cameo: "191", directObject: true },
  { pattern: "siege~|blockade~", pos: "noun", type: "attack", cameo: "191" },
  { pattern: "abduct~|kidnap~", pos: "verb", type: "attack", cameo: "181", directObject: true },
  { pattern: "take~ hostages|hostage", pos: "verb", type: "attack", cameo: "181" },
  // --- aid (07) ---
  { pattern: "provide~|send~|deliver~|give~|grant~|offer~|pledge~|supply~ aid|assistance|relief|funding|weapons|arms|loans|money", pos: "verb", type: "aid", cameo: "070", refine: AID_CONTENT },
  { pattern: "seek~ funding|aid|assistance", pos: "verb", type: "aid", cameo: "070", refine: AID_CONTENT },
  { pattern: "contribute~|donate~", pos: "verb", type: "aid", cameo: "070", refine: AID_CONTENT, targetPreps: ["to"] },
  // --- sanctions (16 / 17) ---
  { pattern: "impose~|slap~|announce~|levy~ sanctions|embargo|embargoes|boycott|tariffs", pos: "verb", type: "sanction", cameo: "163" },
  { pattern: "sanction~", pos: "verb", type: "sanction", cameo: "163", directObject: true },
  { pattern: "sanctions", pos: "noun", type: "sanction", cameo: "163", next: ["on", "against"] },
  { pattern: "embargo~", pos: "noun", type: "sanction", cameo: "163", next: ["on", "against"] },
];
