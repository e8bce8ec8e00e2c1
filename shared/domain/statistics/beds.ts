/**
 * Beds over a period, by region and population: occupancy at the end of each day (UTC), the
 * days a region had no free bed, and the share of shelter-days whose figures were stale (nobody
 * had vouched for them within the staleness threshold). Facility figures, not persons: the bed
 * dashboard already shows them to the same users, so they are not suppressed.
 */
import type { CapacityEvent, CapacityPopulation } from '../capacity/schema';
import { occupancySeries } from '../capacity/series';

export type Shelter = { serviceId: string; region: string };

export type BedDay = { day: string; occupied: number; inService: number };

export type BedRegion = {
  region: string;
  shelters: number;
  days: BedDay[];
  /** Days that ended with every bed in service taken (and at least one bed). */
  daysFull: number;
  /** Shelter-days whose last figures were older than the threshold (from each first report). */
  staleShare: number;
};

/** The UTC days from `from` to `to` inclusive (YYYY-MM-DD), at most `limit` of them. */
export const daysOf = (from: string, to: string, limit = 366 * 2): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); out.length < limit; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day > to) break;
    out.push(day);
  }
  return out;
};

const endOf = (day: string) => `${day}T23:59:59.999Z`;

/**
 * A shelter's days, from its first figures on (before that it did not report at all), and
 * those that ended with figures older than the threshold.
 */
const staleDays = (times: readonly string[], days: readonly string[], hours: number) => {
  const sorted = [...times].sort();
  let i = 0;
  let last: string | null = null;
  let stale = 0;
  let counted = 0;
  for (const day of days) {
    const end = endOf(day);
    for (; i < sorted.length && sorted[i]! <= end; i++) last = sorted[i]!;
    if (last === null) continue;
    counted++;
    if (Date.parse(end) - Date.parse(last) > hours * 3_600_000) stale++;
  }
  return { stale, counted };
};

export const bedStatistics = (
  events: readonly CapacityEvent[],
  shelters: readonly Shelter[],
  range: { from: string; to: string },
  options: { staleAfterHours: number; population?: CapacityPopulation; now?: string },
): BedRegion[] => {
  // Days not yet over are left out: their end-of-day figures do not exist.
  const today = options.now?.slice(0, 10);
  const days = daysOf(range.from, range.to).filter((d) => !today || d <= today);
  const instants = days.map(endOf);
  const selected = options.population
    ? events.filter((e) => !('population' in e) || e.population === options.population)
    : events;
  const byRegion = new Map<string, Shelter[]>();
  for (const s of shelters) byRegion.set(s.region, [...(byRegion.get(s.region) ?? []), s]);
  const timesOf = new Map<string, string[]>();
  for (const e of events) timesOf.set(e.serviceId, [...(timesOf.get(e.serviceId) ?? []), e.at]);
  return [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, list]) => {
      const ids = new Set(list.map((s) => s.serviceId));
      const series = occupancySeries(selected, ids, instants);
      const tally = list.map((s) =>
        staleDays(timesOf.get(s.serviceId) ?? [], days, options.staleAfterHours),
      );
      const stale = tally.reduce((n, x) => n + x.stale, 0);
      const counted = tally.reduce((n, x) => n + x.counted, 0);
      return {
        region,
        shelters: list.length,
        days: series.map((p, k) => ({
          day: days[k]!,
          occupied: p.occupied,
          inService: p.inService,
        })),
        daysFull: series.filter((p) => p.inService > 0 && p.occupied >= p.inService).length,
        staleShare: counted === 0 ? 0 : stale / counted,
      };
    });
};

/** Occupied bed-days over bed-days in service, or null without beds. */
export const averageOccupancy = (r: BedRegion): number | null => {
  const beds = r.days.reduce((n, d) => n + d.inService, 0);
  const used = r.days.reduce((n, d) => n + d.occupied, 0);
  return beds > 0 ? used / beds : null;
};
