/**
 * The data key's life (issue 7). One random AES-256 key per installation encrypts case data.
 * It is never stored in the clear:
 * - each user's record holds it wrapped by a key derived from their password (a key slot), so
 *   any user unlocks it at login, in the browser and in Electron alike;
 * - in Electron with a real OS keychain, main also keeps it wrapped by safeStorage, so a session
 *   resumed after a reload reads case data without the password again.
 * A check value (a known text sealed with the key) tells a right key from a wrong one.
 */
import type { Platform } from '@shared/platform/contract';
import { sealedSchema, type Sealed } from '@shared/domain/accounts/sealed';
import type { PasserelleDb } from './db';
import {
  decryptJson,
  encryptJson,
  exportDataKey,
  generateDataKey,
  importDataKey,
} from './encryption';

const KEYRING = 'keyring';
const CHECK_TEXT = 'passerelle-data-key';
const CHECK_AAD = 'passerelle:keyring';

/** Whether `key` opens a keyring check value (this installation's, or a backup's). */
export const keyOpensCheck = async (key: CryptoKey, check: Sealed): Promise<boolean> => {
  try {
    return (await decryptJson(key, check, CHECK_AAD)) === CHECK_TEXT;
  } catch {
    return false;
  }
};

export type KeyPlatform = Pick<Platform, 'dataKey' | 'storeDataKey'>;

export const createKeyStore = (db: PasserelleDb, platform: KeyPlatform) => {
  const readCheck = async () => {
    const row = await db.settings.get(KEYRING);
    const parsed = sealedSchema.safeParse((row?.value as { check?: unknown } | undefined)?.check);
    return parsed.success ? parsed.data : undefined;
  };

  /** Whether `key` is this installation's data key (true when no check exists yet). */
  const matches = async (key: CryptoKey): Promise<boolean> => {
    const check = await readCheck();
    if (!check) return true;
    return keyOpensCheck(key, check);
  };

  /** Hands the key to the OS keychain, where there is a real one. Never fails the caller. */
  const remember = async (key: CryptoKey): Promise<void> => {
    try {
      const held = await platform.dataKey(undefined);
      if (held.protection !== 'keychain') return;
      const raw = await exportDataKey(key);
      if (held.key && held.key.every((b, i) => b === raw[i])) return;
      await platform.storeDataKey({ key: raw });
    } catch {
      // The key slots still open it; the OS copy is a convenience.
    }
  };

  return {
    /** At setup: a new key, its check value, and the OS copy. */
    async create(): Promise<CryptoKey> {
      const key = await generateDataKey();
      const check = await encryptJson(key, CHECK_TEXT, CHECK_AAD);
      await db.settings.put({ key: KEYRING, value: { v: 1, check } });
      await remember(key);
      return key;
    },
    /** Whether a data key exists yet (installations set up before accounts have none). */
    async exists(): Promise<boolean> {
      return (await readCheck()) !== undefined;
    },
    matches,
    remember,
    /** Without a password: the key the OS keeps for this installation, if it is the right one. */
    async fromPlatform(): Promise<CryptoKey | null> {
      try {
        const held = await platform.dataKey(undefined);
        if (!held.key) return null;
        const key = await importDataKey(held.key);
        return (await matches(key)) ? key : null;
      } catch {
        return null;
      }
    },
    async protection() {
      const { protection, backend } = await platform.dataKey(undefined);
      return { protection, backend };
    },
  };
};

export type KeyStore = ReturnType<typeof createKeyStore>;
