/**
 * Which fields of the referral tables are case data (issue 7): they identify or describe the
 * person, so they are stored sealed with the installation's data key (renderer/data/
 * repositories/referralsAtRest.ts) and never indexed. Everything else is a routing field the
 * register filters and sorts on (state, urgency, service, dates, case code).
 */
import type { Referral } from './schema';

/** The case (with the person's name in `caseDetails.person`), the consent, the override. */
export const REFERRAL_CASE_FIELDS = ['caseDetails', 'consent', 'consentOverride'] as const;
export type ReferralCaseField = (typeof REFERRAL_CASE_FIELDS)[number];

/** An event's free text: a decline, withdrawal or override reason, a consent summary. */
export const EVENT_CASE_FIELDS = ['reason'] as const;

/** A letter's snapshot: the case code with the name (when shared), the needs, the consent. */
export const LETTER_CASE_FIELDS = ['model'] as const;

/** What the register shows and filters on: readable without the data key. */
export type ReferralSummary = Omit<Referral, ReferralCaseField>;
