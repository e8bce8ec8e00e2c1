/**
 * The main window's security settings, kept as data and small functions so that tests assert
 * them in plain Node (Electronegativity is unmaintained, DESIGN §5).
 */
import type { Session, WebPreferences } from 'electron';
import csp from '../../resources/csp.json' with { type: 'json' };

export const APP_SCHEME = 'app';
export const APP_HOST = 'passerelle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * `URL.origin` is "null" for non-special schemes in Node, so compare scheme and host instead.
 * Anything unparsable is foreign.
 */
export const isAppUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
};

/**
 * The policy is data shared with the browser build's start script (resources/csp.json, where
 * each directive is explained). No inline styles: React and Leaflet set styles through the
 * CSSOM, which CSP does not block. connect-src adds the one CouchDB server configured (checked
 * by modules/syncServer.ts), and nothing else.
 */
export const contentSecurityPolicy = (serverOrigin: string | null = null): string =>
  (csp.directives as string[][])
    .map(([name, ...sources]) =>
      [name, ...sources, ...(name === 'connect-src' && serverOrigin ? [serverOrigin] : [])].join(
        ' ',
      ),
    )
    .join('; ');

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** DevTools only in development: a packaged build has no console into the case data. */
export const createWebPreferences = (preload: string, devTools = false) =>
  ({
    preload,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Cold start (issue 15): parsing and compiling the window's script is the largest item of a
    // start (244 ms of self time in a Chromium profile at 50k services). The app:// scheme has
    // code caching (modules/protocol.ts); without the heat check the cache is written at the
    // first start, not only once a script has been seen twice, so the second start skips it.
    v8CacheOptions: 'bypassHeatCheck',
  }) as const satisfies WebPreferences;

type PreventableEvent = { preventDefault: () => void };
type NavigationListener = (event: PreventableEvent & { url: string }) => void;

/** The part of WebContents this module touches, so tests can pass a small fake. */
export type HardenableContents = {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', l: NavigationListener): void;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): void;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
};

export type HardenDeps = { isAllowedUrl: (url: string) => boolean };

/** The app never leaves its origin: links out go through `platform().openExternal`. */
export const hardenWebContents = (contents: HardenableContents, deps: HardenDeps): void => {
  const guard: NavigationListener = (event) => {
    if (!deps.isAllowedUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
};

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export const denyPermissionRequest = (
  _contents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void => callback(false);
export const denyPermissionCheck = (): boolean => false;

/** Camera, location, notifications…: nothing in Passerelle needs them, so nothing is granted. */
export const denyAllPermissions = (session: PermissionSession): void => {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
};
