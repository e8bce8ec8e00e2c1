/**
 * Occupancy over time for a set of shelters (one shelter, a region, everything): the figures as
 * the fold would give them at each of the given instants. The caller chooses the instants (the
 * ends of the user's local days), so this stays free of time zones.
 */
import { compareEvents } from './fold';
import type { CapacityEvent } from './schema';

export type OccupancyPoint = {
  /** The instant (ISO, UTC, ms) the figures are taken at. */
  at: string;
  occupied: number;
  /** Beds in service: baseline − out of service. */
  inService: number;
  waitlist: number;
};

type Cell = { occupied: number; baseline: number; outOfService: number; waitlist: number };

export const occupancySeries = (
  events: readonly CapacityEvent[],
  serviceIds: ReadonlySet<string>,
  instants: readonly string[],
): OccupancyPoint[] => {
  // Sorting by the fold's total order makes "last assignment wins" the fold's last-writer-wins.
  const sorted = events.filter((e) => serviceIds.has(e.serviceId)).sort(compareEvents);
  const cells = new Map<string, Cell>();
  const seen = new Set<string>();
  let occupied = 0;
  let inService = 0;
  let waitlist = 0;
  let i = 0;
  const out: OccupancyPoint[] = [];
  for (const at of [...instants].sort()) {
    for (; i < sorted.length && sorted[i]!.at <= at; i++) {
      const e = sorted[i]!;
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      if (e.type === 'status' || e.type === 'note' || e.type === 'confirm') continue;
      const key = `${e.serviceId} ${e.population}`;
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { occupied: 0, baseline: 0, outOfService: 0, waitlist: 0 }));
      switch (e.type) {
        case 'admission':
          c.occupied += e.count;
          occupied += e.count;
          break;
        case 'discharge':
          c.occupied -= e.count;
          occupied -= e.count;
          break;
        case 'baseline':
          inService += e.value - c.baseline;
          c.baseline = e.value;
          break;
        case 'out_of_service':
          inService -= e.value - c.outOfService;
          c.outOfService = e.value;
          break;
        case 'waitlist':
          waitlist += e.value - c.waitlist;
          c.waitlist = e.value;
          break;
      }
    }
    out.push({ at, occupied, inService, waitlist });
  }
  return out;
};

/**
 * The ends of the last `days` local days, oldest first, the last being `now` itself (today is
 * not over). `endOfDay` maps an instant to the end of its local day (given by the caller).
 */
export const dayEnds = (now: Date, days: number, endOfDay: (d: Date) => Date): string[] => {
  const out: string[] = [now.toISOString()];
  let d = now;
  for (let k = 1; k < days; k++) {
    const end = endOfDay(new Date(d.getTime() - 86_400_000));
    out.push(end.toISOString());
    d = end;
  }
  return out.reverse();
};
