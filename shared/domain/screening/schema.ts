/**
 * Screening (issue 16): the short guided interview a frontline worker holds before a referral.
 * The indicator set, the suggestion rules and the needs are DATA an administrator may replace
 * per office (a ministry adopts its national form); the default set ships in
 * resources/screening/default.json, in the four interface languages, and is parsed by
 * `screeningSetSchema` whenever it is loaded, so a crafted upload is refused whole.
 *
 * Indicators follow the grouping of the widely used operational indicators of trafficking
 * (deceptive or coercive recruitment, exploitation, coercion at destination, abuse of
 * vulnerability); where HTCDS 2.0 has a field for what an indicator records, it names the field
 * and its value name, so a case exports as HTCDS.
 *
 * The form holds no free text at all: nothing in a screening can carry a name.
 */
import { z } from 'zod';
import type { HtcdsField } from './core';
import {
  GROUPS,
  STRENGTHS,
  assessmentSchema,
  htcdsRefShape,
  idSchema,
  localizedSchema,
} from './core';
import { SERVICE_CATEGORIES, languageCodeSchema } from '../directory/schema';
import {
  AGE_BANDS,
  EXPLOITATION_TYPES,
  GENDERS,
  NEEDS as REFERRAL_NEEDS,
  URGENCIES,
} from '../referrals/schema';

/** HTCDS 2.0 value names of the fields indicators may fill (checked against the CSV in tests). */
export const HTCDS_VALUES = {
  vic_MethodsOfControl: [
    'PhysicalThreats',
    'ThreatsLawEnforcement',
    'ThreatensChildrenFamily',
    'DebtBondage',
    'FalsePromises',
    'PhysicalAbuse',
    'SexualAbuse',
    'TakesEarnings',
    'RestrictsFinancialAccess',
    'RestrictsMedicalCare',
    'WithholdsNecessities',
    'PsychologicalAbuse',
    'PsychoactiveSubstance',
    'ExcessiveWorkingHours',
    'WithholdsDocuments',
    'Other',
  ],
  vic_MethodOfRecruitment: [
    'AtAPlaceOfBusiness',
    'AtAnEducationalInstitution',
    'AtWork',
    'ThroughOnlineSocialNetworks',
    'ThroughAnOnlineAdvertisement',
    'ThroughATelevisionAdvert',
    'ThroughANewspaperAdvert',
    'ThroughFamilyOrFamilyEvents',
    'ThroughFriendsOrSocialEvents',
    'Other',
  ],
  vic_TypeOfExploitation: EXPLOITATION_TYPES,
} as const satisfies Record<HtcdsField, readonly string[]>;

export const htcdsRefSchema = z.lazy(() =>
  htcdsRefShape.refine((r) => (HTCDS_VALUES[r.field] as readonly string[]).includes(r.value), {
    message: 'screening.validation.htcds',
    path: ['value'],
  }),
);
export type HtcdsRef = z.infer<typeof htcdsRefSchema>;

export const indicatorSchema = z.lazy(() =>
  z.object({
    id: idSchema,
    group: z.enum(GROUPS),
    strength: z.enum(STRENGTHS),
    htcds: htcdsRefSchema.nullable().default(null),
    /** The question as a worker asks it, in plain language. */
    question: localizedSchema(300),
    /** A short name for the assessment and the referral. */
    label: localizedSchema(120),
  }),
);
export type Indicator = z.infer<typeof indicatorSchema>;

/** "Indicators at least `minStrength` in at least `minGroups` groups → possible victim." */
export const ruleSchema = z.lazy(() =>
  z.object({
    minGroups: z.number().int().min(1).max(GROUPS.length),
    minStrength: z.enum(STRENGTHS),
  }),
);
export type Rule = z.infer<typeof ruleSchema>;

export const needSchema = z.lazy(() =>
  z.object({
    id: idSchema,
    label: localizedSchema(120),
    /** Directory categories that meet the need, in the order they are offered. */
    categories: z.array(z.enum(SERVICE_CATEGORIES)).max(SERVICE_CATEGORIES.length),
    /** What the referral and its letter call it (referrals' own needs list). */
    referralNeed: z.enum(REFERRAL_NEEDS),
    /** How soon help is needed when this need is recorded. */
    urgency: z.enum(URGENCIES),
    /** Needs a free bed for the person's population now (shelter tonight). */
    bed: z.boolean().default(false),
    /** Added first, whatever else is recorded, when the person may be a minor. */
    childProtection: z.boolean().default(false),
    /** Services are ranked by whether they speak the person's language. */
    interpreter: z.boolean().default(false),
  }),
);
export type NeedDef = z.infer<typeof needSchema>;

export const screeningSetSchema = z.lazy(() =>
  z
    .object({
      /** Bumped by whoever edits the set: a screening records which version asked it. */
      version: z.number().int().min(1),
      name: localizedSchema(120),
      indicators: z.array(indicatorSchema).min(1).max(200),
      /** Any rule met suggests "possible victim of trafficking". */
      rules: z.array(ruleSchema).min(1).max(10),
      needs: z.array(needSchema).min(1).max(30),
    })
    .superRefine((s, ctx) => {
      const dup = (ids: string[], path: string) => {
        const seen = new Set<string>();
        ids.forEach((x, i) => {
          if (seen.has(x))
            ctx.addIssue({
              code: 'custom',
              path: [path, i, 'id'],
              message: 'screening.validation.duplicate',
            });
          seen.add(x);
        });
      };
      dup(
        s.indicators.map((i) => i.id),
        'indicators',
      );
      dup(
        s.needs.map((n) => n.id),
        'needs',
      );
      if (s.needs.filter((n) => n.childProtection).length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['needs'],
          message: 'screening.validation.childNeed',
        });
    }),
);
export type ScreeningSet = z.infer<typeof screeningSetSchema>;

export const ANSWERS = ['yes', 'no'] as const;
export const MINOR_ANSWERS = ['yes', 'no', 'unknown'] as const;

/** Where the person is now, to rank services nearest first. */
export const originSchema = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('office') }),
    z.object({ kind: z.literal('region'), code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/) }),
    z.object({
      kind: z.literal('point'),
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
    }),
  ]),
);
export type Origin = z.infer<typeof originSchema>;

/**
 * What the form records. A skipped question is absent from `answers`; there is no text field,
 * so no name can be typed anywhere.
 */
export const screeningInputSchema = z.lazy(() =>
  z.object({
    setVersion: z.number().int().min(1),
    answers: z.record(idSchema, z.enum(ANSWERS)).default({}),
    minor: z.enum(MINOR_ANSWERS).default('unknown'),
    ageBand: z.enum(AGE_BANDS).default('unknown'),
    gender: z.enum(GENDERS).default('NonSpecifiedUnknown'),
    languages: z.array(languageCodeSchema).max(10).default([]),
    needs: z.array(idSchema).max(30).default([]),
    /** The worker's own urgency; null takes the one the needs suggest. */
    urgency: z.enum(URGENCIES).nullable().default(null),
  }),
);
export type ScreeningInput = z.infer<typeof screeningInputSchema>;
export type ScreeningInputDraft = z.input<typeof screeningInputSchema>;

/** The sealed part of a stored screening. */
export const screeningContentSchema = z.lazy(() =>
  z.object({
    input: screeningInputSchema,
    assessment: assessmentSchema,
  }),
);
export type ScreeningContent = z.infer<typeof screeningContentSchema>;

/** A screening as screens and statistics read it (stored sealed; never replicated). */
export const screeningRecordSchema = z.lazy(() =>
  z.object({
    id: z.uuid(),
    office: z.string().min(1).max(40),
    /** Account id of the worker: a frontline worker reaches only the referrals of their own. */
    userId: z.string().min(1).max(80),
    createdAt: z.iso.datetime({ offset: true }),
    /** The referrals it led to (one per service the person was referred to). */
    referralIds: z.array(z.uuid()).max(20).default([]),
    content: screeningContentSchema,
  }),
);
export type ScreeningRecord = z.infer<typeof screeningRecordSchema>;
