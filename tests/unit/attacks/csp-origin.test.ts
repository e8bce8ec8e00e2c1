/**
 * Hole 8 (issue 13): the desktop window's CSP blocked the CouchDB server. It now allows exactly
 * the configured server origin, which main learns through a checked IPC call. These tests try to
 * widen that hole from the renderer: a wildcard, a second directive smuggled in, a path, a
 * credential, a scheme that is not http(s), a call from another origin. The Chromium side (the
 * real CSP blocking and allowing) is tests/e2e/csp-couchdb.spec.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { registerPlatformHandlers } from '../../../electron/main/ipc';
import { createAppProtocolHandler } from '../../../electron/main/modules/protocol';
import {
  checkServerOrigin,
  createSyncServerHandlers,
} from '../../../electron/main/modules/syncServer';
import { contentSecurityPolicy } from '../../../electron/main/window';
import { ipcChannel, type Platform } from '../../../shared/platform/contract';

const files = () => {
  const disk = new Map<string, Uint8Array>();
  return {
    disk,
    readFile: async (p: string) => {
      const d = disk.get(p);
      if (!d) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return d;
    },
    writeFile: async (p: string, d: Uint8Array) => void disk.set(p, d),
    unlink: async (p: string) => void disk.delete(p),
  };
};

const keychain = (available: boolean, backend = 'gnome_libsecret') => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend as never,
  encryptString: (s: string) => Buffer.from(`sealed:${Buffer.from(s).toString('base64')}`),
  decryptString: (b: Buffer) =>
    Buffer.from(b.toString().replace(/^sealed:/, ''), 'base64').toString(),
});

const server = (available = true, backend?: string) => {
  const fs = files();
  const made = createSyncServerHandlers({
    ...fs,
    safeStorage: keychain(available, backend),
    platform: 'linux',
    originPath: '/u/origin.json',
    secretPath: '/u/secret.bin',
  });
  return { ...made, fs };
};

const connectSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('connect-src'));

describe('attack: widen the window’s connect-src from the renderer', () => {
  it('accepts one plain http(s) origin and nothing that would widen the policy', () => {
    expect(checkServerOrigin('https://couchdb.mrn.ml')).toBe('https://couchdb.mrn.ml');
    expect(checkServerOrigin('http://192.168.1.20:5984')).toBe('http://192.168.1.20:5984');
    for (const bad of [
      '*',
      'https://*',
      'https:',
      'https://couchdb.mrn.ml/passerelle',
      'https://couchdb.mrn.ml; script-src *',
      "https://couchdb.mrn.ml 'unsafe-inline'",
      'https://admin:pw@couchdb.mrn.ml',
      'https://CouchDB.mrn.ml',
      'https://couchdb.mrn.ml:443',
      'javascript:alert(1)',
      'data:text/html,x',
      'ws://couchdb.mrn.ml',
      'file:///etc/passwd',
    ])
      expect(checkServerOrigin(bad), bad).toBeNull();
  });

  it('serves the app with exactly the allowed origin in connect-src, and none by default', async () => {
    const { handlers, allowedOrigin } = server();
    const protocol = createAppProtocolHandler({
      rootDir: '/app',
      readFile: async () => new TextEncoder().encode('<!doctype html>'),
      csp: async () => contentSecurityPolicy(await allowedOrigin()),
    });
    const csp = async () =>
      (await protocol(new Request('app://passerelle/index.html'))).headers.get(
        'content-security-policy',
      )!;
    expect(connectSrc(await csp())).toBe("connect-src 'self'");
    expect(await handlers.syncServerAllow({ origin: 'https://couchdb.mrn.ml' })).toEqual({
      origin: 'https://couchdb.mrn.ml',
      changed: true,
      applies: true,
    });
    expect(connectSrc(await csp())).toBe("connect-src 'self' https://couchdb.mrn.ml");
    // Another server replaces the first: never two.
    await handlers.syncServerAllow({ origin: 'https://sync.example.org' });
    expect(connectSrc(await csp())).toBe("connect-src 'self' https://sync.example.org");
    await handlers.syncServerAllow({ origin: null });
    expect(connectSrc(await csp())).toBe("connect-src 'self'");
    // The rest of the policy never moves.
    expect((await csp()).replace(/connect-src[^;]*/, '')).toBe(
      contentSecurityPolicy().replace(/connect-src[^;]*/, ''),
    );
  });

  it('refuses a widening origin at the IPC boundary and again in main; refuses other senders', async () => {
    const { handlers, allowedOrigin } = server();
    await expect(handlers.syncServerAllow({ origin: 'https://*.ml' })).rejects.toThrow();
    const listeners = new Map<string, (e: unknown, raw: unknown) => Promise<unknown>>();
    registerPlatformHandlers(
      { handle: (c, l) => void listeners.set(c, l as never) },
      handlers as unknown as Platform,
    );
    const call = (raw: unknown, url = 'app://passerelle/index.html') =>
      listeners.get(ipcChannel('syncServerAllow'))!({ senderFrame: { url } }, raw);
    expect(await call({ origin: 'https://a.ml; connect-src *' })).toMatchObject({ ok: false });
    expect(await call({ origin: 'https://a.ml' }, 'https://evil.example/')).toEqual({
      ok: false,
      error: 'untrusted sender',
    });
    expect(await allowedOrigin()).toBeNull();
    expect(await call({ origin: 'https://a.ml' })).toMatchObject({ ok: true });
    expect(await allowedOrigin()).toBe('https://a.ml');
  });

  it('an origin file edited on disk to widen the policy is ignored', async () => {
    const { fs, allowedOrigin } = server();
    fs.disk.set('/u/origin.json', new TextEncoder().encode('{"origin":"https: *"}'));
    expect(await allowedOrigin()).toBeNull();
  });
});

describe('the server password stays out of the profile in the desktop app', () => {
  it('goes to the OS keychain, and to nothing on a plain-text fallback', async () => {
    const real = server(true);
    expect(await real.handlers.serverSecretStore({ secret: 'mot-de-passe-couch' })).toEqual({
      stored: true,
    });
    expect(Buffer.from(real.fs.disk.get('/u/secret.bin')!).toString()).not.toContain(
      'mot-de-passe-couch',
    );
    expect(await real.handlers.serverSecret(undefined)).toEqual({ secret: 'mot-de-passe-couch' });
    await real.handlers.serverSecretStore({ secret: null });
    expect(real.fs.disk.has('/u/secret.bin')).toBe(false);

    const fallback = server(true, 'basic_text');
    expect(await fallback.handlers.serverSecretStore({ secret: 'x' })).toEqual({ stored: false });
    expect(fallback.fs.disk.size).toBe(0);
    vi.restoreAllMocks();
  });
});
