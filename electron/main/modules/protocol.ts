/**
 * Serves the built renderer on `app://passerelle/…` instead of file://, so the app has a real
 * origin (IndexedDB, CSP 'self') and no file:// privileges. Only files inside rootDir are served.
 */
import { extname, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from '../window';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * standard + secure give the scheme a real origin, IndexedDB and a secure context. corsEnabled
 * and bypassCSP stay off: the first would let any origin read app:// responses.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const satisfies CustomScheme;

export type AppProtocolDeps = {
  /** The built renderer (out/renderer). */
  rootDir: string;
  readFile: (path: string) => Promise<Uint8Array<ArrayBuffer>>;
  /** The CSP to send, read per response: it names the configured CouchDB server (issue 13). */
  csp?: () => Promise<string>;
};

const respond = (
  body: Uint8Array<ArrayBuffer> | string,
  status: number,
  type: string,
  csp = CONTENT_SECURITY_POLICY,
): Response =>
  new Response(body, {
    status,
    headers: {
      'Content-Type': type,
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
    },
  });

const notFound = (): Response => respond('Not found', 404, 'text/plain; charset=utf-8');

/**
 * The file a URL path names inside rootDir, or null when it could escape it. URL parsing already
 * folds `..` and `%2e%2e`; this also refuses what only appears after decoding (`%2f`, `%5c`).
 */
export const resolveInside = (rootDir: string, rawPath: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  const unsafe = (s: string) => s === '.' || s === '..' || /[\\:\0]/.test(s);
  if (segments.some(unsafe)) return null;
  const last = segments.at(-1);
  // Extensionless paths are client-side routes: the renderer's router handles them.
  if (last === undefined || extname(last) === '') segments.splice(0, segments.length, 'index.html');
  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  return file.startsWith(root + sep) ? file : null;
};

export const createAppProtocolHandler = (deps: AppProtocolDeps) => {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
    const file = resolveInside(deps.rootDir, url.pathname);
    if (file === null) return notFound();
    try {
      const body = await deps.readFile(file);
      return respond(
        body,
        200,
        MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        deps.csp ? await deps.csp() : CONTENT_SECURITY_POLICY,
      );
    } catch {
      return notFound();
    }
  };
};
