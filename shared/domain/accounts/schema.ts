/**
 * Local user accounts of one installation (issue 7). Accounts are not replicated: each office
 * PC has its own, created by its administrator. The stored record carries the password hash and
 * the user's key slot (the data key wrapped by a key derived from their password); screens get
 * a `UserSummary` without them.
 */
import { z } from 'zod';
import { uuidSchema } from '../directory/schema';
import { roleSchema } from './roles';
import { keySlotSchema } from './sealed';

const isoDateTime = z.iso.datetime({ offset: true, message: 'validation.dateTime' });

/** Lower-case so "Awa" and "awa" are one account; no spaces so it types the same everywhere. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { message: 'validation.username' });

export const displayNameSchema = z
  .string()
  .trim()
  .min(2, { message: 'validation.required' })
  .max(120, { message: 'validation.tooLong' });

const shelterIdsSchema = z.array(uuidSchema).max(50).default([]);

/** A shelter manager without a shelter could do nothing; anyone else has no shelter scope. */
const checkShelters = (
  u: { role: string; shelterServiceIds: readonly string[] },
  ctx: z.RefinementCtx,
) => {
  if (u.role === 'shelter_manager' && u.shelterServiceIds.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['shelterServiceIds'],
      message: 'validation.shelters',
    });
};

/** What the administrator types to create or change an account. */
export const userInputSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    shelterServiceIds: shelterIdsSchema,
  })
  .superRefine(checkShelters)
  .transform((u) => ({
    ...u,
    shelterServiceIds: u.role === 'shelter_manager' ? u.shelterServiceIds : [],
  }));
export type UserInput = z.input<typeof userInputSchema>;

export const userSchema = z
  .object({
    id: uuidSchema,
    office: z.string().min(1).max(40),
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    shelterServiceIds: shelterIdsSchema,
    disabled: z.boolean().default(false),
    /** argon2id, PHC-encoded: algorithm, parameters, salt and hash in one string. */
    passwordHash: z.string().startsWith('$argon2id$'),
    keySlot: keySlotSchema.nullable().default(null),
    /** Set by an administrator's reset: the next login must choose a new password. */
    mustChangePassword: z.boolean().default(false),
    failedLogins: z.number().int().min(0).default(0),
    lockedUntil: isoDateTime.nullable().default(null),
    lastLoginAt: isoDateTime.nullable().default(null),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .superRefine(checkShelters);
export type User = z.infer<typeof userSchema>;

export type UserSummary = Omit<User, 'passwordHash' | 'keySlot'>;
export const summarize = ({ passwordHash: _h, keySlot: _k, ...rest }: User): UserSummary => rest;
