/**
 * Screenings are sealed case data (issue 16); the statistics read them through one function of
 * the screening repository, `statisticsCounts`. Read as an attacker would: a role without the
 * statistics cannot call it, whatever the screen shows; what it returns holds counts per day
 * and nothing of a screening (no answer, no worker, no id, no time of day, no referral id);
 * another office's screenings on the same disk are not counted.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import type { Role } from '@shared/domain/accounts/roles';
import { screeningCountsSchema } from '@shared/domain/statistics/screenings';
import { generateDataKey } from '../../../renderer/data/encryption';
import { createDirectoryRepository } from '../../../renderer/data/repositories/directory';
import { createScreeningRepository } from '../../../renderer/data/repositories/screening';
import { createSettingsRepository } from '../../../renderer/data/repositories/settings';
import type { PasserelleDb } from '../../../renderer/data/db';
import { deleteTestDbs, openTestDb, testDbName } from '../../../renderer/data/testDb';

afterEach(deleteTestDbs);
let dataKey: CryptoKey;
beforeAll(async () => {
  dataKey = await generateDataKey();
});

type Who = Subject & { id: string };
const who = (role: Role, id: string): Who => ({ role, id, shelterServiceIds: [] });

const repo = (db: PasserelleDb, w: Who | null, office = 'BKO') =>
  createScreeningRepository(
    db,
    () => ({ office, user: w?.id ?? 'nobody' }),
    () => w,
    () => dataKey,
  );

const setUp = async () => {
  const db = openTestDb(testDbName('screening-statistics'));
  await createSettingsRepository(db).saveOffice({
    country: 'ML',
    officeCode: 'BKO',
    officeName: 'Direction régionale de Bamako',
    userName: 'Awa',
  });
  const saved = await createDirectoryRepository(db, () => ({ office: 'BKO', user: 'Awa' })).create({
    organizationName: 'Association Jigiya',
    name: 'Foyer des filles Jigiya',
    category: 'shelter',
    populations: ['girls'],
    adminAreaCode: 'ML-BKO',
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return { db, serviceId: saved.value.id };
};

describe('screening statistics, read by an attacker', () => {
  it('are refused to roles without the statistics, and hold counts only', async () => {
    const { db, serviceId } = await setUp();
    const worker = who('frontline', 'acc-frontline-1');
    const mine = repo(db, worker);
    const one = await mine.save({
      setVersion: 1,
      answers: { 'forced-work': 'yes', 'no-pay': 'yes', threats: 'yes' },
      minor: 'yes',
      ageBand: '9-17',
      gender: 'Feminine',
      languages: ['bm'],
      needs: ['shelter_tonight'],
    });
    await mine.save({ setVersion: 1, answers: { 'false-promises': 'yes' } });
    if (!one.ok) throw new Error('save');
    const referred = await mine.refer(one.value.id, serviceId, ['shelter_tonight'], 'fr');
    if (!referred.ok) throw new Error(JSON.stringify(referred.errors));
    // Another office's screening on the same disk (a shared machine): not this office's figure.
    await repo(db, worker, 'SEG').save({ setVersion: 1, answers: { threats: 'yes' } });

    for (const role of ['frontline', 'shelter_manager', 'viewer'] as const)
      await expect(repo(db, who(role, `acc-${role}`)).statisticsCounts()).rejects.toThrow();
    await expect(repo(db, null).statisticsCounts()).rejects.toThrow();

    const counts = await repo(db, who('ministry_staff', 'acc-ministry')).statisticsCounts();
    expect(screeningCountsSchema.parse(counts)).toEqual(counts);
    expect(counts.cells.reduce((n, c) => n + c.count, 0)).toBe(2);
    expect(counts.cells.filter((c) => c.referred).reduce((n, c) => n + c.count, 0)).toBe(1);
    const text = JSON.stringify(counts);
    for (const secret of [
      one.value.id,
      referred.value.referralId,
      referred.value.caseCode,
      worker.id,
      'forced-work',
      'Feminine',
      '9-17',
      'shelter_tonight',
      one.value.createdAt.slice(11, 19),
    ])
      expect(text).not.toContain(secret);
  });
});
