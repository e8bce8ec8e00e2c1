import { describe, expect, it } from 'vitest';
import { conflictVersions, resolveConflict } from '../../../renderer/data/sync/conflicts';
import { differingFields } from '../../../shared/domain/sync/diff';
import type { Replica } from './kit';
import { makeReplica, pouchState, rows, trustAll } from './kit';

const exchange = async (from: Replica, to: Replica) => {
  const file = await from.service.exportFile();
  if (file) await to.service.importFile(file.bytes);
};

describe('conflicts', () => {
  it('are kept and listed everywhere, compared field by field, resolved once by the owner', async () => {
    const desk1 = await makeReplica('BKO');
    const desk2 = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    await trustAll([desk1, desk2, seg]);
    const org = await desk1.newOrganization('Association Jigiya');
    await exchange(desk1, desk2);
    // Both desks edit the same record without seeing each other.
    await desk1.write('organizations', {
      ...org,
      name: 'Jigiya (bureau 1)',
      updatedAt: desk1.now(),
    });
    await desk2.write('organizations', {
      ...org,
      email: 'contact@jigiya.ml',
      updatedAt: desk2.now(),
    });
    for (const [a, b] of [
      [desk1, desk2],
      [desk2, desk1],
      [desk1, seg],
      [desk2, seg],
    ] as const)
      await exchange(a, b);
    for (const r of [desk1, desk2, seg]) expect(await r.service.repo.conflicts()).toHaveLength(1);
    const docId = `organizations:${org.office}:${org.id}`;
    const versions = await conflictVersions(desk1.service, docId);
    expect(versions).toHaveLength(2);
    expect(differingFields(versions.map((v) => v.record))).toEqual(['email', 'name', 'updatedAt']);

    // Another office sees the conflict and may not resolve it.
    expect(await resolveConflict(seg.service, docId, versions[1]!.rev)).toEqual({
      ok: false,
      reason: 'notOwner',
      owner: 'BKO',
    });
    const keep = versions.find((v) => v.record?.email === 'contact@jigiya.ml')!;
    expect(await resolveConflict(desk1.service, docId, keep.rev)).toEqual({ ok: true });
    for (const [a, b] of [
      [desk1, desk2],
      [desk1, seg],
    ] as const)
      await exchange(a, b);
    for (const r of [desk1, desk2, seg]) {
      expect(await r.service.repo.conflicts()).toEqual([]);
      expect((await rows(r, 'organizations'))[0]).toMatchObject({
        email: 'contact@jigiya.ml',
        name: 'Association Jigiya',
      });
    }
    expect((await pouchState(seg)).map((d) => d.conflicts)).toEqual([[]]);
    expect(await resolveConflict(desk1.service, docId, keep.rev)).toEqual({
      ok: false,
      reason: 'gone',
    });
  });
});
