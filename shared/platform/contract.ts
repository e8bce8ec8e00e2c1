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
export const printToPdfResult = z.object({ saved: z.boolean() });

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

/** Method name → argument and result schemas. IPC channels are `passerelle:<method>`. */
export const platformMethods = {
  saveFile: { args: saveFileArgs, result: saveFileResult },
  openFile: { args: openFileArgs, result: openFileResult },
  printToPdf: { args: printToPdfArgs, result: printToPdfResult },
  appInfo: { args: appInfoArgs, result: appInfoResult },
  openExternal: { args: openExternalArgs, result: openExternalResult },
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
