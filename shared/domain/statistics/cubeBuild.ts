/**
 * The statistics cube's two builds (cube.ts): an area kind's blocks, and a breakdown's cells
 * over those blocks. Each is a generator that pauses every `slice` steps of work, so the screen
 * can build a breakdown while it is idle, a slice at a time, without holding the main thread
 * (a click waits for one slice at most); a caller that needs the result now drives the same
 * generator to its end, so work done in idle slices is never done twice.
 */
import { URGENCIES } from '../referrals/schema';
import type { Area } from './aggregate';
import { areaColumn, type Coded, type FactColumns } from './columns';
import type { DimensionId } from './facts';

export const NONE = -2_147_483_648;

/** A build in progress: yields between slices, returns what it built. */
export type Build<T> = Generator<void, T, void>;

/** What every build reads, worked out once per cube. */
export type Base = {
  /** Month number (year·12 + month − 1) of each fact. */
  month: Int32Array;
  firstMonth: number;
  months: number;
  /** Each person's facts, in time order: personFacts[personStart[p] .. personStart[p + 1]). */
  personStart: Int32Array;
  personFacts: Int32Array;
  /** The slot in URGENCIES of each urgency code, −1 for none. */
  urgencySlot: Int8Array;
};

/** Facts of one area kind in blocks of (area value, month), in time order within a block. */
export type Blocks = {
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
export type Cells = {
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

export function* buildBlocks(
  c: FactColumns,
  base: Base,
  kind: Area['kind'],
  slice: number,
): Build<Blocks> {
  const { month, firstMonth, months, personStart, personFacts, urgencySlot } = base;
  const n = c.n;
  const U = URGENCIES.length;
  let work = 0;
  const coded = areaColumn(c, kind);
  const areas = coded ? coded.values.length : 1;
  const nB = areas * months;
  const blockOf = (i: number) => (coded ? coded.codes[i]! : 0) * months + month[i]! - firstMonth;
  const start = new Int32Array(nB + 1);
  for (let i = 0; i < n; i++) {
    start[blockOf(i) + 1]! += 1;
    if (++work >= slice) {
      work = 0;
      yield;
    }
  }
  for (let b = 0; b < nB; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, nB);
  const facts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    facts[fill[blockOf(i)]!++] = i;
    if (++work >= slice) {
      work = 0;
      yield;
    }
  }
  const prevDay = new Int32Array(n).fill(NONE);
  for (let p = 0; p < c.persons; p++)
    for (let k = personStart[p]! + 1; k < personStart[p + 1]!; k++) {
      const i = personFacts[k]!;
      const area = coded ? coded.codes[i]! : 0;
      let j = k - 1;
      for (; j >= personStart[p]!; j--) {
        const h = personFacts[j]!;
        if ((coded ? coded.codes[h]! : 0) === area) {
          prevDay[i] = c.day[h]!;
          break;
        }
      }
      work += k - j;
      if (work >= slice) {
        work = 0;
        yield;
      }
    }
  const rankStart = new Int32Array(nB * U + 1);
  const answered = c.byDelay;
  const slotOf = (i: number) => blockOf(i) * U + urgencySlot[c.dims.urgency.codes[i]!]!;
  for (let r = 0; r < answered.length; r++) {
    const i = answered[r]!;
    if (urgencySlot[c.dims.urgency.codes[i]!]! >= 0) rankStart[slotOf(i) + 1]! += 1;
    if (++work >= slice) {
      work = 0;
      yield;
    }
  }
  for (let s = 0; s < nB * U; s++) rankStart[s + 1]! += rankStart[s]!;
  const rankFill = rankStart.slice(0, nB * U);
  const ranks = new Int32Array(rankStart[nB * U]!);
  // In rank order, so each list comes out sorted.
  for (let r = 0; r < answered.length; r++) {
    const i = answered[r]!;
    if (urgencySlot[c.dims.urgency.codes[i]!]! >= 0) ranks[rankFill[slotOf(i)]!++] = r;
    if (++work >= slice) {
      work = 0;
      yield;
    }
  }
  return { coded, areas, start, facts, prevDay, rankStart, ranks };
}

export function* buildCells(
  c: FactColumns,
  B: Blocks,
  months: number,
  rowDim: DimensionId | null,
  colDim: DimensionId | null,
  slice: number,
): Build<Cells> {
  const n = c.n;
  let work = 0;
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
      // The scratch counts are this block's so far: a pause mid-block resumes where it was.
      if (++work >= slice) {
        work = 0;
        yield;
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
  return {
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
}
