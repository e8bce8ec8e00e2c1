/**
 * The audit trail as a hash chain (issue 7). Each entry's hash covers its own fields (its seq
 * included) and the previous entry's hash, so editing, deleting or moving an entry breaks the
 * chain from that point, and `verifyChain` names the first seq where it breaks.
 *
 * What a chain cannot see: the newest entries removed together from the end. `verifyChain`
 * returns the head (last seq and hash) so that a copy kept elsewhere (an export, a note in the
 * office register) anchors it.
 */

import type { Sealed } from '../accounts/sealed';

/** An entry as stored. Optional fields are absent, never undefined, so the JSON is stable. */
export type AuditRecord = {
  seq: number;
  at: string;
  /** Username of who acted (or "system"); stable, unlike a display name. */
  actor: string;
  actorId?: string;
  action: string;
  table: string;
  recordId: string;
  detail?: string;
  /** Why, for overrides and views of case data that need a reason: in the clear only in
   * entries older than the data key; since, sealed (it may describe a person). */
  why?: string;
  whySealed?: Sealed;
  prev: string;
  hash: string;
};

export type Sha256 = (text: string) => string;

export const GENESIS = '0'.repeat(64);

/** JSON with keys sorted and undefined members dropped: one text per entry, whatever built it. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

export const entryHash = (sha256: Sha256, entry: Omit<AuditRecord, 'hash'>): string =>
  sha256(canonicalJson(entry));

/** Seals new entries after `last` (the current head, or none for an empty trail). */
export const chainEntries = (
  sha256: Sha256,
  last: Pick<AuditRecord, 'seq' | 'hash'> | undefined,
  entries: readonly Omit<AuditRecord, 'seq' | 'prev' | 'hash'>[],
): AuditRecord[] => {
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS;
  return entries.map((e) => {
    const body = { ...e, seq: ++seq, prev };
    const hash = entryHash(sha256, body);
    prev = hash;
    return { ...body, hash };
  });
};

export type ChainProblem = 'edited' | 'deleted' | 'reordered' | 'unchained' | 'broken';

export type ChainResult =
  | { ok: true; count: number; head: { seq: number; hash: string } | null }
  | { ok: false; count: number; seq: number; problem: ChainProblem };

const withoutHash = (e: AuditRecord | Omit<AuditRecord, 'hash'>): Omit<AuditRecord, 'hash'> => {
  const { hash: _h, ...rest } = e as AuditRecord;
  return rest;
};

/**
 * Checks a whole trail, in seq order as stored. Stops at the first problem: what follows a
 * break cannot be trusted to say more.
 */
export const verifyChain = (sha256: Sha256, stored: readonly AuditRecord[]): ChainResult => {
  const entries = [...stored].sort((a, b) => a.seq - b.seq);
  const bySeqOfHash = new Map(entries.map((e) => [e.hash, e.seq]));
  let prev: Pick<AuditRecord, 'seq' | 'hash'> = { seq: 0, hash: GENESIS };
  const fail = (seq: number, problem: ChainProblem): ChainResult => ({
    ok: false,
    count: entries.length,
    seq,
    problem,
  });
  const maxSeq = entries.at(-1)?.seq ?? 0;
  for (const e of entries) {
    // A stored entry without its hash reads as '' (repositories/audit.ts): never sealed.
    if (typeof e.hash !== 'string' || typeof e.prev !== 'string' || e.hash === '')
      return fail(e.seq, 'unchained');
    if (entryHash(sha256, withoutHash(e)) !== e.hash) {
      // An entry sealed under another seq hashes right with that seq: it was moved (its
      // predecessor is still in the trail) or renumbered after entries before it were removed.
      const body = withoutHash(e);
      let original: number | undefined;
      for (let s = 1; s <= maxSeq + entries.length && original === undefined; s++)
        if (s !== e.seq && entryHash(sha256, { ...body, seq: s }) === e.hash) original = s;
      if (original === undefined) return fail(e.seq, 'edited');
      const predecessorKept = e.prev === GENESIS || bySeqOfHash.has(e.prev);
      return predecessorKept ? fail(e.seq, 'reordered') : fail(prev.seq + 1, 'deleted');
    }
    if (e.seq !== prev.seq + 1) return fail(prev.seq + 1, 'deleted');
    if (e.prev !== prev.hash) {
      return fail(e.seq, bySeqOfHash.has(e.prev) ? 'reordered' : 'broken');
    }
    prev = e;
  }
  return {
    ok: true,
    count: entries.length,
    head: entries.length ? { seq: prev.seq, hash: prev.hash } : null,
  };
};
