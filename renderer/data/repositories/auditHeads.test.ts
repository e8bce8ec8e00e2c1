/**
 * Version 10 (issue 13, hole 6): a database of version 8 opens with the audit heads table, and
 * an audit trail without hashes there is reported by verify, never sealed over at start (only an
 * upgrade from before the chain, version 4 or older, chains old entries once).
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PasserelleDb, STORES_V1 } from '../db';
import { ACCOUNTS_STORES_V5 } from './accounts';
import { createAuditRepository } from './audit';

const dbs: Dexie[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Every table as version 8 had them, declared at once. */
const STORES_V8 = {
  ...STORES_V1,
  capacityEvents: 'id, serviceId, at',
  referrals: 'id, office, state, urgency, serviceId, createdAt, updatedAt',
  referralEvents: 'id, referralId, at',
  letters: 'id, referralId, reference, issuedAt',
  referralCounters: 'key',
  exchangeRuns: 'id, at, kind',
  ...ACCOUNTS_STORES_V5,
  syncMeta: 'key',
  syncRevs: 'docId',
  syncPeers: 'keyId, office',
  syncLog: '++id, at',
  syncConflicts: 'docId',
  syncFiles: 'name',
  changes: '++seq',
};

describe('upgrade from version 8', () => {
  it('adds the audit heads table and leaves an unchained trail unchained', async () => {
    const name = `audit-heads-${Math.random().toString(36).slice(2)}`;
    const v8 = new Dexie(name);
    v8.version(8).stores(STORES_V8);
    await v8.open();
    const at = '2026-11-23T08:00:00.000Z';
    await v8.table('audit').bulkAdd([
      { at, actor: 'awa', action: 'service.create', table: 'services', recordId: 's-1' },
      { at, actor: 'awa', action: 'service.update', table: 'services', recordId: 's-1' },
    ]);
    v8.close();

    const db = new PasserelleDb(name);
    dbs.push(db);
    expect(await db.table('auditHeads').count()).toBe(0);
    expect((await db.audit.toArray()).map((e) => e.hash)).toEqual([undefined, undefined]);
    const audit = createAuditRepository(db, {
      actor: () => ({ office: 'BKO', user: 'Awa' }),
      subject: () => ({ role: 'administrator', shelterServiceIds: [] }),
    });
    expect(await audit.verify()).toMatchObject({ ok: false, seq: 1, problem: 'unchained' });
  });
});
