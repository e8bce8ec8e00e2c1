/**
 * Statistics over 100k referrals (issue 14): one interaction (a change of period, area or
 * breakdown) recomputes the cross-table, persons counted once, and its suppression, and the
 * response delays. Beside it, a plain counting loop over the same rows: what any aggregation
 * has to pay at least.
 */
import { crossTab, type StatQuery } from '@shared/domain/statistics/aggregate';
import { crossTabColumns, delaysColumns, toColumns } from '@shared/domain/statistics/columns';
import { generateFacts } from '@shared/domain/statistics/fixtures';
import { statTable } from '@shared/domain/statistics/table';
import type { Bench } from './harness';
import { now, percentile, sample } from './harness';

const QUERIES: StatQuery[] = [
  { rows: 'gender', cols: null, measure: 'persons' },
  { rows: 'nationality', cols: 'gender', measure: 'persons' },
  { rows: 'exploitation', cols: 'ageBand', measure: 'referrals' },
  { rows: 'region', cols: 'outcome', measure: 'referrals' },
  { rows: 'urgency', cols: 'serviceCategory', measure: 'persons' },
].flatMap((q) => [
  { ...q, period: { kind: 'year', year: 2026 }, area: { kind: 'country' } } as StatQuery,
  {
    ...q,
    period: { kind: 'quarter', year: 2026, quarter: 2 },
    area: { kind: 'region', code: 'ML-4' },
  } as StatQuery,
]);

export const statisticsBench: Bench = {
  name: 'statistics',
  async run() {
    const facts = generateFacts(100_000, 42);
    const t0 = now();
    const columns = toColumns(facts);
    const buildMs = now() - t0;
    // What the screen does on every change of filter: table, suppression, delays.
    const interaction = sample(
      QUERIES,
      (q) => {
        const table = statTable(crossTabColumns(columns, q), q, 11);
        delaysColumns(columns, q.period, q.area);
        return table;
      },
      5,
    );
    const tableOnly = sample(QUERIES, (q) => statTable(crossTabColumns(columns, q), q, 11), 5);
    const delaysOnly = sample(QUERIES, (q) => delaysColumns(columns, q.period, q.area), 5);
    const reference = sample(QUERIES, (q) => statTable(crossTab(facts, q), q, 11), 2);
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
      5,
    );
    return [
      { label: 'plain counting loop p95 (baseline)', value: percentile(counting, 95), unit: 'ms' },
      {
        label: 'statistics per interaction p95 (100k)',
        value: percentile(interaction, 95),
        unit: 'ms',
        baseline: 'plain counting loop p95 (baseline)',
        target: '< 16 ms',
      },
      {
        label: 'statistics per interaction p50 (100k)',
        value: percentile(interaction, 50),
        unit: 'ms',
        baseline: 'plain counting loop p95 (baseline)',
      },
      {
        label: 'breakdown change (table + suppression) p95',
        value: percentile(tableOnly, 95),
        unit: 'ms',
        baseline: 'plain counting loop p95 (baseline)',
        target: '< 16 ms',
      },
      {
        label: 'response delays p95',
        value: percentile(delaysOnly, 95),
        unit: 'ms',
        baseline: 'plain counting loop p95 (baseline)',
      },
      {
        label: 'readable reference (crossTab over objects) p95',
        value: percentile(reference, 95),
        unit: 'ms',
        baseline: 'plain counting loop p95 (baseline)',
      },
      { label: 'columns built once per load (100k)', value: buildMs, unit: 'ms' },
    ];
  },
};
