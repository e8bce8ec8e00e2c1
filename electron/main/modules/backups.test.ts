import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autoBackupWriteArgs } from '@shared/platform/contract';
import { BACKUPS_DIR, createBackupsHandlers, nodeBackupsFs } from './backups';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A real user-data folder in a temporary directory. */
const setup = async () => {
  const userData = await mkdtemp(join(tmpdir(), 'passerelle-backups-'));
  dirs.push(userData);
  const dir = join(userData, BACKUPS_DIR);
  return { userData, dir, handlers: createBackupsHandlers({ ...nodeBackupsFs, dir }) };
};
const day = (d: number) => `passerelle-2026-11-${String(d).padStart(2, '0')}.pbak`;

describe('automatic backups', () => {
  it('lists nothing before the first backup, then writes one into <userData>/backups', async () => {
    const { dir, handlers } = await setup();
    expect(await handlers.autoBackupList(undefined)).toEqual({ files: [] });
    const data = new Uint8Array([1, 2, 3, 4]);
    expect(await handlers.autoBackupWrite({ name: day(1), data, keep: 7 })).toEqual({
      saved: true,
      kept: 1,
    });
    expect(new Uint8Array(await readFile(join(dir, day(1))))).toEqual(data);
    // No temporary file is left behind.
    expect(await readdir(dir)).toEqual([day(1)]);
    const { files } = await handlers.autoBackupList(undefined);
    expect(files).toEqual([{ name: day(1), size: 4, modifiedAt: expect.any(String) }]);
    expect(Number.isNaN(Date.parse(files[0]!.modifiedAt))).toBe(false);
  });

  it('replaces the same day’s backup and keeps only the newest N, sparing other files', async () => {
    const { dir, handlers } = await setup();
    for (let d = 1; d <= 5; d++)
      await handlers.autoBackupWrite({ name: day(d), data: new Uint8Array([d]), keep: 10 });
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await writeFile(join(dir, 'passerelle-manual.pbak'), 'mine too');
    expect(
      await handlers.autoBackupWrite({ name: day(5), data: new Uint8Array([9, 9]), keep: 10 }),
    ).toEqual({ saved: true, kept: 5 });
    expect(new Uint8Array(await readFile(join(dir, day(5))))).toEqual(new Uint8Array([9, 9]));

    expect(
      await handlers.autoBackupWrite({ name: day(6), data: new Uint8Array([6]), keep: 3 }),
    ).toEqual({ saved: true, kept: 3 });
    expect((await readdir(dir)).sort()).toEqual(
      [day(4), day(5), day(6), 'notes.txt', 'passerelle-manual.pbak'].sort(),
    );
    expect((await handlers.autoBackupList(undefined)).files.map((f) => f.name)).toEqual([
      day(6),
      day(5),
      day(4),
    ]);
  });

  it('refuses other names, traversal and bad counts, and writes nothing', async () => {
    const { userData, dir, handlers } = await setup();
    const data = new Uint8Array(1);
    for (const name of [
      '../passerelle-2026-11-01.pbak',
      'passerelle-2026-11-01.pbak/../../x',
      '/etc/passerelle-2026-11-01.pbak',
      'passerelle-2026-11-1.pbak',
      'data-key.bin',
      'passerelle-2026-11-01.backup',
    ]) {
      await expect(handlers.autoBackupWrite({ name, data, keep: 7 })).rejects.toThrow(
        'name not allowed',
      );
      expect(autoBackupWriteArgs.safeParse({ name, data, keep: 7 }).success).toBe(false);
    }
    for (const keep of [0, 61, 2.5]) {
      await expect(handlers.autoBackupWrite({ name: day(1), data, keep })).rejects.toThrow(
        'keep out of range',
      );
      expect(autoBackupWriteArgs.safeParse({ name: day(1), data, keep }).success).toBe(false);
    }
    expect(await readdir(userData)).toEqual([]);
    expect(dir.startsWith(userData)).toBe(true);
  });

  it('neither lists nor deletes a symbolic link named like a backup', async () => {
    const { userData, dir, handlers } = await setup();
    await handlers.autoBackupWrite({ name: day(2), data: new Uint8Array(1), keep: 7 });
    const precious = join(userData, 'precious.txt');
    await writeFile(precious, 'keep me');
    await symlink(precious, join(dir, day(1)));
    await handlers.autoBackupWrite({ name: day(3), data: new Uint8Array(1), keep: 1 });
    expect((await readdir(dir)).sort()).toEqual([day(1), day(3)]);
    expect(await readFile(precious, 'utf8')).toBe('keep me');
    expect((await handlers.autoBackupList(undefined)).files.map((f) => f.name)).toEqual([day(3)]);
  });
});
