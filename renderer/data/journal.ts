/**
 * Every write that matters records, in its own transaction, a change-log entry (the outbox the
 * sync module drains) and an audit entry. Callers pass the records they wrote.
 *
 * Audit entries are hash-chained (shared/domain/audit/chain.ts): each is sealed with the hash
 * of the one before, read in the same transaction, so entries are chained in the order they
 * were committed. Views and exports of case data are audited too (`auditView`).
 */
import Dexie from 'dexie';
import { chainEntries, type AuditRecord, type Sha256 } from '@shared/domain/audit/chain';
import type { Sealed } from '@shared/domain/accounts/sealed';
import { encryptJson } from './encryption';
import type { PasserelleDb } from './db';

/**
 * Who acts. `user` is the name people read ("verified by"); `username` and `userId` identify
 * the account in the audit trail. Before accounts existed only `user` was set.
 */
export type Actor = { office: string; user: string; userId?: string; username?: string };

export type JournalItem = {
  table: string;
  recordId: string;
  op: 'put' | 'delete';
  action: string;
  detail?: string;
  /** Why, for a decision that needs one (a consent override): sealed by the caller beforehand. */
  whySealed?: Sealed;
};

let sha256: Sha256 | undefined;

/** hash-wasm is fetched with the first hash, not with the window (issue 15, cold start). */
const loadSha256 = async (): Promise<Sha256> => {
  const { createSHA256 } = await import('@shared/domain/accounts/hashWasm');
  const hasher = await createSHA256();
  return (text: string) => hasher.init().update(text).digest('hex');
};

/**
 * SHA-256 from hash-wasm: compiled once (asynchronously), then synchronous, so hashing never
 * awaits inside a transaction. Inside one, only Dexie promises may be awaited (anything else
 * lets the transaction commit under our feet): the first compile goes through Dexie.waitFor,
 * which keeps the transaction alive, and later calls await nothing at all.
 */
const hasherInTransaction = (): Sha256 | Promise<Sha256> =>
  sha256 ?? Dexie.waitFor(loadSha256()).then((h) => (sha256 ??= h));

/** For use outside transactions (verify). */
export const auditHasher = async (): Promise<Sha256> => (sha256 ??= await loadSha256());

type NewAudit = Omit<AuditRecord, 'seq' | 'prev' | 'hash'>;

/** Appends chained entries after the current head. Call inside a transaction holding db.audit. */
export const appendAudit = async (db: PasserelleDb, entries: NewAudit[]): Promise<void> => {
  if (entries.length === 0) return;
  const loaded = hasherInTransaction();
  const sha = typeof loaded === 'function' ? loaded : await loaded;
  const last = await db.audit.orderBy(':id').last();
  const head =
    last?.seq !== undefined && last.hash ? { seq: last.seq, hash: last.hash } : undefined;
  const fromSeq = head ?? (last?.seq !== undefined ? { seq: last.seq, hash: '' } : undefined);
  await db.audit.bulkAdd(chainEntries(sha, fromSeq, entries));
};

const actorFields = (actor: Actor) => ({
  actor: actor.username ?? actor.user,
  ...(actor.userId ? { actorId: actor.userId } : {}),
});

export type JournalOptions = {
  /** False for records that never leave this machine (demo data). */
  replicate?: boolean;
  /**
   * One audit entry for the whole write instead of one per record, for bulk writes such as an
   * import of thousands of rows: the change log still lists every record (sync needs each),
   * the audit trail says who imported what file when. Halves the rows a bulk import writes.
   */
  auditSummary?: { action: string; table: string; recordId: string; detail?: string };
};

export const journal = async (
  db: PasserelleDb,
  actor: Actor,
  items: JournalItem[],
  { replicate = true, auditSummary }: JournalOptions = {},
) => {
  const at = new Date().toISOString();
  // Demo records stay on this machine: audited, never put in the outbox.
  if (replicate) await appendChanges(db, actor, items, at);
  const audited = auditSummary ? [auditSummary] : items;
  await appendAudit(
    db,
    audited.map((i) => {
      const whySealed = 'whySealed' in i ? (i as JournalItem).whySealed : undefined;
      return {
        at,
        ...actorFields(actor),
        action: i.action,
        table: i.table,
        recordId: i.recordId,
        ...(i.detail ? { detail: i.detail } : {}),
        ...(whySealed ? { whySealed } : {}),
      };
    }),
  );
};

/**
 * The change-log rows of a bulk write's batch, one row per table for all its records (see
 * `ChangeEntry.recordIds`), inside the caller's transaction; its one audit entry is appended with
 * `appendAudit` when the last batch is written.
 */
export const appendChangeGroups = (
  db: PasserelleDb,
  actor: Actor,
  groups: { table: string; recordIds: string[]; op: 'put' | 'delete' }[],
  at: string,
) =>
  db.changes.bulkAdd(
    groups
      .filter((g) => g.recordIds.length > 0)
      .map((g) => ({
        table: g.table,
        recordId: g.recordIds[0]!,
        ...(g.recordIds.length > 1 ? { recordIds: g.recordIds } : {}),
        op: g.op,
        at,
        office: actor.office,
      })),
  );

/**
 * The change-log rows alone, for a bulk write journaled batch by batch inside its transaction:
 * its one audit entry is appended with `appendAudit` when the last batch is written.
 */
export const appendChanges = (
  db: PasserelleDb,
  actor: Actor,
  items: Pick<JournalItem, 'table' | 'recordId' | 'op'>[],
  at: string,
) =>
  db.changes.bulkAdd(
    items.map((i) => ({
      table: i.table,
      recordId: i.recordId,
      op: i.op,
      at,
      office: actor.office,
    })),
  );

export type AuditViewItem = {
  table: string;
  recordId: string;
  /** e.g. 'referral.view', 'referral.export', 'letter.generate'. */
  action: string;
  /** Why, where a view needs a reason (an override, a look at a closed case). */
  why?: string;
  detail?: string;
};

/** Additional data binding a sealed reason to its entry's record. */
export const whyAad = (table: string, recordId: string) => `audit:${table}:${recordId}:why`;

/**
 * Records that someone saw or exported case data. Its own transaction: call it outside any
 * other (a reason is sealed first, and WebCrypto may not run inside a transaction) and not from
 * a liveQuery (which may only read): when a screen opens a record or an export is saved.
 * A reason may describe the person, so it is sealed with the data key, and refused without.
 */
export const auditView = async (
  db: PasserelleDb,
  actor: Actor,
  item: AuditViewItem,
  dataKey?: CryptoKey | null,
): Promise<void> => {
  if (item.why && !dataKey) throw new Error('a reason is case data: unlock the data key first');
  const whySealed =
    item.why && dataKey
      ? await encryptJson(dataKey, item.why, whyAad(item.table, item.recordId))
      : undefined;
  await db.transaction('rw', db.audit, () =>
    appendAudit(db, [
      {
        at: new Date().toISOString(),
        ...actorFields(actor),
        action: item.action,
        table: item.table,
        recordId: item.recordId,
        ...(item.detail ? { detail: item.detail } : {}),
        ...(whySealed ? { whySealed } : {}),
      },
    ]),
  );
};

/** Set by the upgrade from a version older than the chain (db.ts, version 5), and only then. */
export const AUDIT_LEGACY_MARK = 'audit.chainLegacy';

/**
 * Runs as the database opens (db.ts, on 'ready', before any other query): seals entries written
 * before the chain existed (versions 1–4) in their order, so a verify covers the whole history
 * (what was written then is trusted as it stands now). Otherwise the hasher is compiled once
 * the window is idle, so the first screen does not share its start with the compile, and writes
 * seldom wait for it inside a transaction (they can: hasherInTransaction); queries do not wait
 * for it unless there are entries to seal (issue 15, cold start).
 */
export const prepareAudit = async (db: PasserelleDb): Promise<void> => {
  const marked = await db.settings.get(AUDIT_LEGACY_MARK);
  if (!marked) {
    // Compiled once the window is idle (its first screen drawn), or by the first write that
    // needs it, whichever comes first; a failure is tried again by that write.
    const compile = () => void auditHasher().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(compile, { timeout: 2000 });
    else setTimeout(compile, 0);
    return;
  }
  const sha = await auditHasher();
  await db.transaction('rw', [db.audit, db.settings], async () => {
    const legacy = await db.audit.orderBy(':id').toArray();
    // Only a trail that never had hashes: one with any hash is verified as it stands, and a
    // missing hash is reported by verify, never sealed over (issue 13, hole 6).
    if (legacy.every((e) => !e.hash)) {
      const chained = chainEntries(
        sha,
        undefined,
        legacy.map(({ seq: _seq, prev: _prev, hash: _hash, ...rest }) => rest),
      );
      await db.audit.clear();
      await db.audit.bulkAdd(chained);
    }
    await db.settings.delete(AUDIT_LEGACY_MARK);
  });
};
