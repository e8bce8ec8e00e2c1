/**
 * Checks one received document before anything of it is applied: well-formed, of a replicated
 * table, signed by a trusted and unrevoked key of its author office, and written by an office
 * allowed to write it. Crypto is injected, so this stays pure and runs the same in every runtime.
 */
import type { Registry } from './registry';
import { mayWrite, ownerOf, parseDocId } from './registry';
import type { SyncDoc } from './doc';
import { signedPayload, syncDocSchema } from './doc';
import { utf8 } from './codec';
import { handoverPayload } from './handover';

export const REJECT_REASONS = [
  'format',
  'unknownTable',
  'unknownSigner',
  'revoked',
  'badSignature',
  'notOwner',
  'invalidRecord',
  /** Applying it would change the owner a record already has here (issue 13, hole 1). */
  'ownerChanged',
  /** Older than the version held here, whatever its `_rev` (a replay, hole 3). */
  'rollback',
  /** Same version number as the one held, other content, no conflict declared (hole 3). */
  'forked',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type KeyInfo = { office: string; revoked: boolean };

export type VerifyContext = {
  registry: Registry;
  /** The trusted key with this id (a partner's or this installation's own), if any. */
  keyInfo: (keyId: string) => KeyInfo | undefined;
  verify: (keyId: string, data: Uint8Array<ArrayBuffer>, signature: string) => Promise<boolean>;
  /**
   * This exact revision's signature was checked earlier in this session (when its bundle was
   * imported, or when it was written here) for this same `content` (signed payload, newline,
   * signature): checking it again would cost as much as the rest. Other content under the same
   * revision (another writer's) is checked as any other.
   */
  checked?: (docId: string, rev: string, content: string) => boolean;
};

export type DocCheck =
  { ok: true; doc: SyncDoc } | { ok: false; docId: string; reason: RejectReason };

/** What a document's check depends on: its signed payload and its signature (`checked`). */
export const checkedContent = (payload: string, sig: string) => `${payload}\n${sig}`;

const idOf = (raw: unknown): string =>
  typeof raw === 'object' && raw !== null && '_id' in raw && typeof raw._id === 'string'
    ? raw._id.slice(0, 200)
    : '?';

export const checkDoc = async (raw: unknown, ctx: VerifyContext): Promise<DocCheck> => {
  const parsed = syncDocSchema.safeParse(raw);
  const fail = (reason: RejectReason): DocCheck => ({ ok: false, docId: idOf(raw), reason });
  if (!parsed.success) return fail('format');
  const doc = parsed.data;
  const ref = parseDocId(doc._id);
  const spec = ctx.registry.get(doc.t);
  if (!ref || !spec || ref.table !== doc.t) return fail('unknownTable');
  // The id names the owner: a document claiming another owner than its id is forged.
  if (ref.owner !== undefined && ref.owner !== doc.owner) return fail('notOwner');
  if (!doc._deleted) {
    if (!doc.record || doc.record.id !== ref.recordId) return fail('format');
    if (Boolean(doc.sealed) !== Boolean(spec.sealed)) return fail('format');
    if (doc.sealedOwner && !spec.sealed?.ownerOnly) return fail('format');
    if (doc.sealedPart && !spec.restricted) return fail('format');
    // Case fields travel sealed only; one in the open part was put there by hand.
    if (spec.sealed?.fields.some((f) => Object.hasOwn(doc.record!, f))) return fail('format');
  }
  const key = ctx.keyInfo(doc.author.key);
  if (!key || key.office !== doc.author.office) return fail('unknownSigner');
  if (key.revoked) return fail('revoked');
  const payload = signedPayload(doc);
  const seen = ctx.checked?.(doc._id, doc._rev, checkedContent(payload, doc.sig)) ?? false;
  if (!seen && !(await ctx.verify(doc.author.key, utf8(payload), doc.sig)))
    return fail('badSignature');
  // A handover act: of this record, between two offices one of which owns this document,
  // signed by a trusted key of the office handing it over.
  if (doc.handover) {
    const { act, sig } = doc.handover;
    if (act.table !== doc.t || act.recordId !== ref.recordId || act.from === act.to)
      return fail('format');
    if (act.from !== doc.owner && act.to !== doc.owner) return fail('notOwner');
    const from = ctx.keyInfo(act.key);
    if (!from || from.office !== act.from) return fail('unknownSigner');
    if (from.revoked) return fail('revoked');
    if (!seen && !(await ctx.verify(act.key, handoverPayload(act), sig)))
      return fail('badSignature');
  }
  // A resolved conflict's losing branch is closed by the owner only.
  if (doc._deleted) return doc.author.office === doc.owner ? { ok: true, doc } : fail('notOwner');
  const record = doc.record!;
  if (ownerOf(spec, record) !== doc.owner || !mayWrite(spec, doc.author.office, record))
    return fail('notOwner');
  if (!spec.sealed && !spec.schema.safeParse(record).success) return fail('invalidRecord');
  return { ok: true, doc };
};

export type BatchCheck =
  | { ok: true; docs: SyncDoc[] }
  | { ok: false; rejected: { docId: string; reason: RejectReason }[] };

/**
 * All or nothing: one bad document rejects the whole batch, every reason listed. Checked in
 * slices of `slice` documents with `pause` awaited between two (the main thread's turn: parsing
 * thousands of documents at once is one long task).
 */
export const checkAll = async (
  raws: readonly unknown[],
  ctx: VerifyContext,
  { pause, slice = raws.length }: { pause?: () => Promise<void>; slice?: number } = {},
): Promise<BatchCheck> => {
  const docs: SyncDoc[] = [];
  const rejected: { docId: string; reason: RejectReason }[] = [];
  for (let at = 0; at < raws.length; at += Math.max(1, slice)) {
    if (at > 0) await pause?.();
    const part = raws.slice(at, at + Math.max(1, slice));
    // Signatures are checked concurrently: WebCrypto runs them off the main thread.
    for (const r of await Promise.all(part.map((raw) => checkDoc(raw, ctx)))) {
      if (r.ok) docs.push(r.doc);
      else rejected.push({ docId: r.docId, reason: r.reason });
    }
  }
  return rejected.length ? { ok: false, rejected } : { ok: true, docs };
};
