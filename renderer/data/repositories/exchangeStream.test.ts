/**
 * The import's write in batches (issue 17): progress batch by batch, Cancel during the write
 * and a failure mid-way both leave nothing, and what lands is what one unbatched write gave.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { importedCounts, NOTHING_WRITTEN } from './exchangeWriteFixture';
import { findDuplicates } from '@shared/domain/exchange/duplicates';
import { planFlat, previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import { ExchangeError } from '@shared/domain/exchange/limits';
import { generateCsv, testContext } from '@shared/domain/exchange/testing';
import type { ImportPlan } from '@shared/domain/exchange/types';
import { verifyChain } from '@shared/domain/audit/chain';
import { auditHasher } from '../journal';
import type { PasserelleDb } from '../db';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { createExchangeRepository } from './exchange';
import { changedIds } from '../changes';

afterEach(deleteTestDbs);
const actor = () => ({ office: 'BKO', user: 'Awa' });
const noSheet = () => Promise.reject(new Error('unused'));

const planOf = async (rows: number, name = 'office.csv'): Promise<ImportPlan> => {
  const { csv } = generateCsv(rows, 100);
  const table = await readFlat(
    { name, bytes: new TextEncoder().encode(csv) },
    'csv',
    { encoding: 'auto' },
    noSheet,
  );
  const plan = planFlat(table, name, 'csv', previewFlat(table).suggested, {
    ...testContext(),
    newId: () => crypto.randomUUID(),
  });
  return { ...plan, source: { ...plan.source, sha256: 'ab'.repeat(32) } };
};

describe('import written in batches', () => {
  it('reports progress batch by batch and writes what one write gave, with one audit entry', async () => {
    const plan = await planOf(2_500);
    const valid = plan.services.length;
    expect(valid).toBe(2_475);

    const one = openTestDb(testDbName('stream-one'));
    await createExchangeRepository(one, actor).importPlan(plan, [], new Map(), {
      batchSize: 1_000_000,
    });
    const db = openTestDb(testDbName('stream-batched'));
    const seen: [number, number][] = [];
    const counts = await createExchangeRepository(db, actor).importPlan(plan, [], new Map(), {
      batchSize: 400,
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(counts).toEqual({ created: valid, merged: 0, skipped: 0, refused: 0 });
    // 0, then one step per batch of 400 services, ending at the total.
    expect(seen.map(([d]) => d)).toEqual([0, 400, 800, 1200, 1600, 2000, 2400, valid]);
    expect(seen.every(([, t]) => t === valid)).toBe(true);

    const records = valid * 2 + plan.organizations.length;
    expect(await importedCounts(db)).toEqual({ ...(await importedCounts(one)), changes: records });
    expect(await importedCounts(db)).toMatchObject({ services: valid, locations: valid, audit: 1 });
    const ids = (d: PasserelleDb) => d.services.toCollection().primaryKeys();
    expect(await ids(db)).toEqual(await ids(one));
    expect(await db.organizations.toArray()).toEqual(await one.organizations.toArray());
    // The outbox names every record once.
    const changed = await db.changes.toArray();
    expect(new Set(changed.flatMap((c) => changedIds(c))).size).toBe(records);
    const [audit] = await db.audit.toArray();
    expect(audit).toMatchObject({ action: 'exchange.import', table: 'exchangeRuns' });
    expect(audit!.detail).toContain('office.csv');
    expect(audit!.detail).toContain(`sha256:${'ab'.repeat(32)}`);
    expect(audit!.hash).toMatch(/^[0-9a-f]{64}$/);
    const run = await createExchangeRepository(db, actor).lastRun('import');
    expect(run?.detail).toMatchObject({ created: valid, sha256: 'ab'.repeat(32), rejected: 25 });
  }, 120_000);

  it('Cancel during the write leaves nothing, and the existing directory untouched', async () => {
    const db = openTestDb(testDbName('stream-cancel'));
    const repo = createExchangeRepository(db, actor);
    const first = await planOf(300, 'first.csv');
    await repo.importPlan(first, [], new Map());
    const before = await importedCounts(db);
    const servicesBefore = await db.services.toArray();

    // The same rows again (merged into the existing services) and more: cancelled mid-way.
    const plan = await planOf(2_000, 'second.csv');
    const dups = findDuplicates(plan, await repo.existingViews());
    expect(dups.length).toBeGreaterThan(0);
    const cancel = new AbortController();
    const seen: number[] = [];
    const write = repo.importPlan(plan, dups, new Map(dups.map((d) => [d.serviceId, 'merge'])), {
      batchSize: 250,
      signal: cancel.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done >= 750) cancel.abort();
      },
    });
    await expect(write).rejects.toEqual(new ExchangeError('cancelled'));
    expect(seen).toEqual([0, 250, 500, 750]);
    expect(await importedCounts(db)).toEqual(before);
    expect(await db.services.toArray()).toEqual(servicesBefore);

    // Then the same import again, to the end.
    const counts = await repo.importPlan(
      plan,
      dups,
      new Map(dups.map((d) => [d.serviceId, 'merge'])),
      { batchSize: 250 },
    );
    expect(counts.merged).toBe(dups.length);
    expect(await db.services.count()).toBe(before.services + counts.created);
    expect(await db.audit.count()).toBe(before.audit + 1);
    // The aborted write left no hole in the audit chain: it still verifies end to end.
    const trail = (await db.audit.toArray()).map((e) => ({
      ...e,
      seq: e.seq ?? 0,
      prev: e.prev ?? '',
      hash: e.hash ?? '',
    }));
    expect(verifyChain(await auditHasher(), trail)).toMatchObject({ ok: true, count: 2 });
  }, 120_000);

  it('a failure mid-way (a record IndexedDB refuses, a crash in the loop) leaves nothing', async () => {
    const db = openTestDb(testDbName('stream-fail'));
    const repo = createExchangeRepository(db, actor);
    const plan = await planOf(1_500);
    // Batch 3 holds a service without a key: IndexedDB refuses it after two batches are in.
    const broken = plan.services.map((s, i) =>
      i === 1_100 ? { ...s, id: undefined as unknown as string } : s,
    );
    const seen: number[] = [];
    await expect(
      repo.importPlan({ ...plan, services: broken }, [], new Map(), {
        batchSize: 500,
        onProgress: (done) => seen.push(done),
      }),
    ).rejects.toThrow();
    expect(seen).toEqual([0, 500, 1_000]);
    expect(await importedCounts(db)).toEqual(NOTHING_WRITTEN);

    // An exception in the write's own code after some batches (as a crash would stop it).
    await expect(
      repo.importPlan(plan, [], new Map(), {
        batchSize: 500,
        onProgress: (done) => {
          if (done === 1_000) throw new Error('renderer crashed');
        },
      }),
    ).rejects.toThrow('renderer crashed');
    expect(await importedCounts(db)).toEqual(NOTHING_WRITTEN);
  }, 120_000);

  it('an import cancelled before it starts writes nothing at all', async () => {
    const db = openTestDb(testDbName('stream-early'));
    const cancel = new AbortController();
    cancel.abort();
    await expect(
      createExchangeRepository(db, actor).importPlan(await planOf(200), [], new Map(), {
        signal: cancel.signal,
      }),
    ).rejects.toEqual(new ExchangeError('cancelled'));
    expect(await importedCounts(db)).toEqual(NOTHING_WRITTEN);
  });
});
