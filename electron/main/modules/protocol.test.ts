import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../window';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';

let handle: (request: Request) => Promise<Response>;

// A project-like tree: the renderer build in renderer/, a secret just outside it.
beforeAll(async () => {
  const project = await mkdtemp(join(tmpdir(), 'passerelle-protocol-'));
  const rootDir = join(project, 'renderer');
  await mkdir(join(rootDir, 'assets'), { recursive: true });
  await writeFile(join(project, 'package.json'), '{"secret":true}');
  await writeFile(join(rootDir, 'index.html'), '<!doctype html><title>Passerelle</title>');
  await writeFile(join(rootDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(rootDir, 'assets', 'db.wasm'), new Uint8Array([0, 97, 115, 109]));
  handle = createAppProtocolHandler({
    rootDir,
    readFile: async (path) => new Uint8Array(await readFile(path)),
  });
});

const get = (url: string) => handle(new Request(url));

describe('app protocol', () => {
  it('is a standard, secure scheme that other origins cannot read', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('corsEnabled');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });

  it('serves index.html for / with the CSP header', async () => {
    for (const url of ['app://passerelle/', 'app://passerelle/index.html']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toContain('<title>Passerelle</title>');
    }
  });

  it('serves assets with their MIME type', async () => {
    expect((await get('app://passerelle/assets/app.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await get('app://passerelle/assets/db.wasm')).headers.get('content-type')).toBe(
      'application/wasm',
    );
  });

  it('serves index.html for client-side routes', async () => {
    expect(await (await get('app://passerelle/referrals/42')).text()).toContain('Passerelle');
  });

  it.each([
    'app://passerelle/../package.json',
    'app://passerelle/%2e%2e/package.json',
    'app://passerelle/assets/%2E%2E/%2e%2e/package.json',
    'app://passerelle/..%2fpackage.json',
    'app://passerelle/%2e%2e%2fpackage.json',
    'app://passerelle/..%5cpackage.json',
    'app://passerelle/%2Fetc%2Fpasswd.txt',
    'app://passerelle/C:%5CWindows%5Cwin.ini',
    'app://passerelle/%E0%A4%A.js',
    'app://passerelle/missing.js',
  ])('refuses %s with 404 and the CSP header', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('secret');
  });

  it('refuses another host or scheme', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('https://passerelle/index.html')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handle(new Request('app://passerelle/index.html', { method: 'POST' }));
    expect(response.status).toBe(404);
  });
});
