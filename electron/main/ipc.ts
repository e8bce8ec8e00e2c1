/**
 * The IPC boundary (DESIGN §1): every call is checked for its sender, then its arguments, and
 * always answered with an IpcResponse, because a thrown Error loses its shape across IPC.
 */
import { z } from 'zod';
import { ipcChannel, platformMethods } from '@shared/platform/contract';
import type { IpcResponse, Platform, PlatformMethod } from '@shared/platform/contract';
import { isAppUrl } from './window';

/** The part of IpcMainInvokeEvent used here, so tests need no cast. */
export type SenderEvent = { readonly senderFrame: { readonly url: string } | null };
export type TrustedSenderCheck = (event: SenderEvent) => boolean;

/** The part of ipcMain used here; Electron's IpcMain satisfies it. */
export type IpcRegistrar = {
  handle(
    channel: string,
    listener: (event: SenderEvent, raw: unknown) => Promise<IpcResponse<unknown>>,
  ): void;
};

/**
 * Only the app's own page may call. A destroyed frame is null, and reading a disposed frame's
 * url throws: both are refused.
 */
export const isAppSender: TrustedSenderCheck = (event) => {
  try {
    return event.senderFrame !== null && isAppUrl(event.senderFrame.url);
  } catch {
    return false;
  }
};

type MethodSchemas<A, R> = { args: z.ZodType<A>; result: z.ZodType<R> };

const errorMessage = (error: unknown): string =>
  error instanceof Error && error.message !== '' ? error.message : 'internal error';

const answer = async <A, R>(
  schemas: MethodSchemas<A, R>,
  handler: (args: A) => Promise<R>,
  raw: unknown,
): Promise<IpcResponse<R>> => {
  const args = schemas.args.safeParse(raw);
  // prettifyError names the field and the rule, never the value (which may be personal data).
  if (!args.success) return { ok: false, error: z.prettifyError(args.error) };
  try {
    const result = schemas.result.safeParse(await handler(args.data));
    if (!result.success) return { ok: false, error: 'invalid result' };
    return { ok: true, value: result.data };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
};

type Answer = (raw: unknown) => Promise<IpcResponse<unknown>>;

const bind =
  <A, R>(schemas: MethodSchemas<A, R>, handler: (args: A) => Promise<R>): Answer =>
  (raw) =>
    answer(schemas, handler, raw);

export const registerPlatformHandlers = (
  ipcMain: IpcRegistrar,
  handlers: Platform,
  isTrustedSender: TrustedSenderCheck = isAppSender,
): void => {
  // Spelled out per method so each handler is checked against its own schemas; the Record type
  // makes a method added to the contract a compile error here until it is wired.
  const answers: Record<PlatformMethod, Answer> = {
    saveFile: bind(platformMethods.saveFile, handlers.saveFile),
    openFile: bind(platformMethods.openFile, handlers.openFile),
    printToPdf: bind(platformMethods.printToPdf, handlers.printToPdf),
    appInfo: bind(platformMethods.appInfo, handlers.appInfo),
    openExternal: bind(platformMethods.openExternal, handlers.openExternal),
    dataKey: bind(platformMethods.dataKey, handlers.dataKey),
    storeDataKey: bind(platformMethods.storeDataKey, handlers.storeDataKey),
    syncFolderInfo: bind(platformMethods.syncFolderInfo, handlers.syncFolderInfo),
    syncFolderChoose: bind(platformMethods.syncFolderChoose, handlers.syncFolderChoose),
    syncFolderList: bind(platformMethods.syncFolderList, handlers.syncFolderList),
    syncFolderRead: bind(platformMethods.syncFolderRead, handlers.syncFolderRead),
    syncFolderWrite: bind(platformMethods.syncFolderWrite, handlers.syncFolderWrite),
    autoBackupWrite: bind(platformMethods.autoBackupWrite, handlers.autoBackupWrite),
    autoBackupList: bind(platformMethods.autoBackupList, handlers.autoBackupList),
    syncServerAllow: bind(platformMethods.syncServerAllow, handlers.syncServerAllow),
    serverSecretStore: bind(platformMethods.serverSecretStore, handlers.serverSecretStore),
    serverSecret: bind(platformMethods.serverSecret, handlers.serverSecret),
  };
  for (const method of Object.keys(answers) as PlatformMethod[]) {
    ipcMain.handle(ipcChannel(method), async (event, raw) =>
      isTrustedSender(event) ? answers[method](raw) : { ok: false, error: 'untrusted sender' },
    );
  }
};
