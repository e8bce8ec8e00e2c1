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

/** Fewest keys for which the span is read first: below it, a request per key costs little. */
export const SPAN_FROM = 64;

/**
 * Rows for string `keys` of a table keyed by one field, in order (undefined where none): what
 * `bulkGetSliced` answers, read by span when the span is dense. A sync batch of thousands of
 * documents new here (an office's first sync of a region, a bundle of a new partner) cost one
 * IndexedDB request per key, each finding nothing: 30k requests, 2 to 3 s, for a batch of 10k
 * (issue 15). The keys' span [lowest, highest] is read in pages instead, up to twice as many rows
 * as keys; a span holding more than that (a few keys among many rows held) is read key by key,
 * having cost at most those pages.
 */
export const readKeys = async <T>(
  table: Table<T, string>,
  keys: readonly string[],
  size = SLICE,
): Promise<(T | undefined)[]> => {
  const keyPath = table.schema.primKey.keyPath;
  if (keys.length < SPAN_FROM || typeof keyPath !== 'string' || !keyPath)
    return bulkGetSliced(table, keys, size);
  let [lo, hi] = [keys[0]!, keys[0]!];
  for (const k of keys) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  // Strings sort in IndexedDB as they do in JavaScript: by UTF-16 code unit.
  const cap = 2 * keys.length;
  const page = 4 * size;
  const held = new Map<string, T>();
  let from = lo;
  let first = true;
  for (;;) {
    const rows = await table.where(':id').between(from, hi, first, true).limit(page).toArray();
    for (const row of rows) held.set((row as Record<string, unknown>)[keyPath] as string, row);
    if (held.size > cap) return bulkGetSliced(table, keys, size);
    if (rows.length < page) break;
    from = (rows[rows.length - 1] as Record<string, unknown>)[keyPath] as string;
    first = false;
  }
  return keys.map((k) => held.get(k));
};

export const bulkPutSliced = async <T, K>(
  table: Table<T, K>,
  rows: readonly T[],
  size = SLICE,
): Promise<void> => {
  for (let at = 0; at < rows.length; at += size) await table.bulkPut(rows.slice(at, at + size));
};
