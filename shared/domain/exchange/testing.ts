/**
 * Fixtures for the exchange tests and the benchmark: the demo directory as views, a context,
 * and a large generated flat file with known bad rows.
 */
import { generateDemoDirectory } from '../directory/demo';
import type { Location, Organization, Service, ServiceView } from '../directory/schema';
import type { ImportContext } from './types';

export const NOW = '2026-11-23T10:00:00.000Z';

export const demoViews = (): ServiceView[] => {
  const d = generateDemoDirectory({ office: 'BKO', now: NOW });
  const orgs = new Map(d.organizations.map((o) => [o.id, o]));
  const locs = new Map(d.locations.map((l) => [l.id, l]));
  return d.services.map((service) => ({
    service,
    organization: orgs.get(service.organizationId),
    locations: service.locationIds.map((id) => locs.get(id)!),
  }));
};

export const testContext = (): ImportContext => {
  let n = 0;
  return {
    office: 'BKO',
    country: 'ML',
    now: NOW,
    defaultCategory: 'social_services',
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
};

export const byId = <T extends { id: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.id.localeCompare(b.id));

export const recordsOf = (views: readonly ServiceView[]) => {
  const orgs = new Map<string, Organization>();
  const locs = new Map<string, Location>();
  const services: Service[] = [];
  for (const v of views) {
    if (v.organization) orgs.set(v.organization.id, v.organization);
    for (const l of v.locations) locs.set(l.id, l);
    services.push(v.service);
  }
  return {
    organizations: byId([...orgs.values()]),
    locations: byId([...locs.values()]),
    services: byId(services),
  };
};

const REGIONS = ['Bamako', 'Ségou', 'SEGOU', 'ML-3', 'Mopti', 'Kayes', 'Tombouctou', 'Gao'];
const CATEGORIES = ['shelter', 'Aide juridique', 'medical', 'Soutien psychosocial', 'hotline'];
const BAD = [
  ['phones', 'pas un numéro'],
  ['region', 'Atlantide'],
  ['name', ''],
  ['latitude', 'nord'],
  ['category', 'boulangerie'],
] as const;
export const GENERATED_HEADER = [
  'Organisation',
  'Nom du service',
  'Catégorie',
  'Téléphone',
  'Région',
  'Ville',
  'Latitude',
  'Longitude',
  'Langues',
  'Courriel',
];

/**
 * `n` rows of a spreadsheet as an office would keep it (French headers, labels, accents), every
 * `badEvery`-th row broken in one of five ways. Returns the CSV and the bad rows' numbers.
 */
export const generateCsv = (n: number, badEvery = 100, delimiter = ';') => {
  const bad: number[] = [];
  const lines = [GENERATED_HEADER.join(delimiter)];
  for (let i = 0; i < n; i++) {
    const row = i + 2;
    const cells: Record<string, string> = {
      Organisation: `Association ${i % 700} Espoir`,
      'Nom du service': `Centre d'écoute ${i}`,
      Catégorie: CATEGORIES[i % CATEGORIES.length]!,
      // One number per row (eight digits from 20 00 00 00, as Mali writes them): rows sharing a
      // phone are one service to the import, and the old pattern repeated every 67,900 rows, so
      // a "200k" file was 67k services.
      Téléphone: `+223 ${String(20_000_000 + i).replace(/(\d{2})(?=\d)/g, '$1 ')}`,
      Région: REGIONS[i % REGIONS.length]!,
      Ville: `Ville ${i % 300}`,
      Latitude: (12 + (i % 500) / 100).toFixed(4).replace('.', ','),
      Longitude: (-8 + (i % 400) / 100).toFixed(4).replace('.', ','),
      Langues: i % 2 ? 'fr, bm' : 'Français, Bambara',
      Courriel: i % 3 ? '' : `centre${i}@exemple.example`,
    };
    if (i % badEvery === badEvery - 1) {
      const [col, value] = BAD[((i / badEvery) % BAD.length) | 0]!;
      const header = {
        phones: 'Téléphone',
        region: 'Région',
        name: 'Nom du service',
        latitude: 'Latitude',
        category: 'Catégorie',
      }[col];
      cells[header] = value;
      bad.push(row);
    }
    lines.push(GENERATED_HEADER.map((h) => cells[h]).join(delimiter));
  }
  return { csv: lines.join('\r\n'), bad };
};
