/**
 * Who is party to a referral, for sealing its case fields (issue 10: case data reaches only the
 * referring office, the receiving service's office and the ministry when configured, which the
 * engine adds). Used by the referrals tables' registration in tables.ts.
 */
import type { Lookup } from './registry';

const officeOf = (record: Record<string, unknown> | undefined): string[] =>
  typeof record?.office === 'string' ? [record.office] : [];

/**
 * The referring office (the record's owner), the receiving office the referral names, and the
 * office that owns the receiving service now (if it was handed over since).
 */
export const referralParties = async (
  referral: Record<string, unknown>,
  lookup: Lookup,
): Promise<string[]> => [
  ...officeOf(referral),
  ...(typeof referral.receivingOffice === 'string' ? [referral.receivingOffice] : []),
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

/** An event's reason may describe the person; who acted is staff, named to the parties only. */
export const REFERRAL_EVENT_SEALED_FIELDS = ['reason', 'by'] as const;

/** Fields of a referral that identify or describe the person: sealed to the parties. */
export const REFERRAL_SEALED_FIELDS = [
  'caseCode',
  'caseDetails',
  'consent',
  'consentOverride',
  'referringOfficer',
] as const;

/**
 * A referral's internal notes are the referring office's alone ("never leave it"): the
 * receiving office and the ministry get the case without them; the referring office's other
 * desks get them back.
 */
export const referralOwnerOnly = {
  take: (record: Record<string, unknown>) => {
    const details = record.caseDetails as Record<string, unknown> | undefined;
    const notes = details?.notes;
    if (!details || typeof notes !== 'string' || notes === '') return { record, secret: undefined };
    return { record: { ...record, caseDetails: { ...details, notes: '' } }, secret: { notes } };
  },
  restore: (record: Record<string, unknown>, secret: unknown) => {
    const notes = (secret as { notes?: unknown } | undefined)?.notes;
    if (typeof notes !== 'string') return record;
    return { ...record, caseDetails: { ...(record.caseDetails as object), notes } };
  },
};
