/**
 * The keys this installation trusts right now: its own and its partners' (revoked ones known,
 * so their documents are refused with that reason). Built once per sync run from the tables.
 */
import type { Peer } from '@shared/domain/sync/identity';
import type { KeyInfo, VerifyContext } from '@shared/domain/sync/verify';
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

/** Revisions whose signatures were checked in this session (see VerifyContext.checked). */
export type CheckedRevisions = Set<string>;
export const revisionKey = (docId: string, rev: string) => `${docId}\n${rev}`;

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
    ...(checked ? { checked: (docId, rev) => checked.has(revisionKey(docId, rev)) } : {}),
    encPublic: (keyId) => keys.get(keyId)?.enc,
    recipients: (offices) => {
      const wanted = new Set([...offices, self.office]);
      return [...keys.entries()]
        .filter(([, k]) => !k.revoked && wanted.has(k.office))
        .map(([keyId, k]) => ({ keyId, encPublic: k.enc }));
    },
  };
};
