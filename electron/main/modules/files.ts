/**
 * Save and open files through the OS dialogs. The renderer never names a path: the user picks
 * it, so a compromised page cannot write or read anywhere by itself.
 */
import { basename, extname } from 'node:path';
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { Platform } from '@shared/platform/contract';

/** Same ceiling as the contract's string data; bytes are not bounded by zod. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export type SaveDeps = {
  /** Bound to the main window by the caller, so the dialog is modal. */
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
};

export type FilesDeps = SaveDeps & {
  showOpenDialog: (options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;
  readFile: (path: string) => Promise<Uint8Array<ArrayBuffer>>;
  fileSize: (path: string) => Promise<number>;
};

const byteLength = (data: string | Uint8Array): number =>
  typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;

/** Asks where to save `suggestedName` and writes `data` there; false when the user cancels. */
export const saveWithDialog = async (
  deps: SaveDeps,
  suggestedName: string,
  data: string | Uint8Array,
): Promise<boolean> => {
  if (byteLength(data) > MAX_FILE_BYTES) throw new Error('file too large');
  const extension = extname(suggestedName).slice(1);
  const { canceled, filePath } = await deps.showSaveDialog({
    defaultPath: suggestedName,
    filters: extension === '' ? [] : [{ name: extension.toUpperCase(), extensions: [extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (canceled || filePath === undefined || filePath === '') return false;
  await deps.writeFile(filePath, data);
  return true;
};

export const createFilesHandlers = (deps: FilesDeps): Pick<Platform, 'saveFile' | 'openFile'> => ({
  saveFile: async ({ suggestedName, data }) => ({
    saved: await saveWithDialog(deps, suggestedName, data),
  }),
  openFile: async ({ extensions }) => {
    const { canceled, filePaths } = await deps.showOpenDialog({
      properties: ['openFile'],
      filters: [{ name: extensions.join(', '), extensions }],
    });
    const path = filePaths[0];
    if (canceled || path === undefined) return null;
    // Dialog filters can be bypassed by typing a name, so the extension is checked again.
    if (!extensions.includes(extname(path).slice(1).toLowerCase())) {
      throw new Error('file type not allowed');
    }
    if ((await deps.fileSize(path)) > MAX_FILE_BYTES) throw new Error('file too large');
    return { name: basename(path), data: await deps.readFile(path) };
  },
});
