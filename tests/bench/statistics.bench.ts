/**
 * Statistics over 100k referrals (issue 14): one interaction (a change of period or area)
 * recomputes the cross-table, persons counted once, its suppression, and the response delays.
 *
 * - baseline: the full recount over the columns (`crossTabColumns` + `delaysColumns`), what
 *   the screen did before the cube, measured in the same run;
 * - the cube (`buildCube`): the same figures summed from cells grouped by area × month ×
 *   breakdown values, built once per load; a breakdown's first query is the recount, and its
 *   cells are built in idle slices after it (timed slice by slice), then summed;
 * - a new breakdown: its first use beside the recount of its table in the same run, the idle
 *   build, the queries after it, and what building it at the first query cost (before);
 * - a plain counting loop over the same rows: what any pass over the facts pays at least.
 */
import type { Area, StatQuery } from '@shared/domain/statistics/aggregate';
import { crossTabColumns, delaysColumns, toColumns } from '@shared/domain/statistics/columns';
import { buildCube, type StatCube } from '@shared/domain/statistics/cube';
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
/** One idle slice of the cube's builds; true while some are left. */
const oneSlice = (cube: StatCube) => {
  let left = 1;
  return cube.idle(() => left--);
};
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
    // The first time each area kind and breakdown is asked for: the recount answers, then the
    // screen's idle time builds its blocks and cells, one slice at a time.
    const firstTime: number[] = [];
    const slices: number[] = [];
    for (const q of QUERIES) {
      t0 = now();
      statTable(cube.table(q), q, 11);
      cube.delays(q.period, q.area);
      firstTime.push(now() - t0);
      for (let more = true; more;) {
        t0 = now();
        more = oneSlice(cube);
        slices.push(now() - t0);
      }
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
    // Breakdowns not asked for yet, the blocks of every area kind there: the table alone (a
    // change of breakdown keeps the period and area, so the delays stand).
    const extra: [DimensionId, DimensionId][] = [
      ['ageBand', 'nationality'],
      ['outcome', 'urgency'],
      ['traffickingStatus', 'gender'],
      ['serviceCategory', 'exploitation'],
      ['referringOffice', 'ageGroup'],
    ];
    const extraQueries = extra.flatMap(([rows, cols]) =>
      AREAS.map((area): StatQuery => ({
        rows,
        cols,
        measure: 'persons',
        period: PERIODS[0]!,
        area,
      })),
    );
    // Before: the cells built at the first query.
    const atOnce = buildCube(columns);
    for (const a of AREAS) atOnce.prepare(a.kind, null, null);
    gc();
    const builtAtFirstUse: number[] = [];
    for (const q of extraQueries) {
      t0 = now();
      atOnce.prepare(q.area.kind, q.rows, q.cols);
      statTable(atOnce.table(q), q, 11);
      builtAtFirstUse.push(now() - t0);
    }
    // Now: the recount first (timed beside a plain recount of the same query, in turn, so
    // both see the same load), the cells in idle slices, then the cube's sums. Three fresh
    // cubes, for enough first uses to read a p95 on a shared machine.
    const tableRecount: number[] = [];
    const firstUse: number[] = [];
    const breakdownSlices: number[] = [];
    const idleTotal: number[] = [];
    let fresh = buildCube(columns);
    for (let round = 0; round < 3; round++) {
      fresh = buildCube(columns);
      for (const a of AREAS) fresh.prepare(a.kind, null, null);
      gc();
      for (const q of extraQueries) {
        t0 = now();
        statTable(crossTabColumns(columns, q), q, 11);
        tableRecount.push(now() - t0);
        t0 = now();
        statTable(fresh.table(q), q, 11);
        firstUse.push(now() - t0);
        let total = 0;
        for (let more = true; more;) {
          t0 = now();
          more = oneSlice(fresh);
          const ms = now() - t0;
          breakdownSlices.push(ms);
          total += ms;
        }
        idleTotal.push(total);
      }
    }
    gc();
    // Later uses of those breakdowns: sums of their cells.
    const afterIdle = sample(extraQueries, (q) => statTable(fresh.table(q), q, 11), 5);
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
    const tableBase = 'table recount, new breakdown p95 (baseline)';
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
        label: 'first query of each kind/breakdown, max',
        value: Math.max(...firstTime),
        unit: 'ms',
        baseline: base,
        target: '≤ 1× baseline',
      },
      {
        label: 'idle build of those, slice p95',
        value: percentile(slices, 95),
        unit: 'ms',
        target: '< 16 ms',
      },
      { label: 'idle build of those, longest slice', value: Math.max(...slices), unit: 'ms' },
      { label: tableBase, value: percentile(tableRecount, 95), unit: 'ms' },
      {
        label: 'new breakdown, first use p95',
        value: percentile(firstUse, 95),
        unit: 'ms',
        baseline: tableBase,
        target: '≤ 1× baseline',
      },
      {
        label: 'new breakdown, idle build, slice p95',
        value: percentile(breakdownSlices, 95),
        unit: 'ms',
        target: '< 16 ms',
      },
      {
        label: 'new breakdown, idle build, longest slice',
        value: Math.max(...breakdownSlices),
        unit: 'ms',
      },
      {
        label: 'new breakdown, idle build in all p95',
        value: percentile(idleTotal, 95),
        unit: 'ms',
        baseline: tableBase,
      },
      {
        label: 'new breakdown, after its idle build p95',
        value: percentile(afterIdle, 95),
        unit: 'ms',
        baseline: tableBase,
        target: '< 16 ms',
      },
      {
        label: 'new breakdown built at first use (before) p95',
        value: percentile(builtAtFirstUse, 95),
        unit: 'ms',
        baseline: tableBase,
      },
      { label: 'plain counting loop p95', value: percentile(counting, 95), unit: 'ms' },
      { label: 'columns built once per load (100k)', value: buildMs, unit: 'ms' },
      { label: 'cube built once per load (100k)', value: cubeBuildMs, unit: 'ms' },
    ];
  },
};
