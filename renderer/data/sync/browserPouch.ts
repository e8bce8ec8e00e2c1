/** PouchDB in the window: IndexedDB adapter, HTTP for a CouchDB server, replication built in. */
import PouchDB from 'pouchdb-browser';
import type { Pouch } from './pouch';

/** This installation's replica. One per profile, beside the Dexie database. */
export const LOCAL_POUCH_NAME = 'passerelle-sync';

export const openLocalPouch = (name = LOCAL_POUCH_NAME): Pouch =>
  new PouchDB(name, { auto_compaction: false }) as unknown as Pouch;

export const openRemotePouch = (url: string, username: string, password: string): Pouch =>
  new PouchDB(url, {
    skip_setup: true,
    ...(username ? { auth: { username, password } } : {}),
  }) as unknown as Pouch;
