/**
 * A count table as screens and exports show it: suppressed, with its margins, saying what it
 * rests on. Everything that leaves the statistics module for a reader goes through `statTable`,
 * so no path shows an unsuppressed small cell.
 */
import type { Area, CountTable, Measure, Period } from './aggregate';
import { periodRange } from './aggregate';
import type { DimensionId } from './facts';
import { shownGrid, suppress, withMargins, type Shown } from './suppress';

export type StatTable = {
  measure: Measure;
  period: Period;
  range: { from: string; to: string };
  area: Area;
  rows: DimensionId | null;
  cols: DimensionId | null;
  rowKeys: string[];
  colKeys: string[];
  /** (rows+1)×(cols+1): the last row holds column totals, the last column row totals. */
  shown: Shown[][];
  /** How many referrals the figures rest on ("< k" when that itself is small). */
  records: Shown;
  threshold: number;
  withheld: boolean;
};

export const statTable = (
  counts: CountTable,
  query: {
    measure: Measure;
    period: Period;
    area: Area;
    rows: DimensionId | null;
    cols: DimensionId | null;
  },
  threshold: number,
): StatTable => {
  const grid = suppress(withMargins(counts.cells), threshold);
  const shown = shownGrid(grid);
  // For referrals the records are the grand total: they must be hidden wherever it is.
  const records: Shown =
    query.measure === 'referrals'
      ? shown.at(-1)!.at(-1)!
      : counts.records > 0 && counts.records < grid.threshold
        ? 'small'
        : counts.records;
  return {
    ...query,
    range: periodRange(query.period),
    rowKeys: counts.rowKeys,
    colKeys: counts.colKeys,
    shown,
    records,
    threshold: grid.threshold,
    withheld: grid.withheld,
  };
};

/** Whether the table has a second breakdown (else one column of figures and its total). */
export const isTwoWay = (t: StatTable): boolean => t.cols !== null;

/**
 * A figure as text: "< 11" for a small cell (the threshold in `format`'s digits, as the other
 * figures), "x" for a complementary one.
 */
export const figureText = (s: Shown, threshold: number, format: (n: number) => string): string =>
  s === 'small' ? `< ${format(threshold)}` : s === 'hidden' ? 'x' : format(s);
