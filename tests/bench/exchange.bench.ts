/**
 * Import of an office spreadsheet (1 % bad rows) in Chromium, as the screen runs it (issues 15
 * and 17): the check in the import worker, which keeps the plan and sends the window its
 * report's counts and first page; likely duplicates found by that worker; then the plan written
 * by that same worker in batches in one transaction (change log, one audit entry), at 50k and 200k rows, beside a raw Dexie bulkPut
 * of the same records in the same run (in a worker of its own, rawPut.worker.ts). A
 * PerformanceObserver('longtask') watches the main thread from the check to the commit, the
 * page's JS heap is sampled throughout, and Cancel is timed in the middle of a 50k write.
 */
import Dexie from 'dexie';
import { generateCsv } from '@shared/domain/exchange/testing';
import { PasserelleDb } from '../../renderer/data/db';
import { createExchangeRepository } from '../../renderer/data/repositories/exchange';
import type { CheckSession } from '../../renderer/features/exchange/worker';
import { runImportWorker, startCheck } from '../../renderer/features/exchange/worker';
import type { Bench, Row } from './harness';
import { now } from './harness';

type MemoryInfo = { usedJSHeapSize: number };
const heapMb = (): number => {
  const m = (performance as Performance & { memory?: MemoryInfo }).memory;
  return m ? m.usedJSHeapSize / 1024 / 1024 : NaN;
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const fresh = async (name: string) => {
  await Dexie.delete(name);
  return new PasserelleDb(name);
};

/** Long tasks on the main thread and the heap's peak while `fn` runs. */
const watch = async <T>(fn: (sample: () => void) => Promise<T>) => {
  const long: number[] = [];
  const at: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      long.push(e.duration);
      at.push({ start: e.startTime, duration: e.duration });
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  let peak = heapMb();
  const sample = () => void (peak = Math.max(peak, heapMb()));
  const timer = setInterval(sample, 50);
  try {
    const value = await fn(sample);
    // Entries are delivered after the task: let the observer catch up.
    await new Promise((r) => setTimeout(r, 100));
    return { value, long, at, peak };
  } finally {
    clearInterval(timer);
    observer.disconnect();
  }
};

const context = {
  office: 'BKO',
  country: 'ML',
  now: '2026-12-02T10:00:00.000Z',
  defaultCategory: 'social_services' as const,
};

/** The check as the screen runs it: the worker keeps the plan; report, first page, duplicates. */
const check = async (
  name: string,
  bytes: Uint8Array,
  dbName: string,
  onProgress: () => void,
): Promise<{ session: CheckSession; dups: Awaited<ReturnType<CheckSession['duplicates']>> }> => {
  const { preview } = await runImportWorker(
    { type: 'preview', file: { name, bytes }, format: 'csv', options: { encoding: 'auto' } },
    'preview',
    onProgress,
  ).promise;
  const session = await startCheck(
    {
      type: 'plan',
      files: [{ name, bytes }],
      format: 'csv',
      options: { encoding: 'auto' },
      mapping: preview.suggested,
      values: {},
      presence: false,
      context,
    },
    onProgress,
  ).promise;
  await session.issues('', 0, 200);
  return { session, dups: await session.duplicates(dbName, null) };
};

/** The baseline, in its own worker: ms for the raw bulkPut of the file's records. */
const rawPut = (name: string, bytes: Uint8Array) =>
  new Promise<{ ms: number; services: number }>((resolve, reject) => {
    const w = new Worker(new URL('./rawPut.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<{ ms: number; services: number }>) => {
      w.terminate();
      resolve(e.data);
    };
    w.onerror = (e) => {
      w.terminate();
      reject(new Error(e.message));
    };
    w.postMessage({ dbName: 'bench-exchange-raw', name, bytes, now: context.now });
  });

const size = async (n: number, rows: Row[], withCancel: boolean) => {
  const k = `${n / 1000}k`;
  const name = `office-${k}.csv`;
  let bytes: Uint8Array | undefined = new TextEncoder().encode(generateCsv(n, 100).csv);
  gc();
  const heap0 = heapMb();
  const db = await fresh('bench-exchange-import');
  const repo = createExchangeRepository(db, () => ({ office: 'BKO', user: 'bench' }));
  let t1 = 0;
  let written = 0;
  const run = await watch(async (sample) => {
    window.benchPhase = `import ${k}`;
    const t0 = now();
    const { session, dups } = await check(name, bytes!, db.name, sample);
    t1 = now();
    sample();
    written = session.summary.services;
    await session.write(repo.writeContext(), dups, new Map(), sample).promise;
    return { t0, t2: now() };
  });
  const { t0, t2 } = run.value;
  window.benchPhase = `after import ${k}`;
  const longestIn = (from: number, to: number) =>
    Math.max(0, ...run.at.filter((e) => e.start >= from && e.start < to).map((e) => e.duration));
  const journalRows = (await db.changes.count()) + (await db.audit.count());
  db.close();

  // Cancel in the middle of the write: how long until it answers, and what is left.
  let cancelMs = NaN;
  let left = NaN;
  let cancelLong: number[] = [];
  if (withCancel) {
    window.benchPhase = `cancel ${k}`;
    const cdb = await fresh('bench-exchange-cancel');
    const crepo = createExchangeRepository(cdb, () => ({ office: 'BKO', user: 'bench' }));
    let asked = 0;
    // The plan left with the first write: checked again, then written and cancelled half-way.
    const { session } = await check(name, bytes!, cdb.name, () => {});
    const cancelled = await watch(() => {
      const job = session.write(crepo.writeContext(), [], new Map(), (done, total) => {
        if (!asked && done >= total / 2) {
          asked = now();
          // As a click would: from another task, not from inside the write.
          setTimeout(() => job.cancel(), 0);
        }
      });
      return job.promise.then(
        () => NaN,
        () => now(),
      );
    });
    cancelMs = cancelled.value - asked;
    cancelLong = cancelled.long;
    left = (await cdb.services.count()) + (await cdb.changes.count()) + (await cdb.audit.count());
    cdb.close();
  }

  // Baseline: the same records, straight into the same tables, no parsing, no checks, no journal.
  window.benchPhase = `baseline ${k}`;
  const baseline = await rawPut(name, bytes!);
  bytes = undefined;
  if (baseline.services !== written) throw new Error('baseline planned other records');
  const r0 = 0;
  const r1 = baseline.ms;
  window.benchPhase = '';
  for (const db of ['bench-exchange-import', 'bench-exchange-cancel', 'bench-exchange-raw'])
    await Dexie.delete(db);

  const perSecond = (ms: number) => (written / ms) * 1000;
  const base = `raw Dexie bulkPut ${k} (baseline)`;
  const maxLong = Math.max(0, ...run.long);
  rows.push(
    { label: base, value: perSecond(r1 - r0), unit: 'rows/s' },
    {
      label: `import ${k}: check + write + journal`,
      value: perSecond(t2 - t0),
      unit: 'rows/s',
      baseline: base,
      target: '≥ 0.5× baseline',
    },
    {
      label: `import ${k}: write + journal only`,
      value: perSecond(t2 - t1),
      unit: 'rows/s',
      baseline: base,
    },
    { label: `check in worker + duplicates ${k}`, value: t1 - t0, unit: 'ms' },
    { label: `write in batches, one transaction ${k}`, value: t2 - t1, unit: 'ms' },
    { label: `raw bulkPut ${k}`, value: r1 - r0, unit: 'ms' },
    { label: `journal rows written ${k}`, value: journalRows, unit: 'rows' },
    {
      label: `longest main-thread task ${k}`,
      value: maxLong,
      unit: 'ms',
      target: n > 50_000 ? '< 200 ms' : '< 100 ms',
    },
    { label: `longest task during the check ${k}`, value: longestIn(t0, t1), unit: 'ms' },
    { label: `longest task during the write ${k}`, value: longestIn(t1, t2 + 1), unit: 'ms' },
    { label: `long tasks (> 50 ms) ${k}`, value: run.long.length, unit: 'tasks' },
    { label: `JS heap before ${k}`, value: heap0, unit: 'MB' },
    { label: `JS heap peak, main thread ${k}`, value: run.peak, unit: 'MB', target: '< 600 MB' },
  );
  if (withCancel)
    rows.push(
      { label: `Cancel mid-write → rejected ${k}`, value: cancelMs, unit: 'ms' },
      {
        label: `longest task, cancelled write ${k}`,
        value: Math.max(0, ...cancelLong),
        unit: 'ms',
        target: '< 100 ms',
      },
      { label: `rows left after Cancel ${k}`, value: left, unit: 'rows' },
    );
};

export const exchangeBench: Bench = {
  name: 'exchange',
  async run() {
    const rows: Row[] = [];
    await size(50_000, rows, true);
    return rows;
  },
};

/** 200k rows: its own name, so `npm run bench -- exchange` stays a few minutes long. */
export const exchange200kBench: Bench = {
  name: 'exchange-200k',
  async run() {
    const rows: Row[] = [];
    await size(200_000, rows, false);
    return rows;
  },
};
