/**
 * A crash at any point loses nothing and doubles nothing: the process is "stopped" by a fault
 * thrown at a chosen point (after N documents), then restarted, and the final state is compared
 * with an uninterrupted run of the same changes.
 */
import { describe, expect, it } from 'vitest';
import type { Faults } from '../../../renderer/data/sync/engine';
import type { Replica } from './kit';
import { makeReplica, organizations, pouchState, rows, trustAll } from './kit';
// After the kit, which installs the IndexedDB stand-in before Dexie loads.
import { appliedDocs } from '../../../renderer/data/sync/engine';

const crash = () => new Error('process stopped');

/** Faults that fire once, at the given point, then let the restarted run go through. */
const faultsAt = (point: keyof Faults, n: number): Faults & { fired: boolean } => {
  const f = {
    fired: false,
    [point]: (i: number) => {
      if (!f.fired && i === n) {
        f.fired = true;
        throw crash();
      }
    },
  };
  return f as Faults & { fired: boolean };
};

/** What must match between runs: ids, revision generation (no doubled revision), content. */
const shape = async (r: Replica) =>
  (await pouchState(r)).map((d) => ({
    id: d.id,
    generation: Number(d.rev!.split('-')[0]),
    record: d.doc!.record,
    conflicts: d.conflicts.length,
  }));

/** Documents listed as applied by the audit (one entry per batch and table lists each). */
const auditApplied = async (r: Replica) =>
  (await r.db.audit.toArray())
    .filter((a) => a.action === 'sync.apply')
    .flatMap((a) => appliedDocs(a.detail)).length;

describe('crash safety', () => {
  it('mid-drain: resumes from its cursor and writes no revision twice', async () => {
    const records = organizations(10, 'BKO');
    const faults = faultsAt('afterPouchWrite', 1);
    const interrupted = await makeReplica('BKO', { batchSize: 3, faults });
    const straight = await makeReplica('BKO', { batchSize: 3 });
    for (const r of [interrupted, straight])
      for (const o of records) await r.write('organizations', o);
    await expect(interrupted.service.drain()).rejects.toThrow('process stopped');
    expect(faults.fired).toBe(true);
    // The second batch reached PouchDB but its cursor did not move: the restart sees it again.
    expect((await pouchState(interrupted)).length).toBe(6);
    await interrupted.service.drain();
    await straight.service.drain();
    expect(await shape(interrupted)).toEqual(await shape(straight));
    expect((await shape(interrupted)).every((d) => d.generation === 1)).toBe(true);
    expect(await interrupted.service.repo.pendingCount()).toBe(0);
  });

  it('mid-apply: the batch in flight rolls back whole and is applied once on restart', async () => {
    const source = await makeReplica('BKO');
    const faults = faultsAt('beforeApplyCommit', 5);
    const interrupted = await makeReplica('SEG', { batchSize: 3, faults });
    const straight = await makeReplica('SEG', { batchSize: 3 });
    await trustAll([source, interrupted, straight]);
    for (const o of organizations(10, 'BKO')) await source.write('organizations', o);
    const file = (await source.service.exportFile())!;
    // The first batch commits; the second stops after two records, before its commit.
    await expect(interrupted.service.importFile(file.bytes)).rejects.toThrow('process stopped');
    expect(await rows(interrupted, 'organizations')).toHaveLength(3);
    // Restart: sync again (the bundle is a replay now; the changes feed resumes from the cursor).
    await interrupted.service.syncNow();
    await straight.service.importFile(file.bytes);
    expect(await rows(interrupted, 'organizations')).toEqual(await rows(straight, 'organizations'));
    expect(await rows(interrupted, 'organizations')).toHaveLength(10);
    expect(await auditApplied(interrupted)).toBe(10);
    expect(await interrupted.service.repo.tables.revs.count()).toBe(10);
    expect(await shape(interrupted)).toEqual(await shape(straight));
  });

  it('mid-import: a bundle whose range was not recorded is applied again without effect', async () => {
    const source = await makeReplica('BKO');
    const target = await makeReplica('SEG');
    await trustAll([source, target]);
    for (const o of organizations(4, 'BKO')) await source.write('organizations', o);
    const file = (await source.service.exportFile())!;
    await target.service.importFile(file.bytes);
    const before = await pouchState(target);
    // As if the process stopped after bulkDocs and before the range was saved.
    await target.service.repo.tables.meta.delete(`ranges:${file.header.key}`);
    expect(await target.service.importFile(file.bytes)).toMatchObject({ status: 'applied' });
    expect(await pouchState(target)).toEqual(before);
    expect(await auditApplied(target)).toBe(4);
  });

  it('a local edit not yet drained is never overwritten by an older version from PouchDB', async () => {
    const r = await makeReplica('BKO');
    const [o] = organizations(1, 'BKO');
    await r.write('organizations', o!);
    await r.service.drain();
    // The applied revision was lost (crash), and the user edits again before the next run.
    await r.service.repo.tables.revs.clear();
    const edited = { ...o!, name: 'Nom corrigé', updatedAt: '2026-11-23T09:00:00.000Z' };
    await r.write('organizations', edited);
    await r.service.engine.apply();
    expect(await rows(r, 'organizations')).toEqual([edited]);
    await r.service.syncNow();
    expect(await rows(r, 'organizations')).toEqual([edited]);
    expect((await pouchState(r))[0]!.doc!.record).toMatchObject({ name: 'Nom corrigé' });
  });
});
