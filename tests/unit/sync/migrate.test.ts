/**
 * Documents written before the owner was part of the id (`<table>:<record id>`) are moved by
 * their owner's next sync to `<table>:<office>:<record id>`, the old one closed by a signed
 * deletion; partners holding the old one follow without a duplicate, and a replay of the old
 * document after the move is refused as older.
 */
import { describe, expect, it } from 'vitest';
import { exportBundle } from '../../../renderer/data/sync/bundles';
import { signDoc } from '../../../renderer/data/sync/docs';
import type { PouchDoc } from '../../../renderer/data/sync/pouch';
import { setMeta } from '../../../renderer/data/repositories/sync';
import { makeReplica, pouchState, rows, trustAll } from './kit';
import { asChildOf, bundleOf, refusals, withHistory } from '../attacks/hostile';

describe('legacy document ids', () => {
  it('are moved to ids naming the owner, once, and partners follow', async () => {
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    await trustAll([bko, seg]);
    const org = await bko.newOrganization('Association Jigiya');
    // As the previous version drained it: the legacy id, no signed version.
    const legacyId = `organizations:${org.id}`;
    const legacy = await signDoc(await bko.service.context(), {
      _id: legacyId,
      t: 'organizations',
      owner: 'BKO',
      record: org,
    });
    await bko.pouch.bulkDocs([legacy as unknown as PouchDoc]);
    await setMeta(bko.service.repo.tables, 'drainedSeq', await bko.db.changes.count());
    // A bundle the previous version wrote (exportFile would drain, and so move it, first).
    const before = await exportBundle(bko.db, bko.pouch, await bko.service.trust(), {
      cursor: 'handExportedSeq',
    });
    await before!.commit();
    await seg.service.importFile(before!.bytes);
    expect(await rows(seg, 'organizations')).toEqual([org]);
    const old = await withHistory(seg, legacyId);

    await bko.service.drain();
    const state = await pouchState(bko);
    const deleted = new Map(state.map((d) => [d.id, Boolean(d.doc?._deleted)]));
    expect(deleted).toEqual(
      new Map([
        [legacyId, true],
        [`organizations:BKO:${org.id}`, false],
      ]),
    );
    const moved = state.find((d) => d.id === `organizations:BKO:${org.id}`);
    expect(moved?.doc).toMatchObject({ v: { n: 1, prev: legacy.sig } });
    // Once only: nothing more to move.
    expect((await bko.service.drain()).written).toBe(0);

    await seg.service.importFile((await bko.service.exportFile())!.bytes);
    expect(await rows(seg, 'organizations')).toEqual([org]);
    const renamed = { ...org, name: 'Association Jigiya (Ségou)', updatedAt: bko.now() };
    await bko.write('organizations', renamed);
    await seg.service.importFile((await bko.service.exportFile())!.bytes);
    expect(await rows(seg, 'organizations')).toEqual([renamed]);

    // The old document replayed on top of its deletion: older than what SEG holds.
    const kys = await makeReplica('KYS');
    await trustAll([bko, seg, kys]);
    const closedRev = (await seg.pouch.allDocs({ keys: [legacyId] })).rows[0]!.value!.rev;
    const closed = await withHistory(seg, legacyId, closedRev);
    await seg.service.importFile(
      await bundleOf(kys, [asChildOf({ ...old, _deleted: undefined }, closed, 'old')]),
    );
    expect(await rows(seg, 'organizations')).toEqual([renamed]);
    expect(await refusals(seg)).toContain('rollback');
  });
});
