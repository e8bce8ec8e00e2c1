/**
 * Referral rules: the consent gate, validating what the form submits, case codes, and when a
 * referral needs action. Pure functions: the clock and the directory are passed in.
 */
import type { z } from 'zod';
import type { ServiceView } from '../directory/schema';
import type { FieldErrors, Result } from '../validation';
import { fieldErrors as baseFieldErrors } from '../validation';
import { isOpen } from './machine';
import type {
  Consent,
  ConsentForm,
  ConsentFormInput,
  Referral,
  ReferralDraft,
  ReferralDraftInput,
} from './schema';
import { NO_CONSENT, URGENCY_HOURS, consentFormSchema, referralDraftSchema } from './schema';

/**
 * Field errors keeping this area's own message ids (`referrals.validation.*`,
 * `letters.validation.*`), which the shared helper would turn into a generic one.
 */
export const fieldErrors = (error: z.ZodError): FieldErrors => {
  const out = baseFieldErrors(error);
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (
      /^(referrals|letters)\.validation\./.test(issue.message) &&
      out[path] === 'validation.invalid'
    )
      out[path] = issue.message;
  }
  return out;
};

/** Whether this consent names the receiving service (directly or through its organisation). */
export const consentNamesRecipient = (
  consent: Consent,
  service: Pick<ServiceView['service'], 'id' | 'organizationId'>,
): boolean => {
  const r = consent.recipient;
  if (!consent.given || !consent.scope.includes('referral') || !r) return false;
  return r.kind === 'service' ? r.id === service.id : r.id === service.organizationId;
};

export type GateBasis = 'consent' | 'override';
export type GateResult =
  | { ok: true; basis: GateBasis }
  | {
      ok: false;
      error:
        | 'referrals.gate.noConsent'
        | 'referrals.gate.otherRecipient'
        | 'referrals.gate.closed'
        | 'referrals.gate.noService';
    };

/**
 * No "sent" and no letter without a consent naming the receiving service, unless an override
 * (with its written reason) was recorded for this very service.
 */
export const consentGate = (
  referral: Pick<Referral, 'state' | 'serviceId' | 'consent' | 'consentOverride'>,
  service: Pick<ServiceView['service'], 'id' | 'organizationId'> | undefined,
): GateResult => {
  if (!isOpen(referral.state)) return { ok: false, error: 'referrals.gate.closed' };
  if (!service || service.id !== referral.serviceId)
    return { ok: false, error: 'referrals.gate.noService' };
  if (consentNamesRecipient(referral.consent, service)) return { ok: true, basis: 'consent' };
  if (referral.consentOverride?.serviceId === referral.serviceId)
    return { ok: true, basis: 'override' };
  return {
    ok: false,
    error: referral.consent.given ? 'referrals.gate.otherRecipient' : 'referrals.gate.noConsent',
  };
};

/** May the person's name be given to this recipient? Consent must say so, for this recipient. */
export const mayShareName = (
  referral: Pick<Referral, 'consent' | 'caseDetails'>,
  service: Pick<ServiceView['service'], 'id' | 'organizationId'>,
): boolean =>
  referral.caseDetails.person !== null &&
  consentNamesRecipient(referral.consent, service) &&
  referral.consent.scope.includes('shareName');

/** The case form checked: the schema, then the rules that span several fields. */
export const validateReferralDraft = (input: ReferralDraftInput): Result<ReferralDraft> => {
  const parsed = referralDraftSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  const details = input.caseDetails;
  if (details?.needs?.includes('other') && !details.needsOther?.trim())
    errors['caseDetails.needsOther'] ??= 'validation.required';
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
};

/** The consent form checked: a name only under consent to record it, no date in the future. */
export const validateConsentForm = (
  input: ConsentFormInput,
  today: string,
): Result<ConsentForm> => {
  const parsed = consentFormSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  const consent = parsed.success ? parsed.data.consent : undefined;
  if ((input.personName ?? '').trim() && !(consent?.given && consent.scope.includes('recordName')))
    errors.personName ??= 'referrals.validation.nameWithoutConsent';
  if (consent?.date && consent.date > today)
    errors['consent.date'] ??= 'referrals.validation.future';
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
};

export type ReferralContext = {
  office: { code: string; name: string };
  officer: string;
  now: string;
  newId: () => string;
};

/**
 * The record a valid draft becomes. A new one starts as a draft without consent and needs its
 * case code; an existing one keeps everything but the case, the service and the urgency.
 */
export const draftToReferral = (
  draft: ReferralDraft,
  existing: Referral | undefined,
  ctx: ReferralContext & { caseCode?: string },
): Referral => {
  const base = existing ?? {
    id: ctx.newId(),
    office: ctx.office.code,
    createdAt: ctx.now,
    deletedAt: null,
    demo: false,
    caseCode: ctx.caseCode ?? '',
    state: 'draft' as const,
    referringOffice: ctx.office,
    referringOfficer: ctx.officer,
    receivingOffice: null,
    sentAt: null,
    answeredAt: null,
    closedAt: null,
    consent: NO_CONSENT,
    consentOverride: null,
  };
  return {
    ...base,
    updatedAt: ctx.now,
    urgency: draft.urgency,
    serviceId: draft.serviceId,
    caseDetails: {
      ...draft.caseDetails,
      person: existing?.caseDetails.person ?? null,
      // The editor's form does not carry the screening: an edit keeps it.
      screening: existing?.caseDetails.screening ?? draft.caseDetails.screening,
    },
  };
};

/**
 * A recorded consent applied: the name is kept only under consent to record it, so withdrawing
 * that consent erases the name.
 */
export const applyConsentForm = (
  referral: Referral,
  form: ConsentForm,
  ctx: { now: string; officer: string },
): Referral => {
  const c = form.consent;
  const consent: Consent = c.given ? { ...c, recordedBy: c.recordedBy || ctx.officer } : NO_CONSENT;
  // Left blank under a consent that still covers it, the stored name stays.
  const name = form.personName.trim() || referral.caseDetails.person?.name || '';
  const keepName = consent.given && consent.scope.includes('recordName') && name !== '';
  return {
    ...referral,
    updatedAt: ctx.now,
    consent,
    caseDetails: { ...referral.caseDetails, person: keepName ? { name } : null },
  };
};

/** The history line of a consent: what was agreed, how, to whom; never the name itself. */
export const consentSummary = (c: Consent): string =>
  c.given
    ? [c.scope.join('+'), c.method ?? '', c.date ?? '', c.recipient?.name ?? ''].join(' · ')
    : 'none';

/** Names of the parts that changed, for the history: never the values (they are case data). */
export const changedParts = (before: Referral, after: Referral): string[] => {
  const parts: string[] = [];
  if (before.serviceId !== after.serviceId) parts.push('service');
  if (before.urgency !== after.urgency) parts.push('urgency');
  const b = before.caseDetails;
  const a = after.caseDetails;
  for (const key of Object.keys(a) as (keyof typeof a)[])
    if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) parts.push(key);
  if (JSON.stringify(before.consent) !== JSON.stringify(after.consent)) parts.push('consent');
  return parts;
};

/** BKO-2026-0007: office, year, sequence; pseudonymous, nothing about the person. */
export const formatCaseCode = (office: string, year: number, seq: number): string =>
  `${office}-${year}-${String(seq).padStart(4, '0')}`;

const HOUR = 3_600_000;

/** When the receiving service should have answered; null until sent. */
export const dueAt = (r: Pick<Referral, 'sentAt' | 'urgency'>): string | null =>
  r.sentAt ? new Date(Date.parse(r.sentAt) + URGENCY_HOURS[r.urgency] * HOUR).toISOString() : null;

export type ActionStatus = 'overdue' | 'dueSoon' | 'draftWaiting' | null;

/**
 * Why a referral needs action now. Overdue: sent and not answered within the urgency's delay.
 * Due soon: less than a quarter of the delay left. Draft waiting: not sent although the
 * urgency's delay has passed since it was created (the person is waiting too).
 */
export const actionStatus = (
  r: Pick<Referral, 'state' | 'sentAt' | 'urgency' | 'createdAt'>,
  now: string,
): ActionStatus => {
  const t = Date.parse(now);
  const delay = URGENCY_HOURS[r.urgency] * HOUR;
  if (r.state === 'sent' && r.sentAt) {
    const due = Date.parse(r.sentAt) + delay;
    if (t > due) return 'overdue';
    if (due - t < delay / 4) return 'dueSoon';
    return null;
  }
  if (r.state === 'draft' && t > Date.parse(r.createdAt) + delay) return 'draftWaiting';
  return null;
};

export const needsAction = (status: ActionStatus): boolean =>
  status === 'overdue' || status === 'draftWaiting';
