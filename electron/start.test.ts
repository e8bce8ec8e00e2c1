import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// `npm start` both ways, as a process: a stand-in Electron records how it was started; a
// stand-in browser fetches its --app page from the script's loopback server, as Chromium would.
const projectDir = fileURLToPath(new URL('..', import.meta.url));
let dir = '';

const run = (env: Record<string, string>) =>
  new Promise<{ code: number | null; out: string }>((done) => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: projectDir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => done({ code, out }));
  });

const executable = (name: string, body: string) => {
  const path = join(dir, name);
  writeFileSync(path, `#!${process.execPath}\n${body}`);
  chmodSync(path, 0o755);
  return path;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'passerelle-start-'));
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<title>Passerelle test build</title>');
  writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the build');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/start.mjs (npm start)', () => {
  it('starts the Electron binary on the project when there is one', async () => {
    const electron = executable(
      'electron',
      `require('fs').writeFileSync(${JSON.stringify(join(dir, 'electron-args.json'))}, JSON.stringify({ args: process.argv.slice(2), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));`,
    );
    const result = await run({ PASSERELLE_ELECTRON: electron, ELECTRON_RUN_AS_NODE: '1' });
    expect(result.code).toBe(0);
    const seen = JSON.parse(readFileSync(join(dir, 'electron-args.json'), 'utf8')) as {
      args: string[];
      runAsNode: string | null;
    };
    expect(seen.args).toEqual([projectDir.replace(/\/$/, '') + '/']);
    expect(seen.runAsNode).toBeNull();
  });

  it('without Electron, serves the build on 127.0.0.1 to a browser app window with its own profile, and stops with it', async () => {
    const report = join(dir, 'browser.json');
    const browser = executable(
      'chromium',
      `const args = process.argv.slice(2);
const url = args.find((a) => a.startsWith('--app=')).slice(6);
(async () => {
  const page = await fetch(url);
  const asset = await fetch(url + 'assets/app.js');
  const traversal = await fetch(url + '..%2fsecret.txt');
  const post = await fetch(url, { method: 'POST' });
  require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ args, url,
    page: await page.text(), csp: page.headers.get('content-security-policy'),
    asset: asset.status, traversal: traversal.status, post: post.status }));
})();`,
    );
    const result = await run({
      PASSERELLE_ELECTRON: 'none',
      PASSERELLE_BROWSER: browser,
      PASSERELLE_PORT: '47839',
      PASSERELLE_PROFILE: join(dir, 'profile'),
      PASSERELLE_RENDERER_DIR: join(dir, 'renderer'),
    });
    expect(result.code).toBe(0);
    const lines = result.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Electron binary is not installed.*127\.0\.0\.1:47839/);
    const seen = JSON.parse(readFileSync(report, 'utf8')) as Record<string, unknown>;
    expect(seen.url).toBe('http://127.0.0.1:47839/');
    expect(seen.args).toContain(`--user-data-dir=${join(dir, 'profile')}`);
    expect(seen.page).toContain('Passerelle test build');
    expect(seen.csp).toContain("object-src 'none'");
    expect(seen).toMatchObject({ asset: 200, traversal: 404, post: 405 });
    // The server closed with the window: the port is free again.
    const again = await fetch('http://127.0.0.1:47839/').then(
      () => 'open',
      () => 'closed',
    );
    expect(again).toBe('closed');
  });

  it('says in one line what to do when neither Electron nor a browser is found', async () => {
    const result = await run({
      PASSERELLE_ELECTRON: 'none',
      PASSERELLE_BROWSER: join(dir, 'no-such-browser'),
      PASSERELLE_RENDERER_DIR: join(dir, 'renderer'),
    });
    expect(result.code).toBe(1);
    const lines = result.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/neither the Electron binary nor Chromium.*npm run web/);
  });
});
