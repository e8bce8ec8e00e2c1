/**
 * One referral with its history and letters, for the referral's screen: every row read in one
 * transaction, the case fields opened after it (WebCrypto would end it), the sides and the
 * events without effect from the fold.
 */
import type { LetterRecord } from '@shared/domain/letters/model';
import type { ReferralSides } from '@shared/domain/referrals/fold';
import { foldReferral, sidesOf } from '@shared/domain/referrals/fold';
import type { Referral, ReferralEvent } from '@shared/domain/referrals/schema';
import type { PasserelleDb } from '../db';
import { openEvent, openLetter, openReferral, referralTables, summaryOf } from './referralRows';

export type ReferralDetail = {
  referral: Referral;
  events: ReferralEvent[];
  letters: LetterRecord[];
  /** Who writes the referral and who answers it (fold.ts). */
  sides: ReferralSides;
  /** Events of a state change that did not count (see fold.ts), to mark them in the history. */
  withoutEffect: ReadonlySet<string>;
};

const byTime = <T extends { at: string }>(a: T, b: T) => a.at.localeCompare(b.at);

export const readDetail = async (
  db: PasserelleDb,
  id: string,
  key: CryptoKey | null,
  mayView: (serviceId: string) => boolean,
): Promise<ReferralDetail | undefined> => {
  // Every read first, in one transaction; decryption after it (WebCrypto would end it).
  const t = referralTables(db);
  const read = await db.transaction(
    'r',
    [t.referrals, t.events, t.letters, db.services],
    async () => {
      const row = await t.referrals.get(id);
      if (!row || row.deletedAt !== null) return undefined;
      const summary = summaryOf(row);
      if (!mayView(summary.serviceId)) return undefined;
      const service = summary.receivingOffice
        ? undefined
        : await db.services.get(summary.serviceId);
      const [events, letters] = await Promise.all([
        t.events.where('referralId').equals(id).toArray(),
        t.letters.where('referralId').equals(id).toArray(),
      ]);
      return { row, events, letters, sides: sidesOf(summary, service?.office) };
    },
  );
  if (!read) return undefined;
  const [referral, events, letters] = await Promise.all([
    openReferral(key, read.row),
    Promise.all(read.events.map((e) => openEvent(key, e))),
    Promise.all(read.letters.filter((l) => l.deletedAt === null).map((l) => openLetter(key, l))),
  ]);
  return {
    referral,
    events: events.sort(byTime),
    letters: letters.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)),
    sides: read.sides,
    withoutEffect: foldReferral(events, read.sides).withoutEffect,
  };
};
