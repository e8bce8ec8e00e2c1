/**
 * Zip archives (HSDS data packages, and XLSX files, which are zips) opened with limits checked
 * while inflating: the declared size of each entry, the running total of what actually comes
 * out, the ratio of inflated to compressed bytes, and the number of entries. A zip bomb stops
 * at the first megabyte past a limit, not after filling memory.
 */
import { Unzip, UnzipInflate, zipSync } from 'fflate';
import { ExchangeError, LIMITS } from './limits';

export const isZip = (b: Uint8Array): boolean =>
  b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export type UnzipLimits = { totalBytes: number; ratio: number; entries: number };
const DEFAULTS: UnzipLimits = {
  totalBytes: LIMITS.unzippedBytes,
  ratio: LIMITS.zipRatio,
  entries: LIMITS.zipEntries,
};
const RATIO_GRACE = 1024 * 1024;

const concat = (chunks: Uint8Array[], size: number): Uint8Array => {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

/**
 * Entries (by path) whose name `keep` accepts; the others are inflated only to be counted, so
 * a bomb hidden in an ignored entry is still caught.
 */
export const safeUnzip = (
  bytes: Uint8Array,
  keep: (name: string) => boolean = () => true,
  limits: UnzipLimits = DEFAULTS,
): Map<string, Uint8Array> => {
  const files = new Map<string, Uint8Array>();
  const bomb = () =>
    new ExchangeError('zipBomb', { limit: Math.floor(limits.totalBytes / 1024 / 1024) });
  let total = 0;
  let entries = 0;
  // fflate may catch what a handler throws and report it as a stream error: remember ours.
  let failure: ExchangeError | undefined;
  const fail = (e: ExchangeError) => {
    failure ??= e;
    throw failure;
  };
  const unzip = new Unzip((file) => {
    if (++entries > limits.entries)
      fail(new ExchangeError('zipEntries', { limit: limits.entries }));
    if (file.originalSize !== undefined && file.originalSize > limits.totalBytes) fail(bomb());
    if (file.compression !== 0 && file.compression !== 8) fail(new ExchangeError('zipInvalid'));
    const wanted = keep(file.name) && !file.name.endsWith('/');
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) fail(new ExchangeError('zipInvalid'));
      size += chunk.length;
      total += chunk.length;
      const compressed = Math.max(file.size ?? 0, 1);
      if (total > limits.totalBytes || (size > RATIO_GRACE && size / compressed > limits.ratio))
        fail(bomb());
      if (wanted) chunks.push(chunk);
      if (final && wanted) files.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (e) {
    throw failure ?? (e instanceof ExchangeError ? e : new ExchangeError('zipInvalid'));
  }
  if (failure) throw failure;
  return files;
};

/** A zip of named files (deflated), e.g. a data package. */
export const makeZip = (files: Record<string, Uint8Array>): Uint8Array<ArrayBuffer> =>
  zipSync(files, { level: 6 });

/** The file name without folders: a package zipped as a folder has "pkg/services.csv". */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
