// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import type { PasserelleDb } from '../db';
import { afterEach, describe, expect, it } from 'vitest';
import { ExchangeError } from '@shared/domain/exchange/limits';
import { ADMIN_PASSWORD, closeAll, installed } from './accountsFixture';
import { actorOf } from './accounts';
import { createBackupRepository } from './backupRestore';
import { createDirectoryRepository } from './directory';
import { decryptBackup, encryptBackup } from './exchangeBackup';
import { DEMO_KEY, DIRECTORY_CACHE } from '../directoryVersion';

afterEach(closeAll);
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: unknown) => (e instanceof ExchangeError ? e.code : String(e)),
  );
// The directory cache (its data version changes with every write) is not part of a backup.
const snapshot = async (db: PasserelleDb) =>
  Object.fromEntries(
    await Promise.all(
      db.tables
        .filter((t) => t.name !== DIRECTORY_CACHE)
        .map(async (t) => [t.name, await t.toArray()] as const),
    ),
  );

describe('encrypted backup', () => {
  it('encrypts with a versioned, authenticated header; any changed byte fails', async () => {
    const plain = new TextEncoder().encode('{"hello":"Ségou"}');
    const file = await encryptBackup(plain, 'correct horse', 100_000);
    expect(new TextDecoder().decode(file.slice(0, 8))).toBe('PSRLBKUP');
    expect(new TextDecoder().decode(await decryptBackup(file, 'correct horse'))).toBe(
      '{"hello":"Ségou"}',
    );
    expect(await codeOf(decryptBackup(file, 'wrong horse'))).toBe('backupAuth');
    for (const at of [20, 35, file.length - 1, 50]) {
      const bad = file.slice();
      bad[at]! ^= 0x01;
      expect(await codeOf(decryptBackup(bad, 'correct horse')), `byte ${at}`).toBe('backupAuth');
    }
    expect(
      await codeOf(decryptBackup(new TextEncoder().encode('id,name\n1,2\n'.repeat(10)), 'x')),
    ).toBe('backupNotBackup');
    const future = file.slice();
    future[8] = 9;
    expect(await codeOf(decryptBackup(future, 'correct horse'))).toBe('backupVersion');
  });

  it('backup then restore: refused files change nothing; the right one replaces everything', async () => {
    const { db, admin } = await installed();
    const actor = () => actorOf(admin);
    const directory = createDirectoryRepository(db, actor, () => admin);
    await directory.loadDemo();
    const backups = createBackupRepository(db, { subject: () => admin });
    const file = await backups.backup('phrase de passe du bureau', ADMIN_PASSWORD);
    const before = await snapshot(db);

    // Changes after the backup, which the restore must undo.
    const [first] = await directory.listViews();
    await directory.remove(first!.service.id);
    await db.settings.put({ key: 'after', value: 1 });
    const changed = await snapshot(db);

    expect(await codeOf(backups.restore(file, 'mauvaise phrase', ADMIN_PASSWORD, actor()))).toBe(
      'backupAuth',
    );
    const tampered = file.slice();
    tampered[Math.floor(file.length / 2)]! ^= 0xff;
    expect(
      await codeOf(backups.restore(tampered, 'phrase de passe du bureau', ADMIN_PASSWORD, actor())),
    ).toBe('backupAuth');
    expect(await snapshot(db)).toEqual(changed);

    const summary = await backups.restore(
      file,
      'phrase de passe du bureau',
      ADMIN_PASSWORD,
      actor(),
    );
    expect(summary.rows).toBeGreaterThan(300);
    const after = await snapshot(db);
    const { audit, ...rest } = after;
    const { audit: auditBefore, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    // The audit trail is the backup's plus one entry saying it was restored.
    expect(audit!.slice(0, -1)).toEqual(auditBefore);
    expect(audit!.at(-1)).toMatchObject({ action: 'backup.restore', actor: 'awa' });
    // The demo came back with the backup, and the header knows without reading every service.
    expect(await db.table(DIRECTORY_CACHE).get(DEMO_KEY)).toEqual({ key: DEMO_KEY, present: true });
    expect(await directory.hasDemo()).toBe(true);
  }, 60_000);

  it('a restored backup without demo data leaves no demo noted', async () => {
    const { db, admin } = await installed();
    const actor = () => actorOf(admin);
    const directory = createDirectoryRepository(db, actor, () => admin);
    const backups = createBackupRepository(db, { subject: () => admin });
    const file = await backups.backup('phrase de passe du bureau', ADMIN_PASSWORD);
    await directory.loadDemo();
    expect(await directory.hasDemo()).toBe(true);
    await backups.restore(file, 'phrase de passe du bureau', ADMIN_PASSWORD, actor());
    expect(await db.table(DIRECTORY_CACHE).get(DEMO_KEY)).toEqual({
      key: DEMO_KEY,
      present: false,
    });
    expect(await directory.hasDemo()).toBe(false);
  }, 60_000);
});
