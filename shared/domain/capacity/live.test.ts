import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHELTER_IDS, eventsArb } from '../../../tests/unit/capacity/arbitraries';
import type { ServiceView } from '../directory/schema';
import { serviceSchema } from '../directory/schema';
import { compareEvents, foldEvents } from './fold';
import { createCapacityModel } from './live';
import type { CapacitySnapshot } from './snapshot';
import { createCheckpoint } from './snapshot';
import type { CapacityEvent } from './schema';
import { CAPACITY_POPULATIONS } from './schema';
import { aggregateDashboard, summarizeShelters } from './summary';

const OTHER = '3c9a7f20-5b1d-4e8f-9a26-0d4b8e6c1f37';
const roundTrip = (s: CapacitySnapshot): CapacitySnapshot => JSON.parse(JSON.stringify(s));

const viewArb = (id: string) =>
  fc
    .record({
      name: fc.constantFrom('Refuge Espoir', 'Maison Kanu'),
      category: fc.constantFrom('shelter', 'shelter', 'medical'),
      populations: fc.uniqueArray(fc.constantFrom(...CAPACITY_POPULATIONS), { maxLength: 5 }),
      region: fc.constantFrom('ML-BKO', 'ML-4', ''),
    })
    .map(({ name, category, populations, region }): ServiceView => {
      const service = serviceSchema.parse({
        id,
        office: 'BKO',
        createdAt: '2026-03-01T00:00:00.000Z',
        updatedAt: '2026-03-01T00:00:00.000Z',
        organizationId: '9e1f0c6a-2b7d-4c3e-8f51-6a0d2b9c7e48',
        name,
        category,
        populations,
      });
      const locations = region
        ? [
            {
              id: `${id.slice(0, -4)}0000`,
              office: 'BKO',
              createdAt: service.createdAt,
              updatedAt: service.updatedAt,
              deletedAt: null,
              demo: false,
              organizationId: service.organizationId,
              name: '',
              address: { address1: '', city: '', adminAreaCode: region, country: 'ML' },
              latitude: null,
              longitude: null,
              visibility: 'public' as const,
            },
          ]
        : [];
      return { service, organization: undefined, locations };
    });

/** The two shelters the events name, and one without any event, in any order and kind. */
const viewsArb = fc
  .tuple(viewArb(SHELTER_IDS[0]), viewArb(SHELTER_IDS[1]), viewArb(OTHER))
  .chain((vs) => fc.shuffledSubarray(vs, { minLength: 0, maxLength: 3 }));

const NOWS = ['2026-03-02T09:00:00.000Z', '2026-03-04T12:00:00.000Z', '2026-03-09T00:00:00.000Z'];
const full = (views: readonly ServiceView[], events: CapacityEvent[], now: string, h: number) => {
  const summaries = summarizeShelters(views, foldEvents(events));
  return { summaries, dashboard: aggregateDashboard(summaries, Date.parse(now), h) };
};

describe('live capacity model', () => {
  it('equals summaries and dashboard of the full fold after every batch, any clock (property)', () => {
    fc.assert(
      fc.property(
        viewsArb,
        eventsArb(60),
        fc.array(fc.nat({ max: 8 }), { maxLength: 12 }),
        fc.array(fc.tuple(fc.constantFrom(...NOWS), fc.constantFrom(1, 24, 48)), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.nat(),
        (views, events, cuts, clocks, snapAt) => {
          // Events arrive in the total order (a late one rebuilds: the repository's doubt),
          // in batches of any size, with replays of events already folded.
          const sorted = [...events].sort(compareEvents);
          let model = createCapacityModel(views);
          const seen: CapacityEvent[] = [];
          let at = 0;
          let step = 0;
          for (const cut of [...cuts, sorted.length]) {
            const batch = sorted.slice(at, at + cut);
            at += batch.length;
            const replays = seen.filter((_, i) => (i + step) % 5 === 0);
            model.addTail([...replays, ...batch]);
            seen.push(...batch);
            // A restart part way: the checkpoint read back, the model built over it.
            if (step === snapAt % (cuts.length + 1))
              model = createCapacityModel(
                views,
                createCheckpoint(roundTrip(model.checkpoint.snapshot())),
              );
            for (const [now, h] of clocks.slice(0, 1 + (step % clocks.length))) {
              const expected = full(views, seen, now, h);
              expect(model.summaries()).toEqual(expected.summaries);
              expect(model.dashboard(Date.parse(now), h)).toEqual(expected.dashboard);
            }
            step++;
            if (at >= sorted.length) break;
          }
          const [now, h] = clocks[0]!;
          expect(model.dashboard(Date.parse(now), h)).toEqual(
            full(views, events, now, h).dashboard,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('follows directory changes: renamed, re-counted, moved, added and removed shelters (property)', () => {
    fc.assert(
      fc.property(viewsArb, viewsArb, eventsArb(40), (before, after, events) => {
        const model = createCapacityModel(before);
        model.addTail([...events].sort(compareEvents));
        const now = NOWS[1]!;
        model.dashboard(Date.parse(now), 48);
        model.setViews(after);
        const expected = full(after, events, now, 48);
        expect(model.summaries()).toEqual(expected.summaries);
        expect(model.dashboard(Date.parse(now), 48)).toEqual(expected.dashboard);
      }),
      { numRuns: 300 },
    );
  });

  it('hands out summaries that a later change does not alter, and the same dashboard until one', () => {
    const views = fc
      .sample(viewArb(SHELTER_IDS[0]), { numRuns: 50, seed: 3 })
      .filter((v) => v.service.category === 'shelter' && v.service.populations.includes('women'));
    const model = createCapacityModel(views.slice(0, 1));
    const now = Date.parse(NOWS[2]!);
    const first = model.summaries();
    const snapshot = JSON.stringify(first);
    const dashboard = model.dashboard(now, 48);
    expect(model.dashboard(now, 48)).toBe(dashboard);
    model.addTail([
      {
        id: '5f0e2d1c-7a3b-4c9d-8e6f-1a2b3c4d5e6f',
        office: 'BKO',
        createdAt: NOWS[0]!,
        updatedAt: NOWS[0]!,
        deletedAt: null,
        demo: false,
        serviceId: SHELTER_IDS[0],
        at: NOWS[0]!,
        who: 'Awa',
        type: 'baseline',
        population: 'women',
        value: 12,
      },
    ]);
    expect(JSON.stringify(first)).toBe(snapshot);
    expect(model.dashboard(now, 48)).not.toBe(dashboard);
    expect(model.dashboard(now, 48).totals.women).toBe(12);
  });
});
