/**
 * What the import's workers need of the platform to read files: the XLSX reader for workers,
 * and the files' SHA-256 for the audit entry (import.worker.ts, check.worker.ts).
 */
import readXlsxFile from 'read-excel-file/web-worker';
import type { ReadWorkbook } from '@shared/domain/exchange/importFile';

export const readXlsx: ReadWorkbook = async (bytes) =>
  (
    await readXlsxFile(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    )
  ).map((s) => ({ name: s.sheet, data: s.data }));

const hex = (b: ArrayBuffer) =>
  [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
/** The files' fingerprint for the audit entry: SHA-256 of the one file, or of each file's hash. */
export const fingerprint = async (files: { bytes: Uint8Array }[]): Promise<string> => {
  const one = await Promise.all(
    files.map((f) => crypto.subtle.digest('SHA-256', f.bytes as Uint8Array<ArrayBuffer>)),
  );
  if (one.length === 1) return hex(one[0]!);
  return hex(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(one.map(hex).join('\n'))),
  );
};
