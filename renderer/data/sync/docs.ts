/**
 * From a Dexie record to a signed PouchDB document and back. Case fields are sealed to the
 * record's party offices; reading them back needs this installation to be one of them.
 */
import type { SyncDoc } from '@shared/domain/sync/doc';
import { signedPayload } from '@shared/domain/sync/doc';
import type { Lookup, ReplicatedTable } from '@shared/domain/sync/registry';
import { docId, ownerOf, splitSealed } from '@shared/domain/sync/registry';
import { canonicalJson, toBase64, utf8 } from '@shared/domain/sync/codec';
import type { Sealer } from './signing';
import { signBytes } from './signing';
import type { Trust } from './trust';
import type { Handovers } from './handovers';
import type { Handover } from '@shared/domain/sync/handover';

export type DocContext = {
  trust: Trust;
  sealer: Sealer;
  lookup: Lookup;
  /** Offices made party to every sealed record (the ministry, when configured). */
  extraParties: readonly string[];
  now: () => string;
  /** Handovers made or received here (./handovers.ts). */
  handovers?: () => Promise<Handovers>;
};

export const signDoc = async (
  ctx: DocContext,
  body: Omit<SyncDoc, '_rev' | 'sig' | 'author' | 'at'>,
  rev?: string,
): Promise<SyncDoc> => {
  const self = ctx.trust.self;
  const unsigned = {
    ...body,
    author: { office: self.office, key: self.keys.keyId },
    at: ctx.now(),
  };
  const sig = toBase64(await signBytes(self.keys.signPrivate, utf8(signedPayload(unsigned))));
  return { ...unsigned, sig, ...(rev ? { _rev: rev } : {}) } as SyncDoc;
};

export const buildDoc = async (
  ctx: DocContext,
  spec: ReplicatedTable,
  record: Record<string, unknown>,
  v: NonNullable<SyncDoc['v']>,
  rev?: string,
  handover?: Handover,
): Promise<SyncDoc> => {
  // The office a record is handed to reads what its owner reads (./handovers.ts).
  const heir = handover && handover.act.from === ownerOf(spec, record) ? [handover.act.to] : [];
  // What the owner alone reads is taken out first, and sealed to its own keys only.
  const own = spec.sealed?.ownerOnly?.take(record);
  const split = splitSealed(spec, own ? own.record : record);
  const { secret } = split;
  // A restricted part (a shelter's place) leaves the open record, sealed to the allowed offices.
  const part = spec.restricted?.take(split.open);
  const open = part ? part.record : split.open;
  const sealedPart =
    spec.restricted && part && part.secret !== undefined
      ? await ctx.sealer.seal(
          part.secret,
          ctx.trust.self.keys.encPrivate,
          ctx.trust.recipients([
            ownerOf(spec, record),
            ...ctx.extraParties,
            ...spec.restricted.parties(record),
            ...heir,
          ]),
        )
      : undefined;
  let sealed: SyncDoc['sealed'];
  const sealedOwner =
    own && own.secret !== undefined
      ? await ctx.sealer.seal(
          own.secret,
          ctx.trust.self.keys.encPrivate,
          ctx.trust.recipients([ownerOf(spec, record)]),
        )
      : undefined;
  if (spec.sealed && secret) {
    const parties = await spec.sealed.parties(record, ctx.lookup);
    const recipients = ctx.trust.recipients([
      ...parties,
      ...ctx.extraParties,
      ownerOf(spec, record),
      ...heir,
    ]);
    sealed = await ctx.sealer.seal(secret, ctx.trust.self.keys.encPrivate, recipients);
  }
  return signDoc(
    ctx,
    {
      _id: docId(spec.table, ownerOf(spec, record), String(record.id)),
      t: spec.table,
      owner: ownerOf(spec, record),
      v,
      record: open,
      ...(sealed ? { sealed } : {}),
      ...(sealedOwner ? { sealedOwner } : {}),
      ...(sealedPart ? { sealedPart } : {}),
      ...(handover ? { handover } : {}),
    },
    rev,
  );
};

/** The full record a verified document carries, or undefined when its case fields are not ours. */
export const openDoc = async (
  ctx: Pick<DocContext, 'trust' | 'sealer'>,
  doc: SyncDoc,
): Promise<Record<string, unknown> | undefined> => {
  const full = await openCase(ctx, doc);
  if (!full || !doc.sealedPart) return full;
  const restricted = ctx.trust.registry.get(doc.t)?.restricted;
  const authorKey = ctx.trust.encPublic(doc.author.key);
  if (!restricted || !authorKey) return full;
  // Not an allowed office: unseal answers undefined and the record stays without its part.
  const secret = await ctx.sealer.unseal(doc.sealedPart, ctx.trust.self.keys, authorKey);
  return secret === undefined ? full : restricted.restore(full, secret);
};

const openCase = async (
  ctx: Pick<DocContext, 'trust' | 'sealer'>,
  doc: SyncDoc,
): Promise<Record<string, unknown> | undefined> => {
  if (!doc.record) return undefined;
  if (!doc.sealed) return doc.record;
  const authorKey = ctx.trust.encPublic(doc.author.key);
  if (!authorKey) return undefined;
  const secret = await ctx.sealer.unseal(doc.sealed, ctx.trust.self.keys, authorKey);
  if (typeof secret !== 'object' || secret === null || Array.isArray(secret)) return undefined;
  const spec = ctx.trust.registry.get(doc.t)?.sealed;
  if (!spec) return undefined;
  // Only the fields the registry declares sealed come out of the sealed part: identity and
  // routing (id, office, state…) are the signed open record's alone, so a sealed part that
  // names another id or owner cannot overwrite a record here (issue 13, hole 2).
  const full: Record<string, unknown> = { ...doc.record };
  for (const field of spec.fields)
    if (Object.hasOwn(secret, field)) full[field] = (secret as Record<string, unknown>)[field];
  const ownerOnly = spec.ownerOnly;
  if (!ownerOnly) return full;
  // Not the owner: nothing to open (unseal answers undefined), the record goes without it.
  const own = doc.sealedOwner
    ? await ctx.sealer.unseal(doc.sealedOwner, ctx.trust.self.keys, authorKey)
    : undefined;
  return ownerOnly.restore(full, own);
};

/** Same record content, whatever the key order or the (randomised) sealing. */
export const sameRecord = (a: Record<string, unknown> | undefined, b: Record<string, unknown>) =>
  a !== undefined && canonicalJson(a) === canonicalJson(b);
