/**
 * Who is party to a referral, for sealing its case fields (issue 10: case data reaches only the
 * referring office, the receiving service's office and the ministry when configured, which the
 * engine adds). Ready for the referrals tables' registration lines in tables.ts.
 */
import type { Lookup } from './registry';

const officeOf = (record: Record<string, unknown> | undefined): string[] =>
  typeof record?.office === 'string' ? [record.office] : [];

/** The referring office (the record's owner) and the office that owns the receiving service. */
export const referralParties = async (
  referral: Record<string, unknown>,
  lookup: Lookup,
): Promise<string[]> => [
  ...officeOf(referral),
  ...officeOf(await lookup('services', String(referral.serviceId))),
];

/** An event of a referral goes to the referral's parties. */
export const referralEventParties = async (
  event: Record<string, unknown>,
  lookup: Lookup,
): Promise<string[]> => {
  const referral = await lookup('referrals', String(event.referralId));
  return [...officeOf(event), ...(referral ? await referralParties(referral, lookup) : [])];
};

/** Fields of a referral that identify or describe the person: sealed to the parties. */
export const REFERRAL_SEALED_FIELDS = [
  'caseCode',
  'caseDetails',
  'consent',
  'consentOverride',
  'referringOfficer',
] as const;
