import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PasserelleDb, STORES_V1 } from '../db';
import { createSyncRepository } from './sync';

const dbs: Dexie[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
let n = 0;

describe('sync repository', () => {
  it('opens a version-1 database with its data and outbox, and its sync tables work', async () => {
    const name = `sync-repo-${++n}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    await v1.open();
    const id = crypto.randomUUID();
    const at = '2026-11-23T08:00:00.000Z';
    await v1.table('organizations').put({
      id,
      office: 'BKO',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      demo: false,
      name: 'Association Jigiya',
    });
    await v1
      .table('changes')
      .add({ table: 'organizations', recordId: id, op: 'put', at, office: 'BKO' });
    v1.close();

    const db = new PasserelleDb(name);
    dbs.push(db);
    expect((await db.organizations.get(id))?.name).toBe('Association Jigiya');
    const repo = createSyncRepository(db);
    // The change written before sync existed is still waiting to be sent.
    expect(await repo.pendingCount()).toBe(1);
    const keys = await repo.keys();
    expect(keys.keyId).toMatch(/^[0-9a-f]{32}$/);
    // Kept, not regenerated: the same key pair on the next start.
    expect((await createSyncRepository(db).keys()).keyId).toBe(keys.keyId);
    const identity = await repo.identity({
      officeCode: 'BKO',
      officeName: 'Bamako',
      country: 'ML',
    });
    const read = await repo.readIdentity(JSON.parse(JSON.stringify(identity)));
    expect(read).toMatchObject({ ok: true, keyId: keys.keyId });
    await expect(repo.trust(identity, keys.keyId)).rejects.toThrow('own key');
    expect(await repo.settings()).toMatchObject({ folderEnabled: false, relay: false });
  });

  it('refuses an identity file that is not one, or whose key is not a key', async () => {
    const db = new PasserelleDb(`sync-repo-${++n}`);
    dbs.push(db);
    const repo = createSyncRepository(db);
    expect(await repo.readIdentity({ format: 'passerelle-office' })).toEqual({ ok: false });
    const good = await repo.identity({ officeCode: 'BKO', officeName: 'Bamako', country: 'ML' });
    expect(await repo.readIdentity({ ...good, signingKey: 'AAAA' })).toEqual({ ok: false });
  });
});
