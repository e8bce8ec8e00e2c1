/**
 * A fictional directory for Mali, for demonstrations and training: ~150 services of ~60
 * organisations across every region. Names are invented ("Centre d'accueil Espoir de Ségou"),
 * every description starts with DEMO_MARKER, e-mail and web addresses use the reserved
 * `.example` domain, and phone numbers start with 00 after +223, which Mali's numbering plan
 * never assigns, so a demo number can never ring a real person.
 *
 * Deterministic: the content comes from a fixed seed, so every office shows the same demo; the
 * ids come from a seed derived from the office, so two offices' demo records never collide when
 * they replicate.
 */
import { areaByCode, profileFor } from './areas';
import { normalizeText } from './normalize';
import type {
  Location,
  Organization,
  Population,
  ReferralMethod,
  Service,
  ServiceCategory,
  Visibility,
} from './schema';

export const DEMO_MARKER = 'Donnée fictive de démonstration.';

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

/** French elision: "de Ségou" but "d'Ansongo". */
const ofTown = (town: string): string => (/^[AEIOUÉ]/.test(town) ? `d'${town}` : `de ${town}`);

type Town = [name: string, lat: number, lon: number];
type DemoRegion = { code: string; services: number; languages: string[]; towns: Town[] };

/** Towns checked inside their region's Natural Earth polygon with a 5 km margin. */
// prettier-ignore
const REGIONS: DemoRegion[] = [
  { code: 'ML-BKO', services: 36, languages: ['bm', 'ff', 'snk', 'son'],
    towns: [['Bamako', 12.64, -8]] },
  { code: 'ML-1', services: 18, languages: ['bm', 'snk', 'ff'],
    towns: [['Kayes', 14.45, -11.44], ['Kita', 13.03, -9.49], ['Nioro du Sahel', 15.23, -9.59],
      ['Bafoulabé', 13.81, -10.83], ['Diéma', 14.54, -9.19], ['Yélimané', 15.12, -10.57]] },
  { code: 'ML-2', services: 17, languages: ['bm', 'ff', 'snk'],
    towns: [['Koulikoro', 12.86, -7.56], ['Kati', 12.74, -8.07], ['Dioïla', 12.49, -6.79],
      ['Nara', 15.17, -7.29], ['Kangaba', 11.93, -8.41], ['Fana', 12.77, -6.95]] },
  { code: 'ML-3', services: 20, languages: ['bm', 'ff'],
    towns: [['Sikasso', 11.32, -5.67], ['Koutiala', 12.39, -5.46], ['Bougouni', 11.42, -7.48],
      ['Kadiolo', 10.56, -5.76], ['Yanfolila', 11.17, -8.15], ['Kolondiéba', 11.09, -6.89]] },
  { code: 'ML-4', services: 20, languages: ['bm', 'ff', 'son'],
    towns: [['Ségou', 13.43, -6.26], ['San', 13.3, -4.9], ['Niono', 14.25, -5.99],
      ['Markala', 13.7, -6.07], ['Bla', 12.95, -5.76], ['Macina', 13.96, -5.36]] },
  { code: 'ML-5', services: 18, languages: ['ff', 'bm', 'son'],
    towns: [['Mopti', 14.49, -4.18], ['Sévaré', 14.53, -4.1], ['Djenné', 13.91, -4.55],
      ['Bandiagara', 14.35, -3.61], ['Douentza', 15, -2.95], ['Ténenkou', 14.46, -4.92]] },
  { code: 'ML-6', services: 7, languages: ['son', 'tmh', 'ar'],
    towns: [['Tombouctou', 16.77, -3.01], ['Goundam', 16.41, -3.67], ['Diré', 16.28, -3.39],
      ['Niafunké', 15.93, -3.99]] },
  { code: 'ML-7', services: 8, languages: ['son', 'tmh', 'ar', 'ff'],
    towns: [['Gao', 16.27, -0.04], ['Ansongo', 15.66, 0.5], ['Bourem', 16.95, -0.35],
      ['Ménaka', 15.92, 2.4]] },
  { code: 'ML-8', services: 4, languages: ['tmh', 'ar', 'son'],
    towns: [['Kidal', 18.44, 1.41], ['Tessalit', 20.2, 1.01], ['Aguelhok', 19.46, 0.86]] },
];

/** Shelters ~20%; the national hotline is added on its own, once, in Bamako. */
const CATEGORY_COUNTS: [ServiceCategory, number][] = [
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

type CategoryProfile = {
  names: string[];
  text: string;
  populations: Population[][];
  methods: ReferralMethod[];
  delay: [number, number];
  hours: string[];
};

const ALL: Population[] = ['women', 'men', 'girls', 'boys'];
const OFFICE_HOURS = ['Lun–ven 8h–16h', 'Lun–ven 7h30–16h30', 'Lun–jeu 8h–17h, ven 8h–12h'];

const CATEGORIES: Record<ServiceCategory, CategoryProfile> = {
  shelter: {
    names: ["Centre d'accueil {N}", "Foyer d'hébergement {N}", 'Maison de transit {N}'],
    text: 'Hébergement temporaire sécurisé, repas et accompagnement vers les soins et le droit.',
    populations: [
      ['women', 'girls'],
      ['girls'],
      ['boys'],
      ['women', 'families'],
      ['men'],
      ['women', 'girls', 'persons_with_disabilities'],
    ],
    methods: ['phone'],
    delay: [1, 24],
    hours: ['24 h/24, 7 j/7', 'Admissions 24 h/24 sur appel du point focal'],
  },
  medical: {
    names: ['Centre de santé {N}', 'Clinique {N}', 'Unité de soins {N}'],
    text: 'Consultations, soins d’urgence, santé sexuelle et reproductive ; certificats médicaux sur demande.',
    populations: [ALL, [...ALL, 'persons_with_disabilities'], ['women', 'girls']],
    methods: ['in_person', 'phone'],
    delay: [0, 24],
    hours: ['Lun–sam 8h–18h, urgences 24 h/24', 'Tous les jours 8h–20h', ...OFFICE_HOURS],
  },
  psychosocial: {
    names: ["Cellule d'écoute {N}", 'Soutien psychosocial {N}'],
    text: 'Écoute, soutien psychologique individuel et en groupe, médiation familiale.',
    populations: [ALL, ['women', 'girls'], ['girls', 'boys']],
    methods: ['phone', 'in_person'],
    delay: [24, 72],
    hours: [...OFFICE_HOURS, 'Lun–sam 9h–17h'],
  },
  legal_aid: {
    names: ['Clinique juridique {N}', 'Aide juridique {N}', 'Permanence juridique {N}'],
    text: 'Information juridique, accompagnement des plaintes et représentation devant les tribunaux.',
    populations: [ALL, ['women', 'men'], ['women', 'girls']],
    methods: ['in_person', 'letter', 'email'],
    delay: [24, 120],
    hours: [...OFFICE_HOURS, 'Mar et jeu 9h–13h'],
  },
  social_services: {
    names: ['Guichet social {N}', "Service d'action sociale {N}"],
    text: 'Évaluation des besoins, aide sociale d’urgence et réinsertion socio-économique.',
    populations: [
      ['families', 'women', 'men'],
      [...ALL, 'families', 'persons_with_disabilities'],
    ],
    methods: ['letter', 'in_person'],
    delay: [48, 168],
    hours: OFFICE_HOURS,
  },
  law_enforcement: {
    names: ['Point focal anti-traite {N}', 'Brigade de protection {N}'],
    text: 'Point focal de la police pour l’identification des victimes et la réception des plaintes.',
    populations: [ALL],
    methods: ['in_person', 'phone'],
    delay: [0, 12],
    hours: ['24 h/24, 7 j/7', 'Lun–sam 8h–18h, permanence la nuit'],
  },
  hotline: {
    names: ['Ligne verte nationale {N}'],
    text: 'Ligne d’écoute gratuite et orientation vers les services du mécanisme national de référence.',
    populations: [[...ALL, 'families', 'persons_with_disabilities']],
    methods: ['hotline'],
    delay: [0, 0],
    hours: ['24 h/24, 7 j/7'],
  },
  repatriation: {
    names: ['Aide au retour {N}', 'Accueil des migrants de retour {N}'],
    text: 'Accueil des migrants de retour, retour volontaire assisté et aide à la réintégration.',
    populations: [[...ALL, 'families']],
    methods: ['email', 'letter'],
    delay: [72, 336],
    hours: OFFICE_HOURS,
  },
  labour_inspection: {
    names: ['Inspection du travail, antenne {N}'],
    text: 'Contrôle des conditions de travail, signalement du travail forcé et de la servitude domestique.',
    populations: [['women', 'men'], ALL],
    methods: ['letter'],
    delay: [72, 240],
    hours: OFFICE_HOURS,
  },
  child_protection: {
    names: ["Espace de protection de l'enfant {N}", 'Cellule enfance {N}'],
    text: 'Prise en charge des enfants victimes, recherche familiale et placement temporaire.',
    populations: [['girls', 'boys'], ['girls'], ['boys']],
    methods: ['phone', 'in_person'],
    delay: [2, 48],
    hours: ['Lun–sam 8h–18h, astreinte 24 h/24', ...OFFICE_HOURS],
  },
};

/** Organisations group services by trade: a legal clinic does not run a police focal point. */
type Family =
  'protection' | 'health' | 'legal' | 'social' | 'police' | 'labour' | 'migration' | 'hotline';
const FAMILY: Record<ServiceCategory, Family> = {
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

/** One national network per family, present in several regions; `share` of its services. */
const NETWORKS: Record<Family, { name: string; token: string; share: number }> = {
  protection: {
    name: 'Réseau Espoir pour les survivantes de la traite',
    token: 'Espoir',
    share: 0.3,
  },
  health: { name: 'Fédération Santé Horizon', token: 'Horizon', share: 0.3 },
  legal: { name: "Association Sababou pour l'accès au droit", token: 'Sababou', share: 0.35 },
  social: { name: "Agence Baobab de l'action sociale", token: 'Baobab', share: 0.35 },
  police: { name: 'Brigade Colombe de lutte contre la traite', token: 'Colombe', share: 0.5 },
  labour: { name: 'Inspection Néré du travail', token: 'Néré', share: 0.5 },
  migration: {
    name: 'Programme Aurore pour le retour et la réintégration',
    token: 'Aurore',
    share: 0.6,
  },
  hotline: { name: 'Ligne verte Étoile', token: 'Étoile', share: 1 },
};

const LOCAL_ORG_NAMES: Record<Family, string[]> = {
  protection: [
    'Association {N} pour la protection des femmes et des enfants',
    'ONG {N} Solidarité',
    'Fondation {N}',
  ],
  health: ['Centre médical {N}', 'Association médicale {N}'],
  legal: ['Collectif de juristes {N}', 'Association {N} pour les droits humains'],
  social: ['Union {N} pour la famille', "Association {N} pour l'enfance"],
  police: ['Commissariat {N}'],
  labour: ['Bureau {N} du travail'],
  migration: ['Association {N} des migrants de retour'],
  hotline: ['Ligne {N}'],
};

/** Invented names; none is a known organisation's. */
// prettier-ignore
const TOKENS = [
  'Lumière', 'Karité', 'Tamarinier', 'Avenir', 'Sourire', 'Confiance', 'Renouveau', 'Harmonie',
  'Oasis', 'Fleuve', 'Caïlcédrat', 'Rônier', 'Hirondelle', 'Boussole', 'Lanterne', 'Éveil',
  'Ancrage', 'Clairière', 'Source vive', 'Sentinelle', 'Tisserand', 'Kanoura', 'Sanoura', 'Tiéfa',
  'Passage', 'Aube nouvelle', 'Main tendue', 'Pirogue', 'Dunes', 'Savane', 'Kapokier', 'Acacia',
  'Grenier', 'Rosée', 'Alizé', 'Perle', 'Balise', 'Relais', 'Phare', 'Sésame', 'Bélier',
  'Palmeraie', 'Jasmin', 'Ibis', 'Héron', 'Gazelle', 'Calebasse', 'Natté', 'Indigo', 'Ocre',
  'Bogolan', 'Cauri', 'Lagune', 'Mirador', 'Écho', 'Azur', 'Émeraude', 'Fanal',
];

const FIRST_NAMES = ['Awa', 'Fatoumata', 'Mariam', 'Aminata', 'Oumou', 'Moussa', 'Seydou', 'Adama'];
const LAST_NAMES = ['Traoré', 'Coulibaly', 'Diarra', 'Keïta', 'Koné', 'Sangaré', 'Maïga', 'Touré'];
const TITLES = ['Coordinatrice', 'Point focal', 'Travailleur social', 'Juriste', 'Infirmière'];
const VERIFIERS = ['Point focal régional (démo)', 'Secrétariat du MNR (démo)'];

const DAY_MS = 86_400_000;

export type DemoDirectory = {
  organizations: Organization[];
  locations: Location[];
  services: Service[];
};

type Org = {
  record: Organization;
  family: Family;
  token: string;
  town: Town | null;
  count: number;
};

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

/**
 * A point a few km from the town (Bamako district is small: ~2 km there), kept inside the
 * region's bbox so that the map's "outside the region" warning never fires on demo data.
 */
const pointNear = (rng: Rng, [, lat, lon]: Town, regionCode: string): [number, number] => {
  const spread = regionCode === 'ML-BKO' ? 0.02 : 0.03;
  const point: [number, number] = [
    round5(lat + (rng() * 2 - 1) * spread),
    round5(lon + (rng() * 2 - 1) * spread),
  ];
  const [south, west, north, east] = areaByCode(regionCode)?.bbox ?? [-90, -180, 90, 180];
  const inside = point[0] >= south && point[0] <= north && point[1] >= west && point[1] <= east;
  return inside ? point : [lat, lon];
};

const visibilityFor = (rng: Rng, category: ServiceCategory): Visibility => {
  if (category === 'shelter') return 'restricted';
  const sensitive = ['psychosocial', 'child_protection', 'social_services'].includes(category);
  return sensitive && chance(rng, 0.3) ? 'partners' : 'public';
};

/** One category per service slot, regions in order, the national hotline first. */
const serviceSlots = (rng: Rng): { region: DemoRegion; category: ServiceCategory }[] => {
  const pool = shuffle(
    rng,
    CATEGORY_COUNTS.flatMap(([category, n]) => Array.from({ length: n }, () => category)),
  );
  const slots: { region: DemoRegion; category: ServiceCategory }[] = [
    { region: REGIONS[0]!, category: 'hotline' },
  ];
  for (const region of REGIONS) {
    const n = region.code === 'ML-BKO' ? region.services - 1 : region.services;
    for (let i = 0; i < n; i++) slots.push({ region, category: pool.pop() ?? 'medical' });
  }
  return slots;
};

export const generateDemoDirectory = (opts: { office: string; now: string }): DemoDirectory => {
  const nowMs = Date.parse(opts.now);
  if (Number.isNaN(nowMs)) throw new Error(`generateDemoDirectory: invalid now ${opts.now}`);
  const rng = createRng(0x5a112026);
  const idRng = createRng(hashString(`passerelle-demo:${opts.office}`));
  const base = {
    office: opts.office,
    createdAt: opts.now,
    updatedAt: opts.now,
    deletedAt: null,
    demo: true,
  };
  const tokens = shuffle(rng, [...TOKENS]);
  const phone = () => `+223 00 ${[0, 0, 0].map(() => intBetween(rng, 10, 99)).join(' ')}`;
  const malianLanguages = profileFor('ML')?.languages ?? ['fr'];

  const orgs: Org[] = [];
  const networks = new Map<Family, Org>();
  const newOrg = (family: Family, name: string, token: string, town: Town | null): Org => {
    const domain = `${slug(token)}.example`;
    const record: Organization = {
      ...base,
      id: uuidFrom(idRng),
      name,
      description: `${DEMO_MARKER} Organisation inventée pour montrer l’annuaire ; elle n’existe pas.`,
      email: `contact@${domain}`,
      website: town ? '' : `https://${domain}`,
    };
    const org: Org = { record, family, token, town, count: 0 };
    orgs.push(org);
    return org;
  };
  const orgFor = (region: DemoRegion, family: Family): Org => {
    const network = NETWORKS[family];
    if (chance(rng, network.share)) {
      const existing = networks.get(family);
      if (existing) return existing;
      const created = newOrg(family, network.name, network.token, null);
      networks.set(family, created);
      return created;
    }
    const local = orgs.find(
      (o) => o.family === family && o.town && region.towns.includes(o.town) && o.count < 3,
    );
    if (local && chance(rng, 0.8)) return local;
    const town = pick(rng, region.towns);
    const token = tokens.pop() ?? pick(rng, TOKENS);
    const name = `${pick(rng, LOCAL_ORG_NAMES[family]).replace('{N}', token)} ${ofTown(town[0])}`;
    return newOrg(family, name, token, town);
  };

  // Two services of one organisation in one town get different names, so lists stay readable.
  const usedNames = new Set<string>();
  const serviceName = (category: ServiceCategory, token: string, town: string): string => {
    const suffix = category === 'hotline' ? '' : ` ${ofTown(town)}`;
    const candidates = shuffle(rng, [...CATEGORIES[category].names]).map(
      (template) => `${template.replace('{N}', token)}${suffix}`,
    );
    let name = candidates.find((c) => !usedNames.has(c));
    for (let n = 2; name === undefined; n++) {
      const numbered = `${candidates[0]!}, site ${n}`;
      if (!usedNames.has(numbered)) name = numbered;
    }
    usedNames.add(name);
    return name;
  };

  const locations: Location[] = [];
  const services: Service[] = [];
  for (const { region, category } of serviceSlots(rng)) {
    const profile = CATEGORIES[category];
    const org = orgFor(region, FAMILY[category]);
    org.count++;
    const town = org.town ?? pick(rng, region.towns);
    const name = serviceName(category, org.token, town[0]);
    const [latitude, longitude] = pointNear(rng, town, region.code);
    const location: Location = {
      ...base,
      id: uuidFrom(idRng),
      organizationId: org.record.id,
      name,
      address: {
        address1: `Rue ${intBetween(rng, 1, 650)}, porte ${intBetween(rng, 1, 180)}`,
        city: town[0],
        adminAreaCode: region.code,
        country: 'ML',
      },
      latitude,
      longitude,
      visibility: visibilityFor(rng, category),
    };
    locations.push(location);

    // French everywhere, the region's main language nearly always, others now and then.
    const [main, ...others] = region.languages;
    const extra = shuffle(rng, others).slice(0, intBetween(rng, 0, others.length));
    const languages = category === 'hotline' ? [...malianLanguages] : ['fr', main!, ...extra];
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
      alternateName: '',
      description: `${DEMO_MARKER} ${profile.text}`,
      status: chance(rng, 0.04) ? 'temporarily closed' : 'active',
      category,
      populations: [...pick(rng, profile.populations)],
      languages,
      phones: Array.from({ length: phoneCount }, (_, i) => ({
        id: uuidFrom(idRng),
        number: phone(),
        type: i === 0 ? 'voice' : 'cell',
        description: i === 0 ? '' : 'Permanence',
      })),
      email: chance(rng, 0.5) ? `${slug(town[0])}@${slug(org.token)}.example` : '',
      url: '',
      contacts: chance(rng, 0.3)
        ? [
            {
              id: uuidFrom(idRng),
              name: `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`,
              title: pick(rng, TITLES),
              email: '',
              phone: phone(),
            },
          ]
        : [],
      hours: pick(rng, profile.hours),
      free: !paid,
      feesDescription: paid
        ? 'Gratuit sur orientation du mécanisme ; examens spécialisés payants.'
        : '',
      referralMethod: pick(rng, profile.methods),
      responseDelayHours: chance(rng, 0.15) ? null : intBetween(rng, minDelay, maxDelay),
      lastVerified:
        verifiedDaysAgo === null
          ? null
          : {
              date: new Date(nowMs - verifiedDaysAgo * DAY_MS).toISOString().slice(0, 10),
              by: pick(rng, VERIFIERS),
            },
    });
  }
  return { organizations: orgs.map((o) => o.record), locations, services };
};
