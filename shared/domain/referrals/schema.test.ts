import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES_3166 } from './countries';
import {
  EXPLOITATION_TYPES,
  GENDERS,
  REFERRAL_REASONS,
  TRAFFICKING_STATUSES,
  consentSchema,
  referralSchema,
} from './schema';
import { fixtureReferral } from './fixtures';

/** The standard's own field list, read where the project keeps it (never copied in). */
const csv = readFileSync(
  fileURLToPath(new URL('../../../../shared/htcds/field-standards-2.0.csv', import.meta.url)),
  'utf8',
);

/** Minimal CSV reader: quoted fields may hold commas and newlines. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) field += c;
    else if (c === ',' || c === '\n') {
      row.push(field);
      field = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    }
  }
  return rows;
};

const valueNames = (fieldWithPrefix: string): string[] => {
  const row = parseCsv(csv).find((r) => r[6] === fieldWithPrefix);
  if (!row) throw new Error(`${fieldWithPrefix} not in HTCDS`);
  return row[9]!
    .split('\n')
    .map((v) => v.trim())
    .filter(Boolean);
};

describe('HTCDS 2.0 alignment', () => {
  it('uses the standard’s value names for status, exploitation, gender and reason', () => {
    expect([...TRAFFICKING_STATUSES]).toEqual(valueNames('vic_TraffickingStatus'));
    expect([...EXPLOITATION_TYPES]).toEqual(valueNames('vic_TypeOfExploitation'));
    expect([...GENDERS]).toEqual(valueNames('prs_Gender'));
    expect([...REFERRAL_REASONS]).toEqual(valueNames('cas_ReasonForOutgoingReferral'));
  });

  it('citizenship is ISO 3166-1 alpha-2, as prs_Citizenship says', () => {
    expect(valueNames('prs_Citizenship').join(' ')).toMatch(/ISO 3166/);
    expect(COUNTRY_CODES_3166).toHaveLength(249);
    expect(COUNTRY_CODES_3166).toEqual(expect.arrayContaining(['ML', 'NG', 'BF', 'PK', 'SA']));
    expect(() =>
      fixtureReferral({ caseDetails: { ...fixtureReferral().caseDetails, citizenship: ['XX'] } }),
    ).toThrow();
  });
});

describe('referral schema', () => {
  it('parses the fixture and keeps every person-describing field under caseDetails', () => {
    const r = fixtureReferral();
    expect(referralSchema.parse(r)).toEqual(r);
    const top = Object.keys(r);
    for (const k of ['person', 'gender', 'ageBand', 'citizenship', 'languages', 'notes'])
      expect(top).not.toContain(k);
  });

  it('a given consent needs the referral scope, a recipient, a date and a method', () => {
    const bad = consentSchema.safeParse({ given: true, scope: ['recordName'] });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['scope', 'recipient', 'date', 'method']));
    const noRecord = consentSchema.safeParse({
      ...fixtureReferral().consent,
      scope: ['referral', 'shareName'],
    });
    expect(noRecord.error?.issues[0]?.message).toBe('referrals.validation.shareName');
  });

  it('no consent has no scope', () => {
    expect(consentSchema.safeParse({ given: false, scope: ['referral'] }).success).toBe(false);
    expect(consentSchema.parse({}).given).toBe(false);
  });
});
