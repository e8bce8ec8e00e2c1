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
const UNKNOWN = 0xffffffff;

type Sizes = { compressed: number; original: number };

/**
 * Sizes by entry name from the central directory. Spreadsheet writers often stream entries with
 * a data descriptor (flag bit 3): their local header says 0 for both sizes, so the ratio check
 * needs the central directory's figures. A lying directory gains nothing: a compressed size is
 * capped at the file's length and the running total is counted from what actually inflates.
 */
export const centralSizes = (bytes: Uint8Array): Map<string, Sizes> => {
  const sizes = new Map<string, Sizes>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= floor; i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return sizes;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const utf8 = new TextDecoder();
  for (let n = 0; n < count && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const flags = view.getUint16(at + 8, true);
    const compressed = view.getUint32(at + 20, true);
    const original = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const skip = nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const raw = bytes.subarray(at + 46, at + 46 + nameLen);
    // Same decoding as fflate: UTF-8 when flag bit 11 says so, Latin-1 otherwise.
    const name = flags & 0x800 ? utf8.decode(raw) : String.fromCharCode(...raw);
    sizes.set(name, {
      compressed: compressed === UNKNOWN ? bytes.length : Math.min(compressed, bytes.length),
      original: original === UNKNOWN ? 0 : original,
    });
    at += 46 + skip;
  }
  return sizes;
};

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
  const central = centralSizes(bytes);
  // fflate may catch what a handler throws and report it as a stream error: remember ours.
  let failure: ExchangeError | undefined;
  const fail = (e: ExchangeError) => {
    failure ??= e;
    throw failure;
  };
  const unzip = new Unzip((file) => {
    if (++entries > limits.entries)
      fail(new ExchangeError('zipEntries', { limit: limits.entries }));
    const dir = central.get(file.name);
    const declared = Math.max(file.originalSize ?? 0, dir?.original ?? 0);
    if (declared > limits.totalBytes) fail(bomb());
    // Local header first; a data-descriptor entry says 0 there, so the directory's figure, and
    // failing both the whole file's length (an upper bound that keeps the total limit exact).
    const compressed = file.size || dir?.compressed || bytes.length;
    if (file.compression !== 0 && file.compression !== 8) fail(new ExchangeError('zipInvalid'));
    const wanted = keep(file.name) && !file.name.endsWith('/');
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) fail(new ExchangeError('zipInvalid'));
      size += chunk.length;
      total += chunk.length;
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
