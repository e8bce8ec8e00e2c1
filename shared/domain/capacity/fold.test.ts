import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsArb, SHELTER_IDS } from '../../../tests/unit/capacity/arbitraries';
import { createFold, foldBySorting, foldEvents, foldShelter } from './fold';
import type { CapacityEvent } from './schema';
import { capacityEventSchema } from './schema';

const S = SHELTER_IDS[0];
let n = 0;
const ev = (e: Partial<CapacityEvent> & Pick<CapacityEvent, 'type'>): CapacityEvent =>
  capacityEventSchema.parse({
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    office: 'BKO',
    serviceId: S,
    at: '2026-03-01T08:00:00.000Z',
    who: 'Awa',
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    ...e,
  });

describe('foldEvents', () => {
  it('derives available from baseline, occupancy and beds out of service', () => {
    const f = foldShelter(S, [
      ev({ type: 'baseline', population: 'women', value: 10 }),
      ev({ type: 'admission', population: 'women', count: 3 }),
      ev({ type: 'admission', population: 'women', count: 2 }),
      ev({ type: 'discharge', population: 'women', count: 1 }),
      ev({ type: 'out_of_service', population: 'women', value: 1 }),
      ev({ type: 'waitlist', population: 'women', value: 2 }),
    ])!;
    expect(f.populations.women).toMatchObject({
      baseline: 10,
      occupied: 4,
      outOfService: 1,
      available: 5,
      waitlist: 2,
      overCapacity: false,
    });
    expect(f.populations.men).toBeUndefined();
  });

  it('shows over capacity as a negative availability, never clamped', () => {
    const f = foldShelter(S, [
      ev({ type: 'baseline', population: 'girls', value: 4 }),
      ev({ type: 'out_of_service', population: 'girls', value: 1 }),
      ev({ type: 'admission', population: 'girls', count: 5 }),
    ])!;
    expect(f.populations.girls).toMatchObject({ occupied: 5, available: -2, overCapacity: true });
  });

  it('lets the latest set event win, by time then by id, whatever the order of arrival', () => {
    const early = ev({
      type: 'baseline',
      population: 'men',
      value: 8,
      at: '2026-03-01T07:00:00.000Z',
    });
    const tieLow = ev({
      type: 'status',
      status: 'full',
      id: '00000000-0000-4000-8000-00000000000a',
    });
    const tieHigh = ev({
      type: 'status',
      status: 'open',
      id: '00000000-0000-4000-8000-00000000000b',
    });
    const late = ev({ type: 'baseline', population: 'men', value: 6 });
    for (const order of [
      [early, late, tieLow, tieHigh],
      [tieHigh, late, tieLow, early],
    ]) {
      const f = foldShelter(S, order)!;
      expect(f.populations.men?.baseline).toBe(6);
      expect(f.status).toBe('open');
      expect(f.statusUpdated?.id).toBe(tieHigh.id);
    }
  });

  it('stamps each population with its latest event or confirmation', () => {
    const f = foldShelter(S, [
      ev({ type: 'baseline', population: 'women', value: 5, at: '2026-03-01T08:00:00.000Z' }),
      ev({ type: 'baseline', population: 'men', value: 5, at: '2026-03-01T08:00:00.000Z' }),
      ev({
        type: 'confirm',
        populations: ['women'],
        at: '2026-03-02T09:00:00.000Z',
        who: 'Moussa',
      }),
      ev({ type: 'note', text: 'RAS', at: '2026-03-03T09:00:00.000Z' }),
    ])!;
    expect(f.populations.women?.lastUpdated).toMatchObject({
      at: '2026-03-02T09:00:00.000Z',
      by: 'Moussa',
    });
    expect(f.populations.men?.lastUpdated?.at).toBe('2026-03-01T08:00:00.000Z');
    expect(f.lastUpdated?.at).toBe('2026-03-03T09:00:00.000Z');
    expect(f.note).toBe('RAS');
  });

  it('keeps shelters apart', () => {
    const other = SHELTER_IDS[1];
    const all = foldEvents([
      ev({ type: 'admission', population: 'boys', count: 2 }),
      ev({ type: 'admission', population: 'boys', count: 7, serviceId: other }),
    ]);
    expect(all.get(S)?.populations.boys?.occupied).toBe(2);
    expect(all.get(other)?.populations.boys?.occupied).toBe(7);
  });
});

describe('foldEvents properties', () => {
  it('gives the same figures for any order of the same events', () => {
    fc.assert(
      fc.property(
        eventsArb().chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
        ),
        ([events, shuffled]) => {
          expect(foldEvents(shuffled)).toEqual(foldEvents(events));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('changes nothing when events are replayed, however often and wherever', () => {
    fc.assert(
      fc.property(
        eventsArb().chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.array(fc.constantFrom(...(events.length ? events : [undefined])), { maxLength: 30 }),
            fc.nat(),
          ),
        ),
        ([events, replays, seed]) => {
          const copies = replays.filter((e): e is CapacityEvent => e !== undefined);
          const mixed = [...events, ...copies.map((e) => structuredClone(e))];
          // Interleave deterministically from the seed, so replays land anywhere.
          mixed.sort(
            (a, b) => ((a.id.charCodeAt(3) ^ seed) & 7) - ((b.id.charCodeAt(3) ^ seed) & 7),
          );
          expect(foldEvents(mixed)).toEqual(foldEvents(events));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the sort-then-apply reference fold', () => {
    fc.assert(
      fc.property(eventsArb(), (events) => {
        expect(foldEvents(events)).toEqual(foldBySorting(events));
      }),
      { numRuns: 300 },
    );
  });

  it('merges two machines’ events the same whichever side merges', () => {
    fc.assert(
      fc.property(eventsArb(), fc.nat(), (events, cut) => {
        const k = events.length ? cut % events.length : 0;
        const [a, b] = [events.slice(0, k), events.slice(k)];
        const incremental = createFold();
        [...b, ...a, ...b].forEach(incremental.add);
        expect(foldEvents([...a, ...b])).toEqual(foldEvents([...b, ...a]));
        expect(incremental.all()).toEqual(foldEvents(events));
      }),
      { numRuns: 200 },
    );
  });

  it('always derives available and the over-capacity state, never clamping', () => {
    fc.assert(
      fc.property(eventsArb(), (events) => {
        for (const shelter of foldEvents(events).values())
          for (const p of Object.values(shelter.populations)) {
            expect(p.available).toBe(p.baseline - p.occupied - p.outOfService);
            expect(p.overCapacity).toBe(p.available < 0);
          }
      }),
    );
  });
});
