// `npm start`: the built app in Electron; where the Electron binary is absent (it cannot always be
// downloaded: offline mirrors, locked-down networks), the same build in a Chromium, Chrome or
// Edge app window with its own profile, served from 127.0.0.1 — said in one line.
//
// Overrides (tests, unusual machines): PASSERELLE_ELECTRON (path to an Electron binary, or "none"),
// PASSERELLE_BROWSER (path to a Chromium-family browser), PASSERELLE_PORT, PASSERELLE_PROFILE,
// PASSERELLE_RENDERER_DIR (the built renderer; default out/renderer).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { homedir, platform } from 'node:os';
import { delimiter, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const projectDir = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = env.PASSERELLE_RENDERER_DIR ?? join(projectDir, 'out', 'renderer');

const findElectron = () => {
  if (env.PASSERELLE_ELECTRON) {
    return env.PASSERELLE_ELECTRON !== 'none' && existsSync(env.PASSERELLE_ELECTRON)
      ? env.PASSERELLE_ELECTRON
      : undefined;
  }
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
};

const onPath = (names) => {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
};

const findBrowser = () => {
  if (env.PASSERELLE_BROWSER) {
    return existsSync(env.PASSERELLE_BROWSER) ? env.PASSERELLE_BROWSER : undefined;
  }
  if (platform() === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
    const exes = [
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Chromium', 'Application', 'chrome.exe'],
    ];
    for (const root of roots) {
      for (const parts of exes) if (existsSync(join(root, ...parts))) return join(root, ...parts);
    }
    return undefined;
  }
  if (platform() === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ].find((p) => existsSync(p));
  }
  return onPath([
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
    'microsoft-edge',
    'microsoft-edge-stable',
  ]);
};

/** The profile lives where the OS keeps per-user application data, like Electron's userData. */
const profileDir = () => {
  if (env.PASSERELLE_PROFILE) return resolve(env.PASSERELLE_PROFILE);
  if (platform() === 'win32')
    return join(env.LOCALAPPDATA ?? homedir(), 'Passerelle', 'browser-profile');
  if (platform() === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Passerelle', 'browser-profile');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Passerelle', 'browser-profile');
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

// The desktop window's policy (resources/csp.json), except where the browser build differs:
// connect-src, as it talks to the CouchDB server the office configures, whose origin this script
// cannot know (the file says why each differs).
const policy = JSON.parse(readFileSync(join(projectDir, 'resources/csp.json'), 'utf8'));
const CSP = policy.directives
  .map(([name, ...sources]) => [name, ...(policy.browser[name] ?? sources)].join(' '))
  .join('; ');

/** A read-only static server for the built renderer, on loopback only, refusing traversal. */
const serveRenderer = (root, port) =>
  new Promise((resolveServer, reject) => {
    const realRoot = realpathSync(root);
    const server = createServer((req, res) => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
      let file = resolve(realRoot, `.${path.endsWith('/') ? `${path}index.html` : path}`);
      try {
        file = realpathSync(file);
      } catch {
        file = '';
      }
      if (req.method !== 'GET' || !file.startsWith(realRoot + sep) || !statSync(file).isFile()) {
        res.writeHead(req.method === 'GET' ? 404 : 405).end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      });
      res.end(readFileSync(file));
    });
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveServer(server));
  });

const startElectron = (binary) => {
  // ELECTRON_RUN_AS_NODE (set by some editors' terminals) would start a bare Node, not the app.
  const child = spawn(binary, [projectDir], {
    stdio: 'inherit',
    env: { ...env, ELECTRON_RUN_AS_NODE: undefined },
  });
  child.on('error', (error) => {
    console.error(`Passerelle: could not start Electron (${error.message}).`);
    process.exit(1);
  });
  // A signal-killed Electron has no exit code; report it as a failure.
  child.on('exit', (code) => process.exit(code ?? 1));
};

const startInBrowser = async (browser) => {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('Passerelle: the app is not built; run "npm start" (it builds first).');
    process.exit(1);
  }
  // A fixed port: the browser keeps the database per origin, and the origin includes the port.
  const port = Number(env.PASSERELLE_PORT ?? 47801);
  let server;
  try {
    server = await serveRenderer(rendererDir, port);
  } catch (error) {
    console.error(
      `Passerelle: port ${port} on 127.0.0.1 is busy (${error.code ?? error.message}); ` +
        'close the other Passerelle window or set PASSERELLE_PORT.',
    );
    process.exit(1);
  }
  const url = `http://127.0.0.1:${port}/`;
  const profile = profileDir();
  mkdirSync(profile, { recursive: true });
  console.log(
    `Passerelle: the Electron binary is not installed here; opening the same app in ${browser} (${url}).`,
  );
  const child = spawn(
    browser,
    [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check'],
    { stdio: 'ignore' },
  );
  child.on('error', (error) => {
    console.error(`Passerelle: could not start ${browser} (${error.message}).`);
    server.close();
    process.exit(1);
  });
  // The window closed: stop serving, so nothing listens on the port any longer.
  child.on('exit', (code) => {
    server.close();
    process.exit(code ?? 0);
  });
};

const electron = findElectron();
if (electron !== undefined) {
  startElectron(electron);
} else {
  const browser = findBrowser();
  if (browser === undefined) {
    console.error(
      'Passerelle: neither the Electron binary nor Chromium, Chrome or Edge was found; ' +
        'install one of those browsers, or run "npm run web" and open the address it prints.',
    );
    process.exit(1);
  }
  await startInBrowser(browser);
}
