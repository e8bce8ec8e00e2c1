/**
 * The facts as columns of small integers, built once when the facts load, so that each
 * interaction (a change of period, area or breakdown) is one pass of integer reads over typed
 * arrays: 100k referrals within a frame (tests/bench/statistics.bench.ts). `crossTab` in
 * aggregate.ts is the readable reference; columns.test.ts checks both agree.
 */
import { formedRegionOf } from '../directory/areas';
import { URGENCIES, URGENCY_HOURS } from '../referrals/schema';
import {
  orderKeys,
  periodRange,
  type Area,
  type CountTable,
  type DelayRow,
  type StatQuery,
} from './aggregate';
import { DIMENSION_IDS, type DimensionId, type StatFact } from './facts';

export type Coded = { codes: Uint16Array; values: string[] };

export type FactColumns = {
  n: number;
  /** Days since 1970-01-01 (UTC), facts sorted by time: a person's first fact comes first. */
  day: Int32Array;
  person: Int32Array;
  persons: number;
  office: Coded;
  region: Coded;
  district: Coded;
  /** The region of 2023 (Mali) the fact's cercle went to, or '' (see formedRegionOf). */
  formedRegion: Coded;
  dims: Record<DimensionId, Coded>;
  /** Hours from sending to the answer; NaN when not answered. */
  delay: Float64Array;
  /** The answered facts' indexes, by increasing delay. */
  byDelay: Int32Array;
};

const code = (values: readonly string[]): Coded => {
  const index = new Map<string, number>();
  const codes = new Uint16Array(values.length);
  values.forEach((v, i) => {
    let c = index.get(v);
    if (c === undefined) index.set(v, (c = index.size));
    codes[i] = c;
  });
  return { codes, values: [...index.keys()] };
};

export const dayOf = (iso: string) =>
  Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);

export const toColumns = (input: readonly StatFact[]): FactColumns => {
  const facts = [...input].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const people = new Map<string, number>();
  const person = Int32Array.from(facts, (f) => {
    let p = people.get(f.personKey);
    if (p === undefined) people.set(f.personKey, (p = people.size));
    return p;
  });
  const delay = Float64Array.from(facts, (f) => f.delayHours ?? Number.NaN);
  const dims = {} as Record<DimensionId, Coded>;
  for (const d of DIMENSION_IDS) dims[d] = code(facts.map((f) => f.dims[d]));
  return {
    n: facts.length,
    day: Int32Array.from(facts, (f) => dayOf(f.at)),
    person,
    persons: people.size,
    office: code(facts.map((f) => f.office)),
    region: code(facts.map((f) => f.region)),
    district: code(facts.map((f) => f.district)),
    formedRegion: code(facts.map((f) => formedRegionOf(f.district) ?? '')),
    dims,
    delay,
    byDelay: Int32Array.from(facts.flatMap((f, i) => (f.delayHours === null ? [] : [i]))).sort(
      (a, b) => delay[a]! - delay[b]!,
    ),
  };
};

/** The column an area kind filters on; null for the whole country. */
export const areaColumn = (c: FactColumns, kind: Area['kind']): Coded | null =>
  kind === 'country' ? null : c[kind];

/** Indexes of the facts in the period and area, in time order. */
export const selectColumns = (
  c: FactColumns,
  period: StatQuery['period'],
  area: Area,
): Int32Array => {
  const { from, to } = periodRange(period);
  const lo = dayOf(from);
  const hi = dayOf(to);
  const areaCoded = areaColumn(c, area.kind);
  const want = areaCoded && area.kind !== 'country' ? areaCoded.values.indexOf(area.code) : -1;
  const out = new Int32Array(c.n);
  let k = 0;
  for (let i = 0; i < c.n; i++) {
    const d = c.day[i]!;
    if (d < lo || d > hi) continue;
    if (areaCoded && areaCoded.codes[i] !== want) continue;
    out[k++] = i;
  }
  return out.subarray(0, k);
};

/** The same table as `crossTab`, from columns. */
export const crossTabColumns = (c: FactColumns, q: StatQuery): CountTable => {
  const selected = selectColumns(c, q.period, q.area);
  const rows = q.rows ? c.dims[q.rows] : null;
  const cols = q.cols ? c.dims[q.cols] : null;
  const nr = rows ? rows.values.length : 1;
  const nc = cols ? cols.values.length : 1;
  const counts = new Int32Array(nr * nc);
  const seen = q.measure === 'persons' ? new Uint8Array(c.persons) : null;
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k]!;
    if (seen) {
      // Facts are in time order: the first one met is the person's first in the selection.
      const p = c.person[i]!;
      if (seen[p]) continue;
      seen[p] = 1;
    }
    counts[(rows ? rows.codes[i]! : 0) * nc + (cols ? cols.codes[i]! : 0)]! += 1;
  }
  return tableOfCounts(q, rows, cols, counts, selected.length);
};

/**
 * A count table from an nr×nc grid of counts over coded values (row-major): the values that
 * occur, in table order. Shared by `crossTabColumns` and the cube.
 */
export const tableOfCounts = (
  q: Pick<StatQuery, 'rows' | 'cols'>,
  rows: Coded | null,
  cols: Coded | null,
  counts: Int32Array,
  records: number,
): CountTable => {
  const nr = rows ? rows.values.length : 1;
  const nc = cols ? cols.values.length : 1;
  const present = (coded: Coded | null, n: number, isRow: boolean) => {
    const out: string[] = [];
    for (let a = 0; a < n; a++) {
      let sum = 0;
      for (let b = 0; b < (isRow ? nc : nr); b++) sum += counts[isRow ? a * nc + b : b * nc + a]!;
      if (sum > 0) out.push(coded ? coded.values[a]! : '');
    }
    return out;
  };
  const rowKeys = orderKeys(q.rows, present(rows, nr, true));
  const colKeys = orderKeys(q.cols, present(cols, nc, false));
  const ri = rowKeys.map((r) => (rows ? rows.values.indexOf(r) : 0));
  const ci = colKeys.map((x) => (cols ? cols.values.indexOf(x) : 0));
  return {
    rowKeys,
    colKeys,
    cells: ri.map((a) => ci.map((b) => counts[a * nc + b]!)),
    records,
  };
};

/**
 * The same as `responseDelays(select(...))`, from columns: the answered facts are sorted by
 * delay once (`byDelay`), so each interaction walks them in order and reads the ranks of the
 * median and the 90th percentile, with no sort.
 */
export const delaysColumns = (
  c: FactColumns,
  period: StatQuery['period'],
  area: Area,
): DelayRow[] => {
  const mask = new Uint8Array(c.n);
  const selected = selectColumns(c, period, area);
  for (let k = 0; k < selected.length; k++) mask[selected[k]!] = 1;
  const order = c.byDelay;
  const urgency = c.dims.urgency;
  const codes = URGENCIES.map((u) => urgency.values.indexOf(u));
  const slot = new Int8Array(urgency.values.length).fill(-1);
  codes.forEach((code, k) => code >= 0 && (slot[code] = k));
  const answered = new Int32Array(URGENCIES.length);
  const within = new Int32Array(URGENCIES.length);
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    if (!mask[i]) continue;
    const k = slot[urgency.codes[i]!]!;
    if (k < 0) continue;
    answered[k]! += 1;
    if (c.delay[i]! <= URGENCY_HOURS[URGENCIES[k]!]) within[k]! += 1;
  }
  // Nearest rank, as `percentile`: the ceil(p·n)-th smallest.
  const rank = (n: number, p: number) => Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));
  const median = new Float64Array(URGENCIES.length).fill(Number.NaN);
  const p90 = new Float64Array(URGENCIES.length).fill(Number.NaN);
  const seen = new Int32Array(URGENCIES.length);
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    if (!mask[i]) continue;
    const k = slot[urgency.codes[i]!]!;
    if (k < 0) continue;
    const r = seen[k]!++;
    if (r === rank(answered[k]!, 0.5)) median[k] = c.delay[i]!;
    if (r === rank(answered[k]!, 0.9)) p90[k] = c.delay[i]!;
  }
  return URGENCIES.map((u, k) => ({
    urgency: u,
    deadlineHours: URGENCY_HOURS[u],
    answered: answered[k]!,
    medianHours: answered[k] ? median[k]! : null,
    p90Hours: answered[k] ? p90[k]! : null,
    withinDeadline: within[k]!,
  }));
};
