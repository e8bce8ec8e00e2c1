/**
 * The plan held once, in the check worker, and handed to the write worker over a MessageChannel
 * (issue 17): the hosts both workers run, joined by a real MessageChannel as the window joins
 * them. What the window gets is the report (counts, kinds, a bounded page), never the records;
 * the parts go with backpressure; a crafted message on either side is refused and changes
 * nothing; a Cancel mid-stream, or mid-write, leaves nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { importedCounts, NOTHING_WRITTEN } from '../../data/repositories/exchangeWriteFixture';
import { generateCsv } from '@shared/domain/exchange/testing';
import {
  drainPlan,
  PLAN_WINDOW,
  planSender,
  type PlanPortMessage,
} from '@shared/domain/exchange/planStream';
import { planFlat, previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import { PasserelleDb } from '../../data/db';
import { deleteTestDbs, openTestDb, testDbName } from '../../data/testDb';
import { createExchangeRepository } from '../../data/repositories/exchange';
import type { WriteResponse } from '../../data/repositories/exchangeWrite';
import { attachPlanPort, createWriteHost } from '../../data/repositories/exchangeWrite';
import { createCheckHost } from './checkHost';
import type { WorkerResponse } from './protocol';

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

/** Waits until `pred` holds of what was heard (messages cross ports in later tasks). */
const until = async <T>(heard: T[], pred: (m: T) => boolean): Promise<T> => {
  for (let n = 0; n < 2000; n++) {
    const hit = heard.find(pred);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('never heard');
};

/** A check host and a write host, each answering into its own list, through structured clone. */
const pair = () => {
  const fromCheck: WorkerResponse[] = [];
  const fromWrite: WriteResponse[] = [];
  const check = createCheckHost((m) => fromCheck.push(structuredClone(m)), {
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
  });
  const write = createWriteHost(
    (m) => fromWrite.push(structuredClone(m)),
    (name) => new PasserelleDb(name),
  );
  return { check, write, fromCheck, fromWrite };
};

const planRequest = (bytes: Uint8Array) => ({
  type: 'plan' as const,
  files: [{ name: 'office.csv', bytes }],
  format: 'csv' as const,
  options: { encoding: 'auto' as const },
  mapping: {},
  values: {},
  presence: false,
  context,
});

const checked = async (p: ReturnType<typeof pair>, rows: number) => {
  const bytes = csvOf(rows);
  const table = await readFlat({ name: 'office.csv', bytes }, 'csv', { encoding: 'auto' }, noSheet);
  await p.check({ ...planRequest(bytes), mapping: previewFlat(table).suggested });
  const m = await until(p.fromCheck, (x) => x.type === 'checked' || x.type === 'error');
  if (m.type !== 'checked') throw new Error(JSON.stringify(m));
  return m.summary;
};

/** Hands the plan over as the window does: begin + one port to the writer, the other to the check. */
const handOver = async (p: ReturnType<typeof pair>, dbName: string, batchSize?: number) => {
  const channel = new MessageChannel();
  await p.write({
    type: 'begin',
    context: { dbName, actor, dataKey: null },
    duplicates: [],
    decisions: [],
    ...(batchSize ? { batchSize } : {}),
  });
  attachPlanPort(p.write, channel.port2);
  void p.check({ type: 'stream', port: channel.port1 });
  return channel;
};

describe('the plan handed from the check worker to the write worker', () => {
  it('the window gets counts, kinds and a bounded page; the writer gets every record', async () => {
    const name = testDbName('handover');
    const db = openTestDb(name);
    const p = pair();
    const summary = await checked(p, 600);
    // 1 row in 10 is bad in the generated file: errors counted, and grouped by kind.
    expect(summary.rowsRead).toBe(600);
    expect(summary.services + summary.rejected).toBe(600);
    expect(summary.errors).toBeGreaterThan(0);
    expect(summary.kinds.reduce((n, k) => n + k.count, 0)).toBe(summary.errors + summary.warnings);
    expect(summary.kinds[0]!.severity).toBe('error');
    // No records in what the window hears, only the report.
    expect(JSON.stringify(p.fromCheck)).not.toContain('"locationIds"');

    await p.check({ type: 'issues', kind: '', offset: 0, limit: 5 });
    const page = await until(p.fromCheck, (m) => m.type === 'issues');
    if (page.type !== 'issues') throw new Error('no page');
    expect(page.page.issues).toHaveLength(5);
    expect(page.page.total).toBe(summary.errors + summary.warnings);
    expect(page.page.issues.every((i) => i.severity === 'error')).toBe(true);

    const channel = await handOver(p, name, 100);
    const last = await until(p.fromWrite, (m) => m.type !== 'progress');
    expect(last).toEqual({
      type: 'written',
      counts: { created: summary.services, merged: 0, skipped: 0, refused: 0 },
    });
    await until(p.fromCheck, (m) => m.type === 'streamed');
    expect(await importedCounts(db)).toMatchObject({ services: summary.services, audit: 1 });
    // Given away: the check worker has no plan left to page through.
    p.fromCheck.length = 0;
    await p.check({ type: 'issues', kind: '', offset: 0, limit: 5 });
    expect(await until(p.fromCheck, () => true)).toEqual({
      type: 'error',
      failure: { code: 'cancelled', params: {} },
    });
    channel.port1.close();
  }, 60_000);

  it('parts go with backpressure, and the sender lets each go once sent', async () => {
    const bytes = csvOf(2_000);
    const table = await readFlat({ name: 'o.csv', bytes }, 'csv', { encoding: 'auto' }, noSheet);
    const plan = planFlat(table, 'o.csv', 'csv', previewFlat(table).suggested, {
      ...context,
      newId: () => crypto.randomUUID(),
    });
    const services = plan.services.length;
    const sent: PlanPortMessage[] = [];
    const parts = drainPlan(plan, 100);
    // Handed over: the caller's plan is empty at once, its records now only in the parts.
    expect(plan.services).toHaveLength(0);
    expect(plan.locations).toHaveLength(0);
    const sender = planSender(parts, (m) => sent.push(m));
    sender.start();
    // Nothing acknowledged: no more than the window is out, the rest waits.
    expect(sent).toHaveLength(PLAN_WINDOW);
    let most = sender.outstanding();
    while (sent.at(-1)?.type !== 'write') {
      sender.ack();
      most = Math.max(most, sender.outstanding());
    }
    await sender.done;
    expect(most).toBeLessThanOrEqual(PLAN_WINDOW);
    const got = sent.flatMap((m) => (m.type === 'part' ? m.part.services : []));
    expect(got).toHaveLength(services);
    expect(new Set(got.map((s) => s.id)).size).toBe(services);
  }, 60_000);

  it('a crafted part is refused by name, and nothing of the file is written', async () => {
    const name = testDbName('handover-crafted');
    const db = openTestDb(name);
    const p = pair();
    await p.write({
      type: 'begin',
      context: { dbName: name, actor, dataKey: null },
      duplicates: [],
      decisions: [],
    });
    await p.write({
      type: 'part',
      part: {
        organizations: [],
        locations: [],
        services: [{ id: 'not-a-uuid', name: 'X', office: 'ELSEWHERE' }],
        serviceRows: [2],
        issues: [],
      },
    });
    expect(p.fromWrite[0]).toMatchObject({
      type: 'error',
      failure: {
        code: 'badMessage',
        params: { field: expect.stringMatching(/^part\.services\.0/) },
      },
    });
    // A valid head after it starts nothing: the write was refused for good.
    await p.write({
      type: 'write',
      head: { source: { name: 'x.csv', format: 'csv' }, rowsRead: 1, rejectedRows: [] },
    });
    expect(p.fromWrite).toHaveLength(1);
    expect(await importedCounts(db)).toEqual(NOTHING_WRITTEN);
  });

  it('a crafted request to the check worker is refused, naming the field', async () => {
    const p = pair();
    await p.check({ type: 'stream', port: 'not a port' });
    await p.check({ type: 'issues', kind: '', offset: -1, limit: 5 });
    await p.check({ type: 'plan', files: [{ name: 'x.csv', bytes: 'AAAA' }] });
    expect(p.fromCheck.map((m) => m.type === 'error' && m.failure)).toEqual([
      { code: 'badMessage', params: { field: 'port' } },
      { code: 'badMessage', params: { field: 'offset' } },
      { code: 'badMessage', params: expect.objectContaining({ field: expect.any(String) }) },
    ]);
  });

  it('a Cancel mid-stream answers at once and leaves nothing', async () => {
    const name = testDbName('handover-cancel-stream');
    const db = openTestDb(name);
    const p = pair();
    const summary = await checked(p, 2_000);
    const channel = new MessageChannel();
    await p.write({
      type: 'begin',
      context: { dbName: name, actor, dataKey: null },
      duplicates: [],
      decisions: [],
    });
    let parts = 0;
    // The writer's end, counting parts; Cancel once the second is in, the stream still going.
    channel.port2.onmessage = async (m: MessageEvent<unknown>) => {
      await p.write(m.data);
      if (++parts === 2) await p.write({ type: 'cancel' });
      channel.port2.postMessage({ type: 'ack' });
    };
    void p.check({ type: 'stream', port: channel.port1 });
    const last = await until(p.fromWrite, (m) => m.type !== 'progress');
    expect(last).toEqual({ type: 'error', failure: { code: 'cancelled', params: {} } });
    const total = Math.ceil(summary.services / 250);
    expect(parts).toBeGreaterThanOrEqual(2);
    expect(parts).toBeLessThan(total);
    await until(p.fromCheck, (m) => m.type === 'streamed');
    await new Promise((r) => setTimeout(r, 50));
    expect(p.fromWrite).toHaveLength(1);
    expect(await importedCounts(db)).toEqual(NOTHING_WRITTEN);
    channel.port1.close();
  }, 60_000);

  it('a Cancel mid-write leaves nothing: the one transaction is aborted', async () => {
    const name = testDbName('handover-cancel-write');
    const db = openTestDb(name);
    const p = pair();
    const summary = await checked(p, 2_000);
    const progress: number[] = [];
    let cancelled = false;
    const write = createWriteHost(
      (m) => {
        if (m.type === 'progress') {
          progress.push(m.done);
          // Some batches in (inside the transaction), then Cancel from another task.
          if (m.done >= 300 && !cancelled) {
            cancelled = true;
            setTimeout(() => void write({ type: 'cancel' }), 0);
          }
        } else p.fromWrite.push(m);
      },
      (n) => new PasserelleDb(n),
    );
    const channel = await handOver({ ...p, write }, name, 100);
    const last = await until(p.fromWrite, () => true);
    expect(last).toEqual({ type: 'error', failure: { code: 'cancelled', params: {} } });
    expect(Math.max(...progress)).toBeLessThan(summary.services);
    expect(await importedCounts(db)).toEqual(NOTHING_WRITTEN);
    channel.port1.close();
  }, 60_000);
});
