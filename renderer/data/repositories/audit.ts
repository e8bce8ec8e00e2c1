/**
 * The audit screen's reads (issue 7): filtered entries, the verify action and the CSV export.
 * Only administrators read the trail; verifying and exporting are themselves audited.
 */
import { can, type Subject } from '@shared/domain/accounts/permissions';
import type { AuditRecord, ChainResult } from '@shared/domain/audit/chain';
import { verifyChain } from '@shared/domain/audit/chain';
import { auditCsv } from '@shared/domain/audit/csv';
import type { WitnessProblem } from '@shared/domain/audit/heads';
import { checkWitnesses } from '@shared/domain/audit/heads';
import { AUDIT_HEADS, headAlerts, headsTable } from '../sync/heads';
import { getMeta, syncTables } from './sync';
import { matchesAudit, type AuditFilter } from '@shared/domain/audit/filter';
import type { AuditEntry, PasserelleDb } from '../db';
import { decryptJson } from '../encryption';
import {
  auditHasher,
  auditView,
  journal,
  whyAad,
  type Actor,
  type AuditViewItem,
} from '../journal';

export type VerifyResult = ChainResult & { witnesses: WitnessProblem[] };

/** What partners saw of this installation's trail, and what this one saw of theirs. */
const witnessProblems = async (
  db: PasserelleDb,
  trail: readonly AuditRecord[],
): Promise<WitnessProblem[]> => {
  const t = syncTables(db);
  const keys = await getMeta<{ keyId: string } | null>(t, 'keys', null);
  if (!keys || !db.tables.some((x) => x.name === AUDIT_HEADS)) return [];
  const own = checkWitnesses(trail, keys.keyId, await headsTable(db).toArray());
  const peers = (await headAlerts(t)).map((a): WitnessProblem => ({
    kind: a.kind === 'truncated' ? 'peerTruncated' : 'peerRewritten',
    office: a.office,
    seq: a.seq,
  }));
  return [...own, ...peers];
};

/** `whyLocked`: the entry has a sealed reason and the data key is not unlocked. */
export type AuditRow = AuditRecord & { whyLocked?: boolean };
export type AuditPage = { entries: AuditRow[]; total: number };

const asRecord = (e: AuditEntry): AuditRecord => ({
  ...e,
  seq: e.seq ?? 0,
  prev: e.prev ?? '',
  hash: e.hash ?? '',
});

export const createAuditRepository = (
  db: PasserelleDb,
  deps: {
    actor: () => Actor;
    subject: () => Subject | null;
    /** The unlocked data key, to seal and open reasons. */
    dataKey?: () => CryptoKey | null;
  },
) => {
  const key = () => deps.dataKey?.() ?? null;

  /** Opens sealed reasons (after the reads: WebCrypto never runs inside a transaction). */
  const openReasons = async (rows: AuditRecord[]): Promise<AuditRow[]> => {
    const k = key();
    return Promise.all(
      rows.map(async (e): Promise<AuditRow> => {
        if (!e.whySealed) return e;
        if (!k) return { ...e, whyLocked: true };
        try {
          const why = await decryptJson(k, e.whySealed, whyAad(e.table, e.recordId));
          return { ...e, why: String(why) };
        } catch {
          return { ...e, whyLocked: true };
        }
      }),
    );
  };
  const mayView = () => can(deps.subject(), 'audit.view');

  /** Narrows with the most selective index the filter offers, then filters the rest. */
  const matching = async (f: AuditFilter): Promise<AuditRecord[]> => {
    const coll = f.recordId
      ? db.audit.where('recordId').equals(f.recordId)
      : f.actor
        ? db.audit.where('actor').equals(f.actor)
        : f.from || f.to
          ? db.audit.where('at').between(f.from ?? '', f.to ?? '\uffff', true, false)
          : db.audit.toCollection();
    const rows = await coll.toArray();
    return rows
      .map(asRecord)
      .filter((e) => matchesAudit(e, f))
      .sort((a, b) => b.seq - a.seq);
  };

  const note = (action: string, detail: string) =>
    db.transaction('rw', db.audit, () =>
      journal(db, deps.actor(), [{ table: 'audit', recordId: '*', op: 'put', action, detail }], {
        replicate: false,
      }),
    );

  return {
    /**
     * Records that the logged-in user saw or exported case data (any role: it is their trace,
     * not a read of the trail). For features: call when a record is opened or exported.
     */
    view: (item: AuditViewItem) => auditView(db, deps.actor(), item, key()),

    /** Newest first. */
    async list(filter: AuditFilter, limit = 200): Promise<AuditPage> {
      if (!mayView()) return { entries: [], total: 0 };
      const all = await matching(filter);
      return { entries: await openReasons(all.slice(0, limit)), total: all.length };
    },

    async facets(): Promise<{ actors: string[]; actions: string[]; tables: string[] }> {
      if (!mayView()) return { actors: [], actions: [], tables: [] };
      const keys = (index: string) =>
        db.audit
          .orderBy(index)
          .uniqueKeys()
          .then((k) => k.map(String));
      const [actors, actions, tables] = await Promise.all([
        keys('actor'),
        keys('action'),
        keys('table'),
      ]);
      return { actors, actions, tables };
    },

    /**
     * Checks the whole chain and what partners saw of it (witnesses: a rewrite or a truncation
     * that recomputed every hash still differs from the heads they kept), then records that it
     * was checked and what was found.
     */
    async verify(): Promise<VerifyResult | null> {
      if (!mayView()) return null;
      const sha = await auditHasher();
      const trail = (await db.audit.toArray()).map(asRecord);
      const result = verifyChain(sha, trail);
      const witnesses = await witnessProblems(db, trail);
      const found = result.ok ? `ok ${result.count}` : `${result.problem} seq ${result.seq}`;
      await note(
        'audit.verify',
        witnesses.length ? `${found}; ${witnesses.map((w) => `${w.kind} ${w.seq}`)}` : found,
      );
      return { ...result, witnesses };
    },

    /** The filtered trail as CSV, oldest first as it was written; the export is audited. */
    async exportCsv(filter: AuditFilter): Promise<string | null> {
      if (!can(deps.subject(), 'audit.export')) return null;
      const entries = await openReasons((await matching(filter)).reverse());
      await note('audit.export', `${entries.length} ${JSON.stringify(filter)}`);
      return auditCsv(entries);
    },
  };
};

export type AuditRepository = ReturnType<typeof createAuditRepository>;
