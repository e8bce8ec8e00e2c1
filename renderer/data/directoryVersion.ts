/**
 * The directory's data version (issue 15, cold start): a token that changes in the same
 * transaction as any write to services, locations or organisations, whoever makes it (a screen,
 * an import, sync, a restore, a test writing straight to the tables). What is cached from the
 * directory (the first page, the search index) carries the token it was built from and is used
 * only while the stored token is still that one: any write makes it stale, hence rebuilt.
 *
 * It is a DBCore middleware so that no write path can forget it: a read-write transaction over a
 * directory table also takes the cache table, and each mutation there puts a fresh token.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/** Local only: never replicated, never in a backup (backupRestore.ts skips it). */
export const DIRECTORY_CACHE = 'directoryCache';
export const DIRECTORY_CACHE_STORES_V15 = { [DIRECTORY_CACHE]: 'key' } as const;
export const VERSION_KEY = 'version';
/**
 * Whether live demo services are there, when known (issue 17): set by loading and removing the
 * demo, forgotten (the row deleted) by any other write that might change the answer — a write of
 * a demo record, a delete — so that a 200k-row import, which writes none, does not make the
 * header read every service after each batch to find out.
 */
export const DEMO_KEY = 'demo';

const WATCHED: ReadonlySet<string> = new Set(['services', 'locations', 'organizations']);

/** Writes to the watched tables made through this code, in any database (see `writesSeen`). */
let writes = 0;
/**
 * How many directory writes this window has made so far: a read taken before a write is not
 * used after it (directoryCache.ts, the first page read as the window starts).
 */
export const writesSeen = (): number => writes;

/** A write that could add or remove a live demo service: any delete, or a demo record written. */
const mayChangeDemo = (req: DBCoreMutateRequest): boolean =>
  req.type === 'delete' ||
  req.type === 'deleteRange' ||
  req.values.some((v: unknown) => (v as { demo?: unknown } | null)?.demo !== false);

export const directoryVersionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'directoryVersion',
  create: (down) => {
    // Databases opened at an older schema (upgrade tests) have no cache table: nothing to do.
    const hasCache = () => down.schema.tables.some((t) => t.name === DIRECTORY_CACHE);
    return {
      ...down,
      transaction(stores, mode, options) {
        const extend =
          mode === 'readwrite' &&
          !stores.includes(DIRECTORY_CACHE) &&
          stores.some((s) => WATCHED.has(s)) &&
          hasCache();
        return down.transaction(extend ? [...stores, DIRECTORY_CACHE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!WATCHED.has(name)) return table;
        const watched: DBCoreTable = {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            writes++;
            const res = await table.mutate(req);
            if (!hasCache()) return res;
            const cache = down.table(DIRECTORY_CACHE);
            await cache.mutate({
              type: 'put',
              trans: req.trans,
              keys: [VERSION_KEY],
              values: [{ key: VERSION_KEY, value: crypto.randomUUID() }],
            });
            if (name === 'services' && mayChangeDemo(req))
              await cache.mutate({ type: 'delete', trans: req.trans, keys: [DEMO_KEY] });
            return res;
          },
        };
        return watched;
      },
    };
  },
};
