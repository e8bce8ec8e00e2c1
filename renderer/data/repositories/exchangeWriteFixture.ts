/** Drives the plan's writer in tests, as the window drives the check worker (exchangeWrite.ts). */
import type { Decision, Duplicate } from '@shared/domain/exchange/duplicates';
import type { ImportPlan, PartedPlan } from '@shared/domain/exchange/types';
import { PasserelleDb } from '../db';
import type { WriteContext } from './exchange';
import type { WriteRequest, WriteResponse } from './exchangeWrite';
import { createPlanWriter } from './exchangeWrite';
import { changedIds } from '../changes';

/**
 * Drives a writer as the window drives the worker: every message through structuredClone (what
 * postMessage does), answers likewise; the plan is the worker's own (never cloned). `cancelAt`:
 * Cancel sent, from another task, once that many services are done.
 */
export const writeThroughHost = (
  context: WriteContext,
  plan: ImportPlan | PartedPlan,
  opts: {
    duplicates?: Duplicate[];
    decisions?: [string, Decision][];
    batchSize?: number;
    cancelAt?: number;
  } = {},
) =>
  new Promise<{ last: WriteResponse; progress: number[] }>((resolve) => {
    const progress: number[] = [];
    let cancelled = false;
    const writer = createPlanWriter(
      plan,
      (m) => {
        const answer = structuredClone(m);
        if (answer.type === 'progress') {
          progress.push(answer.done);
          if (opts.cancelAt !== undefined && !cancelled && answer.done >= opts.cancelAt) {
            cancelled = true;
            setTimeout(() => void send({ type: 'cancel' }), 0);
          }
        } else resolve({ last: answer, progress });
      },
      (name) => new PasserelleDb(name),
    );
    const send = (m: WriteRequest) => writer(structuredClone(m));
    void send({
      type: 'write',
      context,
      duplicates: opts.duplicates ?? [],
      decisions: opts.decisions ?? [],
      ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    });
  });

/** What an import writes, counted: a cancelled or refused one leaves `NOTHING_WRITTEN`. */
export const importedCounts = async (db: PasserelleDb) => ({
  organizations: await db.organizations.count(),
  locations: await db.locations.count(),
  services: await db.services.count(),
  /** Records the outbox names (a bulk write's row names its whole batch). */
  changes: (await db.changes.toArray()).reduce((n, c) => n + changedIds(c).length, 0),
  audit: await db.audit.count(),
  runs: await db.table('exchangeRuns').count(),
});
export const NOTHING_WRITTEN = {
  organizations: 0,
  locations: 0,
  services: 0,
  changes: 0,
  audit: 0,
  runs: 0,
};
