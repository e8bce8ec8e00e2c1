import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossTab, type StatQuery } from './aggregate';
import { DIMENSION_IDS } from './facts';
import { generateFacts } from './fixtures';
import {
  addTables,
  aggregateDocSchema,
  aggregatesByPeriod,
  queryAggregates,
  regionChoices,
  type AggregateDoc,
} from './published';

const facts = generateFacts(3000, 11);
const offices = [...new Set(facts.map((f) => f.office))];
/** Each office publishes from its own facts, as its repository does. */
const docs: AggregateDoc[] = offices.flatMap((office) =>
  [...aggregatesByPeriod(facts.filter((f) => f.office === office))].map(([period, cells]) =>
    aggregateDocSchema.parse({
      id: crypto.randomUUID(),
      office,
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
      period,
      cells,
    }),
  ),
);

const periods = fc.constantFrom<StatQuery['period']>(
  { kind: 'year', year: 2026 },
  { kind: 'quarter', year: 2026, quarter: 2 },
  { kind: 'month', year: 2026, month: 11 },
);

describe('published aggregates', () => {
  it('summed over offices, give the same referral counts as the records, for any breakdown', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DIMENSION_IDS),
        fc.option(fc.constantFrom(...DIMENSION_IDS), { nil: null }),
        periods,
        fc.constantFrom<StatQuery['area']>(
          { kind: 'country' },
          { kind: 'region', code: 'ML-4' },
          { kind: 'office', code: offices[0]! },
        ),
        (rows, cols, period, area) => {
          if (rows === cols) return;
          const q: StatQuery = { rows, cols, period, area, measure: 'referrals' };
          expect(queryAggregates(docs, q)).toEqual(crossTab(facts, q));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('count each person once per office and period', () => {
    const office = offices[1]!;
    const own = facts.filter((f) => f.office === office);
    const q: StatQuery = {
      rows: 'gender',
      cols: 'urgency',
      period: { kind: 'year', year: 2026 },
      area: { kind: 'office', code: office },
      measure: 'persons',
    };
    expect(queryAggregates(docs, q)).toEqual(crossTab(own, q));
  });

  it('hold counts and dimension values only, and refuse anything else', () => {
    const doc = docs[0]!;
    expect(Object.keys(doc).sort()).toEqual(
      ['cells', 'createdAt', 'deletedAt', 'demo', 'id', 'office', 'period', 'updatedAt'].sort(),
    );
    const bad = { ...doc, cells: [{ ...doc.cells[0]!, d1: 'personName' }] };
    expect(aggregateDocSchema.safeParse(bad).success).toBe(false);
    expect(aggregateDocSchema.safeParse({ ...doc, period: '2026-13' }).success).toBe(false);
    expect(aggregateDocSchema.safeParse({ ...doc, notes: 'x' }).data).not.toHaveProperty('notes');
  });

  it('adds this office’s table and the others’ cell by cell', () => {
    const q: StatQuery = {
      rows: 'urgency',
      cols: null,
      period: { kind: 'year', year: 2026 },
      area: { kind: 'country' },
      measure: 'referrals',
    };
    const mine = crossTab(
      facts.filter((f) => f.office === offices[0]),
      q,
    );
    const others = queryAggregates(
      docs.filter((d) => d.office !== offices[0]),
      q,
    );
    expect(addTables(q, mine, others)).toEqual(crossTab(facts, q));
  });
});

describe("the statistics area filter and Mali's regions of 2023", () => {
  it('offers the ISO regions, then the 2023 regions this office reaches through a cercle', () => {
    // The fixtures' cercles: ML0102 (Diéma) formed Nioro, ML0501 (Bandiagara) Bandiagara.
    const choices = regionChoices(facts, docs);
    expect(choices).toEqual(expect.arrayContaining(['ML-1', 'ML-5', 'ML-BKO']));
    expect(choices.filter((r) => r.startsWith('ML_'))).toEqual(['ML_BANDIAGA', 'ML_NIORO']);
    // Kita is offered once a fact lies in its cercle; 'unknown' and office codes never are.
    const kita = { region: 'ML-1', district: 'ML0105' };
    expect(regionChoices([kita], [])).toEqual(['ML-1', 'ML_KITA']);
    expect(regionChoices([{ region: 'unknown', district: 'unknown' }], [])).toEqual([]);
  });

  it('gives no published figure for a 2023 region: other offices publish by ISO region', () => {
    const q: StatQuery = {
      period: { kind: 'year', year: 2026 },
      area: { kind: 'formedRegion', code: 'ML_NIORO' },
      rows: 'gender',
      cols: null,
      measure: 'referrals',
    };
    expect(queryAggregates(docs, q).records).toBe(0);
    expect(crossTab(facts, q).records).toBeGreaterThan(0);
  });
});
