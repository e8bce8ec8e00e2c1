/**
 * The office's screening form as the editor saves it (every change a new version, the replaced
 * one kept for the screenings made with it), and a worker's own screenings (listed, opened and
 * audited, never another's, never an administrator's to read).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import type { Role } from '@shared/domain/accounts/roles';
import {
  addIndicator,
  removeIndicator,
  sameForm,
  updateIndicator,
} from '@shared/domain/screening/editor';
import type { ScreeningInputDraft } from '@shared/domain/screening/schema';
import type { PasserelleDb } from '../db';
import { generateDataKey } from '../encryption';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { createDirectoryRepository } from './directory';
import { NOT_ALLOWED } from './referrals';
import { createScreeningRepository, defaultSet } from './screening';
import { createSettingsRepository } from './settings';

afterEach(deleteTestDbs);
let dataKey: CryptoKey;
beforeAll(async () => {
  dataKey = await generateDataKey();
});

type Who = Subject & { id: string };
const person = (role: Role, id: string): Who => ({ role, id, shelterServiceIds: [] });
const ADMIN = person('administrator', 'acc-admin');
const FRONTLINE = person('frontline', 'acc-frontline-1');
const OTHER = person('frontline', 'acc-frontline-2');

const as = (db: PasserelleDb, who: Who | null) =>
  createScreeningRepository(
    db,
    () => ({ office: 'BKO', user: who ? `User ${who.id}` : 'nobody', userId: who?.id }),
    () => who,
    () => dataKey,
  );

const setUp = async () => {
  const db = openTestDb(testDbName('screening-form'));
  await createSettingsRepository(db).saveOffice({
    country: 'ML',
    officeCode: 'BKO',
    officeName: 'Direction régionale de Bamako',
    userName: 'Awa',
  });
  return db;
};

const text = (s: string) => ({ fr: `${s} ?`, en: `${s}?`, pt: `${s}?`, ar: `${s}؟` });
const SOLD = 'Vous a-t-on vendu·e';
/** The default form with one question more, in coercion, strong. */
const withSold = () => {
  const { set, id } = addIndicator(defaultSet(), 'coercion');
  return {
    id,
    set: updateIndicator(set, id, {
      question: text(SOLD),
      label: text('Vendu'),
      strength: 'strong',
    }),
  };
};
const GIRL: ScreeningInputDraft = {
  setVersion: 1,
  answers: { 'forced-work': 'yes', 'documents-kept': 'yes' },
  minor: 'yes',
  ageBand: '9-17',
  gender: 'Feminine',
  needs: ['shelter_tonight'],
};

describe('the screening form, edited', () => {
  it('saves every change as a new version; past screenings keep theirs, read with their form', async () => {
    const db = await setUp();
    const admin = as(db, ADMIN);
    const worker = as(db, FRONTLINE);
    const before = await worker.save(GIRL);
    if (!before.ok) throw new Error('save');
    expect(before.value.content.assessment.setVersion).toBe(1);

    const { set, id } = withSold();
    const saved = await admin.saveConfig({ set, officeArea: null });
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(saved.value.set.version).toBe(2);
    // The worker's next screening is asked and assessed with the new question.
    const current = (await worker.getConfig()).set;
    expect(current.indicators.some((i) => i.id === id)).toBe(true);
    const after = await worker.save({ setVersion: 2, answers: { [id]: 'yes' } });
    if (!after.ok) throw new Error('save');
    expect(after.value.content.assessment.setVersion).toBe(2);
    expect(after.value.content.assessment.found.map((f) => f.label.fr)).toEqual(['Vendu ?']);

    // The past screening still says version 1, and version 1 is the form without the question.
    expect((await worker.get(before.value.id))?.content.assessment.setVersion).toBe(1);
    const v1 = await worker.formAt(1);
    expect(v1 && sameForm(v1, defaultSet())).toBe(true);
    expect(v1?.indicators.some((i) => i.id === id)).toBe(false);
    expect((await worker.formAt(2))?.indicators.some((i) => i.id === id)).toBe(true);

    // Saving the same form again (whatever number it carries) is no new version.
    expect(
      await admin.saveConfig({ set: { ...set, version: 9 }, officeArea: 'ML-BKO' }),
    ).toMatchObject({ ok: true, value: { set: { version: 2 }, officeArea: 'ML-BKO' } });
    // Reset to the default: a new version (3), never number 1 again; 2 is kept.
    const reset = await admin.resetConfig();
    expect(reset.ok && reset.value.set.version).toBe(3);
    expect(reset.ok && sameForm(reset.value.set, defaultSet())).toBe(true);
    expect((await worker.formAt(2))?.indicators.some((i) => i.id === id)).toBe(true);
    // A JSON upload numbered 1 but different is numbered after all the others.
    const upload = { ...removeIndicator(defaultSet(), 'threats'), version: 1 };
    const uploaded = await admin.saveConfig({ set: upload, officeArea: 'ML-BKO' });
    expect(uploaded.ok && uploaded.value.set.version).toBe(4);
    expect(await worker.formAt(99)).toBeUndefined();
  });

  it('refuses a form with a problem, whole: nothing changes, no version is used', async () => {
    const db = await setUp();
    const admin = as(db, ADMIN);
    const { set } = addIndicator(defaultSet(), 'recruitment');
    const refused = await admin.saveConfig({ set, officeArea: null });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && Object.keys(refused.errors)).toContain(
      `set.indicators.${set.indicators.findIndex((i) => i.question.fr === '')}.question.fr`,
    );
    expect((await admin.getConfig()).set.version).toBe(1);
    expect(await db.settings.where('key').startsWith('screening.form.v').count()).toBe(0);
  });

  it('lets only an administrator change the form (checked here, not by the screen)', async () => {
    const db = await setUp();
    const { set } = withSold();
    for (const role of [
      'coordinator',
      'frontline',
      'shelter_manager',
      'ministry_staff',
      'viewer',
    ] as const) {
      const repo = as(db, person(role, `acc-${role}`));
      expect(await repo.saveConfig({ set, officeArea: null }), role).toEqual({
        ok: false,
        errors: { _: NOT_ALLOWED },
      });
      expect(await repo.resetConfig(), role).toEqual({ ok: false, errors: { _: NOT_ALLOWED } });
    }
    expect((await as(db, null).saveConfig({ set, officeArea: null })).ok).toBe(false);
    expect((await as(db, ADMIN).getConfig()).set.version).toBe(1);
    expect(await db.audit.filter((e) => e.action === 'settings.screening').count()).toBe(0);
  });
});

describe('a worker’s own screenings', () => {
  it('lists the worker’s own, newest first, with the referrals they led to', async () => {
    const db = await setUp();
    const service = await createDirectoryRepository(db, () => ({
      office: 'BKO',
      user: 'Awa',
    })).create({
      organizationName: 'Association Jigiya',
      name: 'Foyer des filles Jigiya',
      category: 'shelter',
      populations: ['girls'],
      adminAreaCode: 'ML-BKO',
    });
    if (!service.ok) throw new Error('service');
    const me = as(db, FRONTLINE);
    const first = await me.save(GIRL);
    if (!first.ok) throw new Error('save');
    await new Promise((r) => setTimeout(r, 5));
    const second = await me.save({ setVersion: 1, answers: { 'false-promises': 'yes' } });
    if (!second.ok) throw new Error('save');
    const referred = await me.refer(first.value.id, service.value.id, ['shelter_tonight'], 'fr');
    if (!referred.ok) throw new Error('refer');
    await as(db, OTHER).save(GIRL);

    const mine = await me.mine();
    expect(mine.map((s) => s.record.id)).toEqual([second.value.id, first.value.id]);
    expect(mine[0]!.referrals).toEqual([]);
    expect(mine[1]!.referrals).toEqual([
      { id: referred.value.referralId, caseCode: referred.value.caseCode, state: 'draft' },
    ]);
    expect(mine[1]!.record.content.assessment.childProtection).toBe(true);
    expect((await as(db, OTHER).mine()).map((s) => s.record.userId)).toEqual([OTHER.id]);
  });

  it('opens one for its author only, and audits every opening', async () => {
    const db = await setUp();
    const saved = await as(db, FRONTLINE).save(GIRL);
    if (!saved.ok) throw new Error('save');
    const views = () => db.audit.filter((e) => e.action === 'screening.view').toArray();

    const opened = await as(db, FRONTLINE).view(saved.value.id);
    expect(opened?.record.content.input.ageBand).toBe('9-17');
    expect((await views()).map((e) => [e.recordId, e.actor, e.table])).toEqual([
      [saved.value.id, `User ${FRONTLINE.id}`, 'screenings'],
    ]);

    // Another worker, a coordinator, and the administrator (no case data): nothing, no entry.
    for (const who of [OTHER, person('coordinator', 'acc-coord'), ADMIN, null]) {
      expect(await as(db, who).view(saved.value.id)).toBeUndefined();
      expect(await as(db, who).mine()).toEqual([]);
    }
    expect(await views()).toHaveLength(1);
  });
});
