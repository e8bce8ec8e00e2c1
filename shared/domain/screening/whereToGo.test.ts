import { describe, expect, it } from 'vitest';
import type { Subject } from '../accounts/permissions';
import { foldEvents } from '../capacity/fold';
import { eventsForUpdate } from '../capacity/rules';
import type { CapacityEvent } from '../capacity/schema';
import { summarizeShelters } from '../capacity/summary';
import { areaByCode } from '../directory/areas';
import type { ServiceCategory, ServiceView } from '../directory/schema';
import { locationSchema, organizationSchema, serviceSchema } from '../directory/schema';
import { haversineKm } from '../map/geo';
import { placeServices } from '../map/placement';
import type { NeedDef } from './schema';
import { needSchema } from './schema';
import type { WhereToGoInput } from './whereToGo';
import { whereToGo } from './whereToGo';

const NOW = '2026-03-10T20:00:00.000Z';
const HOURS_AGO = (h: number) => new Date(Date.parse(NOW) - h * 3_600_000).toISOString();
let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const base = { office: 'BKO', createdAt: NOW, updatedAt: NOW };
const ORG = organizationSchema.parse({ ...base, id: uuid(), name: 'Réseau fictif' });

/** Bamako's centre, and points east of it at about 1 km per 0.009°. */
const BAMAKO = areaByCode('ML-BKO')!.center;
const east = (km: number): [number, number] => [BAMAKO[0], BAMAKO[1] + km * 0.0092];

const service = (
  name: string,
  category: ServiceCategory,
  at: [number, number],
  extra: {
    populations?: string[];
    languages?: string[];
    restricted?: boolean;
    delay?: number;
  } = {},
): ServiceView => {
  const loc = locationSchema.parse({
    ...base,
    id: uuid(),
    organizationId: ORG.id,
    name,
    address: { adminAreaCode: 'ML-BKO', country: 'ML' },
    latitude: at[0],
    longitude: at[1],
    visibility: extra.restricted ? 'restricted' : 'public',
  });
  return {
    organization: ORG,
    locations: [loc],
    service: serviceSchema.parse({
      ...base,
      id: uuid(),
      organizationId: ORG.id,
      locationIds: [loc.id],
      name,
      category,
      populations: extra.populations ?? [],
      languages: extra.languages ?? [],
      responseDelayHours: extra.delay ?? null,
      phones: [{ id: uuid(), number: '+223 70 00 00 00' }],
    }),
  };
};

const shelterTonight = needSchema.parse({
  id: 'shelter_tonight',
  label: { fr: 'Hébergement', en: 'Shelter', pt: 'Abrigo', ar: 'مأوى' },
  categories: ['shelter'],
  referralNeed: 'shelter',
  urgency: '24h',
  bed: true,
});
const interpreter: NeedDef = needSchema.parse({
  id: 'interpreter',
  label: { fr: 'Interprète', en: 'Interpreter', pt: 'Intérprete', ar: 'مترجم' },
  categories: ['social_services'],
  referralNeed: 'psychosocial',
  urgency: '72h',
  interpreter: true,
});

/** Beds for girls given by the manager `hoursAgo`. */
const beds = (view: ServiceView, girls: { baseline: number; occupied: number }, hoursAgo: number) =>
  eventsForUpdate(
    undefined,
    {
      serviceId: view.service.id,
      populations: { girls: { ...girls, outOfService: 0, waitlist: 0 } },
      status: 'open',
      note: '',
    },
    { office: 'BKO', who: 'Fatou', now: HOURS_AGO(hoursAgo), newId: uuid },
  );

const coordinator: Subject = { role: 'coordinator', shelterServiceIds: [] };
const frontline = { role: 'viewer', shelterServiceIds: [] } as Subject;

const run = (
  views: ServiceView[],
  events: CapacityEvent[],
  over: Partial<WhereToGoInput> = {},
  who = coordinator,
) =>
  whereToGo({
    needs: [shelterTonight],
    population: 'girls',
    languages: [],
    origin: BAMAKO,
    points: placeServices(views, 'region-centre', who).points,
    views: new Map(views.map((v) => [v.service.id, v])),
    shelters: new Map(summarizeShelters(views, foldEvents(events)).map((s) => [s.serviceId, s])),
    now: Date.parse(NOW),
    staleAfterHours: 48,
    ...over,
  });

describe('where to go now: shelters for tonight', () => {
  const near = service('Foyer proche', 'shelter', east(2), { populations: ['girls'] });
  const far = service('Foyer lointain', 'shelter', east(9), { populations: ['girls'] });
  const nearFull = service('Foyer complet', 'shelter', east(1), { populations: ['girls'] });
  const boysOnly = service('Foyer garçons', 'shelter', east(0.5), { populations: ['boys'] });
  const views = [far, near, nearFull, boysOnly];

  it('ranks nearest first among shelters with a free bed for girls now, with distances', () => {
    const events = [
      ...beds(near, { baseline: 4, occupied: 2 }, 3),
      ...beds(far, { baseline: 4, occupied: 0 }, 3),
      ...beds(nearFull, { baseline: 4, occupied: 4 }, 3),
    ];
    const [need] = run(views, events).byNeed;
    expect(need!.options.map((o) => [o.name, o.tier])).toEqual([
      ['Foyer proche', 0],
      ['Foyer lointain', 0],
      // No bed for this person: after, nearest first; a shelter not serving girls among them.
      ['Foyer garçons', 2],
      ['Foyer complet', 2],
    ]);
    const first = need!.options[0]!;
    expect(first.km).toBeCloseTo(haversineKm(BAMAKO, east(2)), 6);
    expect(first.km).toBeGreaterThan(1.9);
    expect(first.km).toBeLessThan(2.1);
    expect(first.beds).toMatchObject({ population: 'girls', free: 2, serves: true, stale: false });
    expect(first.beds!.at).toBe(HOURS_AGO(3));
    expect(need!.options.find((o) => o.name === 'Foyer garçons')!.beds!.serves).toBe(false);
  });

  it('puts a free bed on a stale figure after fresh ones, marked stale with its age', () => {
    const events = [
      ...beds(near, { baseline: 4, occupied: 0 }, 72),
      ...beds(far, { baseline: 4, occupied: 3 }, 1),
    ];
    const options = run([near, far], events).byNeed[0]!.options;
    expect(options.map((o) => [o.name, o.tier, o.beds!.stale])).toEqual([
      ['Foyer lointain', 0, false],
      ['Foyer proche', 1, true],
    ]);
    expect(options[1]!.beds!.at).toBe(HOURS_AGO(72));
    // Never counted: no bed known, stale, after both.
    const never = run([near, far], beds(far, { baseline: 4, occupied: 3 }, 1)).byNeed[0]!.options;
    expect(never.map((o) => [o.name, o.beds!.at])).toEqual([
      ['Foyer lointain', HOURS_AGO(1)],
      ['Foyer proche', null],
    ]);
  });

  it('a full or closed shelter has no free bed whatever its counts say', () => {
    const closed = eventsForUpdate(
      undefined,
      {
        serviceId: near.service.id,
        populations: { girls: { baseline: 6, occupied: 0, outOfService: 0, waitlist: 0 } },
        status: 'closed',
        note: '',
      },
      { office: 'BKO', who: 'Fatou', now: HOURS_AGO(1), newId: uuid },
    );
    const options = run([near], closed).byNeed[0]!.options;
    expect(options[0]).toMatchObject({ tier: 2, beds: { free: 0, status: 'closed' } });
  });

  it('ranks a restricted shelter from its region centre for a user who may not see it', () => {
    const hidden = service('Foyer confidentiel', 'shelter', east(6), {
      populations: ['girls'],
      restricted: true,
    });
    const events = beds(hidden, { baseline: 2, occupied: 0 }, 1);
    const asCoordinator = run([hidden], events).byNeed[0]!.options[0]!;
    expect(asCoordinator.approximate).toBe(false);
    expect(asCoordinator.km).toBeGreaterThan(5);
    const asOther = run([hidden], events, {}, frontline).byNeed[0]!.options[0]!;
    expect(asOther.approximate).toBe(true);
    expect(asOther.km).toBe(0); // the region's centre is the origin here
  });
});

describe('where to go now: languages, delays, hotlines', () => {
  const french = service('Service social A', 'social_services', east(1), {
    languages: ['fr'],
    delay: 24,
  });
  const bambara = service('Service social B', 'social_services', east(5), {
    languages: ['fr', 'bm'],
    delay: 4,
  });
  const unknown = service('Service social C', 'social_services', east(3));
  const hotline = service('Ligne verte', 'hotline', east(20));
  const views = [french, bambara, unknown, hotline];

  it('for an interpreter need, services speaking the person’s language come first', () => {
    const r = run(views, [], { needs: [interpreter], population: null, languages: ['bm'] });
    expect(r.byNeed[0]!.options.map((o) => [o.name, o.speaks, o.responseDelayHours])).toEqual([
      ['Service social C', 'unknown', null],
      ['Service social B', 'yes', 4],
      ['Service social A', 'no', 24],
    ]);
  });

  it('marks languages without reordering other needs; no language known marks nothing', () => {
    const other = { ...interpreter, interpreter: false };
    const r = run(views, [], { needs: [other], population: null, languages: ['bm'] });
    expect(r.byNeed[0]!.options.map((o) => o.name)).toEqual([
      'Service social A',
      'Service social C',
      'Service social B',
    ]);
    const none = run(views, [], { needs: [other], population: null });
    expect(none.byNeed[0]!.options.every((o) => o.speaks === 'unknown')).toBe(true);
  });

  it('lists hotlines to call first, apart from the needs, whatever their distance', () => {
    const r = run(views, [], { needs: [interpreter], population: null });
    expect(r.hotlines.map((o) => o.name)).toEqual(['Ligne verte']);
    expect(r.byNeed[0]!.options.some((o) => o.category === 'hotline')).toBe(false);
  });

  it('leaves out services that are not active', () => {
    const inactive = { ...french, service: { ...french.service, status: 'inactive' as const } };
    const r = run([inactive, bambara], [], { needs: [interpreter], population: null });
    expect(r.byNeed[0]!.options.map((o) => o.name)).toEqual(['Service social B']);
  });
});
