import { describe, expect, it } from 'vitest';
import { koboCsv, koboRows, koboXlsx } from '../../../tests/fixtures/koboExport';
import { readWorkbook } from '../../../tests/fixtures/readWorkbook';
import { readFlat } from './importFile';
import { GENDERS } from '../referrals/schema';
import type { SurveyChoices } from './survey';
import {
  ageBandOf,
  isSurveyHeader,
  multiValues,
  planSurvey,
  questionName,
  SURVEY_CHOICES_MAX,
  surveyChoicesSchema,
} from './survey';

const ctx = { office: 'BKO', now: '2026-11-23T10:00:00.000Z', newId: () => crypto.randomUUID() };
const plan = async (
  name: string,
  bytes: Uint8Array,
  format: 'csv' | 'xlsx',
  choices?: SurveyChoices,
) => {
  const t = await readFlat({ name, bytes }, format, { encoding: 'auto' }, readWorkbook);
  expect(isSurveyHeader(t.header)).toBe(true);
  return planSurvey(t.header, t.rows, { ...ctx, ...(choices ? { choices } : {}) });
};

describe('KoBo / ODK exports of the HTCDS form', () => {
  it('reads group-prefixed names, KoBo and ODK alike', () => {
    expect(questionName('group_victim/vic_TypeOfExploitation')).toBe('vic_TypeOfExploitation');
    expect(questionName('group_victim-vic_TypeOfExploitation')).toBe('vic_TypeOfExploitation');
    expect(questionName('meta/instanceID')).toBe('instanceID');
    expect(isSurveyHeader(['Nom', 'Région', 'Téléphone'])).toBe(false);
  });

  it('CSV: every submission becomes case fields, multi-select answers split, no identifying answer kept', async () => {
    const rows = koboRows(12);
    const p = await plan('kobo.csv', koboCsv(rows), 'csv');
    expect(p.cases).toHaveLength(12);
    expect(p.rejectedRows).toEqual([]);
    const second = p.cases[1]!.caseDetails;
    expect(second.exploitationTypes).toEqual(['SexualExploitation', 'ForcedLabour']);
    expect(second.gender).toBe('Masculine');
    expect(second.citizenship).toEqual(['BF']);
    expect(second.traffickingStatus).toBe('ActualVictimOfTrafficking');
    // Born 1991-02-15, submitted 2026-10-02: 35 years old.
    expect(second.ageBand).toBe('30-38');
    expect(second.notes).toContain('Ségou');
    const stored = JSON.stringify(p.cases);
    for (const r of rows) {
      expect(stored).not.toContain(r.firstName);
      expect(stored).not.toContain(r.mobile);
      expect(stored).not.toContain(r.birthdate);
    }
    expect(p.personal.map(questionName)).toEqual([
      'prs_First_Name',
      'prs_Second_Name',
      'prs_MobilePhone',
      'prs_Birthdate',
    ]);
    expect(p.ignored).toEqual(['group_victim/vic_MethodOfRecruitment']);
    // A "yes" to consent is reported for the coordinator to record, never taken as consent.
    expect(p.issues.filter((i) => i.code === 'importSurvey.issue.consent')).toHaveLength(4);
  });

  it('XLSX and the ODK separator give the same cases as the CSV', async () => {
    const rows = koboRows(7);
    const csv = await plan('kobo.csv', koboCsv(rows), 'csv');
    const odk = await plan('odk.csv', koboCsv(rows, '-'), 'csv');
    const xlsx = await plan('kobo.xlsx', koboXlsx(rows), 'xlsx');
    expect(odk.cases).toEqual(csv.cases);
    expect(xlsx.cases).toEqual(csv.cases);
  });

  it('the same export twice gives the same ids (an update, not new drafts); another office other ids', async () => {
    const bytes = koboCsv(koboRows(5));
    const a = await plan('a.csv', bytes, 'csv');
    const b = await plan('b.csv', bytes, 'csv');
    expect(b.cases.map((c) => c.id)).toEqual(a.cases.map((c) => c.id));
    const t = await readFlat({ name: 'a.csv', bytes }, 'csv', { encoding: 'auto' }, readWorkbook);
    const other = planSurvey(t.header, t.rows, { ...ctx, office: 'MPT' });
    expect(other.cases[0]!.id).not.toBe(a.cases[0]!.id);
  });

  it('labels in the user language match; unknown values refuse the row naming what is accepted', async () => {
    expect(multiValues('exploitationTypes', 'Travail forcé; Mendicité forcée').codes).toEqual([
      'ForcedLabour',
      'ForcedBegging',
    ]);
    expect(multiValues('exploitationTypes', 'Forced labour').codes).toEqual(['ForcedLabour']);
    const rows = koboRows(3);
    rows[1]!.exploitation = 'ForcedLabour Piracy';
    rows[2]!.gender = 'Martian';
    rows[2]!.citizenship = 'XX';
    const p = await plan('bad.csv', koboCsv(rows), 'csv');
    expect(p.rejectedRows).toEqual([3, 4]);
    const bad = p.issues.filter((i) => i.severity === 'error');
    expect(bad.map((i) => [i.row, i.column, i.value])).toEqual([
      [3, 'group_victim/vic_TypeOfExploitation', 'Piracy'],
      [4, 'group_person/prs_Gender', 'Martian'],
      [4, 'group_person/prs_Citizenship', 'XX'],
    ]);
    expect(bad[0]!.allowed).toContain('ForcedLabour');
    expect(p.cases.map((c) => c.row)).toEqual([2]);
  });

  it('a label the form does not name stays one answer: only select_multiple answers are cut', async () => {
    // Names (the export's default) are cut at every space: a choice name has none.
    expect(multiValues('exploitationTypes', 'sexual_exploitation forced_labour')).toEqual({
      codes: ['SexualExploitation', 'ForcedLabour'],
      unknown: [],
    });
    expect(multiValues('exploitationTypes', 'ForcedLabour garimpo Pirataria').unknown).toEqual([
      'garimpo',
      'Pirataria',
    ]);
    // A label nothing names, with a space in it, is one answer, not two words.
    expect(multiValues('exploitationTypes', 'Travail domestique')).toEqual({
      codes: [],
      unknown: ['Travail domestique'],
    });
    // Labels one after the other (an export with labels) are each found, the rest kept whole.
    expect(multiValues('exploitationTypes', 'Exploitation sexuelle Travail forcé')).toEqual({
      codes: ['SexualExploitation', 'ForcedLabour'],
      unknown: [],
    });
    expect(multiValues('exploitationTypes', 'Servitude Travail domestique')).toEqual({
      codes: ['Servitude'],
      unknown: ['Travail domestique'],
    });
    expect(multiValues('exploitationTypes', 'Travail domestique; Mendicité forcée')).toEqual({
      codes: ['ForcedBegging'],
      unknown: ['Travail domestique'],
    });
    // Chosen once for the whole label, it is found whole, alone or beside another value.
    const choices = { exploitationTypes: { 'travail domestique': ['Servitude', 'ForcedLabour'] } };
    expect(multiValues('exploitationTypes', 'Travail domestique', choices).codes).toEqual([
      'Servitude',
      'ForcedLabour',
    ]);
    expect(
      multiValues('exploitationTypes', 'Exploitation sexuelle Travail domestique', choices),
    ).toEqual({ codes: ['SexualExploitation', 'Servitude', 'ForcedLabour'], unknown: [] });

    const rows = koboRows(4);
    rows[0]!.exploitation = 'Travail domestique';
    rows[1]!.exploitation = 'travail  domestique';
    // A select_one question is never cut: its label is one answer, refused as written.
    rows[2]!.gender = 'Femme enceinte';
    rows[3]!.citizenship = 'Burkina Faso';
    const p = await plan('labels.csv', koboCsv(rows), 'csv');
    expect(p.unmatched).toEqual([
      { field: 'exploitationTypes', value: 'Travail domestique', rows: 2 },
      { field: 'gender', value: 'Femme enceinte', rows: 1 },
    ]);
    expect(p.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.value])).toEqual([
      [2, 'Travail domestique'],
      [3, 'travail domestique'],
      [4, 'Femme enceinte'],
      [5, 'Burkina Faso'],
    ]);
    const chosenPlan = await plan('labels.csv', koboCsv(rows.slice(0, 2)), 'csv', choices);
    expect(chosenPlan.cases.map((c) => c.caseDetails.exploitationTypes)).toEqual([
      ['Servitude', 'ForcedLabour'],
      ['Servitude', 'ForcedLabour'],
    ]);
  });

  it('age bands from the birth date at submission', () => {
    expect(ageBandOf('2010-06-01', '2026-05-31')).toBe('9-17');
    expect(ageBandOf('2008-06-01', '2026-06-01')).toBe('18-20');
    expect(ageBandOf('1970-01-01', '2026-01-01')).toBe('48+');
    expect(ageBandOf('', '2026-01-01')).toBe('unknown');
  });
});

describe('answers nothing names, and the choices made for them', () => {
  /** Six rows: local words for an exploitation type and a gender, on several rows each. */
  const file = () => {
    const rows = koboRows(6);
    rows[0]!.exploitation = 'Garimpo';
    rows[1]!.exploitation = 'ForcedLabour garimpo Pirataria';
    rows[2]!.exploitation = 'GARIMPO Garimpo';
    rows[3]!.gender = 'Mulher';
    rows[4]!.status = 'Vítima';
    return koboCsv(rows);
  };

  it('lists each unmatched answer once per list with its rows, most rows first', async () => {
    const p = await plan('local.csv', file(), 'csv');
    expect(p.unmatched).toEqual([
      { field: 'exploitationTypes', value: 'Garimpo', rows: 3 },
      { field: 'exploitationTypes', value: 'Pirataria', rows: 1 },
      { field: 'gender', value: 'Mulher', rows: 1 },
      { field: 'traffickingStatus', value: 'Vítima', rows: 1 },
    ]);
    expect(p.rejectedRows).toEqual([2, 3, 4, 5, 6]);
    const refused = p.issues.find((i) => i.row === 5)!;
    expect(refused.value).toBe('Mulher');
    expect(refused.allowed).toEqual([...GENDERS]);
    // The layout is the header's: another export of the same form has the same signature.
    expect((await plan('other.csv', koboCsv(koboRows(2)), 'csv')).signature).toBe(p.signature);
  });

  it('a choice maps a single answer and a multi-select word; the rows are then accepted', async () => {
    const choices = surveyChoicesSchema.parse({
      exploitationTypes: { garimpo: ['ForcedLabour'], pirataria: ['Other', 'Servitude'] },
      gender: { mulher: ['Feminine'] },
      traffickingStatus: { vitima: ['ActualVictimOfTrafficking'] },
    });
    const p = await plan('local.csv', file(), 'csv', choices);
    expect(p.rejectedRows).toEqual([]);
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const byRow = new Map(p.cases.map((c) => [c.row, c.caseDetails]));
    expect(byRow.get(2)!.exploitationTypes).toEqual(['ForcedLabour']);
    expect(byRow.get(3)!.exploitationTypes).toEqual(['ForcedLabour', 'Other', 'Servitude']);
    expect(byRow.get(4)!.exploitationTypes).toEqual(['ForcedLabour']);
    expect(byRow.get(5)!.gender).toBe('Feminine');
    expect(byRow.get(6)!.traffickingStatus).toBe('ActualVictimOfTrafficking');
    // Still listed, so the screen shows the choice made and the user may change it.
    expect(p.unmatched.map((u) => u.value)).toEqual(['Garimpo', 'Pirataria', 'Mulher', 'Vítima']);
    expect(multiValues('exploitationTypes', 'ChildLabour Garimpo', choices).codes).toEqual([
      'ChildLabour',
      'ForcedLabour',
    ]);
  });

  it('a choice for some answers leaves the others refused', async () => {
    const p = await plan('local.csv', file(), 'csv', {
      exploitationTypes: { garimpo: ['ForcedLabour'] },
    });
    expect(p.rejectedRows).toEqual([3, 5, 6]);
    expect(p.issues.find((i) => i.row === 3)!.value).toBe('Pirataria');
  });

  it('a choice never overrides an answer the form itself names', async () => {
    const rows = koboRows(2);
    rows[0]!.exploitation = 'ForcedLabour';
    rows[0]!.gender = 'Masculine';
    const p = await plan('named.csv', koboCsv(rows), 'csv', {
      exploitationTypes: { forcedlabour: ['SexualExploitation'], 'forced labour': ['Other'] },
      gender: { masculine: ['Feminine'] },
    });
    expect(p.cases[0]!.caseDetails.exploitationTypes).toEqual(['ForcedLabour']);
    expect(p.cases[0]!.caseDetails.gender).toBe('Masculine');
    expect(
      multiValues('exploitationTypes', 'Forced labour', {
        exploitationTypes: { 'forced labour': ['Other'] },
      }).codes,
    ).toEqual(['ForcedLabour']);
    expect(p.unmatched).toEqual([]);
  });

  it('crafted choices are refused: unknown list, foreign code, prototype keys, too many', () => {
    const ok = (v: unknown) => surveyChoicesSchema.safeParse(v).success;
    expect(ok({ exploitationTypes: { garimpo: ['ForcedLabour'] } })).toBe(true);
    expect(ok({ category: { garimpo: ['shelter'] } })).toBe(false);
    expect(ok({ exploitationTypes: { garimpo: ['Piracy'] } })).toBe(false);
    expect(ok({ exploitationTypes: { garimpo: ['Feminine'] } })).toBe(false);
    expect(ok({ gender: { mulher: ['Feminine', 'Masculine'] } })).toBe(false);
    expect(ok({ exploitationTypes: { garimpo: ['ForcedLabour', 'ForcedLabour'] } })).toBe(false);
    expect(ok({ exploitationTypes: { garimpo: [] } })).toBe(false);
    expect(ok({ exploitationTypes: { garimpo: 'ForcedLabour' } })).toBe(false);
    expect(ok({ exploitationTypes: { Garimpo: ['ForcedLabour'] } })).toBe(false);
    expect(ok({ exploitationTypes: { garimpo: [1] } })).toBe(false);
    expect(ok(JSON.parse('{"gender":{"__proto__":["Masculine"]}}'))).toBe(false);
    expect(ok(JSON.parse('{"__proto__":{"polluted":["x"]}}'))).toBe(false);
    expect(ok(JSON.parse('{"gender":{"constructor":{"prototype":["x"]}}}'))).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const many = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i}`, ['Other']]));
    expect(ok({ exploitationTypes: many(SURVEY_CHOICES_MAX) })).toBe(true);
    expect(ok({ exploitationTypes: many(SURVEY_CHOICES_MAX + 1) })).toBe(false);
    expect(ok({ exploitationTypes: { ['x'.repeat(201)]: ['Other'] } })).toBe(false);
    expect(ok(null)).toBe(false);
    expect(ok([])).toBe(false);
  });
});
