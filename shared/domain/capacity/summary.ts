/**
 * What screens show of a shelter's capacity (a summary per shelter) and what the dashboard
 * shows of all of them (free beds per region and population, shelters full, stale, closed).
 */
import type { Population, ServiceView } from '../directory/schema';
import type { PopulationFigures, ShelterFigures, Stamp } from './fold';
import { compareEvents, emptyPopulation } from './fold';
import type { Freshness } from './rules';
import { freeBeds, freshness, servedPopulations } from './rules';
import type { CapacityPopulation, ShelterStatus } from './schema';
import { CAPACITY_POPULATIONS } from './schema';

export type PopulationSummary = PopulationFigures & {
  /** Beds a person could be sent to now (0 while full or closed). */
  free: number;
};

export type ShelterSummary = {
  serviceId: string;
  name: string;
  /** ISO 3166-2 code of the shelter's first location, '' when it has none. */
  regionCode: string;
  office: string;
  populations: PopulationSummary[];
  status: ShelterStatus | null;
  note: string;
  /**
   * The age of the least recently vouched-for figure (null when a population served was never
   * counted): a shelter is as trustworthy as its oldest figure.
   */
  lastUpdated: Stamp | null;
  free: number;
  occupied: number;
  /** Beds in service: baseline − out of service. */
  inService: number;
  waitlist: number;
  overCapacity: boolean;
};

export const summarizeShelter = (
  view: ServiceView,
  figures: ShelterFigures | undefined,
): ShelterSummary => {
  const status = figures?.status ?? null;
  const populations = servedPopulations(view.service).map((p) => {
    const f = figures?.populations[p] ?? emptyPopulation(p);
    return { ...f, free: freeBeds(f, status) };
  });
  let lastUpdated: Stamp | null = populations.length ? populations[0]!.lastUpdated : null;
  for (const p of populations) {
    if (!p.lastUpdated || !lastUpdated) lastUpdated = null;
    else if (compareEvents(p.lastUpdated, lastUpdated) < 0) lastUpdated = p.lastUpdated;
  }
  if (populations.length === 0) lastUpdated = figures?.lastUpdated ?? null;
  const sum = (k: 'free' | 'occupied' | 'waitlist') => populations.reduce((n, p) => n + p[k], 0);
  return {
    serviceId: view.service.id,
    name: view.service.name,
    regionCode: view.locations[0]?.address.adminAreaCode ?? '',
    office: view.service.office,
    populations,
    status,
    note: figures?.note ?? '',
    lastUpdated,
    free: sum('free'),
    occupied: sum('occupied'),
    inService: populations.reduce((n, p) => n + p.baseline - p.outOfService, 0),
    waitlist: sum('waitlist'),
    overCapacity: populations.some((p) => p.overCapacity),
  };
};

/** Shelter services only (category 'shelter'), each with its figures. */
export const summarizeShelters = (
  views: readonly ServiceView[],
  figures: ReadonlyMap<string, ShelterFigures>,
): ShelterSummary[] =>
  views
    .filter((v) => v.service.category === 'shelter')
    .map((v) => summarizeShelter(v, figures.get(v.service.id)));

/** For the directory filter "has a free bed for …": service id → populations with a free bed. */
export const bedAvailability = (
  summaries: Iterable<ShelterSummary>,
): Map<string, Set<Population>> => {
  const out = new Map<string, Set<Population>>();
  for (const s of summaries) {
    const free = s.populations.filter((p) => p.free > 0).map((p) => p.population);
    if (free.length) out.set(s.serviceId, new Set(free));
  }
  return out;
};

export type RegionRow = {
  regionCode: string;
  free: Record<CapacityPopulation, number>;
  /** Shelters serving each population: 0 free beds means "full" only where some serve it. */
  serving: Record<CapacityPopulation, number>;
  total: number;
  shelters: number;
};

export type Dashboard = {
  byRegion: RegionRow[];
  totals: Record<CapacityPopulation, number>;
  total: number;
  full: ShelterSummary[];
  closed: ShelterSummary[];
  /** Figures older than the threshold, or never given: call before referring. */
  stale: { summary: ShelterSummary; freshness: Exclude<Freshness, 'fresh'> }[];
  overCapacity: ShelterSummary[];
};

export const zeros = (): Record<CapacityPopulation, number> => ({
  women: 0,
  men: 0,
  girls: 0,
  boys: 0,
  families: 0,
});

/**
 * Counts a shelter into (`sign` 1) or out of (-1) its region's row and the totals per
 * population, creating the row when needed; the caller keeps the overall total. Shared by the
 * one-pass dashboard and the live model, so both count the same way.
 */
export const countInRegion = (
  regions: Map<string, RegionRow>,
  totals: Record<CapacityPopulation, number>,
  s: ShelterSummary,
  sign: 1 | -1,
): RegionRow => {
  let row = regions.get(s.regionCode);
  if (!row)
    regions.set(
      s.regionCode,
      (row = { regionCode: s.regionCode, free: zeros(), serving: zeros(), total: 0, shelters: 0 }),
    );
  row.shelters += sign;
  for (const p of s.populations) {
    row.free[p.population] += sign * p.free;
    row.serving[p.population] += sign;
    totals[p.population] += sign * p.free;
  }
  row.total += sign * s.free;
  return row;
};

/** A shelter is full when it says so, or when it is open, counted and has no bed left. */
export const isFull = (s: ShelterSummary): boolean =>
  s.status === 'full' ||
  ((s.status === null || s.status === 'open') &&
    s.lastUpdated !== null &&
    s.inService > 0 &&
    s.free === 0);

export const isClosed = (s: ShelterSummary): boolean =>
  s.status === 'closed' || s.status === 'temporarily_closed';

/** One pass over the summaries; regions sorted by code (screens sort by translated name). */
export const aggregateDashboard = (
  summaries: readonly ShelterSummary[],
  now: number | Date,
  thresholdHours: number,
): Dashboard => {
  const regions = new Map<string, RegionRow>();
  const totals = zeros();
  const out: Dashboard = {
    byRegion: [],
    totals,
    total: 0,
    full: [],
    closed: [],
    stale: [],
    overCapacity: [],
  };
  for (const s of summaries) {
    countInRegion(regions, totals, s, 1);
    out.total += s.free;
    if (isClosed(s)) out.closed.push(s);
    else if (isFull(s)) out.full.push(s);
    if (s.overCapacity) out.overCapacity.push(s);
    const f = freshness(s.lastUpdated, now, thresholdHours);
    if (f !== 'fresh') out.stale.push({ summary: s, freshness: f });
  }
  out.byRegion = [...regions.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  return out;
};

/** Populations with at least one shelter counting them, for the dashboard's columns. */
export const populationsIn = (summaries: readonly ShelterSummary[]): CapacityPopulation[] =>
  CAPACITY_POPULATIONS.filter((p) =>
    summaries.some((s) => s.populations.some((f) => f.population === p)),
  );
