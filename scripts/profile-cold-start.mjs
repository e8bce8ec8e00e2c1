/* global window, document, requestAnimationFrame */
// node scripts/profile-cold-start.mjs [--services=10000] [--rounds=3] [--no-build]
// Where the cold start's time goes (issue 15): the bench build with source maps, set up as the
// cold-start bench does, then the app loaded in that tab with the CPU profiler on. Prints the
// time to an interactive directory, the profile's self time by package or source folder, and the
// scripts the page loaded. A tool for a developer's machine, never a test: figures vary with load.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { build } from 'vite';

const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const services = arg('services', 10_000);
const roundsWanted = arg('rounds', 3);
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'out/bench');
if (!process.argv.includes('--no-build')) {
  await build({ configFile: join(root, 'vite.bench.config.ts'), build: { sourcemap: true } });
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  const file = join(outDir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(outDir) || !existsSync(file)) return res.writeHead(404).end();
  // As the bench serves it (scripts/bench.mjs): scripts cacheable, so their compiled code is kept.
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': path.startsWith('/assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

/** Source file of a position in a built chunk, through the chunk's source map. */
const maps = new Map();
const sourceOf = (url, line, column) => {
  if (!url.startsWith(origin)) return url || '(native)';
  const file = join(outDir, new URL(url).pathname);
  if (!maps.has(file)) {
    maps.set(
      file,
      existsSync(`${file}.map`) ? new TraceMap(readFileSync(`${file}.map`, 'utf8')) : null,
    );
  }
  const map = maps.get(file);
  if (!map) return new URL(url).pathname;
  return (
    originalPositionFor(map, { line: Math.max(1, line + 1), column: Math.max(0, column) }).source ??
    '?'
  );
};
/** A package name, or the app's folder (renderer/features/map), for grouping. */
const groupOf = (source) => {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 13).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const app = source.match(/(renderer|shared)\/(.*)\/[^/]+$/);
  return app ? `${app[1]}/${app[2].split('/').slice(0, 2).join('/')}` : source;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => typeof window.prepareColdStart === 'function');
  await page.evaluate((n) => window.prepareColdStart(n), services);
  // Loaded twice first: Chromium keeps a script's compiled code from its second load on.
  for (let warm = 0; warm < 2; warm++) {
    await page.goto(`${origin}/cold/app.html?warm#/directory`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length > 0, undefined, {
      timeout: 120_000,
    });
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const selfByGroup = new Map();
  const selfByFn = new Map();
  const byOwner = new Map();
  const totals = [];
  for (let round = 0; round < roundsWanted; round++) {
    await cdp.send('Profiler.start');
    await page.goto(`${origin}/cold/app.html?round=${round}#/directory`, { waitUntil: 'commit' });
    const ready = await page.waitForFunction(
      () =>
        !!document.querySelector('input[type=search]') &&
        document.querySelectorAll('tbody tr').length > 0 &&
        new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))),
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    const readyAt = await ready.jsonValue();
    const { profile } = await cdp.send('Profiler.stop');
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
        .map((e) => `${e.name.split('/').pop()} ${Math.round(e.encodedBodySize / 1024)} kB`),
    );
    totals.push(readyAt);
    // Self time per node, over the samples taken before the directory was interactive.
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    profile.samples.forEach((id, i) => {
      self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    });
    // Each sample also charged to the nearest frame of our own code above it (who asked).
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const ownerOf = (id) => {
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const { callFrame: f } = byId.get(at);
        if (!f.url.startsWith(origin)) continue;
        const src = sourceOf(f.url, f.lineNumber, f.columnNumber);
        if (/(^|\/)(renderer|shared)\//.test(src) && !src.includes('node_modules')) {
          return `${f.functionName || '(anonymous)'} ${src.replace(/^(\.\.\/)+/, '')}:${f.lineNumber}`;
        }
      }
      const { callFrame: f } = byId.get(id);
      if (!f.url) return f.functionName || '(native)';
      const src = sourceOf(f.url, f.lineNumber, f.columnNumber);
      return `(no app frame) ${groupOf(src)}`;
    };
    for (const [id, us] of self) {
      const owner = ownerOf(id);
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + us / 1000 / roundsWanted);
      const { callFrame } = byId.get(id);
      const src = sourceOf(callFrame.url, callFrame.lineNumber, callFrame.columnNumber);
      const group = callFrame.url ? groupOf(src) : callFrame.functionName || '(native)';
      selfByGroup.set(group, (selfByGroup.get(group) ?? 0) + us / 1000 / roundsWanted);
      const where =
        src === '?'
          ? `${callFrame.url.split('/').pop()}:${callFrame.lineNumber}:${callFrame.columnNumber}`
          : src.replace(/.*node_modules\//, '');
      const fn = `${callFrame.functionName || '(anonymous)'} ${where}`;
      selfByFn.set(fn, (selfByFn.get(fn) ?? 0) + us / 1000 / roundsWanted);
    }
    if (round === 0) console.log(`scripts loaded: ${scripts.join(', ')}`);
  }
  console.log(
    `\n${services} services — ready after ${totals.map((t) => t.toFixed(0)).join(', ')} ms ` +
      `(from navigation start; profiler on, so slower than the bench)`,
  );
  const top = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`)
      .join('\n');
  console.log(
    `\nself time by package / folder (mean per load, profile incl. idle):\n${top(selfByGroup, 40)}`,
  );
  console.log(`\nself time by function:\n${top(selfByFn, 40)}`);
  console.log(`\ntime charged to the nearest app function:\n${top(byOwner, 40)}`);
} finally {
  await browser.close();
  server.close();
}
