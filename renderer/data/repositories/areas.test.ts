import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import { customAreaSchema } from '@shared/domain/directory/customAreas';
import { REGISTRY } from '@shared/domain/sync/tables';
import { STORES_V1 } from '../db';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { AREAS_TABLE, createAreasRepository } from './areas';

afterEach(deleteTestDbs);
const actor = () => ({ office: 'BKO', user: 'Awa' });
const as = (role: Subject['role']) => () => ({ role, shelterServiceIds: [] });

describe('areas repository', () => {
  it('lets an administrator add an area, journaled for replication and audit', async () => {
    const db = openTestDb(testDbName('areas'));
    const repo = createAreasRepository(db, actor, as('administrator'));
    const r = await repo.add({ country: 'ML', level: 1, name: 'Bougouni' });
    expect(r.ok).toBe(true);
    const listed = await repo.list('ML');
    expect(listed.map((a) => a.name)).toEqual(['Bougouni']);
    expect(listed[0]!.code).toMatch(/^ML_[A-Z0-9]{6}$/);
    const changes = await db.changes.toArray();
    expect(changes).toMatchObject([{ table: AREAS_TABLE, op: 'put', office: 'BKO' }]);
    expect((await db.audit.toArray()).map((a) => a.action)).toContain('area.add');
  });

  it('refuses a coordinator, and a deprecated code, writing nothing', async () => {
    const db = openTestDb(testDbName('areas'));
    const coordinator = createAreasRepository(db, actor, as('coordinator'));
    expect(await coordinator.add({ country: 'ML', level: 1, name: 'X' })).toEqual({
      ok: false,
      error: 'areas.error.denied',
    });
    expect((await coordinator.importCsv('name,level\nX,1', 'ML')).added).toBe(0);
    const admin = createAreasRepository(db, actor, as('administrator'));
    const old = await admin.add({ country: 'PK', level: 1, name: 'FATA', iso: 'PK-TA' });
    expect(old).toMatchObject({ ok: false, error: 'areas.error.deprecated' });
    expect(await db.table(AREAS_TABLE).count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('imports a CSV list, keeping good rows and naming the bad ones', async () => {
    const db = openTestDb(testDbName('areas'));
    const repo = createAreasRepository(db, actor, as('administrator'));
    const csv = 'nom;niveau;parent;iso_code;pcode\nCercle A;2;ML-4;;ML0499\nB;2;ML-77;;';
    const r = await repo.importCsv(csv, 'ML');
    expect(r.added).toBe(1);
    expect(r.refused).toMatchObject([{ row: 3, error: 'areas.error.parent' }]);
    expect((await repo.list('ML')).map((a) => [a.code, a.parent])).toEqual([['ML0499', 'ML-4']]);
  });

  it('ignores a replicated area that shadows a reference region', async () => {
    const db = openTestDb(testDbName('areas'));
    const crafted = customAreaSchema.parse({
      id: '7b1d3c1e-1111-4111-8111-111111111111',
      office: 'EVIL',
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
      country: 'ML',
      level: 1,
      code: 'ML-4',
      iso: 'ML-4',
      name: 'Gao',
    });
    await db.table(AREAS_TABLE).put(crafted);
    expect(await createAreasRepository(db, actor).list('ML')).toEqual([]);
  });

  it('replicates through the sync registry with the office as owner', () => {
    expect(REGISTRY.get(AREAS_TABLE)).toMatchObject({ ownerField: 'office', immutable: false });
  });

  it('upgrades a version-1 database: old addresses read, the areas table exists', async () => {
    const name = testDbName('areas-upgrade');
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    await v1.open();
    await v1.table('locations').put({ id: 'l1', address: { adminAreaCode: 'ML-4' } });
    v1.close();
    const db = openTestDb(name);
    expect(await db.locations.get('l1')).toMatchObject({ address: { adminAreaCode: 'ML-4' } });
    expect(await db.table(AREAS_TABLE).count()).toBe(0);
    expect(db.verno).toBeGreaterThanOrEqual(11);
  });
});
