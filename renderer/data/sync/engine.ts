/**
 * The two halves of replication on this machine (DESIGN §2):
 * - drain: the change log (outbox) → signed documents in the local PouchDB, with a durable
 *   cursor. Re-running after a crash writes nothing twice: a document whose content is already
 *   in PouchDB is skipped, so no spurious revision is made.
 * - apply: PouchDB's changes feed (documents from other offices) → Dexie, each batch in one
 *   Dexie transaction with its cursor, idempotent by id and revision.
 */
import type { Registry } from '@shared/domain/sync/registry';
import { ownerOf, recordKey } from '@shared/domain/sync/registry';
import { checkDoc } from '@shared/domain/sync/verify';
import type { RejectReason } from '@shared/domain/sync/verify';
import type { SyncDoc } from '@shared/domain/sync/doc';
import { isFromFuture } from '@shared/domain/sync/doc';
import type { PasserelleDb } from '../db';
import { changedIds } from '../changes';
import { appendAudit } from '../journal';
import type { LogChannel, RevRow, SyncTables } from '../repositories/sync';
import { getMeta, setMeta, syncTables } from '../repositories/sync';
import type { ChangesResponse, Pouch, PouchDoc } from './pouch';
import type { CheckedRevisions } from './trust';
import { checkedDoc, noteChecked } from './trust';
import type { AtRestHooks } from './atRest';
import type { DocContext } from './docs';
import { openDoc } from './docs';
import type { Owned } from './outgoing';
import { outgoingDocs } from './outgoing';
import { migrateLegacyIds } from './migrate';
import { AUDIT_HEADS, noteHeads, publishHead } from './heads';
import type { AuditHead } from '@shared/domain/audit/heads';
import { candidateOf, gateVersions, heldRow, newestBranch } from './gate';
import { versionOf } from '@shared/domain/sync/version';
import { SLICE, slicedTurns, yieldToMain } from './yield';
import { bulkGetSliced, bulkPutSliced } from './chunks';
import { HANDOVER_IN, HANDOVER_OUT, handoverKey } from './handovers';

/** Test hooks: throw from them to simulate the process stopping at that point. */
export type Faults = {
  afterPouchWrite?: (batch: number) => void;
  beforeApplyCommit?: (appliedSoFar: number) => void;
};

export type EngineDeps = {
  db: PasserelleDb;
  pouch: Pouch;
  registry: Registry;
  context: () => Promise<DocContext>;
  batchSize?: number;
  faults?: Faults;
  /** Revisions whose signatures were checked in this session (shared with bundle import). */
  checked?: CheckedRevisions;
  atRest?: AtRestHooks;
};

const groupBy = <T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> => {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
};

/**
 * The next `limit` changes after `since` with their documents, read a slice at a time: one read
 * of a whole batch decoded thousands of documents in one task.
 */
const readChanges = async (
  pouch: Pouch,
  since: number | string,
  limit: number,
): Promise<ChangesResponse> => {
  const results: ChangesResponse['results'] = [];
  let last = since;
  while (results.length < limit) {
    const page = await pouch.changes({
      since: last,
      limit: Math.min(SLICE, limit - results.length),
      include_docs: true,
      conflicts: true,
    });
    if (page.results.length === 0) break;
    for (const r of page.results) results.push(r);
    last = page.last_seq;
  }
  return { results, last_seq: last };
};

/** `locked`: changes of sealed tables wait for the data key (see AtRestHooks). */
export type DrainResult = { written: number; notOwned: number; locked: boolean };
export type ApplyResult = {
  applied: number;
  notParty: number;
  rejected: { docId: string; reason: RejectReason }[];
  locked: boolean;
};

/**
 * The audit of one applied batch: one chained entry per table, listing every document applied
 * (author office, document id, revision and signed version), one per line. One entry per
 * document made the audit the largest write of an apply; refused documents keep their own
 * log rows (`t.log`, kind 'rejected').
 */
export const appliedAudit = (
  fresh: readonly { table: string; docId: string; rev: string; doc: SyncDoc }[],
  at: string,
) =>
  [...groupBy(fresh, (r) => r.table)].map(([table, list]) => ({
    at,
    actor: 'sync',
    action: 'sync.apply',
    table,
    recordId: '*',
    detail: list
      .map((r) => `${r.doc.author.office} ${r.docId} ${r.rev} ${versionOf(r.doc)}`)
      .join('\n'),
  }));

/** Parses `appliedAudit`'s detail back: one line per applied document. */
export const appliedDocs = (detail: string | undefined) =>
  (detail ?? '')
    .split('\n')
    .filter((l) => l)
    .map((l) => {
      const [office = '', docId = '', rev = '', n = ''] = l.split(' ');
      return { office, docId, rev, n: Number(n) };
    });

export const createEngine = (deps: EngineDeps) => {
  const { db, pouch, registry, atRest } = deps;
  const t: SyncTables = syncTables(db);
  const batch = deps.batchSize ?? 500;
  const sealedAtRest = (table: string) => atRest?.tables.has(table) ?? false;
  const waitsForKey = (table: string) => sealedAtRest(table) && !atRest!.ready();

  const drain = async (): Promise<DrainResult> => {
    const ctx = await deps.context();
    const out: DrainResult = { written: 0, notOwned: 0, locked: false };
    await migrateLegacyIds(db, t, pouch, registry, ctx.trust.self.office);
    if (registry.has(AUDIT_HEADS))
      await publishHead(
        db,
        t,
        { office: ctx.trust.self.office, keyId: ctx.trust.self.keys.keyId },
        ctx.now(),
      );
    for (let round = 0; ; round++) {
      const cursor = await getMeta(t, 'drainedSeq', 0);
      const rows = await db.changes.where('seq').above(cursor).limit(batch).toArray();
      if (rows.length === 0) return out;
      // A bulk write's row names many records: as many rows as make `batch` records, one at least.
      let records = 0;
      const over = rows.findIndex((e) => (records += changedIds(e).length) > batch);
      const read = over < 0 ? rows : rows.slice(0, Math.max(1, over));
      // Stop before the first change the locked key cannot open: it and what follows wait.
      const cut = read.findIndex((e) => registry.has(e.table) && waitsForKey(e.table));
      const entries = cut >= 0 ? read.slice(0, cut) : read;
      if (entries.length === 0) return { ...out, locked: true };
      const lastSeq = entries[entries.length - 1]!.seq!;
      const wanted = new Map<string, { table: string; recordId: string }>();
      for (const e of entries)
        if (registry.has(e.table))
          for (const recordId of changedIds(e))
            wanted.set(recordKey(e.table, recordId), { table: e.table, recordId });
      // Records read in one go per table; documents signed concurrently (WebCrypto works off
      // the main thread).
      const owned: Owned[] = [];
      for (const [table, list] of groupBy([...wanted.values()], (w) => w.table)) {
        const spec = registry.get(table)!;
        const rows = await db.table(table).bulkGet(list.map((w) => w.recordId));
        // Sealed at rest: opened here, outside any transaction, to be sealed to the parties.
        const opened = sealedAtRest(table)
          ? await Promise.all(
              rows.map((r) =>
                r ? atRest!.open(table, r as Record<string, unknown>) : Promise.resolve(r),
              ),
            )
          : rows;
        for (const row of opened) {
          const parsed = spec.schema.safeParse(row);
          if (!parsed.success) continue; // removed since (demo) or unreadable: nothing to send
          // Only the owner writes a record; a local edit of another office's record stays here.
          if (ownerOf(spec, parsed.data) !== ctx.trust.self.office) out.notOwned++;
          else owned.push({ spec, record: parsed.data });
        }
      }
      const bodies = (await outgoingDocs(ctx, pouch, owned)) as PouchDoc[];
      const results = bodies.length ? await pouch.bulkDocs(bodies) : [];
      const failed = results.find((r) => r.error);
      // A document changed under us (an import ran): the next run starts from the same cursor.
      if (failed) throw new Error(`drain: ${failed.id} ${String(failed.error)}`);
      // Signed here: its signature needs no check when the apply reads it back (its other
      // checks still run there).
      results.forEach((r, i) =>
        noteChecked(deps.checked, bodies[i] as unknown as SyncDoc, r.rev!, false),
      );
      deps.faults?.afterPouchWrite?.(round);
      await db.transaction('rw', [t.meta, t.revs], async () => {
        const receivedAt = ctx.now();
        await t.revs.bulkPut(
          results.map((r, i) => heldRow(bodies[i] as unknown as SyncDoc, r.rev!, receivedAt)),
        );
        await setMeta(t, 'drainedSeq', lastSeq);
      });
      out.written += bodies.length;
      if (cut >= 0) return { ...out, locked: true };
    }
  };

  const apply = async (channel: LogChannel = 'local'): Promise<ApplyResult> => {
    const ctx = await deps.context();
    const out: ApplyResult = { applied: 0, notParty: 0, rejected: [], locked: false };
    for (;;) {
      const since = await getMeta<number | string>(t, 'appliedSeq', 0);
      const res = await readChanges(pouch, since, batch);
      if (res.results.length === 0) return out;
      // Crypto first: a Dexie transaction must not wait on anything but Dexie.
      type Ready = {
        docId: string;
        table: string;
        record: Record<string, unknown>;
        /** The row as stored: the record, its case fields sealed at rest where they are. */
        stored: Record<string, unknown>;
        rev: string;
        conflicts: string[];
        doc: SyncDoc;
      };
      type Outcome =
        Ready | { rejected: RejectReason; docId: string } | 'notParty' | 'locked' | null;
      // In slices: parsing and checking a slice is one task, the screen runs between two.
      const turn = slicedTurns();
      const all = await Promise.all(
        res.results.map(async (change, i): Promise<Outcome> => {
          await turn(i);
          if (!change.doc || change.doc._deleted) return null;
          // A bundle's document checked whole by this session's import, stored as it was
          // checked and without conflicts, is taken as checked; anything else is checked here.
          let doc = checkedDoc(deps.checked, change.doc);
          let others: string[] = [];
          if (!doc) {
            const newest = await newestBranch(pouch, ctx.trust, change.doc);
            const check = await checkDoc(newest.doc, ctx.trust);
            if (!check.ok) return { rejected: check.reason, docId: check.docId };
            [doc, others] = [check.doc, newest.others];
          }
          const full = await openDoc(ctx, doc);
          if (!full) return 'notParty';
          const spec = registry.get(doc.t)!;
          const parsed = spec.schema.safeParse(full);
          if (!parsed.success) return { rejected: 'invalidRecord', docId: doc._id };
          if (waitsForKey(spec.table) && (atRest!.needsKey?.(spec.table, parsed.data) ?? true))
            return 'locked';
          return {
            docId: doc._id,
            table: spec.table,
            record: parsed.data,
            stored: sealedAtRest(spec.table)
              ? await atRest!.seal(spec.table, parsed.data)
              : parsed.data,
            rev: doc._rev,
            conflicts: others,
            doc,
          };
        }),
      );
      // A document the locked key cannot store ends this batch just before it.
      const cut = all.indexOf('locked');
      const outcomes = cut >= 0 ? all.slice(0, cut) : all;
      if (cut === 0) return { ...out, locked: true };
      const cursorSeq = cut > 0 ? res.results[cut - 1]!.seq : res.last_seq;
      const ready = outcomes.filter(
        (o): o is Ready => o !== null && o !== 'notParty' && o !== 'locked' && 'table' in o,
      );
      const rejected: { docId: string; reason: RejectReason }[] = outcomes.flatMap((o) =>
        o !== null && o !== 'notParty' && o !== 'locked' && 'rejected' in o
          ? [{ docId: o.docId, reason: o.rejected }]
          : [],
      );
      out.notParty += outcomes.filter((o) => o === 'notParty').length;
      const nowAt = ctx.now();
      const future = ready.filter((r) => isFromFuture(r.doc.at, nowAt)).length;
      const names = new Set(ready.map((r) => r.table));
      if (atRest?.derived && ready.some((r) => sealedAtRest(r.table)))
        for (const n of atRest.derived.tables) names.add(n);
      const tables = [...names].map((n) => db.table(n));
      await db.transaction(
        'rw',
        [...tables, t.meta, t.revs, t.conflicts, t.log, db.changes, db.audit],
        async () => {
          // A record edited here and not yet drained keeps the local edit: once drained it
          // supersedes this revision (or conflicts with it, and both are kept).
          const drained = await getMeta(t, 'drainedSeq', 0);
          const pending = new Set(
            (await db.changes.where('seq').above(drained).toArray()).flatMap((c) =>
              changedIds(c).map((id) => recordKey(c.table, id)),
            ),
          );
          // Owner and version against what is held here; refused versions change nothing.
          const revsRead = new Map<string, RevRow | undefined>();
          const decisions = await gateVersions(db, t, registry, ready.map(candidateOf), revsRead);
          ready.forEach((r, i) => {
            const d = decisions[i]!;
            if (d !== 'apply' && d !== 'same') rejected.push({ docId: r.docId, reason: d });
          });
          const admitted = ready.filter((_, i) => decisions[i] === 'apply');
          const same = ready.filter((_, i) => decisions[i] === 'same');
          // The gate read these revision rows already (a document's id is one it looks up);
          // only an id it did not look up is read again.
          const unread = admitted.map((r) => r.docId).filter((id) => !revsRead.has(id));
          (await bulkGetSliced(t.revs, unread)).forEach((row, i) => revsRead.set(unread[i]!, row));
          const known = admitted.map((r) => revsRead.get(r.docId));
          const receivedAt = ctx.now();
          const conflicted = [...admitted, ...same].filter((r) => r.conflicts.length > 0);
          await t.conflicts.bulkPut(
            conflicted.map((r) => ({
              docId: r.docId,
              table: r.table,
              recordId: String(r.record.id),
              revs: [r.rev, ...r.conflicts],
              at: receivedAt,
            })),
          );
          // Only rows that exist are deleted: conflicts are few, documents many.
          const open = new Set(await t.conflicts.toCollection().primaryKeys());
          await t.conflicts.bulkDelete(
            [...admitted, ...same]
              .filter((r) => !r.conflicts.length && open.has(r.docId))
              .map((r) => r.docId),
          );
          const fresh = admitted.filter(
            (r, i) =>
              !pending.has(recordKey(r.table, String(r.record.id))) && known[i]?.rev !== r.rev,
          );
          for (const [table, list] of groupBy(fresh, (r) => r.table))
            await bulkPutSliced(
              db.table(table),
              list.map((r) => r.stored),
            );
          if (atRest?.derived && fresh.some((r) => sealedAtRest(r.table)))
            await atRest.derived.run(db, fresh);
          // Handed to this office by its owner's signed act: the record is this office's now;
          // its next drain writes it under this office's id, carrying the act (handovers.ts).
          const self = ctx.trust.self.office;
          const takeovers = fresh.filter(
            (r) =>
              r.doc.handover?.act.to === self &&
              r.doc.handover.act.from === r.doc.owner &&
              r.doc.owner !== self,
          );
          for (const r of takeovers) {
            const spec = registry.get(r.table)!;
            const id = String(r.record.id);
            await db.table(r.table).put({ ...r.stored, [spec.ownerField]: self });
            await db.changes.add({
              table: r.table,
              recordId: id,
              op: 'put',
              at: receivedAt,
              office: self,
            });
            await t.meta.put({
              key: HANDOVER_IN + handoverKey(r.table, id),
              value: r.doc.handover,
            });
            // Given away once and handed back: that old act is spent.
            await t.meta.delete(HANDOVER_OUT + handoverKey(r.table, id));
          }
          // A stop here (the records written, not their revisions nor the cursor) must undo it all.
          fresh.forEach((_, i) => deps.faults?.beforeApplyCommit?.(out.applied + i + 1));
          // The same signed version under another revision: nothing to write but its revision.
          await bulkPutSliced(
            t.revs,
            [...fresh, ...same].map((r) => heldRow(r.doc, r.rev, receivedAt)),
          );
          const heads = fresh.filter((r) => r.table === AUDIT_HEADS);
          if (heads.length)
            await noteHeads(
              t,
              heads.map((r) => r.record as AuditHead),
            );
          // Heads are bookkeeping: auditing their arrival would move this office's own head,
          // which it would publish, which its partners would apply… without end.
          const audit = appliedAudit(
            fresh.filter((r) => r.table !== AUDIT_HEADS),
            receivedAt,
          ).concat(
            takeovers.map((r) => ({
              at: receivedAt,
              actor: 'sync',
              action: 'sync.handover',
              table: r.table,
              recordId: String(r.record.id),
              detail: `${r.doc.owner} → ${self}`,
            })),
          );
          const applied = fresh.length;
          // Chained after the head, in this transaction (renderer/data/journal.ts).
          await appendAudit(db, audit);
          if (rejected.length)
            await t.log.add({
              at: receivedAt,
              kind: 'rejected',
              channel,
              count: rejected.length,
              reasons: rejected.slice(0, 100),
            });
          if (future)
            await t.log.add({ at: receivedAt, kind: 'applied', channel, count: 0, future });
          await setMeta(t, 'appliedSeq', cursorSeq);
          out.applied += applied;
        },
      );
      out.rejected.push(...rejected);
      // Applied (or refused) for good: what this session noted of these revisions is spent.
      for (const change of res.results.slice(0, cut >= 0 ? cut : undefined))
        deps.checked?.delete(change.id);
      if (cut > 0) return { ...out, locked: true };
      // Between batches, the screen gets the main thread back (no long task during a sync).
      await yieldToMain();
    }
  };

  return { drain, apply };
};
export type Engine = ReturnType<typeof createEngine>;
