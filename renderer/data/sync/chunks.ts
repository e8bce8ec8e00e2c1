/**
 * Dexie reads and writes of a whole sync batch, issued a slice at a time. Thousands of
 * IndexedDB requests issued at once are one long task (each request a call into the browser,
 * each put a structured clone). Inside a transaction the main thread cannot be given back (the
 * transaction would commit), but each slice is issued from the success of the one before: every
 * slice is then its own task, and a request always pending keeps the transaction open.
 */
import type { IndexableType, Table } from 'dexie';
import { SLICE } from './yield';

export const bulkGetSliced = async <T, K extends IndexableType>(
  table: Table<T, K>,
  keys: readonly K[],
  size = SLICE,
): Promise<(T | undefined)[]> => {
  const out: (T | undefined)[] = [];
  for (let at = 0; at < keys.length; at += size)
    for (const row of await table.bulkGet(keys.slice(at, at + size))) out.push(row);
  return out;
};

export const bulkPutSliced = async <T, K>(
  table: Table<T, K>,
  rows: readonly T[],
  size = SLICE,
): Promise<void> => {
  for (let at = 0; at < rows.length; at += size) await table.bulkPut(rows.slice(at, at + size));
};
