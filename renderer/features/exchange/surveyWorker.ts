/**
 * Runs the survey worker once; Cancel terminates it (it writes nothing). The request and the
 * answer are both parsed by their schemas (surveyProtocol.ts): a malformed answer is refused.
 */
import { toFailure } from '@shared/domain/exchange/limits';
import type { SurveyPlan } from '@shared/domain/exchange/survey';
import type { SurveyRequest } from './surveyProtocol';
import { parseSurveyResponse } from './surveyProtocol';
import type { Job } from './worker';
import { WorkerFailure } from './worker';

/** The plan in the worker's answer, or the failure it names or its malformation. */
export const surveyAnswer = (raw: unknown): SurveyPlan => {
  let m;
  try {
    m = parseSurveyResponse(raw);
  } catch (e) {
    throw new WorkerFailure(toFailure(e));
  }
  if (m.type === 'error') throw new WorkerFailure(m.failure);
  return m.plan;
};

export const runSurveyWorker = (request: Omit<SurveyRequest, 'type'>): Job<SurveyPlan> => {
  const worker = new Worker(new URL('./survey.worker.ts', import.meta.url), { type: 'module' });
  let cancel = () => {};
  const promise = new Promise<SurveyPlan>((resolve, reject) => {
    const fail = (code: string, params: Record<string, string> = {}) => {
      worker.terminate();
      reject(new WorkerFailure({ code, params }));
    };
    cancel = () => fail('cancelled');
    worker.onmessage = (e: MessageEvent<unknown>) => {
      worker.terminate();
      try {
        resolve(surveyAnswer(e.data));
      } catch (err) {
        reject(err instanceof WorkerFailure ? err : new WorkerFailure(toFailure(err)));
      }
    };
    worker.onerror = (e) => fail('unexpected', { message: e.message || 'worker' });
  });
  worker.postMessage({ type: 'survey', ...request } satisfies SurveyRequest);
  return { promise, cancel: () => cancel() };
};
