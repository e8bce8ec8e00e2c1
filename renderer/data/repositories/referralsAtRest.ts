/**
 * Case data of referrals sealed at rest (issue 7). The fields listed in
 * shared/domain/referrals/caseData.ts are stored as `atRest: { field: Sealed }` (AES-GCM with the
 * installation's data key, additional data `<table>:<id>:<field>`), and the plaintext field is
 * left out of the stored row. Everything else stays readable, so the register filters and sorts
 * without the key, and Dexie never indexes a sealed field.
 *
 * WebCrypto never runs inside a Dexie transaction: callers seal before opening one and open
 * after reading. Reads in a liveQuery read first and decrypt last (crypto calls go through
 * Promise.resolve, as dexie-react-hooks asks of non-Dexie async calls).
 *
 * Rows written before this (database version 3, plaintext) still open as they are, and are
 * sealed on the first unlock of the data key (`sealPlaintextRows`): an upgrade transaction
 * cannot encrypt (WebCrypto would commit it), so the migration runs after the database opened.
 */
import type { Sealed } from '@shared/domain/accounts/sealed';
import { sealedSchema } from '@shared/domain/accounts/sealed';
import {
  EVENT_CASE_FIELDS,
  LETTER_CASE_FIELDS,
  REFERRAL_CASE_FIELDS,
} from '@shared/domain/referrals/caseData';
import type { PasserelleDb } from '../db';
import { decryptJson, encryptJson } from '../encryption';
import { appendAudit } from '../journal';

export const AT_REST_FIELDS: Readonly<Record<string, readonly string[]>> = {
  referrals: REFERRAL_CASE_FIELDS,
  referralEvents: EVENT_CASE_FIELDS,
  letters: LETTER_CASE_FIELDS,
  // Screenings (issue 16): what was asked and found, sealed like the case it may lead to.
  screenings: ['content'],
};
export const AT_REST_TABLES: ReadonlySet<string> = new Set(Object.keys(AT_REST_FIELDS));

export type Row = Record<string, unknown> & { id: string };
/** A row as stored: the case fields replaced by their sealed form. */
export type StoredRow = Row & { atRest?: Record<string, Sealed> };

/** Case data asked for while the data key is not unlocked (a tab reloaded since login). */
export class DataKeyLocked extends Error {
  constructor() {
    super('referrals.error.locked');
  }
}

export const atRestAad = (table: string, id: string, field: string) => `${table}:${id}:${field}`;

const fieldsOf = (table: string): readonly string[] => {
  const fields = AT_REST_FIELDS[table];
  if (!fields) throw new Error(`no case fields for ${table}`);
  return fields;
};

/** Whether a stored row still holds its case data in plaintext (written before version 8). */
export const isPlaintext = (table: string, row: StoredRow): boolean =>
  !row.atRest && fieldsOf(table).some((f) => f in row);

/** The row as it is stored: case fields sealed, left out in plaintext. Outside transactions. */
export const sealRow = async (
  key: CryptoKey | null,
  table: string,
  row: Row,
): Promise<StoredRow> => {
  if (!key) throw new DataKeyLocked();
  const out: StoredRow = { ...row };
  const atRest: Record<string, Sealed> = {};
  await Promise.all(
    fieldsOf(table).map(async (f) => {
      atRest[f] = await Promise.resolve(
        encryptJson(key, row[f] ?? null, atRestAad(table, row.id, f)),
      );
      delete out[f];
    }),
  );
  out.atRest = atRest;
  return out;
};

/** The row with its case fields opened; a plaintext (older) row as it is. */
export const openRow = async (
  key: CryptoKey | null,
  table: string,
  stored: StoredRow,
): Promise<Row> => {
  const { atRest, ...open } = stored;
  if (!atRest) return open as Row;
  if (!key) throw new DataKeyLocked();
  const out: Row = { ...open, id: stored.id };
  await Promise.all(
    fieldsOf(table).map(async (f) => {
      const sealed = sealedSchema.parse(atRest[f]);
      out[f] = await Promise.resolve(decryptJson(key, sealed, atRestAad(table, stored.id, f)));
    }),
  );
  return out;
};

/** The readable part only (the register): no key needed, no case field returned. */
export const withoutCaseData = (table: string, stored: StoredRow): Row => {
  const { atRest: _sealed, ...open } = stored;
  for (const f of fieldsOf(table)) delete open[f];
  return open as Row;
};

/**
 * Seals every plaintext row of the three tables (rows from before version 8). The rows are
 * sealed outside any transaction, then written in one, each only if it did not change in
 * between (a row changed meanwhile is sealed by the write that changed it). Not a change to
 * replicate: the content is the same. One audit entry says how many rows were sealed.
 */
export const sealPlaintextRows = async (
  db: PasserelleDb,
  key: CryptoKey,
  actor: { office: string; user: string },
): Promise<number> => {
  const tables = [...AT_REST_TABLES];
  const found = await Promise.all(
    tables.map(async (table) => {
      const rows = (await db.table<StoredRow, string>(table).toArray()).filter((r) =>
        isPlaintext(table, r),
      );
      return { table, rows };
    }),
  );
  const total = found.reduce((n, f) => n + f.rows.length, 0);
  if (total === 0) return 0;
  const sealed = await Promise.all(
    found.map(async ({ table, rows }) => ({
      table,
      rows: await Promise.all(
        rows.map(async (r) => ({ before: r, after: await sealRow(key, table, r) })),
      ),
    })),
  );
  let written = 0;
  await db.transaction('rw', [...tables.map((t) => db.table(t)), db.audit], async () => {
    for (const { table, rows } of sealed) {
      const current = await db
        .table<StoredRow, string>(table)
        .bulkGet(rows.map((r) => r.before.id));
      const unchanged = rows.filter(
        (r, i) => JSON.stringify(current[i]) === JSON.stringify(r.before),
      );
      await db.table(table).bulkPut(unchanged.map((r) => r.after));
      written += unchanged.length;
    }
    await appendAudit(db, [
      {
        at: new Date().toISOString(),
        actor: actor.user,
        action: 'referral.sealAtRest',
        table: 'referrals',
        recordId: '*',
        detail: String(written),
      },
    ]);
  });
  return written;
};
