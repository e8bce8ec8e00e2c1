/**
 * Every action the repositories write to the audit trail has words in the catalogues: the
 * literal codes in the data layer's source, and the ones made from a type (capacity events,
 * referral transitions, letter files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '@shared/domain/referrals/machine';
import { catalogues } from '@shared/i18n/catalogues';
import { AUDIT_ACTION_CODES } from '@shared/i18n/messages/auditLabels';

const dataDir = fileURLToPath(new URL('../../data', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.includes('Fixture')
        ? [readFileSync(join(dir, e.name), 'utf8')]
        : [],
  );

describe('audit labels', () => {
  it('name every action code written by the data layer', () => {
    const text = sources(dataDir).join('\n');
    const literal = [
      ...text.matchAll(/action: '([a-z]+\.[a-zA-Z_]+)'/g),
      ...text.matchAll(/'((?:session|user)\.[a-zA-Z]+)'/g),
      ...text.matchAll(/const action = '([a-z]+\.[a-zA-Z_]+)'/g),
    ].map((m) => m[1]!);
    const made = [
      ...[
        'admission',
        'discharge',
        'baseline',
        'out_of_service',
        'waitlist',
        'status',
        'note',
        'confirm',
      ].map((type) => `capacity.${type}`),
      ...ACTIONS.map((a) => `referral.${a}`),
      'letter.pdf',
      'letter.docx',
      'letter.print',
    ];
    const known = new Set<string>(AUDIT_ACTION_CODES);
    expect(literal.length).toBeGreaterThan(20);
    expect([...new Set([...literal, ...made])].filter((code) => !known.has(code))).toEqual([]);
  });

  it('are words in every language, not codes', () => {
    for (const code of AUDIT_ACTION_CODES)
      for (const locale of Object.keys(catalogues) as (keyof typeof catalogues)[])
        expect(catalogues[locale][`auditLabel.action.${code}`]).not.toContain(code);
  });
});
