import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsArb } from '../../../tests/unit/capacity/arbitraries';
import { compareEvents, foldEvents } from './fold';
import type { CapacitySnapshot } from './snapshot';
import { createCheckpoint } from './snapshot';

/** Through JSON, as a stored checkpoint would be. */
const roundTrip = (s: CapacitySnapshot): CapacitySnapshot => JSON.parse(JSON.stringify(s));

describe('capacity checkpoint', () => {
  it('checkpoint + tail equals the full fold, for any event order, split and replays (property)', () => {
    fc.assert(
      fc.property(
        eventsArb(60),
        fc.nat(),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.nat(), { maxLength: 10 }),
        (events, cut, shuffleSeeds, replays) => {
          const sorted = [...events].sort(compareEvents);
          const k = sorted.length ? cut % (sorted.length + 1) : 0;
          // The checkpoint saw the first k events in the total order, in any arrival order.
          const seeds = [...shuffleSeeds.take(events.length * 2)];
          const shuffle = <T>(xs: T[], offset: number) =>
            xs
              .map((x, i) => [x, seeds[(i + offset) % Math.max(1, seeds.length)] ?? 0] as const)
              .sort((a, b) => a[1] - b[1])
              .map(([x]) => x);
          const head = shuffle(sorted.slice(0, k), 0);
          const first = createCheckpoint();
          first.addTail(head);
          expect(first.count).toBe(k);
          // A restart: the checkpoint read back, then every stored event offered as the tail
          // (what a query "at or after the watermark's instant" over-returns is skipped).
          const second = createCheckpoint(roundTrip(first.snapshot()));
          const stored = shuffle(
            [
              ...events,
              ...replays.flatMap((r) => (events.length ? [events[r % events.length]!] : [])),
            ],
            events.length,
          );
          second.addTail(stored);
          expect(second.all()).toEqual(foldEvents(events));
          expect(second.count).toBe(events.length);
          // Split again in the middle of the tail: the same.
          const third = createCheckpoint(roundTrip(second.snapshot()));
          third.addTail(stored);
          expect(third.all()).toEqual(foldEvents(events));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shows a late event (older than the watermark) by a count that no longer matches', () => {
    fc.assert(
      fc.property(eventsArb(30), (events) => {
        const sorted = [...events].sort(compareEvents);
        fc.pre(sorted.length >= 3 && compareEvents(sorted[0]!, sorted.at(-1)!) < 0);
        const [late, ...rest] = sorted;
        const cp = createCheckpoint();
        cp.addTail(rest);
        cp.addTail([late!]);
        // The store holds every event; the checkpoint one fewer: the caller rebuilds.
        expect(cp.count).toBe(events.length - 1);
      }),
    );
  });
});
