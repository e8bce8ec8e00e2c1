/**
 * The window's side of bundleBody.ts: the documents of a verified body, batch after batch, the
 * main thread given back between two. Decoded in a Worker where there is one; where there is
 * none (Node tests), by the same code here.
 */
import type { BodyRefusal, BodyRequest, BodyResponse } from './bundleBody';
import { serveBody } from './bundleBody';
import { SLICE, yieldToMain } from './yield';

/** The body was refused before any of it was checked: too large, or not what was signed for. */
export class BodyRefused extends Error {
  constructor(readonly reason: BodyRefusal) {
    super(`bundle body refused: ${reason}`);
    this.name = 'BodyRefused';
  }
}

async function* fromWorker(
  body: Uint8Array<ArrayBuffer>,
  count: number,
  batch: number,
): AsyncGenerator<BodyResponse> {
  const worker = new Worker(new URL('./bundleBody.worker.ts', import.meta.url), {
    type: 'module',
  });
  const queue: BodyResponse[] = [];
  let failure: Error | undefined;
  let wake: () => void = () => {};
  worker.onmessage = (e: MessageEvent<BodyResponse>) => {
    queue.push(e.data);
    wake();
  };
  // A worker that cannot start or crashes is an error of this installation, not the file's.
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    failure = new Error(`bundle worker: ${e.message || 'failed'}`);
    wake();
  };
  worker.onmessageerror = () => {
    failure = new Error('bundle worker: unreadable message');
    wake();
  };
  try {
    // Transferred: this copy is the worker's alone, and the file's bytes stay in the window.
    worker.postMessage({ body, count, batch } satisfies BodyRequest, [body.buffer]);
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((r) => (wake = () => r()));
      if (failure) throw failure;
      const m = queue.shift()!;
      yield m;
      if (m.type !== 'docs') return;
    }
  } finally {
    worker.terminate();
  }
}

async function* inWindow(request: BodyRequest): AsyncGenerator<BodyResponse> {
  const out: BodyResponse[] = [];
  serveBody(request, (m) => out.push(m));
  yield* out;
}

/**
 * The body's documents in batches of `batch`, in order. Throws BodyRefused when the body
 * inflates past its limits, is not a JSON list, or does not hold exactly `count` documents;
 * stopping early (the caller's loop ends or throws) terminates the worker.
 */
export async function* readBody(
  body: Uint8Array,
  count: number,
  batch = SLICE,
): AsyncGenerator<unknown[]> {
  const messages =
    typeof Worker === 'undefined'
      ? inWindow({ body, count, batch })
      : fromWorker(new Uint8Array(body), count, batch);
  let received = 0;
  for await (const m of messages) {
    if (m.type === 'refused') throw new BodyRefused(m.reason);
    // What the worker sends is counted again here: never more, nor fewer, than signed for.
    if (m.type === 'done') {
      if (received !== count || m.total !== count) throw new BodyRefused('tampered');
      return;
    }
    // Each batch in its own task, even when several are waiting.
    if (received > 0) await yieldToMain();
    received += m.docs.length;
    if (received > count) throw new BodyRefused('tampered');
    yield m.docs;
  }
  throw new BodyRefused('tampered');
}
