/**
 * A referral of a person to a service of the directory, and its consent. Case fields follow
 * IOM's Human Trafficking Case Data Standard 2.0 (HTCDS, ../shared/htcds/): where the standard
 * names a field we keep its meaning and its value names (labels are translated in the
 * catalogues), so a case exports as HTCDS. schema.test.ts checks the value names against the
 * standard's own field list.
 *
 * Everything that identifies or describes the person lives in `caseDetails` (the person's name
 * in `caseDetails.person`), so it can be encrypted as one block later and is never indexed.
 */
import { z } from 'zod';
import { languageCodeSchema, replicatedSchema, uuidSchema } from '../directory/schema';
import { assessmentSchema } from '../screening/core';
import { isCountryCode } from './countries';

/** HTCDS vic_TraffickingStatus. */
export const TRAFFICKING_STATUSES = [
  'PossibleVictimOfTrafficking',
  'ActualVictimOfTrafficking',
  'NotAVictimOfTrafficking',
] as const;
export type TraffickingStatus = (typeof TRAFFICKING_STATUSES)[number];

/** HTCDS vic_TypeOfExploitation (multiselect). */
export const EXPLOITATION_TYPES = [
  'ForcedLabour',
  'SexualExploitation',
  'ChildLabour',
  'ForcedMarriage',
  'Servitude',
  'ForcedMilitaryByNonStateActors',
  'OrganRemoval',
  'ForcedBegging',
  'ForcedAdoption',
  'Surrogacy',
  'Other',
] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

/** HTCDS prs_Gender. */
export const GENDERS = [
  'Feminine',
  'Masculine',
  'TransgenderFeminine',
  'TransgenderMasculine',
  'NonConforming',
  'NonSpecifiedUnknown',
] as const;
export type Gender = (typeof GENDERS)[number];

/**
 * HTCDS keeps an age (vic_AgeWhenTrafficked) or a birth date; we keep only a band, which
 * identifies less. The bands are CTDC's published ones, so statistics compare directly.
 */
export const AGE_BANDS = [
  '0-8',
  '9-17',
  '18-20',
  '21-23',
  '24-26',
  '27-29',
  '30-38',
  '39-47',
  '48+',
  'unknown',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const isMinorBand = (band: AgeBand): boolean => band === '0-8' || band === '9-17';

/** HTCDS cas_ReasonForOutgoingReferral. */
export const REFERRAL_REASONS = [
  'AdditionalServicesRequired',
  'MigrationOrChangeOfLocation',
  'Other',
] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

/** What the person needs from the receiving service (the letter's "services requested"). */
export const NEEDS = [
  'shelter',
  'medical',
  'legal',
  'psychosocial',
  'repatriation',
  'other',
] as const;
export type Need = (typeof NEEDS)[number];

/** How soon the receiving service must answer; drives the "overdue" flag. */
export const URGENCIES = ['24h', '72h', '2w'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_HOURS: Record<Urgency, number> = { '24h': 24, '72h': 72, '2w': 14 * 24 };

export const REFERRAL_STATES = [
  'draft',
  'sent',
  'accepted',
  'declined',
  'completed',
  'withdrawn',
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/**
 * What the person agreed to. `referral`: being referred to the named recipient, with the case
 * information it needs (HTCDS con_Consent). `recordName`: their name kept in this system (HTCDS
 * vic_AgreementToManagePersonalData). `shareName`: their name given to the recipient.
 */
export const CONSENT_SCOPES = ['referral', 'recordName', 'shareName'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_METHODS = ['written', 'oral', 'guardian', 'other'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

const text = (max: number) => z.string().trim().max(max, { message: 'validation.tooLong' });
const isoDate = z.iso.date({ message: 'validation.date' });
const isoDateTime = z.iso.datetime({ offset: true, message: 'validation.dateTime' });

export const countryCodeSchema = z.lazy(() =>
  z.string().refine(isCountryCode, { message: 'referrals.validation.country' }),
);

/** The recipient a consent names: a service, or a whole organisation (all its services). */
export const consentRecipientSchema = z.lazy(() =>
  z.object({
    kind: z.enum(['service', 'organization']),
    id: uuidSchema,
    /** The name as the person was told it, kept even if the directory entry changes. */
    name: text(200).min(1, { message: 'validation.required' }),
  }),
);
export type ConsentRecipient = z.infer<typeof consentRecipientSchema>;

export const consentSchema = z.lazy(() =>
  z
    .object({
      given: z.boolean().default(false),
      scope: z.array(z.enum(CONSENT_SCOPES)).default([]),
      recipient: consentRecipientSchema.nullable().default(null),
      date: isoDate.nullable().default(null),
      method: z.enum(CONSENT_METHODS).nullable().default(null),
      /** Who recorded it (the officer), for the history. */
      recordedBy: text(120).default(''),
    })
    .superRefine((c, ctx) => {
      if (!c.given) {
        if (c.scope.length > 0)
          ctx.addIssue({ code: 'custom', path: ['scope'], message: 'referrals.validation.scope' });
        return;
      }
      if (!c.scope.includes('referral'))
        ctx.addIssue({ code: 'custom', path: ['scope'], message: 'referrals.validation.scope' });
      if (c.scope.includes('shareName') && !c.scope.includes('recordName'))
        ctx.addIssue({
          code: 'custom',
          path: ['scope'],
          message: 'referrals.validation.shareName',
        });
      if (!c.recipient)
        ctx.addIssue({ code: 'custom', path: ['recipient'], message: 'validation.required' });
      if (!c.date) ctx.addIssue({ code: 'custom', path: ['date'], message: 'validation.required' });
      if (!c.method)
        ctx.addIssue({ code: 'custom', path: ['method'], message: 'validation.required' });
    }),
);
export type Consent = z.infer<typeof consentSchema>;
export const NO_CONSENT: Consent = {
  given: false,
  scope: [],
  recipient: null,
  date: null,
  method: null,
  recordedBy: '',
};

/** Identifying data: only ever stored when consent covers it (checked in rules.ts). */
export const personSchema = z.lazy(() =>
  z.object({
    name: text(200).min(1, { message: 'validation.required' }),
  }),
);

export const caseDetailsSchema = z.lazy(() =>
  z.object({
    person: personSchema.nullable().default(null),
    traffickingStatus: z.enum(TRAFFICKING_STATUSES).default('PossibleVictimOfTrafficking'),
    exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)).default([]),
    gender: z.enum(GENDERS).default('NonSpecifiedUnknown'),
    ageBand: z.enum(AGE_BANDS).default('unknown'),
    /** HTCDS prs_Citizenship: ISO 3166-1 alpha-2, several allowed; empty when unknown. */
    citizenship: z.array(countryCodeSchema).max(5).default([]),
    /** HTCDS prs_PrimaryLanguage first, then the others (ISO 639 codes). */
    languages: z.array(languageCodeSchema).max(10).default([]),
    needs: z.array(z.enum(NEEDS)).min(1, { message: 'referrals.validation.needs' }),
    needsOther: text(300).default(''),
    reason: z.enum(REFERRAL_REASONS).default('AdditionalServicesRequired'),
    /** HTCDS cas_OutgoingReferralDetails: written for the recipient, printed in the letter. */
    reasonDetails: text(2000).default(''),
    /** Internal notes of the referring office: never leave it, never printed. */
    notes: text(4000).default(''),
    /** The screening that led to the referral (issue 16): case data, sealed with it, not printed. */
    screening: assessmentSchema.optional(),
  }),
);
export type CaseDetails = z.infer<typeof caseDetailsSchema>;

export const consentOverrideSchema = z.lazy(() =>
  z.object({
    reason: text(1000).min(20, { message: 'referrals.validation.overrideReason' }),
    by: text(120),
    at: isoDateTime,
    /** An override covers one recipient: changing the service needs a new decision. */
    serviceId: uuidSchema,
  }),
);
export type ConsentOverride = z.infer<typeof consentOverrideSchema>;

export const CASE_CODE_PATTERN = /^[A-Z0-9]{2,10}-\d{4}-\d{4,}$/;

export const referralSchema = z.lazy(() =>
  replicatedSchema.extend({
    /** Pseudonymous, per office and year (BKO-2026-0007): what screens and letters show. */
    caseCode: z.string().regex(CASE_CODE_PATTERN),
    state: z.enum(REFERRAL_STATES),
    urgency: z.enum(URGENCIES),
    /** HTCDS cas_ReferredOrganisation, as a directory service. */
    serviceId: uuidSchema,
    /** HTCDS cas_ReferringOrganisation and cas_ReferringPrimaryCaseWorker. */
    referringOffice: z.object({ code: z.string().min(1).max(40), name: text(200) }),
    referringOfficer: text(120),
    /**
     * The office that owns the receiving service when the referral was written: the only office
     * whose accept / decline / complete events count (fold.ts). Null on records written before
     * sync, where the service's current owner is looked up instead.
     */
    receivingOffice: z.string().min(1).max(40).nullable().default(null),
    /** HTCDS cas_OutgoingReferralDate; the overdue clock starts here. */
    sentAt: isoDateTime.nullable().default(null),
    answeredAt: isoDateTime.nullable().default(null),
    closedAt: isoDateTime.nullable().default(null),
    caseDetails: caseDetailsSchema,
    consent: consentSchema,
    consentOverride: consentOverrideSchema.nullable().default(null),
  }),
);
export type Referral = z.infer<typeof referralSchema>;

/** What the create/edit form submits: the case, the service, the urgency. */
export const referralDraftSchema = z.lazy(() =>
  z.object({
    serviceId: uuidSchema,
    urgency: z.enum(URGENCIES),
    caseDetails: caseDetailsSchema.unwrap().omit({ person: true }),
  }),
);
export type ReferralDraft = z.infer<typeof referralDraftSchema>;
export type ReferralDraftInput = z.input<typeof referralDraftSchema>;

/**
 * What the consent form submits: recorded apart from the case, since it is its own act (a date,
 * a method, a recipient). The name travels with it: it may only be kept under this consent.
 */
export const consentFormSchema = z.lazy(() =>
  z.object({
    consent: consentSchema,
    personName: text(200).default(''),
  }),
);
export type ConsentForm = z.infer<typeof consentFormSchema>;
export type ConsentFormInput = z.input<typeof consentFormSchema>;

export const EVENT_TYPES = [
  'created',
  'updated',
  'consent',
  'consentOverride',
  'sent',
  'accepted',
  'declined',
  'completed',
  'withdrawn',
  'letterIssued',
  'letterFile',
] as const;
export type ReferralEventType = (typeof EVENT_TYPES)[number];

/**
 * One immutable line of a referral's history: never updated, never deleted. `office` is the
 * office that wrote it (and owns it for sync): the referring office, or the receiving office
 * answering. A referral's state is the fold of these events (fold.ts).
 */
export const referralEventSchema = z.lazy(() =>
  z.object({
    id: uuidSchema,
    referralId: uuidSchema,
    office: z.string().min(1).max(40),
    at: isoDateTime,
    by: text(120),
    type: z.enum(EVENT_TYPES),
    from: z.enum(REFERRAL_STATES).nullable().default(null),
    to: z.enum(REFERRAL_STATES).nullable().default(null),
    /** Decline, withdrawal or override reason; what changed for an update. Sealed at rest. */
    reason: text(1000).default(''),
    letterId: uuidSchema.nullable().default(null),
    /** For letter events: the reference, and for files the format and file name. */
    reference: text(80).default(''),
    /** 'print': handed to a print dialog that does not say whether a file was made. */
    format: z.enum(['pdf', 'docx', 'print']).nullable().default(null),
    fileName: text(200).default(''),
    demo: z.boolean().default(false),
  }),
);
export type ReferralEvent = z.infer<typeof referralEventSchema>;
