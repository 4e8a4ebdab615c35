/**
 * Negation and modality of a trigger from the words before it: "did not meet" (negated),
 * "will visit" / "is ready to maintain communication" (planned), "has yet to announce" (pending and
 * negated: not so far, still awaited), "could impose" (hypothetical),
 * "urged Israel to take" / "called on ... providing aid" (appeal: asked for, not done).
 */
import type { EventMention, Token } from "../../model.js";
import { normOf } from "./triggers.js";

/** Tokens before the trigger searched for negation and modal verbs. */
export const MODAL_WINDOW = 6;
/** Tokens before the trigger searched for an appeal verb whose content the trigger is. */
export const APPEAL_SCOPE_WINDOW = 20;

const NEGATORS = new Set(["not", "n't", "never", "no", "neither", "nor", "without"]);
const PLANNED_MODALS = new Set(["will", "would", "shall", "'ll", "wo"]);
const HYPOTHETICAL_MODALS = new Set(["could", "might", "may", "should", "if", "whether", "unless"]);
/** Words before "to" that make the infinitive a plan ("ready to", "plans to", "is set to"). */
const PLANNED_BEFORE_TO = new Set([
  "ready", "willing", "prepared", "plan", "plans", "planned", "planning", "set", "expected", "scheduled", "due", "about",
  "aim", "aims", "aimed", "aiming", "seek", "seeks", "seeking", "sought", "hope", "hopes", "hoped", "intend", "intends",
  "intended", "promise", "promised", "promises", "vow", "vowed", "vows", "pledge", "pledged", "pledges", "agree", "agreed",
  "agrees", "decide", "decided", "want", "wants", "wanted", "going", "likely", "expects", "expect", "offered", "offer",
  "committed", "determined", "keen", "eager", "poised",
  // nouns of intent: "commitment to maintaining communication", "readiness to hold talks"
  "commitment", "readiness", "willingness", "intention", "intent", "determination", "pledge", "bid",
]);
/** Words before "to" that deny the infinitive ("refused to", "failed to"). */
const NEGATED_BEFORE_TO = new Set([
  "refuse", "refused", "refuses", "decline", "declined", "declines", "fail", "failed", "fails", "unable", "reluctant",
  // nouns: "Eriador's refusal to talk", "the failure to agree"
  "refusal", "reluctance", "failure",
]);
/** Words before "to" that make it hypothetical ("able to", "could try to"). */
const HYPOTHETICAL_BEFORE_TO = new Set(["able", "possible", "try", "tried", "tries", "attempt", "attempted", "attempting", "need", "needs", "ought", "has", "have"]);
/** Verbs that call a planned act off or put it back ("postponed their meeting", "cancelled the visit"): the act does not take place. */
const CANCEL_VERB = /^(postpone|cancel|delay|suspend|scrap|shelve|abandon|defer|call off|put off|called off|put off)/;
/** Tokens before a noun trigger searched for a verb that cancels it ("postponed their planned meeting"). */
const CANCEL_WINDOW = 4;
/** Appeal verbs whose complement is something asked for, not done. */
const APPEAL_VERBS = new Set([
  "urge", "urged", "urges", "urging", "call", "called", "calls", "calling", "appeal", "appealed", "appeals", "ask", "asked",
  "asks", "demand", "demanded", "demands", "request", "requested", "requests", "press", "pressed", "presses", "invite", "invited",
]);
/** Words that close the scope of an appeal before the trigger ("called for X during a meeting"). */
const APPEAL_SCOPE_BREAKS = new Set(["during", "after", "before", "while", "when", "since", "following", "amid", ";", "said", "says", "but"]);
/** Adjectives that mark a noun trigger as planned ("upcoming talks"). */
const PLANNED_ADJECTIVES = new Set(["upcoming", "planned", "proposed", "forthcoming", "future", "possible", "potential", "expected", "next"]);

export interface ModalityResult {
  negated: boolean;
  modality: EventMention["modality"];
}

/** Skips adverbs leftwards from `i`; returns the first non-adverb index (or from - 1). */
function skipAdverbs(tokens: readonly Token[], i: number, from: number): number {
  while (i >= from && tokens[i].pos === "ADV" && normOf(tokens[i]) !== "not" && normOf(tokens[i]) !== "n't") i--;
  return i;
}

/**
 * Modality of the trigger whose first token is `start` and head `head` in the sentence starting at
 * token `from`. `isAppeal`: the trigger is itself an appeal (its own content is not an appeal).
 */
export function modalityOf(tokens: readonly Token[], start: number, head: number, from: number, isAppeal: boolean, isNoun: boolean): ModalityResult {
  let negated = false;
  let modality: EventMention["modality"] = "asserted";

  // infinitive: look at what governs "to"
  const k = skipAdverbs(tokens, start - 1, from);
  if (k >= from && normOf(tokens[k]) === "to") {
    const gov = skipAdverbs(tokens, k - 1, from);
    const g = gov >= from ? normOf(tokens[gov]) : "";
    const raw = k - 1 >= from ? normOf(tokens[k - 1]) : "";
    if (raw === "yet" || g === "yet") [negated, modality] = [true, "pending"];
    else if (NEGATED_BEFORE_TO.has(raw) || NEGATED_BEFORE_TO.has(g)) negated = true;
    else if (PLANNED_BEFORE_TO.has(g)) modality = "planned";
    else if (HYPOTHETICAL_BEFORE_TO.has(g)) modality = "hypothetical";
  }
  // noun triggers: "upcoming talks", "no meeting", "postponed their meeting"
  if (isNoun && cancelled(tokens, start, from)) negated = true;
  if (isNoun) {
    for (let j = start - 1; j >= Math.max(from, start - 3); j--) {
      const n = normOf(tokens[j]);
      if (PLANNED_ADJECTIVES.has(n)) modality = "planned";
      if (n === "no") negated = true;
      if (!["ADJ", "DET", "ADV", "NUM"].includes(tokens[j].pos)) break;
    }
  }
  // modal verbs and negators in the clause before the trigger
  for (let j = start - 1; j >= Math.max(from, start - MODAL_WINDOW); j--) {
    const t = tokens[j];
    const n = normOf(t);
    if (t.pos === "PUNCT" || t.pos === "SCONJ" || (t.pos === "VERB" && j !== head)) break;
    if (NEGATORS.has(n) && !(n === "no" && !isNoun)) negated = true;
    if (PLANNED_MODALS.has(n) && modality === "asserted") modality = "planned";
    if (HYPOTHETICAL_MODALS.has(n)) modality = "hypothetical";
  }
  if (!isAppeal && modality === "asserted" && inAppealScope(tokens, start, from, isNoun)) modality = "appeal";
  return { negated, modality };
}

/**
 * Whether the trigger is the content of an appeal ("urged Israel to take", "called on the
 * community to ... providing aid", "called for talks"): an appeal verb before it, with no
 * scope break in between, and the trigger an infinitive, a gerund or a noun.
 */
function inAppealScope(tokens: readonly Token[], start: number, from: number, isNoun: boolean): boolean {
  const first = tokens[start];
  const prev = skipAdverbs(tokens, start - 1, from);
  const infinitive = prev >= from && normOf(tokens[prev]) === "to";
  const gerund = /ing$/.test(first.norm) && first.pos === "VERB";
  if (!infinitive && !gerund && !isNoun) return false;
  for (let j = start - 1; j >= Math.max(from, start - APPEAL_SCOPE_WINDOW); j--) {
    const n = normOf(tokens[j]);
    if (APPEAL_SCOPE_BREAKS.has(n)) return false;
    // "called off the talks" cancels them, it asks for nothing
    if (APPEAL_VERBS.has(n) && (tokens[j].pos === "VERB" || tokens[j].pos === "NOUN" || tokens[j].pos === "PROPN") && normOf(tokens[j + 1]) !== "off") return true;
  }
  return false;
}

/** Whether a noun trigger is the object of a verb that cancels or postpones it ("have postponed their meeting", "called off the talks"). */
function cancelled(tokens: readonly Token[], start: number, from: number): boolean {
  for (let j = start - 1; j >= Math.max(from, start - CANCEL_WINDOW); j--) {
    const t = tokens[j];
    if (["DET", "ADJ", "NUM"].includes(t.pos) || (t.pos === "PRON" && /^(his|her|its|their|our)$/.test(t.norm))) continue;
    const n = normOf(t);
    const phrase = n === "off" && j - 1 >= from ? `${normOf(tokens[j - 1])} off` : n;
    return CANCEL_VERB.test(phrase.replace(/^(calls|calling)/, "call").replace(/^(puts|putting)/, "put"));
  }
  return false;
}
