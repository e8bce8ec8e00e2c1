/**
 * Conflicts PouchDB kept: every version of a conflicted document, opened and checked, and the
 * resolution a person picks. The chosen content becomes a new revision on the winning branch,
 * the other branches are closed by signed deletion stubs: the resolution replicates like any
 * change, and every replica ends with the same single version.
 */
import { docId as docId_, ownerOf, parseDocId } from '@shared/domain/sync/registry';
import { nextVersion } from '@shared/domain/sync/version';
import { checkDoc } from '@shared/domain/sync/verify';
import type { Author } from '@shared/domain/sync/doc';
import type { SyncService } from './service';
import { buildDoc, openDoc, signDoc } from './docs';
import type { PouchDoc } from './pouch';

export type ConflictVersion = {
  rev: string;
  author: Author | undefined;
  at: string | undefined;
  record: Record<string, unknown> | undefined;
};

export const conflictVersions = async (service: SyncService, docId: string) => {
  const { pouch } = service;
  const winner = await pouch.get(docId, { conflicts: true });
  const revs = [winner._rev, ...(winner._conflicts ?? [])];
  const ctx = await service.context();
  const versions: ConflictVersion[] = [];
  for (const rev of revs) {
    const raw = rev === winner._rev ? winner : await pouch.get(docId, { rev });
    const check = await checkDoc(raw, ctx.trust);
    versions.push({
      rev,
      author: check.ok ? check.doc.author : undefined,
      at: check.ok ? check.doc.at : undefined,
      record: check.ok ? await openDoc(ctx, check.doc) : undefined,
    });
  }
  return versions;
};

export type ResolveOutcome =
  { ok: true } | { ok: false; reason: 'notOwner' | 'gone'; owner?: string };

export const resolveConflict = (service: SyncService, docId: string, keepRev: string) =>
  service.serial(async (): Promise<ResolveOutcome> => {
    const { pouch } = service;
    const ctx = await service.context();
    const winner = await pouch.get(docId, { conflicts: true });
    const losers = [winner._rev, ...(winner._conflicts ?? [])].filter((r) => r !== winner._rev);
    if (losers.length === 0) return { ok: false, reason: 'gone' };
    const ref = parseDocId(docId);
    const spec = ref && service.registry.get(ref.table);
    const kept = await pouch.get(docId, { rev: keepRev });
    const check = await checkDoc(kept, ctx.trust);
    const record = check.ok ? await openDoc(ctx, check.doc) : undefined;
    if (!spec || !record) return { ok: false, reason: 'gone' };
    const owner = ownerOf(spec, record);
    if (owner !== ctx.trust.self.office) return { ok: false, reason: 'notOwner', owner };
    const branches = await Promise.all(
      [winner._rev, ...losers].map((rev) =>
        rev === winner._rev ? winner : pouch.get(docId, { rev }),
      ),
    );
    // The resolution outnumbers every branch, so no replica takes it for an older version.
    const top = Math.max(...branches.map((b) => nextVersion(b).n));
    // A conflict under a legacy id is resolved under the id that names the owner, and every
    // legacy branch is closed (renderer/data/sync/migrate.ts).
    const legacy = ref.owner === undefined;
    const moved = legacy
      ? await pouch.get(docId_(spec.table, owner, ref.recordId)).catch(() => undefined)
      : undefined;
    const next = await buildDoc(
      ctx,
      spec,
      { ...record, updatedAt: ctx.now() },
      { n: Math.max(top, moved ? nextVersion(moved).n : 0), prev: String(winner.sig) },
      legacy ? moved?._rev : winner._rev,
    );
    const stubs = await Promise.all(
      branches
        .filter((b) => legacy || b._rev !== winner._rev)
        .map((b) =>
          signDoc(
            ctx,
            { _id: docId, t: spec.table, owner, _deleted: true, v: nextVersion(b) },
            b._rev,
          ),
        ),
    );
    const results = await pouch.bulkDocs([next, ...stubs] as PouchDoc[]);
    const failed = results.find((r) => r.error);
    if (failed) throw new Error(`resolve: ${String(failed.error)}`);
    await service.engine.apply();
    return { ok: true };
  });
