/** PouchDB in the window: IndexedDB adapter, HTTP for a CouchDB server, replication built in. */
import { deferPouch } from './deferredPouch';
import type { Pouch } from './pouch';

/** This installation's replica. One per profile, beside the Dexie database. */
export const LOCAL_POUCH_NAME = 'passerelle-sync';

// Loaded with the first replica actually used, not with the window (issue 15, cold start).
type PouchDbClass = new (name: string, options: object) => unknown;
let library: Promise<PouchDbClass> | undefined;
const pouchDb = () =>
  (library ??= import('pouchdb-browser').then((m) => m.default as unknown as PouchDbClass));

export const openLocalPouch = (name = LOCAL_POUCH_NAME): Pouch =>
  deferPouch(
    async () => new (await pouchDb())(name, { auto_compaction: false }) as unknown as Pouch,
  );

export const openRemotePouch = (url: string, username: string, password: string): Pouch =>
  deferPouch(
    async () =>
      new (await pouchDb())(url, {
        skip_setup: true,
        ...(username ? { auth: { username, password } } : {}),
      }) as unknown as Pouch,
  );
