/**
 * The apply after a bundle import takes the documents the import checked whole from memory
 * (checkedDoc, renderer/data/sync/trust.ts) instead of checking them again: what it writes must
 * be exactly what the apply that checks every document again writes, on the same bundles.
 */
import { describe, expect, it, vi } from 'vitest';
import * as verify from '../../../shared/domain/sync/verify';
import { importBundle } from '../../../renderer/data/sync/bundles';
import type { Replica } from './kit';
import { makeReplica, rows, trustAll } from './kit';

// Counts the apply's own checks (the import's go through checkAll, inside the module).
vi.mock('../../../shared/domain/sync/verify', async (original) => {
  const m = await original<typeof verify>();
  return { ...m, checkDoc: vi.fn(m.checkDoc) };
});
const applyChecks = vi.mocked(verify.checkDoc);

const TABLES = ['organizations', 'testEvents', 'testCases', 'services'];

/** What an apply leaves in Dexie, without the times each replica's clock gave it. */
const applied = async (r: Replica) => {
  const revs = (await r.db.table('syncRevs').toArray()).map(
    ({ receivedAt: _, ...row }: Record<string, unknown>) => row,
  );
  const audit = (await r.db.audit.toArray())
    .filter((e) => e.action.startsWith('sync.'))
    .map((e) => ({ action: e.action, table: e.table, detail: e.detail }));
  const log = (await r.service.repo.log()).map(({ at: _, ...row }) => row);
  return {
    records: Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await rows(r, t)]))),
    revs: revs.sort((a, b) => (String(a.docId) < String(b.docId) ? -1 : 1)),
    conflicts: await r.db.table('syncConflicts').toArray(),
    audit,
    log,
  };
};

/** The apply as it was: the import notes nothing, every document is checked again. */
const importChecking = async (r: Replica, bytes: Uint8Array) => {
  const outcome = await importBundle(r.db, r.pouch, await r.service.trust(), bytes, {
    channel: 'file',
    now: r.now,
  });
  if (outcome.status === 'applied') {
    await r.service.engine.apply('file');
    await r.service.markInStep();
  }
  return outcome;
};

describe('the apply of an imported bundle from memory', () => {
  it('writes what checking every document again writes, round after round', async () => {
    const a = await makeReplica('BKO');
    const direct = await makeReplica('SEG');
    const checking = await makeReplica('SEG');
    await trustAll([a, direct, checking]);
    // A shelter of SEG's, known at BKO, and a case BKO refers to it (sealed to SEG).
    const org = await a.newOrganization('Association Jigiya');
    const { name: _, description: __, email: ___, website: ____, ...common } = org;
    const shelter = {
      ...common,
      id: crypto.randomUUID(),
      office: 'SEG',
      organizationId: crypto.randomUUID(),
      name: 'Refuge Sabati',
      category: 'shelter',
    };
    await a.db.table('services').put(shelter);
    await a.newOrganization('Clinique Bénkadi');
    await a.newEvent('places', 3);
    await a.newCase(shelter.id, 'Notes internes');
    const rounds: Uint8Array[] = [(await a.service.exportFile())!.bytes];
    // Then a new version of a record both already hold, and a new record.
    await a.write('organizations', { ...org, name: 'Association Jigiya (Ségou)' });
    await a.newEvent('places', -1);
    rounds.push((await a.service.exportFile())!.bytes);

    for (const bytes of rounds) {
      applyChecks.mockClear();
      expect(await direct.service.importFile(bytes)).toMatchObject({ status: 'applied' });
      // Every document came from memory: the apply checked none of them again.
      expect(applyChecks).not.toHaveBeenCalled();
      expect(await importChecking(checking, bytes)).toMatchObject({ status: 'applied' });
      expect(applyChecks).toHaveBeenCalled();
      expect(await applied(direct)).toEqual(await applied(checking));
    }
    const records = (await applied(direct)).records;
    expect(records.organizations.map((o: { name: string }) => o.name).sort()).toEqual([
      'Association Jigiya (Ségou)',
      'Clinique Bénkadi',
    ]);
    expect(records.testEvents).toHaveLength(2);
    expect(records.testCases).toMatchObject([{ caseDetails: { notes: 'Notes internes' } }]);
  });
});
