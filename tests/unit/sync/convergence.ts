/**
 * Random concurrent histories for the property tests: replicas edit, tombstone and record
 * events; bundles travel in any order, duplicated and delayed. The checks: identical documents
 * and conflicts everywhere, identical Dexie records, event folds equal to the fold of all events.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { exportBundle } from '../../../renderer/data/sync/bundles';
import type { Replica } from './kit';
import { pouchState, rows } from './kit';

export type Op =
  | { kind: 'edit'; replica: number; record: number; name: string }
  | { kind: 'delete'; replica: number; record: number }
  | { kind: 'event'; replica: number; key: string; delta: number }
  | { kind: 'export'; replica: number }
  | { kind: 'deliver'; bundle: number; replica: number }
  | { kind: 'server'; replica: number };

export const opArb = (replicas: number, withServer = false): fc.Arbitrary<Op> => {
  const replica = fc.nat({ max: replicas - 1 });
  const kinds: fc.Arbitrary<Op>[] = [
    fc.record({
      kind: fc.constant('edit' as const),
      replica,
      record: fc.nat({ max: 3 }),
      name: fc.constantFrom('Jigiya', 'Bénkadi', 'Sabati', 'Horizon'),
    }),
    fc.record({ kind: fc.constant('delete' as const), replica, record: fc.nat({ max: 3 }) }),
    fc.record({
      kind: fc.constant('event' as const),
      replica,
      key: fc.constantFrom('women', 'men', 'girls'),
      delta: fc.integer({ min: -3, max: 5 }),
    }),
    fc.record({ kind: fc.constant('export' as const), replica }),
    fc.record({ kind: fc.constant('deliver' as const), bundle: fc.nat({ max: 50 }), replica }),
  ];
  if (withServer) kinds.push(fc.record({ kind: fc.constant('server' as const), replica }));
  return fc.oneof(...kinds);
};

/** Records each replica may edit: those its office owns (two desks of BKO share theirs). */
export type World = {
  replicas: Replica[];
  owned: (replica: number) => Record<string, unknown>[];
  events: { key: string; delta: number }[];
  bundles: { from: number; bytes: Uint8Array }[];
  /** Which replicas exchange bundles, and which sync with the server. */
  bundlePeers: (from: number, to: number) => boolean;
  server?: (replica: number) => Promise<void>;
};

export const exportFrom = async (w: World, i: number) => {
  const r = w.replicas[i]!;
  await r.service.drain();
  const { relay } = await r.service.repo.settings();
  const out = await exportBundle(r.db, r.pouch, await r.service.trust(), {
    cursor: 'exportedSeq',
    relay,
  });
  if (out) {
    await out.commit();
    w.bundles.push({ from: i, bytes: out.bytes });
  }
};

export const run = async (w: World, op: Op) => {
  const r = w.replicas[op.kind === 'deliver' ? op.replica : op.replica]!;
  switch (op.kind) {
    case 'edit':
    case 'delete': {
      const list = w.owned(op.replica);
      const current = list[op.record % list.length]!;
      const fresh = (await r.db.table('organizations').get(current.id as string)) as
        Record<string, unknown> | undefined;
      if (!fresh) return; // not arrived at this desk yet
      const at = r.now();
      const next =
        op.kind === 'edit'
          ? { ...fresh, name: op.name, updatedAt: at }
          : { ...fresh, deletedAt: at, updatedAt: at };
      await r.write('organizations', next, op.kind === 'edit' ? 'put' : 'delete');
      return;
    }
    case 'event':
      await r.newEvent(op.key, op.delta);
      w.events.push({ key: op.key, delta: op.delta });
      return;
    case 'export':
      return exportFrom(w, op.replica);
    case 'deliver': {
      if (w.bundles.length === 0) return;
      const b = w.bundles[op.bundle % w.bundles.length]!;
      if (b.from === op.replica || !w.bundlePeers(b.from, op.replica)) return;
      await r.service.importFile(b.bytes);
      return;
    }
    case 'server':
      if (w.server) await w.server(op.replica);
      return;
  }
};

export const fold = (events: readonly { key: string; delta: number }[]) => {
  const out: Record<string, number> = {};
  for (const e of events) out[e.key] = (out[e.key] ?? 0) + e.delta;
  return out;
};

export const expectConverged = async (w: World) => {
  const states = await Promise.all(
    w.replicas.map(async (r) => ({
      // Audit heads are each installation's own bookkeeping: they trail the data by a round.
      docs: (await pouchState(r))
        .filter((d) => !d.id.startsWith('auditHeads:'))
        .map((d) => ({
          id: d.id,
          rev: d.rev,
          conflicts: d.conflicts,
          record: d.doc?.record,
        })),
      organizations: await rows(r, 'organizations'),
      events: await rows(r, 'testEvents'),
      conflicts: (await r.service.repo.conflicts())
        .map((c) => ({ docId: c.docId, revs: [...c.revs].sort() }))
        .sort((a, b) => (a.docId < b.docId ? -1 : 1)),
    })),
  );
  for (const s of states.slice(1)) {
    expect(s.docs).toEqual(states[0]!.docs);
    expect(s.organizations).toEqual(states[0]!.organizations);
    expect(s.conflicts).toEqual(states[0]!.conflicts);
  }
  for (const s of states)
    expect(fold(s.events as { key: string; delta: number }[])).toEqual(fold(w.events));
  return states[0]!;
};
