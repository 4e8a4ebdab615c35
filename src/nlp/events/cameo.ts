/**
 * CAMEO codes used by the event extractor, with their CAMEO names and the PLOVER event
 * type (and mode, where PLOVER has one) each corresponds to.
 *
 * CAMEO (Conflict and Mediation Event Observations, Gerner et al. 2002, codebook 1.1b3)
 * is the coding scheme of GDELT, ICEWS and PETRARCH; PLOVER (Schrodt et al. 2019) is its
 * successor ontology used by POLECAT. Codes are CAMEO's own (note: 043 is "host a visit"
 * and 044 "meet at a third location" in the codebook). CAMEO's "make public statement"
 * (01) has no PLOVER counterpart: PLOVER leaves plain statements out, so `plover` is
 * `undefined` there.
 */
import type { EventType } from "../../model.js";

/** PLOVER event types (the 16 of POLECAT). */
export type PloverType =
  | "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" | "COOPERATE" | "AID" | "RETREAT" | "REQUEST"
  | "ACCUSE" | "REJECT" | "THREATEN" | "PROTEST" | "SANCTION" | "MOBILIZE" | "COERCE" | "ASSAULT";

export interface CameoCode {
  code: string;
  /** The CAMEO codebook's name for the code. */
  name: string;
  /** The closest PLOVER event type (absent for plain statements, which PLOVER does not code). */
  plover?: PloverType;
  /** PLOVER mode (sub-type), where one applies, e.g. CONSULT "phone". */
  ploverMode?: string;
}

const TABLE: CameoCode[] = [
  // 01 Make public statement
  { code: "010", name: "Make statement, not specified below" },
  { code: "012", name: "Make pessimistic comment" },
  { code: "013", name: "Make optimistic comment" },
  { code: "018", name: "Make empathetic comment" },
  // 02 Appeal
  { code: "020", name: "Make an appeal or request, not specified below", plover: "REQUEST" },
  { code: "022", name: "Appeal for diplomatic cooperation (such as policy support)", plover: "REQUEST" },
  { code: "023", name: "Appeal for aid", plover: "REQUEST", ploverMode: "aid" },
  { code: "0243", name: "Appeal for rights", plover: "REQUEST", ploverMode: "rights" },
  { code: "0253", name: "Appeal for release of persons or property", plover: "REQUEST", ploverMode: "release" },
  { code: "0256", name: "Appeal to de-escalate military engagement", plover: "REQUEST", ploverMode: "de-escalation" },
  { code: "026", name: "Appeal to others to meet or negotiate", plover: "REQUEST", ploverMode: "negotiation" },
  { code: "027", name: "Appeal to others to settle dispute", plover: "REQUEST", ploverMode: "settle" },
  // 03 Express intent to cooperate
  { code: "030", name: "Express intent to cooperate, not specified below", plover: "COOPERATE" },
  { code: "036", name: "Express intent to meet or negotiate", plover: "CONSULT" },
  // 04 Consult
  { code: "040", name: "Consult, not specified below", plover: "CONSULT" },
  { code: "041", name: "Discuss by telephone", plover: "CONSULT", ploverMode: "phone" },
  { code: "042", name: "Make a visit", plover: "CONSULT", ploverMode: "visit" },
  { code: "043", name: "Host a visit", plover: "CONSULT", ploverMode: "host" },
  { code: "044", name: "Meet at a 'third' location", plover: "CONSULT", ploverMode: "third-party" },
  { code: "046", name: "Engage in negotiation", plover: "CONSULT", ploverMode: "negotiation" },
  // 05 Engage in diplomatic cooperation
  { code: "050", name: "Engage in diplomatic cooperation, not specified below", plover: "SUPPORT" },
  { code: "051", name: "Praise or endorse", plover: "SUPPORT" },
  { code: "057", name: "Sign formal agreement", plover: "AGREE" },
  // 07 Provide aid
  { code: "070", name: "Provide aid, not specified below", plover: "AID" },
  { code: "071", name: "Provide economic aid", plover: "AID", ploverMode: "economic" },
  { code: "072", name: "Provide military aid", plover: "AID", ploverMode: "military" },
  { code: "073", name: "Provide humanitarian aid", plover: "AID", ploverMode: "humanitarian" },
  // 11 Disapprove
  { code: "110", name: "Disapprove, not specified below", plover: "ACCUSE", ploverMode: "disapprove" },
  { code: "111", name: "Criticize or denounce", plover: "ACCUSE", ploverMode: "disapprove" },
  { code: "112", name: "Accuse, not specified below", plover: "ACCUSE", ploverMode: "accuse" },
  // 12 Reject
  { code: "120", name: "Reject, not specified below", plover: "REJECT" },
  { code: "129", name: "Veto", plover: "REJECT" },
  // 16 Reduce relations / 17 Coerce
  { code: "163", name: "Impose embargo, boycott, or sanctions", plover: "SANCTION" },
  { code: "172", name: "Impose administrative sanctions", plover: "SANCTION" },
  // 18 Use unconventional violence / 19 Use conventional military force
  { code: "180", name: "Use unconventional violence, not specified below", plover: "ASSAULT" },
  { code: "181", name: "Abduct, hijack, or take hostage", plover: "ASSAULT", ploverMode: "abduct" },
  { code: "183", name: "Conduct suicide, car, or other non-military bombing", plover: "ASSAULT", ploverMode: "bombing" },
  { code: "190", name: "Use conventional military force, not specified below", plover: "ASSAULT" },
  { code: "191", name: "Impose blockade, restrict movement", plover: "COERCE", ploverMode: "blockade" },
  { code: "193", name: "Fight with small arms and light weapons", plover: "ASSAULT", ploverMode: "firearms" },
  { code: "194", name: "Fight with artillery and tanks", plover: "ASSAULT", ploverMode: "artillery" },
  { code: "195", name: "Employ aerial weapons", plover: "ASSAULT", ploverMode: "aerial" },
];

/** Every code the extractor may emit, keyed by code. */
export const CAMEO_CODES: ReadonlyMap<string, CameoCode> = new Map(TABLE.map((c) => [c.code, c]));

/**
 * The default CAMEO code for each event type, used when no lexicon entry or context
 * rule gives a more specific one.
 */
export const DEFAULT_CAMEO: Readonly<Record<EventType, string>> = {
  meet: "040",
  call: "041",
  visit: "042",
  travel: "042",
  statement: "010",
  appeal: "020",
  criticize: "111",
  support: "051",
  agree: "057",
  // A vote that blocks a resolution (veto) is CAMEO's 129; a plain vote is coded at the reject root.
  vote: "129",
  // CAMEO has no code for a resolution that fails; the closest is the body rejecting it.
  "resolution-fails": "120",
  attack: "190",
  aid: "070",
  sanction: "163",
};

/** Code used for a meeting held somewhere that is neither side's home (a third location). */
export const CAMEO_MEET_THIRD_LOCATION = "044";
/** Code used for a planned meeting or talks (express intent to meet or negotiate). */
export const CAMEO_INTENT_TO_MEET = "036";

/** Looks a code up; undefined for codes the table does not hold. */
export function cameoInfo(code: string): CameoCode | undefined {
  return CAMEO_CODES.get(code);
}

/** CAMEO root (the first two digits), e.g. "0256" -> "02", "190" -> "19". */
export function cameoRoot(code: string): string {
  return code.slice(0, 2);
}

/** The PLOVER event type for a CAMEO code (by exact code, else by its root's base code). */
export function ploverType(code: string): PloverType | undefined {
  return (CAMEO_CODES.get(code) ?? CAMEO_CODES.get(`${cameoRoot(code)}0`))?.plover;
}
