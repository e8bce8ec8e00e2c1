import { describe, expect, it, vi } from 'vitest';
import { ipcChannel, type Platform } from '@shared/platform/contract';
import { isAppSender, registerPlatformHandlers, type IpcRegistrar, type SenderEvent } from './ipc';

type Listener = Parameters<IpcRegistrar['handle']>[1];

const fakeHandlers = () => ({
  saveFile: vi.fn<Platform['saveFile']>(async () => ({ saved: true })),
  openFile: vi.fn<Platform['openFile']>(async () => null),
  printToPdf: vi.fn<Platform['printToPdf']>(async () => ({ saved: false })),
  appInfo: vi.fn<Platform['appInfo']>(async () => ({ version: '0.1.0', kind: 'electron' })),
  openExternal: vi.fn<Platform['openExternal']>(async () => ({ opened: true })),
  dataKey: vi.fn<Platform['dataKey']>(async () => ({
    protection: 'keychain',
    backend: 'dpapi',
    key: new Uint8Array(32),
  })),
  storeDataKey: vi.fn<Platform['storeDataKey']>(async () => ({
    stored: true,
    protection: 'keychain',
  })),
  syncFolderInfo: vi.fn<Platform['syncFolderInfo']>(async () => ({ supported: true, path: null })),
  syncFolderChoose: vi.fn<Platform['syncFolderChoose']>(async () => ({
    supported: true,
    path: '/srv/partage',
  })),
  syncFolderList: vi.fn<Platform['syncFolderList']>(async () => []),
  syncFolderRead: vi.fn<Platform['syncFolderRead']>(async () => new Uint8Array([1])),
  syncFolderWrite: vi.fn<Platform['syncFolderWrite']>(async () => ({ written: true })),
  autoBackupWrite: vi.fn<Platform['autoBackupWrite']>(async () => ({ saved: true, kept: 1 })),
  autoBackupList: vi.fn<Platform['autoBackupList']>(async () => ({ files: [] })),
  syncServerAllow: vi.fn<Platform['syncServerAllow']>(async ({ origin }) => ({
    origin,
    changed: true,
    applies: true,
  })),
  serverSecretStore: vi.fn<Platform['serverSecretStore']>(async () => ({ stored: true })),
  serverSecret: vi.fn<Platform['serverSecret']>(async () => ({ secret: null })),
});

const setup = () => {
  const listeners = new Map<string, Listener>();
  const handlers = fakeHandlers();
  registerPlatformHandlers({ handle: (channel, l) => void listeners.set(channel, l) }, handlers);
  const call = (method: keyof Platform, args: unknown, url = 'app://passerelle/index.html') => {
    const listener = listeners.get(ipcChannel(method));
    if (listener === undefined) throw new Error(`no handler for ${method}`);
    return listener({ senderFrame: { url } }, args);
  };
  return { listeners, handlers, call };
};

const saveArgs = { suggestedName: 'export.csv', mimeType: 'text/csv', data: 'a,b' };

describe('registerPlatformHandlers', () => {
  it('registers one channel per contract method', () => {
    const methods = [
      'appInfo',
      'autoBackupList',
      'autoBackupWrite',
      'dataKey',
      'openExternal',
      'openFile',
      'printToPdf',
      'saveFile',
      'serverSecret',
      'serverSecretStore',
      'storeDataKey',
      'syncFolderChoose',
      'syncFolderInfo',
      'syncFolderList',
      'syncFolderRead',
      'syncFolderWrite',
      'syncServerAllow',
    ] as const;
    expect([...setup().listeners.keys()].sort()).toEqual(methods.map(ipcChannel));
  });

  it('refuses an untrusted sender without calling the handler', async () => {
    const { call, handlers } = setup();
    for (const url of ['https://evil.example/', 'app://other/index.html', 'file:///x.html']) {
      expect(await call('saveFile', saveArgs, url)).toEqual({
        ok: false,
        error: 'untrusted sender',
      });
    }
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('refuses a destroyed frame', () => {
    const destroyed: SenderEvent = { senderFrame: null };
    expect(isAppSender(destroyed)).toBe(false);
  });

  it('refuses malformed arguments with the zod message and does not call the handler', async () => {
    const { call, handlers } = setup();
    const response = await call('saveFile', { ...saveArgs, suggestedName: '../../etc/passwd' });
    expect(response).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid file name'),
    });
    expect(await call('openExternal', { url: 'https://evil.example/' })).toMatchObject({
      ok: false,
    });
    expect(await call('openFile', 'csv')).toMatchObject({ ok: false });
    expect(handlers.saveFile).not.toHaveBeenCalled();
    expect(handlers.openExternal).not.toHaveBeenCalled();
    expect(handlers.openFile).not.toHaveBeenCalled();
  });

  it('gives the data key only to the app page, and refuses a key of the wrong size', async () => {
    const { call, handlers } = setup();
    expect(await call('dataKey', undefined, 'https://evil.example/')).toEqual({
      ok: false,
      error: 'untrusted sender',
    });
    expect(handlers.dataKey).not.toHaveBeenCalled();
    expect(await call('dataKey', undefined)).toMatchObject({
      ok: true,
      value: { protection: 'keychain' },
    });
    expect(await call('storeDataKey', { key: new Uint8Array(16) })).toMatchObject({ ok: false });
    expect(await call('storeDataKey', { key: 'A'.repeat(32) })).toMatchObject({ ok: false });
    expect(handlers.storeDataKey).not.toHaveBeenCalled();
    handlers.dataKey.mockResolvedValueOnce({
      protection: 'keychain',
      backend: 'dpapi',
      key: new Uint8Array(8),
    });
    expect(await call('dataKey', undefined)).toEqual({ ok: false, error: 'invalid result' });
  });

  it('refuses a sync folder path outside the pattern before main touches the disk', async () => {
    const { call, handlers } = setup();
    for (const path of [
      '../etc/passwd',
      'BKO/../../x.pbundle',
      '/abs/BKO/a.pbundle',
      'BKO/a.txt',
      'bko/a.pbundle',
    ]) {
      expect(await call('syncFolderRead', { path })).toMatchObject({ ok: false });
      expect(await call('syncFolderWrite', { path, data: new Uint8Array(1) })).toMatchObject({
        ok: false,
      });
    }
    expect(handlers.syncFolderRead).not.toHaveBeenCalled();
    expect(handlers.syncFolderWrite).not.toHaveBeenCalled();
  });

  it('refuses an automatic backup name outside the pattern before main touches the disk', async () => {
    const { call, handlers } = setup();
    for (const name of ['../passerelle-2026-01-01.pbak', 'data-key.bin', 'passerelle-x.pbak'])
      expect(
        await call('autoBackupWrite', { name, data: new Uint8Array(1), keep: 7 }),
      ).toMatchObject({ ok: false });
    expect(
      await call('autoBackupWrite', {
        name: 'passerelle-2026-01-01.pbak',
        data: new Uint8Array(1),
        keep: 0,
      }),
    ).toMatchObject({ ok: false });
    expect(handlers.autoBackupWrite).not.toHaveBeenCalled();
  });

  it('answers a good call with ok:true and the parsed value', async () => {
    const { call, handlers } = setup();
    expect(await call('saveFile', saveArgs)).toEqual({ ok: true, value: { saved: true } });
    expect(handlers.saveFile).toHaveBeenCalledWith(saveArgs);
    expect(await call('appInfo', undefined)).toEqual({
      ok: true,
      value: { version: '0.1.0', kind: 'electron' },
    });
  });

  it('turns a thrown error or an invalid result into ok:false, never a throw', async () => {
    const { call, handlers } = setup();
    handlers.openFile.mockRejectedValueOnce(new Error('file too large'));
    expect(await call('openFile', { extensions: ['csv'] })).toEqual({
      ok: false,
      error: 'file too large',
    });
    handlers.saveFile.mockResolvedValueOnce({ saved: 'yes' } as never);
    expect(await call('saveFile', saveArgs)).toEqual({ ok: false, error: 'invalid result' });
  });
});
