/* global window */
// npm run bench [-- name ...]: builds the benchmark page, runs each benchmark in Debian's
// Chromium and prints its figures with ratios to the baseline measured in the same run.
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'out/bench');
await build({ configFile: join(root, 'vite.bench.config.ts') });

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  const file = join(outDir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(outDir) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
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
  const wanted = process.argv.slice(2);
  const names = (await page.evaluate(() => window.benchNames())).filter(
    (n) => !wanted.length || wanted.includes(n),
  );
  const cpu = (await import('node:os')).cpus()[0]?.model ?? '?';
  console.log(
    `Passerelle benchmarks — ${new Date().toISOString()} — Chromium ${browser.version()} — ${cpu}`,
  );
  for (const name of names) print(name, await page.evaluate((n) => window.runBench(n), name));
  // The national server simulation runs in Node (express-pouchdb on 127.0.0.1), not in Chromium.
  if (!wanted.length || wanted.includes('national')) {
    const { runNational } = await import('./bench-national.mjs');
    print('national', await runNational());
  }
} finally {
  await browser.close();
  server.close();
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
