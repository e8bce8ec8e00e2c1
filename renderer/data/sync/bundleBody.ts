/**
 * The body of a bundle whose signature has been verified, inflated and parsed: the one contract
 * between the window and the worker that does it (bundleBody.worker.ts), and the decoding itself,
 * which the window runs only where there is no Worker (Node tests). Inflating and parsing 10k
 * documents is seconds of one synchronous task: in the window it froze the screen.
 *
 * The worker keeps every limit of the body (MAX_INFLATED_BYTES and the inflate ratio, counted as
 * it inflates: decodeBundleBody), refuses a list whose length is not the signed header's count
 * before sending a single document, and sends the documents in batches so the window checks
 * and applies one batch per task. It decides nothing about trust: every document is checked in
 * the window as before.
 */
import { BundleTooLarge, decodeBundleBody } from '@shared/domain/sync/bundle';

export type BodyRequest = {
  /** The compressed body alone (a copy, transferred: the window keeps the file's bytes). */
  body: Uint8Array;
  /** The signed header's document count. */
  count: number;
  /** Documents per `docs` message. */
  batch: number;
};

export type BodyRefusal = 'tooLarge' | 'tampered';

export type BodyResponse =
  | { type: 'docs'; docs: unknown[] }
  | { type: 'done'; total: number }
  | { type: 'refused'; reason: BodyRefusal };

/** The decoding, as the worker runs it: `post` receives every message in order. */
export const serveBody = (req: BodyRequest, post: (m: BodyResponse) => void): void => {
  let docs: unknown[];
  try {
    docs = decodeBundleBody(req.body);
  } catch (e) {
    post({ type: 'refused', reason: e instanceof BundleTooLarge ? 'tooLarge' : 'tampered' });
    return;
  }
  // A list longer or shorter than signed for is refused whole, before any of it is sent.
  if (docs.length !== req.count) {
    post({ type: 'refused', reason: 'tampered' });
    return;
  }
  const size = Math.max(1, Math.floor(req.batch));
  for (let at = 0; at < docs.length; at += size)
    post({ type: 'docs', docs: docs.slice(at, at + size) });
  post({ type: 'done', total: docs.length });
};
