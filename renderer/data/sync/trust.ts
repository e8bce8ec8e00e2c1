/**
 * The keys this installation trusts right now: its own and its partners' (revoked ones known,
 * so their documents are refused with that reason). Built once per sync run from the tables.
 */
import type { Peer } from '@shared/domain/sync/identity';
import type { KeyInfo, VerifyContext } from '@shared/domain/sync/verify';
import { checkedContent } from '@shared/domain/sync/verify';
import type { SyncDoc } from '@shared/domain/sync/doc';
import { signedPayload } from '@shared/domain/sync/doc';
import type { Registry } from '@shared/domain/sync/registry';
import { fromBase64 } from '@shared/domain/sync/codec';
import type { Recipient } from './signing';
import { createVerifier } from './signing';
import type { SelfIdentity } from '../repositories/sync';

export type Trust = VerifyContext & {
  self: SelfIdentity;
  /** Encryption public key of a key id (to open case fields its holder sealed). */
  encPublic: (keyId: string) => Uint8Array<ArrayBuffer> | undefined;
  /** Every unrevoked key of these offices, this installation's own always included. */
  recipients: (offices: readonly string[]) => Recipient[];
};

type KeyEntry = KeyInfo & { sign: Uint8Array<ArrayBuffer>; enc: Uint8Array<ArrayBuffer> };

/**
 * A revision checked in this session, bound to the exact content it was checked with: PouchDB
 * keeps the first content written under an id and revision (`new_edits: false`), which may be
 * another writer's (a server's), so a revision alone says nothing about what is stored under it.
 * `doc` is there when the document passed the whole check (a bundle's, checkAll): the apply
 * takes it from here instead of checking it again, when the stored content is this one.
 */
export type CheckedRevision = { rev: string; content: string; doc?: SyncDoc };
/**
 * The latest revision of each document checked in this session (see VerifyContext.checked), by
 * document id; the apply forgets a document once it has applied or refused it.
 */
export type CheckedRevisions = Map<string, CheckedRevision>;

/** What a document's check depends on: its signed content and its signature. */
export const contentOf = (doc: Omit<SyncDoc, '_rev'>): string =>
  checkedContent(signedPayload(doc), doc.sig);

/** Notes `doc`, stored under `rev`, as checked: its signature (`whole`: every check) passed. */
export const noteChecked = (
  checked: CheckedRevisions | undefined,
  doc: Omit<SyncDoc, '_rev'>,
  rev: string,
  whole: boolean,
) =>
  checked?.set(doc._id, {
    rev,
    content: contentOf(doc),
    ...(whole ? { doc: { ...doc, _rev: rev } as SyncDoc } : {}),
  });

/**
 * The document of `raw`, taken from `checked` without checking it again: only when the whole
 * check passed for this revision, and what is stored under it (`raw`, as PouchDB holds it) is
 * that same content. Anything else (another writer's content, a document never checked here,
 * one with conflicts) answers undefined: the caller checks it as it arrived.
 */
export const checkedDoc = (
  checked: CheckedRevisions | undefined,
  raw: { _id: string; _rev: string; _conflicts?: readonly string[] },
): SyncDoc | undefined => {
  const entry = checked?.get(raw._id);
  if (!entry?.doc || entry.rev !== raw._rev || raw._conflicts?.length) return undefined;
  let content: string;
  try {
    content = contentOf(raw as unknown as SyncDoc);
  } catch {
    return undefined;
  }
  return content === entry.content ? entry.doc : undefined;
};

export const buildTrust = (
  registry: Registry,
  self: SelfIdentity,
  peers: readonly Peer[],
  verifier = createVerifier(),
  checked?: CheckedRevisions,
): Trust => {
  const keys = new Map<string, KeyEntry>();
  for (const p of peers) {
    keys.set(p.keyId, {
      office: p.office,
      revoked: p.revokedAt !== null,
      sign: fromBase64(p.signingKey),
      enc: fromBase64(p.encryptionKey),
    });
  }
  keys.set(self.keys.keyId, {
    office: self.office,
    revoked: false,
    sign: self.keys.signPublic,
    enc: self.keys.encPublic,
  });
  return {
    registry,
    self,
    keyInfo: (keyId) => keys.get(keyId),
    verify: async (keyId, data, signature) => {
      const k = keys.get(keyId);
      if (!k) return false;
      let sig: Uint8Array<ArrayBuffer>;
      try {
        sig = fromBase64(signature);
      } catch {
        return false;
      }
      return verifier(k.sign, data, sig);
    },
    ...(checked
      ? {
          checked: (docId, rev, content) => {
            const entry = checked.get(docId);
            return entry?.rev === rev && entry.content === content;
          },
        }
      : {}),
    encPublic: (keyId) => keys.get(keyId)?.enc,
    recipients: (offices) => {
      const wanted = new Set([...offices, self.office]);
      return [...keys.entries()]
        .filter(([, k]) => !k.revoked && wanted.has(k.office))
        .map(([keyId, k]) => ({ keyId, encPublic: k.enc }));
    },
  };
};
