/**
 * The benchmark's baseline in a worker of its own (issue 17): the same file planned here, its
 * records put straight into the same tables in one transaction, no checks, no journal. Since the
 * window no longer holds the plan, the baseline's one copy lives here, after the import's
 * workers have ended, so it does not add to the import's memory.
 */
import Dexie from 'dexie';
import { planFlat, previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import { PasserelleDb } from '../../renderer/data/db';

type Ask = { dbName: string; name: string; bytes: Uint8Array; now: string };

self.onmessage = async (e: MessageEvent<Ask>) => {
  const { dbName, name, bytes, now } = e.data;
  const table = await readFlat({ name, bytes }, 'csv', { encoding: 'auto' }, () =>
    Promise.reject(new Error('csv only')),
  );
  const plan = planFlat(table, name, 'csv', previewFlat(table).suggested, {
    office: 'BKO',
    country: 'ML',
    now,
    defaultCategory: 'social_services',
    newId: () => crypto.randomUUID(),
  });
  await Dexie.delete(dbName);
  const raw = new PasserelleDb(dbName);
  const t0 = performance.now();
  await raw.transaction('rw', [raw.organizations, raw.locations, raw.services], async () => {
    await raw.organizations.bulkPut(plan.organizations);
    await raw.locations.bulkPut(plan.locations);
    await raw.services.bulkPut(plan.services);
  });
  const ms = performance.now() - t0;
  raw.close();
  await Dexie.delete(dbName);
  self.postMessage({ ms, services: plan.services.length });
};
