/**
 * Publishing this installation's audit head, and keeping the heads seen of others (issue 13,
 * hole 6; the rules are in shared/domain/audit/heads.ts). The head travels as a replicated
 * record (`auditHeads`), so it rides in every bundle and every server push that follows a
 * change of the trail, signed and versioned like any document.
 */
import type { AuditHead, SeenHead } from '@shared/domain/audit/heads';
import { compareHeads } from '@shared/domain/audit/heads';
import { GENESIS } from '@shared/domain/audit/chain';
import { canonicalJson } from '@shared/domain/sync/codec';
import type { PasserelleDb } from '../db';
import type { SyncTables } from '../repositories/sync';

export const AUDIT_HEADS = 'auditHeads';
const SEEN = 'auditSeen:';
const ALERT = 'auditAlert:';
const BUNDLE = 'auditBundle:';

export type HeadAlert = { office: string; kind: 'rewritten' | 'truncated'; seq: number };

export const headsTable = (db: PasserelleDb) => db.table<AuditHead, string>(AUDIT_HEADS);

/** The highest head seen of each other installation. */
export const seenHeads = async (t: SyncTables): Promise<SeenHead[]> =>
  (await t.meta.where('key').startsWith(SEEN).toArray())
    .map((m) => m.value as SeenHead)
    .sort((a, b) => (a.key < b.key ? -1 : 1));

export const headAlerts = async (t: SyncTables): Promise<HeadAlert[]> =>
  (await t.meta.where('key').startsWith(ALERT).toArray()).map((m) => m.value as HeadAlert);

/**
 * Puts this installation's head (and what it has seen) in the outbox when either changed since
 * it was last published. Its own transaction, before the drain reads the outbox; it writes no
 * audit entry, so publishing never moves the head it publishes.
 */
export const publishHead = async (
  db: PasserelleDb,
  t: SyncTables,
  self: { office: string; keyId: string },
  now: string,
): Promise<void> => {
  const heads = headsTable(db);
  await db.transaction('rw', [db.audit, heads, db.changes, t.meta], async () => {
    const head = await currentHead(db);
    const seen = await seenHeads(t);
    const current = await heads.get(self.keyId);
    if (
      current &&
      current.seq === head.seq &&
      current.hash === head.hash &&
      canonicalJson(current.seen) === canonicalJson(seen)
    )
      return;
    await heads.put({ id: self.keyId, office: self.office, ...head, seen, updatedAt: now });
    await db.changes.add({
      table: AUDIT_HEADS,
      recordId: self.keyId,
      op: 'put',
      at: now,
      office: self.office,
    });
  });
};

/** This installation's audit head now: its last entry's sequence and hash. */
export const currentHead = async (db: PasserelleDb): Promise<{ seq: number; hash: string }> => {
  const last = await db.audit.orderBy(':id').last();
  return last?.seq !== undefined && last.hash
    ? { seq: last.seq, hash: last.hash }
    : { seq: 0, hash: GENESIS };
};

/**
 * The audit head a verified bundle's header carries (its writer's, signed with the bundle).
 * Kept per writer key with the bundle's range end; compared with the head of the writer's
 * bundle before or after it in range order: a head that went back is a truncation, another
 * hash at the same sequence a rewrite, both kept as alerts that verify reports (as a
 * partner's `peerTruncated` / `peerRewritten`). Separate from the heads published as records,
 * which are older than the bundle that carries them.
 */
export const noteBundleHead = async (
  t: SyncTables,
  header: { key: string; office: string; to: number; audit?: { seq: number; hash: string } },
): Promise<void> => {
  const { audit } = header;
  if (!audit) return;
  const before = (await t.meta.get(BUNDLE + header.key))?.value as
    { to: number; seq: number; hash: string } | undefined;
  const newer = !before || header.to >= before.to;
  if (before) {
    const [earlier, later] = newer ? [before, audit] : [audit, before];
    const verdict = compareHeads(earlier, later);
    if (verdict !== 'forward')
      await t.meta.put({
        key: `${ALERT}${header.key}:bundle`,
        value: { office: header.office, kind: verdict, seq: earlier.seq } satisfies HeadAlert,
      });
  }
  if (newer) await t.meta.put({ key: BUNDLE + header.key, value: { to: header.to, ...audit } });
};

/**
 * In the apply transaction: heads of other installations just applied raise the highest seen,
 * and a head that went back or changed at the same seq is kept as an alert for verify.
 */
export const noteHeads = async (t: SyncTables, applied: readonly AuditHead[]): Promise<void> => {
  for (const h of applied) {
    const before = (await t.meta.get(SEEN + h.id))?.value as SeenHead | undefined;
    const verdict = compareHeads(before, h);
    if (verdict === 'forward')
      await t.meta.put({
        key: SEEN + h.id,
        value: { key: h.id, office: h.office, seq: h.seq, hash: h.hash } satisfies SeenHead,
      });
    else
      await t.meta.put({
        key: ALERT + h.id,
        value: { office: h.office, kind: verdict, seq: before!.seq } satisfies HeadAlert,
      });
  }
};
