/**
 * Automatic daily backups (issue 6): the settings (one row of the settings table, the backup
 * passphrase sealed with the data key) and one run, which builds the same encrypted file as a
 * manual backup and hands it to main to keep in the user-data folder.
 *
 * WebCrypto never runs inside a Dexie transaction (it would end it): the passphrase is sealed
 * and the backup built before the transactions that record them.
 */
import type { AutoBackupError, AutoBackupSettings } from '@shared/domain/exchange/autoBackup';
import {
  AUTO_BACKUP_MIN_PASSPHRASE,
  AUTO_BACKUP_PASSPHRASE_AAD,
  autoBackupFileName,
  autoBackupSettingsSchema,
  dueForBackup,
} from '@shared/domain/exchange/autoBackup';
import type { Platform } from '@shared/platform/contract';
import { z } from 'zod';
import type { PasserelleDb } from '../db';
import { encryptJson, openSealed } from '../encryption';
import { journal, type Actor } from '../journal';

export const AUTO_BACKUP_KEY = 'autoBackup';

export type AutoBackupInput = {
  enabled: boolean;
  keep: number;
  /** A new passphrase; undefined keeps the one stored. */
  passphrase?: string;
};
export type AutoBackupSaveError = 'keep' | 'passphraseShort' | 'passphraseMissing' | 'noKey';
export type AutoBackupRun =
  | { status: 'skipped' }
  | { status: 'saved'; name: string; bytes: number; kept: number }
  | { status: 'failed'; error: AutoBackupError };

const defaults = (): AutoBackupSettings => autoBackupSettingsSchema.parse({});

export const createAutoBackupRepository = (db: PasserelleDb, actor: () => Actor) => {
  const get = async (): Promise<AutoBackupSettings> => {
    const row = await db.settings.get(AUTO_BACKUP_KEY);
    const parsed = autoBackupSettingsSchema.safeParse(row?.value ?? {});
    return parsed.success ? parsed.data : defaults();
  };

  /** Read, change and write back in one transaction, audited when `action` is given. */
  const update = (
    change: (s: AutoBackupSettings) => AutoBackupSettings,
    audit?: { action: string; detail: string },
  ) =>
    db.transaction('rw', [db.settings, db.audit, db.changes], async () => {
      const next = change(await get());
      await db.settings.put({ key: AUTO_BACKUP_KEY, value: next });
      if (audit)
        await journal(
          db,
          actor(),
          [{ table: 'settings', recordId: AUTO_BACKUP_KEY, op: 'put', ...audit }],
          { replicate: false },
        );
      return next;
    });

  const fail = async (error: AutoBackupError, now: Date): Promise<AutoBackupRun> => {
    try {
      await update((s) => ({ ...s, lastError: error, lastErrorAt: now.toISOString() }));
    } catch {
      // Recording the failure failed too: the run still reports it, and never throws.
    }
    return { status: 'failed', error };
  };

  return {
    get,

    /** The passphrase is sealed with the data key before it is stored; never kept in clear. */
    async save(
      input: AutoBackupInput,
      dataKey: CryptoKey | null,
    ): Promise<
      { ok: true; value: AutoBackupSettings } | { ok: false; error: AutoBackupSaveError }
    > {
      if (!z.number().int().min(1).max(60).safeParse(input.keep).success)
        return { ok: false, error: 'keep' };
      const newPass = input.passphrase;
      if (newPass !== undefined && newPass.length < AUTO_BACKUP_MIN_PASSPHRASE)
        return { ok: false, error: 'passphraseShort' };
      if (newPass !== undefined && !dataKey) return { ok: false, error: 'noKey' };
      const sealed =
        newPass !== undefined && dataKey
          ? await encryptJson(dataKey, newPass, AUTO_BACKUP_PASSPHRASE_AAD)
          : undefined;
      const current = await get();
      if (input.enabled && !sealed && !current.passphrase)
        return { ok: false, error: 'passphraseMissing' };
      const value = await update(
        (s) => ({
          ...s,
          enabled: input.enabled,
          keep: input.keep,
          ...(sealed ? { passphrase: sealed } : {}),
        }),
        {
          action: 'settings.autoBackup',
          detail: `enabled=${input.enabled};keep=${input.keep}${sealed ? ';passphrase=changed' : ''}`,
        },
      );
      return { ok: true, value };
    },

    /**
     * One scheduler tick: when enabled and due (or `force`), back up and record it. Never throws:
     * a failure is kept in the settings row for Settings to show.
     */
    async run({
      dataKey,
      platform,
      now = new Date(),
      force = false,
    }: {
      dataKey: CryptoKey;
      platform: Pick<Platform, 'autoBackupWrite'>;
      now?: Date;
      force?: boolean;
    }): Promise<AutoBackupRun> {
      let settings: AutoBackupSettings;
      try {
        settings = await get();
      } catch {
        return { status: 'failed', error: 'export' };
      }
      if (!settings.enabled || !settings.passphrase) return { status: 'skipped' };
      if (!force && !dueForBackup(settings.lastAt, now)) return { status: 'skipped' };
      let passphrase: string;
      try {
        passphrase = await openSealed(
          dataKey,
          settings.passphrase,
          z.string().min(AUTO_BACKUP_MIN_PASSPHRASE),
          AUTO_BACKUP_PASSPHRASE_AAD,
        );
      } catch {
        return fail('passphrase', now);
      }
      let data: Uint8Array<ArrayBuffer>;
      try {
        // The backup's code is loaded when a backup is made, not with the window (issue 15).
        const { exportBackup } = await import('./backupRestore');
        data = await exportBackup(db, passphrase);
      } catch {
        return fail('export', now);
      }
      const name = autoBackupFileName(now);
      let kept: number;
      try {
        const result = await platform.autoBackupWrite({ name, data, keep: settings.keep });
        if (!result.saved) return fail('unsupported', now);
        kept = result.kept;
      } catch {
        return fail('write', now);
      }
      try {
        await update(
          (s) => ({ ...s, lastAt: now.toISOString(), lastError: null, lastErrorAt: null }),
          { action: 'backup.auto', detail: `${name};bytes=${data.length};kept=${kept}` },
        );
      } catch {
        // The file is saved; only its record failed. The next tick tries again, harmlessly.
      }
      return { status: 'saved', name, bytes: data.length, kept };
    },
  };
};

export type AutoBackupRepository = ReturnType<typeof createAutoBackupRepository>;
