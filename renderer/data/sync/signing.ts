/**
 * WebCrypto for sync: Ed25519 signatures (documents and bundles) and ECDH P-256 + AES-GCM for
 * case fields sealed to the party offices. Private keys are created non-extractable and kept as
 * CryptoKey objects in IndexedDB: the page can use them, nothing can read them out.
 */
import type { Sealed } from '@shared/domain/sync/doc';
import { fromBase64, fromUtf8, toBase64, toHex, utf8 } from '@shared/domain/sync/codec';

const subtle = () => globalThis.crypto.subtle;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const AES = { name: 'AES-GCM', length: 256 } as const;

export type LocalKeys = {
  keyId: string;
  signPrivate: CryptoKey;
  signPublic: Uint8Array<ArrayBuffer>;
  encPrivate: CryptoKey;
  encPublic: Uint8Array<ArrayBuffer>;
};

/** 128-bit id of a signing key: the first half of its SHA-256, in hex. */
export const keyIdOf = async (signPublic: Uint8Array<ArrayBuffer>): Promise<string> =>
  toHex(new Uint8Array(await subtle().digest('SHA-256', signPublic))).slice(0, 32);

export const createKeys = async (): Promise<LocalKeys> => {
  const sign = (await subtle().generateKey({ name: 'Ed25519' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const enc = (await subtle().generateKey(ECDH, false, ['deriveKey'])) as CryptoKeyPair;
  const signPublic = new Uint8Array(await subtle().exportKey('raw', sign.publicKey));
  const encPublic = new Uint8Array(await subtle().exportKey('raw', enc.publicKey));
  return {
    keyId: await keyIdOf(signPublic),
    signPrivate: sign.privateKey,
    signPublic,
    encPrivate: enc.privateKey,
    encPublic,
  };
};

export const signBytes = async (key: CryptoKey, data: Uint8Array<ArrayBuffer>) =>
  new Uint8Array(await subtle().sign('Ed25519', key, data));

/** Verifies with raw public keys, importing each key once. */
export const createVerifier = () => {
  const imported = new Map<string, Promise<CryptoKey>>();
  return async (
    publicRaw: Uint8Array<ArrayBuffer>,
    data: Uint8Array<ArrayBuffer>,
    sig: Uint8Array<ArrayBuffer>,
  ) => {
    const id = toBase64(publicRaw);
    let key = imported.get(id);
    if (!key) {
      key = subtle().importKey('raw', publicRaw, { name: 'Ed25519' }, false, ['verify']);
      imported.set(id, key);
    }
    try {
      return await subtle().verify('Ed25519', await key, sig, data);
    } catch {
      return false;
    }
  };
};

export type Recipient = { keyId: string; encPublic: Uint8Array<ArrayBuffer> };

/** Key-encryption keys per (own private key, partner public key), derived once. */
const createKekCache = () => {
  const cache = new WeakMap<CryptoKey, Map<string, Promise<CryptoKey>>>();
  return (own: CryptoKey, otherPublic: Uint8Array<ArrayBuffer>) => {
    let byPeer = cache.get(own);
    if (!byPeer) cache.set(own, (byPeer = new Map()));
    const id = toBase64(otherPublic);
    let kek = byPeer.get(id);
    if (!kek) {
      kek = subtle()
        .importKey('raw', otherPublic, ECDH, false, [])
        .then((pub) =>
          subtle().deriveKey({ name: 'ECDH', public: pub }, own, AES, false, [
            'wrapKey',
            'unwrapKey',
          ]),
        );
      byPeer.set(id, kek);
    }
    return kek;
  };
};

const iv = () => globalThis.crypto.getRandomValues(new Uint8Array(12));

export const createSealer = () => {
  const kek = createKekCache();
  /** Encrypts `secret` under a fresh content key wrapped for each recipient key. */
  const seal = async (
    secret: unknown,
    authorEncPrivate: CryptoKey,
    recipients: readonly Recipient[],
  ): Promise<Sealed> => {
    const content = await subtle().generateKey(AES, true, ['encrypt', 'decrypt']);
    const contentIv = iv();
    const ct = await subtle().encrypt(
      { name: 'AES-GCM', iv: contentIv },
      content,
      utf8(JSON.stringify(secret)),
    );
    const keys = await Promise.all(
      recipients.map(async (r) => {
        const wrapIv = iv();
        const wrapped = await subtle().wrapKey(
          'raw',
          content,
          await kek(authorEncPrivate, r.encPublic),
          {
            name: 'AES-GCM',
            iv: wrapIv,
          },
        );
        return { key: r.keyId, iv: toBase64(wrapIv), wrapped: toBase64(new Uint8Array(wrapped)) };
      }),
    );
    return { iv: toBase64(contentIv), ct: toBase64(new Uint8Array(ct)), keys };
  };

  /** The secret if this key is a recipient and everything decrypts; undefined otherwise. */
  const unseal = async (
    sealed: Sealed,
    own: { keyId: string; encPrivate: CryptoKey },
    authorEncPublic: Uint8Array<ArrayBuffer>,
  ): Promise<unknown> => {
    const mine = sealed.keys.find((k) => k.key === own.keyId);
    if (!mine) return undefined;
    try {
      const content = await subtle().unwrapKey(
        'raw',
        fromBase64(mine.wrapped),
        await kek(own.encPrivate, authorEncPublic),
        { name: 'AES-GCM', iv: fromBase64(mine.iv) },
        AES,
        false,
        ['decrypt'],
      );
      const plain = await subtle().decrypt(
        { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
        content,
        fromBase64(sealed.ct),
      );
      return JSON.parse(fromUtf8(new Uint8Array(plain)));
    } catch {
      return undefined;
    }
  };
  return { seal, unseal };
};
export type Sealer = ReturnType<typeof createSealer>;
