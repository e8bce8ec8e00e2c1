/**
 * The data key in the OS keychain (issue 7). safeStorage wraps it with a key the OS keeps for
 * this user (Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux); the wrapped
 * bytes live in the user-data folder, readable by the user only.
 *
 * Linux without a keyring falls back to 'basic_text', which "encrypts" with a constant known to
 * everyone: a key stored that way would sit in plain sight beside the data it protects. So then,
 * as when no keychain exists, nothing is stored and each user unlocks the key with their own
 * password; Settings warns about it.
 */
import type { SafeStorage } from 'electron';
import type { KeyProtection, Platform } from '@shared/platform/contract';
import { DATA_KEY_BYTES } from '@shared/platform/contract';

export const KEY_FILE_NAME = 'data-key.bin';

export type KeysDeps = {
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
    Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;
  /** process.platform: getSelectedStorageBackend exists on Linux only. */
  platform: string;
  keyPath: string;
  readFile: (path: string) => Promise<Uint8Array>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
};

const backendOf = (deps: KeysDeps): string => {
  if (deps.platform === 'linux') return deps.safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  return deps.platform === 'darwin' ? 'keychain' : deps.platform === 'win32' ? 'dpapi' : 'unknown';
};

export const keyProtection = (deps: KeysDeps): { protection: KeyProtection; backend: string } => {
  const backend = backendOf(deps);
  if (backend === 'basic_text') return { protection: 'plaintext_fallback', backend };
  // 'unknown' is what Linux reports before `ready` or with no usable store.
  if (backend === 'unknown' || !deps.safeStorage.isEncryptionAvailable())
    return { protection: 'unavailable', backend };
  return { protection: 'keychain', backend };
};

const toKey = (base64: string): Uint8Array<ArrayBuffer> | null => {
  const key = Buffer.from(base64, 'base64');
  return key.length === DATA_KEY_BYTES ? new Uint8Array(key) : null;
};

export const createKeysHandlers = (deps: KeysDeps): Pick<Platform, 'dataKey' | 'storeDataKey'> => ({
  dataKey: async () => {
    const { protection, backend } = keyProtection(deps);
    if (protection !== 'keychain') return { protection, backend, key: null };
    let wrapped: Uint8Array;
    try {
      wrapped = await deps.readFile(deps.keyPath);
    } catch {
      return { protection, backend, key: null };
    }
    try {
      return {
        protection,
        backend,
        key: toKey(deps.safeStorage.decryptString(Buffer.from(wrapped))),
      };
    } catch {
      // Another keychain (a restored profile, a new OS user): the users' passwords still open
      // the key, and the renderer stores it again after the next login.
      return { protection, backend, key: null };
    }
  },
  storeDataKey: async ({ key }) => {
    const { protection } = keyProtection(deps);
    if (protection !== 'keychain') return { stored: false, protection };
    const wrapped = deps.safeStorage.encryptString(Buffer.from(key).toString('base64'));
    await deps.writeFile(deps.keyPath, new Uint8Array(wrapped));
    return { stored: true, protection };
  },
});
