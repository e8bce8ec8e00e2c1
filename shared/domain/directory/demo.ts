/**
 * A fictional directory for the office's country, for demonstrations and training: Mali
 * (French, ~150 services), Mozambique (Portuguese), Saudi Arabia and Bahrain (Arabic, with
 * English alternate names), Pakistan (English, with Urdu alternate names). Names are invented,
 * every description starts with the pack's fictional marker, e-mail and web addresses use the
 * reserved `.example` domain, and phone numbers come from ranges never assigned (each pack
 * says why), so a demo number can never ring a real person.
 *
 * Deterministic: the content comes from a fixed seed, so every office shows the same demo; the
 * ids come from a seed derived from the office, so two offices' demo records never collide when
 * they replicate.
 */
import { areaByCode, matchDistrict, profileFor } from './areas';
import type { CountryCode } from './areas';
import { DEMO_PACKS } from './demoPacks';
import { FAMILY } from './demoPack';
import type { DemoPack, DemoRegion, Family, Town, Words } from './demoPack';
import { normalizeText } from './normalize';
import type { Location, Organization, Service, ServiceCategory, Visibility } from './schema';

/** Mali's marker; each pack has its own (`demoMarker`). */
export const DEMO_MARKER = 'Donnée fictive de démonstration.';
export const demoMarker = (country: string): string =>
  DEMO_PACKS[country as CountryCode]?.marker ?? DEMO_MARKER;

type Rng = () => number;

/** mulberry32: tiny, fast and good enough for shuffling demo data; not for anything secret. */
const createRng = (seed: number): Rng => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** FNV-1a, to turn the office code into a seed. */
const hashString = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

const intBetween = (rng: Rng, min: number, max: number): number =>
  min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;
const shuffle = <T>(rng: Rng, items: T[]): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
};

/** RFC 4122 version 4 layout (version nibble 4, variant 10xx), bytes from the PRNG. */
const uuidFrom = (rng: Rng): string => {
  const b = Array.from({ length: 16 }, () => Math.floor(rng() * 256));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
};

const slug = (s: string): string =>
  normalizeText(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const DAY_MS = 86_400_000;

export type DemoDirectory = {
  organizations: Organization[];
  locations: Location[];
  services: Service[];
};

type Org = {
  record: Organization;
  family: Family;
  token: Words;
  town: Town | null;
  count: number;
};

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;
/** Slugs need Latin letters: the second-language form when the main one is Arabic script. */
const latin = (w: Words): string => (/[a-z]/i.test(w[0]) ? w[0] : (w[1] ?? w[0]));
const fill = (template: Words, token: Words, i: 0 | 1): string =>
  (template[i] ?? template[0]).replace('{N}', token[i] ?? token[0]);

/**
 * A point a few km from the town (capital districts are small: ~2 km there), kept inside the
 * region's bbox so that the map's "outside the region" warning never fires on demo data.
 */
const pointNear = (rng: Rng, [, lat, lon]: Town, regionCode: string): [number, number] => {
  const area = areaByCode(regionCode);
  const [south, west, north, east] = area?.bbox ?? [-90, -180, 90, 180];
  const spread = north - south < 0.3 ? 0.02 : 0.03;
  const point: [number, number] = [
    round5(lat + (rng() * 2 - 1) * spread),
    round5(lon + (rng() * 2 - 1) * spread),
  ];
  const inside = point[0] >= south && point[0] <= north && point[1] >= west && point[1] <= east;
  return inside ? point : [lat, lon];
};

/** The town's district P-code, where the reference list names a district after the town. */
const districtOf = (country: CountryCode, town: Town, regionCode: string): string | undefined => {
  const profile = profileFor(country);
  if (!profile) return undefined;
  const name = latin(town[0]);
  return (
    matchDistrict(profile, name, regionCode) ??
    matchDistrict(profile, `Cidade de ${name}`, regionCode) ??
    matchDistrict(profile, `Cidade da ${name}`, regionCode)
  )?.code;
};

const visibilityFor = (rng: Rng, category: ServiceCategory): Visibility => {
  if (category === 'shelter') return 'restricted';
  const sensitive = ['psychosocial', 'child_protection', 'social_services'].includes(category);
  return sensitive && chance(rng, 0.3) ? 'partners' : 'public';
};

/** One category per service slot, regions in order, the national hotline first. */
const serviceSlots = (
  rng: Rng,
  pack: DemoPack,
): { region: DemoRegion; category: ServiceCategory }[] => {
  const pool = shuffle(
    rng,
    pack.categoryCounts.flatMap(([category, n]) => Array.from({ length: n }, () => category)),
  );
  const [capital, ...rest] = pack.regions;
  const slots: { region: DemoRegion; category: ServiceCategory }[] = [
    { region: capital!, category: 'hotline' },
  ];
  for (const region of [capital!, ...rest]) {
    const n = region === capital ? region.services - 1 : region.services;
    for (let i = 0; i < n; i++) slots.push({ region, category: pool.pop() ?? 'medical' });
  }
  return slots;
};

export const generateDemoDirectory = (opts: {
  office: string;
  now: string;
  /** The office's country; Mali when not given. */
  country?: string;
}): DemoDirectory => {
  const nowMs = Date.parse(opts.now);
  if (Number.isNaN(nowMs)) throw new Error(`generateDemoDirectory: invalid now ${opts.now}`);
  const pack = DEMO_PACKS[(opts.country ?? 'ML') as CountryCode] ?? DEMO_PACKS.ML;
  // Mali keeps the seed its demo always had; other countries get their own.
  const rng = createRng(pack.country === 'ML' ? 0x5a112026 : hashString(`demo:${pack.country}`));
  const idRng = createRng(
    hashString(`passerelle-demo:${opts.office}${pack.country === 'ML' ? '' : `:${pack.country}`}`),
  );
  const base = {
    office: opts.office,
    createdAt: opts.now,
    updatedAt: opts.now,
    deletedAt: null,
    demo: true,
  };
  const tokens = shuffle(rng, [...pack.tokens]);
  const phone = () => pack.phone(() => String(intBetween(rng, 10, 99)));
  const countryLanguages = profileFor(pack.country)?.languages ?? pack.baseLanguages;

  const orgs: Org[] = [];
  const networks = new Map<Family, Org>();
  const newOrg = (family: Family, name: string, token: Words, town: Town | null): Org => {
    const domain = `${slug(latin(token))}.example`;
    const record: Organization = {
      ...base,
      id: uuidFrom(idRng),
      name,
      description: `${pack.marker} ${pack.orgDescription}`,
      email: `contact@${domain}`,
      website: town ? '' : `https://${domain}`,
    };
    const org: Org = { record, family, token, town, count: 0 };
    orgs.push(org);
    return org;
  };
  const orgFor = (region: DemoRegion, family: Family): Org => {
    const network = pack.networks[family];
    if (chance(rng, network.share)) {
      const existing = networks.get(family);
      if (existing) return existing;
      const created = newOrg(family, network.name[0], network.token, null);
      networks.set(family, created);
      return created;
    }
    const local = orgs.find(
      (o) => o.family === family && o.town && region.towns.includes(o.town) && o.count < 3,
    );
    if (local && chance(rng, 0.8)) return local;
    const town = pick(rng, region.towns);
    const token = tokens.pop() ?? pick(rng, pack.tokens);
    const name = `${fill(pick(rng, pack.localOrgNames[family]), token, 0)}${pack.placeSuffix(town[0][0])}`;
    return newOrg(family, name, token, town);
  };

  // Two services of one organisation in one town get different names, so lists stay readable.
  const usedNames = new Set<string>();
  const serviceName = (category: ServiceCategory, token: Words, town: Town): [string, string] => {
    const bilingual = token[1] !== undefined || town[0][1] !== undefined;
    const at = (i: 0 | 1) =>
      category === 'hotline' ? '' : pack.placeSuffix(town[0][i] ?? town[0][0]);
    const candidates = shuffle(rng, [...pack.categories[category].names]).map(
      (template) =>
        [
          `${fill(template, token, 0)}${at(0)}`,
          bilingual ? `${fill(template, token, 1)}${at(1)}` : '',
        ] as [string, string],
    );
    let name = candidates.find((c) => !usedNames.has(c[0]));
    for (let n = 2; name === undefined; n++) {
      const [main, alt] = candidates[0]!;
      const numbered: [string, string] = [
        `${main}${pack.siteN(n)}`,
        alt === '' ? '' : `${alt}, site ${n}`,
      ];
      if (!usedNames.has(numbered[0])) name = numbered;
    }
    usedNames.add(name[0]);
    return name;
  };

  const locations: Location[] = [];
  const services: Service[] = [];
  for (const { region, category } of serviceSlots(rng, pack)) {
    const profile = pack.categories[category];
    const org = orgFor(region, FAMILY[category]);
    org.count++;
    const town = org.town ?? pick(rng, region.towns);
    const [name, alternateName] = serviceName(category, org.token, town);
    const [latitude, longitude] = pointNear(rng, town, region.code);
    const district = districtOf(pack.country, town, region.code);
    const location: Location = {
      ...base,
      id: uuidFrom(idRng),
      organizationId: org.record.id,
      name,
      address: {
        address1: pack.street(intBetween(rng, 1, 650), intBetween(rng, 1, 180)),
        city: town[0][0],
        adminAreaCode: region.code,
        ...(district ? { districtCode: district } : {}),
        country: pack.country,
      },
      latitude,
      longitude,
      visibility: visibilityFor(rng, category),
    };
    locations.push(location);

    // The base language everywhere, the region's main language nearly always, others now and then.
    const [main, ...others] = region.languages;
    const extra = shuffle(rng, others).slice(0, intBetween(rng, 0, others.length));
    const languages =
      category === 'hotline'
        ? [...countryLanguages]
        : [...new Set([...pack.baseLanguages, main!, ...extra])];
    const [minDelay, maxDelay] = profile.delay;
    const paid = category === 'medical' && chance(rng, 0.3);
    const verifiedDaysAgo = chance(rng, 0.6) ? intBetween(rng, 3, 400) : null;
    const phoneCount = category === 'hotline' ? 1 : intBetween(rng, 1, 2);
    services.push({
      ...base,
      id: uuidFrom(idRng),
      organizationId: org.record.id,
      locationIds: [location.id],
      name,
      alternateName,
      description: `${pack.marker} ${profile.text}`,
      status: chance(rng, 0.04) ? 'temporarily closed' : 'active',
      category,
      populations: [...pick(rng, profile.populations)],
      languages,
      phones: Array.from({ length: phoneCount }, (_, i) => ({
        id: uuidFrom(idRng),
        number: phone(),
        type: i === 0 ? 'voice' : 'cell',
        description: i === 0 ? '' : pack.permanence,
      })),
      email: chance(rng, 0.5) ? `${slug(latin(town[0]))}@${slug(latin(org.token))}.example` : '',
      url: '',
      contacts: chance(rng, 0.3)
        ? [
            {
              id: uuidFrom(idRng),
              name: `${pick(rng, pack.firstNames)} ${pick(rng, pack.lastNames)}`,
              title: pick(rng, pack.titles),
              email: '',
              phone: phone(),
            },
          ]
        : [],
      hours: pick(rng, profile.hours),
      free: !paid,
      feesDescription: paid ? pack.feesDescription : '',
      referralMethod: pick(rng, profile.methods),
      responseDelayHours: chance(rng, 0.15) ? null : intBetween(rng, minDelay, maxDelay),
      lastVerified:
        verifiedDaysAgo === null
          ? null
          : {
              date: new Date(nowMs - verifiedDaysAgo * DAY_MS).toISOString().slice(0, 10),
              by: pick(rng, pack.verifiers),
            },
    });
  }
  return { organizations: orgs.map((o) => o.record), locations, services };
};
