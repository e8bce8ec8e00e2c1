/**
 * Stored ciphertext (issue 7, encryption at rest). A sealed value is AES-256-GCM over the JSON
 * of a value, with a fresh 96-bit IV; both travel as base64 so the record stays JSON (it
 * replicates through CouchDB). Never index a sealed field: an index would store the plaintext
 * order of nothing useful and invite someone to add one on the plaintext instead.
 */
import { z } from 'zod';

const base64 = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'validation.invalid' });

export const sealedSchema = z.object({
  /** Format version, so the algorithm can change without guessing. */
  v: z.literal(1),
  /** 12 bytes. */
  iv: base64(16, 16),
  /** Ciphertext with its 16-byte GCM tag. */
  ct: base64(24, 8 * 1024 * 1024),
});
export type Sealed = z.infer<typeof sealedSchema>;

/**
 * The data key wrapped by a key derived from one user's password (argon2id, its own salt): any
 * user can unlock the data key with their own password, and the administrator re-wraps it when
 * creating an account or resetting a password. Like LUKS key slots.
 */
export const keySlotSchema = z.object({
  v: z.literal(1),
  /** PHC-style parameters of the derivation, e.g. m=19456,t=2,p=1. */
  kdf: z.string().regex(/^argon2id:m=\d+,t=\d+,p=\d+$/),
  salt: base64(24, 24),
  wrapped: sealedSchema,
});
export type KeySlot = z.infer<typeof keySlotSchema>;
