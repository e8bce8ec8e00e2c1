/**
 * How a referral change is written: read and open the record, decide (outside any
 * transaction), seal what is written, then one transaction that writes only if the record is
 * still the one read, adds the event, refolds the state and journals it all. A record changed
 * in between (another window, a sync) is read again and the decision taken again.
 */
import type { ReferralSummary } from '@shared/domain/referrals/caseData';
import type { ReferralSides } from '@shared/domain/referrals/fold';
import type { Referral, ReferralEvent } from '@shared/domain/referrals/schema';
import { referralEventSchema, referralSchema } from '@shared/domain/referrals/schema';
import type { PasserelleDb } from '../db';
import { encryptJson } from '../encryption';
import type { Actor, JournalItem } from '../journal';
import { journal, whyAad } from '../journal';
import { openReferral, referralTables, refold, sameRow, summaryOf } from './referralRows';
import type { StoredRow } from './referralsAtRest';
import { sealRow } from './referralsAtRest';
import { sidesOf } from '@shared/domain/referrals/fold';

/** What a decision writes: the owner's new record (if any), the event, a reason to audit. */
export type Change = { referral?: Referral; event: ReferralEvent; why?: string };
/** A message id refusing the change, or 'unchanged' when there is nothing to write. */
export type Decision = Change | string;

export type Outcome = { ok: true; referral: ReferralSummary } | { ok: false; error: string };

class Changed extends Error {}
const ATTEMPTS = 5;

export const createReferralWriter = (
  db: PasserelleDb,
  actor: () => Actor,
  key: () => CryptoKey | null,
) => {
  const t = referralTables(db);

  /** Inside the caller's transaction (referrals, events, services, changes, audit). */
  const inTransaction = async (
    record: StoredRow | undefined,
    event: StoredRow,
    action: string,
    opts: { referralId?: string; whySealed?: JournalItem['whySealed']; demo?: boolean } = {},
  ) => {
    const referralId = record?.id ?? String(event.referralId);
    if (record) await t.referrals.put(record);
    await t.events.add(event);
    await refold(db, [referralId]);
    const items: JournalItem[] = [];
    if (record)
      items.push({
        table: 'referrals',
        recordId: record.id,
        op: 'put',
        action,
        ...(opts.whySealed ? { whySealed: opts.whySealed } : {}),
      });
    items.push({ table: 'referralEvents', recordId: event.id, op: 'put', action });
    // Demo referrals stay on this machine.
    await journal(db, actor(), items, { replicate: !(record?.demo ?? opts.demo ?? false) });
  };

  const mutate = async (
    id: string,
    action: string,
    decide: (current: Referral, sides: ReferralSides) => Decision | Promise<Decision>,
  ): Promise<Outcome> => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const stored = await t.referrals.get(id);
      if (!stored || stored.deletedAt !== null) return { ok: false, error: 'validation.notFound' };
      const current = await openReferral(key(), stored);
      const summary = summaryOf(stored);
      const service = summary.receivingOffice
        ? undefined
        : await db.services.get(summary.serviceId);
      const decision = await decide(current, sidesOf(summary, service?.office));
      if (decision === 'unchanged') return { ok: true, referral: summary };
      if (typeof decision === 'string') return { ok: false, error: decision };
      const k = key();
      const [record, event, whySealed] = await Promise.all([
        decision.referral
          ? sealRow(k, 'referrals', referralSchema.parse(decision.referral))
          : undefined,
        sealRow(k, 'referralEvents', referralEventSchema.parse(decision.event)),
        decision.why && k ? encryptJson(k, decision.why, whyAad('referrals', id)) : undefined,
      ]);
      try {
        await db.transaction(
          'rw',
          [t.referrals, t.events, db.services, db.changes, db.audit],
          async () => {
            if (!sameRow(await t.referrals.get(id), stored)) throw new Changed();
            await inTransaction(record, event, action, {
              referralId: id,
              demo: summary.demo,
              ...(whySealed ? { whySealed } : {}),
            });
          },
        );
      } catch (e) {
        if (e instanceof Changed) continue;
        throw e;
      }
      const after = await t.referrals.get(id);
      return { ok: true, referral: summaryOf(after ?? stored) };
    }
    return { ok: false, error: 'referrals.error.changed' };
  };

  return { inTransaction, mutate };
};
