import { describe, expect, it } from 'vitest';
import { autoBackupFileName, autoBackupSettingsSchema, DAY_MS, dueForBackup } from './autoBackup';

describe('dueForBackup', () => {
  const now = new Date('2026-11-23T10:00:00.000Z');
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  it('is due when none was made, or the last is unreadable', () => {
    expect(dueForBackup(null, now)).toBe(true);
    expect(dueForBackup('not a date', now)).toBe(true);
  });

  it('waits 24 hours after the last backup', () => {
    expect(dueForBackup(ago(0), now)).toBe(false);
    expect(dueForBackup(ago(23 * 60 * 60 * 1000), now)).toBe(false);
    expect(dueForBackup(ago(DAY_MS - 1), now)).toBe(false);
    expect(dueForBackup(ago(DAY_MS), now)).toBe(true);
    expect(dueForBackup(ago(10 * DAY_MS), now)).toBe(true);
  });

  it('is due when the last backup is dated in the future (the clock was set back)', () => {
    expect(dueForBackup(ago(-60 * 60 * 1000), now)).toBe(true);
  });
});

describe('automatic backup settings', () => {
  it('names the file by the local date', () => {
    expect(autoBackupFileName(new Date(2026, 0, 5, 23, 59))).toBe('passerelle-2026-01-05.pbak');
  });

  it('defaults to off, keeping 7, with no passphrase', () => {
    expect(autoBackupSettingsSchema.parse({})).toEqual({
      enabled: false,
      keep: 7,
      passphrase: null,
      lastAt: null,
      lastError: null,
      lastErrorAt: null,
    });
    expect(autoBackupSettingsSchema.safeParse({ keep: 61 }).success).toBe(false);
  });
});
