/**
 * The statistics cube: facts pre-grouped by area × month × breakdown values, so that a change of
 * period or area sums a few hundred grouped cells instead of reading 100k facts again
 * (tests/bench/statistics.bench.ts: within a frame). Built in memory from the columns, never
 * stored: the person numbers it rests on stay on this machine, like the facts themselves.
 *
 * - Per area kind (country, region, district, office), the facts are put in blocks of one area
 *   value and one calendar month (UTC), in time order.
 * - Per area kind and breakdown (rows × cols), built the first time that breakdown is asked
 *   for, each block keeps its cells: referrals, and referrals of a person who had none before in
 *   that area ("fresh"). A person is counted at their first referral of the period in the area
 *   (`crossTab`): a fresh referral always is; another one only when the person's previous
 *   referral in the area is before the period's first day, so those few are kept one by one with
 *   that previous day.
 * - Months the period covers whole are read from the cells; a custom period's first and last
 *   months, when cut, are read fact by fact from their blocks.
 * - Response delays: per block and urgency, the ranks (in the delay order of `byDelay`) of its
 *   answered referrals, sorted; the median and the 90th percentile of a selection are the k-th
 *   smallest rank over a few sorted lists (a binary search), answers within the deadline a
 *   count below one rank.
 *
 * `cube.test.ts` checks, for random facts, periods, areas and breakdowns, that every table and
 * delay row equals the full recount (`crossTab`, `responseDelays`).
 */
import { URGENCIES, URGENCY_HOURS } from '../referrals/schema';
import {
  periodRange,
  type Area,
  type CountTable,
  type DelayRow,
  type StatQuery,
} from './aggregate';
import { areaColumn, dayOf, tableOfCounts, type Coded, type FactColumns } from './columns';
import type { DimensionId } from './facts';

const NONE = -2_147_483_648;
const DAY_MS = 86_400_000;

/** Month number (year·12 + month − 1) of a day number. */
const monthOfDay = (day: number): number => {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const firstDayOfMonth = (month: number): number =>
  Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS;

/** Facts of one area kind in blocks of (area value, month), in time order within a block. */
type Blocks = {
  coded: Coded | null;
  areas: number;
  /** Block b = area · months + (month − firstMonth). */
  start: Int32Array;
  facts: Int32Array;
  /** Day of the person's previous fact in the same area value, NONE without one. */
  prevDay: Int32Array;
  /** Per block and urgency (b · U + u): the ranks of its answered facts, ascending. */
  rankStart: Int32Array;
  ranks: Int32Array;
};

/** One breakdown's cells per block, and the repeat referrals one by one. */
type Cells = {
  nCells: number;
  rows: Coded | null;
  cols: Coded | null;
  cellStart: Int32Array;
  cell: Int32Array;
  all: Int32Array;
  fresh: Int32Array;
  repeatStart: Int32Array;
  repeatCell: Int32Array;
  repeatPrev: Int32Array;
};

export type StatCube = {
  /** The same table as `crossTabColumns(columns, q)`. */
  table: (q: StatQuery) => CountTable;
  /** The same rows as `delaysColumns(columns, period, area)`. */
  delays: (period: StatQuery['period'], area: Area) => DelayRow[];
  /** Builds what a breakdown needs now (e.g. while the screen is idle); `table` does it too. */
  prepare: (kind: Area['kind'], rows: DimensionId | null, cols: DimensionId | null) => void;
};

export const buildCube = (c: FactColumns): StatCube => {
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

  const blocksByKind = new Map<Area['kind'], Blocks>();
  const blocksOf = (kind: Area['kind']): Blocks => {
    const cached = blocksByKind.get(kind);
    if (cached) return cached;
    const coded = areaColumn(c, kind);
    const areas = coded ? coded.values.length : 1;
    const nB = areas * months;
    const blockOf = (i: number) => (coded ? coded.codes[i]! : 0) * months + month[i]! - firstMonth;
    const start = new Int32Array(nB + 1);
    for (let i = 0; i < n; i++) start[blockOf(i) + 1]! += 1;
    for (let b = 0; b < nB; b++) start[b + 1]! += start[b]!;
    const fill = start.slice(0, nB);
    const facts = new Int32Array(n);
    for (let i = 0; i < n; i++) facts[fill[blockOf(i)]!++] = i;
    const prevDay = new Int32Array(n).fill(NONE);
    for (let p = 0; p < c.persons; p++)
      for (let k = personStart[p]! + 1; k < personStart[p + 1]!; k++) {
        const i = personFacts[k]!;
        const area = coded ? coded.codes[i]! : 0;
        for (let j = k - 1; j >= personStart[p]!; j--) {
          const h = personFacts[j]!;
          if ((coded ? coded.codes[h]! : 0) === area) {
            prevDay[i] = c.day[h]!;
            break;
          }
        }
      }
    const rankStart = new Int32Array(nB * U + 1);
    const answered = c.byDelay;
    const slotOf = (i: number) => blockOf(i) * U + urgencySlot[c.dims.urgency.codes[i]!]!;
    for (let r = 0; r < answered.length; r++) {
      const i = answered[r]!;
      if (urgencySlot[c.dims.urgency.codes[i]!]! >= 0) rankStart[slotOf(i) + 1]! += 1;
    }
    for (let s = 0; s < nB * U; s++) rankStart[s + 1]! += rankStart[s]!;
    const rankFill = rankStart.slice(0, nB * U);
    const ranks = new Int32Array(rankStart[nB * U]!);
    // In rank order, so each list comes out sorted.
    for (let r = 0; r < answered.length; r++) {
      const i = answered[r]!;
      if (urgencySlot[c.dims.urgency.codes[i]!]! >= 0) ranks[rankFill[slotOf(i)]!++] = r;
    }
    const out = { coded, areas, start, facts, prevDay, rankStart, ranks };
    blocksByKind.set(kind, out);
    return out;
  };

  const cellsByKey = new Map<string, Cells>();
  const cellsOf = (kind: Area['kind'], rowDim: DimensionId | null, colDim: DimensionId | null) => {
    const key = `${kind}|${rowDim ?? ''}|${colDim ?? ''}`;
    const cached = cellsByKey.get(key);
    if (cached) return cached;
    const B = blocksOf(kind);
    const rows = rowDim ? c.dims[rowDim] : null;
    const cols = colDim ? c.dims[colDim] : null;
    const nc = cols ? cols.values.length : 1;
    const nCells = (rows ? rows.values.length : 1) * nc;
    const nB = B.areas * months;
    const cellStart = new Int32Array(nB + 1);
    const repeatStart = new Int32Array(nB + 1);
    // At most one entry per fact.
    const cell = new Int32Array(n);
    const all = new Int32Array(n);
    const fresh = new Int32Array(n);
    const repeatCell = new Int32Array(n);
    const repeatPrev = new Int32Array(n);
    let entries = 0;
    let repeats = 0;
    const scratchAll = new Int32Array(nCells);
    const scratchFresh = new Int32Array(nCells);
    const touched: number[] = [];
    for (let b = 0; b < nB; b++) {
      for (let k = B.start[b]!; k < B.start[b + 1]!; k++) {
        const i = B.facts[k]!;
        const x = (rows ? rows.codes[i]! : 0) * nc + (cols ? cols.codes[i]! : 0);
        if (scratchAll[x] === 0) touched.push(x);
        scratchAll[x]! += 1;
        const prev = B.prevDay[i]!;
        if (prev === NONE) scratchFresh[x]! += 1;
        else {
          repeatCell[repeats] = x;
          repeatPrev[repeats++] = prev;
        }
      }
      for (const x of touched) {
        cell[entries] = x;
        all[entries] = scratchAll[x]!;
        fresh[entries++] = scratchFresh[x]!;
        scratchAll[x] = 0;
        scratchFresh[x] = 0;
      }
      touched.length = 0;
      cellStart[b + 1] = entries;
      repeatStart[b + 1] = repeats;
    }
    const out: Cells = {
      nCells,
      rows,
      cols,
      cellStart,
      cell: cell.slice(0, entries),
      all: all.slice(0, entries),
      fresh: fresh.slice(0, entries),
      repeatStart,
      repeatCell: repeatCell.slice(0, repeats),
      repeatPrev: repeatPrev.slice(0, repeats),
    };
    cellsByKey.set(key, out);
    return out;
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
    const C = cellsOf(q.area.kind, q.rows, q.cols);
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

  return { table, delays, prepare };
};
