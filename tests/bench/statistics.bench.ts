/**
 * Statistics over 100k referrals (issue 14): one interaction (a change of period or area)
 * recomputes the cross-table, persons counted once, its suppression, and the response delays.
 *
 * - baseline: the full recount over the columns (`crossTabColumns` + `delaysColumns`), what
 *   the screen did before the cube, measured in the same run;
 * - the cube (`buildCube`): the same figures summed from cells grouped by area × month ×
 *   breakdown values, built once per load (and per breakdown the first time it is asked for);
 * - a plain counting loop over the same rows: what any pass over the facts pays at least.
 */
import type { Area, StatQuery } from '@shared/domain/statistics/aggregate';
import { crossTabColumns, delaysColumns, toColumns } from '@shared/domain/statistics/columns';
import { buildCube } from '@shared/domain/statistics/cube';
import type { DimensionId } from '@shared/domain/statistics/facts';
import { generateFacts } from '@shared/domain/statistics/fixtures';
import { statTable } from '@shared/domain/statistics/table';
import type { Bench } from './harness';
import { now, percentile, sample } from './harness';

const BREAKDOWNS: Pick<StatQuery, 'rows' | 'cols' | 'measure'>[] = [
  { rows: 'gender', cols: null, measure: 'persons' },
  { rows: 'nationality', cols: 'gender', measure: 'persons' },
  { rows: 'exploitation', cols: 'ageBand', measure: 'referrals' },
  { rows: 'region', cols: 'outcome', measure: 'referrals' },
  { rows: 'urgency', cols: 'serviceCategory', measure: 'persons' },
];
const PERIODS: StatQuery['period'][] = [
  { kind: 'year', year: 2026 },
  { kind: 'quarter', year: 2026, quarter: 2 },
  { kind: 'month', year: 2026, month: 7 },
  { kind: 'custom', from: '2026-02-14', to: '2026-10-03' },
];
const AREAS: Area[] = [
  { kind: 'country' },
  { kind: 'region', code: 'ML-4' },
  { kind: 'district', code: 'ML0101' },
  { kind: 'office', code: 'SEG' },
];
/** A collection between phases, so one phase's garbage is not timed in the next. */
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Every breakdown, with every period and area in turn: what a user clicks through. */
const QUERIES: StatQuery[] = BREAKDOWNS.flatMap((b) =>
  PERIODS.flatMap((period) => AREAS.map((area) => ({ ...b, period, area }))),
);

export const statisticsBench: Bench = {
  name: 'statistics',
  async run() {
    const facts = generateFacts(100_000, 42);
    let t0 = now();
    const columns = toColumns(facts);
    const buildMs = now() - t0;
    t0 = now();
    const cube = buildCube(columns);
    // The screen's first table: the blocks of its area kind and its breakdown's cells.
    cube.prepare('country', 'gender', null);
    const cubeBuildMs = now() - t0;
    // What the screen did on every change of period or area: recount, suppress, delays.
    const recount = sample(
      QUERIES,
      (q) => {
        const table = statTable(crossTabColumns(columns, q), q, 11);
        delaysColumns(columns, q.period, q.area);
        return table;
      },
      3,
    );
    gc();
    // The first time each area kind and breakdown is asked for: blocks and cells are built.
    const firstTime: number[] = [];
    for (const q of QUERIES) {
      t0 = now();
      statTable(cube.table(q), q, 11);
      firstTime.push(now() - t0);
    }
    gc();
    // Every later change of period or area: sums of grouped cells.
    const interaction = sample(
      QUERIES,
      (q) => {
        const table = statTable(cube.table(q), q, 11);
        cube.delays(q.period, q.area);
        return table;
      },
      5,
    );
    const delaysOnly = sample(QUERIES, (q) => cube.delays(q.period, q.area), 5);
    gc();
    // A breakdown not asked for yet, with the blocks of its area kind there.
    const fresh = buildCube(columns);
    for (const a of AREAS) fresh.prepare(a.kind, null, null);
    const extra: [DimensionId, DimensionId][] = [
      ['ageBand', 'nationality'],
      ['outcome', 'urgency'],
      ['traffickingStatus', 'gender'],
      ['serviceCategory', 'exploitation'],
      ['referringOffice', 'ageGroup'],
    ];
    gc();
    const breakdown: number[] = [];
    for (const [rows, cols] of extra)
      for (const area of AREAS) {
        const q: StatQuery = { rows, cols, measure: 'persons', period: PERIODS[0]!, area };
        t0 = now();
        statTable(fresh.table(q), q, 11);
        breakdown.push(now() - t0);
      }
    // The floor: one pass that reads each row's period and two dimensions and counts.
    const counting = sample(
      QUERIES,
      (q) => {
        const counts = new Map<string, number>();
        for (const f of facts) {
          if (f.at < '2026' || f.at >= '2027') continue;
          const key = `${f.dims[q.rows!]}|${q.cols ? f.dims[q.cols] : ''}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        return counts;
      },
      2,
    );
    const base = 'full recount per interaction p95 (baseline)';
    return [
      { label: base, value: percentile(recount, 95), unit: 'ms' },
      {
        label: 'period/area change, cube p95 (100k)',
        value: percentile(interaction, 95),
        unit: 'ms',
        baseline: base,
        target: '< 16 ms',
      },
      {
        label: 'period/area change, cube p50 (100k)',
        value: percentile(interaction, 50),
        unit: 'ms',
        baseline: base,
      },
      {
        label: 'response delays from the cube p95',
        value: percentile(delaysOnly, 95),
        unit: 'ms',
        baseline: base,
      },
      {
        label: 'new breakdown (cells built + table) p95',
        value: percentile(breakdown, 95),
        unit: 'ms',
        baseline: base,
        target: '< 16 ms',
      },
      {
        label: 'first query of each kind/breakdown, max',
        value: Math.max(...firstTime),
        unit: 'ms',
        baseline: base,
      },
      { label: 'plain counting loop p95', value: percentile(counting, 95), unit: 'ms' },
      { label: 'columns built once per load (100k)', value: buildMs, unit: 'ms' },
      { label: 'cube built once per load (100k)', value: cubeBuildMs, unit: 'ms' },
    ];
  },
};
