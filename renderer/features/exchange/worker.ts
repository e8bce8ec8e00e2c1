/**
 * One worker per request: created, used, terminated. Cancelling terminates it at once, even in
 * the middle of a synchronous parse, and the promise rejects with "cancelled".
 */
import { planJoiner } from '@shared/domain/exchange/planStream';
import type { Failure, WorkerRequest, WorkerResponse } from './protocol';

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
