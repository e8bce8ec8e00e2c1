/**
 * The part of screening that a referral's case carries (the assessment), kept apart from
 * schema.ts so that the referral schema can import it without importing the form's schema,
 * which imports referrals' value lists. Only zod here.
 */
import { z } from 'zod';

export const GROUPS = ['recruitment', 'exploitation', 'coercion', 'vulnerability'] as const;
export type IndicatorGroup = (typeof GROUPS)[number];

/** Strongest first: an index comparison says "at least as strong as". */
export const STRENGTHS = ['strong', 'medium', 'weak'] as const;
export type Strength = (typeof STRENGTHS)[number];
export const atLeast = (s: Strength, min: Strength) =>
  STRENGTHS.indexOf(s) <= STRENGTHS.indexOf(min);

/** HTCDS 2.0 fields an indicator may fill; their value names are in schema.ts. */
export const HTCDS_FIELDS = [
  'vic_MethodsOfControl',
  'vic_MethodOfRecruitment',
  'vic_TypeOfExploitation',
] as const;
export type HtcdsField = (typeof HTCDS_FIELDS)[number];

export const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, { message: 'screening.validation.id' });
export const requiredText = (max: number) =>
  z.string().trim().min(1, { message: 'validation.required' }).max(max);

/** Every text of a set in the four interface languages: a national form is not half-translated. */
export const localizedSchema = (max: number) =>
  z.object({
    fr: requiredText(max),
    en: requiredText(max),
    pt: requiredText(max),
    ar: requiredText(max),
  });
export type Localized = z.infer<ReturnType<typeof localizedSchema>>;

/** A field and one of its value names (the value list is checked where a set is loaded). */
export const htcdsRefShape = z.object({
  field: z.enum(HTCDS_FIELDS),
  value: z.string().regex(/^[A-Za-z_]{1,60}$/),
});

/** The referrals' urgencies (the same list, tested), kept here to avoid an import cycle. */
export const SCREENING_URGENCIES = ['24h', '72h', '2w'] as const;

export const SUGGESTIONS = [
  'PossibleVictimOfTrafficking',
  'furtherAssessment',
  'noIndicators',
] as const;
export type Suggestion = (typeof SUGGESTIONS)[number];

/** An indicator found, kept whole so the case reads the same if the set changes later. */
export const foundSchema = z.lazy(() =>
  z.object({
    id: idSchema,
    group: z.enum(GROUPS),
    strength: z.enum(STRENGTHS),
    htcds: htcdsRefShape.nullable().default(null),
    label: localizedSchema(120),
  }),
);
export type Found = z.infer<typeof foundSchema>;

/** The assessment as recorded: what the referral carries in its case (sealed with it). */
export const assessmentSchema = z.lazy(() =>
  z.object({
    setVersion: z.number().int().min(1),
    found: z.array(foundSchema).max(200),
    suggestion: z.enum(SUGGESTIONS),
    /** First, whatever else is recorded: the person may be a minor. */
    childProtection: z.boolean(),
    /** Need ids, child protection first when flagged. */
    needs: z.array(idSchema).max(30),
    urgency: z.enum(SCREENING_URGENCIES),
    /** HTCDS value names by field, from the indicators found. */
    htcds: z.partialRecord(z.enum(HTCDS_FIELDS), z.array(z.string()).max(40)),
  }),
);
export type Assessment = z.infer<typeof assessmentSchema>;
