/**
 * Attack (issue 13, hole 3): `_rev` is not signed, so a relaying partner or the server operator
 * puts an old signed version back on top of the revision tree under a higher `_rev`, hoping
 * replicas roll the record back silently. The signed version number says it is older.
 */
import { describe, expect, it } from 'vitest';
import { syncServerOnce } from '../../../renderer/data/sync/server';
import type { Pouch } from '../../../renderer/data/sync/pouch';
import { MemPouch, makeReplica, rows, trustAll } from '../sync/kit';
import type { Replica } from '../sync/kit';
import { asChildOf, bundleOf, forge, refusals, withHistory } from './hostile';

/** BKO writes an organisation twice; KYS holds the second version. Returns the first. */
const twoVersions = async (bko: Replica, kys: Replica) => {
  const org = await bko.newOrganization('Association Jigiya');
  await bko.service.drain();
  const id = `organizations:BKO:${org.id}`;
  const first = await withHistory(bko, id);
  const renamed = { ...org, name: 'Association Jigiya (Ségou)', updatedAt: bko.now() };
  await bko.write('organizations', renamed);
  await kys.service.importFile((await bko.service.exportFile())!.bytes);
  expect(await rows(kys, 'organizations')).toEqual([renamed]);
  return { id, first, renamed };
};

describe('replaying an old signed version under a higher revision', () => {
  it('relayed in a partner’s bundle: refused, the newer version stays', async () => {
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    const kys = await makeReplica('KYS');
    await trustAll([bko, seg, kys]);
    const { id, first, renamed } = await twoVersions(bko, kys);
    const current = await withHistory(kys, id);
    const replay = asChildOf(first, current, 'replay');
    await kys.service.importFile(await bundleOf(seg, [replay]));
    // PouchDB took it as the winner (it is a child of the current revision)…
    expect((await kys.pouch.get(id))._rev).toBe(replay._rev);
    // …and the app refused it: the record keeps its newer version.
    expect(await rows(kys, 'organizations')).toEqual([renamed]);
    expect(await refusals(kys)).toContain('rollback');
  });

  it('by the server operator: refused at apply after a pull', async () => {
    const bko = await makeReplica('BKO');
    const kys = await makeReplica('KYS');
    await trustAll([bko, kys]);
    const { id, first, renamed } = await twoVersions(bko, kys);
    const server = new MemPouch(`server-${Math.random()}`, {
      adapter: 'memory',
    }) as unknown as Pouch;
    await bko.pouch.replicate.to(server);
    const onServer = await withHistory({ pouch: server } as Replica, id);
    await server.bulkDocs([asChildOf(first, onServer, 'server')], { new_edits: false });
    await syncServerOnce(kys.pouch, server, kys.service.applyPulled);
    expect(await rows(kys, 'organizations')).toEqual([renamed]);
    expect(await refusals(kys)).toContain('rollback');
  });

  it('a competing version with the same number and no declared conflict: refused', async () => {
    const bko = await makeReplica('BKO');
    const kys = await makeReplica('KYS');
    await trustAll([bko, kys]);
    const { id, renamed } = await twoVersions(bko, kys);
    const current = await withHistory(kys, id);
    // Signed by the owner's key (a stolen or old desk), numbered like the version held.
    const fork = await forge(bko, {
      _id: id,
      t: 'organizations',
      owner: 'BKO',
      v: { n: 2, prev: 'x' },
      record: { ...renamed, name: 'Version concurrente' },
    });
    await kys.service.importFile(await bundleOf(bko, [asChildOf(fork, current, 'fork')]));
    expect(await rows(kys, 'organizations')).toEqual([renamed]);
    expect(await refusals(kys)).toContain('forked');
  });

  it('the owner’s next real version still applies after a refused replay', async () => {
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    const kys = await makeReplica('KYS');
    await trustAll([bko, seg, kys]);
    const { id, first, renamed } = await twoVersions(bko, kys);
    // The replay's revision id sorts last, so PouchDB keeps it as the winner of the conflict
    // it forms with the owner's next version: the app must look past it.
    await kys.service.importFile(
      await bundleOf(seg, [asChildOf(first, await withHistory(kys, id), 'f'.repeat(32))]),
    );
    const third = { ...renamed, name: 'Association Jigiya (Mopti)', updatedAt: bko.now() };
    await bko.write('organizations', third);
    await kys.service.importFile((await bko.service.exportFile())!.bytes);
    expect(await rows(kys, 'organizations')).toEqual([third]);
  });
});

describe('replaying a whole batch of old versions (read by span, issue 15)', () => {
  it('every replayed record is refused; the records keep their newer versions', async () => {
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    const kys = await makeReplica('KYS');
    await trustAll([bko, seg, kys]);
    const stamp = { office: 'BKO', createdAt: bko.now(), deletedAt: null, demo: false };
    const orgs = Array.from({ length: 150 }, (_, i) => ({
      ...stamp,
      id: crypto.randomUUID(),
      updatedAt: bko.now(),
      name: `Association ${i}`,
      description: '',
      email: '',
      website: '',
    }));
    await bko.writeAll('organizations', orgs);
    await bko.service.drain();
    const ids = orgs.map((o) => `organizations:BKO:${o.id}`);
    const firsts = await Promise.all(ids.map((id) => withHistory(bko, id)));
    const renamed = orgs.map((o) => ({ ...o, name: `${o.name} (Ségou)`, updatedAt: bko.now() }));
    await bko.writeAll('organizations', renamed);
    await kys.service.importFile((await bko.service.exportFile())!.bytes);
    const held = await rows(kys, 'organizations');
    expect(held).toHaveLength(150);
    const replays = await Promise.all(
      firsts.map(async (first, i) => asChildOf(first, await withHistory(kys, ids[i]!), 'replay')),
    );
    await kys.service.importFile(await bundleOf(seg, replays));
    expect(await rows(kys, 'organizations')).toEqual(held);
    // Each log row lists up to 100 reasons and counts them all.
    const refused = (await kys.service.repo.log(500)).filter((l) => l.kind === 'rejected');
    expect(refused.reduce((n, l) => n + l.count, 0)).toBe(150);
    expect(new Set(await refusals(kys))).toEqual(new Set(['rollback']));
  });
});
