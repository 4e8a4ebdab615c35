/**
 * A cheap guess at whether a sentence talks about the past or the future around a position,
 * used to pick the year of "Oct. 7" or the week of "Thursday" when the text leaves them out.
 * News mostly reports the past, so "unknown" callers usually fall back to the past or to the
 * nearest candidate.
 */

export type Tense = "past" | "future" | "unknown";

/** Words that put a clause in the future (modal, scheduling and plan verbs). */
const FUTURE_CUE_SOURCE = "\\b(?:will|shall|won't|going\\s+to|is\\s+due|are\\s+due|due\\s+to|due\\s+on|scheduled|plans?\\s+to|planned|planning|expected\\s+to|expects?\\s+to|set\\s+to|is\\s+to|are\\s+to|would|upcoming|next|postponed|delayed|until|till|to\\s+(?:be\\s+held|begin|start|run|last|continue|end|open|close|launch|take\\s+effect))\\b|'ll\\b";
const FUTURE_CUE = new RegExp(FUTURE_CUE_SOURCE, "i");
/** Common irregular past-tense verbs (regular ones end in -ed). */
const PAST_IRREGULAR = "was|were|had|did|said|told|made|came|went|took|met|saw|began|left|held|won|lost|fell|rose|led|sent|got|gave|found|became|brought|thought|paid|spoke|wrote|struck|fled|killed|ran|stood|kept|sold|bought|built|spent|hit|put|cut|shot|quit|broke|chose|drove|flew|grew|knew|threw|wore|ago|last|earlier|previously|former";
const PAST_CUE_SOURCE = `\\b(?:${PAST_IRREGULAR}|[a-z]{2,}ed)\\b`;
const PAST_CUE = new RegExp(PAST_CUE_SOURCE, "i");
/** Either kind of cue, with the future alternatives in group 1. */
const ANY_CUE = new RegExp(`(${FUTURE_CUE_SOURCE})|${PAST_CUE_SOURCE}`, "gi");
/** Words ending in -ed that announce the future rather than report the past. */
const FALSE_PAST = /\b(?:expected|scheduled|planned|proposed|intended|slated|needed|required|hoped)\b/gi;
const FALSE_PAST_WORD = new RegExp(`^(?:${FALSE_PAST.source.replace(/\\b/g, "")})$`, "i");
/** Characters that end a clause for the purpose of tense cues. */
const CLAUSE_BOUNDARY = /[,;:()\u201c\u201d"\u2014]/;

function clauseAround(sentence: string, at: number, end: number): string {
  let s = at;
  while (s > 0 && !CLAUSE_BOUNDARY.test(sentence[s - 1])) s--;
  let e = end;
  while (e < sentence.length && !CLAUSE_BOUNDARY.test(sentence[e])) e++;
  return sentence.slice(s, at) + " " + sentence.slice(end, e);
}

/**
 * Tense of the clause around `[at, end)` in `sentence` (offsets into `sentence`): future cues in the
 * clause win, then past cues in the clause; failing both, the nearest cue in the sentence after the
 * expression (a fronted "On Feb. 28, X released ..." takes the main verb's tense), else the nearest before.
 */
export function tenseAt(sentence: string, at: number, end: number = at): Tense {
  const judge = (s: string): Tense => {
    if (FUTURE_CUE.test(s)) return "future";
    if (PAST_CUE.test(s.replace(FALSE_PAST, " "))) return "past";
    return "unknown";
  };
  const clause = judge(clauseAround(sentence, at, end));
  if (clause !== "unknown") return clause;
  let before: Tense = "unknown";
  ANY_CUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANY_CUE.exec(sentence))) {
    if (!m[1] && FALSE_PAST_WORD.test(m[0])) continue;
    const kind: Tense = m[1] ? "future" : "past";
    if (m.index >= end) return kind;
    if (m.index + m[0].length <= at) before = kind;
  }
  return before;
}
