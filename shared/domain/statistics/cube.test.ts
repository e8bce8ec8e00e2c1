import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, GENDERS, URGENCIES } from '../referrals/schema';
import { crossTab, responseDelays, select, type Area, type StatQuery } from './aggregate';
import { toColumns } from './columns';
import { buildCube } from './cube';
import { DIMENSION_IDS, OUTCOMES, UNKNOWN, type StatFact } from './facts';
import { generateFacts } from './fixtures';

const REGIONS = ['ML-1', 'ML-4', UNKNOWN];
// ML0105 (Kita) and ML0405 (San) formed Mali's regions of 2023 ML_KITA and ML_SAN.
const DISTRICTS = ['ML0101', 'ML0401', 'ML0105', 'ML0405', UNKNOWN];
const OFFICES = ['BKO', 'SEG'];
const DAY = 86_400_000;
const START = Date.UTC(2025, 10, 1);

/** Days from START of every month's first and last day: where whole and cut months meet. */
const EDGES = Array.from({ length: 15 }, (_, m) => [
  (Date.UTC(2025, 10 + m, 1) - START) / DAY,
  (Date.UTC(2025, 11 + m, 0) - START) / DAY,
]).flat();

/** Few persons, regions and days over 14 months: repeats, ties and month edges are common. */
const factArb = fc
  .record({
    person: fc.integer({ min: 0, max: 12 }),
    day: fc.oneof(fc.integer({ min: 0, max: 425 }), fc.constantFrom(...EDGES)),
    // Whole hours, so several facts share an instant now and then.
    hour: fc.integer({ min: 0, max: 3 }),
    region: fc.constantFrom(...REGIONS),
    district: fc.constantFrom(...DISTRICTS),
    office: fc.constantFrom(...OFFICES),
    gender: fc.constantFrom(...GENDERS),
    ageBand: fc.constantFrom(...AGE_BANDS),
    urgency: fc.constantFrom(...URGENCIES),
    outcome: fc.constantFrom(...OUTCOMES),
    nationality: fc.constantFrom('ML', 'NG', UNKNOWN),
    delay: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  })
  .map((r): StatFact => ({
    source: 'referral',
    personKey: `p${r.person}`,
    office: r.office,
    at: new Date(START + r.day * DAY + r.hour * 3_600_000).toISOString(),
    country: 'ML',
    region: r.region,
    district: r.district,
    delayHours: r.delay,
    dims: {
      traffickingStatus: UNKNOWN,
      exploitation: UNKNOWN,
      gender: r.gender,
      ageGroup: 'adult',
      ageBand: r.ageBand,
      nationality: r.nationality,
      referringOffice: r.office,
      serviceCategory: 'shelter',
      urgency: r.urgency,
      outcome: r.outcome,
      region: r.region,
    },
  }));

const dayArb = fc
  .oneof(fc.integer({ min: -20, max: 450 }), fc.constantFrom(...EDGES))
  .map((d) => new Date(START + d * DAY).toISOString().slice(0, 10));

const periodArb: fc.Arbitrary<StatQuery['period']> = fc.oneof(
  fc.record({ kind: fc.constant('year' as const), year: fc.constantFrom(2025, 2026, 2027) }),
  fc.record({
    kind: fc.constant('quarter' as const),
    year: fc.constantFrom(2025, 2026),
    quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  }),
  fc.record({
    kind: fc.constant('month' as const),
    year: fc.constantFrom(2025, 2026),
    month: fc.integer({ min: 1, max: 12 }),
  }),
  fc
    .tuple(dayArb, dayArb)
    .map(([a, b]) => ({ kind: 'custom' as const, from: a < b ? a : b, to: a < b ? b : a })),
);

const areaArb: fc.Arbitrary<Area> = fc.oneof(
  fc.constant({ kind: 'country' as const }),
  fc.constantFrom(...REGIONS, 'ML-9').map((code) => ({ kind: 'region' as const, code })),
  fc.constantFrom(...DISTRICTS, 'ML0901').map((code) => ({ kind: 'district' as const, code })),
  fc.constantFrom(...OFFICES, 'KAY').map((code) => ({ kind: 'office' as const, code })),
  fc
    .constantFrom('ML_KITA', 'ML_SAN', 'ML_BOUGOUNI')
    .map((code) => ({ kind: 'formedRegion' as const, code })),
);

describe('statistics cube', () => {
  it('sums to the full recount for random facts, periods, areas and breakdowns', () => {
    fc.assert(
      fc.property(
        fc.array(factArb, { maxLength: 120 }),
        fc.array(
          fc.record({
            period: periodArb,
            area: areaArb,
            rows: fc.constantFrom(...DIMENSION_IDS),
            cols: fc.option(fc.constantFrom(...DIMENSION_IDS), { nil: null }),
            measure: fc.constantFrom<StatQuery['measure']>('persons', 'referrals'),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (facts, queries) => {
          // One cube answers every query in turn, as the screen uses it.
          const cube = buildCube(toColumns(facts));
          for (const q of queries) {
            expect(cube.table(q)).toEqual(crossTab(facts, q));
            expect(cube.delays(q.period, q.area)).toEqual(
              responseDelays(select(facts, q.period, q.area)),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts a person once over the months of a period, at their first referral there', () => {
    const base = generateFacts(1, 1)[0]!;
    const at = (d: string) => `${d}T10:00:00.000Z`;
    const facts: StatFact[] = [
      { ...base, personKey: 'a', at: at('2026-01-20'), region: 'ML-1', district: 'ML0101' },
      { ...base, personKey: 'a', at: at('2026-02-03'), region: 'ML-1', district: 'ML0102' },
      { ...base, personKey: 'a', at: at('2026-03-09'), region: 'ML-4', district: UNKNOWN },
    ];
    const cube = buildCube(toColumns(facts));
    const q = (period: StatQuery['period'], area: Area): number =>
      cube
        .table({ period, area, rows: 'gender', cols: null, measure: 'persons' })
        .cells.flat()[0] ?? 0;
    const year = { kind: 'year', year: 2026 } as const;
    expect(q(year, { kind: 'country' })).toBe(1);
    expect(q(year, { kind: 'region', code: 'ML-1' })).toBe(1);
    expect(q(year, { kind: 'district', code: 'ML0102' })).toBe(1);
    // Diéma (ML0102) went to the region of Nioro in 2023; Bafoulabé (ML0101) did not.
    expect(q(year, { kind: 'formedRegion', code: 'ML_NIORO' })).toBe(1);
    expect(q(year, { kind: 'formedRegion', code: 'ML_KITA' })).toBe(0);
    expect(
      q({ kind: 'month', year: 2026, month: 1 }, { kind: 'formedRegion', code: 'ML_NIORO' }),
    ).toBe(0);
    // February alone: the person's January referral is before the period, so February counts.
    expect(q({ kind: 'month', year: 2026, month: 2 }, { kind: 'region', code: 'ML-1' })).toBe(1);
    expect(q({ kind: 'custom', from: '2026-01-25', to: '2026-03-31' }, { kind: 'country' })).toBe(
      1,
    );
  });

  it('answers the benchmark data like the recount', () => {
    const facts = generateFacts(5000, 9);
    const cube = buildCube(toColumns(facts));
    for (const area of [
      { kind: 'country' },
      { kind: 'region', code: 'ML-4' },
      { kind: 'district', code: 'ML0101' },
      { kind: 'formedRegion', code: 'ML_NIORO' },
      { kind: 'office', code: 'SEG' },
    ] satisfies Area[]) {
      const q: StatQuery = {
        period: { kind: 'custom', from: '2026-02-14', to: '2026-09-03' },
        area,
        rows: 'nationality',
        cols: 'gender',
        measure: 'persons',
      };
      expect(cube.table(q)).toEqual(crossTab(facts, q));
    }
  });
});
