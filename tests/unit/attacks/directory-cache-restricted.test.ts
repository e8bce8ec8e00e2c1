// @vitest-environment happy-dom
/**
 * Attack (issue 15, cold start): the directory's cache (first page, search index) is saved
 * while an administrator, who sees restricted shelters' addresses, is logged in. It must hold
 * none of them: not on disk (anyone with the profile reads the cache), and not for the next
 * user, a viewer, who must not find the shelter by its street or neighbourhood. A backup must
 * not be a way to plant a cache either.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import type { ServiceView } from '@shared/domain/directory/schema';
import { buildSearchIndex, searchIndex } from '@shared/domain/directory/search';
import { DIRECTORY_CACHE } from '../../../renderer/data/directoryVersion';
import { checkRows } from '../../../renderer/data/repositories/backupRows';
import { createDirectoryRepository } from '../../../renderer/data/repositories/directory';
import { deleteTestDbs, openTestDb, testDbName } from '../../../renderer/data/testDb';
import { toSearchDoc } from '../../../renderer/features/directory/useDirectory';

afterEach(deleteTestDbs);

const STREET = 'Rue Kalabancoura 412';
const NEIGHBOURHOOD = 'Sirakoro Meguetana';

describe('directory cache and restricted addresses', () => {
  it('holds no restricted address, and a viewer finds nothing by it', async () => {
    const db = openTestDb(testDbName('attack-cache'));
    const actor = () => ({ office: 'BKO', user: 'Awa' });
    const admin: Subject = { role: 'administrator', shelterServiceIds: [] };
    const viewer: Subject = { role: 'viewer', shelterServiceIds: [] };
    let who: Subject = admin;
    const repo = createDirectoryRepository(db, actor, () => who);
    const made = await repo.create({
      organizationName: 'Association Sœurs Solidaires',
      name: 'Maison d’accueil des sœurs',
      category: 'shelter',
      populations: ['women'],
      languages: ['fr'],
      phones: ['+223 76 45 12 90'],
      adminAreaCode: 'ML-BKO',
      city: NEIGHBOURHOOD,
      address1: STREET,
      latitude: 12.62,
      longitude: -8.05,
      visibility: 'restricted',
    });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const other = await repo.create({
      organizationName: 'Centre public',
      name: 'Centre de santé Kati',
      category: 'medical',
      populations: ['women'],
      languages: ['fr'],
      phones: [],
      adminAreaCode: 'ML-2',
      city: 'Kati',
      latitude: null,
      longitude: null,
      visibility: 'public',
    });
    if (!other.ok) throw new Error(JSON.stringify(other.errors));

    // The administrator's session: sees the address, indexes it, saves the cache.
    const t = (id: string) => id;
    const toDoc = (v: ServiceView) => toSearchDoc(v, t);
    const { views, version } = await repo.listViewsVersioned();
    const mine = views.find((v) => v.service.id === made.value.id)!;
    expect(mine.locations[0]!.address.city).toBe(NEIGHBOURHOOD);
    const index = buildSearchIndex(views.map(toDoc));
    expect(searchIndex(index, 'sirakoro').total).toBe(1);
    expect(await repo.saveFirstPage({ version, total: views.length, demo: 0, first: views })).toBe(
      true,
    );
    expect(await repo.saveIndex({ version, locale: 'fr', views, index, toDoc })).toBe(true);

    // On disk: not a word of the address in the cache rows.
    const rows = await db.table(DIRECTORY_CACHE).toArray();
    const words = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : value && typeof value === 'object'
          ? Object.values(value as Record<string, unknown>).flatMap(words)
          : [];
    const text = rows.flatMap(words).join(' ').toLowerCase();
    for (const secret of ['kalabancoura', 'sirakoro', 'meguetana'])
      expect(text).not.toContain(secret);
    // The street number as a word: "412" alone also turns up inside random ids and timestamps.
    expect(text).not.toMatch(/(?<![\w.:-])412(?![\w.:-])/);
    expect(text).toContain('kati'); // the control: public places are there

    // The next user, a viewer, at the next start.
    who = viewer;
    const page = await repo.firstPage();
    const shown = page!.views.find((v) => v.service.id === made.value.id)!;
    expect(shown.locations[0]!.address.city).toBe('');
    expect(shown.locations[0]!.address.address1).toBe('');
    expect(shown.locations[0]!.latitude).toBeNull();
    const stored = (await repo.storedIndex(version, 'fr'))!;
    expect(searchIndex(stored, 'sirakoro').total).toBe(0);
    expect(searchIndex(stored, 'kalabancoura').total).toBe(0);
    expect(searchIndex(stored, 'maison accueil').total).toBe(1);
    expect(searchIndex(stored, 'kati').total).toBe(1);
  });

  it('a backup carrying cache rows is refused whole', () => {
    expect(() =>
      checkRows([{ name: DIRECTORY_CACHE, rows: [{ key: 'firstPage', version: 'x' }] }]),
    ).toThrow();
  });
});
