/**
 * One exchange through a shared folder (network share, synced cloud folder, USB stick): write
 * this installation's new bundle into its office's sub-folder, then read every other bundle not
 * applied yet. A file still being copied is left for next time; a refused one is not retried
 * until it changes size (copied again).
 */
import { BUNDLE_FILE_PATTERN } from '@shared/domain/sync/bundle';
import type { PasserelleDb } from '../db';
import { syncTables } from '../repositories/sync';
import type { Pouch } from './pouch';
import type { CheckedRevisions, Trust } from './trust';
import { exportBundle, importBundle } from './bundles';

/** What the platform offers under the folder the user chose; paths are relative to it. */
export type FolderAccess = {
  list: () => Promise<{ path: string; size: number }[]>;
  read: (path: string) => Promise<Uint8Array>;
  write: (path: string, data: Uint8Array) => Promise<void>;
};

export type FolderReport = { sent: number; applied: number; rejected: number; incomplete: number };

export const exchangeFolder = async (
  db: PasserelleDb,
  pouch: Pouch,
  trust: Trust,
  folder: FolderAccess,
  {
    relay = false,
    now = () => new Date().toISOString(),
    checked,
  }: { relay?: boolean; now?: () => string; checked?: CheckedRevisions } = {},
): Promise<FolderReport> => {
  const t = syncTables(db);
  const report: FolderReport = { sent: 0, applied: 0, rejected: 0, incomplete: 0 };
  const out = await exportBundle(db, pouch, trust, { cursor: 'exportedSeq', relay, now });
  if (out) {
    await folder.write(out.name, out.bytes);
    await out.commit();
    await t.files.put({ name: out.name, size: out.bytes.length, status: 'own', at: now() });
    await t.log.add({
      at: now(),
      kind: 'sent',
      channel: 'folder',
      count: out.header.count,
      file: out.name,
      range: [out.header.from, out.header.to],
    });
    report.sent = out.header.count;
  }
  const ownPrefix = trust.self.keys.keyId.slice(0, 8);
  const files = (await folder.list())
    .filter((f) => {
      const m = BUNDLE_FILE_PATTERN.exec(f.path);
      return m !== null && m[4] !== ownPrefix;
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const seen = await t.files.bulkGet(files.map((f) => f.path));
  for (const [i, f] of files.entries()) {
    const before = seen[i];
    if (before && (before.status !== 'rejected' || before.size === f.size)) continue;
    const outcome = await importBundle(db, pouch, trust, await folder.read(f.path), {
      channel: 'folder',
      file: f.path,
      now,
      checked,
    });
    if (outcome.status === 'incomplete') {
      report.incomplete++;
      continue;
    }
    if (outcome.status === 'applied') report.applied += outcome.count;
    if (outcome.status === 'rejected') report.rejected++;
    const status =
      outcome.status === 'applied'
        ? 'applied'
        : outcome.status === 'rejected'
          ? 'rejected'
          : outcome.status === 'own'
            ? 'own'
            : 'replayed';
    await t.files.put({ name: f.path, size: f.size, status, at: now() });
  }
  return report;
};
