/**
 * The interface language and date/number options: the office's default, shown at the login
 * screen and to users without a choice of their own, and each user's own choice, so two users
 * of one computer keep their language. Stored in `settings` (not replicated), one row per user.
 */
import { can } from '@shared/domain/accounts/permissions';
import type { Subject } from '@shared/domain/accounts/permissions';
import { localePrefsSchema } from '@shared/domain/settings/locale';
import type { LocalePrefs } from '@shared/domain/settings/locale';
import type { PasserelleDb } from '../db';
import { usersTable } from './accounts';

const OFFICE_KEY = 'locale.office';
const userKey = (userId: string) => `locale.user.${userId}`;

const read = async (db: PasserelleDb, key: string): Promise<LocalePrefs | undefined> => {
  const row = await db.settings.get(key);
  const parsed = localePrefsSchema.safeParse(row?.value);
  return row && parsed.success ? parsed.data : undefined;
};

export const createLocaleRepository = (
  db: PasserelleDb,
  subject: () => (Subject & { id: string }) | null,
) => ({
  getOfficeDefault: (): Promise<LocalePrefs | undefined> => read(db, OFFICE_KEY),
  /**
   * The office default: an administrator's setting, or the first-run choice while the
   * installation has no account yet. Anyone else is refused (false).
   */
  async setOfficeDefault(input: unknown): Promise<boolean> {
    const prefs = localePrefsSchema.parse(input);
    const firstRun = (await usersTable(db).count()) === 0;
    if (!firstRun && !can(subject(), 'settings.manage')) return false;
    await db.settings.put({ key: OFFICE_KEY, value: prefs });
    return true;
  },
  /** The logged-in user's own choice; there is no way to read or write another user's. */
  async getOwn(): Promise<LocalePrefs | undefined> {
    const me = subject();
    return me ? read(db, userKey(me.id)) : undefined;
  },
  async setOwn(input: unknown): Promise<boolean> {
    const me = subject();
    if (!me) return false;
    await db.settings.put({ key: userKey(me.id), value: localePrefsSchema.parse(input) });
    return true;
  },
  /** What applies to the logged-in user (own choice, else the office's), or to the login screen. */
  async effective(): Promise<LocalePrefs | undefined> {
    return (await this.getOwn()) ?? (await this.getOfficeDefault());
  },
});

export type LocaleRepository = ReturnType<typeof createLocaleRepository>;
