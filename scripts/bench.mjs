/* global window */
// npm run bench [-- name ...]: builds the benchmark page, runs each benchmark in Debian's
// Chromium and prints its figures with ratios to the baseline measured in the same run.
// `import-app` (only when named) measures an import through the built app's screens instead.
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'out/bench');
const wanted = process.argv.slice(2);

/**
 * Memory of a 200k-row import through the real screens of the built app (issue 17): its own
 * browser, driven by Playwright (tests/bench-app/), only when named, as it takes minutes.
 */
async function runImportApp() {
  await build({
    configFile: join(root, 'vite.config.ts'),
    build: { outDir: join(root, 'out/bench-app') },
  });
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.bench.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exitCode = 1;
}

// `import-app` alone needs neither the benchmark page nor its browser.
if (wanted.length > 0 && wanted.every((n) => n === 'import-app')) {
  await runImportApp();
  process.exit();
}

await build({ configFile: join(root, 'vite.bench.config.ts') });

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};
/**
 * Served as a production server serves a Vite build: the hashed assets cacheable for good, so
 * Chromium keeps their compiled code between loads, as the desktop app's app:// scheme does
 * (electron/main, `codeCache`); the pages revalidated. Under /fresh/ the same files are served
 * with no cache at all, for the cold-start bench's line without compiled code kept (the first
 * start after an install).
 */
const server = createServer((req, res) => {
  const whole = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  const fresh = whole.startsWith('/fresh/');
  const path = fresh ? whole.slice('/fresh'.length) : whole;
  const file = join(outDir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(outDir) || !existsSync(file)) return res.writeHead(404).end();
  const cache = fresh
    ? 'no-store'
    : path.startsWith('/assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache';
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': cache,
  });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const { port } = server.address();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--js-flags=--expose-gc',
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof window.runBench === 'function');
  const names = (await page.evaluate(() => window.benchNames())).filter(
    (n) => !wanted.length || wanted.includes(n),
  );
  const cpu = (await import('node:os')).cpus()[0]?.model ?? '?';
  console.log(
    `Passerelle benchmarks — ${new Date().toISOString()} — Chromium ${browser.version()} — ${cpu}`,
  );
  for (const name of names) {
    const memory = await sampleMemory(browser, page);
    const rows = await page.evaluate((n) => window.runBench(n), name);
    print(name, [...rows, ...(await memory.stop())]);
  }
  // The national server simulation runs in Node (express-pouchdb on 127.0.0.1), not in Chromium.
  if (!wanted.length || wanted.includes('national')) {
    const { runNational } = await import('./bench-national.mjs');
    print('national', await runNational());
  }
  if (wanted.includes('import-app')) await runImportApp();
} finally {
  await browser.close();
  server.close();
}

/**
 * Memory seen from outside the page while a benchmark runs, every 250 ms: the JS heap of every
 * dedicated worker (CDP Runtime.getHeapUsage through the browser target; `performance.memory`
 * does not exist in workers), the page's own heap the same way, and the renderer process's
 * resident memory (workers run inside it). Rows only for what was seen.
 */
async function sampleMemory(browser, page) {
  const cdp = await browser.newBrowserCDPSession();
  const pageCdp = await page.context().newCDPSession(page);
  const MB = 1024 * 1024;
  let id = 0;
  const pending = new Map();
  const sessions = new Map();
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const m = JSON.parse(message);
    pending.get(`${sessionId}:${m.id}`)?.(m.result);
  });
  const ask = (sessionId, method) =>
    new Promise((resolve) => {
      const n = ++id;
      pending.set(`${sessionId}:${n}`, resolve);
      setTimeout(() => resolve(undefined), 1000);
      void cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: n, method }),
        })
        .catch(() => resolve(undefined));
    });
  const peak = { workers: 0, worker: 0, page: 0, rss: 0 };
  // A bench may name its phase (window.benchPhase): the resident peak is kept per phase too.
  const byPhase = new Map();
  let seenWorker = false;
  const byKind = new Map();
  const rendererPids = async () => {
    try {
      const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
      return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
    } catch {
      return [];
    }
  };
  // Chromium's own interface renderer (`--top-chrome-webui`, ~150 MB) runs no page of ours
  // and does not exist in Electron: it is not counted.
  const rssMb = async (pid) => {
    try {
      const { readFile } = await import('node:fs/promises');
      if ((await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('--top-chrome-webui')) return 0;
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  let stopped = false;
  const tick = async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const workers = targetInfos.filter((t) => t.type === 'worker');
    let sum = 0;
    for (const w of workers) {
      let sessionId = sessions.get(w.targetId);
      if (!sessionId) {
        sessionId = (
          await cdp
            .send('Target.attachToTarget', { targetId: w.targetId, flatten: false })
            .catch(() => ({}))
        ).sessionId;
        if (!sessionId) continue;
        sessions.set(w.targetId, sessionId);
      }
      const used = (await ask(sessionId, 'Runtime.getHeapUsage'))?.usedSize;
      if (used === undefined) continue;
      seenWorker = true;
      sum += used / MB;
      peak.worker = Math.max(peak.worker, used / MB);
      // By script (import.worker, survey.worker…), as bundled names carry a hash after a dash.
      const kind = (w.url.split('/').pop() ?? 'worker').replace(/-[\w-]+\.js$/, '');
      byKind.set(kind, Math.max(byKind.get(kind) ?? 0, used / MB));
    }
    peak.workers = Math.max(peak.workers, sum);
    const own = await pageCdp.send('Runtime.getHeapUsage').catch(() => undefined);
    if (own) peak.page = Math.max(peak.page, own.usedSize / MB);
    let rss = 0;
    for (const pid of await rendererPids()) rss += await rssMb(pid);
    peak.rss = Math.max(peak.rss, rss);
    const phase = await page.evaluate(() => window.benchPhase ?? '').catch(() => '');
    if (phase) byPhase.set(phase, Math.max(byPhase.get(phase) ?? 0, rss));
  };
  const loop = (async () => {
    while (!stopped) {
      await tick().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await cdp.detach().catch(() => undefined);
      await pageCdp.detach().catch(() => undefined);
      if (!seenWorker) return [];
      return [
        { label: 'JS heap peak, page (CDP)', value: peak.page, unit: 'MB' },
        { label: 'JS heap peak, one worker (CDP)', value: peak.worker, unit: 'MB' },
        ...[...byKind].map(([kind, mb]) => ({
          label: `JS heap peak, ${kind} (CDP)`,
          value: mb,
          unit: 'MB',
        })),
        { label: 'JS heap peak, all workers at once (CDP)', value: peak.workers, unit: 'MB' },
        {
          label: 'renderer processes, resident peak',
          value: peak.rss,
          unit: 'MB',
          target: '< 600 MB',
        },
        ...[...byPhase].map(([phase, mb]) => ({
          label: `renderer resident peak, ${phase}`,
          value: mb,
          unit: 'MB',
        })),
      ];
    },
  };
}

function print(name, rows) {
  console.log(`\n## ${name}`);
  const byLabel = new Map(rows.map((r) => [r.label, r]));
  for (const r of rows) {
    const base = r.baseline ? byLabel.get(r.baseline) : undefined;
    const ratio =
      base && base.value > 0 ? `  (${(r.value / base.value).toFixed(2)}× ${base.label})` : '';
    const target = r.target ? `  [target: ${r.target}]` : '';
    const value = r.value >= 100 ? r.value.toFixed(0) : r.value.toFixed(2);
    console.log(`  ${r.label.padEnd(44)} ${value.padStart(10)} ${r.unit}${ratio}${target}`);
  }
}
