/**
 * Reading a sync batch's rows by their keys' span (issue 15): the same answer as a read per
 * key, whatever the table holds; no read per key when the span holds few rows (an office's
 * first sync); a read per key, at the same answer, when the keys are few among many rows.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { Table } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SPAN_FROM, readKeys } from '../../../renderer/data/sync/chunks';

type Row = { docId: string; n: number };

const open = async () => {
  const db = new Dexie(`readKeys-${Math.random()}`);
  db.version(1).stores({ revs: 'docId' });
  await db.open();
  return { db, table: db.table<Row, string>('revs') };
};

let opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, () => `${prefix}:${crypto.randomUUID()}`);

const table = async () => {
  const t = await open();
  opened.push(t.db);
  return t.table;
};

const expectSameAsPerKey = async (revs: Table<Row, string>, keys: string[]) =>
  expect(await readKeys(revs, keys, 50)).toEqual(await revs.bulkGet(keys));

describe('readKeys', () => {
  it('answers like a read per key: held, absent, repeated keys, in order', async () => {
    const revs = await table();
    const held = ids('organizations:BKO', 300);
    await revs.bulkPut(held.map((docId, n) => ({ docId, n })));
    const absent = ids('organizations:BKO', 200);
    const keys = [...held.slice(0, 150), ...absent, held[3]!, absent[7]!, ...held.slice(150)];
    await expectSameAsPerKey(revs, keys);
    // Keys outside every row held, and keys on the span's edges.
    await expectSameAsPerKey(revs, [...ids('aaa', 40), ...held.slice(0, 40), ...ids('zzz', 40)]);
  });

  it('reads no key one by one when the span holds no more than twice as many rows', async () => {
    const revs = await table();
    const keys = ids('services:SEG', 1000);
    // A first sync: nothing held. Then a batch of updates to everything held.
    for (const held of [[], keys.slice(0, 900)]) {
      await revs.clear();
      await revs.bulkPut(held.map((docId, n) => ({ docId, n })));
      const perKey = vi.spyOn(revs, 'bulkGet');
      const got = await readKeys(revs, keys, 50);
      expect(perKey).not.toHaveBeenCalled();
      perKey.mockRestore();
      expect(got).toEqual(await revs.bulkGet(keys));
      expect(got.filter(Boolean)).toHaveLength(held.length);
    }
  });

  it('reads key by key, at the same answer, when few keys sit among many rows', async () => {
    const revs = await table();
    const held = ids('services:SEG', 3000);
    await revs.bulkPut(held.map((docId, n) => ({ docId, n })));
    const keys = [...held.slice(0, SPAN_FROM), ...ids('services:SEG', SPAN_FROM)];
    const perKey = vi.spyOn(revs, 'bulkGet');
    const got = await readKeys(revs, keys, 50);
    expect(perKey).toHaveBeenCalled();
    perKey.mockRestore();
    expect(got).toEqual(await revs.bulkGet(keys));
  });

  it('inside a read-write transaction, sees what the transaction wrote', async () => {
    const revs = await table();
    const keys = ids('locations:BKO', 500);
    const got = await revs.db.transaction('rw', revs, async () => {
      await revs.bulkPut(keys.slice(0, 250).map((docId, n) => ({ docId, n })));
      return readKeys(revs, keys, 50);
    });
    expect(got.slice(0, 250).map((r) => r?.n)).toEqual([...Array(250).keys()]);
    expect(got.slice(250).every((r) => r === undefined)).toBe(true);
  });
});
