/**
 * Encodes a bundle body off the main thread (bodyWriter.ts): documents in, one deflated JSON
 * list out. Signs nothing and keeps nothing: the window signs the body it gets back.
 */
import { bodyEncoder } from '@shared/domain/sync/bundle';
import type { BodyWriteRequest, BodyWriteResponse } from './bodyWriter';

const encoder = bodyEncoder();

self.onmessage = (e: MessageEvent<BodyWriteRequest>) => {
  if (e.data.type === 'docs') return encoder.push(e.data.docs);
  const body = encoder.end();
  self.postMessage({ type: 'body', body } satisfies BodyWriteResponse, {
    transfer: [body.buffer],
  });
};
