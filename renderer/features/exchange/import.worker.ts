/**
 * Parses and checks an import off the main thread, so a 200k-row file never freezes the window,
 * holds the checked plan, and on confirm writes it in its own connection (checkHost.ts). Cancel
 * before the write = the page terminates this worker; during it = `cancel`, which aborts the
 * write's one transaction, so nothing is left half done either way.
 */
import { PasserelleDb } from '../../data/db';
import { createExchangeRepository } from '../../data/repositories/exchange';
import { badMessage } from '../../data/repositories/exchangeWrite';
import type { WorkerResponse } from './protocol';
import { createCheckHost } from './checkHost';
import type { PlanRequest } from './checkRun';
import { fromFailure, runResponseSchema } from './checkRun';
import { fingerprint, readXlsx } from './fileDeps';
import type { PackedPlan } from './heldPlan';

/** Read in this worker's own connection: the directory never crosses into the window. */
const existingViews = async (dbName: string, dataKey: CryptoKey | null) => {
  const db = new PasserelleDb(dbName);
  try {
    return await createExchangeRepository(
      db,
      () => ({ office: '', user: '' }),
      () => dataKey,
    ).existingViews();
  } finally {
    db.close();
  }
};

/**
 * The check in a worker of its own (check.worker.ts), ended with its answer: the plan comes back
 * packed, its parts' bytes transferred, and every answer is parsed by its schema.
 */
const check = (req: PlanRequest, progress: (done: number, total: number) => void) =>
  new Promise<PackedPlan>((resolve, reject) => {
    const w = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
    const end = (f: () => void) => {
      w.terminate();
      f();
    };
    w.onmessage = (e: MessageEvent<unknown>) => {
      // Anything but progress is its last word, already copied here: it is ended before that
      // is parsed, so that it and all it holds are not still there meanwhile.
      if ((e.data as { type?: unknown } | null)?.type !== 'progress') w.terminate();
      const parsed = runResponseSchema.safeParse(e.data);
      if (!parsed.success) return end(() => reject(badMessage(parsed.error)));
      const m = parsed.data;
      if (m.type === 'progress') progress(m.done, m.total);
      else if (m.type === 'packed') end(() => resolve(m.plan));
      else end(() => reject(fromFailure(m.failure)));
    };
    w.onerror = (e) => end(() => reject(new Error(e.message || 'check worker')));
    // The file's bytes move on to it (transferred): this worker has no use for them.
    w.postMessage(req, { transfer: [...new Set(req.files.map((f) => f.bytes.buffer))] });
  });

const host = createCheckHost((m: WorkerResponse) => self.postMessage(m), {
  readXlsx,
  fingerprint,
  existingViews,
  open: (name) => new PasserelleDb(name),
  check,
});
self.onmessage = (e: MessageEvent<unknown>) => void host(e.data);
