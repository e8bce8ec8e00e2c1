import { z } from 'zod';

/**
 * This installation's office, chosen at first-run setup and changeable in Settings. The office
 * code owns every record created here (DESIGN §2) and prefixes letter numbers.
 */
export const COUNTRY_CODES = ['ML', 'MZ', 'SA', 'BH', 'PK'] as const;

export const officeProfileSchema = z
  .object({
    country: z.enum(COUNTRY_CODES, { message: 'validation.country' }),
    officeCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{2,10}$/, { message: 'validation.officeCode' }),
    officeName: z.string().trim().min(2, { message: 'validation.required' }).max(200),
    /** The first administrator's display name, given at setup (accounts carry names since). */
    userName: z.string().trim().min(2, { message: 'validation.required' }).max(120),
    /**
     * The area the office covers, which sets its level: absent for a national office, a region's
     * ISO code (or local code) for a regional one, a district's P-code for a district office.
     */
    areaCode: z.string().trim().max(20).optional(),
  })
  // An office covers an area of its own country (ML-4, ML0406, ML_K1A2), never another's.
  .refine((o) => !o.areaCode || o.areaCode.startsWith(o.country), {
    message: 'validation.adminArea',
    path: ['areaCode'],
  });
export type OfficeProfile = z.infer<typeof officeProfileSchema>;

/** Preferences of this installation (not replicated). */
export const preferencesSchema = z.object({
  /** Capacity figures older than this are flagged stale. */
  staleAfterHours: z
    .number({ message: 'validation.staleAfterRange' })
    .int({ message: 'validation.staleAfterRange' })
    .min(1, { message: 'validation.staleAfterRange' })
    .max(24 * 30, { message: 'validation.staleAfterRange' })
    .default(48),
  /** How restricted locations are drawn for users without the right to see them. */
  restrictedLocations: z.enum(['region-centre', 'hidden']).default('region-centre'),
  /** Optional online tile layer; the bundled offline basemap always stays underneath. */
  onlineTiles: z.boolean().default(false),
  tileUrl: z.string().max(500).default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  /** Minutes without a key press or a click before the screen locks (accounts). */
  lockAfterMinutes: z
    .number({ message: 'validation.lockAfterRange' })
    .int({ message: 'validation.lockAfterRange' })
    .min(1, { message: 'validation.lockAfterRange' })
    .max(240, { message: 'validation.lockAfterRange' })
    .default(15),
});
export type Preferences = z.infer<typeof preferencesSchema>;
