/**
 * The window's side of the import's worker. A preview or a value list: one worker per request,
 * created, used, terminated. A check: the worker stays, holding the plan, and the window holds
 * a session that asks it for what the report shows; on confirm that same worker writes the plan
 * it holds, so the records never cross a boundary (issue 17). Cancelling terminates a check at
 * once, even mid-parse; every answer is parsed by its schema.
 */
import type { Decision } from '@shared/domain/exchange/duplicates';
import type { WriteSet } from '@shared/domain/exchange/duplicates';
import type { IssuesPage, ReportSummary } from '@shared/domain/exchange/reportView';
import type { WriteContext } from '../../data/repositories/exchangeWrite';
import { toFailure } from '@shared/domain/exchange/limits';
import { badMessage } from '../../data/repositories/exchangeWrite';
import type { Failure, NamedDuplicate, WorkerRequest, WorkerResponse } from './protocol';
import { workerResponseSchema } from './protocol';

export class WorkerFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
  }
}

export type Job<T> = { promise: Promise<T>; cancel: () => void };
type Answer<T extends WorkerResponse['type']> = Extract<WorkerResponse, { type: T }>;

const refused = (where: string): Failure => ({ code: 'badMessage', params: { field: where } });
const crashed = (e: ErrorEvent): Failure => ({
  code: 'unexpected',
  params: { message: e.message || 'worker' },
});

/**
 * A check worker spoken to one request at a time: `ask` sends and waits for the answer of the
 * type expected; progress goes to `onProgress` meanwhile (the write brings its own). `tell`
 * sends without waiting its turn (a Cancel during the write). `end` terminates it.
 */
const checkWorker = (onCheckProgress: (done: number, total: number) => void) => {
  let onProgress = onCheckProgress;
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let waiting: {
    expect: string;
    resolve: (m: WorkerResponse) => void;
    fail: (f: Failure) => void;
  } | null = null;
  let ended: Failure | null = null;
  const end = (fail: Failure) => {
    if (!ended) ended = fail;
    worker.terminate();
    const w = waiting;
    waiting = null;
    w?.fail(fail);
  };
  worker.onmessage = (e: MessageEvent<unknown>) => {
    const parsed = workerResponseSchema.safeParse(e.data);
    if (!parsed.success) return end(toFailure(badMessage(parsed.error)));
    const m = parsed.data;
    if (m.type === 'progress') return onProgress(m.done, m.total);
    const w = waiting;
    if (!w) return;
    waiting = null;
    if (m.type === 'error') w.fail(m.failure);
    else if (m.type === w.expect) w.resolve(m);
    else {
      // Answers come in the order asked: any other is out of place, and refused.
      w.fail(refused(m.type));
      end(refused(m.type));
    }
  };
  worker.onerror = (e) => end(crashed(e));
  let queue: Promise<unknown> = Promise.resolve();
  const ask = <T extends WorkerResponse['type']>(
    request: WorkerRequest,
    expect: T,
    transfer: Transferable[] = [],
  ): Promise<Answer<T>> => {
    const next = queue.then(
      () =>
        new Promise<Answer<T>>((resolve, reject) => {
          if (ended) return reject(new WorkerFailure(ended));
          waiting = {
            expect,
            resolve: (m) => resolve(m as Answer<T>),
            fail: (f) => reject(new WorkerFailure(f)),
          };
          worker.postMessage(request, transfer);
        }),
    );
    queue = next.catch(() => undefined);
    return next;
  };
  const tell = (request: WorkerRequest) => {
    if (!ended) worker.postMessage(request);
  };
  const follow = (f: (done: number, total: number) => void) => void (onProgress = f);
  return { ask, tell, follow, end };
};

/** A preview or a value list: the worker ends with its answer. */
export const runImportWorker = <T extends 'preview' | 'values'>(
  request: WorkerRequest,
  expect: T,
  onProgress: (done: number, total: number) => void,
): Job<Answer<T>> => {
  const w = checkWorker(onProgress);
  // Copied, not transferred: the page keeps the bytes to run the check after the mapping step.
  const promise = w.ask(request, expect);
  const over = () => w.end({ code: 'cancelled', params: {} });
  void promise.then(over, over);
  return { promise, cancel: over };
};

/** What the window holds of a checked import: what the report shows, and ways to ask for more. */
export type CheckSession = {
  summary: ReportSummary;
  issues: (kind: string, offset: number, limit: number) => Promise<IssuesPage>;
  duplicates: (dbName: string, dataKey: CryptoKey | null) => Promise<NamedDuplicate[]>;
  fix: (fix: Extract<WorkerRequest, { type: 'fix' }>['fix']) => Promise<ReportSummary>;
  /** The confirmed write; the session is over once it is called. */
  write: (
    context: WriteContext,
    duplicates: readonly NamedDuplicate[],
    decisions: ReadonlyMap<string, Decision>,
    onProgress: (done: number, total: number) => void,
    batchSize?: number,
  ) => Job<WriteSet['counts']>;
  close: () => void;
};

export const startCheck = (
  request: Extract<WorkerRequest, { type: 'plan' }>,
  onProgress: (done: number, total: number) => void,
): Job<CheckSession> => {
  const w = checkWorker(onProgress);
  const close = () => w.end({ code: 'cancelled', params: {} });
  const promise = w.ask(request, 'checked').then(
    ({ summary }): CheckSession => {
      const session: CheckSession = {
        summary,
        issues: async (kind, offset, limit) =>
          (await w.ask({ type: 'issues', kind, offset, limit }, 'issues')).page,
        duplicates: async (dbName, dataKey) =>
          (await w.ask({ type: 'duplicates', dbName, dataKey }, 'duplicates')).duplicates,
        fix: async (fix) =>
          (session.summary = (await w.ask({ type: 'fix', fix }, 'checked')).summary),
        write: (context, duplicates, decisions, progress, batchSize) =>
          runWrite(
            w,
            session.summary.services,
            context,
            duplicates,
            decisions,
            progress,
            batchSize,
          ),
        close,
      };
      return session;
    },
    (err: unknown) => {
      close();
      throw err;
    },
  );
  return { promise, cancel: close };
};

/**
 * The write, by the check worker that holds the plan. Cancel asks it to stop: before the write
 * began the answer is immediate and nothing was written; during it the one transaction is
 * aborted and the answer waits for that, so "cancelled" always means nothing is left. Either
 * way the worker is ended with the answer.
 */
const runWrite = (
  check: ReturnType<typeof checkWorker>,
  total: number,
  context: WriteContext,
  duplicates: readonly NamedDuplicate[],
  decisions: ReadonlyMap<string, Decision>,
  onProgress: (done: number, total: number) => void,
  batchSize?: number,
): Job<WriteSet['counts']> => {
  let over = false;
  check.follow(onProgress);
  onProgress(0, total);
  const promise = check
    .ask(
      {
        type: 'write',
        context,
        duplicates: duplicates.map(({ serviceId, row, existingId, reasons }) => ({
          serviceId,
          row,
          existingId,
          reasons,
        })),
        decisions: [...decisions],
        ...(batchSize ? { batchSize } : {}),
      },
      'written',
    )
    .then(({ counts }) => counts)
    .finally(() => {
      over = true;
      check.end({ code: 'cancelled', params: {} });
    });
  return {
    promise,
    cancel: () => {
      if (!over) check.tell({ type: 'cancel' });
    },
  };
};
