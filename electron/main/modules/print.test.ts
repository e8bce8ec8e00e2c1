import { describe, expect, it, vi } from 'vitest';
import { createPrintHandlers, LETTER_CSP, PRINT_WINDOW_OPTIONS, type PrintDeps } from './print';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

const setup = (filePath = '/home/u/letter.pdf') => {
  let serve: ProtocolHandler = () => new Response(null, { status: 500 });
  const served: string[] = [];
  const written = new Map<string, string | Uint8Array>();
  const pdf = new Uint8Array([37, 80, 68, 70]);
  const window = {
    destroy: vi.fn(),
    webContents: {
      loadURL: vi.fn(async (url: string) => {
        served.push(await (await serve(new Request(url))).text());
      }),
      printToPDF: vi.fn(async () => Buffer.from(pdf)),
    },
  };
  const deps: PrintDeps = {
    showSaveDialog: vi.fn(async () => ({ canceled: filePath === '', filePath })),
    writeFile: async (path, data) => void written.set(path, data),
    createWindow: vi.fn(() => window),
    protocol: { handle: (_scheme, handler) => void (serve = handler) },
    randomId: () => 'abc',
  };
  return { deps, window, served, written, pdf, serve: (url: string) => serve(new Request(url)) };
};

describe('printToPdf', () => {
  it('renders the letter without JavaScript, prints A4 and saves the PDF', async () => {
    const { deps, window, served, written, pdf } = setup();
    const html = '<!doctype html><p>Lettre</p>';
    const { printToPdf } = createPrintHandlers(deps);
    expect(await printToPdf({ html, suggestedName: 'lettre' })).toEqual({ saved: true });
    expect(deps.createWindow).toHaveBeenCalledWith(PRINT_WINDOW_OPTIONS);
    expect(PRINT_WINDOW_OPTIONS.webPreferences).toMatchObject({ javascript: false, sandbox: true });
    expect(served).toEqual([html]);
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({
      printBackground: true,
      pageSize: 'A4',
    });
    expect(deps.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: 'lettre.pdf' }),
    );
    expect(Buffer.from(written.get('/home/u/letter.pdf')!)).toEqual(Buffer.from(pdf));
    expect(window.destroy).toHaveBeenCalled();
  });

  it('serves the letter under a CSP that allows no request, and only while printing', async () => {
    const { deps, serve } = setup();
    const { printToPdf } = createPrintHandlers(deps);
    await printToPdf({ html: '<p>x</p>', suggestedName: 'a.pdf' });
    const after = await serve('app://print/abc');
    expect(after.status).toBe(404);
    expect(after.headers.get('content-security-policy')).toBe(LETTER_CSP);
    expect(LETTER_CSP).toContain("default-src 'none'");
  });

  it('destroys the window when printing fails, and saves nothing when cancelled', async () => {
    const failing = setup();
    failing.window.webContents.printToPDF.mockRejectedValueOnce(new Error('print failed'));
    const { printToPdf } = createPrintHandlers(failing.deps);
    await expect(printToPdf({ html: '<p>x</p>', suggestedName: 'a.pdf' })).rejects.toThrow();
    expect(failing.window.destroy).toHaveBeenCalled();

    const cancelled = setup('');
    const result = await createPrintHandlers(cancelled.deps).printToPdf({
      html: '<p>x</p>',
      suggestedName: 'a.pdf',
    });
    expect(result).toEqual({ saved: false });
    expect(cancelled.written.size).toBe(0);
  });
});
