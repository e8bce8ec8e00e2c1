import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsArb, SHELTER_IDS } from '../../../tests/unit/capacity/arbitraries';
import { foldEvents } from './fold';
import { dayEnds, occupancySeries } from './series';

const ids = new Set(SHELTER_IDS);

describe('occupancySeries', () => {
  it('ends on the fold’s own totals, and starts empty before the first event', () => {
    fc.assert(
      fc.property(eventsArb(), (events) => {
        const [before, after] = occupancySeries(events, ids, [
          '2026-02-01T00:00:00.000Z',
          '2026-12-31T00:00:00.000Z',
        ]);
        expect(before).toMatchObject({ occupied: 0, inService: 0, waitlist: 0 });
        let occupied = 0;
        let inService = 0;
        let waitlist = 0;
        for (const s of foldEvents(events).values())
          for (const p of Object.values(s.populations)) {
            occupied += p.occupied;
            inService += p.baseline - p.outOfService;
            waitlist += p.waitlist;
          }
        expect(after).toEqual({ at: '2026-12-31T00:00:00.000Z', occupied, inService, waitlist });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps to the shelters asked for, at each instant', () => {
    fc.assert(
      fc.property(eventsArb(), (events) => {
        const instants = ['2026-03-01T08:00:00.000Z', '2026-03-02T12:00:00.000Z'];
        const one = occupancySeries(events, new Set([SHELTER_IDS[0]]), instants);
        const other = occupancySeries(events, new Set([SHELTER_IDS[1]]), instants);
        const both = occupancySeries(events, ids, instants);
        both.forEach((p, k) => {
          expect(p.occupied).toBe(one[k]!.occupied + other[k]!.occupied);
          expect(p.inService).toBe(one[k]!.inService + other[k]!.inService);
        });
      }),
    );
  });
});

describe('dayEnds', () => {
  it('gives the end of each past day and now, oldest first', () => {
    const endOfUtcDay = (d: Date) =>
      new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 59, 59, 999));
    expect(dayEnds(new Date('2026-03-10T12:00:00.000Z'), 3, endOfUtcDay)).toEqual([
      '2026-03-08T23:59:59.999Z',
      '2026-03-09T23:59:59.999Z',
      '2026-03-10T12:00:00.000Z',
    ]);
  });
});
