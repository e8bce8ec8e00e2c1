/**
 * Which account created a referral, on this installation: the worker whose screening it came
 * from (issue 16). A frontline worker's grants on referrals are 'own' (permissions.ts): the
 * referrals and letters repositories ask here before letting them act on one. Screenings never
 * leave the installation, so neither does this link.
 */
import type { Action, Resource, Subject } from '@shared/domain/accounts/permissions';
import { isOwnOnly } from '@shared/domain/accounts/permissions';
import type { PasserelleDb } from '../db';
import type { StoredRow } from './referralsAtRest';

export const screeningTable = (db: PasserelleDb) => db.table<StoredRow, string>('screenings');

/** Call outside a transaction, or inside one that includes the screenings table. */
export const referralCreator = async (
  db: PasserelleDb,
  referralId: string,
): Promise<string | undefined> => {
  const row = await screeningTable(db).where('referralIds').equals(referralId).first();
  return typeof row?.userId === 'string' ? row.userId : undefined;
};

/** The resource a permission check on one referral needs: its service, and its creator if asked. */
export const referralResource = async (
  db: PasserelleDb,
  subject: Subject | null | undefined,
  action: Action,
  referral: { id: string; serviceId: string },
): Promise<Resource> => ({
  serviceIds: [referral.serviceId],
  ...(isOwnOnly(subject, action) ? { createdBy: await referralCreator(db, referral.id) } : {}),
});
