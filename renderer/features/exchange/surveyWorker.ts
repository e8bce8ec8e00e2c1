/** Runs the survey worker once; Cancel terminates it (it writes nothing). */
import type { SurveyPlan } from '@shared/domain/exchange/survey';
import type { SurveyRequest, SurveyResponse } from './survey.worker';
import type { Job } from './worker';
import { WorkerFailure } from './worker';

export const runSurveyWorker = (request: SurveyRequest): Job<SurveyPlan> => {
  const worker = new Worker(new URL('./survey.worker.ts', import.meta.url), { type: 'module' });
  let cancel = () => {};
  const promise = new Promise<SurveyPlan>((resolve, reject) => {
    const fail = (code: string, params: Record<string, string> = {}) => {
      worker.terminate();
      reject(new WorkerFailure({ code, params }));
    };
    cancel = () => fail('cancelled');
    worker.onmessage = (e: MessageEvent<SurveyResponse>) => {
      worker.terminate();
      if (e.data.type === 'survey') resolve(e.data.plan);
      else reject(new WorkerFailure(e.data.failure));
    };
    worker.onerror = (e) => fail('unexpected', { message: e.message || 'worker' });
  });
  worker.postMessage(request);
  return { promise, cancel: () => cancel() };
};
