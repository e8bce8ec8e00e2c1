/**
 * Every write that matters records, in its own transaction, a change-log entry (the outbox the
 * sync module drains) and an audit entry. Callers pass the records they wrote.
 */
import type { PasserelleDb } from './db';

export type Actor = { office: string; user: string };

export type JournalItem = {
  table: string;
  recordId: string;
  op: 'put' | 'delete';
  action: string;
  detail?: string;
};

export const journal = async (
  db: PasserelleDb,
  actor: Actor,
  items: JournalItem[],
  { replicate = true }: { replicate?: boolean } = {},
) => {
  const at = new Date().toISOString();
  // Demo records stay on this machine: audited, never put in the outbox.
  if (replicate)
    await db.changes.bulkAdd(
      items.map((i) => ({
        table: i.table,
        recordId: i.recordId,
        op: i.op,
        at,
        office: actor.office,
      })),
    );
  await db.audit.bulkAdd(
    items.map((i) => ({
      at,
      actor: actor.user,
      action: i.action,
      table: i.table,
      recordId: i.recordId,
      ...(i.detail ? { detail: i.detail } : {}),
    })),
  );
};
