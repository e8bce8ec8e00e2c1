import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CapacityEvent } from '../capacity/schema';
import { fixtureReferral } from '../referrals/fixtures';
import {
  crossTab,
  periodRange,
  percentile,
  responseDelays,
  select,
  shownDelays,
  type StatQuery,
} from './aggregate';
import { bedStatistics } from './beds';
import { DIMENSION_IDS, referralFact, type StatFact } from './facts';
import { generateFacts } from './fixtures';
import { statTable } from './table';

const YEAR = { kind: 'year', year: 2026 } as const;
const query = (q: Partial<StatQuery> = {}): StatQuery => ({
  period: YEAR,
  area: { kind: 'country' },
  rows: 'gender',
  cols: null,
  measure: 'referrals',
  ...q,
});
const sum = (cells: number[][]) => cells.flat().reduce((s, v) => s + v, 0);

describe('periods', () => {
  it('gives the first and last day of a year, quarter, month (leap years included)', () => {
    expect(periodRange(YEAR)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange({ kind: 'quarter', year: 2026, quarter: 1 })).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(periodRange({ kind: 'month', year: 2028, month: 2 }).to).toBe('2028-02-29');
  });
});

describe('referral facts', () => {
  const sent = (o: Parameters<typeof fixtureReferral>[0] = {}) =>
    fixtureReferral({ state: 'sent', sentAt: '2026-03-02T10:00:00.000Z', ...o });

  it('hold dimension values only: no name, notes or free text', () => {
    const f = referralFact(sent(), { category: 'shelter', region: 'ML-4' }, 'ML')!;
    const text = JSON.stringify({ ...f, personKey: '' });
    for (const secret of ['Blessing', 'Okafor', 'Note interne', 'Arrivée', 'BKO-2026-0007'])
      expect(text).not.toContain(secret);
    expect(f.dims.exploitation).toBe('multiple');
    expect(f.dims.nationality).toBe('NG');
    expect(f.dims.ageGroup).toBe('adult');
    expect(Object.keys(f.dims).sort()).toEqual([...DIMENSION_IDS].sort());
  });

  it('leave drafts out and measure the delay from sending to the answer', () => {
    expect(referralFact(fixtureReferral(), undefined, 'ML')).toBeNull();
    const f = referralFact(
      sent({ state: 'accepted', answeredAt: '2026-03-03T16:00:00.000Z' }),
      undefined,
      'ML',
    )!;
    expect(f.delayHours).toBe(30);
    expect(f.dims.outcome).toBe('accepted');
    expect(f.dims.serviceCategory).toBe('unknown');
  });

  it('one named person referred three times counts once as a person', () => {
    const facts = [1, 2, 3].map((n) =>
      referralFact(
        sent({ id: `7d0c6f2e-3a51-4b8e-9c1d-2f4e6a8b0c2${n}`, caseCode: `BKO-2026-000${n}` }),
        undefined,
        'ML',
      )!,
    );
    expect(crossTab(facts, query()).cells).toEqual([[3]]);
    expect(crossTab(facts, query({ measure: 'persons' })).cells).toEqual([[1]]);
  });
});

describe('crossTab', () => {
  const facts = generateFacts(3000, 7);

  it('adds up to the referrals of the period and area, whatever the breakdown', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DIMENSION_IDS),
        fc.option(fc.constantFrom(...DIMENSION_IDS), { nil: null }),
        fc.constantFrom<StatQuery['area']>(
          { kind: 'country' },
          { kind: 'region', code: 'ML-4' },
          { kind: 'office', code: 'SEG' },
        ),
        (rows, cols, area) => {
          const t = crossTab(facts, query({ rows, cols, area }));
          expect(sum(t.cells)).toBe(select(facts, YEAR, area).length);
          expect(t.records).toBe(sum(t.cells));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts each person once, at their first referral, so persons tables add up', () => {
    const t = crossTab(facts, query({ measure: 'persons', rows: 'urgency', cols: 'outcome' }));
    const persons = new Set(facts.map((f) => f.personKey)).size;
    expect(sum(t.cells)).toBe(persons);
    expect(persons).toBeLessThan(facts.length);
  });

  it('keeps to the period: a quarter holds a quarter of the year, roughly', () => {
    const q1 = crossTab(facts, query({ period: { kind: 'quarter', year: 2026, quarter: 1 } }));
    expect(sum(q1.cells)).toBeGreaterThan(600);
    expect(sum(q1.cells)).toBeLessThan(900);
    expect(sum(crossTab(facts, query({ period: { kind: 'year', year: 2025 } })).cells)).toBe(0);
  });

  it('orders values as the dimension declares them', () => {
    const t = crossTab(facts, query({ rows: 'urgency' }));
    expect(t.rowKeys).toEqual(['24h', '72h', '2w']);
    expect(t.colKeys).toEqual(['']);
  });

  it('a shown table never holds a figure under the threshold, nor its records', () => {
    const few = facts.slice(0, 40);
    const counts = crossTab(few, query({ rows: 'nationality', cols: 'gender' }));
    const t = statTable(counts, query({ rows: 'nationality', cols: 'gender' }), 11);
    for (const s of t.shown.flat())
      if (typeof s === 'number') expect(s === 0 || s >= 11).toBe(true);
    expect(t.shown.flat()).toContain('small');
    expect(t.records).toBe(t.shown.at(-1)!.at(-1));
  });
});

describe('response delays', () => {
  it('median and 90th percentile per urgency, against its deadline, hidden below k', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    const mk = (h: number, urgency: string): StatFact => ({
      ...generateFacts(1)[0]!,
      delayHours: h,
      dims: { ...generateFacts(1)[0]!.dims, urgency },
    });
    const facts = [
      ...Array.from({ length: 20 }, (_, i) => mk(i * 5, '24h')),
      ...Array.from({ length: 4 }, () => mk(10, '72h')),
    ];
    const rows = responseDelays(facts);
    const h24 = rows.find((r) => r.urgency === '24h')!;
    expect(h24).toMatchObject({ answered: 20, medianHours: 45, p90Hours: 85, withinDeadline: 5 });
    const shown = shownDelays(rows, 11);
    expect(shown.find((r) => r.urgency === '24h')!.withinShare).toBe(0.25);
    expect(shown.find((r) => r.urgency === '72h')).toMatchObject({
      answered: 'small',
      medianHours: null,
      p90Hours: null,
    });
    expect(shown.find((r) => r.urgency === '2w')!.answered).toBe(0);
  });
});

describe('beds', () => {
  const S = '7d0c6f2e-3a51-4b8e-9c1d-2f4e6a8b0c13';
  const ev = (at: string, e: Record<string, unknown>) =>
    ({
      id: crypto.randomUUID(),
      office: 'SEG',
      createdAt: at,
      updatedAt: at,
      serviceId: S,
      at,
      who: 'Awa',
      deletedAt: null,
      ...e,
    }) as CapacityEvent;

  it('counts days full and stale shelter-days per region', () => {
    const events = [
      ev('2026-03-01T08:00:00.000Z', { type: 'baseline', population: 'women', value: 4 }),
      ev('2026-03-01T08:00:00.000Z', { type: 'admission', population: 'women', count: 4 }),
      ev('2026-03-03T08:00:00.000Z', { type: 'discharge', population: 'women', count: 1 }),
    ];
    const [seg] = bedStatistics(
      events,
      [{ serviceId: S, region: 'ML-4' }],
      { from: '2026-03-01', to: '2026-03-06' },
      { staleAfterHours: 48 },
    );
    expect(seg!.days.map((d) => d.occupied)).toEqual([4, 4, 3, 3, 3, 3]);
    expect(seg!.daysFull).toBe(2);
    // Stale at the end of 5 and 6 March: the last figures (3 March, 08:00) are over 48 h old.
    expect(seg!.staleShare).toBeCloseTo(2 / 6);
    const men = bedStatistics(
      events,
      [{ serviceId: S, region: 'ML-4' }],
      {
        from: '2026-03-01',
        to: '2026-03-02',
      },
      { staleAfterHours: 48, population: 'men' },
    );
    expect(men[0]!.days.map((d) => d.inService)).toEqual([0, 0]);
  });
});
