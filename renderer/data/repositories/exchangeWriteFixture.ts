/** Drives the write worker's host in tests, as the window drives the worker (exchangeWrite.ts). */
import type { Decision, Duplicate } from '@shared/domain/exchange/duplicates';
import { splitPlan } from '@shared/domain/exchange/planStream';
import type { ImportPlan } from '@shared/domain/exchange/types';
import { PasserelleDb } from '../db';
import type { WriteContext } from './exchange';
import type { WriteRequest, WriteResponse } from './exchangeWrite';
import { createWriteHost } from './exchangeWrite';
import { changedIds } from '../changes';

/**
 * Drives a host as the window drives the worker: every message through structuredClone (what
 * postMessage does), answers likewise. `cancelAt`: Cancel sent, from another task, once that
 * many services are done.
 */
export const writeThroughHost = (
  context: WriteContext,
  plan: ImportPlan,
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
    const host = createWriteHost(
      (m) => {
        const answer = structuredClone(m);
        if (answer.type === 'progress') {
          progress.push(answer.done);
          if (opts.cancelAt !== undefined && !cancelled && answer.done >= opts.cancelAt) {
            cancelled = true;
            setTimeout(() => void host(structuredClone({ type: 'cancel' } as const)), 0);
          }
        } else resolve({ last: answer, progress });
      },
      (name) => new PasserelleDb(name),
    );
    const send = (m: WriteRequest) => host(structuredClone(m));
    void (async () => {
      await send({
        type: 'begin',
        context,
        duplicates: opts.duplicates ?? [],
        decisions: opts.decisions ?? [],
        ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
      });
      const parts = splitPlan(plan, 100);
      for (;;) {
        const next = parts.next();
        if (next.done) return send({ type: 'write', head: next.value });
        await send({ type: 'part', part: next.value });
      }
    })();
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
