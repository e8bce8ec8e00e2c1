import { describe, expect, it, vi } from 'vitest';
import { createFilesHandlers, MAX_FILE_BYTES, type FilesDeps } from './files';

const fakeDeps = (overrides: Partial<FilesDeps> = {}) => {
  const written = new Map<string, string | Uint8Array>();
  const deps: FilesDeps = {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/u/export.csv' })),
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/u/List.CSV'] })),
    writeFile: async (path, data) => void written.set(path, data),
    readFile: async () => new Uint8Array([1, 2, 3]),
    fileSize: async () => 3,
    ...overrides,
  };
  return { deps, written, handlers: createFilesHandlers(deps) };
};

describe('saveFile', () => {
  it('writes exactly what was passed where the user chose', async () => {
    const { deps, written, handlers } = fakeDeps();
    const bytes = new Uint8Array([80, 75, 3, 4]);
    const args = { suggestedName: 'export.csv', mimeType: 'text/csv', data: bytes };
    expect(await handlers.saveFile(args)).toEqual({ saved: true });
    expect(written.get('/home/u/export.csv')).toEqual(bytes);
    expect(deps.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: 'export.csv' }),
    );
    await handlers.saveFile({ ...args, data: 'a,b\n' });
    expect(written.get('/home/u/export.csv')).toBe('a,b\n');
  });

  it('saves nothing when the dialog is cancelled', async () => {
    const showSaveDialog = async () => ({ canceled: true, filePath: '' });
    const { written, handlers } = fakeDeps({ showSaveDialog });
    const args = { suggestedName: 'a.csv', mimeType: 'text/csv', data: 'x' };
    expect(await handlers.saveFile(args)).toEqual({ saved: false });
    expect(written.size).toBe(0);
  });

  it('refuses data over the size limit', async () => {
    const { handlers } = fakeDeps();
    const data = new Uint8Array(MAX_FILE_BYTES + 1);
    const args = { suggestedName: 'a.bin', mimeType: 'application/octet-stream', data };
    await expect(handlers.saveFile(args)).rejects.toThrow('file too large');
  });
});

describe('openFile', () => {
  it('filters by extension and returns the name and bytes', async () => {
    const { deps, handlers } = fakeDeps();
    expect(await handlers.openFile({ extensions: ['csv', 'xlsx'] })).toEqual({
      name: 'List.CSV',
      data: new Uint8Array([1, 2, 3]),
    });
    expect(deps.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ filters: [{ name: 'csv, xlsx', extensions: ['csv', 'xlsx'] }] }),
    );
  });

  it('returns null when the dialog is cancelled', async () => {
    const showOpenDialog = async () => ({ canceled: true, filePaths: [] });
    expect(await fakeDeps({ showOpenDialog }).handlers.openFile({ extensions: ['csv'] })).toBe(
      null,
    );
  });

  it('refuses another extension and files over 200 MB', async () => {
    const showOpenDialog = async () => ({ canceled: false, filePaths: ['/home/u/run.sh'] });
    await expect(
      fakeDeps({ showOpenDialog }).handlers.openFile({ extensions: ['csv'] }),
    ).rejects.toThrow('file type not allowed');
    const fileSize = async () => MAX_FILE_BYTES + 1;
    await expect(fakeDeps({ fileSize }).handlers.openFile({ extensions: ['csv'] })).rejects.toThrow(
      'file too large',
    );
  });
});
