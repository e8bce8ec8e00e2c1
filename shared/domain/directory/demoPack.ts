/**
 * What a country's demo directory is made of (demo.ts builds the records from it): invented
 * organisation and service names in the country's languages, real towns with coordinates checked
 * inside their region's Natural Earth polygon (demoPacks.test.ts), and a phone format from a
 * range the country's numbering plan never assigns, so a demo number can never ring anyone.
 */
import type { CountryCode } from './areas';
import type { Population, ReferralMethod, ServiceCategory } from './schema';

/** A name in the pack's main language, and optionally in a second one (HSDS alternate_name). */
export type Words = readonly [main: string, alt?: string];

/** [name, lat, lon]; the name may have a second-language form. */
export type Town = readonly [name: Words, lat: number, lon: number];
export type DemoRegion = { code: string; services: number; languages: string[]; towns: Town[] };

export type CategoryProfile = {
  names: Words[];
  text: string;
  populations: Population[][];
  methods: ReferralMethod[];
  delay: [number, number];
  hours: string[];
};

export type Family =
  'protection' | 'health' | 'legal' | 'social' | 'police' | 'labour' | 'migration' | 'hotline';

export type DemoPack = {
  country: CountryCode;
  /** Opens every description: says, in the pack's language, that the record is fictional. */
  marker: string;
  orgDescription: string;
  regions: DemoRegion[];
  categoryCounts: [ServiceCategory, number][];
  categories: Record<ServiceCategory, CategoryProfile>;
  networks: Record<Family, { name: Words; token: Words; share: number }>;
  localOrgNames: Record<Family, Words[]>;
  tokens: Words[];
  firstNames: string[];
  lastNames: string[];
  titles: string[];
  verifiers: string[];
  /** Languages every service speaks, before the region's. */
  baseLanguages: string[];
  /** What follows a service or local organisation's name to say where it is. */
  placeSuffix: (town: string) => string;
  street: (n: number, door: number) => string;
  /** A number from an unassigned range (see the pack's comment). */
  phone: (digits: () => string) => string;
  feesDescription: string;
  permanence: string;
  /** A service's name when two would be the same (`, site 2`). */
  siteN: (n: number) => string;
};

/** Populations sheltered and served, shared by every pack so bed figures exist for each. */
export const ALL: Population[] = ['women', 'men', 'girls', 'boys'];
export const SHELTER_POPULATIONS: Population[][] = [
  ['women', 'girls'],
  ['girls'],
  ['boys'],
  ['women', 'families'],
  ['men'],
  ['women', 'girls', 'persons_with_disabilities'],
];

export const FAMILY: Record<ServiceCategory, Family> = {
  shelter: 'protection',
  psychosocial: 'protection',
  medical: 'health',
  legal_aid: 'legal',
  social_services: 'social',
  child_protection: 'social',
  law_enforcement: 'police',
  labour_inspection: 'labour',
  repatriation: 'migration',
  hotline: 'hotline',
};

/** Every category with a realistic share; `total` services, about a fifth of them shelters. */
export const categoryCounts = (total: number): [ServiceCategory, number][] => {
  const shares: [ServiceCategory, number][] = [
    ['shelter', 30],
    ['medical', 21],
    ['psychosocial', 18],
    ['legal_aid', 18],
    ['social_services', 17],
    ['law_enforcement', 14],
    ['child_protection', 13],
    ['labour_inspection', 10],
    ['repatriation', 6],
  ];
  const sum = shares.reduce((s, [, n]) => s + n, 0);
  return shares.map(([c, n]) => [c, Math.max(1, Math.round((n * total) / sum))]);
};
