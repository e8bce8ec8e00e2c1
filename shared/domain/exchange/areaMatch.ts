/**
 * Places as people write them in a sheet → an area code: ISO 3166-2 ("ML-7", "ml7"), OCHA
 * P-codes ("ML07"), names in any case or accent ("GAO", "Segou"), words around the name
 * ("Région de Ségou", "Province of Nampula") and word order ("Maputo Cidade" = "Cidade de
 * Maputo"). One function over a plain list, so it works with today's country profiles and with
 * the area data files (which add P-codes and level-2 areas) alike.
 */
import type { CountryProfile } from '../directory/areas';
import { normalizeText, tokenize } from '../directory/normalize';

export type AreaEntry = { code: string; pcode?: string; names: readonly string[] };

/** Words that frame a name without telling areas apart. */
const FRAME = new Set([
  'region', 'regiao', 'province', 'provincia', 'gouvernorat', 'governorate', 'district',
  'distrito', 'cercle', 'de', 'du', 'des', 'la', 'le', 'of', 'da', 'do', 'dos', 'das', 'al',
  'capital', 'territory', 'territoire', 'prefecture',
]); // prettier-ignore
/** The same word in several languages, so "Maputo Cidade" meets "Maputo City". */
const SAME: Record<string, string> = { cidade: 'city', ville: 'city', ciudad: 'city' };

const codeKey = (s: string) => normalizeText(s).replace(/[\s\-_.]/g, '');
const nameKey = (s: string) =>
  tokenize(s)
    .map((w) => SAME[w] ?? w)
    .filter((w) => !FRAME.has(w))
    .sort()
    .join(' ');

/** Codes that ISO 3166-2 deleted or never had; a file naming them is told, not matched. */
export const RETIRED_AREA_CODES: ReadonlySet<string> = new Set([
  'PK-TA', 'PK-NW', 'PK-NA', 'BH-16', 'BH-19', 'BH-01', 'BH-02', 'BH-03', 'BH-05', 'BH-06',
  'BH-07', 'BH-08', 'BH-09', 'BH-10', 'BH-11', 'BH-12',
]); // prettier-ignore

/** The entry `text` names, or undefined (also for retired codes, which must not be guessed). */
export const matchAreaEntry = (
  areas: readonly AreaEntry[],
  text: string,
): AreaEntry | undefined => {
  const t = text.trim();
  if (!t || RETIRED_AREA_CODES.has(t.toUpperCase())) return undefined;
  const ck = codeKey(t);
  const byCode = areas.find((a) => codeKey(a.code) === ck || (a.pcode && codeKey(a.pcode) === ck));
  if (byCode) return byCode;
  const nk = nameKey(t);
  if (!nk) return undefined;
  const exact = areas.filter((a) => a.names.some((n) => nameKey(n) === nk));
  // Two areas with one name ("Maputo" is a province; "Maputo City" has its own key) pick the
  // one whose name is exactly the text; otherwise the first.
  return exact.find((a) => a.names.some((n) => normalizeText(n) === normalizeText(t))) ?? exact[0];
};

/** Today's country profile as area entries (no P-codes yet: the area data files bring them). */
export const profileAreas = (profile: CountryProfile): AreaEntry[] =>
  profile.areas.map((a) => ({
    code: a.code,
    names: [a.name, a.nameEn, a.nameAr].filter((n): n is string => !!n),
  }));
