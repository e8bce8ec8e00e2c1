/**
 * Aggregates an office publishes for the others (issue 14): per period (year, quarter, month),
 * the counts of its own referrals and persons per region and per value of every dimension and
 * every pair of dimensions: enough to answer any one- or two-way breakdown by region without a
 * single case leaving the office. Unsuppressed (sums of suppressed tables would be wrong): the
 * reading office sums them and suppresses at display and export, like its own figures.
 *
 * They replicate like other records (registry: `statAggregates`, owned and signed by the
 * publishing office; a later publication replaces the earlier one for that period).
 *
 * Cells go down to the region, not the district (a district breakdown per pair of dimensions would
 * multiply the document's size by the number of districts): at district level the statistics
 * show this office's own figures only, and say so.
 *
 * Persons are counted once per office and period; summed across offices and, for a custom
 * period, across months, a person referred by two offices counts twice: the screen says these
 * figures come from published aggregates.
 */
import { z } from 'zod';
import { areaByCode, formedRegionOf } from '../directory/areas';
import { replicatedSchema } from '../directory/schema';
import { orderKeys, periodRange, type CountTable, type Period, type StatQuery } from './aggregate';
import { firstPerPerson } from './aggregate';
import { DIMENSION_IDS, isDimension, type DimensionId, type StatFact } from './facts';

export const AGGREGATES_TABLE = 'statAggregates';

/** 'YYYY', 'YYYY-Qn' or 'YYYY-MM'. */
export const PERIOD_KEY = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

const BREAKDOWNS = DIMENSION_IDS.filter((d) => d !== 'region');
const dimension = z.string().refine(isDimension);
const value = z.string().max(80);

export const aggregateCellSchema = z.object({
  region: z.string().max(12),
  d1: dimension,
  v1: value,
  /** '' for a one-way cell. */
  d2: z.union([dimension, z.literal('')]),
  v2: value,
  referrals: z.number().int().min(0),
  persons: z.number().int().min(0),
});
export type AggregateCell = z.infer<typeof aggregateCellSchema>;

export const aggregateDocSchema = replicatedSchema.extend({
  period: z.string().regex(PERIOD_KEY),
  cells: z.array(aggregateCellSchema).max(200_000),
  deletedAt: z.null().default(null),
});
export type AggregateDoc = z.infer<typeof aggregateDocSchema>;

/** The period keys a fact's day falls in: its year, quarter and month. */
export const periodKeysOf = (day: string): string[] => {
  const y = day.slice(0, 4);
  const m = Number(day.slice(5, 7));
  return [y, `${y}-Q${Math.ceil(m / 3)}`, `${y}-${day.slice(5, 7)}`];
};

/** The published periods a query reads: one key, or the months of a custom period. */
export const keysForPeriod = (p: Period): string[] => {
  if (p.kind === 'year') return [String(p.year)];
  if (p.kind === 'quarter') return [`${p.year}-Q${p.quarter}`];
  if (p.kind === 'month') return [`${p.year}-${String(p.month).padStart(2, '0')}`];
  const { from, to } = periodRange(p);
  const out: string[] = [];
  for (let d = from.slice(0, 7); d <= to.slice(0, 7);) {
    out.push(d);
    const [y, m] = d.split('-').map(Number) as [number, number];
    d = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return out;
};

/** The cells of one office's facts for one period (facts already of that period). */
export const aggregateCells = (facts: readonly StatFact[]): AggregateCell[] => {
  const firsts = new Set(firstPerPerson(facts));
  const cells = new Map<string, AggregateCell>();
  const add = (f: StatFact, d1: DimensionId, d2: DimensionId | '') => {
    const v2 = d2 ? f.dims[d2] : '';
    const key = `${f.region}\u0000${d1}\u0000${f.dims[d1]}\u0000${d2}\u0000${v2}`;
    let c = cells.get(key);
    if (!c) {
      c = { region: f.region, d1, v1: f.dims[d1], d2, v2, referrals: 0, persons: 0 };
      cells.set(key, c);
    }
    c.referrals++;
    if (firsts.has(f)) c.persons++;
  };
  for (const f of facts)
    BREAKDOWNS.forEach((d1, i) => {
      add(f, d1, '');
      for (const d2 of BREAKDOWNS.slice(i + 1)) add(f, d1, d2);
    });
  return [...cells.values()];
};

/** Every period document of an office, from its own facts. */
export const aggregatesByPeriod = (facts: readonly StatFact[]): Map<string, AggregateCell[]> => {
  const byKey = new Map<string, StatFact[]>();
  for (const f of facts)
    for (const k of periodKeysOf(f.at.slice(0, 10))) byKey.set(k, [...(byKey.get(k) ?? []), f]);
  return new Map([...byKey].map(([k, list]) => [k, aggregateCells(list)]));
};

/**
 * A query answered from published documents: the cells of the periods asked for, in the area,
 * for the breakdown asked. The region breakdown reads one-way cells (each referral is in
 * exactly one of them per dimension).
 */
export const queryAggregates = (docs: readonly AggregateDoc[], q: StatQuery): CountTable => {
  const keys = new Set(keysForPeriod(q.period));
  const counts = new Map<string, Map<string, number>>();
  const rowSeen = new Set<string>();
  const colSeen = new Set<string>();
  let records = 0;
  const rows = q.rows;
  const cols = q.cols;
  // Which cells answer: a (d1, d2) pair in declared order, or one-way cells.
  const dims = [rows, cols].filter((d): d is DimensionId => d !== null && d !== 'region');
  const [a, b] = [...dims].sort((x, y) => DIMENSION_IDS.indexOf(x) - DIMENSION_IDS.indexOf(y));
  const d1 = a ?? 'traffickingStatus';
  const d2 = b ?? '';
  for (const doc of docs) {
    // Published cells go down to the region: other offices' figures have no district, so
    // neither a district nor a region formed from districts (Mali 2023) can be read in them.
    if (q.area.kind === 'district' || q.area.kind === 'formedRegion') break;
    if (doc.deletedAt !== null || !keys.has(doc.period)) continue;
    if (q.area.kind === 'office' && doc.office !== q.area.code) continue;
    for (const c of doc.cells) {
      if (c.d1 !== d1 || c.d2 !== d2) continue;
      if (q.area.kind === 'region' && c.region !== q.area.code) continue;
      const valueOf = (d: DimensionId | null) =>
        d === null ? '' : d === 'region' ? c.region : d === c.d1 ? c.v1 : c.v2;
      const r = valueOf(rows);
      const k = valueOf(cols);
      const n = q.measure === 'persons' ? c.persons : c.referrals;
      records += c.referrals;
      if (n === 0) continue;
      let row = counts.get(r);
      if (!row) counts.set(r, (row = new Map()));
      row.set(k, (row.get(k) ?? 0) + n);
      rowSeen.add(r);
      colSeen.add(k);
    }
  }
  const rowKeys = orderKeys(rows, rowSeen);
  const colKeys = orderKeys(cols, colSeen);
  return {
    rowKeys,
    colKeys,
    cells: rowKeys.map((r) => colKeys.map((c) => counts.get(r)?.get(c) ?? 0)),
    records,
  };
};

/** Two tables of the same query added cell by cell (this office's own and the others'). */
export const addTables = (q: StatQuery, x: CountTable, y: CountTable): CountTable => {
  const at = (t: CountTable, r: string, c: string) => {
    const i = t.rowKeys.indexOf(r);
    const j = t.colKeys.indexOf(c);
    return i < 0 || j < 0 ? 0 : t.cells[i]![j]!;
  };
  const rowKeys = orderKeys(q.rows, [...x.rowKeys, ...y.rowKeys]);
  const colKeys = orderKeys(q.cols, [...x.colKeys, ...y.colKeys]);
  return {
    rowKeys,
    colKeys,
    cells: rowKeys.map((r) => colKeys.map((c) => at(x, r, c) + at(y, r, c))),
    records: x.records + y.records,
  };
};

/**
 * The regions the statistics screen offers: the ISO regions of this office's facts and of the
 * published figures, then the regions created from older ones (Mali 2023) that this office's
 * facts reach through a cercle that formed them.
 */
export const regionChoices = (
  facts: readonly Pick<StatFact, 'region' | 'district'>[],
  published: readonly Pick<AggregateDoc, 'cells'>[],
): string[] =>
  [
    ...new Set([
      ...facts.map((f) => f.region),
      ...published.flatMap((d) => d.cells.map((c) => c.region)),
      ...facts.map((f) => formedRegionOf(f.district) ?? ''),
    ]),
  ]
    .filter((r) => r.includes('-') || areaByCode(r)?.formerParent !== undefined)
    .sort();
