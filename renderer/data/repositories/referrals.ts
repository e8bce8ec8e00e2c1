/**
 * Referrals: the only way screens read and change them. Every change is sealed (case fields,
 * with the data key) before one transaction writes the record, its event, the change-log and
 * audit entries, and refolds the state. The referring office owns the record; the receiving
 * office answers (accept / decline / complete) with events of its own, so no office writes a
 * record another owns (issue 10). Tables and row helpers: referralRows.ts.
 */
import { can, type Action, type Subject } from '@shared/domain/accounts/permissions';
import { caseCounterKey } from '@shared/domain/letters/reference';
import type { ReferralSummary } from '@shared/domain/referrals/caseData';
import { mayAct, permissionFor } from '@shared/domain/referrals/fold';
import { isOpen, type ReferralAction } from '@shared/domain/referrals/machine';
import {
  applyConsentForm,
  changedParts,
  consentSummary,
  draftToReferral,
  formatCaseCode,
  validateConsentForm,
  validateReferralDraft,
} from '@shared/domain/referrals/rules';
import type { ConsentFormInput, ReferralDraftInput } from '@shared/domain/referrals/schema';
import { referralEventSchema, referralSchema } from '@shared/domain/referrals/schema';
import { applyAction, makeEvent, overrideConsent } from '@shared/domain/referrals/workflow';
import type { Result } from '@shared/domain/validation';
import type { PasserelleDb } from '../db';
import { auditView, journal, type Actor } from '../journal';
import {
  NOT_ALLOWED,
  localDate,
  nextInSequence,
  openReferral,
  referralTables,
  serviceViewOf,
  summaryOf,
} from './referralRows';
import type { StoredRow } from './referralsAtRest';
import { sealRow } from './referralsAtRest';
import { referralResource, screeningTable } from './screeningOwner';
import { readDetail } from './referralDetail';
import { createReferralWriter, type Outcome } from './referralWrites';
import { createSettingsRepository } from './settings';

export { NOT_ALLOWED, localDate, nextInSequence, referralTables } from './referralRows';
export type { Counter } from './referralRows';
export type { ReferralDetail } from './referralDetail';

/**
 * `subject`: the logged-in user (accounts). With it, every read and write is checked again
 * here, whatever the screen showed: a shelter manager sees and answers only referrals
 * addressed to the shelters assigned to them. Without it (tests, tools), nothing is filtered.
 * `dataKey`: the unlocked data key; case data is neither read nor written without it.
 */
export const createReferralsRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  subject?: () => Subject | null,
  dataKey?: () => CryptoKey | null,
) => {
  const t = referralTables(db);
  const key = () => dataKey?.() ?? null;
  const allowed = (action: Action, serviceId?: string) =>
    !subject || can(subject(), action, serviceId ? { serviceIds: [serviceId] } : undefined);
  /** On one referral: a frontline worker acts only on the referrals of their own screenings. */
  const allowedOn = async (action: Action, referral: { id: string; serviceId: string }) =>
    !subject || can(subject(), action, await referralResource(db, subject(), action, referral));
  const newId = () => crypto.randomUUID();
  const ctx = () => ({
    now: new Date().toISOString(),
    by: actor().user,
    newId,
    office: actor().office,
  });
  const write = createReferralWriter(db, actor, key);

  const viewOf = (serviceId: string) => serviceViewOf(db, serviceId, key());

  /** The register: readable fields only, so it needs no key and decrypts nothing. */
  const list = async (): Promise<ReferralSummary[]> =>
    (await t.referrals.toArray())
      .map(summaryOf)
      .filter((r) => r.deletedAt === null && allowed('referral.view', r.serviceId));

  const get = async (id: string) => {
    const detail = await readDetail(db, id, key(), (sid) => allowed('referral.view', sid));
    // Internal notes are the referrers' working notes: a shelter manager, who only answers,
    // does not get them (nor does the receiving office: sync keeps them at home).
    if (!detail || allowed('referral.create')) return detail;
    const caseDetails = { ...detail.referral.caseDetails, notes: '' };
    return { ...detail, referral: { ...detail.referral, caseDetails } };
  };

  const countForService = async (serviceId: string): Promise<number> =>
    t.referrals
      .where('serviceId')
      .equals(serviceId)
      .filter((r) => r.deletedAt === null && allowed('referral.view', serviceId))
      .count();

  /**
   * `fromScreening`: the referral comes out of a screening (issue 16), under the screening's
   * own right; given the new referral's id, it returns the screening's row (sealed) to write
   * in the same transaction, so the link to the worker who screened is never missing.
   */
  const create = async (
    input: ReferralDraftInput,
    fromScreening?: (referralId: string) => Promise<StoredRow>,
  ): Promise<Result<ReferralSummary>> => {
    if (!allowed(fromScreening ? 'screening.use' : 'referral.create'))
      return { ok: false, errors: { _: NOT_ALLOWED } };
    const checked = validateReferralDraft(input);
    if (!checked.ok) return checked;
    const view = await viewOf(checked.value.serviceId);
    if (!view) return { ok: false, errors: { serviceId: 'validation.notFound' } };
    const profile = await createSettingsRepository(db).getOffice();
    const who = actor();
    const c = ctx();
    const year = Number(localDate().slice(0, 4));
    // The case code is drawn in the transaction; a valid one stands in to check the record.
    const draft = referralSchema.parse({
      ...draftToReferral(checked.value, undefined, {
        office: { code: who.office, name: profile?.officeName ?? who.office },
        officer: who.user,
        now: c.now,
        newId,
        caseCode: formatCaseCode(who.office, year, 1),
      }),
      receivingOffice: view.service.office,
      demo: view.service.demo,
    });
    const event = referralEventSchema.parse(makeEvent(draft, 'created', c, { to: 'draft' }));
    const [sealed, sealedEvent, screening] = await Promise.all([
      sealRow(key(), 'referrals', draft),
      sealRow(key(), 'referralEvents', event),
      fromScreening?.(draft.id),
    ]);
    const screenings = screeningTable(db);
    const caseCode = await db.transaction(
      'rw',
      [t.referrals, t.events, t.counters, db.changes, db.audit, db.services, screenings],
      async () => {
        const seq = await nextInSequence(db, caseCounterKey(who.office, year));
        const code = formatCaseCode(who.office, year, seq);
        await write.inTransaction({ ...sealed, caseCode: code }, sealedEvent, 'referral.create');
        if (screening) {
          await screenings.put(screening);
          await journal(
            db,
            who,
            [{ table: 'screenings', recordId: screening.id, op: 'put', action: 'screening.refer' }],
            { replicate: false },
          );
        }
        return code;
      },
    );
    const { caseDetails: _c, consent: _k, consentOverride: _o, ...summary } = draft;
    return { ok: true, value: { ...summary, caseCode } };
  };

  /** A form's outcome: a refusal is shown as the form's general error. */
  const asResult = (o: Outcome): Result<ReferralSummary> =>
    o.ok ? { ok: true, value: o.referral } : { ok: false, errors: { _: o.error } };

  const update = async (
    id: string,
    input: ReferralDraftInput,
  ): Promise<Result<ReferralSummary>> => {
    if (!allowed('referral.create')) return { ok: false, errors: { _: NOT_ALLOWED } };
    const checked = validateReferralDraft(input);
    if (!checked.ok) return checked;
    return asResult(
      await write.mutate(id, 'referral.update', async (existing, sides) => {
        if (sides.referring !== actor().office) return 'referrals.error.notOwner';
        if (existing.state !== 'draft') return 'referrals.error.notDraft';
        const view = await viewOf(checked.value.serviceId);
        if (!view) return 'validation.notFound';
        const c = ctx();
        const updated = {
          ...draftToReferral(checked.value, existing, {
            office: existing.referringOffice,
            officer: actor().user,
            now: c.now,
            newId,
          }),
          receivingOffice: view.service.office,
        };
        const parts = changedParts(existing, updated);
        if (parts.length === 0) return 'unchanged';
        return {
          referral: updated,
          event: makeEvent(updated, 'updated', c, { reason: parts.join(', ') }),
        };
      }),
    );
  };

  const recordConsent = async (
    id: string,
    input: ConsentFormInput,
  ): Promise<Result<ReferralSummary>> => {
    const checked = validateConsentForm(input, localDate());
    if (!checked.ok) return checked;
    return asResult(
      await write.mutate(id, 'referral.consent', async (existing, sides) => {
        if (!isOpen(existing.state)) return 'referrals.gate.closed';
        if (!(await allowedOn('referral.transition', existing))) return NOT_ALLOWED;
        if (sides.referring !== actor().office) return 'referrals.error.notOwner';
        const c = ctx();
        const updated = applyConsentForm(existing, checked.value, { now: c.now, officer: c.by });
        return {
          referral: updated,
          event: makeEvent(updated, 'consent', c, { reason: consentSummary(updated.consent) }),
        };
      }),
    );
  };

  /** Send and withdraw (referring office), accept, decline and complete (receiving office). */
  const act = async (id: string, action: ReferralAction, reason = ''): Promise<Outcome> =>
    write.mutate(id, `referral.${action}`, async (existing, sides) => {
      if (!(await allowedOn(permissionFor(action), existing))) return NOT_ALLOWED;
      if (!mayAct(actor().office, action, sides)) return 'referrals.error.otherSide';
      const view = await viewOf(existing.serviceId);
      const result = applyAction(existing, action, view?.service, { ...ctx(), reason });
      if (!result.ok) return result.error;
      // The receiving office writes only its event; the record stays its owner's.
      const own = existing.office === actor().office;
      return own ? { referral: result.referral, event: result.event } : { event: result.event };
    });

  const override = async (id: string, reason: string): Promise<Outcome> =>
    write.mutate(id, 'referral.consentOverride', async (existing, sides) => {
      if (!(await allowedOn('referral.transition', existing))) return NOT_ALLOWED;
      if (sides.referring !== actor().office) return 'referrals.error.notOwner';
      const result = overrideConsent(existing, { ...ctx(), reason });
      if (!result.ok) return result.error;
      // The decision's reason is the audit entry's "why" too (sealed, like the record).
      return {
        referral: result.referral,
        event: result.event,
        why: result.referral.consentOverride?.reason,
      };
    });

  /**
   * The person's name, shown only when a user asks for it: the request is audited (who, when,
   * which referral), never replicated.
   */
  const revealName = async (id: string): Promise<string | null> => {
    const row = await t.referrals.get(id);
    if (!row || !allowed('referral.view', summaryOf(row).serviceId)) return null;
    const name = (await openReferral(key(), row)).caseDetails.person?.name ?? null;
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
