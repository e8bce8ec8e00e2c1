/**
 * Encryption at rest of case data (issue 7): AES-256-GCM with WebCrypto, a random 96-bit IV per
 * value, and optional additional data binding a ciphertext to its place (e.g. "referrals:<id>:
 * caseDetails") so one record's sealed field cannot be pasted into another.
 *
 * WebCrypto is not IndexedDB: its promises end a Dexie transaction that awaits them. Encrypt
 * before opening the transaction and decrypt after reading (see the integration notes in
 * renderer/features/accounts/README.md).
 */
import type { z } from 'zod';
import { deriveKeyBytes, KDF_LABEL, SALT_BYTES } from '@shared/domain/accounts/password';
import { sealedSchema } from '@shared/domain/accounts/sealed';
import type { KeySlot, Sealed } from '@shared/domain/accounts/sealed';

export const toBase64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

export const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export const randomBytes = (n: number): Uint8Array<ArrayBuffer> =>
  crypto.getRandomValues(new Uint8Array(n));

const utf8 = new TextEncoder();
const AES = 'AES-GCM';
const IV_BYTES = 12;

/**
 * Extractable because the administrator re-wraps it into each new user's key slot; it only ever
 * lives in memory (and, in Electron, wrapped by the OS keychain).
 */
export const generateDataKey = (): Promise<CryptoKey> =>
  crypto.subtle.generateKey({ name: AES, length: 256 }, true, ['encrypt', 'decrypt']);

export const importDataKey = (raw: Uint8Array): Promise<CryptoKey> => {
  if (raw.length !== 32) throw new Error('a data key is 32 bytes');
  return crypto.subtle.importKey('raw', new Uint8Array(raw), AES, true, ['encrypt', 'decrypt']);
};

export const exportDataKey = async (key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> =>
  new Uint8Array(await crypto.subtle.exportKey('raw', key));

const params = (iv: Uint8Array<ArrayBuffer>, aad?: string): AesGcmParams =>
  aad === undefined ? { name: AES, iv } : { name: AES, iv, additionalData: utf8.encode(aad) };

export const encryptBytes = async (
  key: CryptoKey,
  plain: Uint8Array,
  aad?: string,
): Promise<Sealed> => {
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt(params(iv, aad), key, new Uint8Array(plain));
  return { v: 1, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
};

/** Throws when the key, the additional data or a single bit of the ciphertext is wrong. */
export const decryptBytes = async (
  key: CryptoKey,
  sealed: Sealed,
  aad?: string,
): Promise<Uint8Array<ArrayBuffer>> => {
  const s = sealedSchema.parse(sealed);
  const plain = await crypto.subtle.decrypt(params(fromBase64(s.iv), aad), key, fromBase64(s.ct));
  return new Uint8Array(plain);
};

export const encryptJson = (key: CryptoKey, value: unknown, aad?: string): Promise<Sealed> =>
  encryptBytes(key, utf8.encode(JSON.stringify(value)), aad);

export const decryptJson = async (key: CryptoKey, sealed: Sealed, aad?: string): Promise<unknown> =>
  JSON.parse(new TextDecoder().decode(await decryptBytes(key, sealed, aad))) as unknown;

/** Decrypts and parses with the schema the plaintext had: what is opened is checked too. */
export const openSealed = async <S extends z.ZodType>(
  key: CryptoKey,
  sealed: Sealed,
  schema: S,
  aad?: string,
): Promise<z.infer<S>> => schema.parse(await decryptJson(key, sealed, aad));

const SLOT_AAD = 'passerelle:key-slot';

const kekFrom = async (password: string, salt: Uint8Array, kdf: string): Promise<CryptoKey> =>
  crypto.subtle.importKey(
    'raw',
    new Uint8Array(await deriveKeyBytes(password, salt, kdf)),
    AES,
    false,
    ['encrypt', 'decrypt'],
  );

/** The data key wrapped for one user, by a key derived from their password. */
export const makeKeySlot = async (dataKey: CryptoKey, password: string): Promise<KeySlot> => {
  const salt = randomBytes(SALT_BYTES);
  const kek = await kekFrom(password, salt, KDF_LABEL);
  return {
    v: 1,
    kdf: KDF_LABEL,
    salt: toBase64(salt),
    wrapped: await encryptBytes(kek, await exportDataKey(dataKey), SLOT_AAD),
  };
};

/** The data key, or null when the password does not open the slot. */
export const openKeySlot = async (slot: KeySlot, password: string): Promise<CryptoKey | null> => {
  const kek = await kekFrom(password, fromBase64(slot.salt), slot.kdf);
  try {
    return await importDataKey(await decryptBytes(kek, slot.wrapped, SLOT_AAD));
  } catch {
    return null;
  }
};
