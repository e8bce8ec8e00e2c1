/**
 * Parses and checks an import off the main thread, so a 200k-row file never freezes the window,
 * holds the checked plan, and on confirm writes it in its own connection (checkHost.ts). Cancel
 * before the write = the page terminates this worker; during it = `cancel`, which aborts the
 * write's one transaction, so nothing is left half done either way.
 */
import readXlsxFile from 'read-excel-file/web-worker';
import type { ReadWorkbook } from '@shared/domain/exchange/importFile';
import { PasserelleDb } from '../../data/db';
import { createExchangeRepository } from '../../data/repositories/exchange';
import type { WorkerResponse } from './protocol';
import { createCheckHost } from './checkHost';

const readXlsx: ReadWorkbook = async (bytes) =>
  (
    await readXlsxFile(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    )
  ).map((s) => ({ name: s.sheet, data: s.data }));

const hex = (b: ArrayBuffer) =>
  [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
/** The files' fingerprint for the audit entry: SHA-256 of the one file, or of each file's hash. */
const fingerprint = async (files: { bytes: Uint8Array }[]): Promise<string> => {
  const one = await Promise.all(
    files.map((f) => crypto.subtle.digest('SHA-256', f.bytes as Uint8Array<ArrayBuffer>)),
  );
  if (one.length === 1) return hex(one[0]!);
  return hex(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(one.map(hex).join('\n'))),
  );
};

/** Read in this worker's own connection: the directory never crosses into the window. */
const existingViews = async (dbName: string, dataKey: CryptoKey | null) => {
  const db = new PasserelleDb(dbName);
  try {
    return await createExchangeRepository(
      db,
      () => ({ office: '', user: '' }),
      () => dataKey,
    ).existingViews();
  } finally {
    db.close();
  }
};

const host = createCheckHost((m: WorkerResponse) => self.postMessage(m), {
  readXlsx,
  fingerprint,
  existingViews,
  open: (name) => new PasserelleDb(name),
});
self.onmessage = (e: MessageEvent<unknown>) => void host(e.data);
