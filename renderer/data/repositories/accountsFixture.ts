/**
 * Test fixture (not shipped: only tests import it): an installation set up with its first
 * administrator logged in, as the session store would have it, on fake-indexeddb.
 */
import type { Subject } from '@shared/domain/accounts/permissions';
import type { UserSummary } from '@shared/domain/accounts/schema';
import type { Platform } from '@shared/platform/contract';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { createKeyStore } from '../keys';
import { actorOf, createAccountsRepository } from './accounts';
import { createSessionsRepository } from './sessions';

export const openDb = () => openTestDb(testDbName('accounts-test'));

/** For afterEach: closes and deletes every database opened here. */
export const closeAll = deleteTestDbs;

export const webKeys: Pick<Platform, 'dataKey' | 'storeDataKey'> = {
  dataKey: async () => ({ protection: 'unavailable', backend: 'browser', key: null }),
  storeDataKey: async () => ({ stored: false, protection: 'unavailable' }),
};

export const OFFICE = {
  country: 'ML',
  officeCode: 'BKO',
  officeName: 'DRPFEF Bamako',
  userName: 'Awa Traoré',
};
export const ADMIN_PASSWORD = 'trois pirogues sur le Niger';

export const installed = async (clock = { now: new Date('2026-11-23T10:00:00Z') }) => {
  const db = openDb();
  let current: UserSummary | null = null;
  const subject = (): (Subject & { id: string }) | null => current;
  const actor = () => (current ? actorOf(current) : { office: 'BKO', user: 'system' });
  const now = () => clock.now;
  const accounts = createAccountsRepository(db, { actor, subject, now });
  const sessions = createSessionsRepository(db, { now });
  const keys = createKeyStore(db, webKeys);
  const setup = await accounts.setup(
    { office: OFFICE, username: 'Awa', password: ADMIN_PASSWORD, confirm: ADMIN_PASSWORD },
    keys,
  );
  if (!setup.ok) throw new Error(JSON.stringify(setup.errors));
  current = setup.value.user;
  const as = (user: UserSummary | null) => void (current = user);
  return {
    db,
    accounts,
    sessions,
    keys,
    admin: setup.value.user,
    dataKey: setup.value.dataKey,
    as,
    clock,
  };
};
