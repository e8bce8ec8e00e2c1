/**
 * The signed documents the drain writes for records this office owns: a new version on top of
 * the current one (numbered and chained, shared/domain/sync/version.ts), and, for a record
 * still under its legacy id (`<table>:<record id>`), the move to the id that names its owner
 * with the old document closed by a signed deletion.
 */
import type { SyncDoc } from '@shared/domain/sync/doc';
import type { ReplicatedTable } from '@shared/domain/sync/registry';
import { docId, legacyDocId, ownerOf } from '@shared/domain/sync/registry';
import { nextVersion } from '@shared/domain/sync/version';
import type { DocContext } from './docs';
import { buildDoc, openDoc, sameRecord, signDoc } from './docs';
import type { Pouch, StoredDoc } from './pouch';
import { handoverKey, signHandover } from './handovers';

export type Owned = { spec: ReplicatedTable; record: Record<string, unknown> };

export const outgoingDocs = async (
  ctx: DocContext,
  pouch: Pouch,
  owned: readonly Owned[],
): Promise<SyncDoc[]> => {
  const ids = owned.map(({ spec, record }) => ({
    id: docId(spec.table, ownerOf(spec, record), String(record.id)),
    legacy: legacyDocId(spec.table, String(record.id)),
  }));
  const keys = ids.flatMap((i) => [i.id, i.legacy]);
  const rows = keys.length ? (await pouch.allDocs({ keys, include_docs: true })).rows : [];
  const current = new Map<string, StoredDoc>();
  for (const r of rows) if (r.doc) current.set(r.key, r.doc);
  const handovers = (await ctx.handovers?.()) ?? { out: new Map(), in: new Map() };
  const self = ctx.trust.self;
  const built = await Promise.all(
    owned.map(async ({ spec, record }, i): Promise<SyncDoc[]> => {
      const existing = current.get(ids[i]!.id);
      const legacy = current.get(ids[i]!.legacy);
      const live = legacy && !legacy._deleted ? (legacy as unknown as SyncDoc) : undefined;
      const out: SyncDoc[] = [];
      const key = handoverKey(spec.table, String(record.id));
      // Handing it over: the next version carries the act. Handed to us: every version does.
      const giving = handovers.out.get(key);
      const held = existing && !existing._deleted ? (existing as unknown as SyncDoc) : undefined;
      const received =
        held?.handover?.act.to === self.office ? held.handover : handovers.in.get(key);
      const carried = received?.act.to === self.office ? received : undefined;
      // Our own store: checked when it came in, so compared without checking again.
      const unchanged =
        existing !== undefined &&
        !existing._deleted &&
        (spec.immutable ||
          sameRecord(await openDoc(ctx, existing as unknown as SyncDoc), record)) &&
        // A document written before its restricted part was sealed (a shelter's place in
        // clear) is written again, sealed (issue 13, hole 9).
        !spec.restricted?.shows((existing as unknown as SyncDoc).record ?? {}) &&
        (!giving ||
          (held?.handover?.act.to === giving.to && held?.handover?.act.at === giving.at)) &&
        (!carried || held?.handover?.sig === carried.sig);
      if (!unchanged) {
        const base = existing && !existing._deleted ? existing : live;
        const v = nextVersion(base);
        const handover = giving
          ? await signHandover(
              {
                table: spec.table,
                recordId: String(record.id),
                from: self.office,
                to: giving.to,
                n: v.n,
                at: giving.at,
                key: self.keys.keyId,
              },
              self.keys.signPrivate,
            )
          : carried;
        out.push(await buildDoc(ctx, spec, record, v, existing?._rev, handover));
      }
      if (live)
        out.push(
          await signDoc(
            ctx,
            {
              _id: live._id,
              t: spec.table,
              owner: live.owner,
              _deleted: true,
              v: nextVersion(live),
            },
            live._rev,
          ),
        );
      return out;
    }),
  );
  return built.flat();
};
