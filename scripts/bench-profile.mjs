/* global window */
// node scripts/bench-profile.mjs <bench> [--no-build]: runs one benchmark of the benchmark page
// under Chromium's CPU profiler (CDP) and prints, for every stretch of the main thread busy for
// more than 50 ms without a break (a long task, give or take the sampling interval), its length
// and the functions that took most of it, inclusive, with their source file. Where the time of
// a long task goes, in ms, rather than a guess.
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'out/bench');
const [name = 'exchange', ...flags] = process.argv.slice(2);
if (!flags.includes('--no-build')) await build({ configFile: join(root, 'vite.bench.config.ts') });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
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
  args: ['--no-sandbox', '--js-flags=--expose-gc'],
});
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof window.runBench === 'function');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const rows = await page.evaluate((n) => window.runBench(n), name);
  const { profile } = await cdp.send('Profiler.stop');
  for (const r of rows) console.log(`  ${r.label.padEnd(44)} ${r.value.toFixed(1)} ${r.unit}`);
  report(profile);
} finally {
  await browser.close();
  server.close();
}

function report(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
  const label = (n) => {
    const f = n.callFrame;
    const file = f.url ? f.url.split('/').pop() : '';
    return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
  };
  // Samples with their times; a busy stretch ends at the first idle sample.
  let t = profile.startTime;
  const samples = profile.samples.map((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    return { id, t };
  });
  const stretches = [];
  let cur = null;
  for (const s of samples) {
    const fn = byId.get(s.id).callFrame.functionName;
    const busy = !idle.has(fn) || fn === '(garbage collector)';
    if (busy) {
      if (!cur) cur = { from: s.t, to: s.t, ids: [] };
      cur.to = s.t;
      cur.ids.push(s.id);
    } else if (cur) {
      stretches.push(cur);
      cur = null;
    }
  }
  if (cur) stretches.push(cur);
  const long = stretches.filter((s) => (s.to - s.from) / 1000 > 50);
  console.log(`\nbusy stretches > 50 ms: ${long.length}`);
  const total = new Map();
  for (const s of long.sort((a, b) => b.to - b.from - (a.to - a.from)).slice(0, 12)) {
    const ms = (s.to - s.from) / 1000;
    const per = new Map();
    for (const id of s.ids) {
      const seen = new Set();
      for (let n = id; n !== undefined; n = parent.get(n)) {
        const l = label(byId.get(n));
        if (seen.has(l) || l.startsWith('(root)')) continue;
        seen.add(l);
        per.set(l, (per.get(l) ?? 0) + 1);
      }
    }
    const step = ms / s.ids.length;
    console.log(`\n${ms.toFixed(0)} ms at +${((s.from - profile.startTime) / 1e6).toFixed(1)} s`);
    const top = [...per.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14);
    for (const [l, c] of top) console.log(`  ${(c * step).toFixed(0).padStart(6)} ms  ${l}`);
  }
  for (const s of long)
    for (const id of s.ids) {
      const l = label(byId.get(id));
      total.set(l, (total.get(l) ?? 0) + 1);
    }
  console.log('\nself time inside all long stretches (samples of ~1 ms):');
  for (const [l, c] of [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  ${String(c).padStart(6)}  ${l}`);
}
