/**
 * The referral tables as stored (db.version(3)): `referrals` (the current record, for the
 * register), `referralEvents` (immutable history), `letters` (issued letters) and
 * `referralCounters` (case-code and letter-reference sequences per office and year). Case
 * fields are sealed at rest (referralsAtRest.ts); these helpers open rows into domain records
 * and keep a referral's state equal to the fold of its events.
 */
import type { ServiceView } from '@shared/domain/directory/schema';
import type { ReferralSummary } from '@shared/domain/referrals/caseData';
import type { Folded } from '@shared/domain/referrals/fold';
import { foldReferral, sidesOf, withFoldedState } from '@shared/domain/referrals/fold';
import type { LetterRecord } from '@shared/domain/letters/model';
import { letterRecordSchema } from '@shared/domain/letters/model';
import type { Referral, ReferralEvent } from '@shared/domain/referrals/schema';
import { referralEventSchema, referralSchema } from '@shared/domain/referrals/schema';
import type { PasserelleDb } from '../db';
import { openLocations } from './locationsAtRest';
import type { StoredRow } from './referralsAtRest';
import { openRow, withoutCaseData } from './referralsAtRest';

export type Counter = { key: string; next: number };

export const referralTables = (db: PasserelleDb) => ({
  referrals: db.table<StoredRow, string>('referrals'),
  events: db.table<StoredRow, string>('referralEvents'),
  letters: db.table<StoredRow, string>('letters'),
  counters: db.table<Counter, string>('referralCounters'),
});

/** Refused by the permission table (accounts): the same message id the directory uses. */
export const NOT_ALLOWED = 'accounts.error.notAllowed' as const;

/**
 * The next number of a sequence. Call it inside a read-write transaction that includes the
 * counters table: IndexedDB runs such transactions one after the other, so two callers never
 * get the same number, and an aborted transaction gives its number back (no gap).
 */
export const nextInSequence = async (db: PasserelleDb, key: string): Promise<number> => {
  const { counters } = referralTables(db);
  const seq = (await counters.get(key))?.next ?? 1;
  await counters.put({ key, next: seq + 1 });
  return seq;
};

/** Today in the office's own calendar (not UTC): letters and case codes are dated locally. */
export const localDate = (d = new Date()): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The receiving service as screens and letters show it (restricted locations included, opened
 * with the data key when given: locationsAtRest.ts). Read first, opened after.
 */
export const serviceViewOf = async (
  db: PasserelleDb,
  serviceId: string,
  key: CryptoKey | null = null,
): Promise<ServiceView | undefined> => {
  const service = await db.services.get(serviceId);
  if (!service || service.deletedAt !== null) return undefined;
  const organization = await db.organizations.get(service.organizationId);
  const locations = (await db.locations.bulkGet(service.locationIds)).filter(
    (l): l is NonNullable<typeof l> => !!l && l.deletedAt === null,
  );
  return { service, organization, locations: await openLocations(key, locations) };
};

export const openReferral = async (key: CryptoKey | null, row: StoredRow): Promise<Referral> =>
  referralSchema.parse(await openRow(key, 'referrals', row));

export const openEvent = async (key: CryptoKey | null, row: StoredRow): Promise<ReferralEvent> =>
  referralEventSchema.parse(await openRow(key, 'referralEvents', row));

export const openLetter = async (key: CryptoKey | null, row: StoredRow): Promise<LetterRecord> =>
  letterRecordSchema.parse(await openRow(key, 'letters', row));

export const summaryOf = (row: StoredRow): ReferralSummary =>
  withoutCaseData('referrals', row) as unknown as ReferralSummary;

/** Whether the stored row is still the one read earlier (nothing wrote it in between). */
export const sameRow = (a: StoredRow | undefined, b: StoredRow | undefined): boolean =>
  a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

/**
 * Recomputes the state of these referrals from their events, in the caller's read-write
 * transaction (referrals, referralEvents and services in scope). Only readable fields change,
 * so no crypto is needed; returns the fold of each referral found.
 */
export const refold = async (
  db: PasserelleDb,
  ids: Iterable<string>,
): Promise<Map<string, Folded>> => {
  const t = referralTables(db);
  const out = new Map<string, Folded>();
  for (const id of new Set(ids)) {
    const row = await t.referrals.get(id);
    if (!row) continue;
    const summary = summaryOf(row);
    const events = await t.events.where('referralId').equals(id).toArray();
    const service = summary.receivingOffice ? undefined : await db.services.get(summary.serviceId);
    const folded = foldReferral(
      events.map((e) => summaryOfEvent(e)),
      sidesOf(summary, service?.office),
    );
    out.set(id, folded);
    const next = withFoldedState(summary, folded);
    if (next !== summary)
      await t.referrals.update(id, {
        state: next.state,
        sentAt: next.sentAt,
        answeredAt: next.answeredAt,
        closedAt: next.closedAt,
      });
  }
  return out;
};

const summaryOfEvent = (e: StoredRow) => ({
  id: e.id,
  at: String(e.at),
  type: e.type as ReferralEvent['type'],
  office: String(e.office),
});
