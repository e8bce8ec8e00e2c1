import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServiceDraftInput, ServiceView } from '@shared/domain/directory/schema';
import { buildSearchIndex, searchIndex } from '@shared/domain/directory/search';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import Dexie from 'dexie';
import { DEMO_KEY, DIRECTORY_CACHE, VERSION_KEY } from '../directoryVersion';
import { STORES_V1 } from '../db';
import { createDirectoryRepository } from './directory';
import { readFirstPageEarly } from './directoryCache';

afterEach(deleteTestDbs);
const actor = () => ({ office: 'BKO', user: 'Awa' });

const draft = (name: string, over: Partial<ServiceDraftInput> = {}): ServiceDraftInput => ({
  organizationName: 'Association Sœurs Solidaires',
  name,
  category: 'shelter',
  populations: ['women'],
  languages: ['fr'],
  phones: ['+223 76 45 12 90'],
  adminAreaCode: 'ML-BKO',
  city: 'Bamako',
  latitude: 12.62,
  longitude: -8.05,
  visibility: 'public',
  ...over,
});

const toDoc = (v: ServiceView) => ({
  id: v.service.id,
  name: v.service.name,
  locality: v.locations.map((l) => `${l.name} ${l.address.city}`).join(' '),
});

const setUp = async () => {
  const db = openTestDb(testDbName('directory-cache'));
  const repo = createDirectoryRepository(db, actor);
  const version = async () =>
    ((await db.table(DIRECTORY_CACHE).get(VERSION_KEY)) as { value: string } | undefined)?.value;
  return { db, repo, version };
};

describe('directory cache', () => {
  it('the data version changes with every write to the directory, whoever makes it', async () => {
    const { db, repo, version } = await setUp();
    const seen = new Set<string | undefined>([await version()]);
    const created = await repo.create(draft('Maison Sébénikoro'));
    if (!created.ok) throw new Error('create');
    seen.add(await version());
    await repo.markVerified(created.value.id, '2026-11-20');
    seen.add(await version());
    // Straight to the tables, as sync, an import or a test would.
    const service = (await db.services.get(created.value.id))!;
    await db.services.put({ ...service, name: 'Autre nom' });
    seen.add(await version());
    await db.locations.bulkDelete(service.locationIds);
    seen.add(await version());
    await db.organizations.clear();
    seen.add(await version());
    expect(seen.size).toBe(6);
    // Other tables leave it alone.
    const v = await version();
    await db.settings.put({ key: 'x', value: 1 });
    expect(await version()).toBe(v);
  });

  it('keeps the first page and the index only while the data is the one they were built from', async () => {
    const { db, repo } = await setUp();
    for (const name of ['Centre Ségou', 'Abri Kati', 'Refuge Mopti'])
      await repo.create(draft(name));
    const { views, version } = await repo.listViewsVersioned();
    const index = buildSearchIndex(views.map(toDoc));
    const first = [...views].sort((a, b) => a.service.name.localeCompare(b.service.name));
    expect(await repo.saveFirstPage({ version, total: views.length, demo: 0, first })).toBe(true);
    expect(await repo.saveIndex({ version, locale: 'fr', views, index, toDoc })).toBe(true);

    const page = await repo.firstPage();
    expect(page?.total).toBe(3);
    expect(page?.views.map((v) => v.service.name)).toEqual([
      'Abri Kati',
      'Centre Ségou',
      'Refuge Mopti',
    ]);
    const stored = await repo.storedIndex(version, 'fr');
    expect(stored && searchIndex(stored, 'kati').hits.map((h) => h.id)).toEqual(
      searchIndex(index, 'kati').hits.map((h) => h.id),
    );
    // Another language (labels are indexed in it): not used.
    expect(await repo.storedIndex(version, 'ar')).toBeUndefined();

    // One write anywhere in the directory, and neither is used any more.
    await db.services.update(views[0]!.service.id, { name: 'Renommé' });
    expect(await repo.firstPage()).toBeUndefined();
    const now = await repo.listViewsVersioned();
    expect(now.version).not.toBe(version);
    expect(await repo.storedIndex(now.version, 'fr')).toBeUndefined();
    // Saving what was built from the old data is refused: it would be stale at once.
    expect(await repo.saveFirstPage({ version, total: 3, demo: 0, first })).toBe(false);
    expect(await repo.saveIndex({ version, locale: 'fr', views, index, toDoc })).toBe(false);
  });

  it('a save the screen stops wanting (its data changed meanwhile) stores nothing', async () => {
    const { db, repo } = await setUp();
    for (const name of ['Centre Ségou', 'Abri Kati']) await repo.create(draft(name));
    const { views, version } = await repo.listViewsVersioned();
    const index = buildSearchIndex(views.map(toDoc));
    let asked = 0;
    const wanted = () => (asked++, false);
    expect(await repo.saveIndex({ version, locale: 'fr', views, index, toDoc, wanted })).toBe(
      false,
    );
    expect(asked).toBeGreaterThan(0);
    expect(await db.table(DIRECTORY_CACHE).get('searchIndex')).toBeUndefined();
  });

  it('a damaged stored index is not used (the screen rebuilds it)', async () => {
    const { db, repo } = await setUp();
    await repo.create(draft('Centre Ségou'));
    const { views, version } = await repo.listViewsVersioned();
    const index = buildSearchIndex(views.map(toDoc));
    await repo.saveIndex({ version, locale: 'fr', views, index, toDoc });
    const table = db.table<{ key: string; index: { offsets: Uint32Array } }, string>(
      DIRECTORY_CACHE,
    );
    const row = (await table.get('searchIndex'))!;
    row.index.offsets = row.index.offsets.map((o) => o + 1);
    await table.put(row);
    expect(await repo.storedIndex(version, 'fr')).toBeUndefined();
  });

  it('says whether demo services are there from the cache while current, else from the records', async () => {
    const { db, repo } = await setUp();
    await repo.create(draft('Centre Ségou'));
    expect(await repo.hasDemo()).toBe(false);
    // Once the demo note is forgotten (a delete, a demo record written): the cache, the records.
    await db.table(DIRECTORY_CACHE).delete(DEMO_KEY);
    const { views, version } = await repo.listViewsVersioned();
    // A cache saying there is one: believed only while the data is the one it was built from.
    await repo.saveFirstPage({ version, total: 1, demo: 1, first: views });
    expect(await repo.hasDemo()).toBe(true);
    await db.services.update(views[0]!.service.id, { name: 'Renommé' });
    expect(await repo.hasDemo()).toBe(false);
    await repo.loadDemo();
    expect(await repo.hasDemo()).toBe(true);
  });

  it('keeps knowing about the demo through writes of other services, forgets it on a demo write or a delete', async () => {
    const { db, repo } = await setUp();
    const known = async () =>
      ((await db.table(DIRECTORY_CACHE).get(DEMO_KEY)) as { present?: boolean } | undefined)
        ?.present;
    await repo.loadDemo('ML');
    expect(await known()).toBe(true);
    // What an import writes: services that are not demo ones. The header answers without a scan.
    const made = await repo.create(draft('Centre Ségou'));
    if (!made.ok) throw new Error('setup');
    await db.services.bulkPut([{ ...made.value, name: 'Centre Ségou (2)', demo: false }]);
    expect(await known()).toBe(true);
    expect(await repo.hasDemo()).toBe(true);
    // Every demo service tombstoned one by one (sync, the editor): the note is dropped, the
    // records answer.
    const demoIds = (await db.services.toArray()).filter((s) => s.demo).map((s) => s.id);
    for (const id of demoIds) await repo.remove(id);
    expect(await known()).toBeUndefined();
    expect(await repo.hasDemo()).toBe(false);
    await repo.loadDemo('ML');
    expect(await repo.hasDemo()).toBe(true);
    await repo.removeDemo();
    expect(await known()).toBe(false);
    expect(await repo.hasDemo()).toBe(false);
    // A crafted or restored record that says it is demo data is never hidden by the note.
    await db.services.put({ ...made.value, id: crypto.randomUUID(), demo: true });
    expect(await known()).toBeUndefined();
    expect(await repo.hasDemo()).toBe(true);
  });

  it('notes the demo once when an older database is opened (version 16)', async () => {
    const name = testDbName('directory-cache');
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    await v1.open();
    const old = await createDirectoryRepository(v1 as never, actor).create(draft('Centre Kayes'));
    if (!old.ok) throw new Error('setup');
    await v1.table('services').put({ ...old.value, id: crypto.randomUUID(), demo: true });
    v1.close();
    const db = openTestDb(name);
    await db.open();
    expect(await db.table(DIRECTORY_CACHE).get(DEMO_KEY)).toEqual({ key: DEMO_KEY, present: true });
    expect(await createDirectoryRepository(db, actor).hasDemo()).toBe(true);
  });

  it('believes a cached demo count only if it is a count', async () => {
    const { db, repo } = await setUp();
    await repo.create(draft('Centre Ségou'));
    // Once the demo note is forgotten: the first page's count, then the records.
    await db.table(DIRECTORY_CACHE).delete(DEMO_KEY);
    const { views, version } = await repo.listViewsVersioned();
    await repo.saveFirstPage({ version, total: 1, demo: 1, first: views });
    expect(await repo.hasDemo()).toBe(true);
    // A stored row with a count that is not one: the records are asked instead (none is demo).
    const table = db.table<{ key: string; demo: unknown }, string>(DIRECTORY_CACHE);
    for (const demo of [-1, 1.5, '1', null]) {
      const row = (await table.get('firstPage'))!;
      await table.put({ ...row, demo });
      expect(await repo.hasDemo()).toBe(false);
    }
    // …and the row is still current: a count that is one is believed again.
    await table.put({ ...(await table.get('firstPage'))!, demo: 1 });
    expect(await repo.hasDemo()).toBe(true);
  });
});

describe('the first page read as the window starts (cold start)', () => {
  /** Three services, their first page saved, and the page's row rewritten behind the cache. */
  const saved = async () => {
    const { db, repo } = await setUp();
    for (const name of ['Centre Ségou', 'Abri Kati', 'Refuge Mopti'])
      await repo.create(draft(name));
    const { views, version } = await repo.listViewsVersioned();
    await repo.saveFirstPage({ version, total: views.length, demo: 0, first: views });
    /** Changes the stored page's count only (no directory write: the version stays). */
    const recount = async (total: number) => {
      const table = db.table(DIRECTORY_CACHE);
      await table.put({ ...(await table.get('firstPage')), total });
    };
    return { db, repo, views, recount };
  };

  it('is what the first firstPage() returns, once; later calls read again', async () => {
    const { db, repo, recount } = await saved();
    readFirstPageEarly(db);
    await new Promise((r) => setTimeout(r, 20)); // the early read is done
    await recount(99);
    // The early read (taken before the recount), checked and returned as a read of its own.
    expect((await repo.firstPage())?.total).toBe(3);
    expect((await repo.firstPage())?.total).toBe(99);
  });

  it('is not used once the directory was written to after it: the page of the data as it is', async () => {
    const { db, repo, views } = await saved();
    readFirstPageEarly(db);
    await new Promise((r) => setTimeout(r, 20));
    // Straight to the table, as sync or an import would: the version changes, the page is stale.
    await db.services.update(views[0]!.service.id, { name: 'Renommé' });
    expect(await repo.firstPage()).toBeUndefined();
  });

  it('is not used for another database, nor after it waited too long', async () => {
    const { db, repo, recount } = await saved();
    const other = await saved();
    readFirstPageEarly(other.db);
    await new Promise((r) => setTimeout(r, 20));
    await recount(42);
    expect((await repo.firstPage())?.total).toBe(42);

    readFirstPageEarly(db);
    await new Promise((r) => setTimeout(r, 20));
    await recount(7);
    const later = performance.now() + 11_000;
    vi.spyOn(performance, 'now').mockReturnValue(later);
    try {
      expect((await repo.firstPage())?.total).toBe(7);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
