import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import type { Role } from '@shared/domain/accounts/roles';
import { fixtureLetterhead } from '@shared/domain/referrals/fixtures';
import type { ScreeningInputDraft } from '@shared/domain/screening/schema';
import { STORES_V1 } from '../db';
import type { PasserelleDb } from '../db';
import { generateDataKey } from '../encryption';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { ACCOUNTS_STORES_V5 } from './accounts';
import { createDirectoryRepository } from './directory';
import { createLettersRepository } from './letters';
import { NOT_ALLOWED, createReferralsRepository, localDate, referralTables } from './referrals';
import { createScreeningRepository, defaultSet } from './screening';
import { screeningTable } from './screeningOwner';
import { createSettingsRepository } from './settings';

afterEach(deleteTestDbs);
let dataKey: CryptoKey;
beforeAll(async () => {
  dataKey = await generateDataKey();
});

type Who = Subject & { id: string };
const person = (role: Role, id: string, shelterServiceIds: string[] = []): Who => ({
  role,
  id,
  shelterServiceIds,
});
const FRONTLINE = person('frontline', 'acc-frontline-1');
const OTHER_FRONTLINE = person('frontline', 'acc-frontline-2');

/** Repositories as `who` sees them (each checks permissions itself). */
const as = (db: PasserelleDb, who: Who | null) => {
  const actor = () => ({ office: 'BKO', user: who ? `User ${who.id}` : 'nobody' });
  const subject = () => who;
  const key = () => dataKey;
  return {
    screening: createScreeningRepository(db, actor, subject, key),
    referrals: createReferralsRepository(db, actor, subject, key),
    letters: createLettersRepository(db, actor, subject, key),
  };
};

const setUp = async () => {
  const db = openTestDb(testDbName('screening-test'));
  const actor = () => ({ office: 'BKO', user: 'Awa' });
  await createSettingsRepository(db).saveOffice({
    country: 'ML',
    officeCode: 'BKO',
    officeName: 'Direction régionale de Bamako',
    userName: 'Awa',
  });
  await createLettersRepository(db, actor, undefined, () => dataKey).saveLetterhead(
    fixtureLetterhead(),
  );
  const saved = await createDirectoryRepository(db, actor).create({
    organizationName: 'Association Jigiya',
    name: 'Foyer des filles Jigiya',
    category: 'shelter',
    populations: ['girls'],
    adminAreaCode: 'ML-BKO',
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return { db, service: saved.value };
};

const GIRL: ScreeningInputDraft = {
  setVersion: defaultSet().version,
  answers: { 'forced-work': 'yes', 'no-pay': 'yes', 'documents-kept': 'yes', threats: 'no' },
  minor: 'yes',
  ageBand: '9-17',
  gender: 'Feminine',
  languages: ['bm'],
  needs: ['shelter_tonight'],
};

const consent = (serviceId: string) => ({
  consent: {
    given: true,
    scope: ['referral' as const],
    recipient: { kind: 'service' as const, id: serviceId, name: 'Foyer des filles Jigiya' },
    date: localDate(),
    method: 'guardian' as const,
  },
  personName: '',
});
const letterOptions = {
  locale: 'fr' as const,
  includeName: false,
  contact: { name: 'Moussa', title: '', phone: '', email: '' },
  signatory: { name: 'Fatoumata Diarra', title: 'Directrice' },
  stamp: false,
};

describe('screening repository', () => {
  it('a frontline worker screens, refers, records consent, sends and issues the letter', async () => {
    const { db, service } = await setUp();
    const me = as(db, FRONTLINE);
    const saved = await me.screening.save(GIRL);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const a = saved.value.content.assessment;
    expect(a.childProtection).toBe(true);
    expect(a.needs).toEqual(['child_protection', 'shelter_tonight']);
    expect(a.suggestion).toBe('PossibleVictimOfTrafficking');

    const referred = await me.screening.refer(
      saved.value.id,
      service.id,
      ['shelter_tonight'],
      'fr',
    );
    if (!referred.ok) throw new Error(JSON.stringify(referred.errors));
    expect(referred.value.caseCode).toMatch(/^BKO-\d{4}-0001$/);
    const opened = await me.screening.referralOf(saved.value.id, referred.value.referralId);
    expect(opened?.referral.caseDetails).toMatchObject({
      traffickingStatus: 'PossibleVictimOfTrafficking',
      exploitationTypes: ['ForcedLabour'],
      gender: 'Feminine',
      ageBand: '9-17',
      needs: ['shelter'],
      languages: ['bm'],
    });
    expect(opened?.referral.caseDetails.screening?.htcds.vic_MethodsOfControl).toEqual([
      'TakesEarnings',
      'WithholdsDocuments',
    ]);
    expect((await me.screening.get(saved.value.id))?.referralIds).toEqual([
      referred.value.referralId,
    ]);

    const id = referred.value.referralId;
    expect((await me.referrals.recordConsent(id, consent(service.id))).ok).toBe(true);
    expect((await me.referrals.act(id, 'send')).ok).toBe(true);
    const letter = await me.letters.issue(id, letterOptions);
    if (!letter.ok) throw new Error(letter.error);
    expect(letter.letter.reference).toMatch(/\/0001$/);
    expect((await me.letters.getLetter(letter.letter.id))?.model.caseCode).toBe(
      referred.value.caseCode,
    );
    // Nothing about the screening is printed.
    expect(JSON.stringify(letter.letter.model)).not.toContain('WithholdsDocuments');

    // No register, no detail for the frontline worker; the shelter's manager sees it.
    expect(await me.referrals.list()).toEqual([]);
    expect(await me.referrals.get(id)).toBeUndefined();
    const manager = as(db, person('shelter_manager', 'acc-manager', [service.id]));
    expect((await manager.referrals.list()).map((r) => r.id)).toEqual([id]);
    expect((await manager.referrals.get(id))?.referral.caseDetails.screening?.childProtection).toBe(
      true,
    );
  });

  it('another frontline worker reaches neither the screening nor its referral nor its letter', async () => {
    const { db, service } = await setUp();
    const saved = await as(db, FRONTLINE).screening.save(GIRL);
    if (!saved.ok) throw new Error('save');
    const referred = await as(db, FRONTLINE).screening.refer(
      saved.value.id,
      service.id,
      ['shelter_tonight'],
      'fr',
    );
    if (!referred.ok) throw new Error('refer');
    const id = referred.value.referralId;
    const other = as(db, OTHER_FRONTLINE);
    expect(await other.screening.get(saved.value.id)).toBeUndefined();
    expect(await other.screening.referralOf(saved.value.id, id)).toBeUndefined();
    expect(
      await other.screening.refer(saved.value.id, service.id, ['shelter_tonight'], 'fr'),
    ).toEqual({ ok: false, errors: { _: NOT_ALLOWED } });
    expect(await other.referrals.recordConsent(id, consent(service.id))).toEqual({
      ok: false,
      errors: { _: NOT_ALLOWED },
    });
    expect(await other.referrals.act(id, 'send')).toEqual({ ok: false, error: NOT_ALLOWED });
    expect(await other.letters.issue(id, letterOptions)).toEqual({
      ok: false,
      error: NOT_ALLOWED,
    });
    // A frontline worker does not create referrals outside a screening.
    const direct = await other.referrals.create({
      serviceId: service.id,
      urgency: '24h',
      caseDetails: { needs: ['shelter'] },
    });
    expect(direct).toEqual({ ok: false, errors: { _: NOT_ALLOWED } });
  });

  it('refuses screening to roles without it; a coordinator screens too', async () => {
    const { db } = await setUp();
    for (const role of ['administrator', 'shelter_manager', 'ministry_staff', 'viewer'] as const)
      expect(await as(db, person(role, `acc-${role}`)).screening.save(GIRL)).toEqual({
        ok: false,
        errors: { _: NOT_ALLOWED },
      });
    expect(await as(db, null).screening.save(GIRL)).toMatchObject({ ok: false });
    expect((await as(db, person('coordinator', 'acc-coord')).screening.save(GIRL)).ok).toBe(true);
  });

  it('asks no name: the form has no free text, and unknown fields are dropped', async () => {
    const { db } = await setUp();
    const saved = await as(db, FRONTLINE).screening.save({
      ...GIRL,
      name: 'Aminata',
    } as unknown as typeof GIRL);
    if (!saved.ok) throw new Error('save');
    expect(JSON.stringify(saved.value)).not.toContain('Aminata');
  });

  it('stores the screening sealed: nothing of it readable in the row', async () => {
    const { db } = await setUp();
    const saved = await as(db, FRONTLINE).screening.save(GIRL);
    if (!saved.ok) throw new Error('save');
    const row = await screeningTable(db).get(saved.value.id);
    const text = JSON.stringify(row);
    for (const leak of ['forced-work', 'Feminine', '9-17', 'shelter_tonight', 'ForcedLabour', 'bm'])
      expect(text).not.toContain(`"${leak}"`);
    expect(row?.atRest).toBeDefined();
    expect(row?.userId).toBe(FRONTLINE.id);
    // Without the key, nothing opens.
    const locked = createScreeningRepository(
      db,
      () => ({ office: 'BKO', user: 'x' }),
      () => FRONTLINE,
      () => null,
    );
    await expect(locked.get(saved.value.id)).rejects.toThrow();
  });

  it('an administrator replaces the office’s form, whole or not at all', async () => {
    const { db } = await setUp();
    const admin = as(db, person('administrator', 'acc-admin'));
    const national = structuredClone(defaultSet());
    national.version = 2;
    national.rules = [{ minGroups: 1, minStrength: 'strong' }];
    national.indicators = national.indicators.slice(0, 6);
    expect((await admin.screening.saveConfig({ set: national, officeArea: 'ML-BKO' })).ok).toBe(
      true,
    );
    const crafted = structuredClone(national) as unknown as { indicators: { htcds: unknown }[] };
    crafted.indicators[0]!.htcds = { field: 'vic_MethodsOfControl', value: '<script>' };
    expect((await admin.screening.saveConfig({ set: crafted, officeArea: null })).ok).toBe(false);
    expect(
      await as(db, person('coordinator', 'c')).screening.saveConfig({
        set: national,
        officeArea: null,
      }),
    ).toEqual({ ok: false, errors: { _: NOT_ALLOWED } });
    // The form now uses the office's rule: one strong indicator suggests a possible victim.
    const config = await admin.screening.getConfig();
    expect(config.set.version).toBe(2);
    expect(config.officeArea).toBe('ML-BKO');
    const saved = await as(db, FRONTLINE).screening.save({
      setVersion: 2,
      answers: { 'false-promises': 'yes' },
    });
    expect(saved.ok && saved.value.content.assessment.suggestion).toBe(
      'PossibleVictimOfTrafficking',
    );
    // Back to the shipped form: its questions again, as a new version (2 stays version 2).
    expect((await admin.screening.resetConfig()).ok).toBe(true);
    const reset = (await admin.screening.getConfig()).set;
    expect(reset.version).toBe(3);
    expect(reset.indicators).toEqual(defaultSet().indicators);
  });

  it('opens a version-8 database and adds the screenings table, keeping what was there', async () => {
    const name = testDbName('screening-v8');
    const v8 = new Dexie(name);
    v8.version(1).stores(STORES_V1);
    v8.version(2).stores({ capacityEvents: 'id, serviceId, at' });
    v8.version(3).stores({
      referrals: 'id, office, state, urgency, serviceId, createdAt, updatedAt',
      referralEvents: 'id, referralId, at',
      letters: 'id, referralId, reference, issuedAt',
      referralCounters: 'key',
    });
    v8.version(4).stores({ exchangeRuns: 'id, at, kind' });
    v8.version(5).stores(ACCOUNTS_STORES_V5);
    v8.version(8).stores({ changes: '++seq' });
    await v8.table('settings').put({ key: 'preferences', value: { staleAfterHours: 12 } });
    await v8.table('referralCounters').put({ key: 'case:BKO:2026', next: 5 });
    v8.close();
    const db = openTestDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(12);
    expect((await createSettingsRepository(db).getPreferences()).staleAfterHours).toBe(12);
    expect((await referralTables(db).counters.get('case:BKO:2026'))?.next).toBe(5);
    expect(await screeningTable(db).count()).toBe(0);
    expect(
      screeningTable(db)
        .schema.indexes.map((i) => i.name)
        .sort(),
    ).toEqual(['createdAt', 'referralIds', 'userId']);
  });
});
