/**
 * Ownership handover (issue 13, hole 1: "a handover is a signed act of the current owner").
 * Ownership is fixed in the document id (`<table>:<OFFICE>:<uuid>`), so a record handed over
 * continues under a new id naming its new owner. What lets replicas accept that is the act:
 *
 *   { table, recordId, from, to, n, at, key } signed by `key`, a key of `from`
 *
 * The current owner puts it in a last version of its own document (`n` is that version's
 * number). The new owner carries it in every version it writes of the record, so each replica
 * can check it whatever order documents arrive in. A replica accepts a version from `to` over
 * a record it holds as `from`'s only with a valid act whose `n` is at least the version of
 * `from`'s document it holds: an act signed by anyone but the current owner, or an old act
 * replayed after the record came back, is refused ('ownerChanged').
 */
import { z } from 'zod';
import { canonicalJson, utf8 } from './codec';

// As in doc.ts (which imports this file, so these are not imported from it).
const officeCodeSchema = z.string().regex(/^[A-Z0-9]{2,10}$/);
const keyIdSchema = z.string().regex(/^[0-9a-f]{32}$/);

export const handoverActSchema = z.strictObject({
  table: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/)
    .max(60),
  recordId: z.string().min(1).max(100),
  from: officeCodeSchema,
  to: officeCodeSchema,
  /** The version of `from`'s document this act is part of. */
  n: z.number().int().min(1).max(1_000_000_000),
  at: z.iso.datetime({ offset: true }),
  key: keyIdSchema,
});
export type HandoverAct = z.infer<typeof handoverActSchema>;

export const handoverSchema = z.strictObject({
  act: handoverActSchema,
  sig: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type Handover = z.infer<typeof handoverSchema>;

/** The bytes the old owner signs; the prefix keeps it from ever being read as a document. */
export const handoverPayload = (act: HandoverAct): Uint8Array<ArrayBuffer> =>
  utf8(`passerelle-handover\n${canonicalJson(act)}`);
