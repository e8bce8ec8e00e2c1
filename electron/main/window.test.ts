import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  createWebPreferences,
  denyAllPermissions,
  denyPermissionCheck,
  denyPermissionRequest,
  hardenWebContents,
  isAppUrl,
  type HardenableContents,
} from './window';

const directive = (name: string): string[] =>
  CONTENT_SECURITY_POLICY.split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1) ?? [];

type Listener = (event: { preventDefault: () => void; url: string }) => void;

const fakeContents = () => {
  const listeners = new Map<string, Listener>();
  let openHandler: (() => { action: 'deny' }) | undefined;
  const contents: HardenableContents = {
    on: (event: string, listener: Listener) => void listeners.set(event, listener),
    setWindowOpenHandler: (handler) => void (openHandler = handler),
  };
  const fire = (event: string, url = '') => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ preventDefault, url });
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: () => openHandler?.() };
};

describe('window security', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = createWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      v8CacheOptions: 'bypassHeatCheck',
    });
  });

  it('has a CSP without inline or eval scripts and without plugins', () => {
    expect(directive('script-src')).not.toContain("'unsafe-inline'");
    expect(directive('script-src')).not.toContain("'unsafe-eval'");
    expect(directive('style-src')).not.toContain("'unsafe-inline'");
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(directive('base-uri')).toEqual(["'none'"]);
    expect(directive('frame-ancestors')).toEqual(["'none'"]);
    expect(directive('connect-src')).toEqual(["'self'"]);
  });

  it('recognises only the app origin', () => {
    expect(isAppUrl('app://passerelle/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://passerelle/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('prevents navigation to another origin and allows the app origin', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, { isAllowedUrl: isAppUrl });
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fire(event, 'https://example.org/')).toBe(true);
      expect(fire(event, 'file:///etc/passwd')).toBe(true);
      expect(fire(event, 'app://passerelle/index.html')).toBe(false);
    }
  });

  it('denies window.open and webviews', () => {
    const { contents, fire, open } = fakeContents();
    hardenWebContents(contents, { isAllowedUrl: isAppUrl });
    expect(open()).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('answers false to every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    denyAllPermissions(session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck);
    const callback = vi.fn();
    denyPermissionRequest(undefined, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(denyPermissionCheck()).toBe(false);
  });
});
