/**
 * The survey worker's boundary (issue 17): the host the worker runs, driven with real exports
 * and with crafted messages both ways. A real request gives a plan that the window's schema
 * takes as it is; a crafted one is refused naming where, before anything is read; a crafted
 * answer (a code the form lacks, a name smuggled into the case, more columns than a file may
 * have) is refused by the window instead of shown or written.
 */
import { describe, expect, it, vi } from 'vitest';
import { koboCsv, koboRows, koboXlsx } from '../../../tests/fixtures/koboExport';
import { readWorkbook } from '../../../tests/fixtures/readWorkbook';
import { readFlat } from '@shared/domain/exchange/importFile';
import { LIMITS } from '@shared/domain/exchange/limits';
import type { SurveyPlan } from '@shared/domain/exchange/survey';
import { planSurvey } from '@shared/domain/exchange/survey';
import { createSurveyHost } from './surveyHost';
import type { SurveyResponse } from './surveyProtocol';
import { parseSurveyRequest, surveyRequestSchema, surveyResponseSchema } from './surveyProtocol';
import { surveyAnswer } from './surveyWorker';
import { WorkerFailure } from './worker';

const request = (over: Record<string, unknown> = {}) => ({
  type: 'survey',
  file: { name: 'kobo.csv', bytes: koboCsv(koboRows(4)) },
  format: 'csv',
  options: { encoding: 'auto' },
  office: 'BKO',
  now: '2026-12-03T10:00:00.000Z',
  choices: {},
  ...over,
});

/** The host as the worker runs it; what it posts, and whether it read a workbook. */
const run = async (raw: unknown) => {
  const posted: SurveyResponse[] = [];
  const readXlsx = vi.fn(readWorkbook);
  let n = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  await createSurveyHost((m) => posted.push(m), { readXlsx, newId })(raw);
  expect(posted).toHaveLength(1);
  return { answer: posted[0]!, readXlsx };
};
const refusal = async (raw: unknown) => {
  const { answer, readXlsx } = await run(raw);
  expect(readXlsx).not.toHaveBeenCalled();
  return answer.type === 'error' ? answer.failure : undefined;
};

describe('the survey worker takes only a request its schema names', () => {
  it('a real export, CSV or XLSX: a plan the window takes as it is', async () => {
    const rows = koboRows(4);
    rows[1]!.exploitation = 'Garimpo';
    for (const [format, bytes] of [
      ['csv', koboCsv(rows)],
      ['xlsx', koboXlsx(rows)],
    ] as const) {
      const { answer } = await run(request({ format, file: { name: `k.${format}`, bytes } }));
      // Through structured clone, as postMessage sends it.
      const plan = surveyAnswer(structuredClone(answer));
      const t = await readFlat({ name: 'k', bytes }, format, { encoding: 'auto' }, readWorkbook);
      const direct = planSurvey(t.header, t.rows, {
        office: 'BKO',
        now: '2026-12-03T10:00:00.000Z',
        newId: () => crypto.randomUUID(),
      });
      expect(plan).toEqual(direct);
      expect(plan.cases).toHaveLength(3);
      expect(plan.unmatched).toEqual([{ field: 'exploitationTypes', value: 'Garimpo', rows: 1 }]);
    }
  });

  it('choices cross with the request and apply', async () => {
    const rows = koboRows(2);
    rows[0]!.gender = 'Mulher';
    const { answer } = await run(
      request({
        file: { name: 'k.csv', bytes: koboCsv(rows) },
        choices: { gender: { mulher: ['Feminine'] } },
      }),
    );
    expect(surveyAnswer(answer).cases[0]!.caseDetails.gender).toBe('Feminine');
  });

  it('a crafted request is refused naming its field, and nothing is read', async () => {
    const xlsx = { format: 'xlsx', file: { name: 'k.xlsx', bytes: koboXlsx(koboRows(2)) } };
    const bad = (field: string) => ({ code: 'badMessage', params: { field } });
    expect(await refusal(null)).toEqual(bad('type'));
    expect(await refusal('survey')).toEqual(bad('type'));
    expect(await refusal(request({ ...xlsx, type: 'plan' }))).toEqual(bad('type'));
    expect(await refusal(request({ ...xlsx, format: 'hsds-json' }))).toEqual(bad('format'));
    expect(
      await refusal(request({ file: { name: 'k.xlsx', bytes: [80, 75, 3, 4] }, format: 'xlsx' })),
    ).toEqual(bad('file.bytes'));
    expect(await refusal(request({ ...xlsx, office: 42 }))).toEqual(bad('office'));
    expect(await refusal(request({ ...xlsx, office: 'B'.repeat(201) }))).toEqual(bad('office'));
    expect(await refusal(request({ ...xlsx, now: 'tomorrow' }))).toEqual(bad('now'));
    expect(await refusal(request({ ...xlsx, options: { encoding: 'ebcdic' } }))).toEqual(
      bad('options.encoding'),
    );
    expect(
      await refusal(request({ ...xlsx, options: { encoding: 'auto', headerRow: -1 } })),
    ).toEqual(bad('options.headerRow'));
    // A key the schema does not name, even the prototype's, is refused, not dropped.
    expect(await refusal(request({ ...xlsx, admin: true }))).toEqual(bad('admin'));
    const proto = JSON.parse('{"__proto__":{"polluted":true}}') as object;
    expect(await refusal(Object.assign(proto, request(xlsx)))).toEqual(bad('__proto__'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('crafted choices are refused whole, naming the list and the answer', async () => {
    const at = (choices: unknown) => refusal(request({ choices }));
    expect(await at({ gender: { mulher: ['Martian'] } })).toEqual({
      code: 'surveyChoices',
      params: { at: 'gender / mulher / 0' },
    });
    expect(await at({ category: { abri: ['shelter'] } })).toEqual({
      code: 'surveyChoices',
      params: { at: '—' },
    });
    expect(await at(JSON.parse('{"gender":{"__proto__":["Feminine"]}}'))).toEqual({
      code: 'surveyChoices',
      params: { at: 'gender' },
    });
    expect(await at({ gender: { mulher: ['Feminine', 'Masculine'] } })).toMatchObject({
      code: 'surveyChoices',
    });
    expect(await at(undefined)).toEqual({ code: 'surveyChoices', params: { at: '—' } });
    expect(() => parseSurveyRequest(request({ choices: [] }))).toThrow(/surveyChoices/);
  });

  it('the request schema types what it validates', () => {
    const r = surveyRequestSchema.parse(request({ choices: { gender: { mulher: ['Feminine'] } } }));
    expect(r.choices.gender?.['mulher']).toEqual(['Feminine']);
    expect(r.file.bytes).toBeInstanceOf(Uint8Array);
  });
});

describe('the window takes only an answer its schema names', () => {
  const planOf = async (): Promise<SurveyPlan> => {
    const { answer } = await run(request());
    return surveyAnswer(answer);
  };
  const refused = (raw: unknown) => {
    try {
      surveyAnswer(raw);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkerFailure);
      return (e as WorkerFailure).failure;
    }
    return undefined;
  };
  const field = (raw: unknown) => refused(raw)?.params['field'];

  it('a failure the worker names is passed on as it is', () => {
    expect(refused({ type: 'error', failure: { code: 'tooLarge', params: { max: 50 } } })).toEqual({
      code: 'tooLarge',
      params: { max: 50 },
    });
    expect(field({ type: 'error', failure: { code: 'x'.repeat(101), params: {} } })).toBe(
      'failure.code',
    );
    expect(field({ type: 'error', failure: { code: 'x', params: { a: {} } } })).toBe(
      'failure.params.a',
    );
  });

  it('a crafted plan is refused, naming where: codes, smuggled names, sizes, prototype keys', async () => {
    const plan = await planOf();
    const c0 = plan.cases[0]!;
    const withCase = (caseDetails: object) => ({
      type: 'survey',
      plan: { ...plan, cases: [{ ...c0, caseDetails: { ...c0.caseDetails, ...caseDetails } }] },
    });
    expect(field(null)).toBe('type');
    expect(field({ type: 'plan', plan })).toBe('type');
    expect(field({ type: 'survey' })).toBe('plan');
    expect(field(withCase({ exploitationTypes: ['Piracy'] }))).toBe(
      'plan.cases.0.caseDetails.exploitationTypes.0',
    );
    expect(field(withCase({ gender: 'Martian' }))).toBe('plan.cases.0.caseDetails.gender');
    expect(field(withCase({ citizenship: ['Mali'] }))).toBe(
      'plan.cases.0.caseDetails.citizenship.0',
    );
    // The person's name is never part of a survey case: refused, not carried or dropped.
    expect(field(withCase({ person: { name: 'Awa Testa' } }))).toBe(
      'plan.cases.0.caseDetails.person',
    );
    expect(field({ type: 'survey', plan: { ...plan, cases: [{ ...c0, id: 'case-1' }] } })).toBe(
      'plan.cases.0.id',
    );
    expect(field({ type: 'survey', plan: { ...plan, rowsRead: -1 } })).toBe('plan.rowsRead');
    expect(
      field({
        type: 'survey',
        plan: { ...plan, unmatched: [{ field: 'category', value: 'x', rows: 1 }] },
      }),
    ).toBe('plan.unmatched.0.field');
    expect(
      field({
        type: 'survey',
        plan: {
          ...plan,
          unmatched: [{ field: 'gender', value: 'x'.repeat(LIMITS.cellChars + 1), rows: 1 }],
        },
      }),
    ).toBe('plan.unmatched.0.value');
    // More columns than any file may have.
    expect(
      field({
        type: 'survey',
        plan: { ...plan, ignored: Array.from({ length: LIMITS.columns + 1 }, (_, i) => `c${i}`) },
      }),
    ).toBe('plan.ignored');
    expect(
      field({
        type: 'survey',
        plan: { ...plan, rejectedRows: new Array<number>(LIMITS.rows + 1).fill(2) },
      }),
    ).toBe('plan.rejectedRows');
    expect(field({ type: 'survey', plan: { ...plan, sealed: false } })).toBe('plan.sealed');
    const proto = JSON.parse('{"type":"survey","__proto__":{"polluted":true}}') as object;
    expect(field(Object.assign(proto, { plan }))).toBe('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // The answer as it was: taken.
    expect(surveyResponseSchema.parse({ type: 'survey', plan }).type).toBe('survey');
  });
});
