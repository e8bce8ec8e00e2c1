/**
 * Referrals: the only way screens read and change them. Tables (db.version(3)): `referrals`
 * (the current record, for the register), `referralEvents` (immutable history), `letters`
 * (issued letters, see letters.ts) and `referralCounters` (case-code and letter-reference
 * sequences per office and year). Every change is one transaction writing the record, its
 * event, and the change-log and audit entries. Case data (`caseDetails`) is never indexed.
 */
import type { Action, Subject } from '@shared/domain/accounts/permissions';
import { can } from '@shared/domain/accounts/permissions';
import type { ServiceView } from '@shared/domain/directory/schema';
import type { LetterRecord } from '@shared/domain/letters/model';
import { caseCounterKey } from '@shared/domain/letters/reference';
import type { ReferralAction } from '@shared/domain/referrals/machine';
import { isOpen } from '@shared/domain/referrals/machine';
import {
  applyConsentForm,
  changedParts,
  consentSummary,
  draftToReferral,
  formatCaseCode,
  validateConsentForm,
  validateReferralDraft,
} from '@shared/domain/referrals/rules';
import type {
  ConsentFormInput,
  Referral,
  ReferralDraftInput,
  ReferralEvent,
} from '@shared/domain/referrals/schema';
import { referralEventSchema, referralSchema } from '@shared/domain/referrals/schema';
import type { ActionError } from '@shared/domain/referrals/workflow';
import { applyAction, makeEvent, overrideConsent } from '@shared/domain/referrals/workflow';
import type { Result } from '@shared/domain/validation';
import type { PasserelleDb } from '../db';
import type { Actor } from '../journal';
import { auditView, journal } from '../journal';
import { createSettingsRepository } from './settings';

export type Counter = { key: string; next: number };

export const referralTables = (db: PasserelleDb) => ({
  referrals: db.table<Referral, string>('referrals'),
  events: db.table<ReferralEvent, string>('referralEvents'),
  letters: db.table<LetterRecord, string>('letters'),
  counters: db.table<Counter, string>('referralCounters'),
});

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

export type ReferralDetail = {
  referral: Referral;
  events: ReferralEvent[];
  letters: LetterRecord[];
};

const byTime = <T extends { at: string }>(a: T, b: T) => a.at.localeCompare(b.at);

/** Refused by the permission table (accounts): the same message id the directory uses. */
export const NOT_ALLOWED = 'accounts.error.notAllowed' as const;

/**
 * `subject`: the logged-in user (accounts). With it, every read and write is checked again
 * here, whatever the screen showed: a shelter manager sees and answers only referrals
 * addressed to the shelters assigned to them. Without it (tests, tools), nothing is filtered.
 */
export const createReferralsRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  subject?: () => Subject | null,
) => {
  const t = referralTables(db);
  const allowed = (action: Action, serviceId?: string) =>
    !subject || can(subject(), action, serviceId ? { serviceIds: [serviceId] } : undefined);
  const dir = [db.services, db.organizations, db.locations];
  const writeTables = [t.referrals, t.events, db.changes, db.audit];
  const newId = () => crypto.randomUUID();

  const viewOf = async (serviceId: string): Promise<ServiceView | undefined> => {
    const service = await db.services.get(serviceId);
    if (!service || service.deletedAt !== null) return undefined;
    const organization = await db.organizations.get(service.organizationId);
    const locations = (await db.locations.bulkGet(service.locationIds)).filter(
      (l): l is NonNullable<typeof l> => !!l && l.deletedAt === null,
    );
    return { service, organization, locations };
  };

  /** Writes the record and its event, journalled; demo referrals stay on this machine. */
  const commit = async (referral: Referral, event: ReferralEvent, action: string) => {
    const record = referralSchema.parse(referral);
    await t.referrals.put(record);
    await t.events.add(referralEventSchema.parse(event));
    await journal(
      db,
      actor(),
      [
        { table: 'referrals', recordId: record.id, op: 'put', action },
        { table: 'referralEvents', recordId: event.id, op: 'put', action },
      ],
      { replicate: !record.demo },
    );
    return record;
  };

  const ctx = () => ({ now: new Date().toISOString(), by: actor().user, newId });

  const list = async (): Promise<Referral[]> =>
    (await t.referrals.toArray()).filter(
      (r) => r.deletedAt === null && allowed('referral.view', r.serviceId),
    );

  const get = async (id: string): Promise<ReferralDetail | undefined> =>
    db.transaction('r', [t.referrals, t.events, t.letters], async () => {
      const referral = await t.referrals.get(id);
      if (!referral || referral.deletedAt !== null) return undefined;
      if (!allowed('referral.view', referral.serviceId)) return undefined;
      const [events, letters] = await Promise.all([
        t.events.where('referralId').equals(id).toArray(),
        t.letters.where('referralId').equals(id).toArray(),
      ]);
      return {
        referral: referralSchema.parse(referral),
        events: events.sort(byTime),
        letters: letters
          .filter((l) => l.deletedAt === null)
          .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)),
      };
    });

  const countForService = async (serviceId: string): Promise<number> =>
    t.referrals
      .where('serviceId')
      .equals(serviceId)
      .filter((r) => r.deletedAt === null && allowed('referral.view', r.serviceId))
      .count();

  const create = async (input: ReferralDraftInput): Promise<Result<Referral>> => {
    if (!allowed('referral.create')) return { ok: false, errors: { _: NOT_ALLOWED } };
    const checked = validateReferralDraft(input);
    if (!checked.ok) return checked;
    return db.transaction(
      'rw',
      [...writeTables, t.counters, db.settings, ...dir],
      async (): Promise<Result<Referral>> => {
        const view = await viewOf(checked.value.serviceId);
        if (!view) return { ok: false, errors: { serviceId: 'validation.notFound' } };
        const profile = await createSettingsRepository(db).getOffice();
        const who = actor();
        const c = ctx();
        const year = Number(localDate().slice(0, 4));
        const seq = await nextInSequence(db, caseCounterKey(who.office, year));
        const referral = draftToReferral(checked.value, undefined, {
          office: { code: who.office, name: profile?.officeName ?? who.office },
          officer: who.user,
          now: c.now,
          newId,
          caseCode: formatCaseCode(who.office, year, seq),
        });
        referral.demo = view.service.demo;
        const event = makeEvent(referral, 'created', c, { to: 'draft' });
        return { ok: true, value: await commit(referral, event, 'referral.create') };
      },
    );
  };

  const update = async (id: string, input: ReferralDraftInput): Promise<Result<Referral>> => {
    if (!allowed('referral.create')) return { ok: false, errors: { _: NOT_ALLOWED } };
    const checked = validateReferralDraft(input);
    if (!checked.ok) return checked;
    return db.transaction('rw', [...writeTables, ...dir], async (): Promise<Result<Referral>> => {
      const existing = await t.referrals.get(id);
      if (!existing || existing.deletedAt !== null)
        return { ok: false, errors: { _: 'validation.notFound' } };
      if (existing.state !== 'draft')
        return { ok: false, errors: { _: 'referrals.error.notDraft' } };
      if (!(await viewOf(checked.value.serviceId)))
        return { ok: false, errors: { serviceId: 'validation.notFound' } };
      const c = ctx();
      const who = actor();
      const updated = draftToReferral(checked.value, existing, {
        office: existing.referringOffice,
        officer: who.user,
        now: c.now,
        newId,
      });
      const parts = changedParts(existing, updated);
      if (parts.length === 0) return { ok: true, value: existing };
      const event = makeEvent(updated, 'updated', c, { reason: parts.join(', ') });
      return { ok: true, value: await commit(updated, event, 'referral.update') };
    });
  };

  const recordConsent = async (id: string, input: ConsentFormInput): Promise<Result<Referral>> => {
    const checked = validateConsentForm(input, localDate());
    if (!checked.ok) return checked;
    return db.transaction('rw', writeTables, async (): Promise<Result<Referral>> => {
      const existing = await t.referrals.get(id);
      if (!existing || existing.deletedAt !== null || !isOpen(existing.state))
        return { ok: false, errors: { _: 'referrals.gate.closed' } };
      if (!allowed('referral.transition', existing.serviceId))
        return { ok: false, errors: { _: NOT_ALLOWED } };
      const c = ctx();
      const updated = applyConsentForm(existing, checked.value, { now: c.now, officer: c.by });
      const event = makeEvent(updated, 'consent', c, { reason: consentSummary(updated.consent) });
      return { ok: true, value: await commit(updated, event, 'referral.consent') };
    });
  };

  type Outcome = { ok: true; referral: Referral } | { ok: false; error: ActionError | string };

  const act = async (id: string, action: ReferralAction, reason = ''): Promise<Outcome> =>
    db.transaction('rw', [...writeTables, ...dir], async (): Promise<Outcome> => {
      const existing = await t.referrals.get(id);
      if (!existing || existing.deletedAt !== null)
        return { ok: false, error: 'validation.notFound' };
      if (!allowed('referral.transition', existing.serviceId))
        return { ok: false, error: NOT_ALLOWED };
      const view = await viewOf(existing.serviceId);
      const result = applyAction(referralSchema.parse(existing), action, view?.service, {
        ...ctx(),
        reason,
      });
      if (!result.ok) return result;
      return {
        ok: true,
        referral: await commit(result.referral, result.event, `referral.${action}`),
      };
    });

  const override = async (id: string, reason: string): Promise<Outcome> =>
    db.transaction('rw', writeTables, async (): Promise<Outcome> => {
      const existing = await t.referrals.get(id);
      if (!existing || existing.deletedAt !== null)
        return { ok: false, error: 'validation.notFound' };
      if (!allowed('referral.transition', existing.serviceId))
        return { ok: false, error: NOT_ALLOWED };
      const result = overrideConsent(referralSchema.parse(existing), { ...ctx(), reason });
      if (!result.ok) return result;
      return {
        ok: true,
        referral: await commit(result.referral, result.event, 'referral.consentOverride'),
      };
    });

  /**
   * The person's name, shown only when a user asks for it: the request is audited (who, when,
   * which referral), never replicated.
   */
  const revealName = async (id: string): Promise<string | null> => {
    const referral = await t.referrals.get(id);
    if (!referral || !allowed('referral.view', referral.serviceId)) return null;
    const name = referral.caseDetails.person?.name ?? null;
    if (name !== null)
      await auditView(db, actor(), {
        table: 'referrals',
        recordId: id,
        action: 'referral.revealName',
      });
    return name;
  };

  return {
    list,
    get,
    countForService,
    create,
    update,
    recordConsent,
    act,
    override,
    revealName,
    serviceView: viewOf,
  };
};

export type ReferralsRepository = ReturnType<typeof createReferralsRepository>;
