/**
 * The directory's stored records, aligned with Open Referral HSDS 3.x (organization, service,
 * location, service_at_location, phone, contact, schedule, language, address). Our additions are
 * extensions, never renames (DESIGN §2): category, populations, admin area, referral method and
 * response delay, last verification, location visibility.
 *
 * Every replicated record carries a random UUID, its owning office, createdAt/updatedAt and a
 * tombstone (`deletedAt`) instead of being removed.
 */
import { z } from 'zod';

export const SERVICE_CATEGORIES = [
  'shelter',
  'legal_aid',
  'medical',
  'psychosocial',
  'social_services',
  'law_enforcement',
  'hotline',
  'repatriation',
  'labour_inspection',
  'child_protection',
] as const;
export const serviceCategorySchema = z.enum(SERVICE_CATEGORIES);
export type ServiceCategory = z.infer<typeof serviceCategorySchema>;

export const POPULATIONS = [
  'women',
  'men',
  'girls',
  'boys',
  'families',
  'persons_with_disabilities',
] as const;
export const populationSchema = z.enum(POPULATIONS);
export type Population = z.infer<typeof populationSchema>;

export const VISIBILITIES = ['public', 'partners', 'restricted'] as const;
export const visibilitySchema = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof visibilitySchema>;

export const REFERRAL_METHODS = ['phone', 'email', 'letter', 'in_person', 'hotline'] as const;
export const referralMethodSchema = z.enum(REFERRAL_METHODS);
export type ReferralMethod = z.infer<typeof referralMethodSchema>;

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

/** Error messages are message ids from the i18n catalogues, so the UI can translate them. */
const requiredText = (max: number) =>
  z.string().trim().min(1, { message: 'validation.required' }).max(max, {
    message: 'validation.tooLong',
  });
const optionalText = (max: number) =>
  z.string().trim().max(max, { message: 'validation.tooLong' }).default('');

export const uuidSchema = z.uuid({ message: 'validation.uuid' });
const isoDateTime = z.iso.datetime({ offset: true, message: 'validation.dateTime' });
const isoDate = z.iso.date({ message: 'validation.date' });

/**
 * Phone numbers as people type them: digits with spaces, dots, dashes, parentheses and one
 * leading +. 6 to 15 digits (E.164 allows 15; short codes such as hotlines have 3 to 5).
 */
export const PHONE_PATTERN = /^\+?[0-9(][0-9 .\-()]*$/;
export const phoneNumberSchema = z
  .string()
  .trim()
  .regex(PHONE_PATTERN, { message: 'validation.phone' })
  .refine(
    (s) => {
      const digits = s.replace(/\D/g, '').length;
      return digits >= 3 && digits <= 15;
    },
    { message: 'validation.phone' },
  );

export const phoneSchema = z.object({
  id: uuidSchema,
  number: phoneNumberSchema,
  type: z.enum(['voice', 'fax', 'text', 'cell', 'video', 'pager', 'textphone']).default('voice'),
  description: optionalText(200),
});
export type Phone = z.infer<typeof phoneSchema>;

/** ISO 639-1/639-3 code (HSDS language.code), e.g. fr, bm (Bambara), ff (Fula), ar, ur. */
export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, { message: 'validation.language' });

export const contactSchema = z.object({
  id: uuidSchema,
  name: requiredText(120),
  title: optionalText(120),
  email: z.union([z.literal(''), z.email({ message: 'validation.email' })]).default(''),
  phone: z.union([z.literal(''), phoneNumberSchema]).default(''),
});
export type Contact = z.infer<typeof contactSchema>;

export const addressSchema = z.object({
  address1: optionalText(200),
  city: optionalText(120),
  /** ISO 3166-2 code of the region/province (our admin area), e.g. ML-4 (Ségou). */
  adminAreaCode: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, {
    message: 'validation.adminArea',
  }),
  /**
   * Optional second level (cercle / district): its OCHA P-code (MZ0104) or, for an area an
   * administrator added, its local code (ML_K1A2). Absent on records made before districts.
   */
  districtCode: z
    .string()
    .regex(/^[A-Z]{2}([0-9]{1,8}|_[A-Z0-9]{1,8})$/, { message: 'validation.adminArea' })
    .optional(),
  /** ISO 3166-1 alpha-2, as HSDS address.country. */
  country: z.string().regex(/^[A-Z]{2}$/, { message: 'validation.country' }),
});
export type Address = z.infer<typeof addressSchema>;

export const latitudeSchema = z
  .number({ message: 'validation.number' })
  .min(-90, { message: 'validation.latitude' })
  .max(90, { message: 'validation.latitude' });
export const longitudeSchema = z
  .number({ message: 'validation.number' })
  .min(-180, { message: 'validation.longitude' })
  .max(180, { message: 'validation.longitude' });

/** Fields every replicated record carries (DESIGN §2). */
export const replicatedSchema = z.object({
  id: uuidSchema,
  /** Code of the office that owns (and alone may change) the record. */
  office: z.string().min(1).max(40),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** A deletion is a tombstone so that it replicates; null while the record lives. */
  deletedAt: isoDateTime.nullable().default(null),
  /** Set on demo records so they can be removed in one action. */
  demo: z.boolean().default(false),
});

/**
 * A service's or an organisation's identifier in another system (HSDS organization_identifier):
 * an HSDS file from elsewhere names its records "1" or "svc-0042"; they get UUIDs of ours, and
 * the foreign id is kept here with the system it comes from, so an export gives it back and
 * people can match the two directories. Absent on records that never had one (not an empty
 * list), so records made before it are unchanged, also in replication. Not on locations: a
 * shelter's place is sealed in replication, and an id from its source system could name it.
 */
export const externalIdSchema = z.object({
  /** The system: an HSDS package's name, the file's name, or an org-id.guide scheme. */
  identifierScheme: requiredText(120),
  /** What kind of identifier, in words or as the HSDS field it came from ("service_id"). */
  identifierType: requiredText(120),
  identifier: requiredText(200),
});
export type ExternalId = z.infer<typeof externalIdSchema>;
export const MAX_EXTERNAL_IDS = 10;
const externalIdsSchema = z.array(externalIdSchema).max(MAX_EXTERNAL_IDS).optional();

export const organizationSchema = replicatedSchema.extend({
  name: requiredText(200),
  description: optionalText(2000),
  email: z.union([z.literal(''), z.email({ message: 'validation.email' })]).default(''),
  website: z.union([z.literal(''), z.url({ message: 'validation.url' })]).default(''),
  externalIds: externalIdsSchema,
});
export type Organization = z.infer<typeof organizationSchema>;

export const locationSchema = replicatedSchema.extend({
  organizationId: uuidSchema,
  name: requiredText(200),
  address: addressSchema,
  latitude: latitudeSchema.nullable().default(null),
  longitude: longitudeSchema.nullable().default(null),
  visibility: visibilitySchema.default('public'),
});
export type Location = z.infer<typeof locationSchema>;

/** Typical delay before a service answers a referral, in hours (at most 90 days). */
const responseDelayHoursSchema = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.integer' })
  .min(0, { message: 'validation.nonNegative' })
  .max(24 * 90, { message: 'validation.tooLarge' })
  .nullable()
  .default(null);

export const verificationSchema = z.object({
  date: isoDate,
  by: requiredText(120),
});

export const serviceSchema = replicatedSchema.extend({
  organizationId: uuidSchema,
  /** HSDS service_at_location, kept as the ids of the locations the service is delivered at. */
  locationIds: z.array(uuidSchema).max(20).default([]),
  name: requiredText(200),
  alternateName: optionalText(200),
  description: optionalText(4000),
  status: z.enum(SERVICE_STATUSES).default('active'),
  category: serviceCategorySchema,
  populations: z.array(populationSchema).default([]),
  languages: z.array(languageCodeSchema).max(30).default([]),
  phones: z.array(phoneSchema).max(10).default([]),
  email: z.union([z.literal(''), z.email({ message: 'validation.email' })]).default(''),
  url: z.union([z.literal(''), z.url({ message: 'validation.url' })]).default(''),
  contacts: z.array(contactSchema).max(10).default([]),
  /** HSDS schedule.description: free text such as "Mon–Fri 8:00–17:00, on call 24/7". */
  hours: optionalText(500),
  /** HSDS fees_description; `free` says whether a victim pays anything. */
  free: z.boolean().default(true),
  feesDescription: optionalText(500),
  referralMethod: referralMethodSchema.default('phone'),
  /** Typical delay before the service answers a referral, in hours. */
  responseDelayHours: responseDelayHoursSchema,
  lastVerified: verificationSchema.nullable().default(null),
  externalIds: externalIdsSchema,
});
export type Service = z.infer<typeof serviceSchema>;

/** What the create/edit form submits: one service with its organisation and its location. */
export const serviceDraftSchema = z.object({
  organizationName: requiredText(200),
  name: requiredText(200),
  description: optionalText(4000),
  category: serviceCategorySchema,
  populations: z.array(populationSchema).default([]),
  languages: z.array(languageCodeSchema).max(30).default([]),
  phones: z.array(phoneNumberSchema).max(10).default([]),
  email: z.union([z.literal(''), z.email({ message: 'validation.email' })]).default(''),
  hours: optionalText(500),
  free: z.boolean().default(true),
  feesDescription: optionalText(500),
  referralMethod: referralMethodSchema.default('phone'),
  responseDelayHours: responseDelayHoursSchema,
  locationName: optionalText(200),
  address1: optionalText(200),
  city: optionalText(120),
  adminAreaCode: addressSchema.shape.adminAreaCode,
  districtCode: z.union([z.literal(''), addressSchema.shape.districtCode.unwrap()]).default(''),
  latitude: latitudeSchema.nullable().default(null),
  longitude: longitudeSchema.nullable().default(null),
  visibility: visibilitySchema.default('public'),
});
export type ServiceDraft = z.infer<typeof serviceDraftSchema>;
export type ServiceDraftInput = z.input<typeof serviceDraftSchema>;

/** A service joined with its organisation and locations, as screens and search use it. */
export type ServiceView = {
  service: Service;
  organization: Organization | undefined;
  locations: Location[];
};
