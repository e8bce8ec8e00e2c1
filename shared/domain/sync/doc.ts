/**
 * The replicated document as PouchDB and CouchDB store it, and as bundles carry it. The body is
 * the record (case fields sealed), its owning office, its author office and key, and the
 * author's signature over all of that, so any office can relay it and every replica can check it.
 *
 * A deletion of a record is a tombstone inside `record` (deletedAt), never a CouchDB deletion;
 * `_deleted` appears only on the losing branches of a resolved conflict, signed by the resolver.
 */
import { z } from 'zod';
import { canonicalJson } from './codec';
import { handoverSchema } from './handover';

export const KEY_ID_PATTERN = /^[0-9a-f]{32}$/;
export const keyIdSchema = z.string().regex(KEY_ID_PATTERN);
export const officeCodeSchema = z.string().regex(/^[A-Z0-9]{2,10}$/);
const b64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const authorSchema = z.object({ office: officeCodeSchema, key: keyIdSchema });
export type Author = z.infer<typeof authorSchema>;

/** Case fields, AES-GCM under a per-document key wrapped for each key of each party office. */
export const sealedSchema = z.object({
  iv: b64(24),
  ct: b64(4 * 1024 * 1024),
  keys: z
    .array(z.object({ key: keyIdSchema, iv: b64(24), wrapped: b64(200) }))
    .min(1)
    .max(200),
});
export type Sealed = z.infer<typeof sealedSchema>;

const revSchema = z.string().regex(/^\d{1,9}-[0-9a-f]{1,64}$/);

export const syncDocSchema = z.object({
  _id: z.string().min(3).max(200),
  _rev: revSchema,
  _revisions: z
    .object({
      start: z.number().int().min(1),
      ids: z
        .array(z.string().regex(/^[0-9a-f]{1,64}$/))
        .min(1)
        .max(10_000),
    })
    .optional(),
  _deleted: z.literal(true).optional(),
  t: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/)
    .max(60),
  owner: officeCodeSchema,
  author: authorSchema,
  /** When the author wrote this version, by the author's clock (shown beside receipt time). */
  at: z.iso.datetime({ offset: true }),
  /**
   * The record's version as its owner counts it, signed: `n` grows by one with every version
   * and `prev` is the signature of the version it follows ('' for the first), so the versions
   * form a signed chain. `_rev` is not signed: a replica refuses a version older than the one
   * it holds however high its `_rev` (issue 13, hole 3). Absent only in documents written
   * before versions were signed (counted as 0).
   */
  v: z
    .object({
      n: z.number().int().min(1).max(1_000_000_000),
      prev: z.string().max(200),
    })
    .optional(),
  record: z.record(z.string(), z.unknown()).optional(),
  sealed: sealedSchema.optional(),
  /** Case fields only the owner office reads (a referral's internal notes): its keys alone. */
  sealedOwner: sealedSchema.optional(),
  /**
   * A restricted part (a shelter's place), sealed to the offices allowed to see it; the others
   * get the record without it (issue 13, hole 9).
   */
  sealedPart: sealedSchema.optional(),
  /**
   * A signed handover act of the record's previous owner (./handover.ts): in the previous
   * owner's last version, and in every version of the new owner.
   */
  handover: handoverSchema.optional(),
  sig: b64(200),
});
export type SyncDoc = z.infer<typeof syncDocSchema>;

/** What the author signs: everything but the revision bookkeeping and the signature itself. */
export const signedPayload = (doc: Omit<SyncDoc, '_rev' | 'sig'> & { sig?: string }): string =>
  canonicalJson({
    _id: doc._id,
    t: doc.t,
    owner: doc.owner,
    author: doc.author,
    at: doc.at,
    v: doc.v,
    record: doc.record,
    sealed: doc.sealed,
    sealedOwner: doc.sealedOwner,
    sealedPart: doc.sealedPart,
    handover: doc.handover,
    deleted: doc._deleted,
  });

/** A document dated this far ahead of the receiver's clock comes from a PC with a wrong clock. */
export const FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;
export const isFromFuture = (authorAt: string, receivedAt: string): boolean =>
  Date.parse(authorAt) - Date.parse(receivedAt) > FUTURE_SKEW_MS;
