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
import { z } from 'zod';
import type { WriteSet } from '@shared/domain/exchange/duplicates';
import { ExchangeError, toFailure } from '@shared/domain/exchange/limits';
import type { ExchangeErrorParams } from '@shared/domain/exchange/limits';
import type { PlanHead } from '@shared/domain/exchange/planStream';
import { planJoiner, planPortMessageSchema } from '@shared/domain/exchange/planStream';
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

/** Every message the write worker takes, from the window or (part, write) from the port. */
export const writeRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('begin'),
    context: writeContextSchema,
    duplicates: z.array(duplicateSchema),
    decisions: z.array(z.tuple([short, decisionSchema])),
    batchSize: z.number().int().min(1).max(10_000).optional(),
  }),
  ...planPortMessageSchema.options,
  z.object({ type: z.literal('cancel') }),
]);
export type WriteRequest = z.infer<typeof writeRequestSchema>;

const failureSchema = z.object({
  code: z.string().max(100),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export const writeResponseSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('written'),
    counts: z.object({
      created: z.number().int().nonnegative(),
      merged: z.number().int().nonnegative(),
      skipped: z.number().int().nonnegative(),
      refused: z.number().int().nonnegative(),
    }),
  }),
  z.object({ type: z.literal('error'), failure: failureSchema }),
]);
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

  /** Resolves once the message is taken in (a part joined; the write, once it is over). */
  return async (raw: unknown): Promise<void> => {
    try {
      // A crafted message is refused, and nothing of this write happens after it.
      const parsed = writeRequestSchema.safeParse(raw);
      if (!parsed.success) {
        abort.abort();
        throw badMessage(parsed.error);
      }
      const req = parsed.data;
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

/**
 * The write worker's end of the plan's channel: each message into the host, each part
 * acknowledged once joined (so the sender sends the next; it never queues the whole plan). The
 * write itself is not awaited here: its outcome goes out through the host's `post`.
 */
export const attachPlanPort = (host: (raw: unknown) => Promise<void>, port: MessagePort) => {
  port.onmessage = async (m: MessageEvent<unknown>) => {
    const isPart = (m.data as { type?: unknown } | null)?.type === 'part';
    const taken = host(m.data);
    if (isPart) {
      await taken;
      port.postMessage({ type: 'ack' });
    }
  };
};
