/**
 * A shelter's beds as a map marker says them in one glance: a tone (colour) and a short text
 * on the marker's badge, so colour is never the only signal. Figures that cannot be trusted
 * (older than the threshold, or never given) say "?" whatever they were: call before referring.
 */
import type { Population } from '../directory/schema';
import { freshness } from './rules';
import type { ShelterSummary } from './summary';
import { isClosed, isFull } from './summary';

export type MarkTone = 'free' | 'full' | 'closed' | 'unknown';
export type CapacityMark = { tone: MarkTone; text: string };

const MAX_SHOWN = 99;

/**
 * `population`: the "free bed for …" filter, when set: the badge then counts that population's
 * beds only (what the coordinator is looking for), not the shelter's total.
 */
export const capacityMark = (
  summary: ShelterSummary,
  now: number | Date,
  thresholdHours: number,
  population?: Population | '',
): CapacityMark => {
  if (freshness(summary.lastUpdated, now, thresholdHours) !== 'fresh')
    return { tone: 'unknown', text: '?' };
  if (isClosed(summary)) return { tone: 'closed', text: '×' };
  const served = population
    ? summary.populations.filter((p) => p.population === population)
    : summary.populations;
  const free = served.reduce((n, p) => n + p.free, 0);
  if (isFull(summary) || free === 0) return { tone: 'full', text: '0' };
  return { tone: 'free', text: free > MAX_SHOWN ? `${MAX_SHOWN}+` : String(free) };
};

/** Marks for every shelter summarised, by service id. */
export const capacityMarks = (
  summaries: Iterable<ShelterSummary>,
  now: number | Date,
  thresholdHours: number,
  population?: Population | '',
): Map<string, CapacityMark> => {
  const out = new Map<string, CapacityMark>();
  for (const s of summaries) out.set(s.serviceId, capacityMark(s, now, thresholdHours, population));
  return out;
};
