/**
 * The apply's check of ownership and version against what this replica already holds of each
 * record (issue 13, holes 1 and 3), run inside the apply transaction so that what it reads is
 * what the batch writes over. The decision itself is pure: shared/domain/sync/version.ts.
 */
import type { SyncDoc } from '@shared/domain/sync/doc';
import type { Registry } from '@shared/domain/sync/registry';
import { docId, legacyDocId, ownerOf, recordKey } from '@shared/domain/sync/registry';
import type { Held, VersionDecision } from '@shared/domain/sync/version';
import { decideVersion, latestHeld, versionOf } from '@shared/domain/sync/version';
import type { VerifyContext } from '@shared/domain/sync/verify';
import { checkDoc } from '@shared/domain/sync/verify';
import type { PasserelleDb } from '../db';
import type { Pouch, StoredDoc } from './pouch';
import type { RevRow, SyncTables } from '../repositories/sync';
import { readKeys } from './chunks';

/** What is kept per applied (or written) document: its revision and its signed version. */
export const heldRow = (doc: SyncDoc, rev: string, receivedAt: string): RevRow => ({
  docId: doc._id,
  rev,
  at: doc.at,
  receivedAt,
  owner: doc.owner,
  n: versionOf(doc),
  sig: doc.sig,
});

export type Candidate = {
  table: string;
  recordId: string;
  owner: string;
  n: number;
  sig: string;
  conflicted: boolean;
  /** A checked handover act naming this candidate's owner as the new one. */
  handover?: { from: string; n: number };
};

export const candidateOf = (r: {
  table: string;
  record: Record<string, unknown>;
  doc: SyncDoc;
  conflicts: readonly string[];
}): Candidate => ({
  table: r.table,
  recordId: String(r.record.id),
  owner: r.doc.owner,
  n: versionOf(r.doc),
  sig: r.doc.sig,
  conflicted: r.conflicts.length > 0,
  ...(r.doc.handover && r.doc.handover.act.to === r.doc.owner
    ? { handover: { from: r.doc.handover.act.from, n: r.doc.handover.act.n } }
    : {}),
});

const heldOf = (row: RevRow | undefined): Held | undefined =>
  row ? { owner: row.owner, n: row.n ?? 0, sig: row.sig ?? '' } : undefined;

/**
 * One decision per candidate, in order: a record that appears twice in a batch is judged the
 * second time against the first (so a usurping version right behind the owner's is refused).
 */
export const gateVersions = async (
  db: PasserelleDb,
  t: SyncTables,
  registry: Registry,
  candidates: readonly Candidate[],
  /** Filled with every revision row read (undefined: none held), for the caller to reuse. */
  read?: Map<string, RevRow | undefined>,
): Promise<VersionDecision[]> => {
  const idsOf = (c: Candidate) => [
    legacyDocId(c.table, c.recordId),
    docId(c.table, c.owner, c.recordId),
  ];
  const fromId = (c: Candidate) => docId(c.table, c.handover!.from, c.recordId);
  const ids = [
    ...new Set(candidates.flatMap((c) => (c.handover ? [...idsOf(c), fromId(c)] : idsOf(c)))),
  ];
  const revRows = new Map<string, RevRow>();
  (await readKeys(t.revs, ids)).forEach((r, i) => {
    if (r) revRows.set(ids[i]!, r);
    read?.set(ids[i]!, r);
  });
  // The owner of the record as stored here, whichever document (or local write) it came from.
  const rowOwner = new Map<string, string>();
  const byTable = new Map<string, string[]>();
  // Pushed in place: copying the list per candidate made a batch quadratic in its size.
  for (const c of candidates) {
    const list = byTable.get(c.table);
    if (list) list.push(c.recordId);
    else byTable.set(c.table, [c.recordId]);
  }
  for (const [table, recordIds] of byTable) {
    const spec = registry.get(table)!;
    const rows = await readKeys(db.table<Record<string, unknown>, string>(table), recordIds);
    rows.forEach((row, i) => {
      if (row) rowOwner.set(recordKey(table, recordIds[i]!), ownerOf(spec, row));
    });
  }
  const state = new Map<string, Held | undefined>();
  /** Versions applied in this batch, per document id (a handover's act and what follows it). */
  const appliedN = new Map<string, number>();
  const heldN = (id: string) =>
    Math.max(appliedN.get(id) ?? -1, revRows.has(id) ? (revRows.get(id)!.n ?? 0) : -1);
  return candidates.map((c) => {
    const key = recordKey(c.table, c.recordId);
    let held = state.get(key);
    if (!state.has(key)) {
      const fromRevs = latestHeld(idsOf(c).map((id) => heldOf(revRows.get(id))));
      const owner = rowOwner.get(key);
      held = fromRevs
        ? { ...fromRevs, owner: owner ?? fromRevs.owner }
        : owner !== undefined
          ? { owner, n: -1, sig: '' }
          : undefined;
    }
    let decision = decideVersion(held, c);
    // Another owner, with the previous owner's signed act covering the latest version of the
    // previous owner's document held here: the new owner's chain starts (./handover.ts).
    if (decision === 'ownerChanged' && c.handover && c.handover.from === held?.owner) {
      const ownId = docId(c.table, c.owner, c.recordId);
      const own = heldN(ownId);
      decision =
        c.handover.n < heldN(fromId(c))
          ? 'ownerChanged'
          : decideVersion(
              own < 0 ? undefined : { owner: c.owner, n: own, sig: revRows.get(ownId)?.sig ?? '' },
              c,
            );
      if (decision === 'apply') held = { owner: c.owner, n: -1, sig: '' };
    }
    if (decision === 'apply') appliedN.set(docId(c.table, c.owner, c.recordId), c.n);
    if (decision === 'apply') state.set(key, { owner: held?.owner ?? c.owner, n: c.n, sig: c.sig });
    else if (!state.has(key)) state.set(key, held);
    return decision;
  });
};

/**
 * Of a conflicted document's branches, the one with the highest signed version (the winner
 * PouchDB picked when tied): PouchDB's winner is chosen by revision ids, which whoever replays
 * an old version picks, so a replay must not hide the owner's newer version on another branch.
 * Branches that fail their check are passed over here; the winner is checked again by the
 * caller as always.
 */
export const newestBranch = async (
  pouch: Pouch,
  trust: VerifyContext,
  winner: StoredDoc,
): Promise<{ doc: StoredDoc; others: string[] }> => {
  const revs = [winner._rev, ...(winner._conflicts ?? [])];
  if (revs.length === 1) return { doc: winner, others: [] };
  let best = winner;
  let bestN = (await checkDoc(winner, trust)).ok ? versionOf(winner as unknown as SyncDoc) : -1;
  for (const rev of revs.slice(1)) {
    const branch = await pouch.get(winner._id, { rev }).catch(() => undefined);
    if (!branch || branch._deleted || !(await checkDoc(branch, trust)).ok) continue;
    const n = versionOf(branch as unknown as SyncDoc);
    if (n > bestN) [best, bestN] = [branch, n];
  }
  return { doc: best, others: revs.filter((r) => r !== best._rev) };
};
