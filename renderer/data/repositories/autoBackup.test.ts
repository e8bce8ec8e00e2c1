// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '@shared/platform/contract';
import { PasserelleDb } from '../db';
import { generateDataKey } from '../encryption';
import { AUTO_BACKUP_KEY, createAutoBackupRepository } from './autoBackup';
import { createDirectoryRepository } from './directory';
import { ADMIN_PASSWORD, closeAll, installed } from './accountsFixture';
import { actorOf } from './accounts';
import { createBackupRepository } from './backupRestore';

let n = 0;
const dbs: Dexie[] = [];
const open = () => {
  const db = new PasserelleDb(`auto-backup-test-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(closeAll);
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
const actor = () => ({ office: 'BKO', user: 'Awa', username: 'awa' });
const PASS = 'phrase de passe automatique';

/** A platform whose main keeps what it is given, as the Electron module would. */
const fakeMain = () => {
  const written: { name: string; data: Uint8Array; keep: number }[] = [];
  const autoBackupWrite = vi.fn<Platform['autoBackupWrite']>(async (args) => {
    written.push(args);
    return { saved: true, kept: Math.min(written.length, args.keep) };
  });
  return { written, platform: { autoBackupWrite } };
};

describe('automatic backup repository', () => {
  it('stores the passphrase sealed with the data key, never in plaintext', async () => {
    const db = open();
    const repo = createAutoBackupRepository(db, actor);
    const key = await generateDataKey();
    expect(await repo.save({ enabled: true, keep: 7 }, key)).toEqual({
      ok: false,
      error: 'passphraseMissing',
    });
    expect(await repo.save({ enabled: true, keep: 7, passphrase: 'court' }, key)).toEqual({
      ok: false,
      error: 'passphraseShort',
    });
    expect(await repo.save({ enabled: true, keep: 7, passphrase: PASS }, null)).toEqual({
      ok: false,
      error: 'noKey',
    });
    expect(await repo.save({ enabled: true, keep: 0, passphrase: PASS }, key)).toEqual({
      ok: false,
      error: 'keep',
    });
    const saved = await repo.save({ enabled: true, keep: 5, passphrase: PASS }, key);
    expect(saved.ok).toBe(true);
    const row = await db.settings.get(AUTO_BACKUP_KEY);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(PASS);
    expect(stored).not.toContain('automatique');
    expect(row?.value).toMatchObject({ enabled: true, keep: 5, passphrase: { v: 1 } });
    // Changing the count keeps the passphrase stored before.
    expect(await repo.save({ enabled: true, keep: 3 }, null)).toMatchObject({ ok: true });
    expect((await repo.get()).passphrase).toEqual(
      (row?.value as { passphrase: unknown }).passphrase,
    );
    const audit = await db.audit.toArray();
    expect(audit.map((a) => a.action)).toEqual(['settings.autoBackup', 'settings.autoBackup']);
    expect(JSON.stringify(audit)).not.toContain(PASS);
  });

  it('backs up once a day; the file restores with the passphrase; the run is audited', async () => {
    const db = open();
    await createDirectoryRepository(db, actor).loadDemo();
    const repo = createAutoBackupRepository(db, actor);
    const key = await generateDataKey();
    const main = fakeMain();
    const now = new Date(2026, 10, 23, 9, 30);
    // Disabled: nothing happens.
    expect(await repo.run({ dataKey: key, platform: main.platform, now })).toEqual({
      status: 'skipped',
    });
    await repo.save({ enabled: true, keep: 4, passphrase: PASS }, key);
    const run = await repo.run({ dataKey: key, platform: main.platform, now });
    expect(run).toMatchObject({ status: 'saved', name: 'passerelle-2026-11-23.pbak', kept: 1 });
    expect(main.written).toHaveLength(1);
    expect(main.written[0]).toMatchObject({ name: 'passerelle-2026-11-23.pbak', keep: 4 });
    expect((await repo.get()).lastAt).toBe(now.toISOString());
    expect((await db.audit.toArray()).at(-1)).toMatchObject({
      action: 'backup.auto',
      actor: 'awa',
    });

    // An hour later it is not due; a day later it is.
    const later = new Date(now.getTime() + 60 * 60 * 1000);
    expect(await repo.run({ dataKey: key, platform: main.platform, now: later })).toEqual({
      status: 'skipped',
    });
    expect(main.written).toHaveLength(1);

    // The file is the manual backup's format: it restores into another database.
    const { db: other, admin } = await installed();
    const summary = await createBackupRepository(other, { subject: () => admin }).restore(
      main.written[0]!.data,
      PASS,
      ADMIN_PASSWORD,
      actorOf(admin),
    );
    expect(summary.rows).toBeGreaterThan(300);
    expect(await other.services.count()).toBe(await db.services.count());
  }, 60_000);

  it('records failures instead of throwing', async () => {
    const db = open();
    const repo = createAutoBackupRepository(db, actor);
    const key = await generateDataKey();
    await repo.save({ enabled: true, keep: 7, passphrase: PASS }, key);
    const now = new Date(2026, 10, 23, 9, 30);
    const broken = { autoBackupWrite: vi.fn<Platform['autoBackupWrite']>() };
    broken.autoBackupWrite.mockRejectedValueOnce(new Error('disk full'));
    expect(await repo.run({ dataKey: key, platform: broken, now })).toEqual({
      status: 'failed',
      error: 'write',
    });
    expect(await repo.get()).toMatchObject({ lastError: 'write', lastAt: null });
    // Another data key cannot open the sealed passphrase.
    expect(await repo.run({ dataKey: await generateDataKey(), platform: broken, now })).toEqual({
      status: 'failed',
      error: 'passphrase',
    });
    broken.autoBackupWrite.mockResolvedValueOnce({ saved: false, kept: 0 });
    expect(await repo.run({ dataKey: key, platform: broken, now })).toEqual({
      status: 'failed',
      error: 'unsupported',
    });
  }, 60_000);
});
