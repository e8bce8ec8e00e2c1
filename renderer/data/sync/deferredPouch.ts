/**
 * A replica opened on first use (issue 15, cold start): the window starts without loading
 * PouchDB (about 200 kB) or opening its IndexedDB store; the first operation — a sync, a
 * drain, the server link — loads and opens it. Every operation waits for the same opening.
 */
import type { Pouch, SyncHandle } from './pouch';

/** The real database behind a deferred one, so PouchDB is never handed a stand-in. */
const sources = new WeakMap<object, () => Promise<Pouch>>();
const realOf = (db: unknown): Promise<unknown> =>
  typeof db === 'object' && db !== null && sources.has(db)
    ? sources.get(db)!()
    : Promise.resolve(db);

type Listener = (...args: never[]) => void;
/** `on` with the event as a plain string; called on the handle, as EventEmitter needs `this`. */
const listen = (h: SyncHandle, event: string, cb: Listener) =>
  (h as unknown as { on: (e: string, cb: Listener) => unknown }).on(event, cb);

/** A live sync handle for a replication that starts once both databases are open. */
// `start` wraps the handle in an object: PouchDB's handle is also a promise of the replication's
// end, so resolving a promise with it would wait for a live sync that never ends.
const deferredSync = (start: () => Promise<{ handle: SyncHandle }>): SyncHandle => {
  const listeners: [string, Listener][] = [];
  let real: SyncHandle | null = null;
  let cancelled = false;
  // An opening that fails is reported like a failed replication: on the handle's 'error'.
  void start().then(
    ({ handle: h }) => {
      if (cancelled) return h.cancel();
      real = h;
      for (const [event, cb] of listeners) listen(h, event, cb);
    },
    (err: unknown) => {
      for (const [event, cb] of listeners) if (event === 'error') (cb as (e: unknown) => void)(err);
    },
  );
  const handle = {
    on(event: string, cb: Listener) {
      listeners.push([event, cb]);
      if (real) listen(real, event, cb);
      return handle;
    },
    cancel() {
      cancelled = true;
      real?.cancel();
    },
  } as SyncHandle;
  return handle;
};

export const deferPouch = (open: () => Promise<Pouch>): Pouch => {
  let opening: Promise<Pouch> | undefined;
  const db = () => (opening ??= open());
  const deferred: Pouch = {
    info: async () => (await db()).info(),
    allDocs: async (options) => (await db()).allDocs(options),
    bulkDocs: async (docs, options) => (await db()).bulkDocs(docs, options),
    changes: async (options) => (await db()).changes(options),
    bulkGet: async (options) => (await db()).bulkGet(options),
    get: async (id, options) => (await db()).get(id, options),
    sync: (remote, options) =>
      deferredSync(async () => {
        const [local, other] = await Promise.all([db(), realOf(remote)]);
        return { handle: local.sync(other, options) };
      }),
    replicate: {
      to: async (remote, options) => (await db()).replicate.to(await realOf(remote), options),
      from: async (remote, options) => (await db()).replicate.from(await realOf(remote), options),
    },
    destroy: async () => (await db()).destroy(),
    close: async () => (opening ? (await opening).close() : undefined),
  };
  sources.set(deferred, db);
  return deferred;
};
