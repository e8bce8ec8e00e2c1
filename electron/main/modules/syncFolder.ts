/**
 * The sync folder (Settings → Sync folder): a directory the user picks once (a network share, a
 * synced cloud folder, a USB stick). Main remembers it; the renderer never names a path outside
 * it: it passes only `<OFFICE>/<file>.pbundle`, checked by the contract's pattern and again here
 * against the resolved real path, so neither `..` nor a symbolic link leads out of the folder.
 */
import { lstat, mkdir, readdir, readFile, realpath, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import type { Platform } from '@shared/platform/contract';
import { SYNC_FILE_PATTERN } from '@shared/platform/contract';
import { nodeExclusiveFs, refuseLink, writeAside, type ExclusiveFs } from './exclusiveWrite';

/** A bundle is a few MB; this bounds what one read can load. */
export const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;
const OFFICE_DIR = /^[A-Z0-9]{2,10}$/;

export const SYNC_FOLDER_FILE = 'sync-folder.json';

export type FolderFs = Omit<ExclusiveFs, 'lstat'> & {
  readdir: (path: string) => Promise<string[]>;
  /** lstat: symbolic links are reported as such, never followed. */
  lstat: (path: string) => Promise<{
    isFile(): boolean;
    isDirectory(): boolean;
    isSymbolicLink(): boolean;
    size: number;
  }>;
  realpath: (path: string) => Promise<string>;
  readFile: (path: string) => Promise<Uint8Array<ArrayBuffer>>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  mkdir: (path: string) => Promise<unknown>;
};

/** The real file system; tests use it too, in a temporary directory. */
export const nodeFolderFs: FolderFs = {
  ...nodeExclusiveFs,
  readdir: (p) => readdir(p),
  lstat: (p) => lstat(p),
  realpath: (p) => realpath(p),
  readFile: async (p) => new Uint8Array(await readFile(p)),
  writeFile: (p, d) => writeFile(p, d, { mode: 0o600 }),
  rename,
  mkdir: (p) => mkdir(p, { recursive: true }),
};

export type SyncFolderDeps = FolderFs & {
  showOpenDialog: (options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;
  /** Where main keeps the chosen folder (a small file in the app's user data). */
  loadRoot: () => Promise<string | null>;
  saveRoot: (path: string) => Promise<void>;
};

/** Keeps the chosen folder in a JSON file; a missing or unreadable file means none chosen. */
export const fileRootStore = (file: string, fs: Pick<FolderFs, 'readFile' | 'writeFile'>) => ({
  loadRoot: async (): Promise<string | null> => {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(await fs.readFile(file)));
      return typeof parsed === 'object' &&
        parsed !== null &&
        'path' in parsed &&
        typeof parsed.path === 'string'
        ? parsed.path
        : null;
    } catch {
      return null;
    }
  },
  saveRoot: (path: string) =>
    fs.writeFile(file, new TextEncoder().encode(JSON.stringify({ path }))),
});

type Handlers = Pick<
  Platform,
  'syncFolderInfo' | 'syncFolderChoose' | 'syncFolderList' | 'syncFolderRead' | 'syncFolderWrite'
>;

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

export const createSyncFolderHandlers = (deps: SyncFolderDeps): Handlers => {
  const root = async (): Promise<string> => {
    const r = await deps.loadRoot();
    if (r === null) throw new Error('no sync folder');
    return deps.realpath(r);
  };

  /** The absolute path of a relative bundle path, or a thrown error if it is not safe. */
  const locate = async (path: string, { mustExist }: { mustExist: boolean }) => {
    if (!SYNC_FILE_PATTERN.test(path)) throw new Error('path not allowed');
    const base = await root();
    const target = resolve(base, ...path.split('/'));
    if (!inside(base, target)) throw new Error('path not allowed');
    // The office directory may be a link planted to lead elsewhere: check where it really is.
    const dir = dirname(target);
    let realDir: string | null = null;
    try {
      realDir = await deps.realpath(dir);
    } catch {
      if (mustExist) throw new Error('file not found');
    }
    if (realDir !== null && !inside(base, realDir)) throw new Error('path not allowed');
    if (mustExist) {
      const st = await deps.lstat(target);
      if (!st.isFile()) throw new Error('not a file');
      if (st.size > MAX_BUNDLE_BYTES) throw new Error('file too large');
    }
    return target;
  };

  return {
    syncFolderInfo: async () => ({ supported: true, path: await deps.loadRoot() }),
    syncFolderChoose: async () => {
      const { canceled, filePaths } = await deps.showOpenDialog({
        properties: ['openDirectory', 'createDirectory'],
      });
      const chosen = filePaths[0];
      if (!canceled && chosen !== undefined) await deps.saveRoot(chosen);
      return { supported: true, path: await deps.loadRoot() };
    },
    syncFolderList: async () => {
      const base = await root();
      const out: { path: string; size: number }[] = [];
      for (const office of await deps.readdir(base)) {
        if (!OFFICE_DIR.test(office)) continue;
        const dir = join(base, office);
        if (!(await deps.lstat(dir)).isDirectory()) continue;
        for (const name of await deps.readdir(dir)) {
          const path = `${office}/${name}`;
          if (!SYNC_FILE_PATTERN.test(path)) continue;
          const st = await deps.lstat(join(dir, name));
          if (st.isFile()) out.push({ path, size: st.size });
        }
      }
      return out;
    },
    syncFolderRead: async ({ path }) => {
      const target = await locate(path, { mustExist: true });
      await refuseLink(deps, target);
      return deps.readFile(target);
    },
    syncFolderWrite: async ({ path, data }) => {
      if (data.byteLength > MAX_BUNDLE_BYTES) throw new Error('file too large');
      const target = await locate(path, { mustExist: false });
      await deps.mkdir(dirname(target));
      // The office folder may have been swapped for a link since `locate` looked.
      if ((await deps.lstat(dirname(target))).isSymbolicLink()) throw new Error('link refused');
      // Written aside (exclusive, random name, never through a link) then renamed: a partner
      // never reads a half-written file from a local disk (copies in flight elsewhere are caught
      // by the bundle's own length check).
      await writeAside(deps, target, data);
      return { written: true };
    },
  };
};
