/**
 * One worker per request: created, used, terminated. Cancelling terminates it at once, even in
 * the middle of a synchronous parse, and the promise rejects with "cancelled".
 */
import type { Decision, Duplicate, WriteSet } from '@shared/domain/exchange/duplicates';
import type { PlanHead, PlanPart } from '@shared/domain/exchange/planStream';
import { planJoiner, splitPlan } from '@shared/domain/exchange/planStream';
import type { ImportPlan } from '@shared/domain/exchange/types';
import type {
  WriteContext,
  WriteRequest,
  WriteResponse,
} from '../../data/repositories/exchangeWrite';
import type { Failure, WorkerRequest, WorkerResponse } from './protocol';

/** Services per part sent to the write worker: each part is cloned in one short task. */
export const WRITE_PART_SIZE = 250;

export class WorkerFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
  }
}

export type Job<T> = { promise: Promise<T>; cancel: () => void };

export const runImportWorker = <T extends WorkerResponse['type']>(
  request: WorkerRequest,
  expect: T,
  onProgress: (done: number, total: number) => void,
): Job<Extract<WorkerResponse, { type: T }>> => {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let settle: (fail?: Failure) => void = () => {};
  // A plan comes in parts, each decoded in its own short task, and is joined here.
  const joiner = planJoiner();
  const promise = new Promise<Extract<WorkerResponse, { type: T }>>((resolve, reject) => {
    settle = (fail) => {
      worker.terminate();
      if (fail) reject(new WorkerFailure(fail));
    };
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.done, m.total);
      else if (m.type === 'error') settle(m.failure);
      else if (m.type === 'planPart') joiner.add(m.part);
      else if (m.type === 'planHead' && expect === 'plan') {
        settle();
        resolve({ type: 'plan', plan: joiner.finish(m.head) } as Extract<
          WorkerResponse,
          { type: T }
        >);
      } else if (m.type === expect) {
        settle();
        resolve(m as Extract<WorkerResponse, { type: T }>);
      }
    };
    worker.onerror = (e) =>
      settle({ code: 'unexpected', params: { message: e.message || 'worker' } });
  });
  // Copied, not transferred: the page keeps the bytes to run the check after the mapping step.
  worker.postMessage(request);
  return { promise, cancel: () => settle({ code: 'cancelled', params: {} }) };
};

/** A macrotask, so the window paints and answers clicks between parts. */
const pause = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * The confirmed import, written by a dedicated worker (write.worker.ts): the plan goes there in
 * parts, each cloned in its own short task with a pause between tasks, then the worker writes
 * it in one transaction and reports progress. Cancel before the write began just ends the
 * worker (nothing was written); during the write it asks the worker to abort its transaction
 * and waits for its answer, so "cancelled" always means the abort happened. The plan is not
 * kept here once sent: only the parts' generator holds it, until the last part is out.
 */
export const runWriteWorker = (
  context: WriteContext,
  plan: ImportPlan,
  duplicates: readonly Duplicate[],
  decisions: ReadonlyMap<string, Decision>,
  onProgress: (done: number, total: number) => void,
  batchSize?: number,
): Job<WriteSet['counts']> => {
  const worker = new Worker(new URL('./write.worker.ts', import.meta.url), { type: 'module' });
  const send = (m: WriteRequest) => worker.postMessage(m);
  let writing = false;
  let over = false;
  let settle: (fail: Failure | null, counts?: WriteSet['counts']) => void = () => {};
  const promise = new Promise<WriteSet['counts']>((resolve, reject) => {
    settle = (fail, counts) => {
      if (over) return;
      over = true;
      worker.terminate();
      if (fail) reject(new WorkerFailure(fail));
      else resolve(counts!);
    };
    worker.onmessage = (e: MessageEvent<WriteResponse>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.done, m.total);
      else if (m.type === 'written') settle(null, m.counts);
      else settle(m.failure);
    };
    worker.onerror = (e) =>
      settle({ code: 'unexpected', params: { message: e.message || 'worker' } });
  });
  const sendParts = async (parts: Generator<PlanPart, PlanHead>) => {
    let since = performance.now();
    for (;;) {
      if (over) return;
      const next = parts.next();
      if (next.done) {
        writing = true;
        return send({ type: 'write', head: next.value });
      }
      send({ type: 'part', part: next.value });
      if (performance.now() - since > 20) {
        await pause();
        since = performance.now();
      }
    }
  };
  onProgress(0, plan.services.length);
  send({
    type: 'begin',
    context,
    duplicates: [...duplicates],
    decisions: [...decisions],
    ...(batchSize ? { batchSize } : {}),
  });
  // The report's issues stay here: the write needs the records, not what was said about rows.
  void sendParts(splitPlan({ ...plan, issues: [] }, WRITE_PART_SIZE)).catch((err: unknown) =>
    settle({ code: 'unexpected', params: { message: String(err) } }),
  );
  return {
    promise,
    cancel: () => {
      if (!writing) settle({ code: 'cancelled', params: {} });
      else send({ type: 'cancel' });
    },
  };
};
