import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alternative,
  clampThreshold,
  shownGrid,
  suppress,
  withMargins,
  type Mark,
  type SuppressedGrid,
} from './suppress';

/** Tables as they come out of referrals: many small cells, some zeros, a few large ones. */
const table = (maxRows = 6, maxCols = 6) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([r, c]) =>
      fc.array(
        fc.array(
          fc.oneof(
            fc.constant(0),
            fc.integer({ min: 1, max: 12 }),
            fc.integer({ min: 11, max: 200 }),
          ),
          { minLength: c, maxLength: c },
        ),
        { minLength: r, maxLength: r },
      ),
    );

/** What a reader knows of a hidden entry, from its mark alone. */
const withinKnownBounds = (v: number, mark: Mark, k: number) =>
  mark === 'shown' || (mark === 'primary' ? v >= 1 && v <= k - 1 : v >= k);

/**
 * The check does not trust the search: it takes the other table's inner cells, recomputes
 * every total itself, and compares with everything the reader sees.
 */
const agreesWithWhatIsShown = (g: SuppressedGrid, alt: number[][]) => {
  const inner = alt.slice(0, -1).map((row) => row.slice(0, -1));
  if (inner.some((row) => row.some((v) => !Number.isInteger(v) || v < 0))) return false;
  const rebuilt = withMargins(inner);
  const shown = shownGrid(g);
  return rebuilt.every((row, a) =>
    row.every((v, b) => {
      const s = shown[a]![b]!;
      if (typeof s === 'number') return v === s;
      return withinKnownBounds(v, g.marks[a]![b]!, g.threshold);
    }),
  );
};

describe('small-cell suppression', () => {
  it('no hidden value can be worked out from what is shown, totals included', () => {
    fc.assert(
      fc.property(table(), fc.integer({ min: 5, max: 11 }), (cells, k) => {
        const g = suppress(withMargins(cells), k);
        if (g.withheld) return shownGrid(g).every((row) => row.every((s) => s === 'hidden'));
        for (let a = 0; a < g.values.length; a++)
          for (let b = 0; b < g.values[0]!.length; b++) {
            if (g.marks[a]![b] === 'shown') continue;
            // Another table, consistent with every shown figure and every "< k", differs here.
            const alt = alternative(g.values, g.marks, g.threshold, [a, b]);
            if (!alt || alt[a]![b] === g.values[a]![b]) return false;
            if (!agreesWithWhatIsShown(g, alt)) return false;
          }
        return true;
      }),
      { numRuns: 400 },
    );
  });

  it('shows no figure between 1 and k − 1, and every line hides none or at least two', () => {
    fc.assert(
      fc.property(table(), fc.integer({ min: 5, max: 11 }), (cells, k) => {
        const g = suppress(withMargins(cells), k);
        const shown = shownGrid(g);
        const small = shown.flat().some((s) => typeof s === 'number' && s >= 1 && s < k);
        const lines = [...g.marks, ...g.marks[0]!.map((_, b) => g.marks.map((row) => row[b]!))];
        const hiddenPerLine = lines.map((l) => l.filter((m) => m !== 'shown').length);
        return !small && hiddenPerLine.every((n) => n === 0 || n >= 2);
      }),
      { numRuns: 400 },
    );
  });

  it('hides nothing in a table without small cells, and withholds rarely', () => {
    const big = suppress(
      withMargins([
        [20, 30],
        [40, 50],
      ]),
      11,
    );
    expect(big.marks.flat().every((m) => m === 'shown')).toBe(true);
    let withheld = 0;
    fc.assert(
      fc.property(table(), (cells) => {
        if (suppress(withMargins(cells), 11).withheld) withheld++;
      }),
      { numRuns: 300 },
    );
    expect(withheld).toBeLessThan(300);
  });

  it('hides a complementary cell where a row total would give the small one away', () => {
    // Bamako: 3 women, 25 men, total 28. Showing 25 and 28 would give 3.
    const g = suppress(
      withMargins([
        [3, 25],
        [30, 40],
      ]),
      11,
    );
    const shown = shownGrid(g);
    expect(shown[0]![0]).toBe('small');
    expect(shown[0]!.filter((s) => s === 'hidden').length).toBeGreaterThanOrEqual(1);
    expect(shown.map((row) => row[0]).filter((s) => s === 'hidden').length).toBeGreaterThan(0);
  });

  it('hides the cheapest complement: 12 women and 5 men keep their total of 17', () => {
    const shown = shownGrid(suppress(withMargins([[12], [5]]), 11));
    expect(shown).toEqual([
      ['hidden', 'hidden'],
      ['small', 'small'],
      [17, 17],
    ]);
  });

  it('the threshold defaults to 11, may be lowered, never under 5', () => {
    expect(clampThreshold(11)).toBe(11);
    expect(clampThreshold(7)).toBe(7);
    expect(clampThreshold(2)).toBe(5);
    expect(clampThreshold(40)).toBe(11);
    expect(clampThreshold(Number.NaN)).toBe(11);
    expect(suppress(withMargins([[4]]), 3).threshold).toBe(5);
  });

  it('a one-column table keeps its cell and its row total hidden together', () => {
    fc.assert(
      fc.property(table(8, 1), (cells) => {
        const g = suppress(withMargins(cells), 11);
        return g.marks.every((row) => (row[0] === 'shown') === (row[1] === 'shown'));
      }),
    );
  });
});
