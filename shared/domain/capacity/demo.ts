/**
 * Fictional capacity history for the demo shelters: two weeks of saves per shelter, built with
 * the same rules as a manager's saves (eventsForUpdate), so the dashboard, its chart and the
 * stale flags have something true-to-life to show. Some shelters are left stale, one full, one
 * temporarily closed and one over capacity, so every state can be seen in a demonstration.
 */
import type { Service } from '../directory/schema';
import { createFold } from './fold';
import { eventsForUpdate, servedPopulations } from './rules';
import type { CapacityEvent, CapacityUpdate, ShelterStatus } from './schema';

const HOUR = 3_600_000;
export const DEMO_MANAGER = 'Gestionnaire (démo)';

type Rng = () => number;
const seeded = (text: string): Rng => {
  let a = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
const between = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

export const generateDemoCapacity = (
  shelters: readonly Pick<Service, 'id' | 'populations'>[],
  opts: { office: string; now: string; newId: () => string },
): CapacityEvent[] => {
  const now = Date.parse(opts.now);
  const out: CapacityEvent[] = [];
  // Sorted by id so the same directory always gets the same history.
  const sorted = [...shelters].sort((a, b) => a.id.localeCompare(b.id));
  sorted.forEach((shelter, index) => {
    const served = servedPopulations(shelter);
    if (served.length === 0) return;
    const r = seeded(shelter.id);
    const fold = createFold();
    const stale = index % 5 === 3;
    const lastAgeHours = stale ? between(r, 60, 150) : between(r, 1, 30);
    const start = now - 14 * 24 * HOUR;
    const last = now - lastAgeHours * HOUR;
    const saves = between(r, 4, 9);
    const baselines = Object.fromEntries(served.map((p) => [p, between(r, 4, 16)]));
    const occupied = Object.fromEntries(
      served.map((p) => [p, Math.floor(baselines[p]! * (0.4 + r() * 0.5))]),
    );
    for (let k = 0; k < saves; k++) {
      const at = k === saves - 1 ? last : start + ((last - start) * k) / (saves - 1);
      const final = k === saves - 1;
      let status: ShelterStatus = 'open';
      if (final && index % 11 === 1) status = 'temporarily_closed';
      const update: CapacityUpdate = { serviceId: shelter.id, populations: {}, status, note: '' };
      for (const p of served) {
        const baseline = baselines[p]!;
        const outOfService = r() < 0.15 ? between(r, 1, 2) : 0;
        let occ = Math.max(0, Math.min(baseline, occupied[p]! + between(r, -3, 3)));
        if (final && index % 11 === 2) occ = baseline - outOfService;
        if (final && index % 11 === 4) occ = baseline - outOfService + 1;
        occupied[p] = occ;
        update.populations[p] = {
          baseline,
          occupied: occ,
          outOfService,
          waitlist: occ >= baseline - outOfService ? between(r, 1, 4) : 0,
        };
      }
      if (final && index % 11 === 2) update.status = 'full';
      if (final && index % 11 === 1) update.note = 'Travaux dans le dortoir (démo).';
      const events = eventsForUpdate(fold.shelter(shelter.id), update, {
        office: opts.office,
        who: DEMO_MANAGER,
        now: new Date(Math.round(at)).toISOString(),
        newId: opts.newId,
        demo: true,
      });
      events.forEach(fold.add);
      out.push(...events);
    }
  });
  return out;
};
