/**
 * The body of a bundle being exported, encoded in a worker (bodyWriter.worker.ts): turning 10k
 * documents into JSON and deflating it was one task of hundreds of milliseconds in the window
 * (issue 15, no long task during a sync of 10k changes). The window sends the documents a slice
 * per task; where there is no Worker (Node tests), the same encoder runs here.
 */
import { bodyEncoder, encodeBody } from '@shared/domain/sync/bundle';
import { SLICE, yieldToMain } from './yield';

/** The one contract between the window and the worker. */
export type BodyWriteRequest = { type: 'docs'; docs: unknown[] } | { type: 'end' };
export type BodyWriteResponse = { type: 'body'; body: Uint8Array<ArrayBuffer> };

/** The worker's side, as bodyWriter.worker.ts runs it: one body per worker. */
export const bodyWriterHost = (post: (m: BodyWriteResponse) => void) => {
  const encoder = bodyEncoder();
  return (m: BodyWriteRequest): void => {
    if (m.type === 'docs') encoder.push(m.docs);
    else post({ type: 'body', body: encoder.end() });
  };
};

export const writeBody = async (
  docs: readonly unknown[],
  slice = SLICE,
): Promise<Uint8Array<ArrayBuffer>> => {
  if (typeof Worker === 'undefined') return encodeBody(docs);
  const worker = new Worker(new URL('./bodyWriter.worker.ts', import.meta.url), {
    type: 'module',
  });
  try {
    const body = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<BodyWriteResponse>) =>
        e.data?.type === 'body' && e.data.body instanceof Uint8Array
          ? resolve(e.data.body)
          : reject(new Error('bundle writer: unexpected message'));
      // A worker that cannot start or fails is an error of this installation: nothing is saved.
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        reject(new Error(`bundle writer: ${e.message || 'failed'}`));
      };
      worker.onmessageerror = () => reject(new Error('bundle writer: unreadable message'));
    });
    for (let at = 0; at < docs.length; at += slice) {
      if (at > 0) await yieldToMain();
      worker.postMessage({
        type: 'docs',
        docs: docs.slice(at, at + slice),
      } satisfies BodyWriteRequest);
    }
    worker.postMessage({ type: 'end' } satisfies BodyWriteRequest);
    return await body;
  } finally {
    worker.terminate();
  }
};
