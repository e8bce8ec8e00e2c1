import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncFolderHandlers, fileRootStore, nodeFolderFs } from './syncFolder';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A real folder in a temporary directory, chosen through a fake dialog. */
const setup = async () => {
  const base = await mkdtemp(join(tmpdir(), 'passerelle-sync-'));
  dirs.push(base);
  const shared = join(base, 'partage');
  const outside = join(base, 'ailleurs');
  await mkdir(shared);
  await mkdir(outside);
  const store = fileRootStore(join(base, 'sync-folder.json'), nodeFolderFs);
  const showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: [shared] }));
  const handlers = createSyncFolderHandlers({ ...nodeFolderFs, ...store, showOpenDialog });
  return { base, shared, outside, handlers, showOpenDialog };
};

describe('sync folder', () => {
  it('does nothing until a folder is chosen, then remembers it', async () => {
    const { handlers, shared } = await setup();
    expect(await handlers.syncFolderInfo(undefined)).toEqual({ supported: true, path: null });
    await expect(handlers.syncFolderList(undefined)).rejects.toThrow('no sync folder');
    expect(await handlers.syncFolderChoose(undefined)).toEqual({ supported: true, path: shared });
    expect(await handlers.syncFolderInfo(undefined)).toEqual({ supported: true, path: shared });
  });

  it('writes into the office sub-folder, lists and reads back bundles only', async () => {
    const { handlers, shared } = await setup();
    await handlers.syncFolderChoose(undefined);
    const data = new Uint8Array([1, 2, 3]);
    const path = 'BKO/000000000000-000000000004_1a2b3c4d.pbundle';
    expect(await handlers.syncFolderWrite({ path, data })).toEqual({ written: true });
    expect(
      new Uint8Array(
        await readFile(join(shared, 'BKO', '000000000000-000000000004_1a2b3c4d.pbundle')),
      ),
    ).toEqual(data);
    await writeFile(join(shared, 'BKO', 'notes.txt'), 'x');
    await mkdir(join(shared, 'SEG'));
    await writeFile(join(shared, 'SEG', 'a.pbundle'), new Uint8Array(7));
    expect(
      (await handlers.syncFolderList(undefined)).sort((a, b) => (a.path < b.path ? -1 : 1)),
    ).toEqual([
      { path, size: 3 },
      { path: 'SEG/a.pbundle', size: 7 },
    ]);
    expect(await handlers.syncFolderRead({ path: 'SEG/a.pbundle' })).toEqual(new Uint8Array(7));
  });

  it('refuses any path that leads out of the folder, even through a symbolic link', async () => {
    const { handlers, shared, outside } = await setup();
    await handlers.syncFolderChoose(undefined);
    await writeFile(join(outside, 'secret.pbundle'), 'secret');
    await symlink(outside, join(shared, 'EVIL'));
    await expect(handlers.syncFolderRead({ path: 'EVIL/secret.pbundle' })).rejects.toThrow(
      'path not allowed',
    );
    await expect(
      handlers.syncFolderWrite({ path: 'EVIL/x.pbundle', data: new Uint8Array(1) }),
    ).rejects.toThrow('path not allowed');
    await expect(handlers.syncFolderRead({ path: '../x.pbundle' })).rejects.toThrow(
      'path not allowed',
    );
    await expect(handlers.syncFolderRead({ path: 'BKO/../../x.pbundle' })).rejects.toThrow(
      'path not allowed',
    );
    // A linked file inside an office folder is not followed either, nor listed.
    await mkdir(join(shared, 'SEG'));
    await symlink(join(outside, 'secret.pbundle'), join(shared, 'SEG', 'link.pbundle'));
    await expect(handlers.syncFolderRead({ path: 'SEG/link.pbundle' })).rejects.toThrow(
      'not a file',
    );
    expect(await handlers.syncFolderList(undefined)).toEqual([]);
  });

  it('keeps the folder chosen before when the dialog is cancelled', async () => {
    const { handlers, shared, showOpenDialog } = await setup();
    await handlers.syncFolderChoose(undefined);
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await handlers.syncFolderChoose(undefined)).toEqual({ supported: true, path: shared });
  });
});
