/**
 * Long work on the main thread, in steps: a generator that yields between steps runs here with
 * a macrotask pause after each, so the window paints and answers clicks in between (issue 15:
 * no long task over 100 ms during an import).
 */
import { runInSlices, type Steps } from '@shared/domain/steps';
import type { Duplicate } from '@shared/domain/exchange/duplicates';
import { findDuplicatesStepwise } from '@shared/domain/exchange/duplicates';
import type { ServiceView } from '@shared/domain/directory/schema';
import type { ImportPlan } from '@shared/domain/exchange/types';

/** A macrotask, not a microtask: only that lets the browser paint and handle input. */
const pause = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

export const runStepwise = <R>(steps: Steps<R>, budgetMs = 30): Promise<R> =>
  runInSlices(steps, pause, budgetMs);

/** Likely duplicates, found without holding the window for more than a few tens of ms. */
export const findDuplicatesInSteps = (
  plan: ImportPlan,
  existing: readonly ServiceView[],
): Promise<Duplicate[]> => runStepwise(findDuplicatesStepwise(plan, existing, 500));
