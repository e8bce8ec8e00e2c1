/**
 * Audit heads witnessed by partners (issue 13, hole 6). A hash chain only shows tampering to
 * someone who kept an earlier head: whoever can write the database can rewrite the trail and
 * recompute every hash, or cut its newest entries. So each installation publishes its head
 * (last seq and hash) as a replicated record, and with it the heads it has seen of every other
 * installation. An installation's verify then compares its own trail with what its partners
 * saw of it: a seen seq whose hash differs means the trail was rewritten; a seen seq beyond the
 * trail's end means it was truncated. Partners also notice a head going backwards.
 */
import { z } from 'zod';
import type { AuditRecord } from './chain';

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);
const keySchema = z.string().regex(/^[0-9a-f]{32}$/);

export const seenHeadSchema = z.object({
  key: keySchema,
  office: z.string().regex(/^[A-Z0-9]{2,10}$/),
  seq: z.number().int().min(0),
  hash: hashSchema,
});
export type SeenHead = z.infer<typeof seenHeadSchema>;

/** One per installation: its id is the installation's signing key id. */
export const auditHeadSchema = z.object({
  id: keySchema,
  office: z.string().regex(/^[A-Z0-9]{2,10}$/),
  seq: z.number().int().min(0),
  hash: hashSchema,
  /** The highest head this installation has seen of each other installation. */
  seen: z.array(seenHeadSchema).max(2000),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type AuditHead = z.infer<typeof auditHeadSchema>;

export type WitnessProblem =
  | {
      /** A partner saw this seq with another hash, or it is gone from the middle. */
      kind: 'rewritten' | 'truncated';
      seq: number;
      /** The office whose installation saw it. */
      witness: string;
    }
  | {
      /** A partner's head went back (truncated) or changed at the same seq (rewritten). */
      kind: 'peerRewritten' | 'peerTruncated';
      office: string;
      seq: number;
    };

/** Compares this installation's trail with what partners saw of it. */
export const checkWitnesses = (
  trail: readonly Pick<AuditRecord, 'seq' | 'hash'>[],
  ownKey: string,
  heads: readonly AuditHead[],
): WitnessProblem[] => {
  const bySeq = new Map(trail.map((e) => [e.seq, e.hash]));
  const last = trail.reduce((m, e) => Math.max(m, e.seq), 0);
  const problems: WitnessProblem[] = [];
  for (const head of heads) {
    if (head.id === ownKey) continue;
    for (const seen of head.seen) {
      if (seen.key !== ownKey || seen.seq === 0) continue;
      if (seen.seq > last)
        problems.push({ kind: 'truncated', seq: seen.seq, witness: head.office });
      else if (bySeq.get(seen.seq) !== seen.hash)
        problems.push({ kind: 'rewritten', seq: seen.seq, witness: head.office });
    }
  }
  return problems;
};

/** What a newly received head says about the highest one seen before of that installation. */
export const compareHeads = (
  before: Pick<SeenHead, 'seq' | 'hash'> | undefined,
  now: Pick<SeenHead, 'seq' | 'hash'>,
): 'forward' | 'rewritten' | 'truncated' => {
  if (!before || now.seq > before.seq) return 'forward';
  if (now.seq < before.seq) return 'truncated';
  return now.hash === before.hash ? 'forward' : 'rewritten';
};
