/**
 * Word lists for person roles and titles.
 *
 * ROLE_NOUNS: head nouns of a role or title ("envoy", "minister", "spokesperson"). Derived from the WordNet
 * titles-and-roles gazetteer (../shared/train/gazetteers/wordnet-gazetteer/wn_titles_roles.tsv, classes diplomat,
 * envoy, spokesperson, head_of_state, politician, official, military_officer: the single-word entries a news
 * article uses as a title) plus political and press titles WordNet lacks. Kept in lower case, singular and plural.
 * A copy, one a line, is in models/lexicons/role-nouns.txt.
 */

const SINGULAR_ROLE_NOUNS = [
  // diplomacy
  "ambassador", "envoy", "emissary", "consul", "diplomat", "attache", "attaché", "negotiator", "mediator", "representative",
  "counterpart", "delegate", "plenipotentiary", "nuncio", "legate", "commissioner",
  // government
  "minister", "secretary", "president", "premier", "chancellor", "governor", "mayor", "senator", "congressman",
  "congresswoman", "congressmember", "lawmaker", "legislator", "deputy", "undersecretary", "under-secretary",
  "official", "officer", "spokesperson", "spokesman", "spokeswoman", "spokesmodel", "adviser", "advisor", "aide",
  "chairman", "chairwoman", "chairperson", "chair", "chief", "head", "leader", "director", "administrator",
  "ombudsman", "prosecutor", "attorney", "judge", "justice", "magistrate", "sheriff", "commissar", "councillor",
  "councilor", "councilman", "councilwoman", "assemblyman", "assemblywoman", "parliamentarian", "speaker",
  "whip", "nominee", "candidate", "incumbent", "mp", "pm", "fm", "vp", "ceo", "cfo", "coo", "cto",
  "king", "queen", "prince", "princess", "emperor", "empress", "monarch", "sultan", "emir", "sheikh", "shah",
  "ayatollah", "pope", "cardinal", "archbishop", "bishop", "imam", "rabbi", "pastor", "reverend",
  "dictator", "strongman", "statesman", "stateswoman", "politician", "campaigner", "strategist", "pollster",
  "founder", "co-founder", "executive", "manager", "treasurer", "comptroller", "auditor", "inspector",
  // military and security
  "general", "admiral", "colonel", "lieutenant", "major", "captain", "commander", "commandant", "sergeant",
  "corporal", "marshal", "brigadier", "commodore", "chief-of-staff",
  // press and expertise
  "correspondent", "reporter", "journalist", "editor", "columnist", "anchor", "host", "analyst", "economist",
  "expert", "professor", "scholar", "researcher", "historian", "lawyer", "activist", "organizer", "surrogate",
];

/** Irregular plurals; the rest take -s or -es. */
const IRREGULAR_PLURALS: Record<string, string> = {
  spokesman: "spokesmen", spokeswoman: "spokeswomen", chairman: "chairmen", chairwoman: "chairwomen",
  congressman: "congressmen", congresswoman: "congresswomen", councilman: "councilmen", councilwoman: "councilwomen",
  assemblyman: "assemblymen", assemblywoman: "assemblywomen", statesman: "statesmen", stateswoman: "stateswomen",
  attorney: "attorneys", secretary: "secretaries", deputy: "deputies", undersecretary: "undersecretaries",
};

/** Singular role nouns (lower case). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(SINGULAR_ROLE_NOUNS);

/** Plural role nouns (lower case): "officials", "spokesmen". Plurals never head one person's role. */
export const PLURAL_ROLE_NOUNS: ReadonlySet<string> = new Set(
  SINGULAR_ROLE_NOUNS.map((n) => IRREGULAR_PLURALS[n] ?? (/(s|sh|ch|x)$/.test(n) ? `${n}es` : `${n}s`)),
);

/**
 * Role nouns too generic to stand for a person on their own as a nominal ("the head", "the host", "the chair"):
 * fine inside a title ("head of state"), never resolved as "the X" by coreference.
 */
export const WEAK_ROLE_NOUNS: ReadonlySet<string> = new Set([
  "head", "chair", "host", "anchor", "major", "justice", "speaker", "whip", "chief", "leader", "general", "officer",
  "official", "executive", "deputy", "expert", "candidate", "counterpart", "representative", "manager",
]);

/** Words that modify a role noun inside a title ("Deputy Foreign Minister", "acting president"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  "deputy", "vice", "special", "foreign", "first", "second", "acting", "former", "interim", "senior", "chief",
  "assistant", "associate", "principal", "executive", "presidential", "prime", "general", "state", "federal",
  "permanent", "high", "top", "lead", "junior", "defense", "defence", "interior", "finance", "trade", "commerce",
  "economy", "health", "education", "energy", "justice", "labor", "labour", "agriculture", "transport", "home",
  "press", "national", "security", "foreign-policy", "longtime", "long-time", "veteran", "outgoing", "incoming",
  "newly", "elected", "appointed", "designate", "then", "ex", "co", "supreme", "grand", "lieutenant", "attorney",
  "white", "house", "campaign", "party", "democratic", "republican", "u.s.", "un", "u.n.", "eu",
]);

/**
 * Words allowed inside a title between the role noun and the name or in its complement ("Minister OF State AT the
 * Ministry", "envoy FOR the Chinese government ON the Middle East issue").
 */
export const TITLE_CONNECTORS: ReadonlySet<string> = new Set(["of", "for", "at", "on", "to", "the", "in"]);

/** Determiners and possessive pronouns dropped from the left edge of a role ("the special envoy" -> "special envoy"). */
export const ROLE_LEADING_DROP: ReadonlySet<string> = new Set([
  "the", "a", "an", "his", "her", "their", "its", "our", "your", "my", "this", "that", "these", "those", "to", "of",
  "for", "at", "on", "in",
]);

/** Abbreviated titles and their full forms, for display (the span text always stays as written). */
export const ROLE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  fm: "Foreign Minister", pm: "Prime Minister", mp: "Member of Parliament", vp: "Vice President",
  ceo: "Chief Executive Officer", cfo: "Chief Financial Officer", gen: "General", sen: "Senator", rep: "Representative",
  gov: "Governor", amb: "Ambassador", sec: "Secretary", pres: "President",
};

/** Honorifics that precede a name but are not a role ("Mr. Obama"). They carry gender. */
export const HONORIFICS: Readonly<Record<string, "male" | "female" | "unknown">> = {
  "mr": "male", "mr.": "male", "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female", "miss": "female",
  "dr": "unknown", "dr.": "unknown", "sir": "male", "dame": "female", "lady": "female", "lord": "male",
};

/** Role nouns that tell a person's gender ("spokeswoman", "king"). */
export const GENDERED_ROLE_NOUNS: Readonly<Record<string, "male" | "female">> = {
  spokesman: "male", spokeswoman: "female", chairman: "male", chairwoman: "female", congressman: "male",
  congresswoman: "female", councilman: "male", councilwoman: "female", assemblyman: "male", assemblywoman: "female",
  king: "male", queen: "female", prince: "male", princess: "female", emperor: "male", empress: "female",
  statesman: "male", stateswoman: "female", sultan: "male", sheikh: "male", pope: "male",
};

/** True when `word` (any case) is a singular role noun. */
export function isRoleNoun(word: string): boolean {
  return ROLE_NOUNS.has(word.toLowerCase());
}
