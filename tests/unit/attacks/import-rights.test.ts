/**
 * Attack: a role without `exchange.import` (a viewer, a shelter manager, ministry staff, a
 * frontline worker) calls the import's write through the repository directly, with a valid plan,
 * skipping the screen's route guard. The repository refuses it and writes nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import { can } from '@shared/domain/accounts/permissions';
import { planFlat, previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import { ExchangeError } from '@shared/domain/exchange/limits';
import { generateCsv, testContext } from '@shared/domain/exchange/testing';
import { createExchangeRepository } from '../../../renderer/data/repositories/exchange';
import { deleteTestDbs, openTestDb, testDbName } from '../../../renderer/data/testDb';

afterEach(deleteTestDbs);
const actor = () => ({ office: 'BKO', user: 'Agent' });

const plan = async () => {
  const { csv } = generateCsv(30, 100);
  const table = await readFlat(
    { name: 'sheet.csv', bytes: new TextEncoder().encode(csv) },
    'csv',
    { encoding: 'auto' },
    () => Promise.reject(new Error('unused')),
  );
  return planFlat(table, 'sheet.csv', 'csv', previewFlat(table).suggested, {
    ...testContext(),
    newId: () => crypto.randomUUID(),
  });
};

const ROLES: Subject['role'][] = [
  'administrator',
  'coordinator',
  'shelter_manager',
  'ministry_staff',
  'viewer',
  'frontline',
];

describe('import rights in the data layer', () => {
  it.each(ROLES)('%s: imports only if the role has exchange.import', async (role) => {
    const db = openTestDb(testDbName(`import-rights-${role}`));
    const who = { role, shelterServiceIds: [] };
    const repo = createExchangeRepository(db, actor, undefined, () => who);
    const write = repo.importPlan(await plan(), [], new Map());
    if (can(who, 'exchange.import')) {
      await expect(write).resolves.toMatchObject({ created: expect.any(Number) });
      expect(await db.services.count()).toBeGreaterThan(0);
    } else {
      await expect(write).rejects.toEqual(new ExchangeError('notAllowed'));
      expect(await db.services.count()).toBe(0);
      expect(await db.changes.count()).toBe(0);
      expect(await db.audit.count()).toBe(0);
    }
  });

  it('nobody logged in: refused', async () => {
    const db = openTestDb(testDbName('import-rights-none'));
    const repo = createExchangeRepository(db, actor, undefined, () => null);
    await expect(repo.importPlan(await plan(), [], new Map())).rejects.toEqual(
      new ExchangeError('notAllowed'),
    );
    expect(await db.services.count()).toBe(0);
  });
});
