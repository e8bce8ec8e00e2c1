/**
 * Writing a file into a folder others can write (the shared sync folder) or that should hold
 * only our files (the backups folder), without being led elsewhere (issue 13, hole 7).
 *
 * A plain `writeFile(<name>.part)` follows a symbolic link planted under that predictable name,
 * so whoever can write the shared folder could make main overwrite any file the user can write.
 * Here the temporary file has a random name and is created exclusively (`wx`: O_CREAT|O_EXCL,
 * which fails on any existing entry, a link included, and never follows one), and a target that
 * is a link (or anything but a plain file) is refused. `rename` then replaces the directory
 * entry itself: it never writes through a link.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type ExclusiveFs = {
  lstat: (path: string) => Promise<{ isFile(): boolean; isSymbolicLink(): boolean }>;
  /** Creates `path`, failing if anything already exists there (never follows a link). */
  createExclusive: (path: string, data: Uint8Array) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  unlink: (path: string) => Promise<void>;
};

export const nodeExclusiveFs: ExclusiveFs = {
  lstat: (p) => lstat(p),
  createExclusive: async (p, data) => {
    const handle = await open(p, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename,
  unlink,
};

const missing = (e: unknown) => (e as { code?: string }).code === 'ENOENT';

/** Throws unless `path` is absent or a plain file (a link, a folder, a device is refused). */
export const refuseLink = async (fs: Pick<ExclusiveFs, 'lstat'>, path: string) => {
  try {
    const st = await fs.lstat(path);
    if (st.isSymbolicLink() || !st.isFile()) throw new Error('link refused');
  } catch (e) {
    if (!missing(e)) throw e;
  }
};

/** Writes `data` to `target` through an exclusive, randomly named temporary file. */
export const writeAside = async (fs: ExclusiveFs, target: string, data: Uint8Array) => {
  await refuseLink(fs, target);
  const part = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(12).toString('hex')}.part`,
  );
  await fs.createExclusive(part, data);
  try {
    await fs.rename(part, target);
  } catch (e) {
    await fs.unlink(part).catch(() => undefined);
    throw e;
  }
};
