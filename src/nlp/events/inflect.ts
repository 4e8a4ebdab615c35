/**
 * English inflections for trigger words, so the lexicon can list lemmas ("meet", "hold talks")
 * and still match "met", "holding", "meetings". Rule-based with an irregular table; good
 * enough for the closed set of trigger verbs, not a general morphological analyser.
 */

/** Irregular verbs among trigger lemmas: base -> [past, past participle]. */
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  meet: ["met"],
  hold: ["held"],
  speak: ["spoke", "spoken"],
  fly: ["flew", "flown"],
  leave: ["left"],
  sit: ["sat"],
  send: ["sent"],
  give: ["gave", "given"],
  take: ["took", "taken"],
  shoot: ["shot"],
  seek: ["sought"],
  bring: ["brought"],
  hit: ["hit"],
  make: ["made"],
  tell: ["told"],
  be: ["is", "are", "was", "were", "been", "being", "am"],
  have: ["has", "had", "having"],
  get: ["got", "gotten"],
  win: ["won"],
  break: ["broke", "broken"],
  strike: ["struck", "stricken"],
  put: ["put"],
  keep: ["kept"],
  lead: ["led"],
  overrun: ["overran"],
  cut: ["cut"],
  set: ["set"],
  go: ["went", "gone", "goes"],
  come: ["came"],
  begin: ["began", "begun"],
};

/** Verbs that double their final consonant before -ed/-ing ("plan" -> planned, "sit" -> sitting). */
const DOUBLES = new Set([
  "plan", "stop", "ban", "drop", "slam", "bar", "rebut", "commit", "admit", "regret", "kidnap", "step",
  "ship", "travel", "cancel", "label", "sit", "hit", "get", "put", "cut", "set", "begin", "win", "overrun",
]);
/** Doubling verbs whose single-consonant American spelling is also common ("traveled"). */
const ALSO_SINGLE = new Set(["travel", "cancel", "label", "kidnap"]);

/** All verb forms of a lemma: base, -s, -ed, -ing (plus irregular forms and spelling variants). */
export function verbForms(lemma: string): string[] {
  const out = new Set<string>([lemma]);
  const irregular = IRREGULAR[lemma];
  if (irregular) for (const f of irregular) out.add(f);
  // third person singular
  if (/(s|x|z|ch|sh|o)$/.test(lemma)) out.add(`${lemma}es`);
  else if (/[^aeiou]y$/.test(lemma)) out.add(`${lemma.slice(0, -1)}ies`);
  else out.add(`${lemma}s`);
  const stems = DOUBLES.has(lemma) ? [lemma + lemma[lemma.length - 1]] : [lemma];
  if (ALSO_SINGLE.has(lemma)) stems.push(lemma);
  for (const stem of stems) {
    if (stem.endsWith("ie")) {
      if (!irregular) out.add(`${stem}d`);
      out.add(`${stem.slice(0, -2)}ying`);
    } else if (stem.endsWith("e") && !stem.endsWith("ee")) {
      if (!irregular) out.add(`${stem}d`);
      out.add(`${stem.slice(0, -1)}ing`);
    } else if (/[^aeiou]y$/.test(stem)) {
      if (!irregular) out.add(`${stem.slice(0, -1)}ied`);
      out.add(`${stem}ing`);
    } else {
      if (!irregular) out.add(`${stem}ed`);
      out.add(`${stem}ing`);
    }
  }
  return [...out];
}

/** Singular and plural of a noun ("meeting" -> meetings, "strike" -> strikes, "talks" stays). */
export function nounForms(lemma: string): string[] {
  const out = new Set<string>([lemma]);
  if (lemma.endsWith("s")) return [...out];
  if (/(x|z|ch|sh)$/.test(lemma)) out.add(`${lemma}es`);
  else if (/[^aeiou]y$/.test(lemma)) out.add(`${lemma.slice(0, -1)}ies`);
  else out.add(`${lemma}s`);
  return [...out];
}
