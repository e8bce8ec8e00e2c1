/**
 * Sync at the scale of a national network, in Chromium, on IndexedDB: export and import of a
 * bundle of 10k changes, and push and pull of 10k documents to an in-page PouchDB peer (the
 * replication protocol without the network), beside PouchDB writing 20k documents with
 * bulkDocs in the same run (the baseline: what the engine costs per document at best).
 */
import { REGISTRY } from '@shared/domain/sync/tables';
import { PasserelleDb } from '../../renderer/data/db';
import { journal } from '../../renderer/data/journal';
import { openLocalPouch } from '../../renderer/data/sync/browserPouch';
import { SERVER_BATCH } from '../../renderer/data/sync/server';
import { createSyncService } from '../../renderer/data/sync/service';
import type { Bench, Row } from './harness';
import { now } from './harness';

const N = 10_000;
const BASELINE_N = 20_000;
const run = `${Date.now()}`;

const replica = (office: string) => {
  const db = new PasserelleDb(`bench-sync-${office}-${run}`);
  const pouch = openLocalPouch(`bench-sync-${office}-${run}`);
  const service = createSyncService({
    db,
    pouch,
    registry: REGISTRY,
    office: () => ({ officeCode: office, officeName: office, country: 'ML' }),
    batchSize: 2000,
  });
  return { db, pouch, service };
};

export const organizations = (office: string, n: number) => {
  const at = new Date().toISOString();
  return Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    office,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    demo: false,
    name: `Organisation ${i} de la région de Ségou`,
    description: 'Accueil, écoute et orientation des personnes victimes de traite.',
    email: '',
    website: '',
  }));
};

/**
 * Long tasks (over 50 ms, the browser's own measure) on the main thread while `fn` runs: the
 * longest and how many passed 100 ms, the bound under which the screen stays usable.
 */
type LongTasks = {
  max: number;
  over100: number;
  /** The longest that started before / after `at` (ms, performance.now()). */
  split: (at: number) => [before: number, after: number];
};

const watchLongTasks = async <T>(fn: () => Promise<T>): Promise<[T, LongTasks]> => {
  const tasks: { start: number; duration: number }[] = [];
  const note = (list: PerformanceEntryList) => {
    for (const e of list) tasks.push({ start: e.startTime, duration: e.duration });
  };
  const observer = new PerformanceObserver((list) => note(list.getEntries()));
  // Watching starts once the task running now (an export's, here) has ended: a long task is
  // reported when it ends to every observer registered then, and was counted in the import.
  await new Promise((r) => setTimeout(r, 0));
  const from = now();
  observer.observe({ type: 'longtask' });
  try {
    const value = await fn();
    // Entries are delivered after the task: let the observer catch up.
    await new Promise((r) => setTimeout(r, 50));
    note(observer.takeRecords());
    const seen = tasks.filter((t) => t.start >= from);
    const longest = (list: typeof tasks) => Math.max(0, ...list.map((t) => t.duration));
    return [
      value,
      {
        max: longest(seen),
        over100: seen.filter((t) => t.duration > 100).length,
        split: (at) => [
          longest(seen.filter((t) => t.start < at)),
          longest(seen.filter((t) => t.start >= at)),
        ],
      },
    ];
  } finally {
    observer.disconnect();
  }
};

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = now();
  const value = await fn();
  return [value, now() - t0];
};

export const syncBench: Bench = {
  name: 'sync',
  async run() {
    // Baseline: PouchDB's own bulk write of 20k documents of the same size.
    const base = openLocalPouch(`bench-sync-baseline-${run}`);
    const docs = organizations('BKO', BASELINE_N).map((o) => ({
      _id: `organizations:BKO:${o.id}`,
      record: o,
    }));
    const [, baselineMs] = await timed(() => base.bulkDocs(docs));

    const a = replica('BKO');
    const b = replica('SEG');
    await b.service.repo.trust(
      await a.service.repo.identity({ officeCode: 'BKO', officeName: 'BKO', country: 'ML' }),
      (await a.service.repo.keys()).keyId,
    );
    const records = organizations('BKO', N);
    await a.db.transaction('rw', [a.db.organizations, a.db.changes, a.db.audit], async () => {
      await a.db.organizations.bulkPut(records);
      await journal(
        a.db,
        { office: 'BKO', user: 'bench' },
        records.map((r) => ({
          table: 'organizations',
          recordId: r.id,
          op: 'put' as const,
          action: 'bench',
        })),
      );
    });
    const [, drainMs] = await timed(() => a.service.drain());
    const [[file, exportMs], exportLong] = await watchLongTasks(() =>
      timed(() => a.service.exportFile()),
    );
    if (!file) throw new Error('no bundle');
    const [[outcome, importMs], importLong] = await watchLongTasks(() =>
      timed(() => b.service.importFile(file.bytes)),
    );
    if (outcome.status !== 'applied') throw new Error(`import: ${outcome.status}`);
    const applied = await b.db.organizations.count();
    if (applied !== N) throw new Error(`applied ${applied}`);

    // Push to and pull from a peer database through the replication protocol.
    const peer = openLocalPouch(`bench-sync-peer-${run}`);
    const puller = openLocalPouch(`bench-sync-puller-${run}`);
    const [, pushMs] = await timed(() => a.pouch.replicate.to(peer, { batch_size: 1000 }));
    const [, pullMs] = await timed(() => puller.replicate.from(peer, { batch_size: 1000 }));
    // What the app does with a server: pull, then the checked apply into Dexie (signatures
    // verified here, never seen in this session), as the server link does (server.ts), in its
    // batches.
    const c = replica('KYS');
    await c.service.repo.trust(
      await a.service.repo.identity({ officeCode: 'BKO', officeName: 'BKO', country: 'ML' }),
      (await a.service.repo.keys()).keyId,
    );
    let applyFrom = 0;
    const [[, pullApplyMs], pullLong] = await watchLongTasks(() =>
      timed(async () => {
        await c.pouch.replicate.from(peer, { batch_size: SERVER_BATCH });
        applyFrom = now();
        await c.service.applyPulled();
      }),
    );
    const [inPull, inApply] = pullLong.split(applyFrom);
    const pulledApplied = await c.db.organizations.count();
    if (pulledApplied !== N) throw new Error(`pulled and applied ${pulledApplied}`);

    const perDoc = (ms: number, n: number) => (ms / n) * 1000;
    const baselineLabel = 'PouchDB bulkDocs 20k (baseline), per doc';
    const rows: Row[] = [
      { label: baselineLabel, value: perDoc(baselineMs, BASELINE_N), unit: 'µs' },
      { label: 'PouchDB bulkDocs 20k, total', value: baselineMs, unit: 'ms' },
      {
        label: 'bundle export 10k, per change',
        value: perDoc(exportMs, N),
        unit: 'µs',
        baseline: baselineLabel,
        target: '≤ 1.5× baseline',
      },
      {
        label: 'bundle import 10k (checked + applied), per change',
        value: perDoc(importMs, N),
        unit: 'µs',
        baseline: baselineLabel,
        target: '≤ 1.5× baseline',
      },
      {
        label: 'push 10k to a peer, per doc',
        value: perDoc(pushMs, N),
        unit: 'µs',
        baseline: baselineLabel,
        target: '≤ 1.5× baseline',
      },
      {
        label: 'pull 10k from a peer, per doc',
        value: perDoc(pullMs, N),
        unit: 'µs',
        baseline: baselineLabel,
        target: '≤ 1.5× baseline',
      },
      {
        label: 'pull 10k from a peer + checked apply, per doc',
        value: perDoc(pullApplyMs, N),
        unit: 'µs',
        baseline: baselineLabel,
        target: '≤ 1.5× baseline',
      },
      {
        label: 'bundle export 10k: longest main-thread task',
        value: exportLong.max,
        unit: 'ms',
        target: '< 100 ms',
      },
      { label: 'bundle export 10k: tasks over 100 ms', value: exportLong.over100, unit: '' },
      {
        label: 'bundle import 10k: longest main-thread task',
        value: importLong.max,
        unit: 'ms',
        target: '< 100 ms',
      },
      { label: 'bundle import 10k: tasks over 100 ms', value: importLong.over100, unit: '' },
      {
        label: 'pull + apply 10k: longest main-thread task',
        value: pullLong.max,
        unit: 'ms',
        target: '< 100 ms',
      },
      { label: 'pull + apply 10k: tasks over 100 ms', value: pullLong.over100, unit: '' },
      // Where the longest task was: PouchDB's replication, or the checked apply into Dexie.
      { label: 'pull + apply 10k: longest task in the pull', value: inPull, unit: 'ms' },
      { label: 'pull + apply 10k: longest task in the apply', value: inApply, unit: 'ms' },
      {
        label: 'drain 10k changes (sign + write), per change',
        value: perDoc(drainMs, N),
        unit: 'µs',
        baseline: baselineLabel,
      },
      { label: 'bundle size, 10k changes', value: file.bytes.length / 1024, unit: 'KiB' },
    ];
    for (const p of [base, a.pouch, b.pouch, c.pouch, peer, puller]) await p.destroy();
    for (const db of [a.db, b.db, c.db]) await db.delete();
    return rows;
  },
};
