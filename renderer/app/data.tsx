/**
 * The repositories and the office profile, provided once to every screen. Tests and the
 * browser build use the same code; only the database name differs in unit tests.
 */
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { OfficeProfile } from '@shared/domain/settings/schema';
import type { PasserelleDb } from '../data/db';
import type { Actor } from '../data/journal';
import { createSettingsRepository } from '../data/repositories/settings';
import { SessionProvider } from '../features/accounts/session';
import { createSessionStore } from '../features/accounts/sessionStore';
import { platform } from '../platform';
import { whenIdle } from '../ui/idle';
import type { Repositories } from './repositories';
import { makeRepositories } from './repositories';
import { earlyFor } from './early';

type DataValue = {
  repos: Repositories;
  office: OfficeProfile | undefined;
  loading: boolean;
  /** How many accounts there were as the window started, if read then (early.ts). */
  accountsAtStart: number | undefined;
};
const DataContext = createContext<DataValue | null>(null);

export const DataProvider = ({ db, children }: { db: PasserelleDb; children: ReactNode }) => {
  const settings = useMemo(() => createSettingsRepository(db), [db]);
  // What the window read as it started, if it was this database (early.ts).
  const early = useMemo(() => earlyFor(db), [db]);
  // `undefined` while loading, so first-run setup is not flashed at users who already set up.
  const office = useLiveQuery(
    async () => (await settings.getOffice()) ?? null,
    [settings],
    early?.office,
  );
  // The same profile, read again (the live query's first answer after the early read), keeps
  // its identity: repositories are not rebuilt, nor every live query run again, for nothing.
  const officeKey = office === undefined ? undefined : JSON.stringify(office);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableOffice = useMemo(() => office, [officeKey]);
  // Who is logged in (accounts): the audit trail's actor and the subject of permission checks.
  // The session the window started restoring, if any.
  const session = useMemo(() => early?.session ?? createSessionStore(db, platform()), [db, early]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const who =
    state.status === 'active'
      ? `${JSON.stringify(state.user)}${state.dataKey ? ':key' : ''}`
      : state.status;
  const value = useMemo(() => {
    const actor = (): Actor => session.actor(stableOffice?.officeCode ?? 'LOCAL');
    return {
      repos: makeRepositories(db, actor, {
        subject: () => session.subject(),
        dataKey: () => session.dataKey(),
      }),
      office: stableOffice ?? undefined,
      loading: stableOffice === undefined,
      accountsAtStart: early?.accounts,
    };
    // `who`: repositories are rebuilt when the user changes, so live queries run again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, stableOffice, session, who, early]);
  // A page closed mid-restore leaves its scratch database (a whole copy of a backup) behind.
  // Once the first screen is up (issue 15): listing databases is not needed to show it.
  // Its code too: loaded then (issue 15).
  useEffect(
    () =>
      whenIdle(() => {
        void import('../data/repositories/backupRestore')
          .then((m) => m.deleteLeftoverRestores(db))
          .catch(() => undefined);
      }),
    [db],
  );
  // Referral rows stored in plaintext before encryption at rest (database version 3) are
  // sealed as soon as a data key is open; until then they stay readable as they are.
  useEffect(() => {
    const key = session.dataKey();
    if (!key) return;
    const by = session.actor(office?.officeCode ?? 'LOCAL');
    // Started once the first screen is drawn (issue 15), within two seconds at the latest.
    // Their code is loaded then too, not with the window.
    return whenIdle(() => {
      void import('../data/repositories/referralsAtRest')
        .then((m) => m.sealPlaintextRows(db, key, by))
        .catch(
          () => undefined, // tried again at the next unlock
        );
      // Restricted shelter addresses stored in clear (before issue 13, or imported while the
      // key was locked) are sealed the same way (locationsAtRest.ts).
      void import('../data/repositories/locationsAtRest')
        .then((m) => m.sealPlaintextLocations(db, key, by))
        .catch(() => undefined);
    });
  }, [db, session, who, office?.officeCode]);
  return (
    <DataContext.Provider value={value}>
      <SessionProvider
        store={session}
        settings={settings}
        lockAfterAtStart={early?.lockAfterMinutes}
      >
        {children}
      </SessionProvider>
    </DataContext.Provider>
  );
};

export const useData = (): DataValue => {
  const v = useContext(DataContext);
  if (!v) throw new Error('useData outside DataProvider');
  return v;
};

/** The office profile, for screens that only render once setup is done. */
export const useOffice = (): OfficeProfile => {
  const { office } = useData();
  if (!office) throw new Error('useOffice before setup');
  return office;
};
