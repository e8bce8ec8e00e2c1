import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossTab, responseDelays, select, type StatQuery } from './aggregate';
import { crossTabColumns, delaysColumns, toColumns } from './columns';
import { DIMENSION_IDS } from './facts';
import { generateFacts } from './fixtures';

describe('columns', () => {
  const facts = generateFacts(4000, 3);
  const columns = toColumns(facts);

  it('give the same tables and delays as the readable reference, for any query', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DIMENSION_IDS),
        fc.option(fc.constantFrom(...DIMENSION_IDS), { nil: null }),
        fc.constantFrom<StatQuery['measure']>('persons', 'referrals'),
        fc.constantFrom<StatQuery['period']>(
          { kind: 'year', year: 2026 },
          { kind: 'quarter', year: 2026, quarter: 3 },
          { kind: 'month', year: 2026, month: 2 },
          { kind: 'custom', from: '2026-04-10', to: '2026-05-02' },
        ),
        fc.constantFrom<StatQuery['area']>(
          { kind: 'country' },
          { kind: 'region', code: 'ML-4' },
          { kind: 'office', code: 'KAY' },
          { kind: 'region', code: 'ML-99' },
        ),
        (rows, cols, measure, period, area) => {
          const q: StatQuery = { rows, cols, measure, period, area };
          expect(crossTabColumns(columns, q)).toEqual(crossTab(facts, q));
          expect(delaysColumns(columns, period, area)).toEqual(
            responseDelays(select(facts, period, area)),
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});
