/**
 * Automatic daily backups (issue 6): the renderer builds the encrypted backup file (the same
 * format as a manual one) and main writes it into `<userData>/backups/`, then deletes the oldest
 * automatic backups beyond `keep`. Only files named `passerelle-YYYY-MM-DD.pbak` are ever written,
 * listed or deleted: anything else the user puts in that folder stays.
 */
import { lstat, mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeExclusiveFs, writeAside, type ExclusiveFs } from './exclusiveWrite';
import type { Platform } from '@shared/platform/contract';
import {
  AUTO_BACKUP_MAX_BYTES,
  AUTO_BACKUP_MAX_KEEP,
  AUTO_BACKUP_NAME_PATTERN,
} from '@shared/platform/contract';

export const BACKUPS_DIR = 'backups';

export type BackupsFs = Omit<ExclusiveFs, 'lstat'> & {
  readdir: (path: string) => Promise<string[]>;
  /** lstat: a symbolic link named like a backup is neither listed nor deleted. */
  lstat: (path: string) => Promise<{
    isFile(): boolean;
    isSymbolicLink(): boolean;
    isDirectory(): boolean;
    size: number;
    mtime: Date;
  }>;
  mkdir: (path: string) => Promise<unknown>;
};

/** The real file system; tests use it too, in a temporary directory. */
export const nodeBackupsFs: BackupsFs = {
  ...nodeExclusiveFs,
  readdir: (p) => readdir(p),
  lstat: (p) => lstat(p),
  unlink,
  mkdir: (p) => mkdir(p, { recursive: true }),
};

export type BackupsDeps = BackupsFs & {
  /** `<userData>/backups`, created on first write. */
  dir: string;
};

type BackupFile = { name: string; size: number; modifiedAt: string };

export const createBackupsHandlers = (
  deps: BackupsDeps,
): Pick<Platform, 'autoBackupWrite' | 'autoBackupList'> => {
  /** Automatic backups, oldest first (the date in the name orders them). */
  const list = async (): Promise<BackupFile[]> => {
    let names: string[];
    try {
      names = await deps.readdir(deps.dir);
    } catch {
      return []; // no backup written yet
    }
    const out: BackupFile[] = [];
    for (const name of names.filter((n) => AUTO_BACKUP_NAME_PATTERN.test(n)).sort()) {
      const st = await deps.lstat(join(deps.dir, name));
      if (st.isFile()) out.push({ name, size: st.size, modifiedAt: st.mtime.toISOString() });
    }
    return out;
  };

  return {
    autoBackupWrite: async ({ name, data, keep }) => {
      // Checked again here: main must not rely on the caller having parsed the arguments.
      if (!AUTO_BACKUP_NAME_PATTERN.test(name)) throw new Error('name not allowed');
      if (!Number.isInteger(keep) || keep < 1 || keep > AUTO_BACKUP_MAX_KEEP)
        throw new Error('keep out of range');
      if (data.byteLength > AUTO_BACKUP_MAX_BYTES) throw new Error('file too large');
      await deps.mkdir(deps.dir);
      const folder = await deps.lstat(deps.dir);
      if (folder.isSymbolicLink() || !folder.isDirectory()) throw new Error('link refused');
      const target = join(deps.dir, name);
      // Written aside (exclusive, random name, never through a link) then renamed: a crash
      // mid-write leaves the previous backup of that day whole, never a truncated file under a
      // backup's name.
      await writeAside(deps, target, data);
      const files = await list();
      const excess = files.slice(0, Math.max(0, files.length - keep));
      for (const f of excess) await deps.unlink(join(deps.dir, f.name));
      return { saved: true, kept: files.length - excess.length };
    },
    // Newest first, as Settings shows them.
    autoBackupList: async () => ({ files: (await list()).reverse() }),
  };
};
