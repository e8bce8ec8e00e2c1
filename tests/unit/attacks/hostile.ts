/**
 * What a hostile partner office holds: its own valid keys, trusted by the others. These helpers
 * sign whatever it likes and wrap it in a bundle it signs, as a modified copy of Passerelle
 * would; the tests then check that the other replicas refuse it.
 */
import type { SyncDoc } from '../../../shared/domain/sync/doc';
import { encodeBundle } from '../../../shared/domain/sync/bundle';
import { signDoc } from '../../../renderer/data/sync/docs';
import { signBytes } from '../../../renderer/data/sync/signing';
import type { PouchDoc, StoredDoc } from '../../../renderer/data/sync/pouch';
import type { Replica } from '../sync/kit';
import { pouchState, rows } from '../sync/kit';

/** A document signed by this replica's key, whatever it claims. */
export const forge = async (
  by: Replica,
  body: Omit<SyncDoc, '_rev' | 'sig' | 'author' | 'at'>,
  rev?: string,
): Promise<SyncDoc> => signDoc(await by.service.context(), body, rev);

let range = 1_000_000;
/** A bundle signed by this replica holding exactly these documents (revisions as given). */
export const bundleOf = async (by: Replica, docs: readonly unknown[]) => {
  const keys = await by.service.repo.keys();
  const from = range;
  range += 10;
  return encodeBundle(
    {
      office: by.office,
      key: keys.keyId,
      from,
      to: from + 1,
      count: docs.length,
      createdAt: '2026-11-23T09:00:00.000Z',
    },
    docs,
    (b) => signBytes(keys.signPrivate, b),
  );
};

/** A revision id PouchDB accepts with new_edits: false (32 hex digits). */
export const fakeRev = (seed: string) =>
  Array.from({ length: 32 }, (_, i) => ((seed.charCodeAt(i % seed.length) + i) % 16).toString(16))
    .join('')
    .slice(0, 32);

/**
 * `doc` put on top of the current winner of `base` as its child: a linear history, no
 * conflict, so PouchDB makes it the winner, as a replay under a higher `_rev` would be.
 */
export const asChildOf = (
  doc: object,
  base: StoredDoc & { _revisions?: unknown },
  seed: string,
) => {
  // `seed` may be a revision id itself (32 hex digits) to decide which branch PouchDB prefers.
  const revs = base._revisions as { start: number; ids: string[] };
  const id = /^[0-9a-f]{32}$/.test(seed) ? seed : fakeRev(seed);
  return {
    ...doc,
    _id: base._id,
    _rev: `${revs.start + 1}-${id}`,
    _revisions: { start: revs.start + 1, ids: [id, ...revs.ids] },
  } as PouchDoc;
};

/** The stored document with its revision history, as a bundle would carry it. */
export const withHistory = async (r: Replica, id: string, rev?: string) =>
  (await r.pouch.get(id, { revs: true, ...(rev ? { rev } : {}) })) as StoredDoc & {
    _revisions: { start: number; ids: string[] };
  };

/** Every reason this replica logged for refusing something. */
export const refusals = async (r: Replica) =>
  (await r.service.repo.log(500)).flatMap((l) => (l.reasons ?? []).map((x) => x.reason));

/** What the app shows: the records of a table and the PouchDB state, for before/after. */
export const snapshot = async (r: Replica, table: string) => ({
  rows: await rows(r, table),
  docs: (await pouchState(r)).length,
});
