/**
 * What a replica does with an incoming version of a record, given what it already holds of that
 * record (issue 13, holes 1 and 3). Pure: the engine reads the state, this decides.
 *
 * - The owner is fixed by the first version a replica holds: a version naming another owner is
 *   refused (a partner re-signing another office's shelter as its own).
 * - A version older than the one held is refused, whatever its `_rev` (a replay).
 * - A version with the same number but other content is a fork: kept only when PouchDB reports
 *   the conflict (two desks of the owner office editing at once), refused otherwise.
 */
import type { SyncDoc } from './doc';

/** `n` is -1 when only the stored row is known (a record written here, not yet sent). */
export type Held = { owner: string | undefined; n: number; sig: string };
export type Incoming = { owner: string; n: number; sig: string; conflicted: boolean };
export type VersionDecision = 'apply' | 'same' | 'ownerChanged' | 'rollback' | 'forked';

export const versionOf = (doc: Pick<SyncDoc, 'v'>): number => doc.v?.n ?? 0;

/** The version that follows `base` (a stored document), or the first. */
export const nextVersion = (base: object | undefined): { n: number; prev: string } => {
  const b = base as { v?: { n?: unknown }; sig?: unknown } | undefined;
  const n = typeof b?.v?.n === 'number' ? b.v.n : 0;
  return { n: n + 1, prev: typeof b?.sig === 'string' ? b.sig : '' };
};

export const decideVersion = (held: Held | undefined, incoming: Incoming): VersionDecision => {
  if (!held) return 'apply';
  if (held.owner !== undefined && held.owner !== incoming.owner) return 'ownerChanged';
  // Both written before versions were signed: nothing to compare (their owner's next sync
  // rewrites them with a version, and from then on they are ordered).
  if (incoming.n === 0 && held.n <= 0) return incoming.sig === held.sig ? 'same' : 'apply';
  if (incoming.n < held.n) return 'rollback';
  if (incoming.n > held.n) return 'apply';
  if (incoming.sig === held.sig) return 'same';
  return incoming.conflicted ? 'apply' : 'forked';
};

/** The most recent of what is held under several ids of one record (legacy and current). */
export const latestHeld = (candidates: readonly (Held | undefined)[]): Held | undefined => {
  let best: Held | undefined;
  for (const c of candidates) {
    if (!c) continue;
    if (!best || c.n > best.n) best = { ...c, owner: c.owner ?? best?.owner };
    else if (best.owner === undefined && c.owner !== undefined) best = { ...best, owner: c.owner };
  }
  return best;
};
