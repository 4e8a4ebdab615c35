/**
 * Trigger words used in senses that are no political act: deaths caused by nature or accident
 * ("floods have killed 800 people", "slammed with another winter storm"), "meet" with a thing
 * rather than a party ("meet the requirements", "met with outrage"), appeals in court
 * ("plans to appeal her conviction"), stances ("is opposed to the war") and shares in an outcome
 * ("contributed to the crisis").
 */
import type { EventArg, Token } from "../../model.js";
import { normOf, type TriggerMatch } from "./triggers.js";

/** Causes of death or damage that are no one's act. */
const NATURAL_CAUSE = /^(floods?|flooding|rains?|downpours?|storms?|snowstorms?|blizzards?|earthquakes?|quakes?|tsunamis?|disasters?|mudslides?|landslides?|avalanches?|hurricanes?|cyclones?|typhoons?|tornado(e)?s?|wildfires?|heatwaves?|crash(es)?|accidents?|disease|outbreaks?|epidemics?|cancer|overdoses?)$/;
/** Tokens around the trigger searched for a natural cause. */
const CAUSE_WINDOW_BEFORE = 8;
const CAUSE_WINDOW_AFTER = 6;
/** Event types whose trigger words also describe what nature does ("killed", "struck", "slammed", "hit"). */
const FORCE_TYPES = new Set(["attack", "criticize"]);
/** Objects of "meet" that are standards or reactions, not parties ("meet the requirements", "met with outrage"). */
const NON_PARTY_OBJECT = /^(requirements?|aspirations?|demands?|needs|expectations?|criteria|deadlines?|goals?|targets?|standards?|obligations?|conditions?|thresholds?|quotas?|outrage|criticism|skepticism|scepticism|resistance|approval|disapproval|success|fate|end|challenges?|death|silence|applause|protests?|opposition|derision|anger|dismay|suspicion|resistance)$/;
/** Objects that make "appeal" a court appeal ("appeal her conviction", "appealed the ruling"). */
const COURT_OBJECT = /^(convictions?|rulings?|verdicts?|sentences?|sentencing|decisions?|judg(e)?ments?|charges?|case|cases|fines?|penalty|penalties|acquittals?)$/;
/** Tokens after an "appeal" trigger searched for a court object. */
const COURT_WINDOW = 3;

/** Whether the trigger with these arguments does not describe a political act (see the file comment). */
export function notAnAct(tokens: readonly Token[], m: TriggerMatch, from: number, to: number, actors: readonly EventArg[]): boolean {
  const type = m.entry.type;
  if (FORCE_TYPES.has(type) && !actors.some((a) => a.entityId) && naturalCause(tokens, m, from, to)) return true;
  if (type === "meet" && m.entry.pos === "verb" && NON_PARTY_OBJECT.test(meetObject(tokens, m, from, to))) return true;
  // "is opposed to the war": a stance, not an act of opposing someone
  if (type === "criticize" && /^oppos/.test(normOf(tokens[m.head])) && m.end < to && normOf(tokens[m.end]) === "to") return true;
  // "contributed to the crisis": a share in an outcome, not a donation
  if (type === "aid" && /^(contribut|donat)/.test(normOf(tokens[m.head])) && m.end < to && normOf(tokens[m.end]) === "to") return true;
  if (type === "appeal" && /^appeal/.test(normOf(tokens[m.head]))) {
    for (let k = m.end; k < Math.min(to, m.end + COURT_WINDOW); k++) if (COURT_OBJECT.test(normOf(tokens[k]))) return true;
  }
  return false;
}

function naturalCause(tokens: readonly Token[], m: TriggerMatch, from: number, to: number): boolean {
  for (let k = Math.max(from, m.start - CAUSE_WINDOW_BEFORE); k < Math.min(to, m.end + CAUSE_WINDOW_AFTER); k++) {
    if (NATURAL_CAUSE.test(normOf(tokens[k]))) return true;
  }
  return false;
}

/** Words skipped between "meet" and the head noun of what is met ("met 26 of 26 standards", "meet the state's requirements"). */
const OBJECT_SKIP_POS = new Set(["DET", "ADJ", "NUM", "PRON", "PART"]);
/** Tokens searched for the head noun of what is met. */
const OBJECT_WINDOW = 6;

/**
 * The head noun of what "meet" takes: the first noun after it ("meet the requirements", "met with
 * outrage"), or, for a passive ("their demands are met"), the noun before it; "" when none.
 */
function meetObject(tokens: readonly Token[], m: TriggerMatch, from: number, to: number): string {
  // the head is the last noun of the phrase ("the state's residency requirements"); "of" is crossed only before it ("26 of 26 standards")
  let head = "";
  for (let k = m.end; k < Math.min(to, m.end + OBJECT_WINDOW); k++) {
    const t = tokens[k];
    const n = normOf(t);
    if (t.pos === "NOUN") head = n;
    else if (!(OBJECT_SKIP_POS.has(t.pos) || n === "with" || n === "'s" || (n === "of" && !head))) break;
  }
  if (head) return head;
  let k = m.start - 1;
  while (k >= from && ["AUX", "ADV", "PART"].includes(tokens[k].pos)) k--;
  return k >= from && k < m.start - 1 && tokens[k].pos === "NOUN" ? normOf(tokens[k]) : "";
}
