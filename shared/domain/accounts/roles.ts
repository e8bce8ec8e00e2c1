import { z } from 'zod';

/** The roles of issue 7, from the most to the least powerful over the installation. */
export const ROLES = [
  'administrator',
  'coordinator',
  'shelter_manager',
  'ministry_staff',
  'viewer',
  // Issue 16: border police, labour inspectors, hotline and health staff who screen and refer.
  'frontline',
] as const;
export const roleSchema = z.enum(ROLES, { message: 'validation.role' });
export type Role = z.infer<typeof roleSchema>;
