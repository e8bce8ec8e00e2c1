/**
 * The one platform contract (DESIGN §1): what only the operating system can do. Two
 * implementations satisfy it, the Electron preload (over IPC, checked in main) and the web
 * adapter (download links, file input, window.print). Features call `platform()` and never ask
 * which one they run in.
 *
 * Each method has a zod schema for its argument and its result, used by main to parse what the
 * renderer sends and by the adapters' tests.
 */
import { z } from 'zod';

const bytes = z.instanceof(Uint8Array);

export const saveFileArgs = z.object({
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\:*?"<>|\0]+$/, { message: 'invalid file name' }),
  mimeType: z.string().min(1).max(200),
  data: z.union([z.string().max(200 * 1024 * 1024), bytes]),
});
export const saveFileResult = z.object({ saved: z.boolean() });

export const openFileArgs = z.object({
  /** File extensions without the dot, e.g. ["csv", "xlsx"]. */
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,8}$/))
    .min(1)
    .max(20),
});
export const openFileResult = z.object({ name: z.string().max(500), data: bytes }).nullable();

export const printToPdfArgs = z.object({
  /** A complete, self-contained HTML document (no remote resources). */
  html: z
    .string()
    .min(1)
    .max(20 * 1024 * 1024),
  suggestedName: saveFileArgs.shape.suggestedName,
});
export const printToPdfResult = z.object({
  saved: z.boolean(),
  /**
   * The browser build hands the letter to the print dialog, which never says whether a file
   * was made: "sent to print", not "file produced".
   */
  sentToPrint: z.boolean().optional(),
});

export const appInfoArgs = z.undefined();
export const appInfoResult = z.object({
  version: z.string(),
  kind: z.enum(['electron', 'web']),
});

/** Only these hosts may be opened in the user's browser (help pages, standards). */
export const EXTERNAL_LINK_ALLOW_LIST = ['openreferral.org', 'www.openstreetmap.org'] as const;
/** Host of an https URL (shared/ has no URL global: it is neither ES nor guaranteed). */
export const linkHost = (url: string): string =>
  /^https:\/\/([^/:?#@]+)(?::\d+)?(?:[/?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? '';

export const openExternalArgs = z.object({
  url: z
    .url({ protocol: /^https$/ })
    .refine((u) => (EXTERNAL_LINK_ALLOW_LIST as readonly string[]).includes(linkHost(u)), {
      message: 'link not allowed',
    }),
});
export const openExternalResult = z.object({ opened: z.boolean() });

/**
 * The data key (issue 7): 32 random bytes that encrypt case data at rest. In Electron, main keeps
 * it wrapped by the OS keychain (safeStorage) in the user-data folder, so a session resumed
 * after a reload can read case data without asking for the password again. Where the keychain
 * is missing, or is Linux's plain-text fallback, main keeps nothing and every user unlocks the
 * key with their own password (as in the browser build).
 */
export const DATA_KEY_BYTES = 32;
export const KEY_PROTECTIONS = ['keychain', 'plaintext_fallback', 'unavailable'] as const;
export type KeyProtection = (typeof KEY_PROTECTIONS)[number];
const dataKeyBytes = bytes.refine((b) => b.length === DATA_KEY_BYTES, {
  message: 'a data key is 32 bytes',
});

export const dataKeyArgs = z.undefined();
export const dataKeyResult = z.object({
  protection: z.enum(KEY_PROTECTIONS),
  /** What the OS reports (e.g. gnome_libsecret, basic_text, dpapi), shown in Settings. */
  backend: z.string().max(40),
  key: dataKeyBytes.nullable(),
});

export const storeDataKeyArgs = z.object({ key: dataKeyBytes });
export const storeDataKeyResult = z.object({
  stored: z.boolean(),
  protection: z.enum(KEY_PROTECTIONS),
});

/**
 * The sync folder (issue 10): a directory chosen once by the user, remembered by main. The
 * renderer reads and writes bundle files under it by relative path `<OFFICE>/<name>.pbundle`
 * only, so it can reach no other file. The browser cannot write a folder: there `supported` is
 * false and bundles are saved and opened by hand (saveFile/openFile), the e-mail path.
 */
export const SYNC_FILE_PATTERN = /^[A-Z0-9]{2,10}\/[A-Za-z0-9_-]{1,80}\.pbundle$/;
const syncPath = z.string().max(100).regex(SYNC_FILE_PATTERN, { message: 'path not allowed' });
export const syncFolderInfoArgs = z.undefined();
export const syncFolderInfoResult = z.object({
  supported: z.boolean(),
  path: z.string().max(4096).nullable(),
});
export const syncFolderListResult = z
  .array(z.object({ path: syncPath, size: z.number().int().min(0) }))
  .max(1_000_000);
export const syncFolderReadArgs = z.object({ path: syncPath });
export const syncFolderWriteArgs = z.object({ path: syncPath, data: bytes });
export const syncFolderWriteResult = z.object({ written: z.boolean() });

/**
 * Automatic daily backups (issue 6): main writes the already-encrypted backup file into
 * `<userData>/backups/` and keeps the newest `keep` of them. The renderer names the file by its
 * date only, so it can reach no other file. A browser has no user-data folder: nothing is saved.
 */
export const AUTO_BACKUP_NAME_PATTERN = /^passerelle-\d{4}-\d{2}-\d{2}\.pbak$/;
export const AUTO_BACKUP_MAX_BYTES = 1024 * 1024 * 1024;
export const AUTO_BACKUP_MAX_KEEP = 60;
const autoBackupName = z
  .string()
  .max(40)
  .regex(AUTO_BACKUP_NAME_PATTERN, { message: 'name not allowed' });
export const autoBackupWriteArgs = z.object({
  name: autoBackupName,
  data: bytes.refine((b) => b.byteLength <= AUTO_BACKUP_MAX_BYTES, { message: 'file too large' }),
  keep: z.number().int().min(1).max(AUTO_BACKUP_MAX_KEEP),
});
export const autoBackupWriteResult = z.object({
  saved: z.boolean(),
  /** How many automatic backups remain after pruning. */
  kept: z.number().int().min(0),
});
export const autoBackupListArgs = z.undefined();
export const autoBackupListResult = z.object({
  files: z
    .array(
      z.object({ name: autoBackupName, size: z.number().int().min(0), modifiedAt: z.string() }),
    )
    .max(10_000),
});

/**
 * The CouchDB server (issue 13). The window's CSP allows `connect-src` to exactly one server
 * origin, which main learns here (checked again there: an http(s) origin and nothing more); a
 * new origin applies once the window reloads. The server password is kept by main in the OS
 * keychain (safeStorage); where there is none, `stored` is false and the renderer seals it with
 * the data key instead. A browser has neither: `applies` and `stored` are false.
 */
export const SERVER_ORIGIN_PATTERN =
  /^https?:\/\/[a-z0-9.-]{1,253}(:\d{1,5})?$|^https?:\/\/\[[0-9a-f:.]{2,45}\](:\d{1,5})?$/;
export const syncServerAllowArgs = z.object({
  origin: z
    .string()
    .max(300)
    .regex(SERVER_ORIGIN_PATTERN, { message: 'origin not allowed' })
    .nullable(),
});
export const syncServerAllowResult = z.object({
  origin: z.string().max(300).nullable(),
  /** Whether this changed what the window may connect to (it reloads to apply it). */
  changed: z.boolean(),
  /** False where no CSP names the server (the browser build). */
  applies: z.boolean(),
});
export const serverSecretStoreArgs = z.object({ secret: z.string().max(1000).nullable() });
export const serverSecretStoreResult = z.object({ stored: z.boolean() });
export const serverSecretArgs = z.undefined();
export const serverSecretResult = z.object({ secret: z.string().max(1000).nullable() });

/** Method name → argument and result schemas. IPC channels are `passerelle:<method>`. */
export const platformMethods = {
  saveFile: { args: saveFileArgs, result: saveFileResult },
  openFile: { args: openFileArgs, result: openFileResult },
  printToPdf: { args: printToPdfArgs, result: printToPdfResult },
  appInfo: { args: appInfoArgs, result: appInfoResult },
  openExternal: { args: openExternalArgs, result: openExternalResult },
  dataKey: { args: dataKeyArgs, result: dataKeyResult },
  storeDataKey: { args: storeDataKeyArgs, result: storeDataKeyResult },
  syncFolderInfo: { args: syncFolderInfoArgs, result: syncFolderInfoResult },
  syncFolderChoose: { args: syncFolderInfoArgs, result: syncFolderInfoResult },
  syncFolderList: { args: syncFolderInfoArgs, result: syncFolderListResult },
  syncFolderRead: { args: syncFolderReadArgs, result: bytes },
  syncFolderWrite: { args: syncFolderWriteArgs, result: syncFolderWriteResult },
  autoBackupWrite: { args: autoBackupWriteArgs, result: autoBackupWriteResult },
  autoBackupList: { args: autoBackupListArgs, result: autoBackupListResult },
  syncServerAllow: { args: syncServerAllowArgs, result: syncServerAllowResult },
  serverSecretStore: { args: serverSecretStoreArgs, result: serverSecretStoreResult },
  serverSecret: { args: serverSecretArgs, result: serverSecretResult },
} as const;

export type PlatformMethod = keyof typeof platformMethods;
export type PlatformArgs<M extends PlatformMethod> = z.infer<(typeof platformMethods)[M]['args']>;
export type PlatformResult<M extends PlatformMethod> = z.infer<
  (typeof platformMethods)[M]['result']
>;

/** The interface both adapters implement. */
export type Platform = {
  [M in PlatformMethod]: (args: PlatformArgs<M>) => Promise<PlatformResult<M>>;
};

export const ipcChannel = (method: PlatformMethod): string => `passerelle:${method}`;

/** What crosses IPC back to the renderer: never a thrown Error, always this envelope. */
export type IpcResponse<T> = { ok: true; value: T } | { ok: false; error: string };

/** Name of the global the preload exposes and the web build fills. */
export const PLATFORM_GLOBAL = 'passerelle';
