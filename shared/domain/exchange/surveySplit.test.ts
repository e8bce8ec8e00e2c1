import { describe, expect, it } from 'vitest';
import type { KoboRow, SplitOptions } from '../../../tests/fixtures/koboExport';
import {
  koboCsv,
  koboRows,
  koboSplitCsv,
  koboSplitTable,
  koboSplitXlsx,
} from '../../../tests/fixtures/koboExport';
import { readWorkbook } from '../../../tests/fixtures/readWorkbook';
import { toCsv } from './csv';
import { readFlat } from './importFile';
import { EXPLOITATION_TYPES } from '../referrals/schema';
import type { SurveyChoices } from './survey';
import { isSurveyHeader, planSurvey } from './survey';
import { choiceCell, choiceColumns } from './surveySplit';

const ctx = { office: 'BKO', now: '2026-11-23T10:00:00.000Z', newId: () => crypto.randomUUID() };
const plan = async (bytes: Uint8Array, format: 'csv' | 'xlsx' = 'csv', choices?: SurveyChoices) => {
  const t = await readFlat(
    { name: `kobo.${format}`, bytes },
    format,
    { encoding: 'auto' },
    readWorkbook,
  );
  expect(isSurveyHeader(t.header)).toBe(true);
  return planSurvey(t.header, t.rows, { ...ctx, ...(choices ? { choices } : {}) });
};
const split = (rows: KoboRow[], o: SplitOptions) => plan(koboSplitCsv(rows, o));
/** Cases with their types in the form's order, as the columns per choice give them. */
const inFormOrder = (p: Awaited<ReturnType<typeof plan>>) =>
  p.cases.map((c) => ({
    ...c,
    caseDetails: {
      ...c.caseDetails,
      exploitationTypes: EXPLOITATION_TYPES.filter((e) =>
        c.caseDetails.exploitationTypes.includes(e),
      ),
    },
  }));
const errors = (p: Awaited<ReturnType<typeof plan>>) =>
  p.issues.filter((i) => i.severity === 'error');

describe('a select_multiple exported one column per choice (KoBo, ODK Central)', () => {
  it('finds the columns by the question, KoBo and ODK alike, a label with a "/" kept whole', () => {
    const isExp = (h: string) => /(^|[/-])vic_TypeOfExploitation$/.test(h);
    expect(
      choiceColumns(
        [
          'group_victim/vic_TypeOfExploitation',
          'group_victim/vic_TypeOfExploitation/ForcedLabour',
          'group_victim-vic_TypeOfExploitation/ChildLabour',
          'vic_TypeOfExploitation/Not Specified/Unknown',
          'group_victim/vic_MethodOfRecruitment/AtWork',
          'group_victim/vic_TypeOfExploitation/',
        ],
        isExp,
      ),
    ).toEqual([
      { index: 1, choice: 'ForcedLabour' },
      { index: 2, choice: 'ChildLabour' },
      { index: 3, choice: 'Not Specified/Unknown' },
    ]);
    expect(
      ['1', 'True', 'true', 'Forced labour'].map((c) => choiceCell(c, 'Forced labour')),
    ).toEqual(['chosen', 'chosen', 'chosen', 'chosen']);
    expect(['0', 'False', ''].map((c) => choiceCell(c, 'ForcedLabour'))).toEqual([
      'not',
      'not',
      'empty',
    ]);
    expect(choiceCell('2', 'ForcedLabour')).toBe('unreadable');
  });

  it('per-choice columns only (KoBo CSV and XLSX, 1/0 or True/False) give the cases of the one column', async () => {
    const rows = koboRows(10);
    const combined = await plan(koboCsv(rows));
    const kobo = await split(rows, { layout: 'split' });
    expect(kobo.rejectedRows).toEqual([]);
    expect(kobo.cases).toEqual(inFormOrder(combined));
    expect(kobo.cases[1]!.caseDetails.exploitationTypes).toEqual([
      'ForcedLabour',
      'SexualExploitation',
    ]);
    expect(kobo.cases[3]!.caseDetails.exploitationTypes).toEqual(['ChildLabour', 'ForcedBegging']);
    // Read, so not reported as questions that are not imported.
    expect(kobo.ignored).toEqual(['group_victim/vic_MethodOfRecruitment']);
    // Another select_multiple split the same way is one question not imported, named once.
    const table = koboSplitTable(rows, { layout: 'split' });
    for (const choice of ['ThroughFriendsOrSocialEvents', 'AtWork']) {
      table[0]!.push(`group_victim/vic_MethodOfRecruitment/${choice}`);
      for (const line of table.slice(1)) line.push('1');
    }
    const other = await plan(new TextEncoder().encode(toCsv(table, ',')));
    expect(other.ignored).toEqual(['group_victim/vic_MethodOfRecruitment']);
    expect(other.cases).toEqual(kobo.cases);
    const trueFalse = await split(rows, { layout: 'split', yes: 'True', no: 'False' });
    expect(trueFalse.cases).toEqual(inFormOrder(combined));
    const xlsx = await plan(koboSplitXlsx(rows, { layout: 'split' }), 'xlsx');
    expect(xlsx.cases).toEqual(inFormOrder(combined));
  });

  it('ODK Central, split and with group names ("-"), keeps both forms: they agree', async () => {
    const rows = koboRows(6);
    const table = koboSplitTable(rows, { layout: 'both', sep: '-' });
    expect(table[0]).toContain('group_victim-vic_TypeOfExploitation');
    expect(table[0]).toContain('group_victim-vic_TypeOfExploitation/ForcedLabour');
    const odk = await plan(new TextEncoder().encode(toCsv(table, ',')));
    expect(odk.rejectedRows).toEqual([]);
    expect(odk.ignored).toEqual(['group_victim-vic_MethodOfRecruitment']);
    expect(odk.cases).toEqual((await plan(koboCsv(rows))).cases);
  });

  it('the one column empty on a row: its columns per choice are read; both empty: no type', async () => {
    const rows = koboRows(3);
    const table = koboSplitTable(rows, { layout: 'both' });
    const at = table[0]!.indexOf('group_victim/vic_TypeOfExploitation');
    table[2]![at] = '';
    // KoBo leaves a question that was not asked empty in every column.
    table[3] = table[3]!.map((c, i) => (table[0]![i]!.includes('vic_TypeOf') ? '' : c));
    const p = await plan(new TextEncoder().encode(toCsv(table, ',')));
    expect(p.rejectedRows).toEqual([]);
    expect(p.cases.map((c) => c.caseDetails.exploitationTypes)).toEqual([
      ['ForcedLabour'],
      ['ForcedLabour', 'SexualExploitation'],
      [],
    ]);
  });

  it('both forms that disagree refuse the row, naming the row, the columns and the values', async () => {
    const rows = koboRows(4);
    rows[1]!.picked = 'SexualExploitation ChildLabour';
    rows[2]!.picked = '';
    const p = await split(rows, { layout: 'both' });
    expect(p.rejectedRows).toEqual([3, 4]);
    expect(errors(p).map((i) => [i.row, i.code, i.column, i.value, i.fix])).toEqual([
      [
        3,
        'importSurvey.issue.splitDisagrees',
        'group_victim/vic_TypeOfExploitation',
        'SexualExploitation ForcedLabour',
        'group_victim/vic_TypeOfExploitation/SexualExploitation, group_victim/vic_TypeOfExploitation/ChildLabour',
      ],
      [
        4,
        'importSurvey.issue.splitNone',
        'group_victim/vic_TypeOfExploitation',
        'ForcedBegging',
        'group_victim/vic_TypeOfExploitation/…',
      ],
    ]);
    expect(p.cases.map((c) => c.row)).toEqual([2, 5]);
    // The same choices in another order, or written as labels, agree.
    rows[1]!.picked = 'ForcedLabour SexualExploitation';
    rows[2]!.picked = undefined;
    rows[3]!.exploitation = 'Mendicité forcée; Travail des enfants';
    rows[3]!.picked = 'ChildLabour ForcedBegging';
    expect((await split(rows, { layout: 'both' })).rejectedRows).toEqual([]);
  });

  it('a cell that is neither chosen nor not refuses the row, naming its column', async () => {
    const table = koboSplitTable(koboRows(2), { layout: 'split' });
    const at = table[0]!.indexOf('group_victim/vic_TypeOfExploitation/Servitude');
    table[2]![at] = 'peut-être';
    const p = await plan(new TextEncoder().encode(toCsv(table, ',')));
    expect(errors(p).map((i) => [i.row, i.code, i.column, i.value])).toEqual([
      [
        3,
        'importSurvey.issue.choiceCell',
        'group_victim/vic_TypeOfExploitation/Servitude',
        'peut-être',
      ],
    ]);
  });

  it('a crafted header: prototype names are choices nothing names, many bad cells one line', async () => {
    const rows = koboRows(2);
    const choices = [...'abcdefghijklmnopqrst'].map((c) => `x${c}`);
    const table = koboSplitTable(rows, { layout: 'split', choices: [...choices, '__proto__'] });
    const head = table[0]!;
    table[1] = table[1]!.map((c, i) => (head[i]!.includes('/vic_TypeOfExploitation/x') ? '7' : c));
    table[2]![head.indexOf('group_victim/vic_TypeOfExploitation/__proto__')] = '1';
    const p = await plan(new TextEncoder().encode(toCsv(table, ',')));
    expect(p.rejectedRows).toEqual([2, 3]);
    const bad = errors(p);
    expect(bad).toHaveLength(2);
    expect(bad[0]!.code).toBe('importSurvey.issue.choiceCell');
    expect(bad[0]!.column.split(', ')).toHaveLength(20);
    expect([bad[1]!.code, bad[1]!.value]).toEqual(['exchange.issue.notAllowed', '__proto__']);
    expect(p.unmatched).toEqual([{ field: 'exploitationTypes', value: '__proto__', rows: 1 }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // A choice made for it (its normalised key is "proto") maps it like any other answer.
    const mapped = await plan(new TextEncoder().encode(toCsv([table[0]!, table[2]!], ',')), 'csv', {
      exploitationTypes: { proto: ['Other'] },
    });
    expect(mapped.cases.map((c) => c.caseDetails.exploitationTypes)).toEqual([['Other']]);
  });

  it('a choice the form does not name is listed for the user to map, or refused naming its column', async () => {
    const rows = koboRows(4);
    rows[0]!.exploitation = 'Garimpo';
    rows[2]!.exploitation = 'ForcedLabour Garimpo';
    const bytes = koboSplitCsv(rows, { layout: 'split' });
    const p = await plan(bytes);
    expect(p.unmatched).toEqual([{ field: 'exploitationTypes', value: 'Garimpo', rows: 2 }]);
    expect(p.rejectedRows).toEqual([2, 4]);
    expect(errors(p).map((i) => [i.row, i.column, i.value])).toEqual([
      [2, 'group_victim/vic_TypeOfExploitation/Garimpo', 'Garimpo'],
      [4, 'group_victim/vic_TypeOfExploitation/Garimpo', 'Garimpo'],
    ]);
    expect(errors(p)[0]!.allowed).toContain('ForcedLabour');
    const mapped = await plan(bytes, 'csv', { exploitationTypes: { garimpo: ['Other'] } });
    expect(mapped.rejectedRows).toEqual([]);
    expect(mapped.cases.map((c) => c.caseDetails.exploitationTypes)).toEqual([
      ['Other'],
      ['ForcedLabour', 'SexualExploitation'],
      ['ForcedLabour', 'Other'],
      ['ChildLabour', 'ForcedBegging'],
    ]);
    // Both forms naming the same unknown answer agree, and it is listed once per row.
    const both = await plan(koboSplitCsv(rows, { layout: 'both' }));
    expect(both.unmatched).toEqual(p.unmatched);
    expect(both.issues.filter((i) => i.code.includes('split'))).toEqual([]);
  });

  it('columns named by the choice label (an export with labels) match like labels in a cell', async () => {
    const rows = koboRows(3);
    const choices = [
      'Forced labour',
      'Sexual exploitation',
      'Travail des enfants',
      'ForcedBegging',
    ];
    const table = koboSplitTable(rows, { layout: 'split', choices });
    // The fixture selects by name; write the labels' cells as the export would.
    const named = ['ForcedLabour', 'SexualExploitation', 'ChildLabour', 'ForcedBegging'];
    table.forEach((line, r) => {
      if (r === 0) return;
      choices.forEach((c, k) => {
        const i = table[0]!.indexOf(`group_victim/vic_TypeOfExploitation/${c}`);
        const chosen = (rows[r - 1]!.exploitation.split(' ') as string[]).includes(named[k]!);
        line[i] = chosen ? (k === 0 ? c : '1') : '';
      });
    });
    const p = await plan(new TextEncoder().encode(toCsv(table, ',')));
    expect(p.rejectedRows).toEqual([]);
    expect(p.cases.map((c) => c.caseDetails.exploitationTypes)).toEqual([
      ['ForcedLabour'],
      ['ForcedLabour', 'SexualExploitation'],
      ['ForcedBegging'],
    ]);
  });
});
