/**
 * Attack (issue 17, survey import): importing referrals is creating them. A user whose role
 * may not create referrals (shelter manager, viewer) tries through the repository directly; a
 * tampered plan (the worker's output is just data) aims its ids at referrals made by hand or
 * owned by another office, or slips a name and a consent into the case fields.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import type { SurveyCase } from '@shared/domain/exchange/survey';
import { generateDataKey } from '../../../renderer/data/encryption';
import { createReferralImport } from '../../../renderer/data/repositories/referralImport';
import {
  createReferralsRepository,
  referralTables,
} from '../../../renderer/data/repositories/referrals';
import {
  choice,
  surveyDb,
  surveyPlan,
} from '../../../renderer/data/repositories/referralImportFixture';
import { koboCsv, koboRows } from '../../fixtures/koboExport';

let key: CryptoKey;
beforeAll(async () => {
  key = await generateDataKey();
});
const as = (office: string) => () => ({ office, user: `Agent ${office}` });
const subject =
  (role: Subject['role'], shelterServiceIds: string[] = []) =>
  () => ({
    role,
    shelterServiceIds,
  });

describe('survey import permissions and tampered plans', () => {
  it('roles that may not create referrals may not import them: nothing written', async () => {
    const { db, service } = await surveyDb();
    const plan = await surveyPlan(koboCsv(koboRows(3)));
    for (const role of ['shelter_manager', 'viewer'] as const) {
      const imp = createReferralImport(db, as('BKO'), subject(role, [service.id]), () => key);
      expect(await imp.importSurvey(plan, choice(service.id))).toEqual({
        ok: false,
        error: 'accounts.error.notAllowed',
      });
    }
    expect(await referralTables(db).referrals.count()).toBe(0);
    const coordinator = createReferralImport(db, as('BKO'), subject('coordinator'), () => key);
    expect(await coordinator.importSurvey(plan, choice(service.id))).toMatchObject({
      ok: true,
      created: 3,
    });
  });

  it('a plan aimed at a referral made by hand is refused whole', async () => {
    const { db, service } = await surveyDb();
    const repo = createReferralsRepository(db, as('BKO'), undefined, () => key);
    const made = await repo.create({
      serviceId: service.id,
      urgency: '24h',
      caseDetails: { needs: ['medical'], notes: 'notes de la main' },
    });
    if (!made.ok) throw new Error('not created');
    const plan = await surveyPlan(koboCsv(koboRows(2)));
    const forged = { cases: [...plan.cases, { ...plan.cases[0]!, id: made.value.id, row: 9 }] };
    const imp = createReferralImport(db, as('BKO'), undefined, () => key);
    expect(await imp.importSurvey(forged, choice(service.id))).toMatchObject({
      ok: false,
      row: 9,
    });
    expect(await referralTables(db).referrals.count()).toBe(1);
    expect((await repo.get(made.value.id))!.referral.caseDetails.notes).toBe('notes de la main');
  });

  it('another office’s imported drafts are kept as they are', async () => {
    const { db, service } = await surveyDb();
    const plan = await surveyPlan(koboCsv(koboRows(2)));
    // SEG's drafts on this machine (as sync brings them), with the same derived ids.
    await createReferralImport(db, as('SEG'), undefined, () => key).importSurvey(
      plan,
      choice(service.id),
    );
    const before = await referralTables(db).referrals.toArray();
    const rows = koboRows(2);
    rows[0]!.exploitation = 'OrganRemoval';
    const again = await createReferralImport(db, as('BKO'), undefined, () => key).importSurvey(
      {
        cases: (await surveyPlan(koboCsv(rows))).cases.map((c, i) => ({
          ...c,
          id: plan.cases[i]!.id,
        })),
      },
      choice(service.id),
    );
    expect(again).toEqual({ ok: true, created: 0, updated: 0, kept: 2 });
    expect(await referralTables(db).referrals.toArray()).toEqual(before);
  });

  it('a name or a consent slipped into the case fields is not stored', async () => {
    const { db, service } = await surveyDb();
    const plan = await surveyPlan(koboCsv(koboRows(1)));
    const forged: SurveyCase = {
      ...plan.cases[0]!,
      caseDetails: {
        ...plan.cases[0]!.caseDetails,
        ...({ person: { name: 'Nom Glissé' }, consent: { given: true } } as object),
      },
    };
    const imp = createReferralImport(db, as('BKO'), undefined, () => key);
    expect(await imp.importSurvey({ cases: [forged] }, choice(service.id))).toMatchObject({
      ok: true,
      created: 1,
    });
    const repo = createReferralsRepository(db, as('BKO'), undefined, () => key);
    const r = (await repo.get(forged.id))!.referral;
    expect(r.caseDetails.person).toBeNull();
    expect(r.consent.given).toBe(false);
  });
});
