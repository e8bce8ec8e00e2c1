/**
 * An import journals one outbox row per table and batch, naming its records (issue 17): the
 * drain sends every record it names, the pending count counts records, and a drain round takes
 * whole rows up to its batch size (one row at least, however big).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendChangeGroups } from '../../../renderer/data/journal';
import { makeReplica, memoryFolder, rows, trustAll } from './kit';

describe('an outbox row per import batch', () => {
  it('every record it names reaches the other office; pending counts records', async () => {
    const folder = memoryFolder();
    const a = await makeReplica('BKO', { folder: async () => folder.access, batchSize: 250 });
    const b = await makeReplica('SEG', { folder: async () => folder.access });
    await trustAll([a, b]);
    const base = (i: number) => ({
      id: crypto.randomUUID(),
      office: 'BKO',
      createdAt: a.now(),
      updatedAt: a.now(),
      deletedAt: null,
      demo: false,
      name: `Association ${i}`,
      description: '',
      email: '',
      website: '',
    });
    const orgs = Array.from({ length: 700 }, (_, i) => base(i));
    const actor = { office: 'BKO', user: 'import' };
    await a.db.transaction('rw', [a.db.table('organizations'), a.db.changes], async () => {
      await a.db.table('organizations').bulkPut(orgs);
      // Two batches: 300 records (more than one drain round's 250) and 400.
      for (const slice of [orgs.slice(0, 300), orgs.slice(300)])
        await appendChangeGroups(
          a.db,
          actor,
          [{ table: 'organizations', recordIds: slice.map((o) => o.id), op: 'put' }],
          a.now(),
        );
    });
    expect(await a.db.changes.count()).toBe(2);
    expect(await a.service.repo.pendingCount()).toBe(700);

    const ra = await a.service.syncNow();
    expect(ra.drained).toBe(700);
    expect(await a.service.repo.pendingCount()).toBe(0);
    const rb = await b.service.syncNow();
    expect(rb.applied).toBe(700);
    expect((await rows(b, 'organizations')).map((o) => o.id).sort()).toEqual(
      orgs.map((o) => o.id).sort(),
    );
  });
});
