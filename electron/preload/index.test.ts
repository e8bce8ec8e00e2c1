import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, PLATFORM_GLOBAL, type Platform } from '@shared/platform/contract';

// The preload imports 'electron', which has no binary here: replace it before import.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn<(channel: string, args: unknown) => Promise<unknown>>(),
}));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: { invoke: electron.invoke },
}));

const exposedApi = async (): Promise<Platform> => {
  await import('./index');
  const api = electron.exposed.get(PLATFORM_GLOBAL);
  if (api === undefined) throw new Error('nothing exposed');
  return api as Platform;
};

beforeEach(() => electron.invoke.mockReset());

describe('preload', () => {
  it('exposes exactly the contract methods under the platform global', async () => {
    expect(Object.keys(await exposedApi()).sort()).toEqual([
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
    ]);
    expect(electron.exposed.size).toBe(1);
  });

  it('invokes the contract channel and unwraps ok:true', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: { opened: true } });
    const api = await exposedApi();
    const args = { url: 'https://openreferral.org/' };
    expect(await api.openExternal(args)).toEqual({ opened: true });
    expect(electron.invoke).toHaveBeenCalledWith(ipcChannel('openExternal'), args);
  });

  it('throws the error of ok:false', async () => {
    electron.invoke.mockResolvedValue({ ok: false, error: 'untrusted sender' });
    const api = await exposedApi();
    await expect(api.appInfo(undefined)).rejects.toThrow('untrusted sender');
    expect(electron.invoke).toHaveBeenCalledWith(ipcChannel('appInfo'), undefined);
  });
});
