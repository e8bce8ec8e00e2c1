/** A database with one shelter and a survey plan, for the survey import tests. */
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { planSurvey } from '@shared/domain/exchange/survey';
import { readFlat } from '@shared/domain/exchange/importFile';
import { noWorkbook } from '../../../tests/fixtures/readWorkbook';
import { PasserelleDb } from '../db';
import { createDirectoryRepository } from './directory';
import { createSettingsRepository } from './settings';

let n = 0;
const dbs: Dexie[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
const actor = () => ({ office: 'BKO', user: 'Coordinatrice' });

export const surveyDb = async () => {
  const db = new PasserelleDb(`survey-import-${++n}`);
  dbs.push(db);
  await createSettingsRepository(db).saveOffice({
    country: 'ML',
    officeCode: 'BKO',
    officeName: 'Direction régionale de Bamako',
    userName: 'Coordinatrice',
  });
  const saved = await createDirectoryRepository(db, actor).create({
    organizationName: 'Association Jigiya',
    name: 'Foyer Jigiya',
    category: 'shelter',
    adminAreaCode: 'ML-4',
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return { db, service: saved.value };
};
export const surveyPlan = async (bytes: Uint8Array, office = 'BKO') => {
  const t = await readFlat({ name: 'k.csv', bytes }, 'csv', { encoding: 'auto' }, noWorkbook);
  return planSurvey(t.header, t.rows, {
    office,
    now: '2026-11-23T10:00:00.000Z',
    newId: () => crypto.randomUUID(),
  });
};
export const choice = (serviceId: string) => ({
  serviceId,
  urgency: '72h' as const,
  needs: ['shelter' as const, 'psychosocial' as const],
  needsOther: '',
});
