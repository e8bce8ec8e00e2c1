import { describe, expect, it } from 'vitest';
import { generateDemoDirectory } from '../directory/demo';
import { DEMO_MANAGER, generateDemoCapacity } from './demo';
import { foldEvents } from './fold';
import { capacityEventSchema } from './schema';

const NOW = '2026-03-10T12:00:00.000Z';
const shelters = generateDemoDirectory({ office: 'BKO', now: NOW }).services.filter(
  (s) => s.category === 'shelter',
);
const ids = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
};

describe('generateDemoCapacity', () => {
  const events = generateDemoCapacity(shelters, { office: 'BKO', now: NOW, newId: ids() });

  it('writes valid demo events, within the last two weeks, never in the future', () => {
    for (const e of events) {
      expect(capacityEventSchema.parse(e)).toEqual(e);
      expect(e).toMatchObject({ demo: true, who: DEMO_MANAGER, office: 'BKO' });
      expect(Date.parse(e.at)).toBeLessThanOrEqual(Date.parse(NOW));
      expect(Date.parse(NOW) - Date.parse(e.at)).toBeLessThanOrEqual(14 * 86_400_000);
    }
  });

  it('gives every shelter figures, the same ones on every run', () => {
    const figures = foldEvents(events);
    expect(figures.size).toBe(shelters.length);
    const again = foldEvents(
      generateDemoCapacity(shelters, { office: 'BKO', now: NOW, newId: ids() }),
    );
    expect(again).toEqual(figures);
  });
});
