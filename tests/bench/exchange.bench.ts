/**
 * Import of a 50k-row office spreadsheet (1 % bad rows) in Chromium: decode + parse + validate
 * + write into IndexedDB through the exchange repository (one transaction, with change-log and
 * audit entries), beside a raw Dexie bulkPut of the same records in the same run.
 */
import Dexie from 'dexie';
import { planFlat, previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import { generateCsv, testContext } from '@shared/domain/exchange/testing';
import { PasserelleDb } from '../../renderer/data/db';
import { createExchangeRepository } from '../../renderer/data/repositories/exchange';
import type { Bench } from './harness';
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

export const exchangeBench: Bench = {
  name: 'exchange',
  async run() {
    const { csv } = generateCsv(50_000, 100);
    const bytes = new TextEncoder().encode(csv);
    gc();
    const heap0 = heapMb();
    let peak = heap0;
    const sampleHeap = () => (peak = Math.max(peak, heapMb()));

    const db = await fresh('bench-exchange-import');
    const repo = createExchangeRepository(db, () => ({ office: 'BKO', user: 'bench' }));
    const t0 = now();
    const table = await readFlat({ name: 'big.csv', bytes }, 'csv', { encoding: 'auto' }, () =>
      Promise.reject(new Error('csv only')),
    );
    const t1 = now();
    sampleHeap();
    const plan = planFlat(table, 'big.csv', 'csv', previewFlat(table).suggested, testContext());
    const t2 = now();
    sampleHeap();
    await repo.importPlan(plan, [], new Map());
    const t3 = now();
    sampleHeap();
    const rows = plan.services.length;
    // What the import wrote besides the records: its change-log (sync outbox) and audit rows.
    const changes = await db.changes.toArray();
    const audit = await db.audit.toArray();
    db.close();

    // Baseline: the same records, straight into the same tables, no parsing, no checks, no journal.
    const raw = await fresh('bench-exchange-raw');
    const r0 = now();
    await raw.transaction('rw', [raw.organizations, raw.locations, raw.services], async () => {
      await raw.organizations.bulkPut(plan.organizations);
      await raw.locations.bulkPut(plan.locations);
      await raw.services.bulkPut(plan.services);
    });
    const r1 = now();
    raw.close();
    // Second baseline: every row the import writes (records + change-log + audit), raw.
    const all = await fresh('bench-exchange-raw-all');
    const a0 = now();
    await all.transaction(
      'rw',
      [all.organizations, all.locations, all.services, all.changes, all.audit],
      async () => {
        await all.organizations.bulkPut(plan.organizations);
        await all.locations.bulkPut(plan.locations);
        await all.services.bulkPut(plan.services);
        await all.changes.bulkPut(changes);
        await all.audit.bulkPut(audit);
      },
    );
    const a1 = now();
    all.close();
    for (const name of ['bench-exchange-import', 'bench-exchange-raw', 'bench-exchange-raw-all'])
      await Dexie.delete(name);

    const perSecond = (ms: number) => (rows / ms) * 1000;
    return [
      { label: 'raw Dexie bulkPut (baseline)', value: perSecond(r1 - r0), unit: 'rows/s' },
      {
        label: 'import: parse + validate + write + journal',
        value: perSecond(t3 - t0),
        unit: 'rows/s',
        baseline: 'raw Dexie bulkPut (baseline)',
        target: '≥ 0.5× baseline',
      },
      {
        label: 'raw bulkPut of records + journal rows',
        value: perSecond(a1 - a0),
        unit: 'rows/s',
        baseline: 'raw Dexie bulkPut (baseline)',
      },
      {
        label: 'import vs raw bulkPut of all it writes',
        value: perSecond(t3 - t0),
        unit: 'rows/s',
        baseline: 'raw bulkPut of records + journal rows',
      },
      { label: 'decode + parse CSV (50k)', value: t1 - t0, unit: 'ms' },
      { label: 'map + validate (50k)', value: t2 - t1, unit: 'ms' },
      { label: 'write, one transaction (49.5k)', value: t3 - t2, unit: 'ms' },
      { label: 'raw bulkPut (49.5k)', value: r1 - r0, unit: 'ms' },
      {
        label: 'journal rows written (change-log + audit)',
        value: changes.length + audit.length,
        unit: 'rows',
      },
      { label: 'JS heap before', value: heap0, unit: 'MB' },
      { label: 'JS heap peak (sampled per stage)', value: peak, unit: 'MB', target: '< 500 MB' },
    ];
  },
};
