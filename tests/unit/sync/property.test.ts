/**
 * Property: three replicas (two desks of one office, and another office) making random
 * concurrent edits, deletions and events, with bundles delivered in any order, duplicated and
 * delayed, end with identical documents, identical conflicts, and event folds equal to the fold
 * of all events.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { Op, World } from './convergence';
import { expectConverged, exportFrom, opArb, run } from './convergence';
import { makeReplica, trustAll } from './kit';

describe('convergence by bundles', () => {
  it('three replicas converge whatever the delivery order', async () => {
    let sawConflict = false;
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb(3), { minLength: 5, maxLength: 30 }),
        fc.array(fc.nat({ max: 1000 }), { minLength: 20, maxLength: 20 }),
        async (ops: Op[], order: number[]) => {
          const replicas = [
            await makeReplica('BKO'),
            await makeReplica('BKO'),
            await makeReplica('SEG'),
          ];
          await trustAll(replicas);
          const bko = [
            await replicas[0]!.newOrganization('A'),
            await replicas[0]!.newOrganization('B'),
          ];
          const seg = [
            await replicas[2]!.newOrganization('C'),
            await replicas[2]!.newOrganization('D'),
          ];
          const w: World = {
            replicas,
            owned: (i) => (i === 2 ? seg : bko),
            events: [],
            bundles: [],
            bundlePeers: () => true,
          };
          // Everyone starts from the same directory.
          for (const i of [0, 2]) await exportFrom(w, i);
          for (const b of [...w.bundles])
            for (const [i, r] of replicas.entries())
              if (i !== b.from) await r.service.importFile(b.bytes);
          for (const op of ops) await run(w, op);
          // Final delivery: every replica exports, then every bundle (old ones too, so some
          // twice) reaches every replica, in a shuffled order.
          for (const i of [0, 1, 2]) await exportFrom(w, i);
          const deliveries = w.bundles.flatMap((b, bi) => [0, 1, 2].map((to) => ({ bi, to })));
          deliveries.sort(
            (x, y) =>
              order[(x.bi * 3 + x.to) % order.length]! - order[(y.bi * 3 + y.to) % order.length]! ||
              x.bi - y.bi ||
              x.to - y.to,
          );
          for (const d of deliveries) {
            const b = w.bundles[d.bi]!;
            if (b.from !== d.to) await replicas[d.to]!.service.importFile(b.bytes);
          }
          const state = await expectConverged(w);
          if (state.conflicts.length) sawConflict = true;
        },
      ),
      { numRuns: 25 },
    );
    // The generator must actually produce concurrent edits of one record at two desks.
    if (!sawConflict) throw new Error('no run produced a conflict');
  }, 240_000);
});
