/**
 * The office's sync keys, kept so that a backup can carry them (issue 13, hole 5).
 *
 * The signing (Ed25519) and encryption (ECDH P-256) private keys the engine uses stay
 * non-extractable CryptoKeys: the page can use them, nothing can read them out. A non-extractable
 * key cannot be put in a backup either, so at creation each private key is also wrapped (PKCS#8,
 * AES-GCM) under a "vault" key that is itself a non-extractable CryptoKey of this installation.
 * Only the backup opens the vault: it unwraps the keys and writes them into the backup body,
 * which the backup passphrase encrypts. Restore imports them back as non-extractable CryptoKeys
 * under a new vault, so the restored office signs and opens sealed parts as before.
 *
 * The vault adds nothing for someone holding the disk that the stored private keys did not
 * already give (a browser stores both the same way); it adds the one thing a backup needs.
 */
import { z } from 'zod';
import { fromBase64, toBase64 } from '@shared/domain/sync/codec';
import type { LocalKeys } from '../sync/signing';
import { keyIdOf } from '../sync/signing';

const subtle = () => globalThis.crypto.subtle;
const ED = { name: 'Ed25519' } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

type Wrapped = { iv: Uint8Array<ArrayBuffer>; data: Uint8Array<ArrayBuffer> };
/** The `keyVault` row of syncMeta: never exported as it is (see portableKeys). */
export type KeyVault = { vault: CryptoKey; sign: Wrapped; enc: Wrapped };

/** The keys as a backup body carries them (inside the passphrase's encryption). */
export const portableKeysSchema = z.object({
  format: z.literal('passerelle-sync-keys'),
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  signPrivate: z.string().min(1).max(400),
  signPublic: z.string().min(1).max(200),
  encPrivate: z.string().min(1).max(400),
  encPublic: z.string().min(1).max(200),
});
export type PortableKeys = z.infer<typeof portableKeysSchema>;

const wrap = async (vault: CryptoKey, key: CryptoKey): Promise<Wrapped> => {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return {
    iv,
    data: new Uint8Array(await subtle().wrapKey('pkcs8', key, vault, { name: 'AES-GCM', iv })),
  };
};

const unwrap = (
  vault: CryptoKey,
  w: Wrapped,
  algorithm: typeof ED | typeof ECDH,
  usages: KeyUsage[],
  extractable: boolean,
) =>
  subtle().unwrapKey(
    'pkcs8',
    w.data,
    vault,
    { name: 'AES-GCM', iv: w.iv },
    algorithm,
    extractable,
    usages,
  );

/**
 * Non-extractable working keys and their vault, from private keys that are (briefly)
 * extractable: freshly generated ones, or ones read from a backup.
 */
const seal = async (
  signPrivate: CryptoKey,
  encPrivate: CryptoKey,
  signPublic: Uint8Array<ArrayBuffer>,
  encPublic: Uint8Array<ArrayBuffer>,
): Promise<{ keys: LocalKeys; vault: KeyVault }> => {
  const vault = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'wrapKey',
    'unwrapKey',
  ]);
  const sign = await wrap(vault, signPrivate);
  const enc = await wrap(vault, encPrivate);
  return {
    keys: {
      keyId: await keyIdOf(signPublic),
      signPrivate: await unwrap(vault, sign, ED, ['sign'], false),
      signPublic,
      encPrivate: await unwrap(vault, enc, ECDH, ['deriveKey'], false),
      encPublic,
    },
    vault: { vault, sign, enc },
  };
};

/** A new key pair for this office, with its vault. */
export const createVaultedKeys = async (): Promise<{ keys: LocalKeys; vault: KeyVault }> => {
  const sign = (await subtle().generateKey(ED, true, ['sign', 'verify'])) as CryptoKeyPair;
  const enc = (await subtle().generateKey(ECDH, true, ['deriveKey'])) as CryptoKeyPair;
  return seal(
    sign.privateKey,
    enc.privateKey,
    new Uint8Array(await subtle().exportKey('raw', sign.publicKey)),
    new Uint8Array(await subtle().exportKey('raw', enc.publicKey)),
  );
};

/** The keys in the clear, for the backup body only; null for keys made before the vault. */
export const portableKeys = async (
  keys: LocalKeys | null | undefined,
  vault: KeyVault | null | undefined,
): Promise<PortableKeys | null> => {
  if (!keys || !vault) return null;
  const pkcs8 = async (w: Wrapped, alg: typeof ED | typeof ECDH, usages: KeyUsage[]) =>
    toBase64(
      new Uint8Array(
        await subtle().exportKey('pkcs8', await unwrap(vault.vault, w, alg, usages, true)),
      ),
    );
  try {
    return {
      format: 'passerelle-sync-keys',
      keyId: keys.keyId,
      signPrivate: await pkcs8(vault.sign, ED, ['sign']),
      signPublic: toBase64(keys.signPublic),
      encPrivate: await pkcs8(vault.enc, ECDH, ['deriveKey']),
      encPublic: toBase64(keys.encPublic),
    };
  } catch {
    return null; // a vault that does not open (not this installation's): no keys in the backup
  }
};

/**
 * Back from a backup: non-extractable keys and a new vault. Refuses keys whose id is not their
 * public key's, or whose private half does not sign for that public key (an edited file).
 */
export const keysFromPortable = async (
  p: PortableKeys,
): Promise<{ keys: LocalKeys; vault: KeyVault }> => {
  const signPublic = fromBase64(p.signPublic);
  const encPublic = fromBase64(p.encPublic);
  if ((await keyIdOf(signPublic)) !== p.keyId) throw new Error('sync key id');
  const signPrivate = await subtle().importKey('pkcs8', fromBase64(p.signPrivate), ED, true, [
    'sign',
  ]);
  const encPrivate = await subtle().importKey('pkcs8', fromBase64(p.encPrivate), ECDH, true, [
    'deriveKey',
  ]);
  const probe = new TextEncoder().encode(`passerelle:${p.keyId}`);
  const verifyKey = await subtle().importKey('raw', signPublic, ED, false, ['verify']);
  const sig = await subtle().sign('Ed25519', signPrivate, probe);
  if (!(await subtle().verify('Ed25519', verifyKey, sig, probe))) throw new Error('sync key pair');
  return seal(signPrivate, encPrivate, signPublic, encPublic);
};
