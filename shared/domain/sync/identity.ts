/**
 * Office identities and trust. Every installation has a signing key (Ed25519) and an encryption
 * key (ECDH P-256) created on first start. Partners exchange identity files and compare the short
 * fingerprint read aloud or shown on both screens before trusting each other; trust can be
 * revoked. One office may run several installations (desks): each has its own keys.
 */
import { z } from 'zod';
import { keyIdSchema, officeCodeSchema } from './doc';
import { fromBase64 } from './codec';

export const OFFICE_LEVELS = ['national', 'regional', 'district'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

const publicKeyB64 = (bytes: number) =>
  z.string().refine(
    (s) => {
      try {
        return fromBase64(s).length === bytes;
      } catch {
        return false;
      }
    },
    { message: 'sync.error.identityFile' },
  );

/** What an identity file holds: public only, safe to e-mail. */
export const officeIdentitySchema = z.object({
  format: z.literal('passerelle-office'),
  version: z.literal(1),
  office: officeCodeSchema,
  name: z.string().trim().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/),
  level: z.enum(OFFICE_LEVELS),
  region: z.string().max(10).default(''),
  /** Ed25519 public key, raw 32 bytes in base64. */
  signingKey: publicKeyB64(32),
  /** ECDH P-256 public key, raw uncompressed 65 bytes in base64. */
  encryptionKey: publicKeyB64(65),
  createdAt: z.iso.datetime({ offset: true }),
});
export type OfficeIdentity = z.infer<typeof officeIdentitySchema>;

/** A partner installation this one trusts (or once trusted: revoked keys stay, marked). */
export const peerSchema = officeIdentitySchema.extend({
  keyId: keyIdSchema,
  trustedAt: z.iso.datetime({ offset: true }),
  revokedAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type Peer = z.infer<typeof peerSchema>;

/**
 * The short fingerprint people compare: the key id's first 16 hex digits in groups of four
 * (64 bits: enough that nobody can make a key that matches one read aloud).
 */
export const formatFingerprint = (keyId: string): string =>
  (keyId.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join(' ');
