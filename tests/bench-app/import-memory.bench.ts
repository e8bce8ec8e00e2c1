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
import { readFile } from 'node:fs/promises';
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

/** Samples every renderer process of `browser` until stopped; peaks kept per phase. */
const sampler = async (browser: Browser) => {
  const cdp = await browser.newBrowserCDPSession();
  let phase = 'rest';
  const peaks = new Map<string, Sample>();
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
      return peaks;
    },
  };
};

const row = (label: string, value: number, unit: string, target?: string) =>
  console.log(
    `  ${label.padEnd(62)} ${value.toFixed(0).padStart(8)} ${unit}${target ? `  [target: ${target}]` : ''}`,
  );

test(`import of ${ROWS} rows through the screens: renderer memory`, async ({ page, browser }) => {
  test.setTimeout(1_800_000);
  const csv = Buffer.from(generateCsv(ROWS, 100).csv);
  await completeSetup(page);
  await goTo(page, 'Échanges');
  const memory = await sampler(browser);
  await page.waitForTimeout(3000);

  const step = (what: string) => console.log(`  … ${what} (${new Date().toISOString()})`);
  step('file chosen');
  memory.phase = 'check';
  const t0 = Date.now();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: m['exchange.import.chooseFile'] }).click();
  await (
    await chooser
  ).setFiles({ name: 'annuaire-national.csv', mimeType: 'text/csv', buffer: csv });
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
  const peaks = await memory.stop();

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
});

/** With SHOTS_DIR set, a screenshot there (the report, then the outcome), to look at. */
const shotIfAsked = async (page: Page, name: string) => {
  if (process.env.SHOTS_DIR)
    await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png` });
};
