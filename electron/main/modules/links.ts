/**
 * Opens allow-listed links in the user's browser. The contract's schema already refuses other
 * hosts; this checks again because handlers are also called outside IPC (and a URL that reaches
 * the OS can launch any registered program).
 */
import type { Shell } from 'electron';
import { EXTERNAL_LINK_ALLOW_LIST, type Platform } from '@shared/platform/contract';

export const isAllowedExternalUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      parsed.username === '' &&
      parsed.password === '' &&
      parsed.port === '' &&
      (EXTERNAL_LINK_ALLOW_LIST as readonly string[]).includes(parsed.hostname)
    );
  } catch {
    return false;
  }
};

export const createLinksHandlers = (deps: {
  shell: Pick<Shell, 'openExternal'>;
}): Pick<Platform, 'openExternal'> => ({
  openExternal: async ({ url }) => {
    if (!isAllowedExternalUrl(url)) return { opened: false };
    await deps.shell.openExternal(url);
    return { opened: true };
  },
});
