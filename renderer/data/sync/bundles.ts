/**
 * Bundle files: this installation's PouchDB changes for a range of its local sequence, with
 * their revision histories, signed and compressed; and the import of other offices' bundles,
 * checked whole before `bulkDocs(docs, { new_edits: false })` (the path CouchDB's replicator
 * takes), so a bad bundle changes nothing and a good one applied twice changes nothing more.
 */
import type { BundleHeader, Range } from '@shared/domain/sync/bundle';
import {
  addRange,
  bundleFileName,
  coveredBy,
  frameBundle,
  parseBundleFrame,
} from '@shared/domain/sync/bundle';
import type { SyncDoc } from '@shared/domain/sync/doc';
import type { RejectReason } from '@shared/domain/sync/verify';
import { checkAll, checkDoc } from '@shared/domain/sync/verify';
import { toBase64 } from '@shared/domain/sync/codec';
import type { PasserelleDb } from '../db';
import type { LogChannel, LogRow } from '../repositories/sync';
import { getMeta, setMeta, syncTables } from '../repositories/sync';
import { signBytes } from './signing';
import type { Pouch, PouchDoc } from './pouch';
import type { CheckedRevisions, Trust } from './trust';
import { noteChecked } from './trust';
import { SLICE, inSlices, yieldToMain } from './yield';
import { BodyRefused, readBody } from './bodyReader';
import { writeBody } from './bodyWriter';
import { currentHead, noteBundleHead } from './heads';

export type ExportedBundle = {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  header: Omit<BundleHeader, 'bodyBytes' | 'compression' | 'format' | 'version'>;
  /** Moves the cursor past this bundle: call once the file is safely written. */
  commit: () => Promise<void>;
};

export type BundleCursor = 'exportedSeq' | 'handExportedSeq';

export const exportBundle = async (
  db: PasserelleDb,
  pouch: Pouch,
  trust: Trust,
  {
    cursor,
    all = false,
    relay = false,
    now = () => new Date().toISOString(),
  }: { cursor: BundleCursor; all?: boolean; relay?: boolean; now?: () => string },
): Promise<ExportedBundle | null> => {
  const t = syncTables(db);
  const from = all ? 0 : await getMeta(t, cursor, 0);
  const changes = await pouch.changes({ since: from, style: 'all_docs' });
  if (changes.results.length === 0) return null;
  const to = Number(changes.last_seq);
  const wanted = changes.results.flatMap((r) => r.changes.map((c) => ({ id: r.id, rev: c.rev })));
  const got = await pouch.bulkGet({ docs: wanted, revs: true });
  const raws = got.results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d ? [d.ok] : [])));
  // What is passed on is filtered by trust as it is now: a key revoked since, or a document
  // that came from a server and fails its check, is not relayed (one such document would make
  // every partner refuse the whole bundle). This installation's own documents need no check.
  const candidates = raws.filter((d) => {
    const author = (d as { author?: { office?: string; key?: string } }).author;
    const key = author?.key ? trust.keyInfo(author.key) : undefined;
    if (!key || key.revoked || key.office !== author?.office) return false;
    return relay || author.office === trust.self.office;
  });
  const checks = await Promise.all(
    candidates.map(async (d) =>
      (d as { author?: { key?: string } }).author?.key === trust.self.keys.keyId ||
      (await checkDoc(d, trust)).ok
        ? d
        : null,
    ),
  );
  const docs = checks.filter((d) => d !== null);
  if (docs.length === 0) {
    await setMeta(t, cursor, to);
    return null;
  }
  docs.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : a._rev < b._rev ? -1 : 1));
  const self = trust.self;
  const header = {
    office: self.office,
    key: self.keys.keyId,
    from,
    to,
    count: docs.length,
    createdAt: now(),
    // Every bundle carries this installation's audit head, signed with it (hole 6).
    audit: await currentHead(db),
  };
  // Encoded off the main thread (bodyWriter.ts), signed here.
  const body = await writeBody(docs);
  const bytes = await frameBundle(header, body, (b) => signBytes(self.keys.signPrivate, b));
  return {
    name: bundleFileName(header),
    bytes,
    header,
    commit: () => setMeta(t, cursor, to).then(() => undefined),
  };
};

export type ImportOutcome =
  | { status: 'applied'; office: string; count: number; range: Range }
  | { status: 'replayed'; office: string; range: Range }
  | { status: 'own' }
  | { status: 'incomplete' }
  | {
      status: 'rejected';
      reason:
        'format' | 'version' | 'tampered' | 'tooLarge' | 'unknownSigner' | 'revoked' | 'documents';
      office?: string;
      documents?: { docId: string; reason: RejectReason }[];
    };

export const importBundle = async (
  db: PasserelleDb,
  pouch: Pouch,
  trust: Trust,
  bytes: Uint8Array,
  {
    channel,
    file,
    now = () => new Date().toISOString(),
    checked,
  }: { channel: LogChannel; file?: string; now?: () => string; checked?: CheckedRevisions },
): Promise<ImportOutcome> => {
  const t = syncTables(db);
  const log = (row: Omit<LogRow, 'at' | 'channel'>) =>
    t.log.add({ at: now(), channel, ...(file ? { file } : {}), ...row });
  const reject = async (outcome: Extract<ImportOutcome, { status: 'rejected' }>, key?: string) => {
    await log({
      kind: 'rejected',
      count: outcome.documents?.length ?? 0,
      ...(outcome.office ? { office: outcome.office } : {}),
      ...(key ? { key } : {}),
      reasons: outcome.documents?.slice(0, 100) ?? [
        { docId: '', reason: outcome.reason === 'documents' ? 'format' : outcome.reason },
      ],
    });
    return outcome;
  };

  const frame = parseBundleFrame(bytes);
  if (frame.kind === 'incomplete') return { status: 'incomplete' };
  if (frame.kind === 'invalid')
    return reject({
      status: 'rejected',
      reason: frame.reason === 'version' ? 'version' : frame.reason,
    });
  const { header } = frame;
  if (header.key === trust.self.keys.keyId) return { status: 'own' };
  const key = trust.keyInfo(header.key);
  if (!key || key.office !== header.office)
    return reject(
      { status: 'rejected', reason: 'unknownSigner', office: header.office },
      header.key,
    );
  if (key.revoked)
    return reject({ status: 'rejected', reason: 'revoked', office: header.office }, header.key);
  const signature = new Uint8Array(frame.signature);
  if (!(await trust.verify(header.key, new Uint8Array(frame.signed), toBase64(signature))))
    return reject({ status: 'rejected', reason: 'tampered', office: header.office }, header.key);
  // The writer's audit head, kept even when the bundle is a replay: a head that went back
  // between two bundles is what a cut trail looks like from here (hole 6).
  await noteBundleHead(t, header);
  const range: Range = [header.from, header.to];
  const rangesKey = `ranges:${header.key}`;
  const ranges = await getMeta<Range[]>(t, rangesKey, []);
  if (coveredBy(ranges, range)) {
    await log({ kind: 'replayed', office: header.office, key: header.key, count: 0, range });
    return { status: 'replayed', office: header.office, range };
  }
  // Inflated and parsed in a worker (bodyReader.ts), within the same limits, and checked batch
  // by batch as the batches arrive; nothing is written before the last one has passed.
  const docs: SyncDoc[] = [];
  const rejected: { docId: string; reason: RejectReason }[] = [];
  try {
    for await (const batch of readBody(frame.body, header.count)) {
      const verified = await checkAll(batch, trust, { pause: yieldToMain, slice: SLICE });
      if (verified.ok) docs.push(...verified.docs);
      else rejected.push(...verified.rejected);
    }
  } catch (e) {
    if (!(e instanceof BodyRefused)) throw e;
    return reject({ status: 'rejected', reason: e.reason, office: header.office }, header.key);
  }
  if (rejected.length)
    return reject(
      { status: 'rejected', reason: 'documents', office: header.office, documents: rejected },
      header.key,
    );
  // Every check passed: the apply that follows takes these documents from here, as long as
  // PouchDB holds this same content under their revisions (checkedDoc, ./trust.ts). Noted a
  // slice per task: each note serialises the signed payload again, and 10k of them in one go
  // were a task of over 100 ms (issue 15).
  if (checked)
    await inSlices(docs, SLICE, async (slice) => {
      for (const d of slice) noteChecked(checked, d, d._rev, true);
      return [];
    });
  // Written in slices (each its own task), checked whole before: a stop between two leaves
  // verified documents in PouchDB and the range unrecorded, so the bundle is applied again
  // without effect (new_edits: false keeps the revisions), and apply checks each one again.
  // A slice per call: PouchDB prepares and writes a whole call's documents in one task.
  const results = await inSlices(docs as PouchDoc[], SLICE, (slice) =>
    pouch.bulkDocs([...slice], { new_edits: false }),
  );
  const failed = results.find((r) => r.error);
  if (failed) throw new Error(`import: ${failed.id} ${String(failed.error)}`);
  await setMeta(t, rangesKey, addRange(ranges, range));
  await log({
    kind: 'applied',
    office: header.office,
    key: header.key,
    count: docs.length,
    range,
  });
  return { status: 'applied', office: header.office, count: docs.length, range };
};
