/**
 * Inflates and parses a verified bundle body off the main thread (bundleBody.ts). Writes
 * nothing and trusts nothing: the window terminates it when done, refused or abandoned.
 */
import type { BodyRequest, BodyResponse } from './bundleBody';
import { serveBody } from './bundleBody';

self.onmessage = (e: MessageEvent<BodyRequest>) =>
  serveBody(e.data, (m: BodyResponse) => self.postMessage(m));
