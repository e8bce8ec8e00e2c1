/**
 * Issue 17: an HSDS 1.x package from another system (ids "1", "svc-1") imported twice updates
 * the same records, keeps their foreign ids as external identifiers, and an edit in the app
 * between the two imports does not lose them.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { hsds1Package } from '../../../tests/fixtures/hsdsForeign';
import { findDuplicates } from '@shared/domain/exchange/duplicates';
import { planHsds } from '@shared/domain/exchange/importFile';
import { testContext } from '@shared/domain/exchange/testing';
import { zipSync, unzipSync } from 'fflate';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { createDirectoryRepository } from './directory';
import { createExchangeRepository } from './exchange';

afterEach(deleteTestDbs);
const actor = () => ({ office: 'BKO', user: 'Awa' });
const plan = (bytes = hsds1Package(), name = 'export.zip') =>
  planHsds([{ name, bytes }], 'hsds-package', {
    ...testContext(),
    newId: () => crypto.randomUUID(),
  });
const identifiers = async (db: ReturnType<typeof openTestDb>) =>
  new Map(
    (await db.services.toArray()).map((s) => [s.name, s.externalIds?.map((x) => x.identifier)]),
  );

/** The same package as the partner exports it a week later: one service renamed. */
const renamedPackage = () => {
  const files = unzipSync(hsds1Package());
  const csv = new TextDecoder().decode(files['export/data/services.csv']);
  files['export/data/services.csv'] = new TextEncoder().encode(
    csv.replace('Accueil de nuit', 'Accueil de nuit (24 h/24)'),
  );
  return zipSync(files);
};

describe('re-importing an HSDS package of another system', () => {
  it('updates the same records, no duplicates, identifiers kept', async () => {
    const db = openTestDb(testDbName('hsds-ids'));
    const repo = createExchangeRepository(db, actor);
    const first = plan();
    expect(await repo.importPlan(first, [], new Map())).toMatchObject({ created: 3 });
    expect(await identifiers(db)).toEqual(
      new Map([
        ['Accueil de nuit', ['svc-1']],
        ['Écoute', ['svc-2']],
        ['Orientation juridique', ['svc-3']],
      ]),
    );

    // An edit in the app between the two imports keeps the identifiers.
    const night = (await db.services.toArray()).find((s) => s.name === 'Accueil de nuit')!;
    const directory = createDirectoryRepository(db, actor);
    const view = (await directory.getView(night.id))!;
    const edited = await directory.update(night.id, {
      organizationName: view.organization!.name,
      name: night.name,
      category: night.category,
      adminAreaCode: view.locations[0]!.address.adminAreaCode,
      hours: 'Tous les jours 18 h – 8 h',
    });
    expect(edited).toMatchObject({ ok: true, value: { externalIds: night.externalIds } });

    const again = plan(renamedPackage(), 'export-semaine-2.zip');
    const dups = findDuplicates(again, await repo.existingViews());
    expect(dups).toHaveLength(3);
    expect(dups.every((d) => d.reasons.includes('id'))).toBe(true);
    expect(await repo.importPlan(again, dups, new Map())).toEqual({
      created: 0,
      merged: 3,
      skipped: 0,
      refused: 0,
    });
    expect(await db.services.count()).toBe(3);
    expect(await db.organizations.count()).toBe(2);
    expect(await db.locations.count()).toBe(2);
    expect(await identifiers(db)).toEqual(
      new Map([
        ['Accueil de nuit (24 h/24)', ['svc-1']],
        ['Écoute', ['svc-2']],
        ['Orientation juridique', ['svc-3']],
      ]),
    );
    const orgs = await db.organizations.toArray();
    expect(orgs.map((o) => o.externalIds?.[0]?.identifier).sort()).toEqual(['1', '2']);
    expect(orgs.every((o) => o.externalIds?.[0]?.identifierScheme === 'annuaire-partenaire')).toBe(
      true,
    );
  });

  it('an organisation already in the directory by name gets the identifier, nothing else', async () => {
    const db = openTestDb(testDbName('hsds-ids-named'));
    const directory = createDirectoryRepository(db, actor);
    const made = await directory.create({
      organizationName: 'Association Kanuya (fictive)',
      name: 'Permanence',
      category: 'shelter',
      adminAreaCode: 'ML-4',
    });
    if (!made.ok) throw new Error('not created');
    const before = (await db.organizations.toArray())[0]!;
    const repo = createExchangeRepository(db, actor);
    const p = plan();
    await repo.importPlan(p, findDuplicates(p, await repo.existingViews()), new Map());
    const after = (await db.organizations.get(before.id))!;
    expect(after).toEqual({
      ...before,
      updatedAt: after.updatedAt,
      externalIds: [
        {
          identifierScheme: 'annuaire-partenaire',
          identifierType: 'organization_id',
          identifier: '1',
        },
      ],
    });
    // Its services hang on the organisation already there, no second one of that name.
    expect(await db.organizations.count()).toBe(2);
  });
});
