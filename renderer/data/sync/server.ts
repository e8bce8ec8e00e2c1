/**
 * The link to a CouchDB server (Settings → Server): PouchDB's live, retrying two-way
 * replication. It resumes by itself after any outage (retry with back-off, checkpoints on both
 * sides). Pulled documents reach Dexie through the same checked apply as bundles.
 */
import type { Pouch } from './pouch';

export type ServerState = 'connecting' | 'active' | 'idle' | 'offline' | 'denied' | 'error';
export type ServerStatus = {
  state: ServerState;
  at: string;
  pushed: number;
  pulled: number;
  message?: string;
};

export type ServerLinkDeps = {
  pouch: Pouch;
  remote: Pouch;
  /** Brings pulled documents into Dexie (serialised with the other sync operations). */
  applyPulled: () => Promise<unknown>;
  onStatus: (status: ServerStatus) => void;
  now?: () => string;
};

/**
 * Documents per replication batch: PouchDB checks and writes a batch in one task on the main
 * thread, so a few hundred keep the screen usable while thousands arrive.
 */
export const SERVER_BATCH = 200;

/** Waits 1 s, then doubles up to 5 min: a long outage costs a few requests an hour. */
export const backOff = (delay: number): number =>
  delay === 0 ? 1000 : Math.min(delay * 2, 300_000);

const describe = (err: unknown): string =>
  typeof err === 'object' && err !== null && 'message' in err
    ? String(err.message).slice(0, 200)
    : 'error';

export const connectServer = (deps: ServerLinkDeps) => {
  const now = deps.now ?? (() => new Date().toISOString());
  let pushed = 0;
  let pulled = 0;
  const emit = (state: ServerState, message?: string) =>
    deps.onStatus({ state, at: now(), pushed, pulled, ...(message ? { message } : {}) });
  emit('connecting');
  const handle = deps.pouch
    .sync(deps.remote, {
      live: true,
      retry: true,
      batch_size: SERVER_BATCH,
      back_off_function: backOff,
    })
    .on('change', (info) => {
      if (info.direction === 'pull') {
        pulled += info.change.docs_written;
        void deps.applyPulled();
      } else pushed += info.change.docs_written;
      emit('active');
    })
    .on('active', () => emit('active'))
    // Paused with an error: the server is unreachable and PouchDB will retry by itself.
    .on('paused', (err) => emit(err ? 'offline' : 'idle', err ? describe(err) : undefined))
    .on('denied', (err) => emit('denied', describe(err)))
    .on('error', (err) => emit('error', describe(err)));
  return { stop: () => handle.cancel() };
};

/** One push and pull, for "Sync now" and for tests: resolves when both directions are done. */
export const syncServerOnce = async (
  pouch: Pouch,
  remote: Pouch,
  applyPulled: () => Promise<unknown>,
) => {
  await pouch.replicate.to(remote, { batch_size: SERVER_BATCH });
  await pouch.replicate.from(remote, { batch_size: SERVER_BATCH });
  await applyPulled();
};
