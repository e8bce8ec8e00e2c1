import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoDirectory } from '../directory/demo';
import { EMPTY_FILTERS, hasActiveFilters, matchesFilters } from '../directory/filter';
import type { ServiceView } from '../directory/schema';
import { generateDemoCapacity } from './demo';
import { foldEvents } from './fold';
import { eventsForUpdate } from './rules';
import type { CapacityUpdate } from './schema';
import {
  aggregateDashboard,
  bedAvailability,
  isFull,
  populationsIn,
  summarizeShelter,
  summarizeShelters,
} from './summary';

const NOW = '2026-03-10T12:00:00.000Z';
const demo = generateDemoDirectory({ office: 'BKO', now: NOW });
const views: ServiceView[] = demo.services.map((service) => ({
  service,
  organization: demo.organizations.find((o) => o.id === service.organizationId),
  locations: demo.locations.filter((l) => service.locationIds.includes(l.id)),
}));
const shelters = views.filter((v) => v.service.category === 'shelter');
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

const record = (view: ServiceView, update: Omit<CapacityUpdate, 'serviceId'>, now = NOW) =>
  eventsForUpdate(
    undefined,
    { serviceId: view.service.id, ...update },
    { office: 'BKO', who: 'Awa', now, newId },
  );

describe('summarizeShelter', () => {
  const view = shelters.find((v) => v.service.populations.includes('women'))!;
  it('summarises the populations the shelter serves, never-counted ones included', () => {
    const s = summarizeShelter(view, undefined);
    expect(s.populations.map((p) => p.population)).toEqual(
      (['women', 'men', 'girls', 'boys', 'families'] as const).filter((p) =>
        view.service.populations.includes(p),
      ),
    );
    expect(s.lastUpdated).toBeNull();
    expect(s.regionCode).toBe(view.locations[0]!.address.adminAreaCode);
  });

  it('adds free beds, and flags over capacity', () => {
    const populations = Object.fromEntries(
      view.service.populations
        .filter((p) => p !== 'persons_with_disabilities')
        .map((p) => [
          p,
          { baseline: 5, occupied: p === 'women' ? 7 : 2, outOfService: 1, waitlist: 1 },
        ]),
    );
    const events = record(view, { populations, status: 'open', note: '' });
    const s = summarizeShelter(view, foldEvents(events).get(view.service.id));
    const others = s.populations.length - 1;
    expect(s.free).toBe(others * 2);
    expect(s.overCapacity).toBe(true);
    expect(s.populations.find((p) => p.population === 'women')).toMatchObject({
      available: -3,
      free: 0,
    });
    expect(s.lastUpdated?.at).toBe(NOW);
  });
});

describe('aggregateDashboard', () => {
  const events = generateDemoCapacity(
    shelters.map((v) => v.service),
    { office: 'BKO', now: NOW, newId },
  );
  const summaries = summarizeShelters(views, foldEvents(events));

  it('counts shelters only, and sorts them into full, closed, stale and over capacity', () => {
    const d = aggregateDashboard(summaries, Date.parse(NOW), 48);
    expect(summaries).toHaveLength(shelters.length);
    expect(d.byRegion.reduce((k, r) => k + r.shelters, 0)).toBe(shelters.length);
    expect(d.full.length).toBeGreaterThan(0);
    expect(d.closed.length).toBeGreaterThan(0);
    expect(d.stale.length).toBeGreaterThan(0);
    expect(d.overCapacity.length).toBeGreaterThan(0);
    for (const s of d.full) expect(isFull(s)).toBe(true);
    for (const { summary } of d.stale)
      expect(Date.parse(NOW) - Date.parse(summary.lastUpdated!.at)).toBeGreaterThan(48 * 3_600_000);
    // A week later, every figure is stale.
    expect(aggregateDashboard(summaries, Date.parse(NOW) + 7 * 86_400_000, 48).stale).toHaveLength(
      shelters.length,
    );
  });

  it('adds up to what a plain loop over every population finds', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(summaries), (some) => {
        const d = aggregateDashboard(some, Date.parse(NOW), 48);
        let total = 0;
        const byRegionPop = new Map<string, number>();
        for (const s of some)
          for (const p of s.populations) {
            const free = s.status === null || s.status === 'open' ? Math.max(0, p.available) : 0;
            total += free;
            const key = `${s.regionCode}/${p.population}`;
            byRegionPop.set(key, (byRegionPop.get(key) ?? 0) + free);
          }
        expect(d.total).toBe(total);
        for (const row of d.byRegion)
          for (const [p, free] of Object.entries(row.free))
            expect(free).toBe(byRegionPop.get(`${row.regionCode}/${p}`) ?? 0);
      }),
      { numRuns: 50 },
    );
  });

  it('lists the populations counted somewhere', () => {
    expect(populationsIn(summaries)).toEqual(['women', 'men', 'girls', 'boys', 'families']);
  });
});

describe('bedAvailability', () => {
  it('maps each shelter to the populations it has a free bed for', () => {
    const [a, b] = shelters.filter((v) => v.service.populations.includes('women'));
    const fold = foldEvents([
      ...record(a!, {
        populations: { women: { baseline: 3, occupied: 1, outOfService: 0, waitlist: 0 } },
        status: 'open',
        note: '',
      }),
      ...record(b!, {
        populations: { women: { baseline: 3, occupied: 1, outOfService: 0, waitlist: 0 } },
        status: 'full',
        note: '',
      }),
    ]);
    const map = bedAvailability(summarizeShelters([a!, b!], fold));
    expect(map.get(a!.service.id)).toEqual(new Set(['women']));
    expect(map.has(b!.service.id)).toBe(false);
    // The directory filter "free bed for women" keeps exactly the shelter with one.
    const filters = { ...EMPTY_FILTERS, freeBedFor: 'women' as const };
    expect(matchesFilters(a!, filters, map)).toBe(true);
    expect(matchesFilters(b!, filters, map)).toBe(false);
    expect(matchesFilters(a!, filters)).toBe(false);
    expect(matchesFilters(b!, EMPTY_FILTERS, map)).toBe(true);
    expect(hasActiveFilters(filters)).toBe(true);
  });
});
