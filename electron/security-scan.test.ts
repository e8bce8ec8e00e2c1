/**
 * The checks Electronegativity made (it is unmaintained, DESIGN §5), over our own sources: no
 * option that weakens the renderer, no ipcRenderer handed to the page, shell.openExternal only
 * behind the allow-list; and the composition root does call every guard. The scanner is tested
 * on bad snippets first, so zero findings means something.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const electronDir = fileURLToPath(new URL('.', import.meta.url));

type Rule = { id: string; pattern: RegExp; unless?: (source: string) => boolean };

const RULES: Rule[] = [
  { id: 'NODE_INTEGRATION', pattern: /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/ },
  { id: 'CONTEXT_ISOLATION_OFF', pattern: /contextIsolation\s*:\s*false/ },
  { id: 'SANDBOX_OFF', pattern: /sandbox\s*:\s*false|--no-sandbox|no-sandbox['"]\s*\)/ },
  { id: 'WEB_SECURITY_OFF', pattern: /webSecurity\s*:\s*false/ },
  { id: 'INSECURE_CONTENT', pattern: /allowRunningInsecureContent\s*:\s*true/ },
  { id: 'EXPERIMENTAL_FEATURES', pattern: /experimentalFeatures\s*:\s*true|enableBlinkFeatures/ },
  { id: 'WEBVIEW_TAG', pattern: /webviewTag\s*:\s*true|allowpopups/ },
  { id: 'REMOTE_MODULE', pattern: /enableRemoteModule|@electron\/remote/ },
  { id: 'CSP_UNSAFE', pattern: /script-src[^;"`]*'unsafe-(inline|eval)'/ },
  { id: 'CERT_ERRORS_IGNORED', pattern: /certificate-error|ignore-certificate-errors/ },
  { id: 'BYPASS_CSP', pattern: /bypassCSP\s*:\s*true|corsEnabled\s*:\s*true/ },
  { id: 'INSECURE_PROTOCOL_LOAD', pattern: /loadURL\(\s*['"`](http:|file:)/ },
  // The page must get named functions, never ipcRenderer or a generic send/invoke.
  {
    id: 'IPC_RENDERER_EXPOSED',
    pattern:
      /exposeInMainWorld\([^)]*ipcRenderer|exposeInMainWorld\([^,]+,\s*\{[^}]*\b(invoke|send|on)\s*[:,}]/s,
  },
  // shell.openExternal only in a file that checks the allow-list before calling it.
  {
    id: 'OPEN_EXTERNAL_UNCHECKED',
    pattern: /\.openExternal\(/,
    unless: (source) => /if\s*\(\s*!isAllowedExternalUrl\(url\)\)\s*return/.test(source),
  },
];

export const scan = (file: string, source: string): string[] =>
  RULES.filter((r) => r.pattern.test(source) && !(r.unless?.(source) ?? false)).map(
    (r) => `${r.id} in ${file}`,
  );

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [path] : [];
  });

describe('the scanner', () => {
  it.each([
    ['NODE_INTEGRATION', 'new BrowserWindow({ webPreferences: { nodeIntegration: true } })'],
    ['CONTEXT_ISOLATION_OFF', 'webPreferences: { contextIsolation: false }'],
    ['SANDBOX_OFF', 'webPreferences: { sandbox: false }'],
    ['WEB_SECURITY_OFF', '{ webSecurity: false }'],
    ['INSECURE_CONTENT', '{ allowRunningInsecureContent: true }'],
    ['EXPERIMENTAL_FEATURES', "{ enableBlinkFeatures: 'X' }"],
    ['WEBVIEW_TAG', '{ webviewTag: true }'],
    ['CSP_UNSAFE', `"script-src 'self' 'unsafe-eval'"`],
    ['IPC_RENDERER_EXPOSED', "contextBridge.exposeInMainWorld('api', ipcRenderer)"],
    [
      'IPC_RENDERER_EXPOSED',
      "contextBridge.exposeInMainWorld('api', { invoke: ipcRenderer.invoke })",
    ],
    ['OPEN_EXTERNAL_UNCHECKED', 'shell.openExternal(url)'],
    ['INSECURE_PROTOCOL_LOAD', "win.loadURL('file:///index.html')"],
  ])('finds %s', (id, snippet) => {
    expect(scan('bad.ts', snippet)).toContain(`${id} in bad.ts`);
  });

  it('accepts the guarded openExternal', () => {
    const guarded =
      'async ({ url }) => { if (!isAllowedExternalUrl(url)) return { opened: false }; await deps.shell.openExternal(url); }';
    expect(scan('links.ts', guarded)).toEqual([]);
  });
});

describe('electron/**/*.ts', () => {
  const files = sources(electronDir);

  it('has zero findings', () => {
    expect(files.length).toBeGreaterThan(5);
    const findings = files.flatMap((f) => scan(relative(electronDir, f), readFileSync(f, 'utf8')));
    expect(findings).toEqual([]);
  });

  it('composes every guard in main', () => {
    const main = readFileSync(join(electronDir, 'main', 'index.ts'), 'utf8');
    for (const required of [
      'app.enableSandbox()',
      'protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])',
      'denyAllPermissions(session.defaultSession)',
      'denyAllPermissions(printSession)',
      "app.on('web-contents-created'",
      'hardenWebContents(contents, { isAllowedUrl: isAppUrl })',
      'registerPlatformHandlers(ipcMain,',
      'app.requestSingleInstanceLock()',
      'createWebPreferences(',
      'loadURL(APP_INDEX_URL)',
    ])
      expect(main, required).toContain(required);
    // DevTools only when not packaged.
    expect(main).toMatch(/createWebPreferences\(.*, !app\.isPackaged\)/);
  });

  it('exposes the platform contract only, through contextBridge', () => {
    const preload = readFileSync(join(electronDir, 'preload', 'index.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/satisfies Platform;/);
  });
});
