/**
 * The web adapter of the platform contract: what the browser can do in place of the OS. Saving
 * is a download link, opening is a file input, printing is the browser's print dialog.
 */
import type { Platform } from '@shared/platform/contract';
import { EXTERNAL_LINK_ALLOW_LIST } from '@shared/platform/contract';

const download = (name: string, blob: Blob) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export const webPlatform: Platform = {
  async saveFile({ suggestedName, mimeType, data }) {
    const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
    download(suggestedName, new Blob([part], { type: mimeType }));
    return { saved: true };
  },
  openFile({ extensions }) {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = extensions.map((e) => `.${e}`).join(',');
      input.addEventListener('change', async () => {
        const file = input.files?.[0];
        resolve(file ? { name: file.name, data: new Uint8Array(await file.arrayBuffer()) } : null);
      });
      input.addEventListener('cancel', () => resolve(null));
      input.click();
    });
  },
  async printToPdf({ html }) {
    // The browser's own print dialog offers "Save as PDF"; the page is isolated in a frame
    // with scripts disabled, since the letter is data, not code.
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
    frame.style.position = 'fixed';
    frame.style.inset = '0';
    frame.style.width = '0';
    frame.style.height = '0';
    frame.srcdoc = html;
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.contentWindow?.print();
    frame.remove();
    return { saved: false, sentToPrint: true };
  },
  async appInfo() {
    return { version: import.meta.env.VITE_APP_VERSION ?? '0.0.0', kind: 'web' };
  },
  async openExternal({ url }) {
    const host = new URL(url).hostname;
    if (!(EXTERNAL_LINK_ALLOW_LIST as readonly string[]).includes(host)) return { opened: false };
    window.open(url, '_blank', 'noopener,noreferrer');
    return { opened: true };
  },
  // A browser has no keychain: the data key is unlocked by each user's password and kept in
  // memory only (renderer/data/keys.ts).
  async dataKey() {
    return { protection: 'unavailable', backend: 'browser', key: null };
  },
  async storeDataKey() {
    return { stored: false, protection: 'unavailable' };
  },
  // A browser cannot write into a folder: bundles are saved and opened by hand instead.
  async syncFolderInfo() {
    return { supported: false, path: null };
  },
  async syncFolderChoose() {
    return { supported: false, path: null };
  },
  async syncFolderList() {
    return [];
  },
  async syncFolderRead() {
    throw new Error('no sync folder in the browser');
  },
  async syncFolderWrite() {
    throw new Error('no sync folder in the browser');
  },
  // A browser has no user-data folder: automatic backups happen in the desktop app only, and
  // Settings says so. Manual backups (saveFile) still work.
  async autoBackupWrite() {
    return { saved: false, kept: 0 };
  },
  async autoBackupList() {
    return { files: [] };
  },
  // No CSP names a server in the browser build, and no keychain: the renderer seals the server
  // password with the data key instead (renderer/data/repositories/serverCredentials.ts).
  async syncServerAllow({ origin }) {
    return { origin, changed: false, applies: false };
  },
  async serverSecretStore() {
    return { stored: false };
  },
  async serverSecret() {
    return { secret: null };
  },
};
