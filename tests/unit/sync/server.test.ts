/**
 * Two replicas syncing through the loopback CouchDB-protocol server and a third by bundles only
 * (through a relaying office) converge, with random concurrent edits, deletions and events.
 * SYNC_COUCHDB_URL runs the same against a real CouchDB (an admin URL; one database per run).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncServerOnce } from '../../../renderer/data/sync/server';
import type { Pouch } from '../../../renderer/data/sync/pouch';
import type { Op, World } from './convergence';
import { expectConverged, exportFrom, opArb, run } from './convergence';
import { MemPouch, makeReplica, rows, trustAll } from './kit';
import type { Loopback } from './loopback';
import { startLoopback } from './loopback';

let server: Loopback | undefined;
let base = process.env.SYNC_COUCHDB_URL ?? '';
beforeAll(async () => {
  if (!base) {
    server = await startLoopback();
    base = server.url;
  }
});
afterAll(async () => server?.stop());

let dbCount = 0;
const remote = (): Pouch =>
  new MemPouch(`${base}/passerelle-test-${Date.now()}-${++dbCount}`) as unknown as Pouch;

describe('convergence through a server and bundles', () => {
  it('a change reaches the other office through the server', async () => {
    const a = await makeReplica('BKO');
    const b = await makeReplica('SEG');
    await trustAll([a, b]);
    const db = remote();
    const org = await a.newOrganization('Association Jigiya');
    await a.service.drain();
    await syncServerOnce(a.pouch, db, a.service.applyPulled);
    await syncServerOnce(b.pouch, db, b.service.applyPulled);
    expect(await rows(b, 'organizations')).toEqual([org]);
  });

  it('two replicas by the server and a third by bundles end identical', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb(3, true), { minLength: 5, maxLength: 25 }),
        async (ops: Op[]) => {
          // 0 and 1: two desks of BKO on the server; 2: SEG, bundles only, exchanged with 0.
          const replicas = [
            await makeReplica('BKO'),
            await makeReplica('BKO'),
            await makeReplica('SEG'),
          ];
          await trustAll(replicas);
          await replicas[0]!.service.repo.saveSettings({ relay: true });
          const db = remote();
          const bko = [
            await replicas[0]!.newOrganization('A'),
            await replicas[0]!.newOrganization('B'),
          ];
          const seg = [await replicas[2]!.newOrganization('C')];
          const w: World = {
            replicas,
            owned: (i) => (i === 2 ? seg : bko),
            events: [],
            bundles: [],
            bundlePeers: (from, to) => (from === 2 && to === 0) || (from === 0 && to === 2),
            server: async (i) => {
              if (i === 2) return;
              const r = replicas[i]!;
              await r.service.drain();
              await syncServerOnce(r.pouch, db, r.service.applyPulled);
            },
          };
          await w.server!(0);
          await w.server!(1);
          for (const op of ops) await run(w, op);
          // Settle: server rounds and bundle rounds until nothing new moves.
          for (let round = 0; round < 3; round++) {
            await w.server!(0);
            await w.server!(1);
            await w.server!(0);
            await exportFrom(w, 0);
            await exportFrom(w, 2);
            for (const b of w.bundles) {
              if (b.from === 0) await replicas[2]!.service.importFile(b.bytes);
              if (b.from === 2) await replicas[0]!.service.importFile(b.bytes);
            }
          }
          await expectConverged(w);
        },
      ),
      { numRuns: 8 },
    );
  }, 240_000);

  it('sends this office’s credentials, and resumes after an outage', async () => {
    // One express-pouchdb per process (they share PouchDB's registry): the same server, guarded.
    const guarded = server;
    if (!guarded) return; // a real CouchDB manages its own accounts
    guarded.setUsers({ bko: 's3cret' });
    try {
      const a = await makeReplica('BKO');
      const b = await makeReplica('SEG');
      await trustAll([a, b]);
      const url = `${guarded.url}/passerelle-guarded-${Date.now()}`;
      const wrong = new MemPouch(url, {
        auth: { username: 'bko', password: 'nope' },
      }) as unknown as Pouch;
      await expect(a.pouch.replicate.to(wrong)).rejects.toMatchObject({ status: 401 });
      const db = new MemPouch(url, {
        auth: { username: 'bko', password: 's3cret' },
      }) as unknown as Pouch;
      await db.info();
      await a.newOrganization('Avant la panne');
      await a.service.drain();
      await syncServerOnce(a.pouch, db, a.service.applyPulled);
      guarded.setDown(true);
      const during = await a.newOrganization('Pendant la panne');
      await a.service.drain();
      await expect(a.pouch.replicate.to(db)).rejects.toBeTruthy();
      guarded.setDown(false);
      // Resumes from its checkpoint: only what is new goes.
      const before = guarded.requests();
      await syncServerOnce(a.pouch, db, a.service.applyPulled);
      expect(guarded.requests() - before).toBeLessThan(20);
      await syncServerOnce(b.pouch, db, b.service.applyPulled);
      expect((await rows(b, 'organizations')).map((o) => o.name).sort()).toEqual([
        'Avant la panne',
        during.name,
      ]);
    } finally {
      guarded.setUsers(undefined);
    }
  });

  it('refuses at apply a document a server passed on that its author did not sign', async () => {
    const a = await makeReplica('BKO');
    const b = await makeReplica('SEG');
    await trustAll([a, b]);
    const org = await a.newOrganization('Association Jigiya');
    await a.service.drain();
    const db = remote();
    await a.pouch.replicate.to(db);
    // Someone with write access to the server changes the document without the key.
    const stored = await db.get(`organizations:${org.office}:${org.id}`);
    const record = stored.record as Record<string, unknown>;
    await db.bulkDocs([{ ...stored, record: { ...record, name: 'Falsifié' } }]);
    await syncServerOnce(b.pouch, db, b.service.applyPulled);
    expect(await rows(b, 'organizations')).toEqual([]);
    const log = await b.service.repo.log();
    expect(log[0]).toMatchObject({
      kind: 'rejected',
      channel: 'server',
      reasons: [{ reason: 'badSignature' }],
    });
  });
});
