import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUPS, SUGGESTIONS, type IndicatorGroup } from '../screening/core';
import type { Countable } from '../screening/statistics';
import type { Area, Period } from './aggregate';
import {
  screeningCells,
  screeningCountsSchema,
  screeningTotals,
  shownScreenings,
  type ScreeningCounts,
} from './screenings';
import { alternative, suppress, withMargins, type Mark } from './suppress';

const label = { fr: 'x', en: 'x', pt: 'x', ar: 'x' };
const found = (group: IndicatorGroup) => ({
  id: `i-${group}`,
  group,
  strength: 'strong' as const,
  htcds: null,
  label,
});

const screeningArb: fc.Arbitrary<Countable> = fc
  .record({
    day: fc.integer({ min: 0, max: 500 }),
    minute: fc.integer({ min: 0, max: 1439 }),
    referrals: fc.integer({ min: 0, max: 2 }),
    groups: fc.subarray([...GROUPS]),
    suggestion: fc.constantFrom(...SUGGESTIONS),
  })
  .map((r) => ({
    createdAt: new Date(
      Date.UTC(2025, 6, 1) + r.day * 86_400_000 + r.minute * 60_000,
    ).toISOString(),
    referralIds: Array.from({ length: r.referrals }, () => crypto.randomUUID()),
    content: {
      assessment: {
        // A group may be found through several indicators: it counts once.
        found: r.groups.flatMap((g) => [found(g), found(g)]),
        suggestion: r.suggestion,
        childProtection: false,
      },
    },
  }));

const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.record({ kind: fc.constant('year' as const), year: fc.constantFrom(2025, 2026) }),
  fc.record({
    kind: fc.constant('month' as const),
    year: fc.constantFrom(2025, 2026),
    month: fc.integer({ min: 1, max: 12 }),
  }),
  fc.tuple(fc.integer({ min: 0, max: 520 }), fc.integer({ min: 0, max: 520 })).map(([a, b]) => {
    const day = (d: number) =>
      new Date(Date.UTC(2025, 6, 1) + d * 86_400_000).toISOString().slice(0, 10);
    return { kind: 'custom' as const, from: day(Math.min(a, b)), to: day(Math.max(a, b)) };
  }),
);

describe('screenings as a statistics source', () => {
  it('hand the statistics counts per day only, which add up to the screenings', () => {
    fc.assert(
      fc.property(fc.array(screeningArb, { maxLength: 80 }), (records) => {
        const cells = screeningCells(records);
        const doc: ScreeningCounts = { office: 'BKO', region: 'ML-4', cells };
        // What crosses to the statistics passes the boundary schema, holding no other field.
        expect(screeningCountsSchema.parse(doc)).toEqual(doc);
        for (const c of cells)
          expect(Object.keys(c).sort()).toEqual([
            'count',
            'day',
            'groups',
            'referred',
            'suggestion',
          ]);
        expect(cells.reduce((n, c) => n + c.count, 0)).toBe(records.length);
      }),
    );
  });

  it('give for any period and area the figures counted screening by screening', () => {
    fc.assert(
      fc.property(
        fc.array(screeningArb, { maxLength: 80 }),
        periodArb,
        fc.constantFrom<Area>(
          { kind: 'country' },
          { kind: 'region', code: 'ML-4' },
          { kind: 'region', code: 'ML-1' },
          { kind: 'office', code: 'BKO' },
          { kind: 'office', code: 'SEG' },
          { kind: 'district', code: 'ML0401' },
          // Screenings record no place: a region of 2023 (counted by cercle) gets none.
          { kind: 'formedRegion', code: 'ML_SAN' },
        ),
        (records, period, area) => {
          const doc: ScreeningCounts = {
            office: 'BKO',
            region: 'ML-4',
            cells: screeningCells(records),
          };
          const t = screeningTotals(doc, period, area);
          const here =
            area.kind === 'country' ||
            (area.kind === 'region' && area.code === 'ML-4') ||
            (area.kind === 'office' && area.code === 'BKO');
          const range =
            period.kind === 'year'
              ? [`${period.year}-01-01`, `${period.year}-12-31`]
              : period.kind === 'custom'
                ? [period.from, period.to]
                : null;
          const inPeriod = (r: Countable) => {
            const day = r.createdAt.slice(0, 10);
            if (range) return day >= range[0]! && day <= range[1]!;
            const m = period.kind === 'month' ? period : null;
            return day.slice(0, 7) === `${m!.year}-${String(m!.month).padStart(2, '0')}`;
          };
          const counted = here ? records.filter(inPeriod) : [];
          expect(t.placed).toBe(area.kind !== 'district' && area.kind !== 'formedRegion');
          expect(t.screenings).toBe(counted.length);
          expect(t.bySuggestion.flat().reduce((a, b) => a + b, 0)).toBe(counted.length);
          expect(t.bySuggestion.reduce((n, row) => n + row[0]!, 0)).toBe(
            counted.filter((r) => r.referralIds.length > 0).length,
          );
          GROUPS.forEach((g, i) => {
            const withGroup = counted.filter((r) =>
              r.content.assessment.found.some((f) => f.group === g),
            );
            expect(t.byGroup[i]![0]! + t.byGroup[i]![1]!).toBe(withGroup.length);
            expect(t.byGroup[i]![0]).toBe(withGroup.filter((r) => r.referralIds.length > 0).length);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('show no small figure, and no hidden one can be worked out from what is shown', () => {
    const count = fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 11, max: 300 }),
    );
    const line = fc.tuple(count, count).map(([a, b]) => [a, b]);
    fc.assert(
      fc.property(
        fc.array(line, { minLength: SUGGESTIONS.length, maxLength: SUGGESTIONS.length }),
        fc.array(line, { minLength: GROUPS.length, maxLength: GROUPS.length }),
        fc.integer({ min: 5, max: 11 }),
        (bySuggestion, byGroup, k) => {
          const shown = shownScreenings({ bySuggestion, byGroup, screenings: 0, placed: true }, k);
          const figures = [...shown.bySuggestion.flat(), ...shown.byGroup.flat()];
          if (figures.some((s) => typeof s === 'number' && s >= 1 && s < k)) return false;
          // Each table as the reader sees it: every hidden entry could take another value, with
          // everything shown (totals included) and every "< k" unchanged.
          const tables = [withMargins(bySuggestion), ...byGroup.map((l) => withMargins([l]))];
          const shownTables = [shown.bySuggestion, ...shown.byGroup.map((l) => [l, l])];
          return tables.every((values, n) => {
            const seen = shownTables[n]!;
            if (seen.every((row) => row.every((s) => s === 'hidden'))) return true;
            const marks: Mark[][] = seen.map((row) =>
              row.map((s) =>
                s === 'small' ? 'primary' : s === 'hidden' ? 'complementary' : 'shown',
              ),
            );
            for (let a = 0; a < values.length; a++)
              for (let b = 0; b < values[0]!.length; b++) {
                if (marks[a]![b] === 'shown') {
                  if (seen[a]![b] !== values[a]![b]) return false;
                  continue;
                }
                const alt = alternative(values, marks, k, [a, b]);
                if (!alt || alt[a]![b] === values[a]![b]) return false;
              }
            return true;
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('suppress a group line with a small cell together with another of its figures', () => {
    const shown = shownScreenings(
      {
        bySuggestion: [
          [30, 40],
          [20, 25],
          [0, 50],
        ],
        byGroup: [
          [3, 40],
          [20, 30],
          [0, 0],
          [12, 13],
        ],
        screenings: 165,
        placed: true,
      },
      11,
    );
    expect(shown.byGroup[0]).toEqual(['small', 'hidden', 43]);
    expect(shown.byGroup[1]).toEqual([20, 30, 50]);
    expect(shown.bySuggestion.at(-1)).toEqual([50, 115, 165]);
    // The suppression itself is the one every table uses.
    expect(suppress(withMargins([[3, 40]]), 11).marks[0]).toEqual([
      'primary',
      'complementary',
      'shown',
    ]);
  });
});
