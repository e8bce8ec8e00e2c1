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

export type ReplicatedTable = {
  table: string;
  schema: z.ZodType<Record<string, unknown>>;
  /** Field holding the code of the office that owns the record (and alone may write it). */
  ownerField: string;
  /** Immutable events: written once, never changed, so they never conflict. */
  immutable: boolean;
  sealed?: SealedSpec;
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

/** Opaque document id: the table and the record's random UUID, never a name or a case code. */
export const docId = (table: string, recordId: string): string => `${table}:${recordId}`;

export const parseDocId = (id: string): { table: string; recordId: string } | undefined => {
  const at = id.indexOf(':');
  if (at <= 0 || at === id.length - 1) return undefined;
  return { table: id.slice(0, at), recordId: id.slice(at + 1) };
};

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
