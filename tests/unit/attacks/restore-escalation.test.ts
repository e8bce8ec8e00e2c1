// @vitest-environment happy-dom
/**
 * Hole 4 (issue 13): a coordinator makes themself administrator by restoring an edited backup.
 * Each test performs the attack through the repositories the screens use, and fails if it ever
 * works again.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../shared/domain/accounts/password';
import { verifyChain, type AuditRecord } from '../../../shared/domain/audit/chain';
import { ExchangeError } from '../../../shared/domain/exchange/limits';
import type { PasserelleDb } from '../../../renderer/data/db';
import { auditHasher } from '../../../renderer/data/journal';
import { actorOf } from '../../../renderer/data/repositories/accounts';
import {
  ADMIN_PASSWORD,
  closeAll,
  installed,
} from '../../../renderer/data/repositories/accountsFixture';
import { createBackupRepository } from '../../../renderer/data/repositories/backupRestore';
import { createDirectoryRepository } from '../../../renderer/data/repositories/directory';
import { decryptBackup, encryptBackup } from '../../../renderer/data/repositories/exchangeBackup';

afterEach(closeAll);

const PASSPHRASE = 'phrase de passe du bureau de Bamako';
const COORD_PASSWORD = 'le fleuve coule vers Mopti';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'succeeded',
    (e: unknown) => (e instanceof ExchangeError ? { code: e.code, ...e.params } : String(e)),
  );

const snapshot = async (db: PasserelleDb) =>
  JSON.stringify(
    await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)),
  );

type Export = { data: { data: { tableName: string; rows: Record<string, unknown>[] }[] } };

/** What someone holding the file and its passphrase can do: open it, edit it, seal it again. */
const edit = async (file: Uint8Array, change: (e: Export) => void) => {
  const doc = JSON.parse(new TextDecoder().decode(await decryptBackup(file, PASSPHRASE))) as Export;
  change(doc);
  return encryptBackup(new TextEncoder().encode(JSON.stringify(doc)), PASSPHRASE, 100_000);
};
const rowsOf = (e: Export, table: string) => e.data.data.find((t) => t.tableName === table)!.rows;

/** An office with its administrator, a coordinator, the demo directory, and a backup. */
const office = async () => {
  const env = await installed();
  await createDirectoryRepository(
    env.db,
    () => actorOf(env.admin),
    () => env.admin,
  ).loadDemo();
  const made = await env.accounts.create(
    { username: 'moussa', displayName: 'Moussa Keïta', role: 'coordinator' },
    COORD_PASSWORD,
    COORD_PASSWORD,
    env.dataKey,
  );
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  const coordinator = made.value;
  const backups = createBackupRepository(env.db, { subject: () => env.admin });
  const file = await backups.backup(PASSPHRASE, ADMIN_PASSWORD);
  const restore = (f: Uint8Array) =>
    backups.restore(f, PASSPHRASE, ADMIN_PASSWORD, actorOf(env.admin));
  return { ...env, coordinator, backups, file, restore };
};

describe('attack: restore an edited backup to gain rights', () => {
  it('a coordinator can neither back up nor restore, even calling the repository directly', async () => {
    const env = await office();
    const asCoordinator = createBackupRepository(env.db, { subject: () => env.coordinator });
    const before = await snapshot(env.db);
    expect(await failure(asCoordinator.backup(PASSPHRASE, COORD_PASSWORD))).toEqual({
      code: 'notAllowed',
    });
    expect(
      await failure(
        asCoordinator.restore(env.file, PASSPHRASE, COORD_PASSWORD, actorOf(env.coordinator)),
      ),
    ).toEqual({ code: 'notAllowed' });
    // Nobody logged in: refused as well.
    expect(
      await failure(createBackupRepository(env.db, { subject: () => null }).backup(PASSPHRASE, '')),
    ).toEqual({ code: 'notAllowed' });
    expect(await snapshot(env.db)).toBe(before);
  }, 60_000);

  it('an open session is not enough: the administrator’s password is asked again', async () => {
    const env = await office();
    const before = await snapshot(env.db);
    expect(await failure(env.backups.backup(PASSPHRASE, 'pas le bon mot de passe'))).toEqual({
      code: 'backupPassword',
    });
    expect(
      await failure(env.backups.restore(env.file, PASSPHRASE, 'faux', actorOf(env.admin))),
    ).toEqual({ code: 'backupPassword' });
    expect(await snapshot(env.db)).toBe(before);
  }, 60_000);

  it('a backup that makes the coordinator administrator is refused whole, naming the row', async () => {
    const env = await office();
    const forged = await edit(env.file, (e) => {
      const me = rowsOf(e, 'users').find((u) => u.username === 'moussa')!;
      me.role = 'administrator';
    });
    const before = await snapshot(env.db);
    expect(await failure(env.restore(forged))).toEqual({
      code: 'backupRow',
      table: 'users',
      row: 'moussa',
      field: 'role',
    });
    expect(await snapshot(env.db)).toBe(before);
    // Nor by enabling an account the administrator had disabled.
    await env.accounts.setDisabled(env.coordinator.id, true);
    expect(await failure(env.restore(env.file))).toMatchObject({
      code: 'backupRow',
      row: 'moussa',
      field: 'disabled',
    });
  }, 60_000);

  it('a password hash planted on the administrator’s account opens nothing', async () => {
    const env = await office();
    const coordRow = await env.db.table('users').get(env.coordinator.id);
    const forged = await edit(env.file, (e) => {
      const admin = rowsOf(e, 'users').find((u) => u.username === 'awa')!;
      admin.passwordHash = coordRow.passwordHash;
      admin.keySlot = coordRow.keySlot;
    });
    await env.restore(forged);
    const admin = await env.db.table('users').get(env.admin.id);
    expect(await verifyPassword(COORD_PASSWORD, admin.passwordHash)).toBe(false);
    expect(await verifyPassword(ADMIN_PASSWORD, admin.passwordHash)).toBe(true);
  }, 60_000);

  it('an administrator account added to the file comes back disabled', async () => {
    const env = await office();
    const coordRow = await env.db.table('users').get(env.coordinator.id);
    const forged = await edit(env.file, (e) => {
      rowsOf(e, 'users').push({
        ...coordRow,
        id: crypto.randomUUID(),
        username: 'renfort',
        role: 'administrator',
      });
    });
    const summary = await env.restore(forged);
    expect(summary.disabledAdmins).toEqual(['renfort']);
    const added = await env.db.table('users').where('username').equals('renfort').first();
    expect(added).toMatchObject({ role: 'administrator', disabled: true });
  }, 60_000);

  it('an invalid row anywhere refuses the file, naming table, row and field', async () => {
    const env = await office();
    let id = '';
    const forged = await edit(env.file, (e) => {
      const loc = rowsOf(e, 'locations')[0]!;
      id = String(loc.id);
      loc.latitude = 412;
    });
    const before = await snapshot(env.db);
    expect(await failure(env.restore(forged))).toEqual({
      code: 'backupRow',
      table: 'locations',
      row: id,
      field: 'latitude',
    });
    // Settings go through their schemas too: an office code that is not one.
    const unknown = await edit(env.file, (e) => {
      const row = rowsOf(e, 'settings').find((r) => r.key === 'office')!;
      row.value = { ...(row.value as object), officeCode: 'not a code' };
    });
    expect(await failure(env.restore(unknown))).toMatchObject({
      code: 'backupRow',
      table: 'settings',
      row: 'office',
    });
    expect(await snapshot(env.db)).toBe(before);
  }, 60_000);

  it('the trail in the file must verify, and the restore is recorded as a chained entry', async () => {
    const env = await office();
    const rewritten = await edit(env.file, (e) => {
      const first = rowsOf(e, 'audit')[0]!;
      first.actor = 'quelqu’un d’autre';
    });
    expect(await failure(env.restore(rewritten))).toMatchObject({
      code: 'backupRow',
      table: 'audit',
      field: 'hash',
    });
    await env.restore(env.file);
    const trail = (await env.db.audit.toArray()) as AuditRecord[];
    expect(trail.at(-1)).toMatchObject({ action: 'backup.restore', actor: 'awa' });
    expect(verifyChain(await auditHasher(), trail)).toMatchObject({ ok: true });
  }, 60_000);
});

describe('leftovers of a restore cut short', () => {
  it('deletes passerelle-restore-<uuid> databases at start, and only those', async () => {
    const env = await installed();
    const { default: Dexie } = await import('dexie');
    const left = `${env.db.name}-restore-${crypto.randomUUID()}`;
    const scratch = new Dexie(left);
    scratch.version(1).stores({ users: 'id' });
    await scratch.table('users').put({ id: 'x', passwordHash: 'copy of a backup' });
    scratch.close();
    const { deleteLeftoverRestores } =
      await import('../../../renderer/data/repositories/backupRestore');
    expect(await deleteLeftoverRestores(env.db)).toEqual([left]);
    const names = await Dexie.getDatabaseNames();
    expect(names).not.toContain(left);
    expect(names).toContain(env.db.name);
  });
});
