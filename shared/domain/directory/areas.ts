/**
 * Country profiles: the administrative areas of each country Passerelle is configured for —
 * level 1 (region / province / governorate) and level 2 (cercle / district) — read from the
 * data files in resources/areas/ (built by scripts/build-areas.mjs, sources and licences in
 * resources/areas/README.md) and validated by their schema in the tests (areas.test.ts), so a
 * broken file fails every test rather than a screen.
 *
 * An area's `code` is what records store: its ISO 3166-2 code at level 1 (ML-4), else its
 * OCHA P-code (districts: MZ0101), else a local code for areas added by an administrator.
 * ISO codes and P-codes are looked up separately and never derived from one another.
 * Deprecated codes (PK-TA, PK-NW…) are refused by every lookup.
 *
 * Centres and boxes come from Natural Earth's polygons (label point; extent rounded outwards
 * to 0.01°). Where there is no polygon (Ménaka, Taoudénit, every district) the centre is a
 * sourced point or the parent's and the area is flagged `approximate`. They serve warnings and
 * map framing, not cadastral precision.
 */
import bh from '../../../resources/areas/BH.json' with { type: 'json' };
import ml from '../../../resources/areas/ML.json' with { type: 'json' };
import mz from '../../../resources/areas/MZ.json' with { type: 'json' };
import pk from '../../../resources/areas/PK.json' with { type: 'json' };
import sa from '../../../resources/areas/SA.json' with { type: 'json' };
import { countryFileSchema } from './areaSchema';
import type { AreaLevel, AreaNames, CountryFile } from './areaSchema';
import { normalizeText } from './normalize';

export type AdminArea = CountryFile['areas'][number] & {
  /** English name where it differs (kept for callers written before names per language). */
  nameEn?: string;
  nameAr?: string;
};

export const COUNTRY_CODES = ['ML', 'MZ', 'SA', 'BH', 'PK'] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export type CountryProfile = Omit<CountryFile, 'code' | 'areas'> & {
  code: CountryCode;
  /** What the first-level area is called, to label fields and filters. */
  areaLevel: AreaNames;
  /** Level 1 only, as before districts existed; districts are in `districts`. */
  areas: AdminArea[];
  districts: AdminArea[];
};

const withCompat = (a: CountryFile['areas'][number]): AdminArea => ({
  ...a,
  ...(a.names.en && a.names.en !== a.name ? { nameEn: a.names.en } : {}),
  ...(a.names.ar ? { nameAr: a.names.ar } : {}),
});

/** A valid country file shaped as a profile. */
const shapeProfile = (file: CountryFile): CountryProfile => {
  const code = COUNTRY_CODES.find((c) => c === file.code);
  if (!code) throw new Error(`country profile ${file.code}: not a configured country`);
  const areas = file.areas.map(withCompat);
  return {
    ...file,
    code,
    areaLevel: file.levels.find((l) => l.level === 1)?.name ?? {},
    areas: areas.filter((a) => a.level === 1),
    districts: areas.filter((a) => a.level === 2),
  };
};

/** Validates a country file and shapes it as a profile; throws naming the file and the issue. */
export const loadProfile = (raw: unknown): CountryProfile => {
  const parsed = countryFileSchema.safeParse(raw);
  if (!parsed.success) {
    const where = (raw as { code?: unknown } | null)?.code;
    throw new Error(`country profile ${String(where)}: ${parsed.error.message}`);
  }
  return shapeProfile(parsed.data);
};

/**
 * The files built into the app. They are validated by the tests (areas.test.ts runs each through
 * `loadProfile` and compares), not again in every window as it starts: the schema's first run
 * cost tens of milliseconds of the cold start (issue 15), for files that cannot change after the
 * build. Areas an administrator adds are data, and validated as they come (customAreas.ts).
 */
export const BUNDLED_COUNTRY_FILES: readonly unknown[] = [ml, mz, sa, bh, pk];

export const COUNTRY_PROFILES: readonly CountryProfile[] = BUNDLED_COUNTRY_FILES.map((raw) =>
  shapeProfile(raw as CountryFile),
);

export const profileFor = (code: string): CountryProfile | undefined =>
  COUNTRY_PROFILES.find((p) => p.code === code.trim().toUpperCase());

const ALL_AREAS = COUNTRY_PROFILES.flatMap((p) => [...p.areas, ...p.districts]);
const BY_CODE = new Map(ALL_AREAS.map((a) => [a.code, a]));
const BY_ISO = new Map(ALL_AREAS.flatMap((a) => (a.iso ? [[a.iso, a] as const] : [])));
const BY_PCODE = new Map(ALL_AREAS.flatMap((a) => (a.pcode ? [[a.pcode, a] as const] : [])));
const DEPRECATED = new Map(COUNTRY_PROFILES.flatMap((p) => Object.entries(p.deprecated)));
/** Regions created from older ones (Mali 2023) → the reference districts that formed them. */
const FORMED_BY = new Map(
  ALL_AREAS.flatMap((a) =>
    a.formerDistricts ? [[a.code, new Set(a.formerDistricts)] as const] : [],
  ),
);

const clean = (code: string): string => code.trim().toUpperCase();

/** Why a code is no longer valid (e.g. PK-TA, deleted from ISO 3166-2 in 2019), if it is. */
export const deprecatedCode = (code: string): string | undefined => DEPRECATED.get(clean(code));

/** The area records store under `code` (level-1 ISO code or district P-code). */
export const areaByCode = (code: string): AdminArea | undefined => BY_CODE.get(clean(code));

/** By ISO 3166-2 code only; deprecated codes (PK-TA) find nothing. */
export const areaByIso = (iso: string): AdminArea | undefined => BY_ISO.get(clean(iso));

/** By OCHA P-code only (ML10 is Ménaka; ML-9 is not a P-code). */
export const areaByPcode = (pcode: string): AdminArea | undefined => BY_PCODE.get(clean(pcode));

export type AreaLookup =
  | { ok: true; area: AdminArea; by: 'iso' | 'pcode' | 'code' }
  | { ok: false; reason: 'deprecated'; why: string }
  | { ok: false; reason: 'unknown' };

/** An ISO code or a P-code as a user or a file gives it, with the reason when refused. */
export const lookupArea = (code: string, extra: readonly AdminArea[] = []): AreaLookup => {
  const why = deprecatedCode(code);
  if (why !== undefined) return { ok: false, reason: 'deprecated', why };
  const iso = areaByIso(code);
  if (iso) return { ok: true, area: iso, by: 'iso' };
  const pcode = areaByPcode(code);
  if (pcode) return { ok: true, area: pcode, by: 'pcode' };
  // A reference region with a local code only (Mali's of 2023: ML_KITA): never an ISO code.
  const local = areaByCode(code);
  if (local) return { ok: true, area: local, by: 'code' };
  const added = extra.find((a) => a.code === clean(code) || a.iso === clean(code));
  return added ? { ok: true, area: added, by: 'code' } : { ok: false, reason: 'unknown' };
};

/**
 * The districts of a level-1 area, in the reference list's order; for a region created from
 * older ones (ML_KITA), the reference districts that formed it (their `parent` stays the ISO
 * region they were listed under).
 */
export const districtsOf = (parentCode: string, extra: readonly AdminArea[] = []): AdminArea[] => {
  const parent = clean(parentCode);
  const profile = profileFor(parent.slice(0, 2));
  const formed = FORMED_BY.get(parent);
  return [...(profile?.districts ?? []), ...extra].filter(
    (d) => d.parent === parent || formed?.has(d.code) === true,
  );
};

/**
 * Whether a place recorded as (region, district) lies in `region`. Records store ISO regions,
 * so a region created from older ones (Mali 2023) holds the places of the districts that
 * formed it; a place recorded without a district cannot be placed in it.
 */
export const placeIn = (
  region: string,
  place: { adminAreaCode: string; districtCode?: string | undefined },
): boolean => {
  if (place.adminAreaCode === region) return true;
  const formed = FORMED_BY.get(region);
  return formed !== undefined && place.districtCode !== undefined && formed.has(place.districtCode);
};

const FORMED_REGION = new Map(
  [...FORMED_BY].flatMap(([region, districts]) => [...districts].map((d) => [d, region] as const)),
);

/** The region created from older ones (Mali 2023) that a reference district went to, if any. */
export const formedRegionOf = (districtCode: string): string | undefined =>
  FORMED_REGION.get(districtCode);

/** The region code a record stores for `area`: its own, or the ISO region it was carved from. */
export const recordRegionCode = (area: Pick<AdminArea, 'code' | 'formerParent'>): string =>
  area.formerParent ?? area.code;

/** The name in `locale` where a sourced one exists, else the official one. */
export const areaName = (area: Pick<AdminArea, 'name' | 'names'>, locale: string): string =>
  area.names[locale as keyof AreaNames] ?? area.name;

/** What the areas of `level` are called in `locale` (Région, Cercle, Distrito…). */
export const levelName = (profile: CountryProfile, level: AreaLevel, locale: string): string => {
  const names = profile.levels.find((l) => l.level === level)?.name ?? {};
  return names[locale as keyof AreaNames] ?? names.en ?? names.fr ?? '';
};

/**
 * Spaces, hyphens, dots and apostrophes vary between spellings people type ("Gilgit Baltistan",
 * "Hail", "ML 4"), so they are dropped on both sides before comparing.
 */
const matchKey = (s: string): string => normalizeText(s).replace(/[\s\-_.'’]/g, '');

const namesOf = (a: AdminArea): string[] => [a.name, ...Object.values(a.names)];
const codesOf = (a: AdminArea): string[] =>
  [a.code, a.iso, a.pcode].filter((s): s is string => s !== undefined);

/**
 * Exact codes first (ISO "ML-10" is Taoudénit, P-code "ML10" is Ménaka: both exact), then
 * names in any language, then a loosely typed code ("ml 4") only when it can mean one area.
 */
const matchIn = (areas: readonly AdminArea[], text: string): AdminArea | undefined => {
  const key = matchKey(text);
  if (key === '' || deprecatedCode(text) !== undefined) return undefined;
  const exact = clean(text);
  const byCode =
    areas.find((a) => a.iso === exact) ?? areas.find((a) => codesOf(a).includes(exact));
  if (byCode) return byCode;
  const byName = areas.find((a) => namesOf(a).some((s) => matchKey(s) === key));
  if (byName) return byName;
  const loose = areas.filter((a) => codesOf(a).some((s) => matchKey(s) === key));
  return loose.length === 1 ? loose[0] : undefined;
};

/** The level-1 area whose ISO code, P-code or name in any language matches `text`, if any. */
export const matchArea = (profile: CountryProfile, text: string): AdminArea | undefined =>
  matchIn(profile.areas, text);

/** The district (under `parentCode` when given) whose P-code or name matches `text`. */
export const matchDistrict = (
  profile: CountryProfile,
  text: string,
  parentCode?: string,
): AdminArea | undefined =>
  matchIn(
    parentCode === undefined
      ? profile.districts
      : profile.districts.filter((d) => d.parent === parentCode),
    text,
  );

/** Level-1 areas whose bbox holds the point; bboxes overlap, so several (or none) can come back. */
export const areasContaining = (profile: CountryProfile, lat: number, lon: number): AdminArea[] =>
  profile.areas.filter(
    ({ bbox: [south, west, north, east] }) =>
      lat >= south && lat <= north && lon >= west && lon <= east,
  );
