import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES_3166 } from '../referrals/countries';
import { fixtureReferral } from '../referrals/fixtures';
import {
  AGE_BANDS,
  EXPLOITATION_TYPES,
  GENDERS,
  TRAFFICKING_STATUSES,
  type Referral,
} from '../referrals/schema';
import {
  HTCDS_COLUMNS,
  HTCDS_EXTENSIONS,
  HTCDS_FIELDS,
  MULTI_SEPARATOR,
  anonymise,
  htcdsRow,
  htcdsTable,
  quasiIdentifier,
} from './htcds';

/** The standard's own field list, read where the project keeps it (never copied in). */
const standard = Papa.parse<string[]>(
  readFileSync(
    fileURLToPath(new URL('../../../../shared/htcds/field-standards-2.0.csv', import.meta.url)),
    'utf8',
  ),
).data;
const fieldRow = (name: string) => standard.find((r) => r[6] === name);
const valueNames = (row: string[]) =>
  row[9]!
    .split('\n')
    .map((v) => v.trim())
    .filter(Boolean);

const ORG = '7d0c6f2e-3a51-4b8e-9c1d-2f4e6a8b0c11';
const referralArb = fc
  .record({
    status: fc.constantFrom(...TRAFFICKING_STATUSES),
    types: fc.subarray([...EXPLOITATION_TYPES], { maxLength: 3 }),
    gender: fc.constantFrom(...GENDERS),
    band: fc.constantFrom(...AGE_BANDS),
    citizenship: fc.subarray(['ML', 'NG', 'BF', 'CI'], { maxLength: 2 }),
    state: fc.constantFrom('sent', 'accepted', 'declined', 'completed', 'withdrawn'),
    day: fc.integer({ min: 0, max: 364 }),
  })
  .map((x): Referral =>
    fixtureReferral({
      state: x.state as Referral['state'],
      sentAt: new Date(Date.UTC(2026, 0, 1) + x.day * 86_400_000).toISOString(),
      caseDetails: {
        ...fixtureReferral().caseDetails,
        traffickingStatus: x.status,
        exploitationTypes: x.types,
        gender: x.gender,
        ageBand: x.band,
        citizenship: x.citizenship,
      },
    }),
  );

describe('HTCDS export', () => {
  it('every column is an HTCDS 2.0 field name or a declared x_ extension', () => {
    for (const f of HTCDS_FIELDS) expect(fieldRow(f), f).toBeDefined();
    for (const x of Object.keys(HTCDS_EXTENSIONS)) {
      expect(x.startsWith('x_')).toBe(true);
      expect(standard.some((r) => r[4] === x.slice(2) || r[6] === x)).toBe(false);
    }
    expect(HTCDS_COLUMNS).toEqual([...HTCDS_FIELDS, ...Object.keys(HTCDS_EXTENSIONS)]);
  });

  it('every value is one of the standard’s value names, and nothing identifies the person', () => {
    fc.assert(
      fc.property(
        fc.array(referralArb, { maxLength: 60 }),
        fc.integer({ min: 5, max: 11 }),
        (rs, k) => {
          const table = htcdsTable(
            anonymise(
              rs.map((r) => htcdsRow(r, { organizationId: ORG, region: 'ML-4' })),
              k,
            ),
          );
          const [header, ...rows] = table;
          expect(header).toEqual(HTCDS_COLUMNS);
          for (const row of rows)
            header!.forEach((col, i) => {
              const v = row[i]!;
              const def = fieldRow(col);
              if (col === 'cas_OutgoingReferralDate') expect(v).toMatch(/^\d{4}-\d{2}$/);
              else if (col === 'prs_Citizenship') {
                expect(valueNames(def!).join(' ')).toMatch(/ISO 3166/);
                for (const c of v.split(MULTI_SEPARATOR).filter(Boolean))
                  expect(COUNTRY_CODES_3166).toContain(c);
              } else if (def && /Picklist/.test(def[7]!)) {
                const allowed = valueNames(def);
                const values = /Multiselect/.test(def[7]!) ? v.split(MULTI_SEPARATOR) : [v];
                for (const x of values.filter(Boolean)) expect(allowed, `${col}=${x}`).toContain(x);
                if (!/Multiselect/.test(def[7]!)) expect(v).not.toBe('');
              } else if (def?.[7] === 'Checkbox') expect(['TRUE', 'FALSE']).toContain(v);
              else if (col === 'x_AgeBand') expect(HTCDS_EXTENSIONS.x_AgeBand).toContain(v);
            });
          const text = JSON.stringify(table);
          for (const secret of ['Blessing', 'Okafor', 'Note interne', 'Arrivée', 'BKO-2026-0007'])
            expect(text).not.toContain(secret);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('every combination of quasi-identifiers left in the file occurs at least k times', () => {
    fc.assert(
      fc.property(
        fc.array(referralArb, { maxLength: 120 }),
        fc.integer({ min: 5, max: 11 }),
        (rs, k) => {
          const rows = rs.map((r, i) =>
            htcdsRow(r, { organizationId: ORG, region: i % 3 === 0 ? 'ML-4' : 'ML-BKO' }),
          );
          const e = anonymise(rows, k);
          const counts = new Map<string, number>();
          for (const row of e.rows)
            counts.set(quasiIdentifier(row), (counts.get(quasiIdentifier(row)) ?? 0) + 1);
          expect([...counts.values()].every((n) => n >= k)).toBe(true);
          expect(e.rows.length + e.withheld).toBe(rows.length);
          expect(e.generalised).toBeLessThanOrEqual(e.rows.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('generalises a rare age band to minor/adult before withholding anything', () => {
    const base = fixtureReferral({ state: 'sent', sentAt: '2026-03-02T10:00:00.000Z' });
    const withBand = (band: (typeof AGE_BANDS)[number]) =>
      htcdsRow(
        { ...base, caseDetails: { ...base.caseDetails, ageBand: band } },
        { organizationId: ORG, region: 'ML-4' },
      );
    const rows = [...Array(6).fill(withBand('18-20')), ...Array(5).fill(withBand('21-23'))];
    const e = anonymise(rows, 11);
    expect(e).toMatchObject({ k: 11, generalised: 11, withheld: 0 });
    expect(new Set(e.rows.map((r) => r.x_AgeBand))).toEqual(new Set(['adult']));
    expect(anonymise(rows.slice(0, 4), 11)).toMatchObject({ rows: [], withheld: 4 });
  });
});
