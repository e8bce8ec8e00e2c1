import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import { PasserelleDb } from '../db';
import { usersTable } from './accounts';
import { createLocaleRepository } from './localePrefs';

type Who = (Subject & { id: string }) | null;
const user = (id: string, role: Subject['role']): Who => ({ id, role, shelterServiceIds: [] });

const withAccount = async (name: string) => {
  const db = new PasserelleDb(name);
  // Only the count matters here: the installation is past its first run.
  await usersTable(db).add({ id: 'u-admin', username: 'admin' } as never);
  return db;
};

describe('locale preferences', () => {
  it('lets the first run set the office default, then keeps it for the login screen', async () => {
    const db = new PasserelleDb('locale-test-1');
    const repo = createLocaleRepository(db, () => null);
    expect(await repo.getOfficeDefault()).toBeUndefined();
    expect(await repo.setOfficeDefault({ locale: 'pt' })).toBe(true);
    expect(await repo.effective()).toEqual({ locale: 'pt', digits: 'latn', hijri: false });
  });

  it('keeps one language per user of the same computer, over the office default', async () => {
    const db = await withAccount('locale-test-2');
    let who: Who = user('u-admin', 'administrator');
    const repo = createLocaleRepository(db, () => who);
    expect(await repo.setOfficeDefault({ locale: 'fr' })).toBe(true);
    expect(await repo.setOwn({ locale: 'ar', digits: 'arab', hijri: true })).toBe(true);
    who = user('u-amina', 'coordinator');
    expect((await repo.effective())?.locale).toBe('fr');
    expect(await repo.setOwn({ locale: 'pt' })).toBe(true);
    expect((await repo.effective())?.locale).toBe('pt');
    who = user('u-admin', 'administrator');
    expect(await repo.effective()).toEqual({ locale: 'ar', digits: 'arab', hijri: true });
  });

  it('refuses the office default to anyone but an administrator once accounts exist', async () => {
    const db = await withAccount('locale-test-3');
    let who: Who = user('u-v', 'viewer');
    const repo = createLocaleRepository(db, () => who);
    expect(await repo.setOfficeDefault({ locale: 'en' })).toBe(false);
    who = null;
    expect(await repo.setOfficeDefault({ locale: 'en' })).toBe(false);
    expect(await repo.setOwn({ locale: 'en' })).toBe(false);
    expect(await repo.getOfficeDefault()).toBeUndefined();
  });

  it('refuses a crafted value and ignores a tampered row', async () => {
    const db = await withAccount('locale-test-4');
    const repo = createLocaleRepository(db, () => user('u-admin', 'administrator'));
    await expect(repo.setOwn({ locale: 'xx' })).rejects.toThrow();
    await expect(repo.setOwn({ locale: 'ar', digits: 'roman' })).rejects.toThrow();
    await db.settings.put({ key: 'locale.office', value: { locale: '<script>' } });
    expect(await repo.getOfficeDefault()).toBeUndefined();
  });
});
