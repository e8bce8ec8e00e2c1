import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import type { ServiceDraftInput } from '@shared/domain/directory/schema';
import { PasserelleDb, STORES_V1 } from '../db';
import { generateDataKey } from '../encryption';
import { auditView } from '../journal';
import { createAuditRepository } from './audit';
import { createDirectoryRepository } from './directory';
import { usersTable } from './accounts';

let n = 0;
const dbs: Dexie[] = [];
const open = (name = `audit-test-${++n}`) => {
  const db = new PasserelleDb(name);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const admin: Subject = { role: 'administrator', shelterServiceIds: [] };
const actor = () => ({ office: 'BKO', user: 'Awa Traoré', username: 'awa', userId: 'u-1' });
const draft: ServiceDraftInput = {
  organizationName: 'Association Sœurs Solidaires',
  name: 'Maison d’accueil Sébénikoro',
  category: 'shelter',
  adminAreaCode: 'ML-BKO',
};

/** Some history: three services created, one verified, one deleted, one referral viewed. */
const withHistory = async () => {
  const db = open();
  const directory = createDirectoryRepository(db, actor);
  const ids: string[] = [];
  for (const name of ['Foyer A', 'Foyer B', 'Foyer C']) {
    const r = await directory.create({ ...draft, name });
    if (r.ok) ids.push(r.value.id);
  }
  await directory.markVerified(ids[0]!, '2026-11-23');
  await directory.remove(ids[1]!);
  const dataKey = await generateDataKey();
  await auditView(
    db,
    actor(),
    { table: 'referrals', recordId: 'ref-1', action: 'referral.view', why: 'appel du foyer' },
    dataKey,
  );
  const audit = createAuditRepository(db, { actor, subject: () => admin, dataKey: () => dataKey });
  return { db, audit, ids };
};

describe('audit trail in IndexedDB', () => {
  it('chains every journalled write and every audited view, and verifies', async () => {
    const { db, audit } = await withHistory();
    const entries = await db.audit.toArray();
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ''))).toBe(true);
    expect(entries.at(-1)).toMatchObject({ actor: 'awa', actorId: 'u-1', action: 'referral.view' });
    // The reason may describe the person: sealed at rest, opened for the audit screen.
    expect(JSON.stringify(entries.at(-1))).not.toContain('appel du foyer');
    expect((await audit.list({ table: 'referrals' })).entries[0]?.why).toBe('appel du foyer');
    const locked = createAuditRepository(db, { actor, subject: () => admin, dataKey: () => null });
    expect((await locked.list({ table: 'referrals' })).entries[0]).toMatchObject({
      whyLocked: true,
    });
    await expect(
      auditView(db, actor(), { table: 'r', recordId: '1', action: 'x', why: 'y' }, null),
    ).rejects.toThrow();
    expect(await audit.verify()).toMatchObject({ ok: true, count: entries.length });
  });

  it('names the seq of an entry edited, deleted or moved in the database itself', async () => {
    const edited = await withHistory();
    const third = (await edited.db.audit.get(3))!;
    await edited.db.audit.put({ ...third, actor: 'someone-else' });
    expect(await edited.audit.verify()).toMatchObject({ ok: false, seq: 3, problem: 'edited' });

    const deleted = await withHistory();
    await deleted.db.audit.delete(4);
    expect(await deleted.audit.verify()).toMatchObject({ ok: false, seq: 4, problem: 'deleted' });

    const moved = await withHistory();
    const [five, six] = [(await moved.db.audit.get(5))!, (await moved.db.audit.get(6))!];
    await moved.db.audit.bulkPut([
      { ...six, seq: 5 },
      { ...five, seq: 6 },
    ]);
    expect(await moved.audit.verify()).toMatchObject({ ok: false, seq: 5, problem: 'reordered' });
  });

  it('records verifications and exports, and exports filtered CSV', async () => {
    const { db, audit } = await withHistory();
    await audit.verify();
    const csv = await audit.exportCsv({ table: 'referrals' });
    expect(csv?.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv).toContain('referral.view');
    expect(csv).toContain('appel du foyer');
    const last = await db.audit.orderBy(':id').last();
    expect(last).toMatchObject({ action: 'audit.export', actor: 'awa' });
    expect((await audit.list({ action: 'audit.verify' })).total).toBe(1);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('filters by who, what, table and time, newest first', async () => {
    const { audit } = await withHistory();
    const page = await audit.list({ table: 'services' });
    expect(page.entries.map((e) => e.action)).toEqual([
      'service.delete',
      'service.verify',
      'service.create',
      'service.create',
      'service.create',
    ]);
    expect((await audit.list({ actor: 'nobody' })).total).toBe(0);
    expect((await audit.list({ from: '2999-01-01T00:00:00Z' })).total).toBe(0);
    expect(await audit.facets()).toMatchObject({
      actors: ['awa'],
      tables: ['locations', 'organizations', 'referrals', 'services'],
    });
  });

  it('shows nothing to anyone but an administrator', async () => {
    const { db } = await withHistory();
    const coordinator = createAuditRepository(db, {
      actor,
      subject: () => ({ role: 'coordinator', shelterServiceIds: [] }),
    });
    expect(await coordinator.list({})).toEqual({ entries: [], total: 0 });
    expect(await coordinator.verify()).toBeNull();
    expect(await coordinator.exportCsv({})).toBeNull();
  });
});

describe('upgrade from version 1', () => {
  it('keeps the data, chains the old audit entries, and opens the new tables', async () => {
    const name = `audit-upgrade-${++n}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    await v1.open();
    const at = '2026-01-05T09:00:00.000Z';
    await v1.table('settings').put({
      key: 'office',
      value: { country: 'ML', officeCode: 'BKO', officeName: 'Bamako', userName: 'Awa' },
    });
    await v1.table('audit').bulkAdd([
      { at, actor: 'Awa', action: 'settings.office', table: 'settings', recordId: 'office' },
      { at, actor: 'Awa', action: 'service.create', table: 'services', recordId: 's-1' },
    ]);
    v1.close();

    const db = open(name);
    const directory = createDirectoryRepository(db, actor);
    expect((await directory.create(draft)).ok).toBe(true);
    expect(await db.settings.get('office')).toMatchObject({ value: { officeCode: 'BKO' } });
    const entries = await db.audit.toArray();
    expect(entries.slice(0, 2).map((e) => [e.seq, e.action, e.actor])).toEqual([
      [1, 'settings.office', 'Awa'],
      [2, 'service.create', 'Awa'],
    ]);
    expect(entries[2]?.prev).toBe(entries[1]?.hash);
    const audit = createAuditRepository(db, { actor, subject: () => admin });
    expect(await audit.verify()).toMatchObject({ ok: true, count: 5 });
    expect(await usersTable(db).count()).toBe(0);
    expect(await db.audit.where('actor').equals('awa').count()).toBe(4);
  });
});
