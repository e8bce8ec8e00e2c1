/**
 * Documents written before the owner was part of the id (`<table>:<record id>`) are rewritten
 * by their owner under `<table>:<office>:<record id>` (issue 13, hole 1): once per installation,
 * every record this office owns that still has a live legacy document is put back in the
 * outbox, and the drain moves it (./outgoing.ts). Other offices' legacy documents stay readable
 * until their owners do the same.
 */
import type { Registry } from '@shared/domain/sync/registry';
import { parseDocId } from '@shared/domain/sync/registry';
import type { PasserelleDb } from '../db';
import type { SyncTables } from '../repositories/sync';
import { getMeta, setMeta } from '../repositories/sync';
import type { Pouch } from './pouch';

const DONE = 'ownerIdsMigrated';

export const migrateLegacyIds = async (
  db: PasserelleDb,
  t: SyncTables,
  pouch: Pouch,
  registry: Registry,
  office: string,
): Promise<number> => {
  if (await getMeta(t, DONE, false)) return 0;
  const all = await pouch.allDocs({ include_docs: true });
  const at = new Date().toISOString();
  const changes = all.rows.flatMap((row) => {
    const ref = parseDocId(row.id);
    const doc = row.doc;
    if (!ref || ref.owner !== undefined || !registry.has(ref.table)) return [];
    if (!doc || doc._deleted || doc.owner !== office) return [];
    return [{ table: ref.table, recordId: ref.recordId, op: 'put' as const, at, office }];
  });
  await db.transaction('rw', [db.changes, t.meta], async () => {
    if (await getMeta(t, DONE, false)) return;
    await db.changes.bulkAdd(changes);
    await setMeta(t, DONE, true);
  });
  return changes.length;
};
