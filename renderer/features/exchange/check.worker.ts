/**
 * The check of one file, in a worker of its own, started by the check worker (import.worker.ts)
 * and ended once it has handed back the packed plan (checkRun.ts): what the check leaves behind
 * goes with it.
 */
import { createRunHost } from './checkRun';
import { fingerprint, readXlsx } from './fileDeps';

const run = createRunHost((m, transfer) => self.postMessage(m, { transfer }), {
  readXlsx,
  fingerprint,
});
self.onmessage = (e: MessageEvent<unknown>) => void run(e.data);
