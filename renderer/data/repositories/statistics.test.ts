import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import type { Role } from '@shared/domain/accounts/roles';
import { crossTab } from '@shared/domain/statistics/aggregate';
import { STORES_V1, type PasserelleDb } from '../db';
import { generateDataKey } from '../encryption';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { createDirectoryRepository } from './directory';
import { createReferralsRepository, localDate } from './referrals';
import { createSettingsRepository } from './settings';
import { createStatisticsRepository, StatisticsNotAllowed } from './statistics';

afterEach(deleteTestDbs);
const actor = () => ({ office: 'BKO', user: 'Awa Coordinatrice' });
let dataKey: CryptoKey;
beforeAll(async () => {
  dataKey = await generateDataKey();
});
const as = (role: Role) => (): Subject => ({ role, shelterServiceIds: [] });

/** Four sent referrals: Aminata K. three times, one person with no name kept. */
const seed = async (db: PasserelleDb) => {
  await createSettingsRepository(db).saveOffice({
    country: 'ML',
    officeCode: 'BKO',
    officeName: 'Direction régionale de Bamako',
    userName: 'Awa Coordinatrice',
  });
  const saved = await createDirectoryRepository(db, actor).create({
    organizationName: 'Association Jigiya',
    name: 'Centre d’accueil Jigiya',
    category: 'shelter',
    adminAreaCode: 'ML-4',
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const referrals = createReferralsRepository(db, actor, undefined, () => dataKey);
  const names = ['Aminata K.', 'Aminata K.', 'Aminata K.', ''];
  for (const name of names) {
    const r = await referrals.create({
      serviceId: saved.value.id,
      urgency: '72h',
      caseDetails: {
        needs: ['shelter'],
        gender: 'Feminine',
        ageBand: '9-17',
        citizenship: ['BF'],
        exploitationTypes: ['ForcedBegging'],
        notes: 'Note interne confidentielle',
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    await referrals.recordConsent(r.value.id, {
      consent: {
        given: true,
        scope: name ? ['referral', 'recordName'] : ['referral'],
        recipient: { kind: 'service', id: saved.value.id, name: 'Centre d’accueil Jigiya' },
        date: localDate(),
        method: 'guardian',
      },
      personName: name,
    });
    await referrals.act(r.value.id, 'send');
  }
  // A draft is nobody referred yet.
  await referrals.create({
    serviceId: saved.value.id,
    urgency: '24h',
    caseDetails: { needs: ['medical'] },
  });
};

const repo = (db: PasserelleDb, role: Role, key: CryptoKey | null = dataKey) =>
  createStatisticsRepository(db, actor, as(role), () => key);

describe('statistics repository', () => {
  it('reads sealed case fields into facts that hold no name, notes or case code', async () => {
    const db = openTestDb(testDbName('stats'));
    await seed(db);
    const facts = await repo(db, 'ministry_staff').facts();
    expect(facts).toHaveLength(4);
    const text = JSON.stringify(facts);
    for (const secret of ['Aminata', 'Note interne', 'BKO-20']) expect(text).not.toContain(secret);
    expect(facts.every((f) => f.region === 'ML-4' && f.dims.nationality === 'BF')).toBe(true);
    const year = { kind: 'year', year: Number(localDate().slice(0, 4)) } as const;
    const q = { period: year, area: { kind: 'country' }, rows: 'ageGroup', cols: null } as const;
    expect(crossTab(facts, { ...q, measure: 'referrals' }).cells).toEqual([[4]]);
    // Aminata K. counts once; the person without a name kept counts as one more.
    expect(crossTab(facts, { ...q, measure: 'persons' }).cells).toEqual([[2]]);
  });

  it('is open to administrators (aggregates are not case data), closed to viewers', async () => {
    const db = openTestDb(testDbName('stats'));
    await seed(db);
    expect(await repo(db, 'administrator').facts()).toHaveLength(4);
    await expect(repo(db, 'viewer').facts()).rejects.toBeInstanceOf(StatisticsNotAllowed);
    await expect(repo(db, 'shelter_manager').facts()).rejects.toBeInstanceOf(StatisticsNotAllowed);
    await expect(repo(db, 'coordinator', null).facts()).rejects.toThrow('referrals.error.locked');
  });

  it('audits every export, and refuses it to a role without the right', async () => {
    const db = openTestDb(testDbName('stats'));
    await seed(db);
    const before = await db.audit.count();
    await repo(db, 'coordinator').recordExport('xlsx', '2026 ML-4 gender');
    const last = await db.audit.orderBy(':id').last();
    expect(await db.audit.count()).toBe(before + 1);
    expect(last).toMatchObject({ action: 'statistics.export', recordId: 'xlsx' });
    await expect(repo(db, 'viewer').recordExport('csv', '')).rejects.toBeInstanceOf(
      StatisticsNotAllowed,
    );
  });

  it('lets only an administrator lower the threshold, never under 5', async () => {
    const db = openTestDb(testDbName('stats'));
    expect((await repo(db, 'coordinator').settings()).threshold).toBe(11);
    await expect(
      repo(db, 'coordinator').saveSettings({ threshold: 7, region: null }),
    ).rejects.toBeInstanceOf(StatisticsNotAllowed);
    await expect(repo(db, 'administrator').saveSettings({ threshold: 4 })).rejects.toThrow();
    await repo(db, 'administrator').saveSettings({ threshold: 7, region: 'ML-4' });
    expect(await repo(db, 'ministry_staff').settings()).toEqual({ threshold: 7, region: 'ML-4' });
    // A crafted row (a restored backup, a hand edit) below 5 reads as the default.
    await db.settings.put({ key: 'statistics', value: { threshold: 2 } });
    expect((await repo(db, 'ministry_staff').settings()).threshold).toBe(11);
  });

  it('exports HTCDS rows only to roles that may export, k-anonymous, with no name', async () => {
    const db = openTestDb(testDbName('stats'));
    await seed(db);
    await expect(repo(db, 'viewer').htcds()).rejects.toBeInstanceOf(StatisticsNotAllowed);
    // Four persons alike are fewer than 11: every row is withheld at the default k.
    expect(await repo(db, 'coordinator').htcds()).toMatchObject({ rows: [], withheld: 4, k: 11 });
    // Even at the lowest threshold (5), four alike are too few.
    await repo(db, 'administrator').saveSettings({ threshold: 5 });
    expect(await repo(db, 'coordinator').htcds()).toMatchObject({ rows: [], withheld: 4, k: 5 });
  });

  it('publishes one aggregate document per period, counts only, replacing the earlier one', async () => {
    const db = openTestDb(testDbName('stats'));
    await seed(db);
    await expect(repo(db, 'viewer').publish()).rejects.toBeInstanceOf(StatisticsNotAllowed);
    const periods = await repo(db, 'coordinator').publish();
    expect(periods).toBe(3); // its year, quarter and month
    const docs = await db.table('statAggregates').toArray();
    expect(docs).toHaveLength(3);
    const text = JSON.stringify(docs);
    for (const secret of ['Aminata', 'Note interne', 'BKO-20']) expect(text).not.toContain(secret);
    // Published again: the same documents (ids) updated, each in the outbox to replicate.
    await repo(db, 'coordinator').publish();
    const again = await db.table('statAggregates').toArray();
    expect(again.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
    const outbox = (await db.changes.toArray()).filter((c) => c.table === 'statAggregates');
    expect(outbox).toHaveLength(6);
    // Its own documents are not read back as "other offices'".
    expect(await repo(db, 'coordinator').published()).toEqual([]);
  });

  it('upgrades a version 1 database to one with the published aggregates table', async () => {
    const name = testDbName('stats-upgrade');
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    await v1.table('settings').put({ key: 'kept', value: 1 });
    v1.close();
    const db = openTestDb(name);
    expect(await db.table('statAggregates').count()).toBe(0);
    expect(await db.settings.get('kept')).toEqual({ key: 'kept', value: 1 });
    expect(db.verno).toBeGreaterThanOrEqual(13);
  });
});
