/**
 * What the first screen needs from the database, read as the window's code starts (issue 15,
 * cold start): the office profile, the preferences, whether accounts exist, and the tab's
 * session restored, while the rest of the code is evaluated and the strings arrive. The first
 * render then starts from them instead of finding them out one effect after another, each
 * after a frame. Every value is what the screens' own live queries return, read the same way;
 * they take over at once and keep it current. Nothing is shown from here before the session
 * says who is logged in.
 */
import type { OfficeProfile } from '@shared/domain/settings/schema';
import type { PasserelleDb } from '../data/db';
import { usersTable } from '../data/repositories/accounts';
import { createSettingsRepository } from '../data/repositories/settings';
import type { SessionStore } from '../features/accounts/sessionStore';

export type Early = {
  db: PasserelleDb;
  session: SessionStore;
  /** Null: no office set up; undefined: not read (an error, or not yet). */
  office?: OfficeProfile | null;
  lockAfterMinutes?: number;
  accounts?: number;
};

let early: Early | undefined;

/**
 * Starts the reads for `db`, and the restore of `session` (the window's session store, which
 * the data provider then uses); resolves once they are done or failed (a failure leaves the
 * value undefined, and the screen reads it, and shows its error, as it would have).
 */
export const readEarly = async (db: PasserelleDb, session: SessionStore): Promise<void> => {
  const settings = createSettingsRepository(db);
  const found: Early = { db, session };
  early = found;
  await Promise.all([
    settings.getOffice().then((o) => void (found.office = o ?? null)),
    usersTable(db)
      .count()
      .then((n) => void (found.accounts = n)),
    settings.getPreferences().then(async (p) => {
      found.lockAfterMinutes = p.lockAfterMinutes;
      // The same restore the session provider would start once it has the delay.
      await found.session.init(p.lockAfterMinutes);
    }),
  ]).catch(() => undefined);
};

/** What was read early for `db`, if anything (tests and other databases: nothing). */
export const earlyFor = (db: PasserelleDb): Early | undefined =>
  early?.db === db ? early : undefined;
