import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, GENDERS, URGENCIES } from '../referrals/schema';
import { crossTab, responseDelays, select, type Area, type StatQuery } from './aggregate';
import { toColumns } from './columns';
import { buildCube, type StatCube } from './cube';
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

/** Lets the cube build `steps` slices of what it was asked for (Infinity: all of it). */
const idleFor = (cube: StatCube, steps: number) => {
  let left = steps;
  return cube.idle(() => left--);
};

describe('statistics cube', () => {
  it('equals the full recount for random facts and queries, before, during and after its idle builds', () => {
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
            // Idle time after the query: none, a few slices (a build cut midway), or enough.
            idle: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.constant(Infinity)),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        // Small slices, so builds pause in the middle of a block or a person's facts.
        fc.integer({ min: 1, max: 40 }),
        (facts, queries, slice) => {
          // One cube answers every query in turn, as the screen uses it.
          const cube = buildCube(toColumns(facts), { slice });
          for (const { idle, ...q } of queries) {
            const table = crossTab(facts, q);
            const delays = responseDelays(select(facts, q.period, q.area));
            expect(cube.table(q)).toEqual(table);
            expect(cube.delays(q.period, q.area)).toEqual(delays);
            const left = idleFor(cube, idle);
            if (idle === Infinity) {
              // Built: the same query is now a sum of cells, and must still equal the recount.
              expect(left).toBe(false);
              expect(cube.ready(q.area.kind, q.rows, q.cols)).toBe(true);
            }
            expect(cube.table(q)).toEqual(table);
            expect(cube.delays(q.period, q.area)).toEqual(delays);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers a new breakdown by the recount and builds its cells only when idle', () => {
    const facts = generateFacts(3000, 5);
    const cube = buildCube(toColumns(facts), { slice: 256 });
    const q: StatQuery = {
      period: { kind: 'quarter', year: 2026, quarter: 2 },
      area: { kind: 'region', code: 'ML-1' },
      rows: 'ageBand',
      cols: 'nationality',
      measure: 'persons',
    };
    const expected = crossTab(facts, q);
    expect(cube.table(q)).toEqual(expected);
    expect(cube.ready('region', 'ageBand', 'nationality')).toBe(false);
    // No idle time: nothing built, the build still waiting.
    expect(cube.idle(() => 0)).toBe(true);
    expect(cube.ready('region', 'ageBand', 'nationality')).toBe(false);
    // One slice at a time: 3000 facts take several slices of 256 steps.
    let slices = 0;
    while (idleFor(cube, 1)) {
      slices++;
      expect(cube.table(q)).toEqual(expected);
    }
    expect(slices).toBeGreaterThan(10);
    expect(cube.ready('region', 'ageBand', 'nationality')).toBe(true);
    expect(cube.table(q)).toEqual(expected);
    // Another breakdown of the same area kind reuses its blocks: fewer slices.
    const other = { ...q, rows: 'gender' as const, cols: null };
    expect(cube.table(other)).toEqual(crossTab(facts, other));
    let more = 0;
    while (idleFor(cube, 1)) more++;
    expect(more).toBeLessThan(slices);
    expect(cube.table(other)).toEqual(crossTab(facts, other));
    expect(cube.idle(() => 1)).toBe(false);
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
    for (const kind of ['country', 'region', 'district'] as const)
      cube.prepare(kind, 'gender', null);
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
    for (const kind of ['country', 'region', 'district', 'formedRegion', 'office'] as const)
      cube.prepare(kind, 'nationality', 'gender');
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
      expect(cube.ready(area.kind, q.rows, q.cols)).toBe(true);
      expect(cube.table(q)).toEqual(crossTab(facts, q));
    }
  });
});
