// @vitest-environment happy-dom
/**
 * Hole 9 (issue 13), read as someone holding the PC's disk would: everything IndexedDB holds,
 * serialised, must not contain the CouchDB password nor a restricted shelter's address or
 * coordinates. The Chromium profile itself is scanned by tests/e2e/plaintext-at-rest.spec.ts.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PasserelleDb } from '../../../renderer/data/db';
import { generateDataKey } from '../../../renderer/data/encryption';
import { closeAll, installed } from '../../../renderer/data/repositories/accountsFixture';
import {
  createServerCredentials,
  type ServerPlatform,
} from '../../../renderer/data/repositories/serverCredentials';
import { setMeta, syncTables } from '../../../renderer/data/repositories/sync';

afterEach(closeAll);

const PASSWORD = 'Canari-serveur-7Q2x';

/** Every row of every table as text: what a look at the profile on disk can find. */
const dump = async (db: PasserelleDb) =>
  JSON.stringify(await Promise.all(db.tables.map((t) => t.toArray())));

const browserPlatform = (): ServerPlatform => ({
  syncServerAllow: async ({ origin }) => ({ origin, changed: false, applies: false }),
  serverSecretStore: async () => ({ stored: false }),
  serverSecret: async () => ({ secret: null }),
});

const desktopPlatform = () => {
  let kept: string | null = null;
  let origin: string | null = null;
  const platform: ServerPlatform = {
    syncServerAllow: async (a) => {
      const changed = a.origin !== origin;
      origin = a.origin;
      return { origin, changed, applies: true };
    },
    serverSecretStore: async ({ secret }) => ((kept = secret), { stored: true }),
    serverSecret: async () => ({ secret: kept }),
  };
  return { platform, kept: () => kept, origin: () => origin };
};

describe('attack: read the CouchDB password from the profile', () => {
  it('browser: sealed with the data key, opened only with it', async () => {
    const env = await installed();
    let key: CryptoKey | null = env.dataKey;
    const creds = createServerCredentials(syncTables(env.db), browserPlatform(), {
      subject: () => env.admin,
      dataKey: () => key,
    });
    await creds.save({
      url: 'https://couchdb.mrn.ml/passerelle',
      username: 'bko',
      password: PASSWORD,
      enabled: true,
    });
    expect(await dump(env.db)).not.toContain(PASSWORD);
    expect(await creds.read()).toMatchObject({ password: PASSWORD, username: 'bko' });
    // Another key (the disk copied to another installation) opens nothing.
    key = await generateDataKey();
    expect(await creds.read()).toBeNull();
    // Saving the address again without typing the password keeps it.
    key = env.dataKey;
    await creds.save({ url: 'https://couchdb.mrn.ml/mrn', username: 'bko', enabled: true });
    expect(await creds.read()).toMatchObject({
      password: PASSWORD,
      url: 'https://couchdb.mrn.ml/mrn',
    });
  });

  it('desktop: in the OS keychain; main is told the one origin to allow', async () => {
    const env = await installed();
    const desk = desktopPlatform();
    const creds = createServerCredentials(syncTables(env.db), desk.platform, {
      subject: () => env.admin,
      dataKey: () => null,
    });
    const saved = await creds.save({
      url: 'https://couchdb.mrn.ml/passerelle',
      username: 'bko',
      password: PASSWORD,
      enabled: true,
    });
    expect(saved).toEqual({ reload: true });
    expect(desk.kept()).toBe(PASSWORD);
    expect(desk.origin()).toBe('https://couchdb.mrn.ml');
    expect(await dump(env.db)).not.toContain(PASSWORD);
    expect((await creds.read())?.password).toBe(PASSWORD);
  });

  it('a password stored in clear by an older version is moved out at the first read', async () => {
    const env = await installed();
    const tables = syncTables(env.db);
    await setMeta(tables, 'server', {
      url: 'https://couchdb.mrn.ml/passerelle',
      username: 'bko',
      password: PASSWORD,
      enabled: true,
    });
    const creds = createServerCredentials(tables, browserPlatform(), {
      subject: () => env.admin,
      dataKey: () => env.dataKey,
    });
    expect((await creds.read())?.password).toBe(PASSWORD);
    expect(await dump(env.db)).not.toContain(PASSWORD);
    expect((await creds.read())?.password).toBe(PASSWORD);
  });

  it('only an administrator changes the server (checked in the repository)', async () => {
    const env = await installed();
    const creds = createServerCredentials(syncTables(env.db), browserPlatform(), {
      subject: () => ({ role: 'coordinator', shelterServiceIds: [] }),
      dataKey: () => env.dataKey,
    });
    await expect(
      creds.save({ url: 'https://evil.example', username: 'x', password: 'y', enabled: true }),
    ).rejects.toThrow('accounts.error.notAllowed');
    expect(await creds.summary()).toBeNull();
  });
});
