/**
 * The import's write, run by the check worker that holds the checked plan (issue 17): on
 * confirm, the window sends `write` (who writes, where, the duplicates' decisions) and the
 * worker writes the plan it already holds with the very same `importPlan` as in the window, in
 * its own connection to the same database, so the plan is never copied to another worker. The
 * guarantees are the window's: one transaction (a Cancel or a failure leaves nothing),
 * ownership checked from who is signed in (never from the file), the change log and one chained
 * audit entry, then restricted places sealed with the session's data key.
 *
 * The data key travels as a CryptoKey by structured clone: the worker gets a handle to the same
 * non-extractable key, never its bytes, and nothing outside the page's own workers can see it.
 *
 * This file has no `self`: the check worker's host (features/exchange/checkHost.ts) routes the
 * window's `write` and `cancel` here; tests drive it directly.
 */
import { z } from 'zod';
import type { WriteSet } from '@shared/domain/exchange/duplicates';
import { ExchangeError, toFailure } from '@shared/domain/exchange/limits';
import type { ExchangeErrorParams } from '@shared/domain/exchange/limits';
import type { ImportPlan, PartedPlan } from '@shared/domain/exchange/types';
import { roleSchema } from '@shared/domain/accounts/roles';
import type { PasserelleDb } from '../db';
import type { WriteContext } from './exchange';
import { createExchangeRepository } from './exchange';

export type { WriteContext };

const short = z.string().max(200);
/** A handle to the session's non-extractable key, as structured clone hands it over. */
const cryptoKeySchema = z.custom<CryptoKey>(
  (v) => typeof CryptoKey !== 'undefined' && v instanceof CryptoKey,
);
export const writeContextSchema = z.object({
  dbName: z.string().min(1).max(200),
  actor: z.object({
    office: short,
    user: short,
    userId: short.optional(),
    username: short.optional(),
  }),
  subject: z
    .object({
      role: roleSchema,
      shelterServiceIds: z.array(short).readonly(),
      id: short.optional(),
    })
    .nullable()
    .optional(),
  dataKey: cryptoKeySchema.nullable(),
});

export const duplicateSchema = z.object({
  serviceId: short,
  row: z.number().int().nonnegative(),
  existingId: short,
  reasons: z.array(z.enum(['id', 'nameLocality', 'phone'])).max(3),
});
const decisionSchema = z.enum(['merge', 'keep', 'skip']);

/** The window's messages to the plan's writer (part of the check worker's contract). */
export const writeRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('write'),
    context: writeContextSchema,
    duplicates: z.array(duplicateSchema),
    decisions: z.array(z.tuple([short, decisionSchema])),
    batchSize: z.number().int().min(1).max(10_000).optional(),
  }),
  z.object({ type: z.literal('cancel') }),
]);
export type WriteRequest = z.infer<typeof writeRequestSchema>;

const count = z.number().int().nonnegative();
export const writeCountsSchema = z.object({
  created: count,
  merged: count,
  skipped: count,
  refused: count,
});
export type WriteResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'written'; counts: WriteSet['counts'] }
  | { type: 'error'; failure: { code: string; params: ExchangeErrorParams } };

/** Where a crafted message went wrong, for the refusal's text: `part.services.3.name`. */
export const badMessage = (error: z.ZodError) => {
  const issue = error.issues[0];
  // A key the schema does not name is named itself (a strict object's issue is on the object).
  const extra = issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  return new ExchangeError('badMessage', {
    field: [...(issue?.path ?? []), ...extra].map(String).join('.').slice(0, 200) || 'type',
  });
};

/**
 * The writer of one held plan. `open` opens the database by name (PasserelleDb in the worker);
 * it is closed when the write is over, whatever the outcome. The plan is let go once the write
 * is over, and a crafted message, a second `write` or a `cancel` ends it for good.
 */
export const createPlanWriter = (
  held: ImportPlan | PartedPlan,
  post: (m: WriteResponse) => void,
  open: (name: string) => PasserelleDb,
) => {
  let plan: ImportPlan | PartedPlan | undefined = held;
  const abort = new AbortController();
  let started = false;

  const write = async (req: Extract<WriteRequest, { type: 'write' }>) => {
    if (started) throw new ExchangeError('badMessage', { field: 'type' });
    if (!plan) throw new ExchangeError('cancelled');
    started = true;
    const { context, duplicates, decisions, batchSize } = req;
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
      plan = undefined;
      db.close();
    }
  };

  /** Resolves once the message is taken in (for `write`, once the write is over). */
  return async (raw: unknown): Promise<void> => {
    try {
      // A crafted message is refused, and nothing of this write happens after it.
      const parsed = writeRequestSchema.safeParse(raw);
      if (!parsed.success) {
        abort.abort();
        plan = undefined;
        throw badMessage(parsed.error);
      }
      const req = parsed.data;
      if (req.type === 'cancel') {
        abort.abort();
        // Before the write began there is nothing to undo: answer at once.
        if (!started) {
          plan = undefined;
          throw new ExchangeError('cancelled');
        }
      } else if (abort.signal.aborted) {
        return;
      } else {
        await write(req);
      }
    } catch (err) {
      post({ type: 'error', failure: toFailure(err) });
    }
  };
};
