/**
 * The plan held once, in the check worker, and written by that same worker on confirm (issue
 * 17): the host the worker runs, driven through structured clone as the window drives it. What
 * the window gets is the report (counts, kinds, a bounded page) and then the write's progress
 * and counts, never the records; a crafted message is refused by name and changes nothing; a
 * Cancel mid-write, or before it, leaves nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { importedCounts, NOTHING_WRITTEN } from '../../data/repositories/exchangeWriteFixture';
import { generateCsv } from '@shared/domain/exchange/testing';
import { previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import { PasserelleDb } from '../../data/db';
import { deleteTestDbs, openTestDb, testDbName } from '../../data/testDb';
import { createExchangeRepository } from '../../data/repositories/exchange';
import { createCheckHost } from './checkHost';
import type { WorkerResponse } from './protocol';
import { workerResponseSchema } from './protocol';

afterEach(deleteTestDbs);
const actor = { office: 'BKO', user: 'Awa' };
const context = {
  office: 'BKO',
  country: 'ML',
  now: '2026-12-02T10:00:00.000Z',
  defaultCategory: 'social_services' as const,
};
const noSheet = () => Promise.reject(new Error('csv only'));
const csvOf = (rows: number) => new TextEncoder().encode(generateCsv(rows, 10).csv);

/** Waits until `pred` holds of what was heard (answers come in later tasks). */
const until = async <T>(heard: T[], pred: (m: T) => boolean): Promise<T> => {
  for (let n = 0; n < 4000; n++) {
    const hit = heard.find(pred);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('never heard');
};

/** A check host answering into a list, through structured clone; `onAnswer` sees each first. */
const host = (onAnswer: (m: WorkerResponse) => void = () => {}) => {
  const heard: WorkerResponse[] = [];
  const check = createCheckHost(
    (m) => {
      const answer = structuredClone(m);
      onAnswer(answer);
      heard.push(answer);
    },
    {
      readXlsx: noSheet,
      fingerprint: async () => 'a'.repeat(64),
      existingViews: async (dbName) => {
        const db = new PasserelleDb(dbName);
        try {
          return await createExchangeRepository(db, () => actor).existingViews();
        } finally {
          db.close();
        }
      },
      open: (name) => new PasserelleDb(name),
    },
  );
  const send = (m: unknown) => check(structuredClone(m));
  return { send, heard };
};

const checked = async (h: ReturnType<typeof host>, rows: number) => {
  const bytes = csvOf(rows);
  const table = await readFlat({ name: 'office.csv', bytes }, 'csv', { encoding: 'auto' }, noSheet);
  await h.send({
    type: 'plan',
    files: [{ name: 'office.csv', bytes }],
    format: 'csv',
    options: { encoding: 'auto' },
    mapping: previewFlat(table).suggested,
    values: {},
    presence: false,
    context,
  });
  const m = await until(h.heard, (x) => x.type === 'checked' || x.type === 'error');
  if (m.type !== 'checked') throw new Error(JSON.stringify(m));
  return m.summary;
};

const writeRequest = (dbName: string, batchSize?: number) => ({
  type: 'write' as const,
  context: { dbName, actor, dataKey: null },
  duplicates: [],
  decisions: [],
  ...(batchSize ? { batchSize } : {}),
});

describe('the plan written by the worker that checked it', () => {
  it('the window gets counts, kinds and a bounded page, then the write’s progress and counts', async () => {
    const name = testDbName('check-write');
    const db = openTestDb(name);
    const h = host();
    const summary = await checked(h, 600);
    // 1 row in 10 is bad in the generated file: errors counted, and grouped by kind.
    expect(summary.rowsRead).toBe(600);
    expect(summary.services + summary.rejected).toBe(600);
    expect(summary.errors).toBeGreaterThan(0);
    expect(summary.kinds.reduce((n, k) => n + k.count, 0)).toBe(summary.errors + summary.warnings);

    await h.send({ type: 'issues', kind: '', offset: 0, limit: 5 });
    const page = await until(h.heard, (m) => m.type === 'issues');
    if (page.type !== 'issues') throw new Error('no page');
    expect(page.page.issues).toHaveLength(5);
    expect(page.page.issues.every((i) => i.severity === 'error')).toBe(true);

    await h.send(writeRequest(name, 100));
    const last = h.heard.at(-1);
    expect(last).toEqual({
      type: 'written',
      counts: { created: summary.services, merged: 0, skipped: 0, refused: 0 },
    });
    const done = h.heard.flatMap((m) => (m.type === 'progress' && m.total ? [m.done] : []));
    expect(done.at(-1)).toBe(summary.services);
    expect(done.length).toBeGreaterThan(summary.services / 100);
    // Every answer is one the window accepts, and none carries a record.
    expect(h.heard.every((m) => workerResponseSchema.safeParse(m).success)).toBe(true);
    expect(JSON.stringify(h.heard)).not.toContain('"locationIds"');
    expect(await importedCounts(db)).toMatchObject({ services: summary.services, audit: 1 });

    // Written: the worker holds nothing to page through, and a second write writes nothing.
    h.heard.length = 0;
    await h.send({ type: 'issues', kind: '', offset: 0, limit: 5 });
    await h.send(writeRequest(name));
    expect(h.heard).toEqual([
      { type: 'error', failure: { code: 'cancelled', params: {} } },
      { type: 'error', failure: { code: 'badMessage', params: { field: 'type' } } },
    ]);
    expect(await db.audit.count()).toBe(1);
  }, 60_000);

  it('a crafted write is refused by name, and nothing of the file is written', async () => {
    const name = testDbName('check-write-crafted');
    const db = openTestDb(name);
    const h = host();
    await checked(h, 200);
    h.heard.length = 0;
    await h.send({ ...writeRequest(name), context: { dbName: name, actor, dataKey: 'raw key' } });
    await h.send({ ...writeRequest(name), decisions: [['x', 'overwrite']] });
    await h.send({ ...writeRequest(name), batchSize: 0 });
    expect(h.heard).toEqual([
      { type: 'error', failure: { code: 'badMessage', params: { field: 'context.dataKey' } } },
      { type: 'error', failure: { code: 'badMessage', params: { field: 'decisions.0.1' } } },
      { type: 'error', failure: { code: 'badMessage', params: { field: 'batchSize' } } },
    ]);
    expect(await importedCounts(db)).toEqual(NOTHING_WRITTEN);
    // Refused at the boundary, the plan is still held: a valid write then goes through.
    await h.send(writeRequest(name));
    expect(h.heard.at(-1)).toMatchObject({ type: 'written' });
  }, 60_000);

  it('a crafted request to the check worker is refused, naming the field', async () => {
    const h = host();
    await h.send({ type: 'stream', port: null });
    await h.send({ type: 'issues', kind: '', offset: -1, limit: 5 });
    await h.send({ type: 'plan', files: [{ name: 'x.csv', bytes: 'AAAA' }] });
    await h.send({ type: 'write', context: { dbName: '' } });
    expect(h.heard.map((m) => m.type === 'error' && m.failure)).toEqual([
      { code: 'badMessage', params: { field: 'type' } },
      { code: 'badMessage', params: { field: 'offset' } },
      { code: 'badMessage', params: expect.objectContaining({ field: expect.any(String) }) },
      { code: 'badMessage', params: expect.objectContaining({ field: expect.any(String) }) },
    ]);
  });

  it('the window refuses a crafted answer: counts that are not counts, an unknown type', () => {
    const bad = [
      { type: 'written', counts: { created: -1, merged: 0, skipped: 0, refused: 0 } },
      { type: 'written', counts: { created: 1 } },
      { type: 'streamed' },
      { type: 'progress', done: 1.5, total: 2 },
    ];
    for (const m of bad) expect(workerResponseSchema.safeParse(m).success).toBe(false);
  });

  it('a Cancel before the write answers at once and writes nothing', async () => {
    const name = testDbName('check-write-early');
    const db = openTestDb(name);
    const h = host();
    await checked(h, 200);
    h.heard.length = 0;
    await h.send({ type: 'cancel' });
    expect(h.heard).toEqual([{ type: 'error', failure: { code: 'cancelled', params: {} } }]);
    expect(await importedCounts(db)).toEqual(NOTHING_WRITTEN);
  }, 60_000);

  it('a Cancel mid-write leaves nothing: the one transaction is aborted', async () => {
    const name = testDbName('check-write-cancel');
    const db = openTestDb(name);
    let asked = false;
    const h = host((m) => {
      // Some batches in (inside the transaction), then Cancel from another task, as a click.
      if (m.type === 'progress' && m.total && m.done >= 300 && !asked) {
        asked = true;
        setTimeout(() => void h.send({ type: 'cancel' }), 0);
      }
    });
    const summary = await checked(h, 2_000);
    h.heard.length = 0;
    await h.send(writeRequest(name, 100));
    const last = h.heard.at(-1);
    expect(asked).toBe(true);
    expect(last).toEqual({ type: 'error', failure: { code: 'cancelled', params: {} } });
    const done = h.heard.flatMap((m) => (m.type === 'progress' ? [m.done] : []));
    expect(Math.max(...done)).toBeLessThan(summary.services);
    expect(await importedCounts(db)).toEqual(NOTHING_WRITTEN);
    // Cancelled: the plan is let go, a write asked again writes nothing.
    await h.send(writeRequest(name));
    expect(await importedCounts(db)).toEqual(NOTHING_WRITTEN);
  }, 60_000);

  it('a fix from the report reaches the plan held in parts, and what is written', async () => {
    const name = testDbName('check-write-fix');
    const db = openTestDb(name);
    const h = host();
    // No category column: every row is given the default, and the report offers one for all.
    const lines = ['Organisation;Nom du service;Téléphone;Région'];
    for (let i = 0; i < 2500; i++)
      lines.push(`Association ${i % 7};Centre ${i};+223 20 00 ${String(1000 + i)};Bamako`);
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    const table = await readFlat({ name: 'o.csv', bytes }, 'csv', { encoding: 'auto' }, noSheet);
    await h.send({
      type: 'plan',
      files: [{ name: 'o.csv', bytes }],
      format: 'csv',
      options: { encoding: 'auto' },
      mapping: previewFlat(table).suggested,
      values: {},
      presence: false,
      context,
    });
    const before = await until(h.heard, (m) => m.type === 'checked');
    if (before.type !== 'checked') throw new Error('not checked');
    expect(before.summary.services).toBe(2500);
    expect(before.summary.warnings).toBe(2500);
    h.heard.length = 0;
    await h.send({ type: 'fix', fix: { kind: 'category', category: 'shelter' } });
    const after = await until(h.heard, (m) => m.type === 'checked');
    if (after.type !== 'checked') throw new Error('not checked');
    expect(after.summary).toMatchObject({ services: 2500, warnings: 0 });
    await h.send(writeRequest(name));
    expect(h.heard.at(-1)).toMatchObject({ type: 'written', counts: { created: 2500 } });
    const categories = new Set((await db.services.toArray()).map((s) => s.category));
    expect([...categories]).toEqual(['shelter']);
  }, 60_000);
});
