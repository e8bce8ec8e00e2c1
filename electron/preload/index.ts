/**
 * The Electron side of the platform contract (DESIGN §1). The page gets named functions only,
 * never ipcRenderer, so it can reach no channel but these. Main checks every argument; this
 * file only unwraps the envelope.
 *
 * Type-only imports on purpose: a runtime import of the contract would make the bundler move it
 * into a chunk shared with main, loaded by a relative path that a sandboxed preload may not
 * load. The two values below are checked against the contract by the compiler and index.test.ts.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type {
  IpcResponse,
  Platform,
  PlatformArgs,
  PlatformMethod,
  PlatformResult,
  PLATFORM_GLOBAL,
} from '@shared/platform/contract';

const GLOBAL_NAME: typeof PLATFORM_GLOBAL = 'passerelle';
const channel = (method: PlatformMethod): `passerelle:${PlatformMethod}` => `passerelle:${method}`;

const invoke = async <M extends PlatformMethod>(
  method: M,
  args: PlatformArgs<M>,
): Promise<PlatformResult<M>> => {
  const response = (await ipcRenderer.invoke(channel(method), args)) as IpcResponse<
    PlatformResult<M>
  >;
  if (!response.ok) throw new Error(response.error);
  return response.value;
};

const saveFile = (args: PlatformArgs<'saveFile'>) => invoke('saveFile', args);
const openFile = (args: PlatformArgs<'openFile'>) => invoke('openFile', args);
const printToPdf = (args: PlatformArgs<'printToPdf'>) => invoke('printToPdf', args);
const appInfo = (args: PlatformArgs<'appInfo'>) => invoke('appInfo', args);
const openExternal = (args: PlatformArgs<'openExternal'>) => invoke('openExternal', args);
const dataKey = (args: PlatformArgs<'dataKey'>) => invoke('dataKey', args);
const storeDataKey = (args: PlatformArgs<'storeDataKey'>) => invoke('storeDataKey', args);
const syncFolderInfo = (args: PlatformArgs<'syncFolderInfo'>) => invoke('syncFolderInfo', args);
const syncFolderChoose = (args: PlatformArgs<'syncFolderChoose'>) =>
  invoke('syncFolderChoose', args);
const syncFolderList = (args: PlatformArgs<'syncFolderList'>) => invoke('syncFolderList', args);
const syncFolderRead = (args: PlatformArgs<'syncFolderRead'>) => invoke('syncFolderRead', args);
const syncFolderWrite = (args: PlatformArgs<'syncFolderWrite'>) => invoke('syncFolderWrite', args);
const autoBackupWrite = (args: PlatformArgs<'autoBackupWrite'>) => invoke('autoBackupWrite', args);
const autoBackupList = (args: PlatformArgs<'autoBackupList'>) => invoke('autoBackupList', args);
const syncServerAllow = (args: PlatformArgs<'syncServerAllow'>) => invoke('syncServerAllow', args);
const serverSecretStore = (args: PlatformArgs<'serverSecretStore'>) =>
  invoke('serverSecretStore', args);
const serverSecret = (args: PlatformArgs<'serverSecret'>) => invoke('serverSecret', args);

const api = {
  saveFile,
  openFile,
  printToPdf,
  appInfo,
  openExternal,
  dataKey,
  storeDataKey,
  syncFolderInfo,
  syncFolderChoose,
  syncFolderList,
  syncFolderRead,
  syncFolderWrite,
  autoBackupWrite,
  autoBackupList,
  syncServerAllow,
  serverSecretStore,
  serverSecret,
} satisfies Platform;

contextBridge.exposeInMainWorld(GLOBAL_NAME, api);
