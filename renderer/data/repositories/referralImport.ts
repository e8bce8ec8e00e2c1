/**
 * Survey exports of the HTCDS form written as referral drafts (shared/domain/exchange/survey.ts
 * says what a row becomes). Checked here whatever the screen showed: only a user who may
 * create referrals may import them; every draft is validated before anything is written, then
 * sealed (case fields encrypted with the data key) and written in ONE transaction with its
 * case code, event, change-log and audit entries: all rows or none.
 *
 * A second import of the same export updates the drafts it made (same ids, from `_uuid`); a
 * referral already sent, another office's, or one not made by an import (random ids are
 * version 4, derived ones version 8) is never touched: it is counted as kept.
 */
import { can, type Subject } from '@shared/domain/accounts/permissions';
import type { SurveyPlan } from '@shared/domain/exchange/survey';
import { caseCounterKey } from '@shared/domain/letters/reference';
import {
  changedParts,
  draftToReferral,
  formatCaseCode,
  validateReferralDraft,
} from '@shared/domain/referrals/rules';
import type { Need, Referral, Urgency } from '@shared/domain/referrals/schema';
import { referralEventSchema, referralSchema } from '@shared/domain/referrals/schema';
import { makeEvent } from '@shared/domain/referrals/workflow';
import type { PasserelleDb } from '../db';
import type { Actor } from '../journal';
import {
  NOT_ALLOWED,
  localDate,
  nextInSequence,
  openReferral,
  referralTables,
  sameRow,
  serviceViewOf,
} from './referralRows';
import type { StoredRow } from './referralsAtRest';
import { DataKeyLocked, sealRow } from './referralsAtRest';
import { createReferralWriter } from './referralWrites';
import { createSettingsRepository } from './settings';

/** What the form does not ask, chosen once for the file; the coordinator refines each draft. */
export type SurveyChoice = {
  serviceId: string;
  urgency: Urgency;
  needs: Need[];
  needsOther: string;
};
export type SurveyImportResult =
  | { ok: true; created: number; updated: number; kept: number }
  | { ok: false; error: string; row?: number; field?: string };

/** Ids this import derives (RFC 9562 version 8), never those of referrals made by hand. */
const DERIVED = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

class Changed extends Error {}

export const createReferralImport = (
  db: PasserelleDb,
  actor: () => Actor,
  subject?: () => Subject | null,
  dataKey?: () => CryptoKey | null,
) => {
  const t = referralTables(db);
  const write = createReferralWriter(db, actor, () => dataKey?.() ?? null);

  const importSurvey = async (
    plan: Pick<SurveyPlan, 'cases'>,
    choice: SurveyChoice,
    fileName = '',
  ): Promise<SurveyImportResult> => {
    if (subject && !can(subject(), 'referral.create')) return { ok: false, error: NOT_ALLOWED };
    const key = dataKey?.() ?? null;
    if (!key) return { ok: false, error: new DataKeyLocked().message };
    const view = await serviceViewOf(db, choice.serviceId);
    if (!view) return { ok: false, error: 'validation.notFound', field: 'serviceId' };
    const who = actor();
    const profile = await createSettingsRepository(db).getOffice();
    const office = { code: who.office, name: profile?.officeName ?? who.office };
    const now = new Date().toISOString();
    const year = Number(localDate().slice(0, 4));

    // Every row checked first: one bad row, nothing written.
    const checked = [];
    for (const c of plan.cases) {
      const r = validateReferralDraft({
        serviceId: choice.serviceId,
        urgency: choice.urgency,
        caseDetails: { ...c.caseDetails, needs: choice.needs, needsOther: choice.needsOther },
      });
      if (!r.ok) {
        const [field, error] = Object.entries(r.errors)[0] ?? ['_', 'validation.invalid'];
        return { ok: false, error, row: c.row, field };
      }
      if (!DERIVED.test(c.id)) return { ok: false, error: 'validation.invalid', row: c.row };
      checked.push({ id: c.id, row: c.row, draft: r.value, file: c.caseDetails });
    }
    if (new Set(checked.map((c) => c.id)).size !== checked.length)
      return { ok: false, error: 'importSurvey.issue.sameSubmission' };

    const storedRows = await t.referrals.bulkGet(checked.map((c) => c.id));
    const ctx = (id: string) => ({ now, by: who.user, newId: () => id, office: who.office });
    type Item = { record: StoredRow; event: StoredRow; stored?: StoredRow; isNew: boolean };
    const items: Item[] = [];
    let kept = 0;
    for (const [n, c] of checked.entries()) {
      const stored = storedRows[n];
      if (stored) {
        const current: Referral = await openReferral(key, stored);
        if (current.office !== who.office || current.state !== 'draft' || current.deletedAt) {
          kept++;
          continue;
        }
        // The file's case fields; what the coordinator chose or completed stays.
        const updated = referralSchema.parse({
          ...current,
          updatedAt: now,
          caseDetails: { ...current.caseDetails, ...c.file },
        });
        if (changedParts(current, updated).length === 0) {
          kept++;
          continue;
        }
        const event = makeEvent(updated, 'updated', ctx(crypto.randomUUID()), {
          reason: 'import',
        });
        items.push({
          record: await sealRow(key, 'referrals', updated),
          event: await sealRow(key, 'referralEvents', referralEventSchema.parse(event)),
          stored,
          isNew: false,
        });
        continue;
      }
      const draft = referralSchema.parse({
        ...draftToReferral(c.draft, undefined, {
          office,
          officer: who.user,
          now,
          newId: () => c.id,
          caseCode: formatCaseCode(who.office, year, 1),
        }),
        receivingOffice: view.service.office,
        demo: view.service.demo,
      });
      const event = makeEvent(draft, 'created', ctx(crypto.randomUUID()), { to: 'draft' });
      items.push({
        record: await sealRow(key, 'referrals', draft),
        event: await sealRow(key, 'referralEvents', referralEventSchema.parse(event)),
        isNew: true,
      });
    }
    try {
      await db.transaction(
        'rw',
        [t.referrals, t.events, t.counters, db.services, db.changes, db.audit, 'exchangeRuns'],
        async () => {
          for (const it of items) {
            if (it.isNew) {
              // Written by someone else since the check (another window, a sync): start again.
              if (await t.referrals.get(it.record.id)) throw new Changed();
              const seq = await nextInSequence(db, caseCounterKey(who.office, year));
              const caseCode = formatCaseCode(who.office, year, seq);
              await write.inTransaction({ ...it.record, caseCode }, it.event, 'referral.create');
            } else {
              if (!sameRow(await t.referrals.get(it.record.id), it.stored)) throw new Changed();
              await write.inTransaction(it.record, it.event, 'referral.update');
            }
          }
          await db.table('exchangeRuns').add({
            id: crypto.randomUUID(),
            at: now,
            kind: 'import',
            actor: who.user,
            office: who.office,
            detail: {
              file: fileName.slice(0, 200),
              format: 'survey',
              created: items.filter((i) => i.isNew).length,
              updated: items.filter((i) => !i.isNew).length,
              kept,
            },
          });
        },
      );
    } catch (e) {
      if (e instanceof Changed) return { ok: false, error: 'referrals.error.changed' };
      throw e;
    }
    const created = items.filter((i) => i.isNew).length;
    return { ok: true, created, updated: items.length - created, kept };
  };

  return { importSurvey };
};

export type ReferralImport = ReturnType<typeof createReferralImport>;
