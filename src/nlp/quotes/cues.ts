/**
 * Speech and cognition cue verbs, with every inflection, and how each one frames its content.
 * A copy of the base forms, one a line, is in models/lexicons/speech-verbs.txt.
 */

/**
 * Verbs that report speech on their own: any frame counts ("X said ...", "..., X said", "said X").
 * Base form, then irregular forms where the regular -s/-ed/-ing rules fail.
 */
const STRONG: Record<string, string[]> = {
  say: ["says", "said", "saying"], tell: ["tells", "told", "telling"], add: [], note: [], stress: [], emphasize: [],
  emphasise: [], warn: [], urge: [], claim: [], insist: [], deny: ["denies", "denied"], announce: [], declare: [],
  reiterate: [], state: [], argue: [], believe: [], accuse: [], ask: [], explain: [], suggest: [], acknowledge: [],
  admit: ["admitted", "admitting"], write: ["wrote", "written", "writing"], tweet: [], reply: ["replies", "replied"],
  respond: [], recall: [], predict: [], promise: [], pledge: [], vow: [], confirm: [], complain: [], contend: [],
  assert: [], observe: [], remark: [], comment: [], concede: [], caution: [], allege: [], insinuate: [], quip: [],
  joke: [], boast: [], brag: ["bragged", "bragging"], testify: ["testifies", "testified"], counter: [], reaffirm: [],
  affirm: [], underline: [], underscore: [], highlight: [], mention: [], reckon: [], estimate: [],
  think: ["thought"], demand: [], propose: [], recommend: [], charge: [], criticize: [], criticise: [],
  condemn: [], blast: [], question: [], wonder: [], hope: [], fear: [], worry: ["worries", "worried"], report: [],
  conclude: [], indicate: [], reveal: [], disclose: [], describe: [], tout: [], praise: [], lament: [],
  shout: [], chant: [], exclaim: [], whisper: [],
};

/** Verbs that are cues only with a clear content frame (a that-clause, a quote or a colon): "polls show that ...". */
const WEAK: Record<string, string[]> = {
  express: [], maintain: [], continue: [], feel: ["felt"], know: ["knew", "known"], learn: ["learnt"], hear: ["heard"], read: [], see: ["saw", "seen"],
  understand: ["understood"], realize: [], realise: [], signal: ["signalled", "signaled"], convey: [],
};

/**
 * Verbs of stance, intention, evidence and citation, which PolNeAR counts as attributions with their object or
 * infinitive as content: "She wants to triple ...", "Clinton cited X as ...", "Polls show Clinton with a lead",
 * "The Times endorsed Clinton", "Clinton called the behavior “outrageous”". Cues only in the frame SOURCE CUE CONTENT
 * (or ", citing X" after a clause), never inverted or after their content.
 */
const OBJECT: Record<string, string[]> = {
  want: [], plan: ["planned", "planning"], intend: [], seek: ["sought"], expect: [], agree: ["agreed", "agreeing"],
  decide: [], refuse: [], decline: [], offer: [], consider: [], threaten: [], aim: [], prefer: ["preferred", "preferring"],
  show: ["shown"], find: ["found", "finding"], cite: [], support: [], endorse: [], back: [], favor: [], favour: [],
  oppose: [], reject: [], dismiss: [], attack: [], defend: [], blame: [], encourage: [], welcome: [], applaud: [],
  slam: ["slammed", "slamming"], compare: [], liken: [], echo: ["echoes"], repeat: [], reference: [], promote: [],
  unveil: [], call: [], label: ["labeled", "labelled", "labeling", "labelling"], dub: ["dubbed", "dubbing"],
};

/** Particles that make a phrasal cue and whose object is the content ("call for", "call on", "point out"). */
export const PHRASAL_CUES: Readonly<Record<string, readonly string[]>> = {
  call: ["for", "on"], point: ["out", "to"], speak: ["of", "about", "out"], weigh: ["in"], lash: ["out"], push: ["for"], press: ["for"],
};

/** Inflected form -> base verb for the phrasal cues ("calls", "pointed", "weighing"); cues only with their particle. */
export const PHRASAL_FORMS: ReadonlyMap<string, string> = buildForms(Object.fromEntries(Object.keys(PHRASAL_CUES).map((b) => [b, b === "speak" ? ["spoke", "spoken"] : []])));

/** Verbs whose first object is the addressee, skipped before the content ("told Bogdanov that ..."). */
export const ADDRESSEE_VERBS: ReadonlySet<string> = new Set(["tell", "inform", "assure", "remind", "promise", "warn", "ask", "reassure", "notify", "brief"]);

/** Regular inflections of a base verb. */
function inflect(base: string): string[] {
  const out = [base];
  const s = /(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const stem = base.endsWith("e") ? base.slice(0, -1) : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}i` : base;
  const ed = /[^aeiou]y$/.test(base) ? `${stem}ed` : `${stem}ed`;
  const ing = base.endsWith("ie") ? `${base.slice(0, -2)}ying` : base.endsWith("ee") ? `${base}ing` : `${base.endsWith("e") ? base.slice(0, -1) : base}ing`;
  out.push(s, ed, ing);
  return out;
}

/** Word form -> base form, for each list. */
function buildForms(lists: Record<string, string[]>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [raw, irregular] of Object.entries(lists)) {
    const base = raw.replace(/_$/, "");
    for (const f of [...inflect(base), ...irregular]) if (!m.has(f)) m.set(f, base);
  }
  return m;
}

/** Inflected form -> base verb for verbs that are cues in any frame. */
export const STRONG_CUES: ReadonlyMap<string, string> = buildForms(STRONG);
/** Inflected form -> base verb for verbs that are cues only before a that-clause, a quote or a colon. */
export const WEAK_CUES: ReadonlyMap<string, string> = buildForms(WEAK);

/** Inflected form -> base verb for stance/intention/citation verbs whose object is the content. */
export const OBJECT_CUES: ReadonlyMap<string, string> = buildForms(OBJECT);

/** Adverbs and auxiliaries that PolNeAR includes in the cue span when they stand right before the verb. */
export const CUE_PREFIX_WORDS: ReadonlySet<string> = new Set([
  "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "shall", "did", "does", "do",
  "also", "later", "then", "previously", "repeatedly", "recently", "again", "once", "further", "often", "publicly",
  "privately", "reportedly", "separately", "earlier", "not", "n't", "never", "always", "already", "still", "even",
  "'ve", "’ve", "'d", "’d", "'ll", "’ll", "just", "only", "first", "now", "long", "specifically", "similarly", "likewise", "sharply", "roundly", "boldly", "flatly", "firmly", "strongly", "openly", "explicitly", "quickly", "frequently",
]);

/** Base forms of every cue verb (for the models/lexicons copy and for tests). */
export function cueBaseForms(): string[] {
  return [...new Set([...STRONG_CUES.values(), ...WEAK_CUES.values(), ...OBJECT_CUES.values()])].sort();
}
