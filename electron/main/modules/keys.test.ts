import { describe, expect, it, vi } from 'vitest';
import { createKeysHandlers, keyProtection, type KeysDeps } from './keys';

/** A keychain that really transforms the bytes, so a test cannot pass by storing plaintext. */
const fakeSafeStorage = (backend: string, available = true) => ({
  isEncryptionAvailable: vi.fn(() => available),
  getSelectedStorageBackend: vi.fn(() => backend as never),
  encryptString: vi.fn((s: string) => Buffer.from(`wrapped:${Buffer.from(s).toString('hex')}`)),
  decryptString: vi.fn((b: Buffer) => {
    const text = b.toString();
    if (!text.startsWith('wrapped:')) throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(text.slice(8), 'hex').toString();
  }),
});

const setup = (over: Partial<KeysDeps> = {}) => {
  const files = new Map<string, Uint8Array>();
  const deps: KeysDeps = {
    safeStorage: fakeSafeStorage('gnome_libsecret'),
    platform: 'linux',
    keyPath: '/home/u/.config/Passerelle/data-key.bin',
    readFile: async (path) => {
      const f = files.get(path);
      if (!f) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return f;
    },
    writeFile: async (path, data) => void files.set(path, data),
    ...over,
  };
  return { deps, files, handlers: createKeysHandlers(deps) };
};

const key = new Uint8Array(32).map((_, i) => i * 7);

describe('data key in the OS keychain', () => {
  it('has no key at first, stores it wrapped, and gives it back', async () => {
    const { handlers, files, deps } = setup();
    expect(await handlers.dataKey(undefined)).toEqual({
      protection: 'keychain',
      backend: 'gnome_libsecret',
      key: null,
    });
    expect(await handlers.storeDataKey({ key })).toEqual({ stored: true, protection: 'keychain' });
    const onDisk = files.get(deps.keyPath)!;
    expect(Buffer.from(onDisk).includes(Buffer.from(key))).toBe(false);
    expect(Buffer.from(onDisk).toString()).not.toContain(Buffer.from(key).toString('base64'));
    expect((await handlers.dataKey(undefined)).key).toEqual(key);
  });

  it('stores nothing and gives nothing with Linux’s plain-text fallback, and says so', async () => {
    const { handlers, files } = setup({ safeStorage: fakeSafeStorage('basic_text') });
    expect(await handlers.storeDataKey({ key })).toEqual({
      stored: false,
      protection: 'plaintext_fallback',
    });
    expect(files.size).toBe(0);
    expect(await handlers.dataKey(undefined)).toMatchObject({
      protection: 'plaintext_fallback',
      backend: 'basic_text',
      key: null,
    });
  });

  it('stores nothing where encryption is unavailable', async () => {
    const { handlers, files } = setup({
      safeStorage: fakeSafeStorage('unknown'),
    });
    expect(await handlers.storeDataKey({ key })).toMatchObject({ stored: false });
    expect(files.size).toBe(0);
    const mac = setup({ platform: 'darwin', safeStorage: fakeSafeStorage('', false) });
    expect(keyProtection(mac.deps)).toEqual({ protection: 'unavailable', backend: 'keychain' });
  });

  it('names the backend on macOS and Windows without asking Linux’s API', () => {
    const storage = fakeSafeStorage('x');
    expect(keyProtection({ ...setup().deps, platform: 'win32', safeStorage: storage })).toEqual({
      protection: 'keychain',
      backend: 'dpapi',
    });
    expect(storage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('answers no key, not an error, when the wrapped key cannot be opened', async () => {
    const { handlers, files, deps } = setup();
    files.set(deps.keyPath, new Uint8Array(Buffer.from('from another keychain')));
    expect((await handlers.dataKey(undefined)).key).toBeNull();
    files.set(deps.keyPath, new Uint8Array(deps.safeStorage.encryptString('c2hvcnQ=')));
    expect((await handlers.dataKey(undefined)).key).toBeNull();
  });
});
