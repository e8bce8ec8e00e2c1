/**
 * Automatic daily backups (issue 6): the settings and the scheduler's decision, pure so they are
 * tested without a clock or a database.
 */
import { z } from 'zod';
import { sealedSchema } from '../accounts/sealed';

export const AUTO_BACKUP_DEFAULT_KEEP = 7;
export const AUTO_BACKUP_MAX_KEEP = 60;
export const AUTO_BACKUP_MIN_PASSPHRASE = 10;
export const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the scheduler looks whether a backup is due. */
export const AUTO_BACKUP_CHECK_MS = 60 * 60 * 1000;
/** Additional data binding the sealed passphrase to its place in the settings table. */
export const AUTO_BACKUP_PASSPHRASE_AAD = 'settings:autoBackup:passphrase';

/**
 * Why an automatic backup failed: `passphrase` the sealed passphrase no longer opens (another
 * data key); `export` the database could not be read; `write` main could not write the file;
 * `unsupported` there is no user-data folder (a browser).
 */
export const AUTO_BACKUP_ERRORS = ['passphrase', 'export', 'write', 'unsupported'] as const;
export type AutoBackupError = (typeof AUTO_BACKUP_ERRORS)[number];

export const autoBackupSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  keep: z.number().int().min(1).max(AUTO_BACKUP_MAX_KEEP).default(AUTO_BACKUP_DEFAULT_KEEP),
  /** The backup passphrase, sealed with the data key: never stored in plaintext. */
  passphrase: sealedSchema.nullable().default(null),
  /** When the last automatic backup was saved (ISO 8601). */
  lastAt: z.string().nullable().default(null),
  /** Why the last attempt failed, shown in Settings until one succeeds. */
  lastError: z.enum(AUTO_BACKUP_ERRORS).nullable().default(null),
  /** When that attempt failed. */
  lastErrorAt: z.string().nullable().default(null),
});
export type AutoBackupSettings = z.infer<typeof autoBackupSettingsSchema>;

/**
 * Due when none was made, when the last is 24 h old or more, or when it is dated in the future
 * (the clock was set back): otherwise a wrong clock once would stop backups for days.
 */
export const dueForBackup = (lastAt: string | null, now: Date): boolean => {
  if (lastAt === null) return true;
  const last = Date.parse(lastAt);
  if (Number.isNaN(last)) return true;
  const age = now.getTime() - last;
  return age < 0 || age >= DAY_MS;
};

/** `passerelle-YYYY-MM-DD.pbak`, by the local date: one file per day, the newest that day wins. */
export const autoBackupFileName = (now: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `passerelle-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.pbak`;
};
