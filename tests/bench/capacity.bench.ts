/**
 * Capacity: the fold of 100k events (2k shelters, arriving out of order with replays, as after
 * merging offices) against a sort-then-apply fold, and the dashboard's aggregation over 2k
 * shelters against a plain loop that only sums free beds.
 */
import type { ShelterFigures } from '@shared/domain/capacity/fold';
import { foldBySorting, foldEvents } from '@shared/domain/capacity/fold';
import type { CapacityEvent, CapacityPopulation } from '@shared/domain/capacity/schema';
import { CAPACITY_POPULATIONS, SHELTER_STATUSES } from '@shared/domain/capacity/schema';
import { createCapacityModel } from '@shared/domain/capacity/live';
import { createCheckpoint } from '@shared/domain/capacity/snapshot';
import { aggregateDashboard, summarizeShelters } from '@shared/domain/capacity/summary';
import type { ServiceView } from '@shared/domain/directory/schema';
import { serviceSchema } from '@shared/domain/directory/schema';
import type { Bench, Row } from './harness';
import { percentile, pick, rng, sample } from './harness';

const SHELTERS = 2000;
const EVENTS = 100_000;
const REGIONS = ['ML-BKO', 'ML-1', 'ML-2', 'ML-3', 'ML-4', 'ML-5', 'ML-6', 'ML-7', 'ML-8'];
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

const uuid = (r: () => number): string => {
  const h = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};

const makeViews = (r: () => number): ServiceView[] =>
  Array.from({ length: SHELTERS }, (_, i) => {
    const populations = CAPACITY_POPULATIONS.filter(() => r() < 0.5);
    const service = serviceSchema.parse({
      id: uuid(r),
      office: 'BKO',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      organizationId: uuid(r),
      name: `Refuge ${i}`,
      category: 'shelter',
      populations: populations.length ? populations : ['women'],
    });
    const location = {
      id: uuid(r),
      office: 'BKO',
      createdAt: service.createdAt,
      updatedAt: service.updatedAt,
      deletedAt: null,
      demo: false,
      organizationId: service.organizationId,
      name: '',
      address: { address1: '', city: '', adminAreaCode: pick(r, REGIONS), country: 'ML' },
      latitude: null,
      longitude: null,
      visibility: 'public' as const,
    };
    return { service, organization: undefined, locations: [location] };
  });

const makeEvents = (r: () => number, views: ServiceView[], n = EVENTS): CapacityEvent[] => {
  const events: CapacityEvent[] = [];
  for (let i = 0; i < n; i++) {
    const v = pick(r, views);
    const population: CapacityPopulation = pick(
      r,
      v.service.populations.filter(
        (p): p is CapacityPopulation => p !== 'persons_with_disabilities',
      ),
    );
    const at = new Date(T0 + Math.floor(r() * 60 * 86_400_000)).toISOString();
    const base = {
      id: uuid(r),
      office: 'BKO',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      demo: false,
      serviceId: v.service.id,
      at,
      who: 'Awa',
    };
    const k = r();
    if (k < 0.35)
      events.push({ ...base, type: 'admission', population, count: 1 + Math.floor(r() * 3) });
    else if (k < 0.65)
      events.push({ ...base, type: 'discharge', population, count: 1 + Math.floor(r() * 3) });
    else if (k < 0.75)
      events.push({ ...base, type: 'baseline', population, value: Math.floor(r() * 30) });
    else if (k < 0.8)
      events.push({ ...base, type: 'out_of_service', population, value: Math.floor(r() * 3) });
    else if (k < 0.85)
      events.push({ ...base, type: 'waitlist', population, value: Math.floor(r() * 5) });
    else if (k < 0.9) events.push({ ...base, type: 'status', status: pick(r, SHELTER_STATUSES) });
    else events.push({ ...base, type: 'confirm', populations: [population] });
  }
  if (n !== EVENTS) return events;
  // Merged logs repeat events: 5% replays, anywhere.
  for (let i = 0; i < EVENTS / 20; i++)
    events.splice(Math.floor(r() * events.length), 0, pick(r, events));
  return events;
};

/** What a dashboard needs at the least: free beds per region and population, one loop. */
const plainSum = (views: readonly ServiceView[], figures: ReadonlyMap<string, ShelterFigures>) => {
  const sums = new Map<string, number>();
  for (const v of views) {
    const f = figures.get(v.service.id);
    if (!f) continue;
    const region = v.locations[0]?.address.adminAreaCode ?? '';
    for (const p of Object.values(f.populations)) {
      const key = `${region}/${p.population}`;
      sums.set(key, (sums.get(key) ?? 0) + Math.max(0, p.available));
    }
  }
  return sums;
};

/**
 * Years of events: 1M over 2k shelters. Today's cost of a change (fold everything again) against
 * the checkpoint's: fold the new event, then summaries and the dashboard.
 */
const yearsOfEvents = (r: () => number, views: ServiceView[], now: number): Row[] => {
  const history: CapacityEvent[] = [];
  while (history.length < 1_000_000) history.push(...makeEvents(r, views, 100_000));
  let t0 = performance.now();
  foldEvents(history);
  const fullMs = performance.now() - t0;
  t0 = performance.now();
  const checkpoint = createCheckpoint();
  checkpoint.addTail(history);
  const buildMs = performance.now() - t0;
  const changes = makeEvents(r, views, 250).map((e, i) => ({
    ...e,
    at: new Date(now + i * 1000).toISOString(),
  }));
  // Before the live model: the tail folded, then every shelter summarised and aggregated again.
  const everyShelter = changes.slice(0, 50).map((e) => {
    const t = performance.now();
    checkpoint.addTail([e]);
    aggregateDashboard(summarizeShelters(views, checkpoint.all()), now, 48);
    return performance.now() - t;
  });
  // The live model (live.ts): the tail folded, the shelters it touched summarised again, the
  // dashboard adjusted by their difference. Built once over the checkpoint as it stands.
  t0 = performance.now();
  const model = createCapacityModel(views, checkpoint);
  model.dashboard(now, 48);
  const modelMs = performance.now() - t0;
  const perChange = changes.slice(50).map((e) => {
    const t = performance.now();
    model.addTail([e]);
    model.dashboard(now, 48);
    return performance.now() - t;
  });
  // The model equals the full computation (live.test.ts proves it; checked here on the data).
  const expected = aggregateDashboard(
    summarizeShelters(views, foldEvents([...history, ...changes])),
    now,
    48,
  );
  if (JSON.stringify(model.dashboard(now, 48)) !== JSON.stringify(expected))
    throw new Error('live dashboard differs from the full fold');
  const base = 'full fold of 1M events, per change (baseline)';
  return [
    { label: base, value: fullMs, unit: 'ms' },
    { label: 'checkpoint built once from 1M events', value: buildMs, unit: 'ms', baseline: base },
    {
      label: 'live model built once over the checkpoint',
      value: modelMs,
      unit: 'ms',
      baseline: base,
    },
    {
      label: 'one change → dashboard, 1M events, p95',
      value: percentile(perChange, 95),
      unit: 'ms',
      baseline: base,
      target: '< 16 ms',
    },
    {
      label: 'one change → every shelter summarised again, p95',
      value: percentile(everyShelter, 95),
      unit: 'ms',
      baseline: base,
    },
  ];
};

export const capacityBench: Bench = {
  name: 'capacity',
  async run() {
    const r = rng(7);
    const views = makeViews(r);
    const events = makeEvents(r, views);
    const fold = sample([events], foldEvents, 7);
    const sorting = sample([events], foldBySorting, 7);
    const figures = foldEvents(events);
    const summaries = summarizeShelters(views, figures);
    const now = T0 + 61 * 86_400_000;
    const aggregate = sample([summaries], (s) => aggregateDashboard(s, now, 48), 50);
    const loop = sample([figures], (f) => plainSum(views, f), 50);
    const pipeline = sample(
      [events],
      (e) => aggregateDashboard(summarizeShelters(views, foldEvents(e)), now, 48),
      5,
    );
    const years = yearsOfEvents(r, views, now);
    return [
      ...years,
      {
        label: `sort-then-apply fold, ${events.length} events (baseline)`,
        value: percentile(sorting, 50),
        unit: 'ms',
      },
      {
        label: `one-pass fold, ${events.length} events`,
        value: percentile(fold, 50),
        unit: 'ms',
        baseline: `sort-then-apply fold, ${events.length} events (baseline)`,
        target: '≤ 1× baseline',
      },
      {
        label: `plain sum loop, ${SHELTERS} shelters (baseline)`,
        value: percentile(loop, 50),
        unit: 'ms',
      },
      {
        label: `dashboard aggregation, ${SHELTERS} shelters`,
        value: percentile(aggregate, 50),
        unit: 'ms',
        baseline: `plain sum loop, ${SHELTERS} shelters (baseline)`,
        target: '< 16 ms',
      },
      {
        label: 'fold + summaries + aggregation (per change)',
        value: percentile(pipeline, 50),
        unit: 'ms',
        baseline: `sort-then-apply fold, ${events.length} events (baseline)`,
      },
    ];
  },
};
