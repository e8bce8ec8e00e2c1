/**
 * The import's write as the check worker runs it (issue 17): the plan it holds, messages through
 * structured clone, the worker's own connection writes it. A Cancel mid-write leaves nothing,
 * restricted places are sealed at rest with the key the window handed over (read from raw
 * IndexedDB, not through the repository), and a role that may not import writes nothing even
 * if a message says otherwise.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { planFlat, previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import { generateCsv, testContext } from '@shared/domain/exchange/testing';
import type { ImportPlan } from '@shared/domain/exchange/types';
import { sealedSchema } from '@shared/domain/accounts/sealed';
import { PasserelleDb } from '../db';
import { generateDataKey } from '../encryption';
import { DIRECTORY_CACHE, VERSION_KEY } from '../directoryVersion';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import type { WriteResponse } from './exchangeWrite';
import { createPlanWriter } from './exchangeWrite';
import { writeThroughHost, importedCounts, NOTHING_WRITTEN } from './exchangeWriteFixture';
import { openLocation } from './locationsAtRest';

afterEach(deleteTestDbs);
const actor = { office: 'BKO', user: 'Awa' };
const noSheet = () => Promise.reject(new Error('unused'));

const planOf = async (rows: number): Promise<ImportPlan> => {
  const { csv } = generateCsv(rows, 100);
  const table = await readFlat(
    { name: 'office.csv', bytes: new TextEncoder().encode(csv) },
    'csv',
    { encoding: 'auto' },
    noSheet,
  );
  return planFlat(table, 'office.csv', 'csv', previewFlat(table).suggested, {
    ...testContext(),
    newId: () => crypto.randomUUID(),
  });
};

/** Every row of a store as IndexedDB holds it, bypassing Dexie and its middleware. */
const rawRows = (dbName: string, store: string) =>
  new Promise<Record<string, unknown>[]>((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const idb = req.result;
      const all = idb.transaction(store, 'readonly').objectStore(store).getAll();
      all.onsuccess = () => {
        idb.close();
        resolve(all.result as Record<string, unknown>[]);
      };
      all.onerror = () => reject(all.error);
    };
  });

describe('import written by the worker that checked it', () => {
  it('writes the plan it holds: every record, the change log and one audit entry', async () => {
    const name = testDbName('worker-write');
    const db = openTestDb(name);
    const plan = await planOf(1_000);
    const { last, progress } = await writeThroughHost(
      { dbName: name, actor, dataKey: null },
      plan,
      { batchSize: 200 },
    );
    const valid = plan.services.length;
    expect(last).toEqual({
      type: 'written',
      counts: { created: valid, merged: 0, skipped: 0, refused: 0 },
    });
    expect(progress).toEqual([0, 200, 400, 600, 800, valid]);
    expect(await importedCounts(db)).toEqual({
      organizations: plan.organizations.length,
      locations: plan.locations.length,
      services: valid,
      changes: plan.organizations.length + plan.locations.length + valid,
      audit: 1,
      runs: 1,
    });
    // The same records the window planned, ids and all.
    expect((await db.services.toArray()).map((s) => s.id).sort()).toEqual(
      plan.services.map((s) => s.id).sort(),
    );
  }, 60_000);

  it('a Cancel during the write leaves nothing, and the directory as it was', async () => {
    const name = testDbName('worker-cancel');
    const db = openTestDb(name);
    const context = { dbName: name, actor, dataKey: null };
    await writeThroughHost(context, await planOf(200));
    const before = await importedCounts(db);
    const services = await db.services.toArray();

    const plan = await planOf(2_000);
    const { last, progress } = await writeThroughHost(context, plan, {
      batchSize: 100,
      cancelAt: 300,
    });
    expect(last).toEqual({ type: 'error', failure: { code: 'cancelled', params: {} } });
    // Cancelled mid-way: some batches were written inside the transaction, none is left.
    expect(progress).toContain(300);
    expect(Math.max(...progress)).toBeLessThan(plan.services.length);
    expect(await importedCounts(db)).toEqual(before);
    expect(await db.services.toArray()).toEqual(services);
  }, 60_000);

  it('a Cancel before the write began answers at once and writes nothing', async () => {
    const name = testDbName('worker-early');
    const db = openTestDb(name);
    const answers: WriteResponse[] = [];
    const plan = await planOf(100);
    const writer = createPlanWriter(
      plan,
      (m) => answers.push(m),
      (n) => new PasserelleDb(n),
    );
    await writer({ type: 'cancel' });
    // A write asked after the Cancel starts nothing: the plan was let go.
    await writer({
      type: 'write',
      context: { dbName: name, actor, dataKey: null },
      duplicates: [],
      decisions: [],
    });
    expect(answers).toEqual([{ type: 'error', failure: { code: 'cancelled', params: {} } }]);
    expect(await importedCounts(db)).toEqual(NOTHING_WRITTEN);
  });

  it('restricted places are sealed at rest with the key handed to the worker', async () => {
    const name = testDbName('worker-sealed');
    const db = openTestDb(name);
    const key = await generateDataKey();
    const plan = await planOf(100);
    const STREET = 'Rue 312, porte 41, Hippodrome';
    // Half the shelters' places restricted, with a street and a point each.
    const restricted = new Set(plan.locations.filter((_, i) => i % 2 === 0).map((l) => l.id));
    plan.locations = plan.locations.map((l) =>
      restricted.has(l.id)
        ? {
            ...l,
            visibility: 'restricted' as const,
            address: { ...l.address, address1: STREET, city: 'Bamako' },
            latitude: 12.6392,
            longitude: -8.0029,
          }
        : l,
    );
    const { last } = await writeThroughHost({ dbName: name, actor, dataKey: key }, plan);
    expect(last.type).toBe('written');

    const raw = await rawRows(name, 'locations');
    expect(raw).toHaveLength(plan.locations.length);
    const sealed = raw.filter((r) => restricted.has(String(r.id)));
    expect(sealed).toHaveLength(restricted.size);
    for (const r of sealed) {
      expect(JSON.stringify(r)).not.toContain(STREET);
      expect(JSON.stringify(r)).not.toContain('12.6392');
      expect(r.latitude).toBeNull();
      expect(sealedSchema.safeParse((r.atRest as { place?: unknown }).place).success).toBe(true);
    }
    // Opened with the key, the place is there; the open rows stayed open.
    const opened = await openLocation(key, sealed[0]!);
    expect(opened).toMatchObject({ latitude: 12.6392, address: { address1: STREET } });
    expect(raw.filter((r) => !restricted.has(String(r.id))).every((r) => !r.atRest)).toBe(true);
    expect(await db.services.count()).toBe(plan.services.length);
  }, 60_000);

  it('a role that may not import writes nothing, whatever the plan says', async () => {
    const name = testDbName('worker-role');
    const db = openTestDb(name);
    const { last } = await writeThroughHost(
      { dbName: name, actor, subject: { role: 'viewer', shelterServiceIds: [] }, dataKey: null },
      await planOf(100),
    );
    expect(last).toEqual({ type: 'error', failure: { code: 'notAllowed', params: {} } });
    // Signed out (no subject at all while checks are on): refused too.
    const { last: signedOut } = await writeThroughHost(
      { dbName: name, actor, subject: null, dataKey: null },
      await planOf(100),
    );
    expect(signedOut).toEqual({ type: 'error', failure: { code: 'notAllowed', params: {} } });
    expect(await importedCounts(db)).toEqual(NOTHING_WRITTEN);
  });
  it('the window hears of the write: Dexie’s change event for the directory, a new data version', async () => {
    const name = testDbName('worker-notify');
    const db = openTestDb(name);
    const version = async () => (await db.table(DIRECTORY_CACHE).get(VERSION_KEY))?.value;
    await writeThroughHost({ dbName: name, actor, dataKey: null }, await planOf(50));
    const before = await version();
    // The event Dexie posts on its BroadcastChannel to every other context of the origin
    // (the window's live queries: directory list, cache version, search index).
    const seen: string[] = [];
    const listen = (parts: Record<string, unknown>) => void seen.push(...Object.keys(parts));
    Dexie.on('storagemutated', listen);
    try {
      const { last } = await writeThroughHost(
        { dbName: name, actor, dataKey: null },
        await planOf(50),
      );
      expect(last.type).toBe('written');
    } finally {
      Dexie.on('storagemutated').unsubscribe(listen);
    }
    for (const table of ['services', 'locations', DIRECTORY_CACHE, 'changes', 'audit'])
      expect(seen.some((k) => k.startsWith(`idb://${name}/${table}/`))).toBe(true);
    expect(await version()).toEqual(expect.any(String));
    expect(await version()).not.toBe(before);
  });
});
