/**
 * Backup and restore of the whole database as one encrypted file.
 *
 * File = header ‖ AES-GCM(gzip(dexie-export-import JSON)). The header (magic, format version,
 * KDF id, PBKDF2-SHA256 iterations, salt, IV) is authenticated as GCM additional data, so a
 * changed byte anywhere — header or body — fails decryption. The key comes from the passphrase
 * through PBKDF2-SHA256 with 600,000 iterations (OWASP 2023) and a random 16-byte salt.
 *
 * Restore decrypts and checks the whole file first, then clears every table and adds every row
 * in ONE transaction: it lands whole or not at all. (dexie-export-import's own importInto clears
 * tables before its import transaction, so a failure there would leave an empty database.)
 * The file format is here; who may back up and restore, and what a restored row must be, in
 * backupRestore.ts.
 */
import { gunzipSync, gzipSync } from 'fflate';
import { ExchangeError, LIMITS, checkSize } from '@shared/domain/exchange/limits';

const MAGIC = new TextEncoder().encode('PSRLBKUP');
const FORMAT_VERSION = 1;
const KDF_PBKDF2_SHA256 = 1;
export const PBKDF2_ITERATIONS = 600_000;
const HEADER_BYTES = 8 + 1 + 1 + 4 + 16 + 12;

const deriveKey = async (passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) => {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
};

export const encryptBackup = async (
  plain: Uint8Array,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<Uint8Array<ArrayBuffer>> => {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header = new Uint8Array(HEADER_BYTES);
  header.set(MAGIC, 0);
  header[8] = FORMAT_VERSION;
  header[9] = KDF_PBKDF2_SHA256;
  new DataView(header.buffer).setUint32(10, iterations);
  header.set(salt, 14);
  header.set(iv, 30);
  const key = await deriveKey(passphrase, salt, iterations);
  const body = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: header },
      key,
      gzipSync(plain as Uint8Array<ArrayBuffer>),
    ),
  );
  const out = new Uint8Array(HEADER_BYTES + body.length);
  out.set(header, 0);
  out.set(body, HEADER_BYTES);
  return out;
};

export const decryptBackup = async (file: Uint8Array, passphrase: string): Promise<Uint8Array> => {
  checkSize(file.length, LIMITS.backupBytes);
  if (file.length < HEADER_BYTES + 16 || !MAGIC.every((b, i) => file[i] === b))
    throw new ExchangeError('backupNotBackup');
  if (file[8] !== FORMAT_VERSION || file[9] !== KDF_PBKDF2_SHA256)
    throw new ExchangeError('backupVersion', { version: file[8] ?? 0 });
  const header = file.slice(0, HEADER_BYTES);
  const iterations = new DataView(header.buffer).getUint32(10);
  // A tampered count could make key derivation take hours; the body would fail anyway.
  if (iterations < 100_000 || iterations > 10_000_000) throw new ExchangeError('backupAuth');
  const key = await deriveKey(passphrase, header.slice(14, 30), iterations);
  let zipped: Uint8Array;
  try {
    zipped = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: header.slice(30, 42), additionalData: header },
        key,
        file.slice(HEADER_BYTES),
      ),
    );
  } catch {
    throw new ExchangeError('backupAuth');
  }
  try {
    return gunzipSync(zipped);
  } catch {
    throw new ExchangeError('backupContent');
  }
};
