import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PasserelleDb } from '../db';
import { createSettingsRepository } from './settings';

describe('settings repository', () => {
  it('has no office before setup, then keeps the normalised profile and audits it', async () => {
    const db = new PasserelleDb('settings-test-1');
    const repo = createSettingsRepository(db);
    expect(await repo.getOffice()).toBeUndefined();
    const saved = await repo.saveOffice({
      country: 'ML',
      officeCode: ' bko ',
      officeName: 'DRPFEF Bamako',
      userName: 'Awa',
    });
    expect(saved).toMatchObject({ ok: true, value: { officeCode: 'BKO' } });
    expect(await repo.getOffice()).toEqual({
      country: 'ML',
      officeCode: 'BKO',
      officeName: 'DRPFEF Bamako',
      userName: 'Awa',
    });
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['settings.office']);
  });

  it('refuses a bad profile with field errors and keeps the old one', async () => {
    const repo = createSettingsRepository(new PasserelleDb('settings-test-2'));
    await repo.saveOffice({
      country: 'ML',
      officeCode: 'BKO',
      officeName: 'Bamako',
      userName: 'Awa',
    });
    const bad = await repo.saveOffice({
      country: 'FR',
      officeCode: 'b k',
      officeName: '',
      userName: 'A',
    });
    expect(bad).toEqual({
      ok: false,
      errors: {
        country: 'validation.country',
        officeCode: 'validation.officeCode',
        officeName: 'validation.required',
        userName: 'validation.required',
      },
    });
    expect((await repo.getOffice())?.officeCode).toBe('BKO');
  });

  it('returns default preferences and validates changes', async () => {
    const repo = createSettingsRepository(new PasserelleDb('settings-test-3'));
    expect(await repo.getPreferences()).toMatchObject({ staleAfterHours: 48, onlineTiles: false });
    expect((await repo.savePreferences({ staleAfterHours: -1 })).ok).toBe(false);
    expect((await repo.getPreferences()).staleAfterHours).toBe(48);
  });
});
