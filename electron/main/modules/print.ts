/**
 * Letters to PDF with Chromium's print path (DESIGN §2, it shapes Arabic correctly). The letter
 * is untrusted HTML built from case data, so it is rendered in a hidden window with JavaScript
 * off, on its own in-memory session, under a CSP that allows no network request at all.
 */
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Protocol,
  WebContents,
} from 'electron';
import type { Platform } from '@shared/platform/contract';
import { APP_SCHEME } from '../window';
import { saveWithDialog, type SaveDeps } from './files';

/** No "persist:" prefix: the print session keeps nothing on disk. */
export const PRINT_PARTITION = 'passerelle-print';
const PRINT_HOST = 'print';

/** Inline styles and data: fonts and images only, so a letter cannot leak by fetching a URL. */
export const LETTER_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const PRINT_WINDOW_OPTIONS = {
  show: false,
  webPreferences: {
    partition: PRINT_PARTITION,
    javascript: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false,
  },
} as const satisfies BrowserWindowConstructorOptions;

export type PrintWindow = Pick<BrowserWindow, 'destroy'> & {
  webContents: Pick<WebContents, 'loadURL' | 'printToPDF'>;
};

export type PrintDeps = SaveDeps & {
  createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow;
  /** The protocol registry of the PRINT_PARTITION session. */
  protocol: Pick<Protocol, 'handle'>;
  randomId: () => string;
};

const withPdfExtension = (name: string): string => (/\.pdf$/i.test(name) ? name : `${name}.pdf`);

export const createPrintHandlers = (deps: PrintDeps): Pick<Platform, 'printToPdf'> => {
  // Letters being printed, by id; a data: URL would do but Chromium caps URLs at 2 MB.
  const letters = new Map<string, string>();
  deps.protocol.handle(APP_SCHEME, (request) => {
    const { host, pathname } = new URL(request.url);
    const html = host === PRINT_HOST ? letters.get(pathname.slice(1)) : undefined;
    const headers = { 'Content-Security-Policy': LETTER_CSP };
    if (html === undefined) return new Response('Not found', { status: 404, headers });
    return new Response(html, {
      headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
    });
  });

  return {
    printToPdf: async ({ html, suggestedName }) => {
      const id = deps.randomId();
      letters.set(id, html);
      const window = deps.createWindow(PRINT_WINDOW_OPTIONS);
      let pdf: Uint8Array;
      try {
        await window.webContents.loadURL(`${APP_SCHEME}://${PRINT_HOST}/${id}`);
        // Copy into a plain Uint8Array: Electron's Buffer typings differ from Node's.
        pdf = new Uint8Array(
          await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' }),
        );
      } finally {
        letters.delete(id);
        window.destroy();
      }
      return { saved: await saveWithDialog(deps, withPdfExtension(suggestedName), pdf) };
    },
  };
};
