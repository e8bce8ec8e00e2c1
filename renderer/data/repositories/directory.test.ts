import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceDraftInput } from '@shared/domain/directory/schema';
import { serviceSchema } from '@shared/domain/directory/schema';
import type { Service } from '@shared/domain/directory/schema';
import { STORES_V1 } from '../db';
import type { PasserelleDb } from '../db';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { createDirectoryRepository } from './directory';

const open = (name = testDbName('directory-test')) => openTestDb(name);
afterEach(deleteTestDbs);
const actor = () => ({ office: 'BKO', user: 'Awa' });

const draft = (over: Partial<ServiceDraftInput> = {}): ServiceDraftInput => ({
  organizationName: 'Association Sœurs Solidaires',
  name: 'Maison d’accueil Sébénikoro',
  category: 'shelter',
  populations: ['women', 'girls'],
  languages: ['fr', 'bm'],
  phones: ['+223 76 45 12 90'],
  adminAreaCode: 'ML-BKO',
  city: 'Sébénikoro',
  latitude: 12.62,
  longitude: -8.05,
  visibility: 'restricted',
  ...over,
});

describe('directory repository', () => {
  it('creates a service with its organisation and location in one transaction, journalled', async () => {
    const db = open();
    const repo = createDirectoryRepository(db, actor);
    const result = await repo.create(draft());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const view = await repo.getView(result.value.id);
    expect(view?.service).toEqual(serviceSchema.parse(view?.service));
    expect(view?.organization?.name).toBe('Association Sœurs Solidaires');
    expect(view?.locations[0]).toMatchObject({
      address: { adminAreaCode: 'ML-BKO', country: 'ML', city: 'Sébénikoro' },
      visibility: 'restricted',
      office: 'BKO',
    });
    expect(view?.service.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.changes.count()).toBe(3);
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(
      Array(3).fill('service.create'),
    );
  });

  it('refuses invalid input field by field and writes nothing', async () => {
    const db = open();
    const repo = createDirectoryRepository(db, actor);
    const result = await repo.create(draft({ phones: ['76-AB-12'], latitude: 112.6, name: ' ' }));
    expect(result).toEqual({
      ok: false,
      errors: {
        'phones.0': 'validation.phone',
        latitude: 'validation.latitude',
        name: 'validation.required',
      },
    });
    expect(await db.services.count()).toBe(0);
    expect(await db.organizations.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('refuses a latitude without a longitude and an unknown region', async () => {
    const repo = createDirectoryRepository(open(), actor);
    const r1 = await repo.create(draft({ longitude: null }));
    expect(r1.ok || r1.errors).toEqual({ longitude: 'validation.coordinatesPair' });
    const r2 = await repo.create(draft({ adminAreaCode: 'ML-99' }));
    expect(r2.ok || r2.errors).toEqual({ adminAreaCode: 'validation.adminArea' });
  });

  it('updates in place, keeping ids, owner and creation time; reuses an organisation by name', async () => {
    const db = open();
    const repo = createDirectoryRepository(db, actor);
    const a = await repo.create(draft());
    const b = await repo.create(
      draft({ name: 'Clinique', organizationName: 'association soeurs solidaires' }),
    );
    if (!a.ok || !b.ok) throw new Error('setup');
    expect(b.value.organizationId).toBe(a.value.organizationId);
    const before = (await repo.getView(a.value.id))!;
    const updated = await repo.update(a.value.id, draft({ hours: '24 h/24' }));
    if (!updated.ok) throw new Error('update');
    const after = (await repo.getView(a.value.id))!;
    expect(after.service.hours).toBe('24 h/24');
    expect(after.service.createdAt).toBe(before.service.createdAt);
    expect(after.locations[0]!.id).toBe(before.locations[0]!.id);
    expect(after.service.phones[0]!.id).toBe(before.service.phones[0]!.id);
  });

  it('deletes as a tombstone (replicates) and hides the service', async () => {
    const db = open();
    const repo = createDirectoryRepository(db, actor);
    const a = await repo.create(draft());
    if (!a.ok) throw new Error('setup');
    expect(await repo.remove(a.value.id)).toBe(true);
    expect(await repo.getView(a.value.id)).toBeUndefined();
    expect(await repo.listViews()).toEqual([]);
    const row = await db.services.get(a.value.id);
    expect(row?.deletedAt).toEqual(expect.any(String));
    const loc = await db.locations.get(a.value.locationIds[0]!);
    expect(loc?.deletedAt).toEqual(expect.any(String));
    expect((await db.changes.toArray()).filter((c) => c.op === 'delete')).toHaveLength(2);
  });

  it('counts live services without reading them: tombstones and demo removal included', async () => {
    const db = open();
    const repo = createDirectoryRepository(db, actor);
    expect(await repo.count()).toBe(0);
    const a = await repo.create(draft());
    const b = await repo.create(draft({ name: 'Clinique juridique de Kati' }));
    if (!a.ok || !b.ok) throw new Error('setup');
    expect(await repo.count()).toBe(2);
    await repo.remove(a.value.id);
    expect(await repo.count()).toBe(1);
    const demo = await repo.loadDemo('ML');
    expect(await repo.count()).toBe(1 + demo);
    expect(await repo.count()).toBe((await repo.listViews()).length);
    await repo.removeDemo();
    expect(await repo.count()).toBe(1);
    // A tombstone coming in from elsewhere (sync, restore) is not counted either.
    await db.services.put({ ...b.value, deletedAt: '2026-12-03T10:00:00.000Z' });
    expect(await repo.count()).toBe(0);
  });

  it('marks a service verified today by the current user', async () => {
    const repo = createDirectoryRepository(open(), actor);
    const a = await repo.create(draft());
    if (!a.ok) throw new Error('setup');
    await repo.markVerified(a.value.id, '2026-11-23');
    expect((await repo.getView(a.value.id))?.service.lastVerified).toEqual({
      date: '2026-11-23',
      by: 'Awa',
    });
  });

  it('loads demo data without putting it in the sync outbox, and removes it in one action', async () => {
    const db = open();
    const repo = createDirectoryRepository(db, actor);
    await repo.create(draft());
    const loaded = await repo.loadDemo();
    expect(loaded).toBeGreaterThan(100);
    expect(await repo.hasDemo()).toBe(true);
    expect(await db.changes.count()).toBe(3);
    expect(await repo.removeDemo()).toBe(loaded);
    const left = await repo.listViews();
    expect(left.map((v) => v.service.name)).toEqual(['Maison d’accueil Sébénikoro']);
    expect(await db.organizations.count()).toBe(1);
  });
});

describe('database versions', () => {
  it('a save that keeps meeting a newer version writes nothing and says so, not "no longer exists"', async () => {
    const db = open();
    const repo = createDirectoryRepository(db, actor);
    const a = await repo.create(draft());
    if (!a.ok) throw new Error('create failed');
    const changes = await db.changes.count();
    // Another writer (a sync, a second desk) changes the service between every read and write.
    let n = 0;
    const moving = (s: Service) => ({
      ...s,
      updatedAt: `2026-01-01T00:00:${String(n++ % 60).padStart(2, '0')}.000Z`,
    });
    db.services.hook('reading', moving);
    const r = await repo.update(a.value.id, draft({ name: 'Maison d’accueil Sébénikoro II' }));
    expect(r).toEqual({ ok: false, errors: { _: 'validation.changedMeanwhile' } });
    expect(await db.changes.count()).toBe(changes);
    db.services.hook('reading').unsubscribe(moving);
    expect((await db.services.get(a.value.id))?.name).toBe('Maison d’accueil Sébénikoro');
  });

  it('opens fresh at the current version with every table', async () => {
    const db = open();
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(1);
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(Object.keys(STORES_V1)));
  });

  it('opens a version-1 database through the upgrade path with its data intact', async () => {
    const name = testDbName('directory-test');
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    const repoV1Db = v1 as unknown as PasserelleDb;
    await v1.open();
    const repoV1 = createDirectoryRepository(repoV1Db, actor);
    const a = await repoV1.create(draft());
    const gone = await repoV1.create(draft({ name: 'Ancien centre de Ségou' }));
    if (!a.ok || !gone.ok) throw new Error('setup');
    await repoV1.remove(gone.value.id);
    v1.close();
    const db = openTestDb(name);
    const repo = createDirectoryRepository(db, actor);
    const view = await repo.getView(a.value.id);
    expect(view?.service.name).toBe('Maison d’accueil Sébénikoro');
    // The tombstone index (version 16) is built over the records already there.
    expect(await repo.count()).toBe(1);
    expect(await db.audit.count()).toBe(8);
    // The outbox survives version 8 dropping its unused indexes, still in seq order.
    expect((await db.changes.orderBy('seq').toArray()).map((c) => c.table)).toEqual([
      ...['organizations', 'locations', 'services'],
      ...['organizations', 'locations', 'services'],
      ...['services', 'locations'],
    ]);
  });
});
