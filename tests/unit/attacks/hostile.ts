/**
 * What a hostile partner office holds: its own valid keys, trusted by the others. These helpers
 * sign whatever it likes and wrap it in a bundle it signs, as a modified copy of Passerelle
 * would; the tests then check that the other replicas refuse it.
 */
import { Deflate } from 'fflate';
import type { SyncDoc } from '../../../shared/domain/sync/doc';
import { BUNDLE_MAGIC, encodeBundle } from '../../../shared/domain/sync/bundle';
import { concatBytes, utf8 } from '../../../shared/domain/sync/codec';
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
/**
 * A bundle signed by this replica holding exactly these documents (revisions as given), its
 * header announcing `count` of them.
 */
export const bundleOf = async (by: Replica, docs: readonly unknown[], count = docs.length) => {
  const keys = await by.service.repo.keys();
  const from = range;
  range += 10;
  return encodeBundle(
    {
      office: by.office,
      key: keys.keyId,
      from,
      to: from + 1,
      count,
      createdAt: '2026-11-23T09:00:00.000Z',
    },
    docs,
    (b) => signBytes(keys.signPrivate, b),
  );
};

/** A bundle signed by this replica around any compressed body, its header saying `count`. */
export const bundleAround = async (by: Replica, body: Uint8Array, count = 0) => {
  const keys = await by.service.repo.keys();
  const from = range;
  range += 10;
  const head = utf8(
    JSON.stringify({
      format: 'passerelle-bundle',
      version: 1,
      office: by.office,
      key: keys.keyId,
      from,
      to: from + 1,
      count,
      createdAt: '2026-11-23T09:00:00.000Z',
      compression: 'deflate',
      bodyBytes: body.length,
    }),
  );
  const len = new Uint8Array([0, 0, head.length >> 8, head.length & 255]);
  const signed = concatBytes(BUNDLE_MAGIC, len, head, body);
  return concatBytes(signed, await signBytes(keys.signPrivate, signed));
};

/** A deflate bomb: `[` then spaces, valid JSON all the way, so only the size can stop it. */
export const bomb = (inflated: number): Uint8Array => {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 }, (chunk) => void parts.push(chunk));
  const step = new Uint8Array(1024 * 1024).fill(0x20);
  deflate.push(utf8('['));
  for (let done = 0; done < inflated; done += step.length) deflate.push(step);
  deflate.push(utf8(']'), true);
  return concatBytes(...parts);
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
