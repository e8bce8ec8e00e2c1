/**
 * Counts for a period and an area, broken down by one or two dimensions; response delays
 * against each urgency's deadline. Pure and synchronous: the screen recomputes on every change
 * of filter, so this has to fit a frame for 100k facts (tests/bench/statistics.bench.ts).
 *
 * Persons are counted once: each person is counted at their first referral in the period and
 * area (its breakdown values are the ones counted), so a persons table still adds up and its
 * totals are distinct persons.
 */
import { formedRegionOf } from '../directory/areas';
import { URGENCIES, URGENCY_HOURS, type Urgency } from '../referrals/schema';
import { DIMENSIONS, type DimensionId, type StatFact } from './facts';

export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'custom'; from: string; to: string };

/** First and last day (inclusive, YYYY-MM-DD) of a period. */
export const periodRange = (p: Period): { from: string; to: string } => {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  switch (p.kind) {
    case 'year':
      return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
    case 'quarter': {
      const m = (p.quarter - 1) * 3 + 1;
      return {
        from: `${p.year}-${pad(m)}-01`,
        to: `${p.year}-${pad(m + 2)}-${pad(lastDay(p.year, m + 2))}`,
      };
    }
    case 'month':
      return {
        from: `${p.year}-${pad(p.month)}-01`,
        to: `${p.year}-${pad(p.month)}-${pad(lastDay(p.year, p.month))}`,
      };
    case 'custom':
      return { from: p.from, to: p.to };
  }
};

export type Area =
  | { kind: 'country' }
  | { kind: 'region'; code: string }
  | { kind: 'district'; code: string }
  /** A region created from older ones (Mali 2023): the facts of the cercles that formed it. */
  | { kind: 'formedRegion'; code: string }
  | { kind: 'office'; code: string };

export type Measure = 'persons' | 'referrals';

export type StatQuery = {
  period: Period;
  area: Area;
  rows: DimensionId | null;
  cols: DimensionId | null;
  measure: Measure;
};

export type CountTable = {
  rowKeys: string[];
  /** A single '' column when there is no second breakdown. */
  colKeys: string[];
  cells: number[][];
  /** How many records (referrals) the table rests on, whatever the measure. */
  records: number;
};

export const inArea = (f: StatFact, area: Area): boolean => {
  switch (area.kind) {
    case 'country':
      return true;
    case 'region':
      return f.region === area.code;
    case 'district':
      return f.district === area.code;
    case 'formedRegion':
      return formedRegionOf(f.district) === area.code;
    case 'office':
      return f.office === area.code;
  }
};

/** The facts of a period and an area (dates compared on the UTC day). */
export const select = (facts: readonly StatFact[], period: Period, area: Area): StatFact[] => {
  const { from, to } = periodRange(period);
  const out: StatFact[] = [];
  for (const f of facts) {
    const day = f.at.slice(0, 10);
    if (day >= from && day <= to && inArea(f, area)) out.push(f);
  }
  return out;
};

/** Each person once, at their first fact (the earliest `at`). */
export const firstPerPerson = (facts: readonly StatFact[]): StatFact[] => {
  const first = new Map<string, StatFact>();
  for (const f of facts) {
    const seen = first.get(f.personKey);
    if (!seen || f.at < seen.at) first.set(f.personKey, f);
  }
  return [...first.values()];
};

/** The dimension's values in table order: its declared order, or sorted codes. */
export const orderKeys = (dim: DimensionId | null, present: Iterable<string>): string[] => {
  if (!dim) return [''];
  const set = new Set(present);
  const declared: readonly string[] | null = DIMENSIONS[dim].values;
  if (declared) return declared.filter((v) => set.has(v));
  return [...set].sort();
};

export const crossTab = (facts: readonly StatFact[], q: StatQuery): CountTable => {
  const selected = select(facts, q.period, q.area);
  const counted = q.measure === 'persons' ? firstPerPerson(selected) : selected;
  const counts = new Map<string, Map<string, number>>();
  const colSeen = new Set<string>();
  for (const f of counted) {
    const r = q.rows ? f.dims[q.rows] : '';
    const c = q.cols ? f.dims[q.cols] : '';
    let row = counts.get(r);
    if (!row) counts.set(r, (row = new Map()));
    row.set(c, (row.get(c) ?? 0) + 1);
    colSeen.add(c);
  }
  const rowKeys = orderKeys(q.rows, counts.keys());
  const colKeys = orderKeys(q.cols, colSeen);
  const cells = rowKeys.map((r) => colKeys.map((c) => counts.get(r)?.get(c) ?? 0));
  return { rowKeys, colKeys, cells, records: selected.length };
};

/** Nearest-rank percentile of sorted values (the median is p = 0.5). */
export const percentile = (sorted: ArrayLike<number>, p: number): number | null => {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
};

export type DelayRow = {
  urgency: Urgency;
  deadlineHours: number;
  answered: number;
  medianHours: number | null;
  p90Hours: number | null;
  /** Answers given within the deadline. */
  withinDeadline: number;
};

/** Response delay (sent → answer) per urgency, for the answered referrals of the facts. */
export const responseDelays = (facts: readonly StatFact[]): DelayRow[] =>
  URGENCIES.map((urgency) => {
    const hours = facts
      .filter((f) => f.dims.urgency === urgency && f.delayHours !== null)
      .map((f) => f.delayHours!)
      .sort((a, b) => a - b);
    const deadlineHours = URGENCY_HOURS[urgency];
    return {
      urgency,
      deadlineHours,
      answered: hours.length,
      medianHours: percentile(hours, 0.5),
      p90Hours: percentile(hours, 0.9),
      withinDeadline: hours.filter((h) => h <= deadlineHours).length,
    };
  });

/** A delay row as shown: nothing but "< k" below the threshold of answers. */
export type ShownDelay = {
  urgency: Urgency;
  deadlineHours: number;
  answered: number | 'small';
  medianHours: number | null;
  p90Hours: number | null;
  /** Share (0–1) of the answers given within the deadline. */
  withinShare: number | null;
};

/**
 * A delay resting on few answers can point at a case: below the threshold neither the count
 * (beyond "< k"), nor the median, nor the 90th percentile, nor the share is shown. Zero stays 0.
 */
export const shownDelays = (rows: readonly DelayRow[], threshold: number): ShownDelay[] =>
  rows.map((r) => {
    const enough = r.answered >= threshold;
    return {
      urgency: r.urgency,
      deadlineHours: r.deadlineHours,
      answered: enough || r.answered === 0 ? r.answered : 'small',
      medianHours: enough ? r.medianHours : null,
      p90Hours: enough ? r.p90Hours : null,
      withinShare: enough ? r.withinDeadline / r.answered : null,
    };
  });
