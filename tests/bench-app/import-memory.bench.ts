/**
 * Memory of a 200,000-row import through the real screens of the built app (issue 17), as a user
 * runs it: set up an office, Exchanges, choose the file, map, check, Import, until the directory
 * has the rows. Sampled from outside every 250 ms: resident memory (RSS) of every renderer
 * process, the app's window and its workers together, and its proportional share (PSS, which
 * counts pages shared with other processes once, so a sum over processes is honest).
 *
 * The bench page (tests/bench/) cannot give this figure: it holds the benchmark harness, every
 * benchmark's code and the generated file as text and as bytes, 527 MB resident at rest before
 * any import. Here the window holds what the app holds.
 *
 * Run by `npm run bench -- import-app` (scripts/bench.mjs), never by the test suites: a
 * measurement, printed, with no timing assertion. ROWS overrides the size.
 */
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { generateCsv } from '../../shared/domain/exchange/testing';
import { catalogues } from '../../shared/i18n/catalogues';
import { ADMIN, completeSetup, goTo, login } from '../e2e/helpers';

const ROWS = Number(process.env.ROWS ?? 200_000);
const m = catalogues.fr;

type Sample = { rss: number; pss: number };
const MB = 1024;

/**
 * RSS and PSS (MB) of one process, from /proc; zero once it has gone, and for Chromium's own
 * interface renderer (`--top-chrome-webui`, ~150 MB), which no window of the app runs in and
 * which Electron does not have.
 */
const memoryOf = async (pid: number): Promise<Sample> => {
  try {
    if ((await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('--top-chrome-webui'))
      return { rss: 0, pss: 0 };
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
    return { rss: kb('Rss') / MB, pss: kb('Pss') / MB };
  } catch {
    return { rss: 0, pss: 0 };
  }
};

/** One JS heap as CDP's Runtime.getHeapUsage gives it, in MB. */
type Heap = { used: number; total: number; backing: number; embedder: number };
type HeapUsage = {
  usedSize: number;
  totalSize: number;
  backingStorageSize?: number;
  embedderHeapUsedSize?: number;
};
const heapOf = (u: HeapUsage): Heap => ({
  used: u.usedSize / MB / MB,
  total: u.totalSize / MB / MB,
  backing: (u.backingStorageSize ?? 0) / MB / MB,
  embedder: (u.embedderHeapUsedSize ?? 0) / MB / MB,
});

/**
 * Where the renderer's memory is: the JS heap of the window and of each of its workers, asked
 * of each target over CDP (a worker is reached through the browser session, as Playwright gives
 * no session of its own for one). What the heaps do not account for of the resident figure is
 * Blink, IndexedDB's queued values, allocator slack and code.
 */
const heapSampler = async (browser: Browser, page: Page) => {
  const cdp = await browser.newBrowserCDPSession();
  const own = await page.context().newCDPSession(page);
  let id = 0;
  const pending = new Map<string, (r: HeapUsage | undefined) => void>();
  const sessions = new Map<string, string>();
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const m = JSON.parse(message) as { id?: number; result?: HeapUsage };
    if (m.id !== undefined) pending.get(`${sessionId}:${m.id}`)?.(m.result);
  });
  const ask = (sessionId: string) =>
    new Promise<HeapUsage | undefined>((resolve) => {
      const n = ++id;
      pending.set(`${sessionId}:${n}`, resolve);
      setTimeout(() => resolve(undefined), 1000);
      void cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: n, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => resolve(undefined));
    });
  return {
    /** Heap per target: `window`, and each worker by its script's name. */
    async sample(): Promise<Map<string, Heap>> {
      const out = new Map<string, Heap>();
      const mine = (await own.send('Runtime.getHeapUsage').catch(() => undefined)) as
        HeapUsage | undefined;
      if (mine) out.set('window', heapOf(mine));
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: { type: string; url: string; targetId: string }[];
      };
      for (const w of targetInfos.filter((t) => t.type === 'worker')) {
        let sessionId = sessions.get(w.targetId);
        if (!sessionId) {
          const attached = (await cdp
            .send('Target.attachToTarget', { targetId: w.targetId, flatten: false })
            .catch(() => ({}))) as { sessionId?: string };
          if (!attached.sessionId) continue;
          sessionId = attached.sessionId;
          sessions.set(w.targetId, sessionId);
        }
        const used = await ask(sessionId);
        const kind = (w.url.split('/').pop() ?? '').replace(/[-.].*$/, '');
        if (used) out.set(`${kind} ${w.targetId.slice(0, 4)}`, heapOf(used));
      }
      return out;
    },
    detach: () => Promise.all([cdp.detach().catch(() => {}), own.detach().catch(() => {})]),
  };
};

/**
 * Samples every renderer process of `browser` until stopped; peaks kept per phase. With `page`,
 * the JS heaps too (peak per phase and target), and with MEM_LOG a line per sample to that file.
 */
const sampler = async (browser: Browser, page?: Page) => {
  const cdp = await browser.newBrowserCDPSession();
  const heaps = page ? await heapSampler(browser, page) : undefined;
  let phase = 'rest';
  const peaks = new Map<string, Sample>();
  const heapPeaks = new Map<string, Heap>();
  const t0 = Date.now();
  let stopped = false;
  const tick = async () => {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    const total = { rss: 0, pss: 0 };
    for (const p of processInfo.filter((p) => p.type === 'renderer')) {
      const s = await memoryOf(p.id);
      total.rss += s.rss;
      total.pss += s.pss;
    }
    // Which of the import's workers are alive (since issue 17 the check worker also writes).
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { type: string; url: string }[];
    };
    const workers = targetInfos
      .filter((t) => t.type === 'worker')
      .map((t) => (t.url.split('/').pop() ?? '').replace(/[-.].*$/, ''))
      .sort()
      .join(' + ');
    for (const key of [phase, `${phase}, workers: ${workers || 'none'}`]) {
      const old = peaks.get(key) ?? { rss: 0, pss: 0 };
      peaks.set(key, { rss: Math.max(old.rss, total.rss), pss: Math.max(old.pss, total.pss) });
    }
    const heap =
      heaps && phase !== 'closed' ? await heaps.sample().catch(() => undefined) : undefined;
    if (!heap) return;
    let sum = 0;
    for (const [target, h] of heap) {
      sum += h.total + h.backing;
      const key = `${phase}: ${target.replace(/ \w+$/, '')}`;
      const old = heapPeaks.get(key) ?? { used: 0, total: 0, backing: 0, embedder: 0 };
      heapPeaks.set(key, {
        used: Math.max(old.used, h.used),
        total: Math.max(old.total, h.total),
        backing: Math.max(old.backing, h.backing),
        embedder: Math.max(old.embedder, h.embedder),
      });
    }
    if (process.env.MEM_LOG) {
      const parts = [...heap].map(
        ([t, h]) =>
          `${t} used ${h.used.toFixed(0)} total ${h.total.toFixed(0)} ab ${h.backing.toFixed(0)} emb ${h.embedder.toFixed(0)}`,
      );
      await appendFile(
        process.env.MEM_LOG,
        `${((Date.now() - t0) / 1000).toFixed(1)}s ${phase} rss ${total.rss.toFixed(0)} heaps+ab ${sum.toFixed(0)} | ${parts.join(' | ')}\n`,
      );
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await tick().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    set phase(p: string) {
      phase = p;
    },
    async stop() {
      stopped = true;
      await loop;
      await cdp.detach().catch(() => undefined);
      await heaps?.detach();
      return { peaks, heapPeaks };
    },
  };
};

const row = (label: string, value: number, unit: string, target?: string) =>
  console.log(
    `  ${label.padEnd(62)} ${value.toFixed(0).padStart(8)} ${unit}${target ? `  [target: ${target}]` : ''}`,
  );

test(`import of ${ROWS} rows through the screens: renderer memory`, async ({ page, browser }) => {
  test.setTimeout(1_800_000);
  // Chosen from disk as a user would: a buffer handed to setFiles is rebuilt inside the page
  // from base64 by Playwright, ~250 MB of the window's heap that the app never allocates.
  const csvPath = join(tmpdir(), `annuaire-national-${process.pid}.csv`);
  await writeFile(csvPath, generateCsv(ROWS, 100).csv);
  await completeSetup(page);
  await goTo(page, 'Échanges');
  const memory = await sampler(browser, page);
  await page.waitForTimeout(3000);

  const step = (what: string) => {
    console.log(`  … ${what} (${new Date().toISOString()})`);
    if (process.env.MEM_LOG) void appendFile(process.env.MEM_LOG, `# ${what}\n`);
  };
  step('file chosen');
  memory.phase = 'check';
  const t0 = Date.now();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: m['exchange.import.chooseFile'] }).click();
  await (await chooser).setFiles(csvPath);
  await page.getByRole('button', { name: m['exchange.mapping.validate'] }).click();
  await expect(page.getByRole('heading', { name: m['importValues.title'] })).toBeVisible({
    timeout: 600_000,
  });
  step('values shown');
  await page.getByRole('button', { name: m['importValues.check'] }).click();
  await expect(page.getByRole('heading', { name: m['exchange.report.title'] })).toBeVisible({
    timeout: 600_000,
  });
  const t1 = Date.now();

  step('report shown');
  memory.phase = 'write';
  await shotIfAsked(page, 'import-app-report');
  await page.getByRole('button', { name: /Importer les .* lignes valides/ }).click();
  step('import clicked');
  // "198 000" as French writes it, or "198000": the count, whatever the grouping.
  const valid = String(ROWS - ROWS / 100).replace(/\B(?=(\d{3})+$)/g, '[\\s\u202f]?');
  await expect(page.getByText(new RegExp(`Import terminé : ${valid} créés`))).toBeVisible({
    timeout: 1_200_000,
  });
  const t2 = Date.now();
  memory.phase = 'after';
  await page.waitForTimeout(3000);
  await shotIfAsked(page, 'import-app-done');

  // The next morning: the window closed, a new one signs in and shows the directory. What the
  // app itself holds with this many services, apart from the import.
  const context = page.context();
  await page.close();
  memory.phase = 'closed';
  await new Promise((r) => setTimeout(r, 3000));
  const next = await context.newPage();
  memory.phase = 'next start';
  await next.goto('./');
  await login(next, ADMIN.username, ADMIN.password);
  await expect(next.getByText(new RegExp(`^${valid} services$`))).toBeVisible({ timeout: 600_000 });
  memory.phase = 'next start, directory shown';
  await next.waitForTimeout(10_000);
  const { peaks, heapPeaks } = await memory.stop();
  await rm(csvPath, { force: true });

  const get = (p: string) => peaks.get(p) ?? { rss: 0, pss: 0 };
  const rest = get('rest');
  const during = ['check', 'write'].map(get);
  const rss = Math.max(...during.map((s) => s.rss));
  const pss = Math.max(...during.map((s) => s.pss));
  console.log(`\n## import-app (${ROWS} rows through the screens, Chromium ${browser.version()})`);
  row('check (file chosen → report shown)', t1 - t0, 'ms');
  row('write (Import → done)', t2 - t1, 'ms');
  row('renderer processes at rest on the Exchanges screen, RSS', rest.rss, 'MB');
  row('renderer processes at rest on the Exchanges screen, PSS', rest.pss, 'MB');
  row('renderer processes, peak during check, RSS', get('check').rss, 'MB');
  row('renderer processes, peak during write, RSS', get('write').rss, 'MB');
  row('renderer processes, peak during the import, RSS', rss, 'MB', '< 600 MB');
  row('renderer processes, peak during the import, PSS', pss, 'MB', '< 600 MB');
  row('added by the import over rest, RSS', rss - rest.rss, 'MB');
  row('a new window with the directory shown, RSS', get('next start, directory shown').rss, 'MB');
  row('a new window with the directory shown, PSS', get('next start, directory shown').pss, 'MB');
  for (const [key, peak] of peaks)
    if (key.includes('workers:')) row(`peak RSS, ${key}`, peak.rss, 'MB');
  for (const [key, h] of heapPeaks) {
    row(`JS heap peak, ${key}, used`, h.used, 'MB');
    row(`JS heap peak, ${key}, array buffers + external strings`, h.backing, 'MB');
  }
});

/** With SHOTS_DIR set, a screenshot there (the report, then the outcome), to look at. */
const shotIfAsked = async (page: Page, name: string) => {
  if (process.env.SHOTS_DIR)
    await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png` });
};
