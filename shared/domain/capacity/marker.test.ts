import { describe, expect, it } from 'vitest';
import { generateDemoDirectory } from '../directory/demo';
import type { ServiceView } from '../directory/schema';
import { foldEvents } from './fold';
import { capacityMark, capacityMarks } from './marker';
import { eventsForUpdate } from './rules';
import type { CapacityUpdate } from './schema';
import { summarizeShelter } from './summary';

const NOW = '2026-03-10T12:00:00.000Z';
const now = Date.parse(NOW);
const demo = generateDemoDirectory({ office: 'BKO', now: NOW });
const service = demo.services.find(
  (s) =>
    s.category === 'shelter' && s.populations.includes('women') && s.populations.includes('girls'),
)!;
const view: ServiceView = { service, organization: undefined, locations: [] };
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

/** The shelter's summary after one save of these figures (every served population alike). */
const after = (
  occupied: (p: string) => number,
  status: CapacityUpdate['status'] = 'open',
  at = NOW,
) => {
  const populations = Object.fromEntries(
    (['women', 'men', 'girls', 'boys', 'families'] as const)
      .filter((p) => service.populations.includes(p))
      .map((p) => [p, { baseline: 5, occupied: occupied(p), outOfService: 0, waitlist: 0 }]),
  );
  const events = eventsForUpdate(
    undefined,
    { serviceId: service.id, populations, status, note: '' },
    { office: 'BKO', who: 'Awa', now: at, newId },
  );
  return summarizeShelter(view, foldEvents(events).get(service.id));
};

describe('capacityMark', () => {
  it('counts free beds, in all or for the population looked for', () => {
    const s = after((p) => (p === 'women' ? 2 : 5));
    expect(capacityMark(s, now, 48)).toEqual({ tone: 'free', text: '3' });
    expect(capacityMark(s, now, 48, 'women')).toEqual({ tone: 'free', text: '3' });
    expect(capacityMark(s, now, 48, 'girls')).toEqual({ tone: 'full', text: '0' });
  });

  it('says full, closed, and "?" when the figures are old or were never given', () => {
    expect(
      capacityMark(
        after(() => 5),
        now,
        48,
      ),
    ).toEqual({ tone: 'full', text: '0' });
    expect(
      capacityMark(
        after(() => 0, 'temporarily_closed'),
        now,
        48,
      ),
    ).toEqual({
      tone: 'closed',
      text: '×',
    });
    const old = after(() => 0, 'open', '2026-03-07T12:00:00.000Z');
    expect(capacityMark(old, now, 48)).toEqual({ tone: 'unknown', text: '?' });
    expect(capacityMark(old, now, 100)).toMatchObject({ tone: 'free' });
    expect(capacityMark(summarizeShelter(view, undefined), now, 48)).toEqual({
      tone: 'unknown',
      text: '?',
    });
  });

  it('keeps the badge short, and marks every shelter by id', () => {
    const s = after(() => 0);
    const wide = { ...s, populations: s.populations.map((p) => ({ ...p, free: 250 })) };
    expect(capacityMark(wide, now, 48).text).toBe('99+');
    expect(capacityMarks([s], now, 48).get(service.id)).toEqual(capacityMark(s, now, 48));
  });
});
