/**
 * Which tables replicate, and how (DESIGN §2). The sync engine is generic: it knows a table only
 * through its entry here (its zod schema, the field naming its owning office, whether its rows
 * are immutable events, which fields are case data sealed to the parties). A feature plugs its
 * table in with one `replicated(...)` line in tables.ts.
 */
import type { z } from 'zod';

/** Reads a record of another replicated table (to find a referral's receiving office). */
export type Lookup = (table: string, id: string) => Promise<Record<string, unknown> | undefined>;

export type SealedSpec = {
  /** Top-level fields that only the parties may read: encrypted for each party office. */
  fields: readonly string[];
  /** Office codes party to the record (its owner is always added). */
  parties: (record: Record<string, unknown>, lookup: Lookup) => Promise<readonly string[]>;
  /**
   * Case data the owner office alone reads, even among the parties (a referral's internal
   * notes): taken out of the record for the wire, sealed to the owner's keys, put back there.
   */
  ownerOnly?: {
    take: (record: Record<string, unknown>) => {
      record: Record<string, unknown>;
      secret: unknown;
    };
    restore: (record: Record<string, unknown>, secret: unknown) => Record<string, unknown>;
  };
};

/**
 * A part of some records that only the allowed offices may read (a restricted shelter's place,
 * issue 13 hole 9): taken out of the record for the wire, sealed to the owner, the extra
 * parties (the ministry) and `parties(record)`, put back at the offices that can open it. Other
 * offices keep the record without it.
 */
export type RestrictedPartSpec = {
  take: (record: Record<string, unknown>) => {
    record: Record<string, unknown>;
    secret: unknown;
  };
  /** Puts back only what the part may hold; never identity nor routing fields. */
  restore: (record: Record<string, unknown>, secret: unknown) => Record<string, unknown>;
  parties: (record: Record<string, unknown>) => readonly string[];
  /** Whether an open record still shows what should have been taken out (an old document). */
  shows: (record: Record<string, unknown>) => boolean;
};

export type ReplicatedTable = {
  table: string;
  schema: z.ZodType<Record<string, unknown>>;
  /** Field holding the code of the office that owns the record (and alone may write it). */
  ownerField: string;
  /** Immutable events: written once, never changed, so they never conflict. */
  immutable: boolean;
  sealed?: SealedSpec;
  restricted?: RestrictedPartSpec;
  /**
   * Who else may write a record beside its owner (the receiving office answering a referral).
   * Default: nobody.
   */
  mayWrite?: (signerOffice: string, record: Record<string, unknown>) => boolean;
};

export const replicated = <S extends z.ZodType<Record<string, unknown>>>(
  table: string,
  schema: S,
  options: Omit<ReplicatedTable, 'table' | 'schema'>,
): ReplicatedTable => ({ table, schema, ...options });

export type Registry = ReadonlyMap<string, ReplicatedTable>;

export const createRegistry = (tables: readonly ReplicatedTable[]): Registry => {
  const map = new Map<string, ReplicatedTable>();
  for (const t of tables) {
    if (map.has(t.table)) throw new Error(`table ${t.table} registered twice`);
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(t.table)) throw new Error(`bad table name ${t.table}`);
    map.set(t.table, t);
  }
  return map;
};

/**
 * Document id: the table, the owning office and the record's random UUID, never a name or a
 * case code. The owner is part of the id so that it cannot change: a version naming another
 * owner is another document, refused by every replica and by the CouchDB validation function
 * even on a new conflict branch where CouchDB passes no old version (issue 13, hole 1).
 */
export const docId = (table: string, owner: string, recordId: string): string =>
  `${table}:${owner}:${recordId}`;

/**
 * The id documents had before the owner was part of it (`<table>:<record id>`). Still read, and
 * rewritten under the new id by their owner's next sync (renderer/data/sync/migrate.ts).
 */
export const legacyDocId = (table: string, recordId: string): string => `${table}:${recordId}`;

const OFFICE_CODE = /^[A-Z0-9]{2,10}$/;

export const parseDocId = (
  id: string,
): { table: string; owner: string | undefined; recordId: string } | undefined => {
  const parts = id.split(':');
  if (parts.some((p) => p === '')) return undefined;
  if (parts.length === 3 && OFFICE_CODE.test(parts[1]!))
    return { table: parts[0]!, owner: parts[1]!, recordId: parts[2]! };
  if (parts.length === 2) return { table: parts[0]!, owner: undefined, recordId: parts[1]! };
  return undefined;
};

/** One key per record whatever its document id (legacy or not): `<table>\n<record id>`. */
export const recordKey = (table: string, recordId: string): string => `${table}\n${recordId}`;

export const ownerOf = (spec: ReplicatedTable, record: Record<string, unknown>): string => {
  const owner = record[spec.ownerField];
  return typeof owner === 'string' ? owner : '';
};

/** May the office that signed this version write it? The owner may; others only if allowed. */
export const mayWrite = (
  spec: ReplicatedTable,
  signerOffice: string,
  record: Record<string, unknown>,
): boolean =>
  ownerOf(spec, record) === signerOffice || (spec.mayWrite?.(signerOffice, record) ?? false);

/** Splits a record into what every replica sees and the case fields sealed to the parties. */
export const splitSealed = (
  spec: ReplicatedTable,
  record: Record<string, unknown>,
): { open: Record<string, unknown>; secret: Record<string, unknown> | undefined } => {
  if (!spec.sealed) return { open: record, secret: undefined };
  const open: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (spec.sealed.fields.includes(k)) secret[k] = v;
    else open[k] = v;
  }
  return { open, secret };
};
