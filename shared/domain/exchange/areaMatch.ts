/**
 * Places as people write them in a sheet → an area code: ISO 3166-2 ("ML-7", "ml7"), OCHA
 * P-codes ("ML07"), names in any case or accent ("GAO", "Segou"), words around the name
 * ("Région de Ségou", "Province of Nampula") and word order ("Maputo Cidade" = "Cidade de
 * Maputo"). One function over a plain list, so it works with today's country profiles and with
 * the area data files (which add P-codes and level-2 areas) alike.
 */
import type { CountryProfile } from '../directory/areas';
import { deprecatedCode, recordRegionCode } from '../directory/areas';
import { normalizeText, tokenize } from '../directory/normalize';

/** `alias`: another code that names the entry (a 2023 Malian region's local code, ML_KITA). */
export type AreaEntry = { code: string; pcode?: string; alias?: string; names: readonly string[] };

/** Words that frame a name without telling areas apart. */
const FRAME = new Set([
  'region', 'regiao', 'province', 'provincia', 'gouvernorat', 'governorate', 'district',
  'distrito', 'cercle', 'de', 'du', 'des', 'la', 'le', 'of', 'da', 'do', 'dos', 'das', 'al',
  'capital', 'territory', 'territoire', 'prefecture',
]); // prettier-ignore
/** The same word in several languages, so "Maputo Cidade" meets "Maputo City". */
const SAME: Record<string, string> = { cidade: 'city', ville: 'city', ciudad: 'city' };

const codeKey = (s: string) => normalizeText(s).replace(/[\s\-_.]/g, '');
const nameKey = (s: string) => {
  const words = tokenize(s).map((w) => SAME[w] ?? w);
  const kept = words.filter((w) => !FRAME.has(w));
  // A name made only of such words ("Capital", Bahrain's governorate) is its own key.
  return (kept.length ? kept : words).sort().join(' ');
};

/** Codes that ISO 3166-2 deleted or never had; a file naming them is told, not matched. */
export const RETIRED_AREA_CODES: ReadonlySet<string> = new Set([
  'PK-TA', 'PK-NW', 'PK-NA', 'BH-16', 'BH-19', 'BH-01', 'BH-02', 'BH-03', 'BH-05', 'BH-06',
  'BH-07', 'BH-08', 'BH-09', 'BH-10', 'BH-11', 'BH-12',
]); // prettier-ignore

type Keyed = { entry: AreaEntry; codes: string[]; names: string[]; plain: string[] };
/** Keys of a list computed once (a 50,000-row sheet asks for the same list every row). */
const keyedCache = new WeakMap<readonly AreaEntry[], Keyed[]>();
const keyed = (areas: readonly AreaEntry[]): Keyed[] => {
  let k = keyedCache.get(areas);
  if (!k)
    keyedCache.set(
      areas,
      (k = areas.map((entry) => ({
        entry,
        codes: [entry.code, entry.pcode, entry.alias].filter((c): c is string => !!c).map(codeKey),
        names: entry.names.map(nameKey),
        plain: entry.names.map(normalizeText),
      }))),
    );
  return k;
};

/** The entry `text` names, or undefined (also for retired codes, which must not be guessed). */
export const matchAreaEntry = (
  areas: readonly AreaEntry[],
  text: string,
): AreaEntry | undefined => {
  const t = text.trim();
  if (!t || RETIRED_AREA_CODES.has(t.toUpperCase()) || deprecatedCode(t) !== undefined)
    return undefined;
  // Exact codes first: ISO "ML-10" is Taoudénit while P-code "ML10" is Ménaka.
  const upper = t.toUpperCase();
  const byExact =
    areas.find((a) => a.code === upper) ??
    areas.find((a) => a.pcode === upper || a.alias === upper);
  if (byExact) return byExact;
  const list = keyed(areas);
  const ck = codeKey(t);
  const byCode = list.find((a) => a.codes.includes(ck));
  if (byCode) return byCode.entry;
  const nk = nameKey(t);
  if (!nk) return undefined;
  const exact = list.filter((a) => a.names.includes(nk));
  // Two areas with one name ("Maputo" is a province; "Maputo City" has its own key) pick the
  // one whose name is exactly the text; otherwise the first.
  const plain = normalizeText(t);
  return (exact.find((a) => a.plain.includes(plain)) ?? exact[0])?.entry;
};

/**
 * The country's areas from the area data files (resources/areas/*.json, the data every screen
 * uses): level 1 with its ISO code, OCHA P-code and names in every language; then each level-2
 * area (cercle, district) under its region's code, so a sheet naming a district or giving its
 * P-code in a region column lands in the right region. Level 1 comes first, so a region and a
 * district of one name ("Mopti") give the region.
 */
export const profileAreas = (profile: CountryProfile): AreaEntry[] => {
  const namesOf = (a: CountryProfile['areas'][number]) => [
    ...new Set([a.name, ...Object.values(a.names)].filter((n): n is string => !!n)),
  ];
  return [
    ...profile.areas.map((a) => ({
      // Records store ISO regions: a region created from older ones (Mali 2023) gives the one
      // it was carved out of, and is still found by its own code and names.
      code: recordRegionCode(a),
      ...(a.pcode ? { pcode: a.pcode } : {}),
      ...(recordRegionCode(a) !== a.code ? { alias: a.code } : {}),
      names: namesOf(a),
    })),
    ...profile.districts
      .filter((d) => d.parent && profile.areas.some((a) => a.code === d.parent))
      .map((d) => ({
        code: d.parent!,
        ...(d.pcode ? { pcode: d.pcode } : {}),
        names: namesOf(d),
      })),
  ];
};
