/**
 * Home countries of participants and the country of a place, so a meeting between a Chinese
 * and a Russian official in Doha can be coded as "meet at a third location" (CAMEO 044). Only
 * evidence in the article counts: nationality adjectives or possessive countries right before
 * a mention ("his Russian counterpart Mikhail Bogdanov", "Russia's Deputy FM"), and the role
 * the entity tagger attached. Unknown stays unknown (the code then stays 040).
 */
import type { EventArg } from "../../model.js";
import { countryOfDemonym, DEMONYMS, SEAT_COUNTRY } from "./demonyms.js";
import { normOf } from "./triggers.js";
import { isPossessive, nameOf, rootOf, type DocView } from "./view.js";

/** Tokens before a mention searched for its nationality. */
export const HOME_WINDOW = 6;

const COUNTRY_NAMES: ReadonlySet<string> = new Set([...DEMONYMS.values()].map((c) => c.toLowerCase()));

/** The country a name denotes: itself if a country, its country if a known capital, else undefined. */
export function asCountry(name: string): string | undefined {
  const n = name.toLowerCase().replace(/^the\s+/, "");
  if (COUNTRY_NAMES.has(n)) return [...DEMONYMS.values()].find((c) => c.toLowerCase() === n);
  return SEAT_COUNTRY.get(n) ?? countryOfDemonym(n);
}

/** Whether a name denotes a country itself (not a city or capital): "Qatar", "the U.S.". */
export function isCountryName(name: string): boolean {
  const n = name.toLowerCase().replace(/^the\s+/, "");
  return COUNTRY_NAMES.has(n) || (countryOfDemonym(n) !== undefined && !SEAT_COUNTRY.has(n));
}

/** Countries found in a piece of text (demonyms and country names, word by word). */
export function countriesInText(text: string): string[] {
  const out: string[] = [];
  for (const w of text.split(/[^\p{L}.'’]+/u)) {
    if (!w) continue;
    const c = countryOfDemonym(w) ?? (COUNTRY_NAMES.has(w.toLowerCase().replace(/['’]s$/, "")) ? asCountry(w.replace(/['’]s$/, "")) : undefined);
    if (c) out.push(c);
  }
  return out;
}

/** The home countries the article gives a participant (empty when unknown). */
export function homeCountries(view: DocView, arg: EventArg): Set<string> {
  const out = new Set<string>();
  const own = arg.name ? asCountry(arg.name) : undefined;
  if (own) {
    out.add(own);
    return out;
  }
  if (!arg.entityId) return out;
  for (const e of view.entities) {
    if (rootOf(view, e).id !== arg.entityId) continue;
    if (e.role) for (const c of countriesInText(e.role.text)) out.add(c);
    const r = view.tokenRange.get(e.id);
    if (!r) continue;
    const sent = view.tokens[r[0]].sentence;
    for (let k = r[0] - 1; k >= Math.max(0, r[0] - HOME_WINDOW); k--) {
      const t = view.tokens[k];
      if (t.sentence !== sent || t.pos === "VERB" || (t.pos === "PUNCT" && t.text !== "-") || t.pos === "ADP") break;
      const other = view.entityAt.get(k);
      if (other && other !== e && isPossessive(view, other)) {
        const c = asCountry(nameOf(view, other));
        if (c) out.add(c);
      }
      const c = countryOfDemonym(normOf(t));
      if (c) out.add(c);
    }
  }
  return out;
}

/** The country a place is in: the place itself, a known capital, or "Doha, Qatar" (the name after the comma). */
export function placeCountry(view: DocView, place: EventArg): string | undefined {
  const direct = asCountry(place.name ?? place.text);
  if (direct) return direct;
  const after = view.doc.text.slice(place.end, place.end + 40).match(/^,\s*([\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+)?)/u);
  return after ? asCountry(after[1]) : undefined;
}
