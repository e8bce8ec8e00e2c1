/**
 * Encodes a bundle body off the main thread (bodyWriter.ts): documents in, one deflated JSON
 * list out. Signs nothing and keeps nothing: the window signs the body it gets back.
 */
import type { BodyWriteRequest } from './bodyWriter';
import { bodyWriterHost } from './bodyWriter';

const serve = bodyWriterHost((m) => self.postMessage(m, { transfer: [m.body.buffer] }));
self.onmessage = (e: MessageEvent<BodyWriteRequest>) => serve(e.data);
