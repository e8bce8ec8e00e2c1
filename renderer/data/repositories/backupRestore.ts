/**
 * Who may back up and restore, and what a restore may bring back (issue 13, holes 4 and 5).
 *
 * - Both need `backup` / `backup.restore` (administrator only), checked here, and the
 *   administrator's password typed again: a session left open is not enough.
 * - Every restored row passes its table's schema (backupRows.ts), accounts cannot gain rights
 *   (backupAccounts.ts), the audit trail in the file must verify as a chain, and the restore is
 *   recorded by a chained entry after it.
 * - The office's sync keys travel inside the encrypted body and come back as non-extractable
 *   CryptoKeys (syncKeys.ts), so the restored office still signs and opens sealed parts.
 * - Sessions are never restored: the live ones stay (a backup's sessions are nobody's now).
 */
import Dexie from 'dexie';
import { z } from 'zod';
import { can, type Action, type Subject } from '@shared/domain/accounts/permissions';
import { verifyPassword } from '@shared/domain/accounts/password';
import { userSchema, type User } from '@shared/domain/accounts/schema';
import { sealedSchema } from '@shared/domain/accounts/sealed';
import { verifyChain, type AuditRecord } from '@shared/domain/audit/chain';
import { ExchangeError } from '@shared/domain/exchange/limits';
import type { PasserelleDb } from '../db';
import { openKeySlot } from '../encryption';
import { keyOpensCheck } from '../keys';
import { appendAudit, auditHasher, type Actor } from '../journal';
import { restoreAccounts, type KeyRelation } from './backupAccounts';
import { checkRows } from './backupRows';
import { keysFromPortable, portableKeys, portableKeysSchema } from './syncKeys';
import type { KeyVault } from './syncKeys';
import type { LocalKeys } from '../sync/signing';
import { DEMO_KEY, DIRECTORY_CACHE } from '../directoryVersion';

// The backup file's compression (fflate) comes with the first backup or restore, not with the
// window (issue 15, cold start).
const backupCodec = () => import('./exchangeBackup');

/** Never in a backup: sessions belong to this PC's logged-in people. */
// The directory cache (first page, search index) is rebuilt from the data: never backed up.
const SKIPPED = ['sessions', DIRECTORY_CACHE];
const RESTORE_PREFIX = (db: PasserelleDb) => `${db.name}-restore-`;

/** The dexie-export-import format, as far as restore relies on it. */
const exportSchema = z.object({
  formatName: z.literal('dexie'),
  formatVersion: z.literal(1),
  data: z.object({
    databaseName: z.string(),
    databaseVersion: z.number(),
    tables: z.array(z.object({ name: z.string(), schema: z.string(), rowCount: z.number() })),
    data: z.array(
      z.object({ tableName: z.string(), inbound: z.boolean(), rows: z.array(z.unknown()) }),
    ),
  }),
});
export type BackupSummary = {
  tables: number;
  rows: number;
  databaseVersion: number;
  /**
   * The office's sync keys: back as they were, absent from the office's backup (it never
   * synced), or lost (a backup made before backups could carry them): new keys then.
   */
  syncKeys: 'restored' | 'none' | 'lost';
  /** Administrator accounts only in the backup, restored disabled. */
  disabledAdmins: string[];
};

/**
 * The whole database (sessions aside) as an encrypted file, with the sync keys inside. No
 * permission check: the repository below checks for people; the automatic backup an
 * administrator set up calls this directly.
 */
export const exportBackup = async (
  db: PasserelleDb,
  passphrase: string,
): Promise<Uint8Array<ArrayBuffer>> => {
  const meta = db.table<{ key: string; value: unknown }, string>('syncMeta');
  const portable = await portableKeys(
    (await meta.get('keys'))?.value as LocalKeys | undefined,
    (await meta.get('keyVault'))?.value as KeyVault | undefined,
  );
  // Loaded on first use: a backup is rare, and the library is not needed to start (issue 15).
  const { exportDB } = await import('dexie-export-import');
  const blob = await exportDB(db, {
    prettyJson: false,
    skipTables: SKIPPED,
    filter: (table, value: { key?: unknown }) =>
      !(table === 'syncMeta' && value.key === 'keyVault'),
    transform: (table, value: { key?: unknown }, key) =>
      table === 'syncMeta' && value.key === 'keys'
        ? { value: { key: 'keys', value: portable }, key }
        : { value, key },
  });
  const { encryptBackup } = await backupCodec();
  return encryptBackup(new Uint8Array(await blob.arrayBuffer()), passphrase);
};

/** Restore databases left behind by a page closed mid-restore (issue 13, item 10). */
export const deleteLeftoverRestores = async (db: PasserelleDb): Promise<string[]> => {
  const names = (await Dexie.getDatabaseNames()).filter((n) => n.startsWith(RESTORE_PREFIX(db)));
  for (const n of names) await Dexie.delete(n);
  return names;
};

export type BackupDeps = { subject: () => (Subject & { id: string }) | null };

export const createBackupRepository = (db: PasserelleDb, deps: BackupDeps) => {
  const users = db.table<User, string>('users');

  /** The acting administrator's live account, once their password is typed again. */
  const confirm = async (action: Action, password: string): Promise<User> => {
    const subject = deps.subject();
    if (!can(subject, action)) throw new ExchangeError('notAllowed');
    const user = await users.get(subject!.id);
    if (!user || user.disabled || user.role !== 'administrator')
      throw new ExchangeError('notAllowed');
    if (!(await verifyPassword(password, user.passwordHash)))
      throw new ExchangeError('backupPassword');
    return user;
  };

  const keyRelation = async (
    restorer: User,
    password: string,
    settingsRows: readonly unknown[],
  ): Promise<KeyRelation> => {
    const row = settingsRows.find((r) => (r as { key?: unknown }).key === 'keyring') as
      { value?: { check?: unknown } } | undefined;
    const check = sealedSchema.safeParse(row?.value?.check);
    if (!check.success) return { kind: 'none' };
    const live = restorer.keySlot ? await openKeySlot(restorer.keySlot, password) : null;
    if (live && (await keyOpensCheck(live, check.data))) return { kind: 'same' };
    return { kind: 'foreign', password };
  };

  return {
    /** The whole database as an encrypted file's bytes: administrators, password again. */
    async backup(passphrase: string, password: string): Promise<Uint8Array<ArrayBuffer>> {
      await confirm('backup', password);
      return exportBackup(db, passphrase);
    },

    /**
     * Verifies everything, then replaces everything in one transaction. The decrypted export is
     * first imported by dexie-export-import into a scratch database (which revives its typed
     * values); only when every row passed are the live tables cleared and refilled, together.
     */
    async restore(
      file: Uint8Array,
      passphrase: string,
      password: string,
      actor: Actor,
    ): Promise<BackupSummary> {
      const restorer = await confirm('backup.restore', password);
      const { decryptBackup } = await backupCodec();
      const plain = await decryptBackup(file, passphrase);
      let meta: z.infer<typeof exportSchema>['data'];
      try {
        const head = exportSchema.parse(
          JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)),
        );
        meta = head.data;
      } catch {
        throw new ExchangeError('backupContent');
      }
      const names = new Set(db.tables.map((t) => t.name));
      if (meta.data.some((t) => !names.has(t.tableName) || !t.inbound))
        throw new ExchangeError('backupContent');
      const scratchName = `${RESTORE_PREFIX(db)}${crypto.randomUUID()}`;
      let scratch: Dexie | undefined;
      try {
        try {
          const { importDB } = await import('dexie-export-import');
          scratch = await importDB(
            new Blob([plain as Uint8Array<ArrayBuffer>], { type: 'application/json' }),
            { name: scratchName },
          );
        } catch {
          throw new ExchangeError('backupContent');
        }
        const tables = await Promise.all(
          meta.data
            .filter((t) => !SKIPPED.includes(t.tableName))
            .map(async (t) => ({
              name: t.tableName,
              rows: (await scratch!.table(t.tableName).toArray()) as unknown[],
            })),
        );
        checkRows(tables);
        const rowsOf = (name: string) => tables.find((t) => t.name === name)?.rows ?? [];

        // The trail in the file must be one chain: a crude edit of it is refused here.
        const chain = verifyChain(await auditHasher(), rowsOf('audit') as AuditRecord[]);
        if (!chain.ok)
          throw new ExchangeError('backupRow', {
            table: 'audit',
            row: String(chain.seq),
            field: 'hash',
          });

        const accounts = await restoreAccounts(
          await users.toArray(),
          rowsOf('users').map((u) => userSchema.parse(u)),
          restorer,
          await keyRelation(restorer, password, rowsOf('settings')),
        );

        // Sync keys: non-extractable again, under a new vault. WebCrypto before the transaction.
        let syncKeys: BackupSummary['syncKeys'] = 'none';
        const metaRows: unknown[] = [];
        for (const r of rowsOf('syncMeta') as { key: string; value: unknown }[]) {
          if (r.key === 'keyVault') continue;
          if (r.key !== 'keys') {
            metaRows.push(r);
            continue;
          }
          const portable = portableKeysSchema.safeParse(r.value);
          if (!portable.success) {
            // No usable keys: a new pair is made on first sync.
            if (r.value !== null) syncKeys = 'lost';
            continue;
          }
          const { keys, vault } = await keysFromPortable(portable.data).catch(() => {
            throw new ExchangeError('backupRow', {
              table: 'syncMeta',
              row: 'keys',
              field: 'value',
            });
          });
          metaRows.push({ key: 'keys', value: keys }, { key: 'keyVault', value: vault });
          syncKeys = 'restored';
        }
        const final = tables.map((t) =>
          t.name === 'users'
            ? { ...t, rows: accounts.users as unknown[] }
            : t.name === 'syncMeta'
              ? { ...t, rows: metaRows }
              : t,
        );
        if (!final.some((t) => t.name === 'users'))
          final.push({ name: 'users', rows: accounts.users });

        const rows = final.reduce((n, t) => n + t.rows.length, 0);
        const live = db.tables.filter((t) => !SKIPPED.includes(t.name));
        // Whether the restored directory has live demo services, noted for the header (DEMO_KEY).
        const demo = rowsOf('services').some((r) => {
          const s = r as { demo?: unknown; deletedAt?: unknown };
          return s.demo === true && s.deletedAt === null;
        });
        await db.transaction('rw', [...live, db.table(DIRECTORY_CACHE)], async () => {
          for (const t of live) await t.clear();
          for (const t of final) await db.table(t.name).bulkAdd(t.rows);
          await db.table(DIRECTORY_CACHE).put({ key: DEMO_KEY, present: demo });
          await appendAudit(db, [
            {
              at: new Date().toISOString(),
              actor: actor.username ?? actor.user,
              ...(actor.userId ? { actorId: actor.userId } : {}),
              action: 'backup.restore',
              table: '*',
              recordId: '*',
              detail: `${rows}${accounts.disabledAdmins.length ? ` disabled:${accounts.disabledAdmins.join(',')}` : ''}`,
            },
          ]);
        });
        return {
          tables: final.length,
          rows,
          databaseVersion: meta.databaseVersion,
          syncKeys,
          disabledAdmins: accounts.disabledAdmins,
        };
      } finally {
        scratch?.close();
        await Dexie.delete(scratchName);
      }
    },
  };
};
