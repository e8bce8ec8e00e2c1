/**
 * Hole 7 (issue 13): whoever can write the shared sync folder (a partner office, anyone on the
 * network share) plants symbolic links under the names main writes, to make main overwrite any
 * file the user can write. Same for the backups folder. Real temporary folders, real links, the
 * real Node file system.
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BACKUPS_DIR,
  createBackupsHandlers,
  nodeBackupsFs,
} from '../../../electron/main/modules/backups';
import {
  createSyncFolderHandlers,
  fileRootStore,
  nodeFolderFs,
} from '../../../electron/main/modules/syncFolder';

const made: string[] = [];
afterEach(async () => {
  for (const d of made.splice(0)) await rm(d, { recursive: true, force: true });
});

const temp = async () => {
  const d = await mkdtemp(join(tmpdir(), 'passerelle-attack-'));
  made.push(d);
  return d;
};

/** A file of the user's that the attacker wants overwritten. */
const victim = async (base: string) => {
  const path = join(base, 'precious.txt');
  await writeFile(path, 'mes notes');
  return path;
};

const syncFolder = async () => {
  const base = await temp();
  const shared = join(base, 'shared');
  await mkdir(join(shared, 'BKO'), { recursive: true });
  const handlers = createSyncFolderHandlers({
    ...nodeFolderFs,
    ...fileRootStore(join(base, 'sync-folder.json'), nodeFolderFs),
    showOpenDialog: async () => ({ canceled: false, filePaths: [shared] }),
  });
  await handlers.syncFolderChoose(undefined);
  return { base, shared, handlers };
};

describe('attack: symbolic links planted in the shared sync folder', () => {
  it('a link under the old predictable temporary name is never written through', async () => {
    const { base, shared, handlers } = await syncFolder();
    const precious = await victim(base);
    // The name the previous build wrote before renaming.
    await symlink(precious, join(shared, 'BKO', 'next.pbundle.part'));
    await handlers.syncFolderWrite({ path: 'BKO/next.pbundle', data: new Uint8Array([1, 2, 3]) });
    expect(await readFile(precious, 'utf8')).toBe('mes notes');
    expect(new Uint8Array(await readFile(join(shared, 'BKO', 'next.pbundle')))).toEqual(
      new Uint8Array([1, 2, 3]),
    );
    // No temporary file is left behind, and the planted link is still only a link.
    const names = await readdir(join(shared, 'BKO'));
    expect(names.filter((n) => n.endsWith('.part') && n !== 'next.pbundle.part')).toEqual([]);
  });

  it('a link under the bundle’s own name is refused, not followed', async () => {
    const { base, shared, handlers } = await syncFolder();
    const precious = await victim(base);
    await symlink(precious, join(shared, 'BKO', 'taken.pbundle'));
    await expect(
      handlers.syncFolderWrite({ path: 'BKO/taken.pbundle', data: new Uint8Array([9]) }),
    ).rejects.toThrow('link refused');
    expect(await readFile(precious, 'utf8')).toBe('mes notes');
    expect((await lstat(join(shared, 'BKO', 'taken.pbundle'))).isSymbolicLink()).toBe(true);
    await expect(handlers.syncFolderRead({ path: 'BKO/taken.pbundle' })).rejects.toThrow();
  });

  it('an office folder swapped for a link to elsewhere is refused', async () => {
    const { base, shared, handlers } = await syncFolder();
    const outside = join(base, 'outside');
    await mkdir(outside);
    await symlink(outside, join(shared, 'SEG'));
    await expect(
      handlers.syncFolderWrite({ path: 'SEG/x.pbundle', data: new Uint8Array([1]) }),
    ).rejects.toThrow();
    expect(await readdir(outside)).toEqual([]);
  });
});

describe('attack: symbolic links planted in the backups folder', () => {
  const name = 'passerelle-2026-12-02.pbak';
  const setup = async () => {
    const userData = await temp();
    const dir = join(userData, BACKUPS_DIR);
    await mkdir(dir);
    return { userData, dir, handlers: createBackupsHandlers({ ...nodeBackupsFs, dir }) };
  };

  it('neither the temporary name nor the backup name is written through a link', async () => {
    const { userData, dir, handlers } = await setup();
    const precious = await victim(userData);
    await symlink(precious, join(dir, `${name}.part`));
    await handlers.autoBackupWrite({ name, data: new Uint8Array([7]), keep: 3 });
    expect(await readFile(precious, 'utf8')).toBe('mes notes');
    expect(new Uint8Array(await readFile(join(dir, name)))).toEqual(new Uint8Array([7]));

    const other = 'passerelle-2026-12-03.pbak';
    await symlink(precious, join(dir, other));
    await expect(
      handlers.autoBackupWrite({ name: other, data: new Uint8Array([8]), keep: 3 }),
    ).rejects.toThrow('link refused');
    expect(await readFile(precious, 'utf8')).toBe('mes notes');
  });

  it('a backups folder that is itself a link is refused', async () => {
    const userData = await temp();
    const elsewhere = join(userData, 'elsewhere');
    await mkdir(elsewhere);
    const dir = join(userData, BACKUPS_DIR);
    await symlink(elsewhere, dir);
    const handlers = createBackupsHandlers({ ...nodeBackupsFs, dir });
    await expect(
      handlers.autoBackupWrite({ name, data: new Uint8Array([1]), keep: 1 }),
    ).rejects.toThrow('link refused');
    expect(await readdir(elsewhere)).toEqual([]);
  });
});
