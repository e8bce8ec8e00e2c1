import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXPLOITATION_TYPES, URGENCIES, referralDraftSchema } from '../referrals/schema';
import { assess, foundByGroup, personPopulation, referralDraftFrom, suggest } from './assess';
import type { Found } from './core';
import { SCREENING_URGENCIES } from './core';
import type { ScreeningInputDraft, ScreeningSet } from './schema';
import { HTCDS_VALUES, screeningInputSchema, screeningSetSchema } from './schema';
import { screeningCounts } from './statistics';

const json = (p: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(p, import.meta.url)), 'utf8'));
const raw = json('../../../resources/screening/default.json') as unknown;
const set: ScreeningSet = screeningSetSchema.parse(raw);
const input = (d: Partial<ScreeningInputDraft> = {}) =>
  screeningInputSchema.parse({ setVersion: set.version, ...d });
const yes = (...ids: string[]) => Object.fromEntries(ids.map((i) => [i, 'yes' as const]));

/** HTCDS 2.0's value names for a field, read from the standard's CSV beside the repository. */
const htcdsCsv = readFileSync(
  fileURLToPath(new URL('../../../../shared/htcds/field-standards-2.0.csv', import.meta.url)),
  'utf8',
);
const valueNames = (field: string): string[] => {
  const at = htcdsCsv.indexOf(`,${field},`);
  const start = htcdsCsv.indexOf('"', at) + 1;
  return htcdsCsv
    .slice(start, htcdsCsv.indexOf('"', start))
    .split('\n')
    .map((v) => v.trim())
    .filter(Boolean);
};

describe('the default indicator set (resources/screening/default.json)', () => {
  it('parses, in the four interface languages, with indicators in every group', () => {
    for (const i of set.indicators)
      for (const l of ['fr', 'en', 'pt', 'ar'] as const)
        expect(i.question[l].length).toBeGreaterThan(5);
    expect(new Set(set.indicators.map((i) => i.group)).size).toBe(4);
    expect(set.needs.map((n) => n.id)).toEqual(
      expect.arrayContaining([
        'safety',
        'medical',
        'shelter_tonight',
        'interpreter',
        'child_protection',
      ]),
    );
  });

  it('uses HTCDS 2.0 value names, as the standard spells them', () => {
    for (const field of Object.keys(HTCDS_VALUES) as (keyof typeof HTCDS_VALUES)[])
      expect([...HTCDS_VALUES[field]], field).toEqual(valueNames(field));
    expect([...HTCDS_VALUES.vic_TypeOfExploitation]).toEqual([...EXPLOITATION_TYPES]);
    expect([...SCREENING_URGENCIES]).toEqual([...URGENCIES]);
  });

  it('refuses a crafted set: unknown HTCDS value, duplicate id, missing language, two child needs', () => {
    const bad = (mutate: (s: Record<string, unknown> & ScreeningSet) => void) => {
      const copy = structuredClone(raw) as Record<string, unknown> & ScreeningSet;
      mutate(copy);
      return screeningSetSchema.safeParse(copy).success;
    };
    expect(bad(() => undefined)).toBe(true);
    expect(
      bad((s) => (s.indicators[0]!.htcds = { field: 'vic_MethodsOfControl', value: 'Magic' })),
    ).toBe(false);
    expect(bad((s) => (s.indicators[1]!.id = s.indicators[0]!.id))).toBe(false);
    expect(
      bad((s) => delete (s.indicators[0]!.question as Partial<Record<string, string>>).ar),
    ).toBe(false);
    expect(bad((s) => (s.needs[1]!.childProtection = true))).toBe(false);
    expect(bad((s) => (s.indicators[0]!.id = '<img src=x>'))).toBe(false);
  });
});

describe('the suggestion rule', () => {
  const f = (group: Found['group'], strength: Found['strength']): Found => ({
    id: `${group}-${strength}`,
    group,
    strength,
    htcds: null,
    label: { fr: 'x', en: 'x', pt: 'x', ar: 'x' },
  });
  const rules = [{ minGroups: 2, minStrength: 'strong' as const }];

  it('strong indicators in two groups → possible victim; in one group only → further assessment', () => {
    expect(suggest([f('exploitation', 'strong'), f('coercion', 'strong')], rules)).toBe(
      'PossibleVictimOfTrafficking',
    );
    expect(suggest([f('exploitation', 'strong'), f('exploitation', 'strong')], rules)).toBe(
      'furtherAssessment',
    );
    expect(suggest([f('exploitation', 'strong'), f('coercion', 'medium')], rules)).toBe(
      'furtherAssessment',
    );
    expect(suggest([], rules)).toBe('noIndicators');
  });

  it('"at least medium" counts strong indicators too; any rule met suggests', () => {
    const medium3 = [{ minGroups: 3, minStrength: 'medium' as const }];
    const three = [
      f('recruitment', 'strong'),
      f('exploitation', 'medium'),
      f('coercion', 'medium'),
    ];
    expect(suggest(three, medium3)).toBe('PossibleVictimOfTrafficking');
    expect(suggest([f('recruitment', 'weak'), ...three.slice(1)], medium3)).toBe(
      'furtherAssessment',
    );
    expect(suggest(three, [...rules, ...medium3])).toBe('PossibleVictimOfTrafficking');
  });

  it('assesses the default set: forced labour + documents kept → possible victim, HTCDS filled', () => {
    const a = assess(
      set,
      input({ answers: { ...yes('forced-work', 'documents-kept'), threats: 'no' } }),
    );
    expect(a.suggestion).toBe('PossibleVictimOfTrafficking');
    expect(a.found.map((x) => x.id)).toEqual(['forced-work', 'documents-kept']);
    expect(a.htcds).toEqual({
      vic_MethodsOfControl: ['WithholdsDocuments'],
      vic_TypeOfExploitation: ['ForcedLabour'],
    });
    expect(foundByGroup(a.found).map(([g]) => g)).toEqual(['exploitation', 'coercion']);
    // Skipped and "no" answers find nothing.
    expect(assess(set, input({ answers: { 'forced-work': 'no' } })).suggestion).toBe(
      'noIndicators',
    );
  });
});

describe('child protection, needs and urgency', () => {
  it('flags a minor for child protection first, whatever else is recorded', () => {
    const a = assess(set, input({ minor: 'yes', needs: ['medical', 'child_protection'] }));
    expect(a.childProtection).toBe(true);
    expect(a.needs).toEqual(['child_protection', 'medical']);
    expect(a.urgency).toBe('24h');
    expect(a.suggestion).toBe('noIndicators');
    expect(assess(set, input({ ageBand: '9-17' })).needs[0]).toBe('child_protection');
    expect(assess(set, input({ minor: 'unknown' })).childProtection).toBe(false);
  });

  it('takes the most urgent need, or the worker’s own urgency', () => {
    expect(assess(set, input({ needs: ['interpreter'] })).urgency).toBe('72h');
    expect(assess(set, input({ needs: ['interpreter', 'shelter_tonight'] })).urgency).toBe('24h');
    expect(assess(set, input({ needs: ['shelter_tonight'], urgency: '2w' })).urgency).toBe('2w');
    expect(assess(set, input()).urgency).toBe('2w');
    expect(assess(set, input({ needs: ['no-such-need'] })).needs).toEqual([]);
  });

  it('finds whose beds the person needs', () => {
    expect(personPopulation(input({ minor: 'yes', gender: 'Feminine' }))).toBe('girls');
    expect(personPopulation(input({ ageBand: '9-17', gender: 'Masculine' }))).toBe('boys');
    expect(personPopulation(input({ minor: 'no', gender: 'Feminine' }))).toBe('women');
    expect(personPopulation(input({ ageBand: '30-38', gender: 'Masculine' }))).toBe('men');
    expect(personPopulation(input({ gender: 'Feminine' }))).toBeNull();
    expect(personPopulation(input({ minor: 'yes' }))).toBeNull();
  });
});

describe('the referral a screening becomes', () => {
  it('fills the HTCDS case fields and carries the assessment, and passes the referral schema', () => {
    const i = input({
      answers: yes('forced-work', 'documents-kept'),
      minor: 'yes',
      ageBand: '9-17',
      gender: 'Feminine',
      languages: ['bm'],
      needs: ['shelter_tonight', 'safety'],
    });
    const a = assess(set, i);
    const needs = set.needs.filter((n) => a.needs.includes(n.id));
    const draft = referralDraftSchema.parse(
      referralDraftFrom(a, i, needs, '11111111-1111-4111-8111-111111111111', 'fr'),
    );
    expect(draft.caseDetails).toMatchObject({
      traffickingStatus: 'PossibleVictimOfTrafficking',
      exploitationTypes: ['ForcedLabour'],
      gender: 'Feminine',
      ageBand: '9-17',
      languages: ['bm'],
      needs: ['psychosocial', 'other', 'shelter'],
      needsOther: 'Sécurité immédiate',
    });
    expect(draft.caseDetails.screening?.childProtection).toBe(true);
    expect(draft.urgency).toBe('24h');
  });
});

describe('screeningCounts', () => {
  it('counts screenings, referrals, groups (once per screening), suggestions and children', () => {
    const rec = (
      answers: Record<string, 'yes'>,
      referralIds: string[],
      createdAt: string,
      minor = false,
    ) => ({
      referralIds,
      createdAt,
      content: { assessment: assess(set, input({ answers, minor: minor ? 'yes' : 'no' })) },
    });
    const records = [
      rec(
        yes('forced-work', 'no-pay', 'documents-kept'),
        ['11111111-1111-4111-8111-111111111111'],
        '2026-03-01T10:00:00Z',
        true,
      ),
      rec(yes('false-promises'), [], '2026-03-02T10:00:00Z'),
      rec({}, [], '2026-04-01T10:00:00Z'),
    ];
    const c = screeningCounts(records);
    expect(c).toEqual({
      screenings: 3,
      referred: 1,
      byGroup: { recruitment: 1, exploitation: 1, coercion: 1, vulnerability: 0 },
      bySuggestion: { PossibleVictimOfTrafficking: 1, furtherAssessment: 1, noIndicators: 1 },
      childProtection: 1,
    });
    expect(
      screeningCounts(records, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' })
        .screenings,
    ).toBe(2);
  });
});
