/**
 * The import's write as a dedicated worker runs it (issue 17): the checked plan arrives in parts
 * (planStream.ts) and is written by the very same `importPlan` as in the window, in the worker's
 * own connection to the same database. So the guarantees are the window's: one transaction (a
 * Cancel or a failure leaves nothing), ownership checked from who is signed in (never from the
 * file), the change log and one chained audit entry, then restricted places sealed with the
 * session's data key. What leaves the main thread is the cost of cloning every record into
 * IndexedDB, the journal's rows, the reads of existing ids and the sealing pass.
 *
 * The data key travels as a CryptoKey by structured clone: the worker gets a handle to the same
 * non-extractable key, never its bytes, and nothing outside the page's own workers can see it.
 *
 * This file has no `self`: the worker (features/exchange/write.worker.ts) wires it to its
 * messages, tests drive it directly.
 */
import type { Decision, Duplicate, WriteSet } from '@shared/domain/exchange/duplicates';
import { ExchangeError, toFailure } from '@shared/domain/exchange/limits';
import type { ExchangeErrorParams } from '@shared/domain/exchange/limits';
import type { PlanHead, PlanPart } from '@shared/domain/exchange/planStream';
import { planJoiner } from '@shared/domain/exchange/planStream';
import type { PasserelleDb } from '../db';
import type { WriteContext } from './exchange';
import { createExchangeRepository } from './exchange';

export type { WriteContext };

export type WriteRequest =
  | {
      type: 'begin';
      context: WriteContext;
      duplicates: Duplicate[];
      decisions: [string, Decision][];
      batchSize?: number;
    }
  | { type: 'part'; part: PlanPart }
  /** The plan's head: the last message of the plan; the write starts on it. */
  | { type: 'write'; head: PlanHead }
  | { type: 'cancel' };

export type WriteResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'written'; counts: WriteSet['counts'] }
  | { type: 'error'; failure: { code: string; params: ExchangeErrorParams } };

/**
 * One write per host. `open` opens the database by name (PasserelleDb in the worker); the host
 * closes it when the write is over, whatever the outcome.
 */
export const createWriteHost = (
  post: (m: WriteResponse) => void,
  open: (name: string) => PasserelleDb,
) => {
  let begun: Extract<WriteRequest, { type: 'begin' }> | undefined;
  let joiner = planJoiner();
  const abort = new AbortController();
  let started = false;

  const write = async (head: PlanHead) => {
    if (!begun || started) throw new Error('write out of order');
    started = true;
    const { context, duplicates, decisions, batchSize } = begun;
    const plan = joiner.finish(head);
    // The parts are in the plan now; drop the joiner's hold so only the plan keeps them.
    joiner = planJoiner();
    begun = undefined;
    const db = open(context.dbName);
    try {
      const repo = createExchangeRepository(
        db,
        () => context.actor,
        () => context.dataKey,
        'subject' in context ? () => context.subject ?? null : undefined,
      );
      const counts = await repo.importPlan(plan, duplicates, new Map(decisions), {
        ...(batchSize ? { batchSize } : {}),
        signal: abort.signal,
        onProgress: (done, total) => post({ type: 'progress', done, total }),
      });
      post({ type: 'written', counts });
    } finally {
      db.close();
    }
  };

  return async (req: WriteRequest): Promise<void> => {
    try {
      if (req.type === 'cancel') {
        abort.abort();
        // Before the write began there is nothing to undo: answer at once.
        if (!started) throw new ExchangeError('cancelled');
      } else if (abort.signal.aborted) {
        return;
      } else if (req.type === 'begin') {
        begun = req;
      } else if (req.type === 'part') {
        joiner.add(req.part);
      } else {
        await write(req.head);
      }
    } catch (err) {
      post({ type: 'error', failure: toFailure(err) });
    }
  };
};
