/**
 * What the directory keeps between sessions so that it opens at once with 50k services
 * (issue 15, cold start): the first page of the list (in name order, with the count) and the
 * search index, each with the data version it was built from (directoryVersion.ts). Either is
 * used only while that version is still the stored one; the caller checks the index doc by doc
 * before it answers a query.
 *
 * Both are built for nobody in particular: a restricted location is stored redacted as for a
 * user who may not see it (visibility.ts), whoever was logged in when they were saved, so no
 * restricted address is in them, and a user who may see it gets it from the records themselves.
 */
import { z } from 'zod';
import type { Subject } from '@shared/domain/accounts/permissions';
import { redactView } from '@shared/domain/accounts/visibility';
import type { ServiceView } from '@shared/domain/directory/schema';
import { locationSchema, organizationSchema, serviceSchema } from '@shared/domain/directory/schema';
import type { SearchDoc, SearchIndex } from '@shared/domain/directory/search';
import { restoreIndexSteps, serializeIndexSteps } from '@shared/domain/directory/searchIndexStore';
import { runInSlices, type Steps } from '@shared/domain/steps';
import type { PasserelleDb } from '../db';
import { DEMO_KEY, DIRECTORY_CACHE, VERSION_KEY, writesSeen } from '../directoryVersion';
import { yieldToMain } from '../sync/yield';

export const FIRST_PAGE_SIZE = 50;
const FIRST_PAGE = 'firstPage';
const INDEX = 'searchIndex';

const viewSchema = z.object({
  service: serviceSchema,
  organization: organizationSchema.optional(),
  locations: z.array(locationSchema),
});
const firstPageSchema = z.object({
  key: z.literal(FIRST_PAGE),
  version: z.string().min(1),
  /** Live services (the list's count with no filter), and how many of them are demo ones. */
  total: z.number().int().min(0),
  demo: z.number().int().min(0),
  /** The first services in name order, as everybody may see them. */
  views: z.array(viewSchema).max(FIRST_PAGE_SIZE),
});
/**
 * The same row, for its counts only: the demo banner asks as the window opens, alongside the
 * list, and parsing fifty views again for one number cost milliseconds of the cold start. The
 * views are not read from it (an object schema drops the keys it does not name).
 */
const firstPageCountsSchema = firstPageSchema.pick({ key: true, version: true, demo: true });
const indexRowSchema = z.object({
  key: z.literal(INDEX),
  version: z.string().min(1),
  /** The labels' language: category and population names are indexed in it. */
  locale: z.string().min(1),
  index: z.unknown(),
});
/**
 * Restoring or saving the index at 50k services is hundreds of ms of work: it runs in slices of
 * this many ms, so a keystroke waits one slice at most (issue 15).
 */
const SLICE_MS = 12;

/** Thrown between slices when the caller no longer wants the work (its data changed). */
class Abandoned extends Error {}

const inSlices = async <T>(steps: Steps<T>, wanted: () => boolean): Promise<T> =>
  runInSlices(
    steps,
    async () => {
      await yieldToMain();
      if (!wanted()) throw new Abandoned('abandoned');
    },
    SLICE_MS,
  );

const versionRowSchema = z.object({ key: z.literal(VERSION_KEY), value: z.string().min(1) });
const demoRowSchema = z.object({ key: z.literal(DEMO_KEY), present: z.boolean() });

export type FirstPage = { version: string; total: number; views: ServiceView[] };

/** A version for a database never written to (no directory write yet). */
const NONE = 'none';

/** The doc everybody may see, by service id, for each view showing a restricted location. */
function* openDocs(
  views: readonly ServiceView[],
  toDoc: (v: ServiceView) => SearchDoc,
): Steps<Map<string, SearchDoc>> {
  const overrides = new Map<string, SearchDoc>();
  for (let i = 0; i < views.length; i++) {
    const v = views[i]!;
    const open = redactView(null, v);
    if (open !== v) overrides.set(v.service.id, toDoc(open));
    if (i % 1024 === 1023) yield;
  }
  return overrides;
}

const versionOf = (row: unknown): string => {
  const r = versionRowSchema.safeParse(row);
  return r.success ? r.data.value : NONE;
};

type CheckedPage = { current: string; page: ReturnType<typeof firstPageSchema.safeParse> };

/** The data version and the stored page as read together, the page checked by its schema. */
const checkPage = (versionRow: unknown, pageRow: unknown): CheckedPage => ({
  current: versionOf(versionRow),
  page: firstPageSchema.safeParse(pageRow),
});

/** How long a first page read as the window starts may wait for the screen that shows it. */
const EARLY_FOR_MS = 10_000;
let early:
  | { db: PasserelleDb; at: number; writes: number; read: Promise<CheckedPage | undefined> }
  | undefined;

/**
 * Reads the stored first page and the data version now, as the window starts (main.tsx), so
 * that the read, and the page's check by its schema, run while the window waits for its session
 * and strings, instead of after them (issue 15, cold start). The page is only held: the
 * directory's first `firstPage()` redacts it for the user then logged in, as it does a read of
 * its own, and uses it only if nothing was written to the directory since, within a few seconds.
 */
export const readFirstPageEarly = (db: PasserelleDb): void => {
  const read = db
    .table(DIRECTORY_CACHE)
    .bulkGet([VERSION_KEY, FIRST_PAGE])
    .then(([v, page]) => checkPage(v, page))
    .catch(() => undefined); // read again by firstPage()
  early = { db, at: performance.now(), writes: writesSeen(), read };
};

/** The early read, once, if still good for `db`; else undefined (the caller reads). */
const takeEarly = (db: PasserelleDb): Promise<CheckedPage | undefined> | undefined => {
  const taken = early;
  early = undefined;
  if (!taken || taken.db !== db || taken.writes !== writesSeen()) return undefined;
  return performance.now() - taken.at <= EARLY_FOR_MS ? taken.read : undefined;
};

export const createDirectoryCache = (db: PasserelleDb, subject?: () => Subject | null) => {
  const table = () => db.table<{ key: string; [field: string]: unknown }, string>(DIRECTORY_CACHE);
  const redact = (v: ServiceView): ServiceView => (subject ? redactView(subject(), v) : v);

  /** The current data version (read inside the caller's transaction when there is one). */
  const version = async (): Promise<string> => versionOf(await table().get(VERSION_KEY));

  /** The stored first page, if it was built from the data as it is now. */
  const firstPage = async (): Promise<FirstPage | undefined> => {
    const { current, page } =
      (await takeEarly(db)) ??
      checkPage(
        ...(await db.transaction('r', table(), () =>
          Promise.all([table().get(VERSION_KEY), table().get(FIRST_PAGE)]),
        )),
      );
    if (!page.success || page.data.version !== current) return undefined;
    return {
      version: current,
      total: page.data.total,
      views: page.data.views.map((v) => redact({ ...v, organization: v.organization })),
    };
  };

  /** Whether live demo services are there, if still known (DEMO_KEY); undefined otherwise. */
  const demoKnown = async (): Promise<boolean | undefined> => {
    const row = demoRowSchema.safeParse(await table().get(DEMO_KEY));
    return row.success ? row.data.present : undefined;
  };

  /** Notes the answer, inside the caller's transaction (which must take the cache table). */
  const markDemo = async (present: boolean): Promise<void> =>
    void (await table().put({ key: DEMO_KEY, present }));

  /** How many live demo services there are, from the first page's row if it is current. */
  const demoCount = async (): Promise<number | undefined> => {
    const [current, row] = await db.transaction('r', table(), () =>
      Promise.all([version(), table().get(FIRST_PAGE)]),
    );
    const page = firstPageCountsSchema.safeParse(row);
    return page.success && page.data.version === current ? page.data.demo : undefined;
  };

  /**
   * The stored search index, if built from data version `v` in `locale`; else undefined (also
   * when `wanted` turns false between slices of the restore).
   */
  const searchIndex = async (
    v: string,
    locale: string,
    wanted: () => boolean = () => true,
  ): Promise<SearchIndex | undefined> => {
    const row = indexRowSchema.safeParse(await table().get(INDEX));
    if (!row.success || row.data.version !== v || row.data.locale !== locale) return undefined;
    try {
      return await inSlices(restoreIndexSteps(row.data.index), wanted);
    } catch {
      return undefined; // rebuilt by the caller
    }
  };

  /** Writes `rows` if the data is still at version `v` (else they would be stale at once). */
  const putIfCurrent = (v: string, rows: { key: string; [field: string]: unknown }[]) =>
    db.transaction('rw', table(), async () => {
      if ((await version()) !== v) return false;
      await table().bulkPut(rows);
      return true;
    });

  /**
   * Saves the first page of `views` (data version `v`): `first`, the views in name order (as
   * many as the page holds), `total` the number of live services. Redacted here as for a user
   * who may see no restricted location.
   */
  const saveFirstPage = async (input: {
    version: string;
    total: number;
    demo: number;
    first: readonly ServiceView[];
  }): Promise<boolean> =>
    putIfCurrent(input.version, [
      firstPageSchema.parse({
        key: FIRST_PAGE,
        version: input.version,
        total: input.total,
        demo: input.demo,
        views: input.first.slice(0, FIRST_PAGE_SIZE).map((v) => redactView(null, v)),
      }),
    ]);

  /**
   * Saves the index built from `views` at data version `v` (`index` holds `toDoc` of each view),
   * with the doc everybody may see in place of any view showing a restricted location. Runs in
   * slices; `wanted` is asked between them, and false (the index is changing) drops the save,
   * so what is stored is never half one index and half the next.
   */
  const saveIndex = async (input: {
    version: string;
    locale: string;
    views: readonly ServiceView[];
    index: SearchIndex;
    toDoc: (v: ServiceView) => SearchDoc;
    wanted?: () => boolean;
  }): Promise<boolean> => {
    const wanted = input.wanted ?? (() => true);
    if (input.index.slotOf.size !== input.views.length) return false;
    try {
      const overrides = await inSlices(openDocs(input.views, input.toDoc), wanted);
      const stored = await inSlices(serializeIndexSteps(input.index, overrides), wanted);
      if (!wanted()) return false;
      return await putIfCurrent(input.version, [
        { key: INDEX, version: input.version, locale: input.locale, index: stored },
      ]);
    } catch (e) {
      if (e instanceof Abandoned) return false;
      throw e;
    }
  };

  /** Every view and the data version they are, read in one transaction. */
  const withVersion = async <T>(read: () => Promise<T>): Promise<{ value: T; version: string }> =>
    db.transaction('r', [db.services, db.organizations, db.locations, table()], async () => {
      const [value, v] = await Promise.all([read(), version()]);
      return { value, version: v };
    });

  return {
    table,
    firstPage,
    demoKnown,
    markDemo,
    demoCount,
    searchIndex,
    saveFirstPage,
    saveIndex,
    withVersion,
    version,
  };
};

export type DirectoryCache = ReturnType<typeof createDirectoryCache>;
