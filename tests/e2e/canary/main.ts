/**
 * The canary page (accounts-canary.spec.ts): the app's real database, repositories and
 * encryption, driven without the UI, so a test can write known values into Chromium's
 * IndexedDB and then look for them in the profile's files.
 */
import { PasserelleDb } from '../../../renderer/data/db';
import { createKeyStore } from '../../../renderer/data/keys';
import { actorOf, createAccountsRepository } from '../../../renderer/data/repositories/accounts';
import { createAuditRepository } from '../../../renderer/data/repositories/audit';

export type Canaries = { sealed: string; plain: string; password: string };

declare global {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    writeCanaries: (c: Canaries) => Promise<string>;
  }
}

/** The browser build's platform: no keychain, the key is unlocked by passwords only. */
const browserKeys = {
  dataKey: async () => ({ protection: 'unavailable' as const, backend: 'browser', key: null }),
  storeDataKey: async () => ({ stored: false, protection: 'unavailable' as const }),
};

window.writeCanaries = async ({ sealed, plain, password }) => {
  const db = new PasserelleDb();
  const setup = await createAccountsRepository(db, {
    actor: () => ({ office: 'BKO', user: 'system' }),
    subject: () => null,
  }).setup(
    {
      office: { country: 'ML', officeCode: 'BKO', officeName: 'Bamako', userName: 'Awa Traoré' },
      username: 'awa',
      password,
      confirm: password,
    },
    createKeyStore(db, browserKeys),
  );
  if (!setup.ok) return JSON.stringify(setup.errors);
  const { user, dataKey } = setup.value;
  const audit = createAuditRepository(db, {
    actor: () => actorOf(user),
    subject: () => user,
    dataKey: () => dataKey,
  });
  // A reason is case data (sealed); the detail is not (in the clear: the scan's control).
  await audit.view({
    table: 'referrals',
    recordId: 'canary-referral',
    action: 'referral.view',
    why: sealed,
    detail: plain,
  });
  const [entry] = (await audit.list({ recordId: 'canary-referral' })).entries;
  db.close();
  return entry?.why === sealed && entry.detail === plain ? 'ok' : 'not read back';
};
