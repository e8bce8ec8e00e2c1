/**
 * The check in a worker of its own (checkRun.ts, check.worker.ts): driven here through
 * structured clone with its parts' bytes transferred, as the check worker hears it. The plan
 * that comes back is the one an in-process check holds; a crafted answer or request is refused.
 */
import { describe, expect, it, vi } from 'vitest';
import { generateCsv } from '@shared/domain/exchange/testing';
import { previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import type { PlanRequest, RunResponse } from './checkRun';
import { createRunHost, fromFailure, runCheck, runResponseSchema } from './checkRun';
import { holdPacked } from './heldPlan';

const noSheet = () => Promise.reject(new Error('csv only'));
const deps = { readXlsx: noSheet, fingerprint: async () => 'f'.repeat(64) };

const request = async (rows: number): Promise<PlanRequest> => {
  const bytes = new TextEncoder().encode(generateCsv(rows, 10).csv);
  const t = await readFlat({ name: 'office.csv', bytes }, 'csv', { encoding: 'auto' }, noSheet);
  return {
    type: 'plan',
    files: [{ name: 'office.csv', bytes }],
    format: 'csv',
    options: { encoding: 'auto' },
    mapping: previewFlat(t).suggested,
    values: {},
    presence: false,
    context: {
      office: 'BKO',
      country: 'ML',
      now: '2026-12-02T10:00:00.000Z',
      defaultCategory: 'social_services',
    },
  };
};

/** Answers as the check worker hears them: cloned, transferred, then parsed by their schema. */
const run = async (raw: unknown) => {
  const heard: unknown[] = [];
  await createRunHost((m: RunResponse, transfer) => {
    heard.push(structuredClone(m, { transfer }));
  }, deps)(structuredClone(raw));
  return heard.map((m) => runResponseSchema.parse(m));
};

describe('the check in a worker of its own', () => {
  it('hands back, transferred, the plan an in-process check gives', async () => {
    const req = await request(5000);
    // The same ids drawn by both checks, so that their records compare as they are.
    let n = 0;
    const ids = vi
      .spyOn(crypto, 'randomUUID')
      .mockImplementation(() => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
    const heard = await run(req);
    n = 0;
    const here = holdPacked(await runCheck(req, deps, () => {}));
    ids.mockRestore();
    const last = heard.at(-1)!;
    if (last.type !== 'packed') throw new Error(JSON.stringify(last));
    expect(heard.filter((m) => m.type === 'progress').length).toBeGreaterThan(1);
    const there = holdPacked(last.plan);
    expect(there.serviceCount).toBe(4500);
    expect(there.whole()).toStrictEqual(here.whole());
    expect([...there.parts()]).toStrictEqual([...here.parts()]);
  });

  it('refuses anything but a plan request, and a crafted answer, by name', async () => {
    const [answer] = await run({ type: 'issues', kind: '', offset: 0, limit: 5 });
    expect(answer).toMatchObject({ type: 'error', failure: { code: 'badMessage' } });
    const [oops] = await run({ ...(await request(10)), format: 'docx' });
    expect(oops).toMatchObject({
      type: 'error',
      failure: { code: 'badMessage', params: { field: 'format' } },
    });
    // Parts that are not bytes, or a problem list that is not one, are not taken in.
    const forged = { type: 'packed', plan: { parts: [{ bytes: 'x', borrowed: [] }] } };
    expect(runResponseSchema.safeParse(forged).success).toBe(false);
    expect(fromFailure({ code: 'tooManyRows', params: { limit: 5 } })).toMatchObject({
      code: 'tooManyRows',
      params: { limit: 5 },
    });
  });
});
