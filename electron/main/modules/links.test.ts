import { describe, expect, it, vi } from 'vitest';
import { createAppInfoHandlers } from './appInfo';
import { createLinksHandlers, isAllowedExternalUrl } from './links';

describe('openExternal', () => {
  it('opens an allow-listed https link', async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const { openExternal } = createLinksHandlers({ shell });
    expect(await openExternal({ url: 'https://openreferral.org/' })).toEqual({ opened: true });
    expect(shell.openExternal).toHaveBeenCalledWith('https://openreferral.org/');
  });

  it('refuses anything else without reaching the shell', async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const { openExternal } = createLinksHandlers({ shell });
    for (const url of [
      'https://evil.example/',
      'http://openreferral.org/',
      'https://openreferral.org.evil.example/',
      'https://user@openreferral.org/',
      'https://openreferral.org:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url)).toBe(false);
      expect(await openExternal({ url })).toEqual({ opened: false });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('appInfo', () => {
  it('reports the app version and the electron kind', async () => {
    const { appInfo } = createAppInfoHandlers({ app: { getVersion: () => '1.2.3' } });
    expect(await appInfo(undefined)).toEqual({ version: '1.2.3', kind: 'electron' });
  });
});
