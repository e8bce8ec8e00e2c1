/**
 * Composition only (DESIGN §1): wires Electron's APIs into the modules, which hold the logic and
 * are tested in plain Node.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { registerPlatformHandlers } from './ipc';
import { createAppInfoHandlers } from './modules/appInfo';
import { BACKUPS_DIR, createBackupsHandlers, nodeBackupsFs } from './modules/backups';
import { createFilesHandlers } from './modules/files';
import { createKeysHandlers, KEY_FILE_NAME } from './modules/keys';
import { createLinksHandlers } from './modules/links';
import { createPrintHandlers, PRINT_PARTITION } from './modules/print';
import {
  createSyncFolderHandlers,
  fileRootStore,
  nodeFolderFs,
  SYNC_FOLDER_FILE,
} from './modules/syncFolder';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './modules/protocol';
import {
  createSyncServerHandlers,
  SERVER_ORIGIN_FILE,
  SERVER_SECRET_FILE,
} from './modules/syncServer';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  contentSecurityPolicy,
  createWebPreferences,
  denyAllPermissions,
  hardenWebContents,
  isAppUrl,
} from './window';

// Must run before `ready`.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;

const createMainWindow = (): BrowserWindow => {
  const window = new BrowserWindow({
    title: 'Passerelle',
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 600,
    show: false,
    webPreferences: createWebPreferences(join(__dirname, 'preload.cjs'), !app.isPackaged),
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => (mainWindow = undefined));
  void window.loadURL(APP_INDEX_URL);
  return window;
};

// Dialogs are modal to the main window when there is one.
const showSaveDialog = (options: SaveDialogOptions) =>
  mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options);
const showOpenDialog = (options: OpenDialogOptions) =>
  mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options);
// Exports hold personal data: readable by the user only, where the OS honours modes.
const writePrivateFile = (path: string, data: string | Uint8Array) =>
  writeFile(path, data, { mode: 0o600 });

const start = (): void => {
  denyAllPermissions(session.defaultSession);
  const server = createSyncServerHandlers({
    safeStorage,
    platform: process.platform,
    originPath: join(app.getPath('userData'), SERVER_ORIGIN_FILE),
    secretPath: join(app.getPath('userData'), SERVER_SECRET_FILE),
    readFile,
    writeFile: writePrivateFile,
    unlink,
  });
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: join(__dirname, '..', 'renderer'),
      readFile,
      csp: async () => contentSecurityPolicy(await server.allowedOrigin()),
    }),
  );
  const printSession = session.fromPartition(PRINT_PARTITION);
  denyAllPermissions(printSession);
  const saveDeps = { showSaveDialog, writeFile: writePrivateFile };
  registerPlatformHandlers(ipcMain, {
    ...createFilesHandlers({
      ...saveDeps,
      showOpenDialog,
      readFile,
      fileSize: async (path) => (await stat(path)).size,
    }),
    ...createPrintHandlers({
      ...saveDeps,
      createWindow: (options) => new BrowserWindow(options),
      protocol: printSession.protocol,
      randomId: randomUUID,
    }),
    ...createAppInfoHandlers({ app }),
    ...createLinksHandlers({ shell }),
    ...createSyncFolderHandlers({
      ...nodeFolderFs,
      showOpenDialog,
      ...fileRootStore(join(app.getPath('userData'), SYNC_FOLDER_FILE), nodeFolderFs),
    }),
    ...createBackupsHandlers({
      ...nodeBackupsFs,
      dir: join(app.getPath('userData'), BACKUPS_DIR),
    }),
    ...createKeysHandlers({
      safeStorage,
      platform: process.platform,
      keyPath: join(app.getPath('userData'), KEY_FILE_NAME),
      readFile,
      writeFile: writePrivateFile,
    }),
    ...server.handlers,
  });
  mainWindow = createMainWindow();
};

// One instance only: two would share (and race on) the same IndexedDB files.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { isAllowedUrl: isAppUrl }),
  );
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('activate', () => {
    if (app.isReady() && mainWindow === undefined) mainWindow = createMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Passerelle failed to start', error);
      app.quit();
    });
}
