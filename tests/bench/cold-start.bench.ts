/**
 * Cold start: a new window of the app (the production build, in an iframe of this page, served
 * by the same server) until the directory is interactive — search box and first rows shown —
 * with 10k then 50k services stored, against an empty React page loaded the same way.
 * The session survives in the tab's sessionStorage, as after a reload, so no login is timed.
 */
import { getDb } from '../../renderer/data/db';
import type { Bench, Row } from './harness';
import { now, percentile } from './harness';
import { frame, seedServices, setUp, waitFor } from './directory-ui.bench';

const ROUNDS = 3;

/** Loads `src` in a fresh iframe; ms until `ready(doc)` holds. */
const load = async (src: string, ready: (doc: Document) => boolean): Promise<number> => {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'width:1280px;height:800px;border:0';
  const t0 = now();
  iframe.src = src;
  document.body.append(iframe);
  try {
    await waitFor(() => {
      const doc = iframe.contentDocument;
      return !!doc && doc.readyState !== 'loading' && ready(doc);
    }, 300_000);
    await frame();
    return now() - t0;
  } finally {
    iframe.remove();
  }
};

const emptyPage = () => load('./cold/empty.html', (d) => d.body.dataset.ready === '1');
const directory = () =>
  load(
    './cold/app.html#/directory',
    (d) => !!d.querySelector('input[type=search]') && d.querySelectorAll('tbody tr').length > 0,
  );

const rounds = async (fn: () => Promise<number>) => {
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) out.push(await fn());
  return percentile(out, 50);
};

export const coldStartBench: Bench = {
  name: 'cold-start',
  async run() {
    const db = getDb();
    await db.delete();
    await db.open();
    // First run through the real form, in a window of the app; its session stays in the tab.
    const host = document.createElement('iframe');
    host.style.cssText = 'width:1280px;height:800px;border:0';
    host.src = './cold/app.html#/directory';
    document.body.append(host);
    await waitFor(() => !!host.contentDocument?.querySelector('input[name=officeCode]'), 60_000);
    await setUp(host.contentDocument!.body);
    host.remove();
    const base = 'empty React page, same server (baseline)';
    const rows: Row[] = [{ label: base, value: await rounds(emptyPage), unit: 'ms' }];
    let stored = 0;
    for (const [n, target] of [
      [10_000, 2],
      [50_000, 3],
    ] as const) {
      await seedServices(n - stored);
      stored = n;
      rows.push({
        label: `app start → directory interactive, ${n / 1000}k services`,
        value: await rounds(directory),
        unit: 'ms',
        baseline: base,
        target: `≤ ${target}× baseline`,
      });
    }
    return rows;
  },
};
