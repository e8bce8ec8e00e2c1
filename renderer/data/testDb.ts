/**
 * Test helper (only tests import it): Passerelle databases on fake-indexeddb with unique names,
 * closed and deleted after each test by `afterEach(deleteTestDbs)`.
 */
import Dexie from 'dexie';
import { PasserelleDb } from './db';

let n = 0;
const opened: Dexie[] = [];

export const testDbName = (prefix: string): string => `${prefix}-${++n}`;

/** A database that `deleteTestDbs` will close and delete. */
export const openTestDb = (name: string): PasserelleDb => {
  const db = new PasserelleDb(name);
  opened.push(db);
  return db;
};

export const deleteTestDbs = async (): Promise<void> => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
};
