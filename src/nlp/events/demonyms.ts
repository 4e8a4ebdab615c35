/**
 * Nationality adjectives and the country each stands for, so "Chinese officials" or "the
 * Russian side" can act as the country in an event. A short hand-made list of the countries
 * and bodies most often in international news; unknown adjectives simply stay unresolved.
 */

const PAIRS: readonly [string, string][] = [
  ["afghan", "Afghanistan"], ["albanian", "Albania"], ["algerian", "Algeria"], ["american", "United States"],
  ["argentine", "Argentina"], ["argentinian", "Argentina"], ["armenian", "Armenia"], ["australian", "Australia"],
  ["austrian", "Austria"], ["azerbaijani", "Azerbaijan"], ["bahraini", "Bahrain"], ["bangladeshi", "Bangladesh"],
  ["belarusian", "Belarus"], ["belgian", "Belgium"], ["bolivian", "Bolivia"], ["brazilian", "Brazil"],
  ["british", "United Kingdom"], ["bulgarian", "Bulgaria"], ["burmese", "Myanmar"], ["cambodian", "Cambodia"],
  ["canadian", "Canada"], ["chilean", "Chile"], ["chinese", "China"], ["colombian", "Colombia"],
  ["croatian", "Croatia"], ["cuban", "Cuba"], ["cypriot", "Cyprus"], ["czech", "Czech Republic"],
  ["danish", "Denmark"], ["dutch", "Netherlands"], ["egyptian", "Egypt"], ["emirati", "United Arab Emirates"],
  ["eritrean", "Eritrea"], ["estonian", "Estonia"], ["ethiopian", "Ethiopia"], ["filipino", "Philippines"],
  ["finnish", "Finland"], ["french", "France"], ["georgian", "Georgia"], ["german", "Germany"],
  ["ghanaian", "Ghana"], ["greek", "Greece"], ["hungarian", "Hungary"], ["indian", "India"],
  ["indonesian", "Indonesia"], ["iranian", "Iran"], ["iraqi", "Iraq"], ["irish", "Ireland"],
  ["israeli", "Israel"], ["italian", "Italy"], ["japanese", "Japan"], ["jordanian", "Jordan"],
  ["kazakh", "Kazakhstan"], ["kenyan", "Kenya"], ["korean", "Korea"], ["kuwaiti", "Kuwait"],
  ["latvian", "Latvia"], ["lebanese", "Lebanon"], ["libyan", "Libya"], ["lithuanian", "Lithuania"],
  ["malaysian", "Malaysia"], ["mexican", "Mexico"], ["moroccan", "Morocco"], ["nepalese", "Nepal"],
  ["nigerian", "Nigeria"], ["norwegian", "Norway"], ["omani", "Oman"], ["pakistani", "Pakistan"],
  ["palestinian", "Palestine"], ["peruvian", "Peru"], ["polish", "Poland"], ["portuguese", "Portugal"],
  ["qatari", "Qatar"], ["romanian", "Romania"], ["russian", "Russia"], ["saudi", "Saudi Arabia"],
  ["serbian", "Serbia"], ["singaporean", "Singapore"], ["slovak", "Slovakia"], ["somali", "Somalia"],
  ["south african", "South Africa"], ["spanish", "Spain"], ["sudanese", "Sudan"], ["swedish", "Sweden"],
  ["swiss", "Switzerland"], ["syrian", "Syria"], ["taiwanese", "Taiwan"], ["thai", "Thailand"],
  ["tunisian", "Tunisia"], ["turkish", "Turkey"], ["ugandan", "Uganda"], ["ukrainian", "Ukraine"],
  ["venezuelan", "Venezuela"], ["vietnamese", "Vietnam"], ["yemeni", "Yemen"], ["zimbabwean", "Zimbabwe"],
  ["u.s.", "United States"], ["us", "United States"], ["uk", "United Kingdom"], ["eu", "European Union"],
  ["european", "European Union"], ["arab", "Arab League"],
];

/** Lower-cased nationality adjective -> country name. */
export const DEMONYMS: ReadonlyMap<string, string> = new Map(PAIRS);

/** Plural or collective nouns that let a nationality adjective stand for its state ("Chinese officials"). */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  "officials", "official", "representatives", "representative", "side", "sides", "government", "authorities",
  "delegation", "delegations", "diplomats", "leaders", "leadership", "troops", "forces", "military", "army",
  "navy", "ministry", "negotiators", "administration", "people", "police",
]);

/** Capitals and other seats of government -> country, to tell a meeting at a third location from a home visit. */
const SEATS: readonly [string, string][] = [
  ["beijing", "China"], ["moscow", "Russia"], ["washington", "United States"], ["doha", "Qatar"],
  ["jerusalem", "Israel"], ["tel aviv", "Israel"], ["cairo", "Egypt"], ["riyadh", "Saudi Arabia"],
  ["tehran", "Iran"], ["ankara", "Turkey"], ["istanbul", "Turkey"], ["london", "United Kingdom"],
  ["paris", "France"], ["berlin", "Germany"], ["kyiv", "Ukraine"], ["kiev", "Ukraine"], ["amman", "Jordan"],
  ["beirut", "Lebanon"], ["damascus", "Syria"], ["baghdad", "Iraq"], ["abu dhabi", "United Arab Emirates"],
  ["dubai", "United Arab Emirates"], ["tokyo", "Japan"], ["seoul", "Korea"], ["new delhi", "India"],
  ["islamabad", "Pakistan"], ["kabul", "Afghanistan"], ["ramallah", "Palestine"], ["gaza", "Palestine"],
  ["rome", "Italy"], ["madrid", "Spain"], ["ottawa", "Canada"], ["canberra", "Australia"], ["brasilia", "Brazil"],
  ["muscat", "Oman"], ["kuwait city", "Kuwait"], ["manama", "Bahrain"], ["geneva", "Switzerland"], ["minsk", "Belarus"],
];

/** Lower-cased capital or seat of government -> country name. */
export const SEAT_COUNTRY: ReadonlyMap<string, string> = new Map(SEATS);

/** The country a nationality adjective stands for, or undefined. */
export function countryOfDemonym(word: string): string | undefined {
  return DEMONYMS.get(word.toLowerCase().replace(/[’']s$/, ""));
}
