/**
 * The statistics cube: facts pre-grouped by area × month × breakdown values, so that a change of
 * period or area sums a few hundred grouped cells instead of reading 100k facts again
 * (tests/bench/statistics.bench.ts: within a frame). Built in memory from the columns, never
 * stored: the person numbers it rests on stay on this machine, like the facts themselves.
 *
 * - Per area kind (country, region, district, office), the facts are put in blocks of one area
 *   value and one calendar month (UTC), in time order.
 * - Per area kind and breakdown (rows × cols), each block keeps its cells: referrals, and
 *   referrals of a person who had none before in that area ("fresh"). A person is counted at
 *   their first referral of the period in the area (`crossTab`): a fresh referral always is;
 *   another one only when the person's previous referral in the area is before the period's
 *   first day, so those few are kept one by one with that previous day.
 * - Months the period covers whole are read from the cells; a custom period's first and last
 *   months, when cut, are read fact by fact from their blocks.
 * - Response delays: per block and urgency, the ranks (in the delay order of `byDelay`) of its
 *   answered referrals, sorted; the median and the 90th percentile of a selection are the k-th
 *   smallest rank over a few sorted lists (a binary search), answers within the deadline a
 *   count below one rank.
 * - Blocks and cells are built when first asked for, but not then: a breakdown's (or an area
 *   kind's) first query is answered by the recount over the columns, which costs what it
 *   always cost, and its blocks and cells are built in the screen's idle time (`idle`, a slice
 *   of a few thousand steps at a time, cubeBuild.ts). Its later queries sum cells. Building
 *   them at the first query cost 3× a recount (tests/bench/statistics.bench.ts).
 *
 * `cube.test.ts` checks, for random facts, periods, areas and breakdowns, that every table and
 * delay row equals the full recount (`crossTab`, `responseDelays`), before, during and after
 * the idle builds.
 */
import { URGENCIES, URGENCY_HOURS } from '../referrals/schema';
import {
  periodRange,
  type Area,
  type CountTable,
  type DelayRow,
  type StatQuery,
} from './aggregate';
import { crossTabColumns, dayOf, delaysColumns, tableOfCounts, type FactColumns } from './columns';
import {
  buildBlocks,
  buildCells,
  type Base,
  type Blocks,
  type Build,
  type Cells,
} from './cubeBuild';
import type { DimensionId } from './facts';

const DAY_MS = 86_400_000;
/** Steps of work between two pauses of an idle build: well under a millisecond each. */
const SLICE = 4096;

/** Month number (year·12 + month − 1) of a day number. */
const monthOfDay = (day: number): number => {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const firstDayOfMonth = (month: number): number =>
  Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS;

export type StatCube = {
  /** The same table as `crossTabColumns(columns, q)`. */
  table: (q: StatQuery) => CountTable;
  /** The same rows as `delaysColumns(columns, period, area)`. */
  delays: (period: StatQuery['period'], area: Area) => DelayRow[];
  /** Builds a breakdown's cells now, whole (what `idle` would do a slice at a time). */
  prepare: (kind: Area['kind'], rows: DimensionId | null, cols: DimensionId | null) => void;
  /** Whether a breakdown's cells are built, so that its tables are sums of cells. */
  ready: (kind: Area['kind'], rows: DimensionId | null, cols: DimensionId | null) => boolean;
  /**
   * Builds what the queries so far asked for and did not find, the latest first, a slice at a
   * time while `timeLeft()` (ms) is above zero; true while some build is left.
   */
  idle: (timeLeft: () => number) => boolean;
};

/** A build driven by slices: `step` does one and says whether the result is there. */
type Job<T> = { step: () => boolean; done: () => boolean; result: () => T };

const job = <T>(start: () => Build<T>): Job<T> => {
  let build: Build<T> | null = null;
  let out: { value: T } | null = null;
  return {
    step: () => {
      if (out) return true;
      const next = (build ??= start()).next();
      if (!next.done) return false;
      out = { value: next.value };
      build = null;
      return true;
    },
    done: () => out !== null,
    result: () => {
      if (!out) throw new Error('cube build not finished');
      return out.value;
    },
  };
};

/** Drives a job to its end and returns what it built. */
const finish = <T>(j: Job<T>): T => {
  while (!j.step());
  return j.result();
};

export const buildCube = (c: FactColumns, { slice = SLICE }: { slice?: number } = {}): StatCube => {
  const n = c.n;
  const month = new Int32Array(n);
  let firstMonth = 0;
  let months = 1;
  if (n > 0) {
    // Facts are in time order: a month is worked out once per distinct day.
    let lastDay = Number.NaN;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const d = c.day[i]!;
      if (d !== lastDay) m = monthOfDay((lastDay = d));
      month[i] = m;
    }
    // Facts are in time order: the first and last hold the extreme months.
    firstMonth = month[0]!;
    months = month[n - 1]! - firstMonth + 1;
  }
  const U = URGENCIES.length;
  const urgencySlot = new Int8Array(c.dims.urgency.values.length).fill(-1);
  URGENCIES.forEach((u, k) => {
    const code = c.dims.urgency.values.indexOf(u);
    if (code >= 0) urgencySlot[code] = k;
  });
  // Each person's facts, in time order (a person's previous fact in an area is among them).
  const personStart = new Int32Array(c.persons + 1);
  for (let i = 0; i < n; i++) personStart[c.person[i]! + 1]! += 1;
  for (let p = 0; p < c.persons; p++) personStart[p + 1]! += personStart[p]!;
  const personFill = personStart.slice(0, c.persons);
  const personFacts = new Int32Array(n);
  for (let i = 0; i < n; i++) personFacts[personFill[c.person[i]!]!++] = i;
  const base: Base = { month, firstMonth, months, personStart, personFacts, urgencySlot };
  const rankOf = new Int32Array(n).fill(-1);
  for (let r = 0; r < c.byDelay.length; r++) rankOf[c.byDelay[r]!] = r;
  // Per urgency: how many answered facts (all of them) answered within its deadline, i.e. the
  // first rank past the deadline (byDelay is in increasing delay).
  const deadlineRank = URGENCIES.map((u) => {
    let lo = 0;
    let hi = c.byDelay.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c.delay[c.byDelay[mid]!]! <= URGENCY_HOURS[u]) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });

  const blockJobs = new Map<Area['kind'], Job<Blocks>>();
  const blocksJob = (kind: Area['kind']): Job<Blocks> => {
    let j = blockJobs.get(kind);
    if (!j) blockJobs.set(kind, (j = job(() => buildBlocks(c, base, kind, slice))));
    return j;
  };
  const blocksOf = (kind: Area['kind']): Blocks => finish(blocksJob(kind));

  const cellJobs = new Map<string, Job<Cells>>();
  /** Breakdowns whose cells are built. */
  const built = new Set<string>();
  const keyOf = (kind: Area['kind'], rows: DimensionId | null, cols: DimensionId | null) =>
    `${kind}|${rows ?? ''}|${cols ?? ''}`;
  const cellsJob = (kind: Area['kind'], rows: DimensionId | null, cols: DimensionId | null) => {
    const key = keyOf(kind, rows, cols);
    let j = cellJobs.get(key);
    if (!j) {
      // The area kind's blocks first (shared with its other breakdowns), then the cells.
      const blocks = blocksJob(kind);
      cellJobs.set(
        key,
        (j = job(function* () {
          while (!blocks.step()) yield;
          const cells = yield* buildCells(c, blocks.result(), months, rows, cols, slice);
          built.add(key);
          return cells;
        })),
      );
    }
    return j;
  };
  const cellsOf = (kind: Area['kind'], rows: DimensionId | null, cols: DimensionId | null) =>
    finish(cellsJob(kind, rows, cols));
  const ready = (kind: Area['kind'], rows: DimensionId | null, cols: DimensionId | null) =>
    built.has(keyOf(kind, rows, cols));

  // What queries asked for and did not find, in the order asked (the latest is built first).
  const wanted = new Map<string, () => boolean>();
  const want = (key: string, step: () => boolean) => {
    wanted.delete(key);
    wanted.set(key, step);
  };
  const idle = (timeLeft: () => number): boolean => {
    while (wanted.size > 0) {
      if (timeLeft() <= 0) return true;
      const [key, step] = [...wanted].at(-1)!;
      if (step()) wanted.delete(key);
    }
    return false;
  };

  /** The months of the period within the facts' months, whole or cut, and the area's value. */
  const scope = (period: StatQuery['period'], area: Area) => {
    const { from, to } = periodRange(period);
    const lo = dayOf(from);
    const hi = dayOf(to);
    const B = blocksOf(area.kind);
    const a = area.kind === 'country' ? 0 : (B.coded?.values.indexOf(area.code) ?? -1);
    const mLo = Math.max(monthOfDay(lo), firstMonth);
    const mHi = Math.min(monthOfDay(hi), firstMonth + months - 1);
    const list: { block: number; whole: boolean }[] = [];
    if (a >= 0 && n > 0 && lo <= hi)
      for (let m = mLo; m <= mHi; m++)
        list.push({
          block: a * months + m - firstMonth,
          whole: firstDayOfMonth(m) >= lo && firstDayOfMonth(m + 1) - 1 <= hi,
        });
    return { B, lo, hi, list };
  };

  const table = (q: StatQuery): CountTable => {
    const { kind } = q.area;
    // A breakdown's first use is answered by the recount (what the cells must sum to), never
    // slower than it; its cells are built when the screen is idle, for the next change.
    if (!ready(kind, q.rows, q.cols)) {
      want(keyOf(kind, q.rows, q.cols), cellsJob(kind, q.rows, q.cols).step);
      return crossTabColumns(c, q);
    }
    const C = cellsOf(kind, q.rows, q.cols);
    const { B, lo, hi, list } = scope(q.period, q.area);
    const counts = new Int32Array(C.nCells);
    const persons = q.measure === 'persons';
    const nc = C.cols ? C.cols.values.length : 1;
    let records = 0;
    for (const { block, whole } of list) {
      if (whole) {
        for (let e = C.cellStart[block]!; e < C.cellStart[block + 1]!; e++) {
          const all = C.all[e]!;
          records += all;
          counts[C.cell[e]!]! += persons ? C.fresh[e]! : all;
        }
        if (persons)
          for (let e = C.repeatStart[block]!; e < C.repeatStart[block + 1]!; e++)
            if (C.repeatPrev[e]! < lo) counts[C.repeatCell[e]!]! += 1;
        continue;
      }
      for (let k = B.start[block]!; k < B.start[block + 1]!; k++) {
        const i = B.facts[k]!;
        const d = c.day[i]!;
        if (d < lo || d > hi) continue;
        records++;
        if (persons && B.prevDay[i]! >= lo) continue;
        counts[(C.rows ? C.rows.codes[i]! : 0) * nc + (C.cols ? C.cols.codes[i]! : 0)]! += 1;
      }
    }
    return tableOfCounts(q, C.rows, C.cols, counts, records);
  };

  const delays = (period: StatQuery['period'], area: Area): DelayRow[] => {
    // An area kind's first use, likewise: the recount now, its blocks when idle.
    const blocks = blocksJob(area.kind);
    if (!blocks.done()) {
      want(area.kind, blocks.step);
      return delaysColumns(c, period, area);
    }
    const { B, lo, hi, list } = scope(period, area);
    // Per urgency: the sorted rank lists to merge (whole months' slices, and the cut months'
    // answered facts gathered and sorted).
    const lists: Int32Array[][] = URGENCIES.map(() => []);
    const cut: number[][] = URGENCIES.map(() => []);
    for (const { block, whole } of list) {
      if (whole) {
        for (let u = 0; u < U; u++) {
          const s = B.rankStart[block * U + u]!;
          const e = B.rankStart[block * U + u + 1]!;
          if (e > s) lists[u]!.push(B.ranks.subarray(s, e));
        }
        continue;
      }
      for (let k = B.start[block]!; k < B.start[block + 1]!; k++) {
        const i = B.facts[k]!;
        const d = c.day[i]!;
        const u = urgencySlot[c.dims.urgency.codes[i]!]!;
        if (d < lo || d > hi || u < 0 || rankOf[i]! < 0) continue;
        cut[u]!.push(rankOf[i]!);
      }
    }
    return URGENCIES.map((urgency, u) => {
      if (cut[u]!.length > 0) lists[u]!.push(Int32Array.from(cut[u]!).sort());
      const ls = lists[u]!;
      /** How many ranks of the lists are below r. */
      const below = (r: number) => {
        let total = 0;
        for (const l of ls) {
          let a = 0;
          let b = l.length;
          while (a < b) {
            const mid = (a + b) >> 1;
            if (l[mid]! < r) a = mid + 1;
            else b = mid;
          }
          total += a;
        }
        return total;
      };
      const answered = ls.reduce((s, l) => s + l.length, 0);
      /** The delay of the k-th smallest (0-based) rank of the lists. */
      const kth = (k: number) => {
        let a = 0;
        let b = c.byDelay.length - 1;
        while (a < b) {
          const mid = (a + b) >> 1;
          if (below(mid + 1) > k) b = mid;
          else a = mid + 1;
        }
        return c.delay[c.byDelay[a]!]!;
      };
      const rank = (p: number) => Math.min(answered - 1, Math.max(0, Math.ceil(p * answered) - 1));
      return {
        urgency,
        deadlineHours: URGENCY_HOURS[urgency],
        answered,
        medianHours: answered ? kth(rank(0.5)) : null,
        p90Hours: answered ? kth(rank(0.9)) : null,
        withinDeadline: answered ? below(deadlineRank[u]!) : 0,
      };
    });
  };

  const prepare = (kind: Area['kind'], rows: DimensionId | null, cols: DimensionId | null) =>
    void cellsOf(kind, rows, cols);

  return { table, delays, prepare, ready, idle };
};
